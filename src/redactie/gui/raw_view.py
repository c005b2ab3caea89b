"""The whole file as text: for power users, and for repairing front matter that does not parse."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..document import DocumentEncodingError, FrontMatterError
from ..document.text import BOM
from ..validation.yamlerrors import refine
from .faithful_edit import FaithfulEdit
from .section_edit import MarkdownHighlighter, monospace_hint
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
        self.edit = FaithfulEdit(self, crlf=True, mark_invisible=False)  # the Markdown highlighter marks them
        self.highlighter = MarkdownHighlighter(self.edit)
        self.edit.setAccessibleName(self.tr("Bestand als tekst"))
        self.edit.setToolTip(self.tr("De volledige tekst van het bestand, inclusief de gegevens bovenaan"))
        monospace_hint(self.edit)
        route_undo(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(self.edit)
        self.session: DocumentSession | None = None
        self.language = "nl"
        self._dirty = False  # the user edited the text since it was last handed to the session
        self._shown: Path | None = None  # the file whose text the box holds (its cursor and scroll are for it)
        self.edit.edited.connect(self._typed)

    def show_session(self, session: DocumentSession, language: str) -> None:
        """Show a document's whole text."""
        self.session, self.language = session, language
        self.refresh()

    def follow(self, session: DocumentSession, language: str) -> None:
        """The document to show once the tab is opened (`refresh`); its text is not filled in before."""
        self.session, self.language = session, language
        self._dirty = False

    def refresh(self) -> None:
        """Re-read the session (after undo, reload, or a form edit)."""
        session = self.session
        if session is None:
            return
        self._dirty = False
        self.edit.set_original(session.current().removeprefix(BOM).decode("utf-8", "replace"))
        if session.path != self._shown:  # another file: shown from its start, as a new box would
            self._shown = session.path
            cursor = self.edit.textCursor()
            cursor.setPosition(0)
            self.edit.setTextCursor(cursor)
            self.edit.verticalScrollBar().setValue(0)
            self.edit.horizontalScrollBar().setValue(0)
        self.edit.setReadOnly(isinstance(session.error, DocumentEncodingError))
        self.show_error()

    def show_error(self, move_cursor: bool = True) -> None:
        """Show the parse error, if any, and (unless the user is typing) put the cursor at its line and column."""
        session = self.session
        error = session.error if session else None
        if error is None:
            self.error.hide()
            return
        line, column, nl, en = refine(session.raw, error) if isinstance(error, FrontMatterError) else (
            error.line, error.column, error.localized("nl"), error.localized("en"))
        self.error.setText(self.tr("De gegevens bovenaan dit bestand kunnen niet worden gelezen (regel %1, kolom "
                                   "%2): %3").replace("%1", str(line)).replace("%2", str(column))
                           .replace("%3", nl if self.language == "nl" else en))
        self.error.show()
        if move_cursor:
            self.go_to(line, column)

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
        self._dirty = True
        self.apply()

    def apply(self) -> None:
        """Hand the user's edits to the session; untouched lines keep their exact bytes (BOM, line endings)."""
        session = self.session
        if session is None or not self._dirty or self.edit.isReadOnly():
            return
        self._dirty = False
        data = self.edit.original().encode("utf-8")
        if session.current().startswith(BOM):
            data = BOM + data
        session.set_text(data, self.tr("Tekst bewerken"))
        self.show_error(move_cursor=False)
        self.edited.emit()
