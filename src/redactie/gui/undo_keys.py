"""Text widgets hand Ctrl+Z / Ctrl+Y to the window, so the form and the sections share one undo history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class _Router(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Refuse the shortcut override for undo and redo, so the window's actions get the keys."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if any(event.matches(key) for key in _KEYS):
                event.ignore()
                return True
        return False


_ROUTER: _Router | None = None


def route_undo(widget: QWidget) -> None:
    """Make `widget` leave undo and redo to the document's shared history."""
    global _ROUTER
    if _ROUTER is None:
        _ROUTER = _Router()
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)
    if isinstance(widget, (QPlainTextEdit, QLineEdit)):
        widget.installEventFilter(_ROUTER)
