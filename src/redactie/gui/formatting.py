"""Formatting without Markdown: bold, italic and links by shortcut, inserting only the markers by cursor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


def wrap_selection(edit: QPlainTextEdit, marker: str) -> None:
    """Put `marker` before and after the selection (or an empty pair at the cursor); nothing else changes."""
    if edit.isReadOnly():
        return
    cursor = edit.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    cursor.beginEditBlock()
    cursor.clearSelection()
    cursor.setPosition(end)
    cursor.insertText(marker)  # the end first, so `start` still points where it did
    cursor.setPosition(start)
    cursor.insertText(marker)
    cursor.endEditBlock()
    cursor.setPosition(start + len(marker))
    cursor.setPosition(end + len(marker), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def insert_link(edit: QPlainTextEdit) -> None:
    """Make the selection a link: `[selection](https://)` with the address selected, ready to be typed over."""
    if edit.isReadOnly():
        return
    cursor = edit.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    cursor.beginEditBlock()
    cursor.clearSelection()
    cursor.setPosition(end)
    cursor.insertText(f"]({_ADDRESS})")
    cursor.setPosition(start)
    cursor.insertText("[")
    cursor.endEditBlock()
    address = end + 1 + 2  # past "[" and "]("
    cursor.setPosition(address)
    cursor.setPosition(address + len(_ADDRESS), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


_ADDRESS = "https://"


def prefix_lines(edit: QPlainTextEdit, kind: str) -> None:
    """Start each selected line with "- " (bullet), "1. ", "2. " … (numbered) or "> " (quote); lines that
    already start so are left alone, and nothing else in the text changes."""
    if edit.isReadOnly():
        return
    cursor = edit.textCursor()
    document = edit.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    targets = [b for b in blocks if b.text().strip()] if len(blocks) > 1 else blocks
    markers = [{"bullet": "- ", "quote": "> "}.get(kind, f"{n}. ") for n in range(1, len(targets) + 1)]
    cursor.beginEditBlock()
    # from the end, so earlier positions stay valid
    for block, marker in reversed(list(zip(targets, markers, strict=True))):
        if block.text().startswith(marker.strip()):
            continue
        cursor.setPosition(block.position())
        cursor.insertText(marker)
    cursor.endEditBlock()


ADMONITIONS = (("example", "Voorbeeld"), ("warning", "Let op"), ("tip", "Tip"), ("info", "Informatie"),
               ("note", "Opmerking"))  # mkdocs-material kinds with the site's Dutch titles


def insert_admonition(edit: QPlainTextEdit, kind: str, title: str) -> None:
    """Put the selected lines in a `!!! kind "title"` block: the heading line, and 4 spaces before each line."""
    if edit.isReadOnly():
        return
    cursor = edit.textCursor()
    document = edit.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    cursor.beginEditBlock()
    for block in reversed(blocks):
        if block.text().strip():
            cursor.setPosition(block.position())
            cursor.insertText("    ")
    cursor.setPosition(first.position())
    before = "\n" if first.previous().isValid() and first.previous().text().strip() else ""  # a block of its own
    cursor.insertText(f'{before}!!! {kind} "{title}"\n\n')
    cursor.endEditBlock()


def add_format_actions(edit: QPlainTextEdit) -> dict[str, QAction]:
    """Ctrl+B (bold, `**`), Ctrl+I (italic, `*`) and Ctrl+K (link) on a section editor."""
    actions = {}
    for key, name, tip, keys, marker in (
        ("bold", edit.tr("Vet"), edit.tr("Maak de geselecteerde tekst vet (Markdown **tekst**)"),
         QKeySequence.StandardKey.Bold, "**"),
        ("italic", edit.tr("Cursief"), edit.tr("Maak de geselecteerde tekst cursief (Markdown *tekst*)"),
         QKeySequence.StandardKey.Italic, "*"),
    ):
        action = QAction(name, edit)
        action.setToolTip(tip)
        action.setShortcut(QKeySequence(keys))
        action.setProperty("standard_key", keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _=False, m=marker: wrap_selection(edit, m))
        edit.addAction(action)
        actions[key] = action
    link = QAction(edit.tr("Link"), edit)
    link.setToolTip(edit.tr("Maak van de geselecteerde tekst een link; typ daarna het webadres"))
    link.setShortcut(QKeySequence("Ctrl+K"))
    link.setProperty("key_text", "Ctrl+K")
    link.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    link.triggered.connect(lambda _=False: insert_link(edit))
    edit.addAction(link)
    actions["link"] = link
    for key, name, tip in (
        ("bullet", edit.tr("Opsomming"), edit.tr("Begin elke geselecteerde regel met een opsommingsteken")),
        ("numbered", edit.tr("Genummerde lijst"), edit.tr("Nummer de geselecteerde regels 1, 2, 3 …")),
        ("quote", edit.tr("Citaat"), edit.tr("Maak van de geselecteerde regels een citaat")),
    ):
        action = QAction(name, edit)
        action.setToolTip(tip)
        action.triggered.connect(lambda _=False, k=key: prefix_lines(edit, k))
        edit.addAction(action)
        actions[key] = action
    for kind, title in ADMONITIONS:
        action = QAction(edit.tr("Kader '%1'").replace("%1", title), edit)
        action.setToolTip(edit.tr("Zet de geselecteerde regels in een kader zoals de website dat toont"))
        action.triggered.connect(lambda _=False, k=kind, t=title: insert_admonition(edit, k, t))
        edit.addAction(action)
        actions[f"admonition-{kind}"] = action
    return actions
