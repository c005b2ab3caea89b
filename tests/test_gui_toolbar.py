"""The formatting toolbar, Markdown highlighting, links by title and missing links (#15 items 1 and 3).

Every action is driven by accessible name in the real window and checked by saving and comparing bytes: only
the characters the action adds (or removes) change.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QPushButton,
    QToolBar,
    QToolButton,
    QToolTip,
    QWidget,
)

from redactie.gui.highlighter import DIM, LINK
from redactie.gui.link_picker import LinkPicker
from redactie.gui.main_window import MainWindow
from redactie.gui.section_edit import SectionEdit
from redactie.links import KnownFiles

from .conftest import CORPUS, copy_writable
from .test_gui import DOC, window  # noqa: F401 - the window fixture

RISICO = "Niet reageren op non-conformiteit kan leiden tot risico's voor gebruikers en derden."


def _focus_and_select(window: MainWindow, qtbot, section: str, word: str) -> SectionEdit:  # noqa: ANN001, F811
    edit = _section(window, section)
    window.editor.form_view.ensureWidgetVisible(edit)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    start = edit.toPlainText().index(word)
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    return edit


def by_name(root: QWidget, kind: type, name: str) -> QWidget:
    """The shown widget of this kind with this accessible name (hidden ones await deletion)."""
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name and not w.isHidden()]
    assert matches, f"no {kind.__name__} named {name!r}"
    return matches[0]


def _section(window: MainWindow, name: str) -> SectionEdit:  # noqa: F811
    """The open document's editor for a section (a previous document's may still await deletion)."""
    edit = window.editor.form_view.section_editors[name]
    assert edit.accessibleName() == f"Sectie {name}"
    return edit


def _toolbar(window: MainWindow) -> QToolBar:  # noqa: F811
    bar = window.editor.format_bar
    assert isinstance(bar, QToolBar) and bar.accessibleName() == "Opmaak"
    return bar


def _click(window: MainWindow, qtbot, name: str) -> None:  # noqa: ANN001, F811
    button = by_name(_toolbar(window), QToolButton, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _saved_with(window: MainWindow, path: Path, before: bytes, old: bytes, new: bytes) -> None:  # noqa: F811
    window.save()
    at = before.index(old, before.index(b"## Risico"))
    assert path.read_bytes() == before[:at] + new + before[at + len(old):]


@pytest.mark.parametrize(("button", "word", "marked"), [
    ("Vet", b"derden", b"**derden**"),
    ("Cursief", b"derden", b"*derden*"),
    ("Link", b"derden", b"[derden](https://)"),
    ("Opsomming", b"Niet", b"- Niet"),
    ("Genummerde lijst", b"Niet", b"1. Niet"),
    ("Citaat", b"Niet", b"> Niet"),
])
def test_toolbar_buttons_add_only_their_characters(window: MainWindow, content_repo: Path, qtbot,  # noqa: ANN001, F811
                                                   button: str, word: bytes, marked: bytes) -> None:
    path = content_repo / DOC
    before = path.read_bytes()
    window.open_document(DOC)
    _focus_and_select(window, qtbot, "Risico", word.decode())
    _click(window, qtbot, button)
    _saved_with(window, path, before, word, marked)


def test_toolbar_box_menu_puts_lines_in_a_site_box(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001, F811
    path = content_repo / DOC
    before = path.read_bytes()
    window.open_document(DOC)
    _focus_and_select(window, qtbot, "Risico", "Niet reageren")
    boxes = by_name(_toolbar(window), QToolButton, "Kader")
    assert boxes.isEnabled() and "Voorbeeld" in boxes.toolTip()
    [example] = [a for a in boxes.menu().actions() if a.text() == "Kader 'Voorbeeld'"]
    assert example.toolTip()
    example.trigger()
    _saved_with(window, path, before, b"Niet", b'!!! example "Voorbeeld"\n\n    Niet')
    line = path.read_bytes().split(b"## Risico\n\n", 1)[1].split(b"\n## ", 1)[0]
    assert line.startswith(b'!!! example "Voorbeeld"\n\n    Niet reageren')
    assert b"\nHet kan leiden" in line  # only the selected line goes in


def test_toolbar_names_tips_and_shortcuts(window: MainWindow) -> None:  # noqa: F811
    window.open_document(DOC)
    bar = _toolbar(window)
    expected = {"Vet": "Ctrl+B", "Cursief": "Ctrl+I", "Link": "Ctrl+K", "Link naar document": "Ctrl+Shift+K",
                "Opsomming": "", "Genummerde lijst": "", "Citaat": "", "Kader": ""}
    for name, keys in expected.items():
        button = by_name(bar, QToolButton, name)
        assert button.toolTip(), name
        assert keys in button.toolTip(), (name, button.toolTip())
        assert not button.icon().isNull(), name  # the bundled SVG icons load
    # one definition: the section editor's own actions carry the same names, tips and shortcuts
    risico = _section(window, "Risico")
    for action in (a for a in bar.actions() if a.objectName()):
        own = risico.format_actions[action.objectName()]
        assert (own.text(), own.toolTip()) == (action.text(), action.toolTip())


def test_toolbar_follows_the_focus_and_is_disabled_for_read_only_sections(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    window.open_document(DOC)
    bold = by_name(_toolbar(window), QToolButton, "Vet")
    assert not bold.isEnabled()  # no section had the focus yet
    _focus_and_select(window, qtbot, "Risico", "derden")
    assert bold.isEnabled()
    generated = _section(window, "Maatregelen")
    generated.setFocus()
    qtbot.waitUntil(generated.hasFocus)
    assert not bold.isEnabled() and not by_name(_toolbar(window), QToolButton, "Kader").isEnabled()
    title = by_name(window, QLineEdit, "Titel")  # a field: the toolbar keeps acting on the last section
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    assert not bold.isEnabled()
    window.editor.tabs.setCurrentIndex(1)
    assert not _toolbar(window).isVisible()  # the raw text has no sections to format
    window.editor.tabs.setCurrentIndex(0)
    assert _toolbar(window).isVisible()


def test_toolbar_acts_on_the_section_that_last_had_the_focus(window: MainWindow, content_repo: Path,  # noqa: F811
                                                             qtbot) -> None:  # noqa: ANN001
    path = content_repo / DOC
    before = path.read_bytes()
    window.open_document(DOC)
    _focus_and_select(window, qtbot, "Risico", "derden")
    title = by_name(window, QLineEdit, "Titel")
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    _click(window, qtbot, "Vet")
    assert _section(window, "Risico").hasFocus()
    _saved_with(window, path, before, b"derden", b"**derden**")


def test_ctrl_b_twice_leaves_the_file_as_it_was(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001, F811
    path = content_repo / DOC
    before = path.read_bytes()
    window.open_document(DOC)
    risico = _focus_and_select(window, qtbot, "Risico", "derden")
    qtbot.keySequence(risico, QKeySequence("Ctrl+B"))
    assert "**derden**" in risico.original()
    qtbot.keySequence(risico, QKeySequence("Ctrl+B"))
    assert risico.textCursor().selectedText() == "derden"
    assert not window.editor.modified
    assert not window.save() and path.read_bytes() == before


@pytest.mark.parametrize(("text", "select", "marker", "expected"), [
    ("een **vet** woord", "**vet**", "**", "een vet woord"),  # the markers selected too
    ("een **vet** woord", "vet", "**", "een vet woord"),  # the markers just outside
    ("een *schuin* woord", "schuin", "*", "een schuin woord"),
    ("een **vet** woord", "vet", "*", "een ***vet*** woord"),  # italic never takes half of bold
    ("een ***beide*** woord", "beide", "*", "een **beide** woord"),
    ("een ***beide*** woord", "beide", "**", "een *beide* woord"),
    ("2 * 3 * 4", "3", "*", "2 * *3* * 4"),
    ("**", "", "**", "******"),  # an empty pair at the cursor, not a removal of the marker before it
])
def test_bold_and_italic_toggle_by_rule(qtbot, text: str, select: str, marker: str, expected: str) -> None:  # noqa: ANN001
    from redactie.gui.formatting import toggle_wrap

    edit = SectionEdit()
    qtbot.addWidget(edit)
    edit.set_original(text)
    start = text.index(select) if select else len(text)
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(select), cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    toggle_wrap(edit, marker)
    assert edit.original() == expected


@pytest.mark.parametrize(("kind", "text"), [("bullet", "- een\n  - twee\n"), ("numbered", "1. een\n12) twee\n"),
                                            ("quote", "> een\n>twee\n")])
def test_lists_and_quotes_toggle_off(qtbot, kind: str, text: str) -> None:  # noqa: ANN001
    from redactie.gui.formatting import prefix_lines

    edit = SectionEdit()
    qtbot.addWidget(edit)
    edit.set_original(text)
    edit.selectAll()
    prefix_lines(edit, kind)
    assert edit.original() == {"bullet": "een\n  twee\n", "numbered": "een\ntwee\n", "quote": "een\ntwee\n"}[kind]


def test_numbering_leaves_a_line_that_is_already_numbered(qtbot) -> None:  # noqa: ANN001
    from redactie.gui.formatting import prefix_lines

    edit = SectionEdit()
    qtbot.addWidget(edit)
    edit.set_original("1. een\ntwee\n")
    edit.selectAll()
    prefix_lines(edit, "numbered")
    assert edit.original() == "1. een\n2. twee\n"


# -- links by title ---------------------------------------------------------------------------------------------


def _picker(window: MainWindow, qtbot) -> LinkPicker:  # noqa: ANN001, F811
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(LinkPicker)))
    return next(d for d in window.findChildren(LinkPicker) if d.isVisible())


@pytest.mark.parametrize(("how", "typed", "word", "expected"), [
    ("keys", "stopknop", "derden", b"[derden](../maatregelen/stopknop_inrichten.md)"),
    ("button", "bias toets", "", b"[Toets het algoritme op ongewenste verschillen tussen groepen]"
     b"(../maatregelen/bias_toets_uitvoeren.md)"),
    ("keys", "geletterd", "", None),  # same folder: the title of docs/vereisten/ai_geletterdheid.md
])
def test_link_to_a_document_by_title(window: MainWindow, content_repo: Path, qtbot, how: str,  # noqa: ANN001, F811
                                     typed: str, word: str, expected: bytes | None) -> None:
    path = content_repo / DOC
    before = path.read_bytes()
    window.open_document(DOC)
    risico = _focus_and_select(window, qtbot, "Risico", word or "derden")
    if not word:
        cursor = risico.textCursor()
        cursor.setPosition(cursor.selectionEnd())  # nothing selected: the title becomes the link's text
        risico.setTextCursor(cursor)
    if how == "keys":
        qtbot.keySequence(risico, QKeySequence("Ctrl+Shift+K"))
    else:
        _click(window, qtbot, "Link naar document")
    picker = _picker(window, qtbot)
    search = by_name(picker, QLineEdit, "Zoek document")
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, typed)
    shown = by_name(picker, QListWidget, "Documenten om naar te linken")
    assert shown.count() >= 1
    target = picker.target()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert not picker.isVisible()
    if expected is None:
        title = window.repo.title(target)
        assert target == "docs/vereisten/ai_geletterdheid.md" and title
        expected = f"[{title}](ai_geletterdheid.md)".encode()
    window.save()
    at = before.index(b"derden", before.index(b"## Risico"))
    if word:
        assert path.read_bytes() == before[:at] + expected + before[at + len(word):]
    else:
        assert path.read_bytes() == before[:at + len(b"derden")] + expected + before[at + len(b"derden"):]


def test_link_picker_filters_by_every_word_and_cancel_changes_nothing(window: MainWindow, content_repo: Path,  # noqa: F811
                                                                       qtbot) -> None:  # noqa: ANN001
    path = content_repo / DOC
    before = path.read_bytes()
    window.open_document(DOC)
    risico = _focus_and_select(window, qtbot, "Risico", "derden")
    qtbot.keySequence(risico, QKeySequence("Ctrl+Shift+K"))
    picker = _picker(window, qtbot)
    shown = by_name(picker, QListWidget, "Documenten om naar te linken")
    everything = shown.count()
    assert everything > 10 and DOC not in [shown.item(i).data(Qt.ItemDataRole.UserRole) for i in range(everything)]
    qtbot.keyClicks(by_name(picker, QLineEdit, "Zoek document"), "MAATREGELEN stop")  # any case, every word
    assert 0 < shown.count() < everything
    qtbot.keyClicks(by_name(picker, QLineEdit, "Zoek document"), " xyzzy")
    assert shown.count() == 0 and not picker.ok.isEnabled()
    qtbot.mouseClick(by_name(picker, QPushButton, "Annuleren"), Qt.MouseButton.LeftButton)
    assert not picker.isVisible()
    assert not window.editor.modified and path.read_bytes() == before


def test_link_picker_reads_no_file(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    window.open_document(DOC)
    reads = window.repo.index.reads
    risico = _focus_and_select(window, qtbot, "Risico", "derden")
    qtbot.keySequence(risico, QKeySequence("Ctrl+Shift+K"))
    picker = _picker(window, qtbot)
    qtbot.keyClicks(by_name(picker, QLineEdit, "Zoek document"), "register")
    assert window.repo.index.reads == reads  # the titles come from the index the list already has
    picker.reject()


# -- highlighting -----------------------------------------------------------------------------------------------


def _formats(edit: SectionEdit, line: int) -> list[tuple[int, int, QTextCharFormat]]:
    block = edit.document().findBlockByNumber(line)
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def _at(formats: list[tuple[int, int, QTextCharFormat]], column: int) -> QTextCharFormat:
    return next((f for s, n, f in formats if s <= column < s + n), QTextCharFormat())


def test_links_headings_lists_and_boxes_read_like_a_document(qtbot) -> None:  # noqa: ANN001
    edit = SectionEdit()
    qtbot.addWidget(edit)
    lines = ["Zie [de **maatregel**](../m.md) en https://example.org.", "### Een kop", "- punt een",
             '!!! example "Voorbeeld"', "> citaat", "12. twaalf"]
    edit.set_original("\n".join(lines) + "\n")
    first = _formats(edit, 0)
    text = lines[0]
    assert _at(first, text.index("de ")).foreground().color() == QColor(LINK)
    assert _at(first, text.index("maatregel")).fontWeight() > 400  # bold inside a link stays bold
    assert _at(first, text.index("../m.md")).foreground().color() == QColor(DIM)
    assert _at(first, text.index("[")).foreground().color() == QColor(DIM)
    assert _at(first, text.index("https")).foreground().color() == QColor(LINK)
    heading = _formats(edit, 1)
    assert _at(heading, 0).foreground().color() == QColor(DIM) and _at(heading, 5).fontWeight() > 400
    assert _at(_formats(edit, 2), 0).foreground().color() == QColor(DIM)
    assert _at(_formats(edit, 2), 3).foreground().color() != QColor(DIM)
    assert _at(_formats(edit, 3), 4).foreground().color() == QColor(DIM)
    assert _at(_formats(edit, 4), 0).foreground().color() == QColor(DIM)
    assert _at(_formats(edit, 5), 1).foreground().color() == QColor(DIM)


def test_links_to_missing_documents_are_marked_with_a_tooltip(qtbot) -> None:  # noqa: ANN001
    edit = SectionEdit()
    qtbot.addWidget(edit)
    known = KnownFiles(frozenset({"docs/vereisten/a.md", "docs/maatregelen/m.md"}))
    edit.highlighter.link_check = lambda target: known.missing("docs/vereisten/a.md", target)
    line = ("[weg](../maatregelen/weg.md) [er](../maatregelen/m.md) [web](https://x.nl/weg.md) "
            "[anker](#kop) [mail](mailto:a@b.nl)")
    edit.set_original(line + "\n")
    edit.resize(2000, 200)
    edit.show()
    formats = _formats(edit, 0)
    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    marked = [column for column in range(len(line)) if _at(formats, column).underlineStyle() == wavy]
    assert marked == list(range(0, len("[weg](../maatregelen/weg.md)")))
    rect = edit.cursorRect(_cursor_at(edit, line.index("weg")))
    assert edit.missing_link_at(rect.center()) == "docs/maatregelen/weg.md"
    tip = QHelpEvent(QEvent.Type.ToolTip, rect.center(), edit.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(edit.viewport(), tip)
    assert QToolTip.text() == "Dit document bestaat niet: docs/maatregelen/weg.md"
    for word in ("er]", "web", "anker", "mail"):
        rect = edit.cursorRect(_cursor_at(edit, line.index(word) + 1))
        assert edit.missing_link_at(rect.center()) is None, word


def _cursor_at(edit: SectionEdit, position: int):  # noqa: ANN202
    cursor = edit.textCursor()
    cursor.setPosition(position)
    return cursor


def test_the_window_marks_a_typed_link_to_a_missing_document(window: MainWindow, content_repo: Path,  # noqa: F811
                                                             qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    qtbot.waitUntil(lambda: window.editor.form_view.known_files is not None)
    risico = _focus_and_select(window, qtbot, "Risico", "derden")
    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    qtbot.keyClicks(risico, "[x](../maatregelen/bestaat_niet.md) [y](../maatregelen/stopknop_inrichten.md)")
    number = risico.textCursor().block().blockNumber()
    line = risico.textCursor().block().text()
    formats = _formats(risico, number)
    assert _at(formats, line.index("[x]")).underlineStyle() == wavy
    assert _at(formats, line.index("[y]")).underlineStyle() != wavy
    # A file made by another program counts once the window has looked again (as after any folder change).
    (content_repo / "docs/maatregelen/bestaat_niet.md").write_text("---\ntitle: Nu wel\n---\n", encoding="utf-8")
    window.editor.refresh_known_files(window.repo)
    qtbot.waitUntil(lambda: _at(_formats(risico, number), line.index("[x]")).underlineStyle() != wavy)
    for _ in range(100):  # typing makes a few undo steps; leave the document as found
        if not window.editor.modified:
            break
        window.undo_action.trigger()
    assert not window.editor.modified
    assert QApplication.instance() is not None


def test_the_commands_speak_english_too(qapp) -> None:  # noqa: ANN001
    from redactie.gui import i18n
    from redactie.gui.formatting import FormatCommands

    i18n.install(qapp, "en")
    try:
        specs = {spec.key: spec for spec in FormatCommands().specs()}
        assert specs["bold"].text == "Bold" and specs["document-link"].text == "Link to document"
        assert specs["bold"].tooltip().endswith("(Ctrl+B)")
        assert all(spec.tip and not spec.tip.startswith(("Maak", "Zet", "Kies")) for spec in specs.values())
    finally:
        i18n.install(qapp, "nl")


@pytest.mark.skipif(not (CORPUS / "algoritmekader-2026").is_dir(), reason="the shared corpus is not on this machine")
def test_toolbar_bold_on_real_documents_adds_only_the_markers(qtbot, tmp_path: Path, isolated_home: Path) -> None:  # noqa: ANN001
    repo = copy_writable(CORPUS / "algoritmekader-2026", tmp_path / "ak")
    win = MainWindow("nl")
    qtbot.addWidget(win)
    assert win.load_repository(repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready, timeout=30000)
    folder = "docs/voldoen-aan-wetten-en-regels/vereisten"
    tried = 0
    for path in sorted((repo / folder).glob("*.md"))[:6]:
        relpath = path.relative_to(repo).as_posix()
        before = path.read_bytes()
        win.open_document(relpath)
        editable = [e for e in win.editor.form_view.section_editors.values() if not e.isReadOnly()]
        edit = next((e for e in editable if re.search(r"[A-Za-z]{5,}", e.toPlainText())), None)
        if edit is None:
            continue
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        word = re.search(r"[A-Za-z]{5,}", edit.toPlainText())
        assert word is not None
        cursor = edit.textCursor()
        cursor.setPosition(word.start())
        cursor.setPosition(word.end(), cursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        qtbot.mouseClick(by_name(_toolbar(win), QToolButton, "Vet"), Qt.MouseButton.LeftButton)
        assert win.editor.save()
        after = path.read_bytes()
        changes = [op for op in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
                   if op[0] != "equal"]
        assert [(op[0], after[op[3]:op[4]]) for op in changes] in (
            [("insert", b"**"), ("insert", b"**")], [("insert", b"****")]), relpath
        assert after.replace(b"**" + word.group().encode() + b"**", word.group().encode(), 1) == before, relpath
        tried += 1
    assert tried >= 3
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=60000)
    win.close()
