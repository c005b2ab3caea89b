"""Text widgets hand Ctrl+Z / Ctrl+Y to the window, so the form and the sections share one undo history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_CTRL_Y = QKeySequence("Ctrl+Y")


def redo_shortcuts(bindings: list[QKeySequence] | None = None) -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Y, which X11 desktops leave unbound but Dutch editors expect."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if bindings is None else bindings)
    if not any(key.matches(_CTRL_Y) == QKeySequence.SequenceMatch.ExactMatch for key in keys):
        keys.append(_CTRL_Y)
    return keys


class _Router(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Refuse the shortcut override for undo and redo, so the window's actions get the keys."""
        # the type test second: every event of every text box passes here, and `type()` builds a Python enum
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride:
            if any(event.matches(key) for key in _KEYS) or _is_ctrl_y(event):
                event.ignore()
                return True
        return False


def _is_ctrl_y(event: QKeyEvent) -> bool:
    return QKeySequence(event.keyCombination()).matches(_CTRL_Y) == QKeySequence.SequenceMatch.ExactMatch


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


def shared_undo_in_menu(widget: QWidget, menu: QMenu) -> None:
    """Put the window's undo and redo (the document's shared history) where a text box's own menu has its own,
    which are always greyed out because the box leaves undo to the window."""
    window = widget.window()
    for name, attribute in (("edit-undo", "undo_action"), ("edit-redo", "redo_action")):
        shared = getattr(window, attribute, None)
        own = next((action for action in menu.actions() if action.objectName() == name), None)
        if isinstance(shared, QAction) and own is not None:
            menu.insertAction(own, shared)
            menu.removeAction(own)
