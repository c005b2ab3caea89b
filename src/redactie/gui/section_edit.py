"""A section's text editor: plain Markdown with light highlighting and Dutch spell checking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QPlainTextEdit, QToolTip, QWidget

from ..faithful import DisplayText
from ..links import find_links
from ..spelling import Speller
from .faithful_edit import FaithfulEdit
from .formatting import add_format_actions, replace_selection
from .highlighter import MarkdownHighlighter
from .paste import add_plain_paste_action, add_to_context_menu, is_plain_paste_key, paste_rich
from .table_actions import add_table_actions, add_table_entries
from .undo_keys import route_undo, shared_undo_in_menu

__all__ = ["MarkdownHighlighter", "SectionEdit", "monospace_hint"]
# The open document's repository and path, for "Link naar document" (None while there is none).
LinkContext = Callable[[], "tuple[object, str] | None"]

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
        self._actions: tuple[dict[str, QAction], QAction, dict[str, QAction]] | None = None
        self.link_context: LinkContext | None = None
        self.link_picker = None  # the open "Link naar document" dialog

    def _own_actions(self) -> tuple[dict[str, QAction], QAction, dict[str, QAction]]:
        """The editor's formatting, plain-paste and table actions, made when first needed: a document opens with
        many section editors, and most are never typed in."""
        if self._actions is None:
            self._actions = (add_format_actions(self), add_plain_paste_action(self), add_table_actions(self))
        return self._actions

    @property
    def format_actions(self) -> dict[str, QAction]:
        """The formatting commands as actions of this editor, by key."""
        return self._own_actions()[0]

    @property
    def paste_plain_action(self) -> QAction:
        """"Plakken als platte tekst" (Ctrl+Shift+V)."""
        return self._own_actions()[1]

    @property
    def table_actions(self) -> dict[str, QAction]:
        """"Tabel bewerken…" and "Tabel invoegen…"."""
        return self._own_actions()[2]

    def actions(self) -> list[QAction]:
        """The editor's actions (made now if they were not yet)."""
        self._own_actions()
        return super().actions()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        """The actions exist before the first key: their shortcuts only work in the editor that has the focus."""
        self._own_actions()
        super().focusInEvent(event)

    def show_text(self, text: str) -> None:
        """Show a text (not an edit: `edited` is not emitted) as a new editor would: the cursor and the view at its
        start, nothing of what was shown before (another document's section) left in the view."""
        self._text = DisplayText(text, self._crlf)
        display = self._text.display
        self._loading = True
        try:
            # one replacement of the whole text, coloured at once (`setPlainText` leaves the colouring to a later
            # turn of the event loop: the text would first be painted plain)
            cursor = QTextCursor(self.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(display)
            if self._shown() != display:  # Qt changed something on the way in: show the text as a whole
                self.setPlainText(display)
        finally:
            self._loading = False
        self.setTextCursor(QTextCursor(self.document()))
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

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

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Over a link to a document that does not exist, the tooltip says so."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            missing = self.missing_link_at(event.pos())
            if missing is not None:
                QToolTip.showText(event.globalPos(), self.tr("Dit document bestaat niet: %1").replace("%1", missing),
                                  self)
                return True
        return super().viewportEvent(event)

    def missing_link_at(self, position: QPoint) -> str | None:
        """The missing path of the link at a point of the viewport, or None (no link, or its target exists)."""
        check = self.highlighter.link_check
        if check is None:
            return None
        cursor = self.cursorForPosition(position)
        column = cursor.positionInBlock()
        for link in find_links(cursor.block().text()):
            if link.start <= column < link.end:
                return check(link.target)
        return None

    def pick_document_link(self) -> None:
        """Ask which document to link to (by title or code) and put `[text](relative/path.md)` at the selection."""
        context = self.link_context() if self.link_context is not None else None
        if self.isReadOnly() or context is None:
            return
        from .link_picker import LinkPicker  # the dialog only when asked for

        repo, relpath = context
        selected = self.textCursor().selectedText().replace("\u2029", " ")
        self.link_picker = LinkPicker(repo, relpath, selected, self)
        self.link_picker.chosen.connect(lambda text: (replace_selection(self, text), self.setFocus()))
        self.link_picker.open()

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
        shared_undo_in_menu(self, menu)
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
