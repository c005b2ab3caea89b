"""Formatting without Markdown: bold and italic by shortcut, inserting only the markers through the text cursor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


def wrap_selection(edit: QPlainTextEdit, marker: str) -> None:
    """Put `marker` before and after the selection (or an empty pair at the cursor); nothing else changes."""
    if edit.isReadOnly():
        return
    cursor = edit.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    cursor.beginEditBlock()
    cursor.clearSelection()
    cursor.setPosition(end)
    cursor.insertText(marker)  # the end first, so `start` still points where it did
    cursor.setPosition(start)
    cursor.insertText(marker)
    cursor.endEditBlock()
    cursor.setPosition(start + len(marker))
    cursor.setPosition(end + len(marker), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def add_format_actions(edit: QPlainTextEdit) -> dict[str, QAction]:
    """Ctrl+B (bold, `**`) and Ctrl+I (italic, `*`) on a section editor."""
    actions = {}
    for key, name, tip, keys, marker in (
        ("bold", edit.tr("Vet"), edit.tr("Maak de geselecteerde tekst vet (Markdown **tekst**)"),
         QKeySequence.StandardKey.Bold, "**"),
        ("italic", edit.tr("Cursief"), edit.tr("Maak de geselecteerde tekst cursief (Markdown *tekst*)"),
         QKeySequence.StandardKey.Italic, "*"),
    ):
        action = QAction(name, edit)
        action.setToolTip(tip)
        action.setShortcut(QKeySequence(keys))
        action.setProperty("standard_key", keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _=False, m=marker: wrap_selection(edit, m))
        edit.addAction(action)
        actions[key] = action
    return actions
