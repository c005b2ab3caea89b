"""Repairing a schema file as text (Qt-free): read it as it is, check a new text, write it back only when changed.

The text is the file's exact text (its line endings, no-break spaces and any other character as they are: the editor
holds it faithfully, see `redactie.faithful`) and goes back in the file's own encoding with its byte-order mark, so
only what the user changed differs in the bytes written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import SchemaError, decode_schema, parse_schema, schema_bytes


@dataclass(frozen=True)
class SchemaSource:
    """A schema file as read: its bytes, its exact text, byte-order mark and encoding."""

    path: Path
    original: bytes
    text: str
    bom: bytes
    encoding: str

    @property
    def crlf(self) -> bool:
        """Whether its lines end in CRLF (an editor then shows each pair as one line break)."""
        return "\r\n" in self.text

    def encode(self, text: str) -> bytes:
        """`text` (exact, as `text` is) as the file's bytes: its byte-order mark and encoding."""
        return self.bom + text.encode(self.encoding)


def read_source(path: Path) -> SchemaSource:
    """The schema file at `path` for repair; SchemaError when it is not a text file that can be shown."""
    data = schema_bytes(path)
    text, bom, encoding = decode_schema(data, str(path))
    return SchemaSource(path, data, text, bom, encoding)


def check(text: str, path: Path) -> SchemaError | None:
    """Why `text` would not be a usable schema, or None when it reads."""
    try:
        parse_schema(text, str(path))
    except SchemaError as exc:
        return exc
    return None


def save(source: SchemaSource, text: str) -> bool:
    """Write `text` to the schema file (atomically) when it differs from what was read; True when written.
    FileRefused when the file changed since it was read; SchemaError when it can no longer be read."""
    from ..fileio import FileRefused, atomic_write

    data = source.encode(text)
    if data == source.original:
        return False
    if schema_bytes(source.path) != source.original:  # another program wrote it meanwhile: its work is not lost
        raise FileRefused(source.path, "het schemabestand is intussen door een ander programma gewijzigd; sluit dit "
                          "venster en open het opnieuw om die versie te zien",
                          "the schema file was changed by another program meanwhile; close this window and open it "
                          "again to see that version")
    atomic_write(source.path, data)
    return True
