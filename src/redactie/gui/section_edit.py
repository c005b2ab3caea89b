"""A section's text editor: plain Markdown with light highlighting and Dutch spell checking."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..faithful import INVISIBLE_RE
from ..spelling import Speller
from .faithful_edit import FaithfulEdit
from .undo_keys import route_undo

_RULES = [
    (re.compile(r"^\s{0,3}#{1,6} .*$"), "heading"),
    (re.compile(r"\*\*[^*]+\*\*|__[^_]+__"), "bold"),
    (re.compile(r"\[[^\]]+\]\([^)]+\)|https?://\S+"), "link"),
    (re.compile(r"^\s*(?:[-*+]|\d+\.)\s"), "bullet"),
    (re.compile(r"^\s*(?:!!!|\?\?\?\+?|===)\s.*$|<!--.*?-->"), "markup"),
    (INVISIBLE_RE, "invisible"),
]


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links and the site's markup in colour; unknown words with a red wavy line."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit.document())
        self.speller: Speller | None = None
        self.formats: dict[str, QTextCharFormat] = {}
        for name, color, bold in (("heading", "#1f3a68", True), ("bold", "", True), ("link", "#0b5cad", False),
                                  ("bullet", "#7a4a00", True), ("markup", "#6b6b6b", False)):
            fmt = QTextCharFormat()
            if color:
                fmt.setForeground(QColor(color))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            self.formats[name] = fmt
        # No-break spaces, zero-width characters and the markers for characters a text box cannot hold.
        self.formats["invisible"] = QTextCharFormat()
        self.formats["invisible"].setBackground(QColor("#ffe9a8"))
        self.misspelled = QTextCharFormat()
        self.misspelled.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelled.setUnderlineColor(QColor("#d00000"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        """Colour one line."""
        for pattern, name in _RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
        if self.speller is not None:
            for start, length in self.speller.misspelled(text):
                fmt = QTextCharFormat(self.format(start))
                fmt.merge(self.misspelled)
                self.setFormat(start, length, fmt)


class SectionEdit(FaithfulEdit):
    """Plain-text Markdown editing; right-click a red-underlined word for suggestions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.highlighter = MarkdownHighlighter(self)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        route_undo(self)

    def set_speller(self, speller: Speller | None) -> None:
        """Turn spell checking on (with a loaded dictionary) or off."""
        self.highlighter.speller = speller
        self.highlighter.rehighlight()

    def word_at(self, position: QPoint) -> QTextCursor:
        """A cursor selecting the word at a point of the viewport."""
        cursor = self.cursorForPosition(position)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        return cursor

    def suggestions_at(self, position: QPoint) -> tuple[QTextCursor, list[str]]:
        """The word at a point and its suggestions (empty when the word is known)."""
        cursor = self.word_at(position)
        speller = self.highlighter.speller
        word = cursor.selectedText()
        if speller is None or not word or not speller.misspelled(word):
            return cursor, []
        return cursor, speller.suggestions(word)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        """The standard menu, headed by spelling suggestions for an unknown word."""
        menu = self.createStandardContextMenu()
        cursor, suggestions = self.suggestions_at(event.pos())
        speller = self.highlighter.speller
        if speller is not None and cursor.selectedText() and speller.misspelled(cursor.selectedText()):
            first = menu.actions()[0] if menu.actions() else None
            for word in suggestions:
                action = menu.addAction(word)
                action.triggered.connect(self._replacer(QTextCursor(cursor), word))
                menu.insertAction(first, action)
            if not suggestions:
                none = menu.addAction(self.tr("Geen suggesties"))
                none.setEnabled(False)
                menu.insertAction(first, none)
            add = menu.addAction(self.tr("Woord toevoegen aan de woordenlijst"))
            selected = cursor.selectedText()
            add.triggered.connect(lambda: self._accept(selected))
            menu.insertAction(first, add)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())

    def _replacer(self, cursor: QTextCursor, word: str):  # noqa: ANN202
        return lambda: self.replace_word(cursor, word)

    def replace_word(self, cursor: QTextCursor, word: str) -> None:
        """Replace the selected word (one undoable edit, like typing)."""
        cursor.insertText(word)

    def _accept(self, word: str) -> None:
        if self.highlighter.speller is not None:
            self.highlighter.speller.add(word)
            self.highlighter.rehighlight()


def monospace_hint(edit: QPlainTextEdit) -> None:
    """Use the system's fixed-width font (for the raw view)."""
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    edit.setFont(font)
    edit.setWordWrapMode(edit.wordWrapMode())
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
