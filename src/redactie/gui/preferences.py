"""The settings read at start: the interface language and the editors' font size (no dialog imported)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANGUAGE_KEY, FONT_KEY = "ui/language", "editor/font_size"


def saved_language() -> str | None:
    """The interface language chosen in the settings, if any."""
    value = QSettings("Redactie", "Redactie").value(LANGUAGE_KEY)
    return str(value) if value in ("nl", "en") else None


def saved_font_size() -> int:
    """The editors' font size chosen in the settings (0: the system's)."""
    try:
        return int(QSettings("Redactie", "Redactie").value(FONT_KEY, 0))
    except (TypeError, ValueError):
        return 0
