"""The real main window on a real temporary repository, driven like a user with pytest-qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListView, QPlainTextEdit, QTreeView, QWidget

from redactie.document.locality import touched_lines
from redactie.gui.form import ChoiceField, MultiChoiceField
from redactie.gui.main_window import MainWindow

from .conftest import git, wait_idle

DOC = "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"


def by_name(root: QWidget, kind: type, name: str) -> QWidget:
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert matches, f"no {kind.__name__} named {name!r}"
    return matches[0]


@pytest.fixture
def window(qtbot, content_repo: Path, isolated_home: Path):  # noqa: ANN001, ANN201
    win = MainWindow("nl")
    qtbot.addWidget(win)
    assert win.load_repository(content_repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready and win.monitor.snapshot is not None, timeout=15000)
    yield win
    if win.editor.modified:  # never leave a modal "unsaved changes" question open at teardown
        win.editor.save()
    wait_idle(qtbot, win)  # git, spelling and validation load meanwhile


def test_lists_documents_grouped_and_filters(window: MainWindow) -> None:
    tree = by_name(window, QTreeView, "Documentenlijst")
    model = tree.model()
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == ["Vereiste", "Maatregel"]
    assert window.documents.count() == 13
    by_name(window, QLineEdit, "Documenten filteren").setText("archiefwet")
    group = model.index(0, 0)
    visible = [model.index(i, 0, group).data() for i in range(model.rowCount(group))]
    assert visible == ["Informatie over algoritmes wordt gearchiveerd volgens de Archiefwet"]
    assert all(tree.isExpanded(model.index(i, 0)) for i in range(model.rowCount()))


def test_edit_form_and_section_then_save_changes_only_those_lines(window: MainWindow, content_repo: Path,
                                                                   qtbot) -> None:  # noqa: ANN001
    path = content_repo / DOC
    before = path.read_bytes()
    window.open_document(DOC)
    status = window.editor.form.widgets["status_vereiste"]
    assert isinstance(status, ChoiceField)
    combo = by_name(window, QComboBox, "Status")
    combo.setCurrentIndex(combo.findData("geldend"))
    combo.activated.emit(combo.currentIndex())
    levenscyclus = window.editor.form.widgets["levenscyclus"]
    assert isinstance(levenscyclus, MultiChoiceField)
    assert by_name(window, QListView, "Fases van de levenscyclus") is levenscyclus.list
    levenscyclus.check("uitfaseren")
    levenscyclus.check("ontwerp", False)
    risico = by_name(window, QPlainTextEdit, "Sectie Risico")
    risico.setPlainText(risico.toPlainText().replace("derden.", "derden en voor de organisatie zelf."))
    assert window.editor.modified and window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    after = path.read_bytes()
    assert not window.editor.modified
    lines = before.split(b"\n")
    changed = {lines[n].decode() for n in touched_lines(before, after) if n < len(lines)}
    assert changed == {"- nog-niet-geldend", "- ontwerp", "- implementatie",
                       "Niet reageren op non-conformiteit kan leiden tot risico's voor gebruikers en derden."} or \
        changed <= {"- nog-niet-geldend", "- ontwerp", "- implementatie", "bouwblok:",
                    "Niet reageren op non-conformiteit kan leiden tot risico's voor gebruikers en derden."}
    assert b"status_vereiste:\n- geldend\n" in after and b"- uitfaseren\n" in after
    assert "docs/vereisten" in git(content_repo, "status", "--porcelain")


def test_value_outside_vocabulary_is_shown_and_fixable(window: MainWindow, content_repo: Path,
                                                       qtbot) -> None:  # noqa: ANN001
    path = content_repo / DOC
    path.write_bytes(path.read_bytes().replace(b"- nog-niet-geldend", b"- Geldend"))
    window.repo.refresh()
    window.open_document(DOC)
    status = window.editor.form.widgets["status_vereiste"]
    assert "Geldend (niet toegestaan)" in status.combo.currentText()
    qtbot.waitUntil(lambda: status.fix.isVisibleTo(window))
    assert "geldend" in status.fix.text()
    status.fix.click()
    assert window.editor.doc.fields["status_vereiste"] == ["geldend"]
    window.save()
    assert b"status_vereiste:\n- geldend\n" in path.read_bytes()


def test_saving_without_changes_writes_nothing(window: MainWindow, content_repo: Path) -> None:
    window.open_document(DOC)
    mtime = (content_repo / DOC).stat().st_mtime_ns
    assert window.editor.save() is False
    assert (content_repo / DOC).stat().st_mtime_ns == mtime


def test_broken_front_matter_opens_in_the_raw_view_at_the_error(window: MainWindow, content_repo: Path,
                                                                 qtbot) -> None:  # noqa: ANN001
    path = content_repo / "docs/vereisten/kapot.md"
    path.write_text("---\ntitle: a: b\n---\n## Vereiste\n\nTekst.\n", encoding="utf-8")
    window.repo.refresh()
    window.open_document("docs/vereisten/kapot.md")
    editor = window.editor
    assert editor.doc is None
    assert editor.tabs.currentWidget() is editor.raw_view and not editor.tabs.isTabEnabled(0)
    error = by_name(window, QLabel, "Fout in het bestand")
    assert "regel 2, kolom 9" in error.text()
    assert editor.raw_view.cursor_position() == (2, 9)
    raw = by_name(window, QPlainTextEdit, "Bestand als tekst")
    raw.setPlainText(raw.toPlainText().replace("title: a: b", "title: 'a: b'"))
    editor.raw_view.apply()
    assert editor.doc is not None and editor.doc.fields["title"] == "a: b"
    assert editor.tabs.isTabEnabled(0) and not error.isVisible()
    window.save()
    assert path.read_text(encoding="utf-8") == "---\ntitle: 'a: b'\n---\n## Vereiste\n\nTekst.\n"


def test_findings_appear_next_to_the_field_after_a_pause_in_typing(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    title = window.editor.form.widgets["title"]
    assert not title.message.text()
    edit = by_name(window, QLineEdit, "Titel")
    edit.setText("Een titel met een punt.")
    edit.textEdited.emit(edit.text())
    qtbot.waitUntil(lambda: "punt" in title.message.text())
    assert window.editor.doc.fields["title"] == "Een titel met een punt."
    window.save()


def test_hidden_fields_are_kept_but_not_shown(window: MainWindow, content_repo: Path) -> None:
    window.open_document(DOC)
    assert "hide" not in window.editor.form.widgets
    assert window.editor.doc.fields["hide"] == ["navigation"]


def test_recognised_format_is_shown_and_written_only_when_asked(qtbot, content_repo: Path,  # noqa: ANN001
                                                                isolated_home: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    from redactie.schema import load_schema

    (content_repo / "redactie-schema.yaml").unlink()
    git(content_repo, "commit", "-qam", "Zonder schemabestand")
    win = MainWindow("nl")
    qtbot.addWidget(win)
    assert win.load_repository(content_repo)
    win.show()
    qtbot.waitUntil(lambda: win.repo is not None and win.documents.ready)
    assert win.repo.schema.origin == "recognised"
    assert by_name(win, QLabel, "Schema in gebruik").text() == "Algoritmekader, formaat 2024, herkend"
    assert not (content_repo / "redactie-schema.yaml").exists()
    button = by_name(win, QPushButton, "Schema opslaan bij de documenten")
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    written = load_schema(content_repo / "redactie-schema.yaml")
    qtbot.waitUntil(lambda: win.repo.schema.origin == "file")  # the repository is read again in the background
    assert set(written.types) == set(win.repo.schema.types)
    assert not button.isVisible()
    qtbot.waitUntil(lambda: win.documents.ready)
    assert win.documents.count() == 13
    wait_idle(qtbot, win)  # git, spelling and validation load meanwhile
