"""Writing comfort for editors (#15): the rough edges a new user hit, each driven through the real window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
)

from redactie.gui.main_window import MainWindow
from redactie.gui.new_document import NewDocumentDialog
from redactie.gui.undo_keys import redo_shortcuts
from redactie.repository import open_repository

from .conftest import git
from .test_gui import DOC, by_name, window  # noqa: F401 - the window fixture
from .test_gui_workflow import choose_status, open_review, settle, type_in_section


def test_ctrl_y_redoes_where_the_platform_only_binds_ctrl_shift_z(window: MainWindow) -> None:  # noqa: F811
    keys = [key.toString() for key in redo_shortcuts([QKeySequence("Ctrl+Shift+Z")])]
    assert keys == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert [k.toString() for k in redo_shortcuts([QKeySequence("Ctrl+Y")])] == ["Ctrl+Y"]
    bound = {key.toString() for key in window.redo_action.shortcuts()}
    assert "Ctrl+Y" in bound and "Ctrl+Shift+Z" in bound


def test_ctrl_y_redoes_a_section_edit(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    window.open_document(DOC)
    risico = by_name(window, QPlainTextEdit, "Sectie Risico")
    risico.setFocus()
    cursor = risico.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    risico.setTextCursor(cursor)
    qtbot.keyClicks(risico, "X")
    qtbot.wait(700)  # edits are merged into one undo step after a pause
    assert window.editor.modified
    window.undo_action.trigger()
    assert not window.editor.modified
    qtbot.keySequence(risico, QKeySequence("Ctrl+Y"))
    assert window.editor.modified
    window.undo_action.trigger()  # leave the document as found, so closing asks nothing
    assert not window.editor.modified


def test_long_title_shows_its_start(window: MainWindow, content_repo: Path) -> None:  # noqa: F811
    window.open_document(DOC)
    title = by_name(window, QLineEdit, "Titel")
    assert title.text().startswith("Corrigerende")
    assert title.cursorPosition() == 0


def test_read_only_sections_look_read_only_and_say_why(window: MainWindow) -> None:  # noqa: F811
    window.open_document(DOC)
    generated = by_name(window, QPlainTextEdit, "Sectie Maatregelen")
    assert generated.isReadOnly() and "website" in generated.toolTip()
    assert "alleen lezen" in generated.parentWidget().title()
    background = generated.palette().color(QPalette.ColorRole.Base)
    assert background == generated.palette().color(QPalette.ColorRole.Window)  # looks like a label, not a field
    other = by_name(window, QPlainTextEdit, "Sectie Wanneer van toepassing?")
    assert other.isReadOnly() and "website" not in other.toolTip() and "hoort niet" in other.toolTip()
    editable = by_name(window, QPlainTextEdit, "Sectie Risico")
    assert not editable.isReadOnly() and "alleen lezen" not in editable.parentWidget().title()
    assert isinstance(editable.parentWidget(), QGroupBox)


@pytest.mark.parametrize("titles", [
    {"uitfaseren": "Fase 8, uitfaseren", "ontwerp": "Fase 2, ontwerp", "implementatie": "Fase 10, implementatie",
     "over": "Over de levenscyclus", "probleemanalyse": "Fase 1, probleemanalyse"},
])
def test_phases_are_ordered_by_their_own_number(content_repo: Path, titles: dict[str, str]) -> None:
    folder = content_repo / "docs" / "levenscyclus"
    for path in folder.glob("*.md"):
        if path.name != "index.md":
            path.unlink()
    for stem, title in titles.items():
        (folder / f"{stem}.md").write_text(f"---\ntitle: {title}\n---\n\n# {title}\n", encoding="utf-8")
    values = open_repository(content_repo).vocabularies()["levenscyclus"].values
    assert list(values) == ["probleemanalyse", "ontwerp", "uitfaseren", "implementatie", "over"]


def test_phase_list_in_the_form_follows_the_phase_order(window: MainWindow, content_repo: Path) -> None:  # noqa: F811
    window.open_document(DOC)
    phases = by_name(window, QListView, "Fases van de levenscyclus").model()
    shown = [str(phases.data(phases.index(i))) for i in range(phases.rowCount())]
    assert shown, "the phase list is empty"
    numbers = [int(m.group()) for m in (re.search(r"\d+", text) for text in shown) if m]
    assert numbers == sorted(numbers), shown
    assert git(content_repo, "status", "--porcelain") == ""


def test_window_has_an_icon(window: MainWindow) -> None:  # noqa: F811
    assert not window.windowIcon().isNull()


def test_list_selects_the_new_document(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    window.open_document(DOC)
    window.documents.select(DOC)
    window.actions_["new"].trigger()
    dialog = [d for d in window.findChildren(NewDocumentDialog) if d.isVisible()][-1]
    qtbot.waitUntil(lambda: dialog.ready)
    by_name(dialog, QComboBox, "Soort document").setCurrentIndex(0)
    by_name(dialog, QLineEdit, "Titel van het nieuwe document").setText("Uitlegbaarheid van besluiten")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    new = "docs/vereisten/uitlegbaarheid_van_besluiten.md"
    qtbot.waitUntil(lambda: window.documents.ready and window.documents.row(new) is not None)
    assert window.documents.current_path() == new


def test_list_column_for_git_state_does_not_clash_with_the_status_field(window: MainWindow) -> None:  # noqa: F811
    tree = by_name(window, QTreeView, "Documentenlijst")
    header = tree.model().headerData
    assert header(1, Qt.Orientation.Horizontal) == "Wijziging"
    assert "gewijzigd" in header(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_review_counts_files_in_proper_dutch(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001, F811
    from PySide6.QtWidgets import QApplication

    from redactie.gui import i18n

    i18n.install(QApplication.instance(), "nl")  # as the app does: the Dutch singular is a plural form in a .qm
    path = content_repo / DOC
    path.write_bytes(path.read_bytes().replace(b"derden.", b"derden en de organisatie."))
    dialog = open_review(window, qtbot)
    assert dialog.intro.text().startswith("1 gewijzigd bestand.")
    dialog.reject()
    other = content_repo / "docs/vereisten/ai_geletterdheid.md"
    other.write_bytes(other.read_bytes().replace(b"## Risico", b"## Risico\n\nNieuw."))
    dialog = open_review(window, qtbot)
    assert dialog.intro.text().startswith("2 gewijzigde bestanden.")
    dialog.reject()


def _new_document_dialog(win: MainWindow, qtbot) -> NewDocumentDialog:  # noqa: ANN001
    win.actions_["new"].trigger()
    dialog = [d for d in win.findChildren(NewDocumentDialog) if d.isVisible()][-1]
    qtbot.waitUntil(lambda: dialog.ready)
    return dialog


def test_new_document_dialog_keeps_its_size_while_typing(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    dialog = _new_document_dialog(window, qtbot)
    title = by_name(dialog, QLineEdit, "Titel van het nieuwe document")
    qtbot.keyClicks(title, "Kort")
    qtbot.wait(50)
    size = dialog.size()
    qtbot.keyClicks(title, " en een heel lange titel die steeds verder gaat met nog meer woorden erbij." * 3)
    qtbot.wait(50)
    assert "punt" in dialog.problems.text()  # a problem appeared, yet the dialog did not move
    assert dialog.size() == size
    assert not by_name(dialog, QLabel, "Voorgesteld id").isVisible()  # this type has no id
    dialog.reject()


def test_new_document_dialog_shows_the_id_live(content_repo: Path, isolated_home: Path, qtbot) -> None:  # noqa: ANN001
    schema = content_repo / "redactie-schema.yaml"
    schema.write_text(schema.read_text(encoding="utf-8").replace(
        '    file_name: "{slug}.md"\n', '    file_name: "{slug}.md"\n    id: "urn:nl:ak:ver:{code}"\n', 1),
        encoding="utf-8")
    win = MainWindow("nl")
    qtbot.addWidget(win)
    assert win.load_repository(content_repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready)
    dialog = _new_document_dialog(win, qtbot)
    by_name(dialog, QComboBox, "Soort document").setCurrentIndex(0)
    shown = by_name(dialog, QLabel, "Voorgesteld id")
    assert shown.isVisible() and shown.text() == "urn:nl:ak:ver:…"
    qtbot.keyClicks(by_name(dialog, QLineEdit, "Code"), "aia-1")
    assert shown.text() == "urn:nl:ak:ver:aia-1"
    dialog.reject()
    qtbot.waitUntil(lambda: not win.runner.busy)


def _labels_line(window: MainWindow) -> str:  # noqa: F811
    return next((line for line in window.preview.toPlainText().splitlines() if line.startswith("Labels:")), "")


def test_preview_labels_follow_an_unsaved_change(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    window.open_document(DOC)
    qtbot.waitUntil(lambda: "Nog niet geldend" in _labels_line(window), timeout=5000)
    choose_status(window, "geldend")
    qtbot.waitUntil(lambda: "Nog niet geldend" not in _labels_line(window), timeout=5000)
    assert "Geldend" in _labels_line(window)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "Nog niet geldend" in _labels_line(window), timeout=5000)
    assert not window.editor.modified


def test_menus_for_editors_speak_of_documents_not_repositories(window: MainWindow) -> None:  # noqa: F811
    for key in ("open", "clone", "new", "save"):
        action = window.actions_[key]
        assert "repository" not in (action.text() + action.toolTip()).lower(), key
    assert window.actions_["clone"].text().replace("&", "") == "Gedeelde documenten ophalen…"


def test_review_parts_list_follows_a_partial_commit(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001, F811
    window.open_document(DOC)
    choose_status(window, "geldend")
    type_in_section(window, "Risico", "derden.", "derden en de organisatie.")
    window.save()
    dialog = open_review(window, qtbot)
    parts = by_name(dialog, QListWidget, "Onderdelen van dit bestand")
    files = by_name(dialog, QListWidget, "Gewijzigde bestanden")
    for side_list in (parts, files):  # long titles wrap; no horizontal scroll bar cuts them off
        assert side_list.wordWrap()
        assert side_list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert parts.count() == 2
    parts.item(1).setCheckState(Qt.CheckState.Unchecked)
    by_name(dialog, QCheckBox, "Waarschuwingen accepteren").setChecked(True)
    qtbot.mouseClick(by_name(dialog, QPushButton, "Vastleggen"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Vastgelegd" in dialog.result.text(), timeout=10000)
    qtbot.waitUntil(lambda: not dialog.loading and len(dialog.reviews) == 1)
    assert [parts.item(i).text() for i in range(parts.count())] == ["Risico: gewijzigd"]
    settle(qtbot, window)
    dialog.close()


@pytest.mark.parametrize(("keys", "marked"), [("Ctrl+B", b"**derden**"), ("Ctrl+I", b"*derden*"),
                                              ("Ctrl+K", b"[derden](https://)")])
def test_bold_and_italic_by_shortcut_add_only_the_markers(window: MainWindow, content_repo: Path, qtbot,  # noqa: ANN001, F811
                                                          keys: str, marked: bytes) -> None:
    path = content_repo / DOC
    before = path.read_bytes()
    window.open_document(DOC)
    risico = by_name(window, QPlainTextEdit, "Sectie Risico")
    risico.setFocus()
    qtbot.waitUntil(risico.hasFocus)
    start = risico.toPlainText().index("derden")
    cursor = risico.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("derden"), cursor.MoveMode.KeepAnchor)
    risico.setTextCursor(cursor)
    qtbot.keySequence(risico, QKeySequence(keys))
    assert risico.textCursor().selectedText() == ("https://" if keys == "Ctrl+K" else "derden")
    window.save()
    at = before.index(b"derden", before.index(b"## Risico"))
    assert path.read_bytes() == before[:at] + marked + before[at + len(b"derden"):]


def test_bold_and_italic_look_bold_and_italic_with_dimmed_markers(qtbot) -> None:  # noqa: ANN001
    from redactie.gui.highlighter import DIM
    from redactie.gui.section_edit import SectionEdit

    edit = SectionEdit()
    qtbot.addWidget(edit)
    edit.set_original("Een **vet** en *schuin* woord, maar 2 * 3 * 4 niet.\n")
    layout = edit.document().firstBlock().layout()
    ranges = layout.formats()  # kept alive: the formats belong to these ranges
    formats = {(r.start, r.length): QTextCharFormat(r.format) for r in ranges}

    def at(position: int):  # noqa: ANN202
        return next(f for (s, n), f in formats.items() if s <= position < s + n)

    text = edit.original()
    assert at(text.index("vet")).fontWeight() == QFont.Weight.Bold
    assert at(text.index("schuin")).fontItalic()
    assert at(text.index("**")).foreground().color().name() == DIM
    assert not any(f.fontItalic() for (s, n), f in formats.items() if s >= text.index("2 *"))


@pytest.mark.parametrize(("action", "expected"), [
    ("Opsomming", "- een\n- twee\n\n- drie\n"),
    ("Genummerde lijst", "1. een\n2. twee\n\n3. drie\n"),
    ("Citaat", "> een\n> twee\n\n> drie\n"),
])
def test_lists_and_quotes_prefix_only_the_selected_lines(qtbot, action: str, expected: str) -> None:  # noqa: ANN001
    from redactie.gui.section_edit import SectionEdit

    edit = SectionEdit()
    qtbot.addWidget(edit)
    edit.set_original("een\ntwee\n\ndrie\n")
    edit.selectAll()
    [found] = [a for a in edit.actions() if a.text() == action]
    assert found.toolTip()
    found.trigger()
    assert edit.original() == expected


def test_admonition_puts_the_selected_lines_in_a_site_box(qtbot) -> None:  # noqa: ANN001
    from redactie.gui.section_edit import SectionEdit

    edit = SectionEdit()
    qtbot.addWidget(edit)
    edit.set_original("Inleiding.\nEen voorbeeld.\nNog een regel.\n")
    cursor = edit.textCursor()
    cursor.setPosition(len("Inleiding.\n"))
    cursor.setPosition(len("Inleiding.\nEen voorbeeld.\nNog"), cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    [found] = [a for a in edit.actions() if a.text() == "Kader 'Voorbeeld'"]
    found.trigger()
    assert edit.original() == 'Inleiding.\n\n!!! example "Voorbeeld"\n\n    Een voorbeeld.\n    Nog een regel.\n'


def test_the_editor_menu_offers_every_formatting_action(window: MainWindow) -> None:  # noqa: F811
    window.open_document(DOC)
    risico = by_name(window, QPlainTextEdit, "Sectie Risico")
    menu = risico.format_menu(risico)
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert names[:7] == ["Vet", "Cursief", "Link", "Link naar document", "Opsomming", "Genummerde lijst", "Citaat"]
    assert "Kader 'Let op'" in names
    assert all(a.toolTip() for a in menu.actions() if not a.isSeparator())


def test_long_title_shows_its_start_after_tabbing_through(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    """Tab selects the whole title and puts the cursor at its end; once the focus moves on, the start shows."""
    window.open_document(DOC)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    title = by_name(window, QLineEdit, "Titel")
    title.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(title.hasFocus)
    title.end(False)
    assert title.cursorPosition() == len(title.text())
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not title.hasFocus())
    assert title.cursorPosition() == 0
    assert not window.editor.modified


def test_review_fits_the_screen(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    """At 1366x768 the review's buttons (Vastleggen, Sluiten) were below the screen's edge."""
    window.open_document(DOC)
    type_in_section(window, "Risico", "derden.", "derden en de organisatie.")
    window.save()
    dialog = open_review(window, qtbot)
    available = dialog.screen().availableGeometry()
    assert dialog.width() <= available.width()
    assert dialog.height() < available.height()
    settle(qtbot, window)
    dialog.close()


def test_progress_message_goes_when_the_work_ends(window: MainWindow, qtbot) -> None:  # noqa: ANN001, F811
    """The status bar's "Documenten inlezen… 0%" stayed after the list was read (seen in the screenshots)."""
    settle(qtbot, window)
    window.runner.run("probe", lambda task: task.progress("", 40), lambda _: None, label="Proef…")
    qtbot.waitUntil(lambda: not window.runner.running("probe"), timeout=10000)
    assert "40%" not in window.statusBar().currentMessage()
