"""Parsed schemas kept between runs (Qt-free): reading a schema's YAML costs ~15 ms at every start.

An entry is found by a digest of the schema text, the path it was read from and the code that reads it (this
package's files or the built app, and ruamel.yaml's version), so an edited schema or an updated Redactie is always
read anew. Only schemas that read without error are kept. Entries are loaded with an unpickler that accepts
nothing but the schema model's own classes and ruamel's containers: a damaged or foreign file is read as no
entry. The cache never decides anything: any problem with it means the schema is parsed as before.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

from .model import Schema

_ALLOWED = {
    "redactie.schema.model": {"Schema", "DocType", "FieldDef", "Text", "Vocabulary"},
    "ruamel.yaml.comments": {"CommentedSeq", "CommentedMap", "Format", "LineCol", "Comment", "Tag"},
    "ruamel.yaml.scalarstring": {"LiteralScalarString", "FoldedScalarString", "DoubleQuotedScalarString",
                                 "SingleQuotedScalarString", "PlainScalarString"},
    "ruamel.yaml.anchor": {"Anchor"},
}
_CODE: list[str] = []  # the fingerprint of the reading code, computed once per process


class _SchemaUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a schema")


def _code() -> str:
    """What the cached objects depend on: this package's code (or the built app) and ruamel.yaml's version."""
    if not _CODE:
        from ruamel.yaml import __version__ as ruamel_version

        parts = [ruamel_version, sys.version, str(pickle.HIGHEST_PROTOCOL)]
        for path in sorted(Path(__file__).parent.glob("*.py")):  # source or installed: any change counts
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
        if getattr(sys, "frozen", False):  # a rebuilt app with the same version number
            stat = Path(sys.executable).stat()
            parts.append(f"app:{stat.st_size}:{stat.st_mtime_ns}")
        _CODE.append("\0".join(parts))
    return _CODE[0]


def _entry(text: str, path: str) -> Path:
    from ..index import cache_dir

    digest = hashlib.sha256("\0".join((_code(), path, text)).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / "schema" / f"{digest[:32]}.pickle"


def cached_parse(text: str, path: str, parse: Callable[[str, str], Schema]) -> Schema:
    """`parse(text, path)`, or the schema it gave before for this very text, path and code."""
    entry: Path | None = None
    data = b""
    try:
        entry = _entry(text, path)
        data = entry.read_bytes()
    except (OSError, ValueError):
        pass  # not kept yet (or no cache folder): parsed below
    if data:
        try:
            schema = _SchemaUnpickler(io.BytesIO(data)).load()
        except Exception:  # noqa: BLE001 - a damaged entry is no entry
            schema = None
        if isinstance(schema, Schema):
            return schema
    schema = parse(text, path)
    if entry is not None:
        try:
            from ..fileio import atomic_write

            entry.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(entry, pickle.dumps(schema, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            pass  # not kept: read again next time
    return schema


def clear() -> None:
    """Forget every kept schema (tests; a user never needs it)."""
    from ..index import cache_dir

    folder = cache_dir() / "schema"
    for entry in folder.glob("*.pickle") if folder.is_dir() else []:
        try:
            os.unlink(entry)
        except OSError:
            pass
