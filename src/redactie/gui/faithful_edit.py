"""A plain-text editor that holds a document's exact text: untouched characters come back byte for byte."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..faithful import DisplayText, clean_new_text, find_edit


class FaithfulEdit(QPlainTextEdit):
    """Shows `DisplayText` of an original text; `edited` after each user edit, with `original()` updated.

    Never read the text with `toPlainText()` (it is lossy): use `original()`.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, crlf: bool = False) -> None:
        super().__init__(parent)
        self._crlf = crlf
        self._text = DisplayText("", crlf)
        self._hint: tuple[int, int, int] | None = None
        self._hints = 0
        self._loading = False
        self.document().contentsChange.connect(self._contents_change)
        self.textChanged.connect(self._changed)

    def original(self) -> str:
        """The exact text, with the user's edits."""
        return self._text.original

    def set_original(self, text: str) -> None:
        """Show `text` (not an edit: `edited` is not emitted); the cursor stays where it was when possible."""
        self._text = DisplayText(text, self._crlf)
        if self._shown() != self._text.display:
            self._show(self._text.display)

    def _shown(self) -> str:
        return self.document().toRawText().replace("\u2029", "\n")

    def _show(self, display: str) -> None:
        position = self.textCursor().position()
        self._loading = True
        try:
            self.setPlainText(display)
        finally:
            self._loading = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(display)))
        self.setTextCursor(cursor)

    def _contents_change(self, position: int, removed: int, added: int) -> None:
        if not self._loading:
            self._hint, self._hints = (position, removed, added), self._hints + 1

    def _changed(self) -> None:
        hint = self._hint if self._hints == 1 else None
        self._hint, self._hints = None, 0
        if self._loading:
            return
        shown = self._shown()
        edit = find_edit(self._text.display, shown, hint)
        if edit is None:
            return
        self._text = DisplayText(self._text.apply(edit), self._crlf)
        if self._text.display != shown:  # typed something the widget shows differently (a line separator)
            self._show(self._text.display)
        self.edited.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Shift+Enter starts a new line like Enter (Qt would insert a line separator)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isReadOnly():
            self.textCursor().insertText("\n")
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        """Paste as plain text with plain newlines and without control characters."""
        if source.hasText():
            cursor: QTextCursor = self.textCursor()
            cursor.insertText(clean_new_text(source.text()))
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)
