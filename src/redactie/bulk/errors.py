"""Why a bulk change cannot be planned or applied, in Dutch and English."""

from __future__ import annotations


class BulkError(ValueError):
    """A bulk change that cannot be made; carries the message in both languages.

    A ValueError: a refusal the user can act on, shown to them, never a program error with a traceback."""

    def __init__(self, en: str, nl: str, paths: list[str] | None = None) -> None:
        super().__init__(en)
        self.en, self.nl = en, nl
        self.paths = list(paths or [])

    def localized(self, language: str) -> str:
        """The message in `language` ("nl" or "en")."""
        return self.nl if language.startswith("nl") else self.en


class BulkRefused(BulkError):
    """The plan no longer fits the files (unsaved edits, changed on disk): nothing was written."""


class BulkCancelled(BulkError):
    """The editor cancelled before anything was written."""

    def __init__(self) -> None:
        super().__init__("cancelled; nothing was changed", "geannuleerd; er is niets veranderd")
