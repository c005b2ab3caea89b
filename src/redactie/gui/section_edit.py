"""A section's text editor: plain Markdown with light highlighting and Dutch spell checking."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QPlainTextEdit, QWidget

from ..faithful import INVISIBLE_RE
from ..spelling import Speller
from .faithful_edit import FaithfulEdit
from .formatting import add_format_actions
from .paste import add_plain_paste_action, add_to_context_menu, is_plain_paste_key, paste_rich
from .table_actions import add_table_actions, add_table_entries
from .undo_keys import route_undo

_RULES = [
    (re.compile(r"^\s{0,3}#{1,6} .*$"), "heading"),
    (re.compile(r"\*\*[^*]+\*\*|__[^_]+__"), "bold"),
    (re.compile(r"(?<![*\w])\*(?![\s*])[^*]*?[^\s*]\*(?!\*)|(?<![_\w])_(?![\s_])[^_]*?[^\s_]_(?![_\w])"), "italic"),
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
        self.formats["italic"] = QTextCharFormat()
        self.formats["italic"].setFontItalic(True)
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
                if name in ("bold", "italic"):  # the markers dimmed, so the text reads like a document
                    width = 2 if name == "bold" else 1
                    for at in (match.start(), match.end() - width):
                        dim = QTextCharFormat(self.formats[name])
                        dim.setForeground(QColor("#9a9a9a"))
                        self.setFormat(at, width, dim)
        if self.speller is not None:
            # The block state carries "inside a code fence / HTML comment" to the next line only.
            spans, state = self.speller.check(text, max(self.previousBlockState(), 0))
            self.setCurrentBlockState(state)
            for start, length in spans:
                fmt = QTextCharFormat(self.format(start))
                fmt.merge(self.misspelled)
                self.setFormat(start, length, fmt)


def _standard_keys(action: QAction) -> list[QKeySequence.StandardKey | QKeySequence]:
    if action.property("standard_key") is not None:
        return [action.property("standard_key")]
    return [QKeySequence(action.property("key_text"))] if action.property("key_text") else []


class SectionEdit(FaithfulEdit):
    """Plain-text Markdown editing; right-click a red-underlined word for suggestions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, mark_invisible=False)  # the Markdown highlighter marks them
        self.highlighter = MarkdownHighlighter(self)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        route_undo(self)
        self.format_actions = add_format_actions(self)
        self.paste_plain_action = add_plain_paste_action(self)
        self.table_actions = add_table_actions(self)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        """Rich text (Word, a web page) as Markdown; plain text as it is."""
        if not paste_rich(self, source):
            super().insertFromMimeData(source)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        """Also clipboard data with only HTML."""
        return source.hasHtml() or super().canInsertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Ctrl+B and Ctrl+I also when the key reaches the editor instead of its action's shortcut."""
        if is_plain_paste_key(event):
            self.paste_plain_action.trigger()
            return
        for action in self.format_actions.values():
            if any(event.matches(key) if isinstance(key, QKeySequence.StandardKey)
                   else QKeySequence(event.keyCombination()) == key for key in _standard_keys(action)):
                action.trigger()
                return
        super().keyPressEvent(event)

    def set_speller(self, speller: Speller | None) -> None:
        """Turn spell checking on (with a loaded dictionary) or off."""
        self.highlighter.speller = speller
        self.highlighter.rehighlight()

    def word_at(self, position: QPoint) -> QTextCursor:
        """A cursor selecting the word at a point of the viewport."""
        cursor = self.cursorForPosition(position)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        return cursor

    def misspelled_at(self, position: QPoint) -> QTextCursor | None:
        """A cursor selecting the underlined word at a point of the viewport, or None where no word is."""
        speller = self.highlighter.speller
        if speller is None:
            return None
        cursor = self.cursorForPosition(position)
        block = cursor.block()
        previous = block.previous()
        state = max(previous.userState(), 0) if previous.isValid() else 0
        column = cursor.positionInBlock()
        for start, length in speller.check(block.text(), state)[0]:
            if start <= column <= start + length:
                cursor.setPosition(block.position() + start)
                cursor.setPosition(block.position() + start + length, QTextCursor.MoveMode.KeepAnchor)
                return cursor
        return None

    def suggestions_at(self, position: QPoint) -> tuple[QTextCursor, list[str]]:
        """The word at a point and its suggestions (empty when the word is known)."""
        cursor = self.misspelled_at(position)
        speller = self.highlighter.speller
        if cursor is None or speller is None:
            return self.word_at(position), []
        return cursor, speller.suggestions(cursor.selectedText())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        """The standard menu, headed by spelling suggestions and word-list choices for an underlined word."""
        menu = self.createStandardContextMenu()
        add_to_context_menu(menu, self.paste_plain_action, self.isReadOnly())
        speller = self.highlighter.speller
        cursor = self.misspelled_at(event.pos())
        if speller is not None and cursor is not None:
            word = cursor.selectedText()
            suggestions = speller.suggestions(word)
            first = menu.actions()[0] if menu.actions() else None
            for suggestion in suggestions:
                action = menu.addAction(suggestion)
                action.triggered.connect(self._replacer(QTextCursor(cursor), suggestion))
                menu.insertAction(first, action)
            if not suggestions:
                none = menu.addAction(self.tr("Geen suggesties"))
                none.setEnabled(False)
                menu.insertAction(first, none)
            choices = [(self.tr("Toevoegen aan de gedeelde woordenlijst van deze documenten"), "repository"),
                       (self.tr("Toevoegen aan mijn eigen woordenlijst"), "user"),
                       (self.tr("Negeren tot Redactie sluit"), "session")]
            for text, where in choices:
                if where == "repository" and speller.root is None:
                    continue
                add = menu.addAction(text)
                add.triggered.connect(lambda _=False, w=where: self.accept_word(word, w))
                menu.insertAction(first, add)
            menu.insertSeparator(first)
        if not self.isReadOnly():
            menu.addSeparator()
            menu.addMenu(self.format_menu(menu))
        add_table_entries(self, menu, self.table_actions, event.pos())
        menu.exec(event.globalPos())

    def format_menu(self, parent: QWidget) -> QMenu:
        """The "Opmaak" menu: bold, italic, link, lists, quote and the site's boxes, each as its shortcut does."""
        menu = QMenu(self.tr("Opmaak"), parent)
        menu.setToolTipsVisible(True)
        for key, action in self.format_actions.items():
            if key in ("bullet", "admonition-example"):  # groups: inline, lines, boxes
                menu.addSeparator()
            menu.addAction(action)
        return menu

    def _replacer(self, cursor: QTextCursor, word: str):  # noqa: ANN202
        return lambda: self.replace_word(cursor, word)

    def replace_word(self, cursor: QTextCursor, word: str) -> None:
        """Replace the selected word (one undoable edit, like typing)."""
        cursor.insertText(word)

    def accept_word(self, word: str, where: str = "session") -> None:
        """Count a word as known: in the repository's shared list (a change to review and commit), the user's
        own list, or for this session only; every section editor of the window drops its underline."""
        speller = self.highlighter.speller
        if speller is None:
            return
        try:
            if where == "repository":
                path = speller.add_to_repository(word)
                window = self.window()
                if isinstance(window, QMainWindow):
                    window.statusBar().showMessage(self.tr("'%1' staat nu in %2: beoordeel en leg die wijziging "
                                                           "vast zoals elke wijziging").replace("%1", word)
                                                   .replace("%2", path.name))
            elif where == "user":
                speller.add_for_user(word)
            else:
                speller.add(word)
        except OSError as error:
            speller.add(word)
            QMessageBox.warning(self, self.tr("Woordenlijst niet bijgewerkt"),
                                self.tr("De woordenlijst kon niet worden opgeslagen (%1). Het woord geldt tot "
                                        "Redactie sluit; probeer het later opnieuw.").replace("%1", str(error)))
        for edit in {self, *self.window().findChildren(SectionEdit)}:
            if edit.highlighter.speller is speller:
                edit.highlighter.rehighlight()


def monospace_hint(edit: QPlainTextEdit) -> None:
    """Use the system's fixed-width font (for the raw view)."""
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    edit.setFont(font)
    edit.setWordWrapMode(edit.wordWrapMode())
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
