"""Pasting into a section editor: rich text as Markdown, and "Plakken als platte tekst" (Ctrl+Shift+V)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPlainTextEdit

PLAIN_PASTE_KEY = QKeySequence("Ctrl+Shift+V")  # Qt has no standard key for it; the one word processors use


def paste_rich(edit: QPlainTextEdit, source: QMimeData) -> bool:
    """Insert the clipboard's HTML as Markdown at the cursor; False when the plain text serves as well."""
    if not source.hasHtml() or edit.isReadOnly():
        return False
    # The converter (BeautifulSoup, soupsieve, markdownify: ~70 ms) is imported on the first rich paste,
    # not while the window starts.
    from ..pastehtml import html_to_markdown, keep_edge_spaces, spaced_blocks

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a whole Word document takes a second or two
    try:
        pasted = html_to_markdown(source.html())
    finally:
        QApplication.restoreOverrideCursor()
    _tell(edit, pasted.notes)
    if pasted.markdown is None:
        return False
    cursor = edit.textCursor()
    document = edit.document()
    before = _text(document, 0, cursor.selectionStart())
    after = _text(document, cursor.selectionEnd(), document.characterCount() - 1)
    markdown = keep_edge_spaces(pasted.markdown, source.text() if source.hasText() else "")
    cursor.insertText(spaced_blocks(markdown, before, after))
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    return True


def _text(document, start: int, end: int) -> str:  # noqa: ANN001 - QTextDocument
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(max(start, end), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def _tell(edit: QPlainTextEdit, notes: tuple) -> None:  # noqa: ANN001
    """Show what the paste changed in the window's status bar (it does not stop the editor's work)."""
    window = edit.window()
    if notes and isinstance(window, QMainWindow):
        language = str(getattr(window, "language", "nl"))  # the window's language, as its other messages
        window.statusBar().showMessage(" ".join(note.localized(language) for note in notes), 15000)


def paste_plain(edit: QPlainTextEdit) -> None:
    """Paste the clipboard's plain text, without its formatting."""
    if edit.isReadOnly():
        return
    source = QGuiApplication.clipboard().mimeData()
    if source is None or not source.hasText():
        return
    plain = QMimeData()
    plain.setText(source.text())
    edit.insertFromMimeData(plain)


def add_plain_paste_action(edit: QPlainTextEdit) -> QAction:
    """The "Plakken als platte tekst" action with Ctrl+Shift+V on the editor."""
    # translate() with a context of its own: lupdate cannot know `edit`'s class, so edit.tr() would not match
    action = QAction(QCoreApplication.translate("Paste", "Plakken als platte tekst"), edit)
    action.setObjectName("paste-plain")
    action.setToolTip(QCoreApplication.translate("Paste", "Plak de tekst van het klembord zonder opmaak: geen vet, "
                                                          "lijsten, links of tabellen"))
    action.setShortcut(PLAIN_PASTE_KEY)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _=False: paste_plain(edit))
    edit.addAction(action)
    return action


def is_plain_paste_key(event: QKeyEvent) -> bool:
    """True for Ctrl+Shift+V (when the key reaches the editor rather than the action's shortcut)."""
    return QKeySequence(event.keyCombination()).matches(PLAIN_PASTE_KEY) == QKeySequence.SequenceMatch.ExactMatch


def add_to_context_menu(menu: QMenu, action: QAction, read_only: bool) -> None:
    """Put the action right after the standard menu's "Plakken"."""
    if read_only:
        return
    actions = menu.actions()
    paste = next((a for a in actions if a.objectName() == "edit-paste"), None)
    following = actions[actions.index(paste) + 1] if paste is not None and actions.index(paste) + 1 < len(actions) \
        else None
    action.setEnabled(bool(QGuiApplication.clipboard().text()))
    if following is None:
        menu.addAction(action)
    else:
        menu.insertAction(following, action)
