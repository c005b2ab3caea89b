"""The conflict dialog in form terms: only the field both editors changed differently is asked about."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QPlainTextEdit, QPushButton

from redactie.document import Document
from redactie.gui.conflict_dialog import ConflictDialog
from redactie.gui.conflict_parts import FileParts, PartView, UnusableResult, resolved_bytes
from redactie.merge import merge_documents

from .conftest import git
from .test_gui_workflow import DOC, by_name, close_windows, open_window, settle  # noqa: F401 - fixture in use


def edit(repo: Path, **fields: object) -> None:
    doc = Document.parse((repo / DOC).read_bytes())
    for key, value in fields.items():
        doc.set_field(key, value)
    (repo / DOC).write_bytes(doc.dump())


def conflicting_sync(qtbot, tmp_path: Path, shared: tuple[Path, Path]):  # noqa: ANN001, ANN201
    bare, mine = shared
    theirs = tmp_path / "theirs"
    git(tmp_path, "clone", "-q", str(bare), str(theirs))
    edit(theirs, title="Titel van de ander", hide=["navigation", "toc"])
    git(theirs, "commit", "-qam", "hun wijziging")
    git(theirs, "push", "-q")
    edit(mine, title="Mijn titel", levenscyclus=["ontwerp"])
    git(mine, "commit", "-qam", "mijn wijziging")
    win = open_window(qtbot, mine)
    win.actions_["sync"].trigger()
    qtbot.waitUntil(lambda: win.conflicts is not None and win.conflicts.isVisible(), timeout=15000)
    dialog = win.conflicts
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitUntil(lambda: dialog.parts.current is not None, timeout=15000)
    return win, dialog, mine


def test_the_dialog_shows_exactly_the_conflicting_field(qtbot, tmp_path: Path, shared: tuple[Path, Path],
                                                        isolated_home: Path) -> None:  # noqa: ANN001
    win, dialog, mine = conflicting_sync(qtbot, tmp_path, shared)
    groups = [g.accessibleName() for g in dialog.parts.findChildren(QGroupBox)]
    assert groups == ["Conflict in Titel"]
    choice = by_name(dialog, QComboBox, "Keuze voor Titel")
    save = by_name(dialog, QPushButton, "Keuzes opslaan")
    assert not save.isEnabled()  # nothing is decided for the editor
    choice.setCurrentIndex(choice.findData("ours"))
    assert by_name(dialog, QPlainTextEdit, "Resultaat voor Titel").toPlainText() == "Mijn titel"
    assert save.isEnabled()
    choice.setCurrentIndex(choice.findData("theirs"))
    assert by_name(dialog, QPlainTextEdit, "Resultaat voor Titel").toPlainText() == "Titel van de ander"
    qtbot.mouseClick(by_name(dialog, QPushButton, "Keuzes opslaan"), Qt.MouseButton.LeftButton)
    finish = by_name(dialog, QPushButton, "Afronden")
    qtbot.waitUntil(finish.isEnabled, timeout=30000)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not (mine / ".git" / "rebase-merge").exists(), timeout=30000)
    settle(qtbot, win)
    fields = Document.parse((mine / DOC).read_bytes()).fields
    assert (fields["title"], fields["hide"], fields["levenscyclus"]) == ("Titel van de ander", ["navigation", "toc"],
                                                                         ["ontwerp"])
    assert git(mine, "log", "--format=%s", "-2").splitlines() == ["mijn wijziging", "hun wijziging"]
    assert git(mine, "status", "--porcelain") == ""
    settle(qtbot, win)


def test_an_edited_result_is_written(qtbot, tmp_path: Path, shared: tuple[Path, Path],
                                     isolated_home: Path) -> None:  # noqa: ANN001
    win, dialog, mine = conflicting_sync(qtbot, tmp_path, shared)
    choice = by_name(dialog, QComboBox, "Keuze voor Titel")
    choice.setCurrentIndex(choice.findData("ours"))
    by_name(dialog, QPlainTextEdit, "Resultaat voor Titel").setPlainText("Samen bedacht")
    qtbot.mouseClick(by_name(dialog, QPushButton, "Keuzes opslaan"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(by_name(dialog, QPushButton, "Afronden").isEnabled, timeout=15000)
    fields = Document.parse((mine / DOC).read_bytes()).fields
    assert (fields["title"], fields["hide"], fields["levenscyclus"]) == ("Samen bedacht", ["navigation", "toc"],
                                                                         ["ontwerp"])
    settle(qtbot, win)


def test_an_edited_section_that_would_change_the_structure_is_refused() -> None:
    base = b"---\ntitle: T\n---\n\n## Risico\n\nEen.\n\n## Bronnen\n\nB.\n"
    ours, theirs = base.replace(b"Een.", b"Twee."), base.replace(b"Een.", b"Drie.")
    result = merge_documents(base, ours, theirs)
    (conflict,) = result.parts
    parts = FileParts("x.md", result, [PartView(conflict, "Risico", {"base": "Een.\n", "ours": "Twee.\n",
                                                                      "theirs": "Drie.\n"})])
    assert b"Vier." in resolved_bytes(parts, {conflict.id: "ours"}, {conflict.id: "Vier.\n"})
    with pytest.raises(UnusableResult, match="kies een versie"):
        resolved_bytes(parts, {conflict.id: "ours"}, {conflict.id: "Vier.\n\n## Nieuwe kop\n"})


def test_text_outside_sections_is_shown_as_it_is(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    from redactie.gitservice import remote
    from redactie.gitservice.problems import GitProblem
    from redactie.gitservice.service import GitService
    from redactie.gui.conflict_parts import load_parts

    bare, mine = shared
    theirs = tmp_path / "theirs"
    git(tmp_path, "clone", "-q", str(bare), str(theirs))
    for repo, words in ((theirs, "hun inleiding"), (mine, "mijn inleiding")):
        data = (repo / DOC).read_text(encoding="utf-8").replace("<!-- tags -->", f"<!-- tags -->\n{words}", 1)
        (repo / DOC).write_text(data, encoding="utf-8")
        git(repo, "commit", "-qam", words)
    git(theirs, "push", "-q")
    service = GitService(mine)
    with pytest.raises(GitProblem):
        remote.sync(service)
    parts = load_parts(service, None, DOC, "nl")
    assert parts is not None and [p.conflict.id for p in parts.parts] == ["@intro"]
    assert "mijn inleiding" in parts.parts[0].values["ours"] and "hun inleiding" in parts.parts[0].values["theirs"]


def test_neighbouring_fields_sync_in_the_window_without_a_dialog(qtbot, tmp_path: Path, shared: tuple[Path, Path],
                                                                  isolated_home: Path) -> None:  # noqa: ANN001
    bare, mine = shared
    theirs = tmp_path / "theirs"
    git(tmp_path, "clone", "-q", str(bare), str(theirs))
    edit(theirs, toelichting="Toelichting van de ander.")
    git(theirs, "commit", "-qam", "hun wijziging")
    git(theirs, "push", "-q")
    edit(mine, title="Mijn titel")
    git(mine, "commit", "-qam", "mijn wijziging")
    win = open_window(qtbot, mine)
    win.actions_["sync"].trigger()
    qtbot.waitUntil(lambda: "bovenop" in win.statusBar().currentMessage(), timeout=30000)
    settle(qtbot, win)
    assert win.conflicts is None
    fields = Document.parse((mine / DOC).read_bytes()).fields
    assert (fields["title"], fields["toelichting"]) == ("Mijn titel", "Toelichting van de ander.")
    assert git(mine, "log", "--format=%s", "-2").splitlines() == ["mijn wijziging", "hun wijziging"]


def test_only_plain_values_can_be_typed() -> None:
    from redactie.gui.conflict_parts import editable

    assert editable("section", "Tekst\n") and editable("field", "Titel") and editable("field", ["a", "b"])
    assert not editable("field", {"ADR": ["x"]}) and not editable("field", [{"a": 1}])
    assert not editable("text", "---\n") and not editable("field", None) and not editable("field", True)
