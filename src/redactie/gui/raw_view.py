"""The whole file as text: for power users, and for repairing front matter that does not parse."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..document import DocumentEncodingError
from ..document.text import BOM, dominant_ending, split_lines
from .section_edit import monospace_hint
from .session import DocumentSession
from .undo_keys import route_undo


class RawView(QWidget):
    """Shows and edits the session's bytes as text; a parse error is shown with its line and column."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName(self.tr("Fout in het bestand"))
        self.error.hide()
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(self.tr("Bestand als tekst"))
        self.edit.setToolTip(self.tr("De volledige tekst van het bestand, inclusief de gegevens bovenaan. "
                                     "Wijzigingen worden na een korte pauze overgenomen"))
        monospace_hint(self.edit)
        route_undo(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(self.edit)
        self.session: DocumentSession | None = None
        self.language = "nl"
        self._shown = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.apply)
        self.edit.textChanged.connect(self._typed)

    def show_session(self, session: DocumentSession, language: str) -> None:
        """Show a document's whole text."""
        self.session, self.language = session, language
        self.refresh()

    def refresh(self) -> None:
        """Re-read the session (after undo, reload, or a form edit)."""
        session = self.session
        if session is None:
            return
        data = session.current()
        text = data.removeprefix(BOM).decode("utf-8", "replace")
        if text != self._shown:
            self._shown = text
            self.edit.blockSignals(True)
            self.edit.setPlainText(text)
            self.edit.blockSignals(False)
        self.edit.setReadOnly(isinstance(session.error, DocumentEncodingError))
        self.show_error()

    def show_error(self) -> None:
        """Show the parse error, if any, and put the cursor at its line and column."""
        session = self.session
        error = session.error if session else None
        if error is None:
            self.error.hide()
            return
        self.error.setText(self.tr("De gegevens bovenaan dit bestand kunnen niet worden gelezen (regel %1, kolom "
                                   "%2): %3").replace("%1", str(error.line)).replace("%2", str(error.column))
                           .replace("%3", error.localized(self.language)))
        self.error.show()
        self.go_to(error.line, error.column)

    def go_to(self, line: int, column: int) -> None:
        """Move the cursor to a 1-based line and column."""
        block = self.edit.document().findBlockByNumber(max(line - 1, 0))
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor,
                            min(max(column - 1, 0), max(block.length() - 1, 0)))
        self.edit.setTextCursor(cursor)
        self.edit.centerCursor()

    def cursor_position(self) -> tuple[int, int]:
        """The cursor's 1-based line and column."""
        cursor = self.edit.textCursor()
        return cursor.blockNumber() + 1, cursor.positionInBlock() + 1

    def _typed(self) -> None:
        self._timer.start()

    def apply(self) -> None:
        """Hand the edited text to the session (keeping the file's BOM and line endings)."""
        self._timer.stop()
        session = self.session
        if session is None:
            return
        text = self.edit.toPlainText()
        if text == self._shown:
            return
        original = session.current()
        eol = dominant_ending(split_lines(original.removeprefix(BOM).decode("utf-8", "replace")))
        data = text.replace("\n", eol).encode("utf-8")
        if original.startswith(BOM):
            data = BOM + data
        self._shown = text
        session.set_text(data, self.tr("Tekst bewerken"))
        self.show_error()
        self.edited.emit()
