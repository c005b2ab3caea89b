"""A plain-text editor that holds a document's exact text: untouched characters come back byte for byte."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..faithful import INVISIBLE_RE, DisplayText, clean_new_text, find_edit


class InvisibleHighlighter(QSyntaxHighlighter):
    """Marks no-break spaces, zero-width characters and the markers for characters a text box cannot hold."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit.document())
        self.mark = QTextCharFormat()
        self.mark.setBackground(QColor("#ffe9a8"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        """Mark the special characters of one line."""
        for match in INVISIBLE_RE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.mark)


class FaithfulEdit(QPlainTextEdit):
    """Shows `DisplayText` of an original text; `edited` after each user edit, with `original()` updated.

    Never read the text with `toPlainText()` (it is lossy): use `original()`.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, crlf: bool = False, mark_invisible: bool = True) -> None:
        super().__init__(parent)
        # Editors with a highlighter of their own (sections, the raw text) mark these characters themselves.
        self.invisible_highlighter = InvisibleHighlighter(self) if mark_invisible else None
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
        """Replace only what differs (after undo, a reload), so the cursor and the scroll position stay put."""
        shown = self._shown()
        edit = find_edit(shown, display)
        if edit is None:
            return
        position = self.textCursor().position()
        self._loading = True
        try:
            cursor = QTextCursor(self.document())
            cursor.setPosition(edit.start)
            cursor.setPosition(edit.old_end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(edit.new_text)
        finally:
            self._loading = False
        if position >= edit.old_end:  # after the change: move along with the text
            position += len(edit.new_text) - (edit.old_end - edit.start)
        elif position > edit.start:  # inside it: to its end
            position = edit.start + len(edit.new_text)
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(display))))
        self.setTextCursor(cursor)
        if self._shown() != display:  # Qt changed something on the way in: show the text as a whole
            self._loading = True
            try:
                self.setPlainText(display)
            finally:
                self._loading = False

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

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt API
        """Copy the selection's exact text as plain text (no HTML of the highlighting to be pasted back)."""
        cursor = self.textCursor()
        start = self._text.to_original(cursor.selectionStart())
        end = self._text.to_original(cursor.selectionEnd())
        data = QMimeData()
        data.setText(self._text.original[start:end])
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        """Paste as plain text with plain newlines and without control characters."""
        if source.hasText():
            cursor: QTextCursor = self.textCursor()
            cursor.insertText(clean_new_text(source.text()))
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)
