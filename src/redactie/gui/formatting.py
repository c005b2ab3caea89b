"""Formatting without Markdown: bold, italic, links, lists, quotes and the site's boxes, each inserting (or
removing) only its own characters through the text cursor, so nothing else in the section changes.

The commands are defined once (`FormatCommands.specs`): the section editor's shortcuts and "Opmaak" menu and the
toolbar above the sections are all made from that one table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from ..resources import resource

# -- the edits --------------------------------------------------------------------------------------------------


def _run(edit: QPlainTextEdit, position: int, step: int, char: str, limit: int) -> int:
    """How many `char` follow `position` (step 1) or precede it (step -1), counting at most `limit`."""
    document = edit.document()
    count = 0
    while count < limit:
        at = position + count if step > 0 else position - 1 - count
        if at < 0 or at >= document.characterCount() - 1 or document.characterAt(at) != char:
            break
        count += 1
    return count


def toggle_wrap(edit: QPlainTextEdit, marker: str) -> None:
    """Put `marker` around the selection, or take it away when the selection is already so marked (inside or
    just outside it); an empty selection gets an empty pair. `*` counts as italic in a run of 1 or 3, `**` as
    bold in a run of 2 or 3, so italic never takes half of a bold marker."""
    if edit.isReadOnly():
        return
    cursor = edit.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    char, width = marker[0], len(marker)
    marked = (width, 3)
    inside = (_run(edit, start, 1, char, 3), _run(edit, end, -1, char, 3))
    outside = (_run(edit, start, -1, char, 3), _run(edit, end, 1, char, 3))
    cursor.beginEditBlock()
    if end - start >= 2 * width and inside[0] in marked and inside[1] in marked and sum(inside) <= end - start:
        _remove(cursor, end - width, end)
        _remove(cursor, start, start + width)
        select = (start, end - 2 * width)
    elif outside[0] in marked and outside[1] in marked:
        _remove(cursor, end, end + width)
        _remove(cursor, start - width, start)
        select = (start - width, end - width)
    else:
        cursor.clearSelection()
        cursor.setPosition(end)
        cursor.insertText(marker)  # the end first, so `start` still points where it did
        cursor.setPosition(start)
        cursor.insertText(marker)
        select = (start + width, end + width)
    cursor.endEditBlock()
    _select(edit, *select)


def _remove(cursor: QTextCursor, start: int, end: int) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()


def _select(edit: QPlainTextEdit, start: int, end: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
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
    _select(edit, address, address + len(_ADDRESS))


_ADDRESS = "https://"


def replace_selection(edit: QPlainTextEdit, text: str) -> None:
    """Put `text` in place of the selection (or at the cursor), as one undoable edit."""
    if edit.isReadOnly():
        return
    cursor = edit.textCursor()
    cursor.insertText(text)
    edit.setTextCursor(cursor)


def selected_blocks(edit: QPlainTextEdit) -> list[QTextBlock]:
    """The lines the selection touches (the cursor's line when nothing is selected)."""
    cursor = edit.textCursor()
    document = edit.document()
    last = document.findBlock(cursor.selectionEnd())
    blocks = [document.findBlock(cursor.selectionStart())]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks


# A line's existing marker of each kind, after its indentation (group 1).
_LINE_MARKERS = {"bullet": re.compile(r"^(\s*)[-*+] "), "numbered": re.compile(r"^(\s*)\d{1,9}[.)] "),
                 "quote": re.compile(r"^()> ?")}


def prefix_lines(edit: QPlainTextEdit, kind: str) -> None:
    """Start each selected line with "- " (bullet), "1. ", "2. " … (numbered) or "> " (quote); when every
    selected line already has that marker, take the markers away instead. Empty lines in a multi-line selection
    are left alone, and nothing else in the text changes."""
    if edit.isReadOnly():
        return
    blocks = selected_blocks(edit)
    targets = [b for b in blocks if b.text().strip()] if len(blocks) > 1 else blocks
    pattern = _LINE_MARKERS[kind]
    found = [pattern.match(block.text()) for block in targets]
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    # from the end, so earlier positions stay valid
    if all(found):
        for block, match in reversed(list(zip(targets, found, strict=True))):
            assert match is not None
            _remove(cursor, block.position() + match.end(1), block.position() + match.end())
    else:
        markers = [{"bullet": "- ", "quote": "> "}.get(kind, f"{n}. ") for n in range(1, len(targets) + 1)]
        for block, marker, match in reversed(list(zip(targets, markers, found, strict=True))):
            if match is None:
                cursor.setPosition(block.position())
                cursor.insertText(marker)
    cursor.endEditBlock()


ADMONITIONS = (("example", "Voorbeeld"), ("warning", "Let op"), ("tip", "Tip"), ("info", "Informatie"),
               ("note", "Opmerking"))  # mkdocs-material kinds with the site's Dutch titles


def insert_admonition(edit: QPlainTextEdit, kind: str, title: str) -> None:
    """Put the selected lines in a `!!! kind "title"` block: the heading line, and 4 spaces before each line."""
    if edit.isReadOnly():
        return
    blocks = selected_blocks(edit)
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    for block in reversed(blocks):
        if block.text().strip():
            cursor.setPosition(block.position())
            cursor.insertText("    ")
    first = blocks[0]
    cursor.setPosition(first.position())
    before = "\n" if first.previous().isValid() and first.previous().text().strip() else ""  # a block of its own
    cursor.insertText(f'{before}!!! {kind} "{title}"\n\n')
    cursor.endEditBlock()


# -- the one table of commands ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormatSpec:
    """One formatting command: its name, what it does, its shortcut, its icon and what it does to an editor."""

    key: str
    text: str
    tip: str
    icon: str  # a file in resources/icons/format, without ".svg"; "" for none
    run: Callable[[QPlainTextEdit], None]
    standard_key: QKeySequence.StandardKey | None = None
    key_text: str = ""

    def shortcut(self) -> QKeySequence | None:
        """The key sequence, or None."""
        if self.standard_key is not None:
            return QKeySequence(self.standard_key)
        return QKeySequence(self.key_text) if self.key_text else None

    def tooltip(self) -> str:
        """The tooltip: what it does, and its shortcut as the platform writes it."""
        keys = self.shortcut()
        shown = keys.toString(QKeySequence.SequenceFormat.NativeText) if keys is not None else ""
        return f"{self.tip} ({shown})" if shown else self.tip


_ICONS: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """A bundled formatting icon (scalable SVG, so sharp at any scale), or a null icon when it is missing.

    Each is found once: every section editor of every opened document asks for the same dozen (a path
    resolved and a file looked up each time cost a document with many sections ~20 ms per open)."""
    found = _ICONS.get(name)
    if found is None:
        path = resource("icons", "format", f"{name}.svg")
        found = _ICONS[name] = QIcon(str(path)) if name and path.is_file() else QIcon()
    return found


def _pick_document_link(edit: QPlainTextEdit) -> None:
    picker = getattr(edit, "pick_document_link", None)
    if callable(picker):
        picker()


class FormatCommands(QObject):
    """The formatting commands' names and tooltips, translated (the one definition every control uses)."""

    def specs(self) -> list[FormatSpec]:
        """Inline commands, then line commands, then the site's boxes (in menu and toolbar order)."""
        specs = [
            FormatSpec("bold", self.tr("Vet"), self.tr("Maak de geselecteerde tekst vet (Markdown **tekst**); "
                                                      "nog eens haalt het vet weg"), "bold",
                       lambda e: toggle_wrap(e, "**"), QKeySequence.StandardKey.Bold),
            FormatSpec("italic", self.tr("Cursief"), self.tr("Maak de geselecteerde tekst cursief (Markdown "
                                                            "*tekst*); nog eens haalt het cursief weg"), "italic",
                       lambda e: toggle_wrap(e, "*"), QKeySequence.StandardKey.Italic),
            FormatSpec("link", self.tr("Link"), self.tr("Maak van de geselecteerde tekst een link; typ daarna het "
                                                       "webadres"), "link", insert_link, key_text="Ctrl+K"),
            FormatSpec("document-link", self.tr("Link naar document"),
                       self.tr("Kies een vereiste, maatregel of ander document op titel of code en maak van de "
                               "geselecteerde tekst een link ernaartoe"), "document-link", _pick_document_link,
                       key_text="Ctrl+Shift+K"),
            FormatSpec("bullet", self.tr("Opsomming"), self.tr("Begin elke geselecteerde regel met een "
                                                              "opsommingsteken; nog eens haalt ze weg"), "bullet",
                       lambda e: prefix_lines(e, "bullet")),
            FormatSpec("numbered", self.tr("Genummerde lijst"), self.tr("Nummer de geselecteerde regels 1, 2, 3 …; "
                                                                       "nog eens haalt de nummers weg"), "numbered",
                       lambda e: prefix_lines(e, "numbered")),
            FormatSpec("quote", self.tr("Citaat"), self.tr("Maak van de geselecteerde regels een citaat; nog eens "
                                                          "maakt er weer gewone tekst van"), "quote",
                       lambda e: prefix_lines(e, "quote")),
        ]
        for kind, title in ADMONITIONS:
            specs.append(FormatSpec(f"admonition-{kind}", self.tr("Kader '%1'").replace("%1", title),
                                    self.tr("Zet de geselecteerde regels in een kader '%1' zoals de website dat "
                                            "toont").replace("%1", title), "admonition",
                                    lambda e, k=kind, t=title: insert_admonition(e, k, t)))
        return specs

    def admonition_menu_title(self) -> str:
        """The name of the boxes' menu."""
        return self.tr("Kader")

    def admonition_menu_tip(self) -> str:
        """The tooltip of the boxes' menu."""
        return self.tr("Zet de geselecteerde regels in een kader zoals de website dat toont: Voorbeeld, Let op, "
                       "Tip …")


def add_format_actions(edit: QPlainTextEdit) -> dict[str, QAction]:
    """Every formatting command as an action of the editor, with its shortcut where it has one."""
    actions = {}
    for spec in FormatCommands().specs():
        action = QAction(icon(spec.icon), spec.text, edit)
        action.setToolTip(spec.tooltip())
        keys = spec.shortcut()
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            if spec.standard_key is not None:
                action.setProperty("standard_key", spec.standard_key)
            else:
                action.setProperty("key_text", spec.key_text)
        action.triggered.connect(lambda _=False, run=spec.run: run(edit))
        edit.addAction(action)
        actions[spec.key] = action
    return actions
