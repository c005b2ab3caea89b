"""Errors raised while reading or editing a document."""

from __future__ import annotations


class FrontMatterError(ValueError):
    """The front matter cannot be read; `line` and `column` are 1-based positions in the file."""

    def __init__(self, line: int, column: int, message: str, message_nl: str | None = None) -> None:
        self.line = line
        self.column = column
        self.message = message
        self.message_nl = message_nl or message
        super().__init__(f"line {line}, column {column}: {message}")

    def localized(self, language: str) -> str:
        """Return the message in `language` ("nl" or "en")."""
        return self.message_nl if language.startswith("nl") else self.message


class DocumentEncodingError(FrontMatterError):
    """The file's bytes are not valid UTF-8; `offset` is the 0-based byte position of the first bad byte."""

    def __init__(self, line: int, column: int, offset: int) -> None:
        self.offset = offset
        super().__init__(
            line,
            column,
            f"the file is not valid UTF-8 text (byte {offset}); save it as UTF-8 in another program first",
            f"het bestand is geen geldige UTF-8-tekst (byte {offset}); sla het eerst op als UTF-8 "
            "in een ander programma",
        )


class EditError(ValueError):
    """An edit was refused because writing it would have changed something other than its target."""
