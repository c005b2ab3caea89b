"""The "Geschiedenis" panel on a generated repository with renames and 500 commits on one document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QListWidget, QPushButton, QTextBrowser

from redactie.document import Document

from .conftest import git
from .history_repo import NAMES, history_repo, version_text
from .test_gui_workflow import by_name, close_windows, open_window, settle  # noqa: F401 - fixture in use

DOC = NAMES[-1]


def test_history_loads_page_by_page_and_restores_as_undoable_edits(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                   isolated_home: Path) -> None:
    repo = history_repo(tmp_path / "inhoud", 500)
    head = git(repo, "rev-parse", "HEAD")
    win = open_window(qtbot, repo)
    win.open_document(DOC)
    panel = win.history
    versions = by_name(panel, QListWidget, "Versies van het document")
    ticks: list[int] = []
    timer = QTimer(win)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    win.actions_["history"].trigger()
    # The action returns at once: the history is read by a background task, not on the GUI thread.
    assert panel.isVisible() and versions.count() == 0 and win.runner.running("history")
    qtbot.waitUntil(lambda: versions.count() == 50, timeout=20000)
    assert ticks, "the window kept handling events while the history loaded"
    timer.stop()
    assert versions.item(0).text().splitlines()[1] == "Wijziging 499"
    assert "status_vereiste: + geldend, − nog-niet-geldend" in versions.item(0).text()
    more = by_name(panel, QPushButton, "Oudere versies laden")
    assert more.isVisible()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: versions.count() == 100, timeout=20000)
    assert versions.item(99).text().splitlines()[1] == "Wijziging 400"

    versions.setCurrentRow(3)  # Wijziging 496
    restore_part = by_name(panel, QPushButton, "Herstel dit veld of deze sectie")
    qtbot.waitUntil(restore_part.isEnabled, timeout=10000)
    assert "Risico 248." in by_name(panel, QTextBrowser, "Versie").toPlainText()
    form = panel.version_form
    assert form.form.widgets["title"].value() == "Document 6" and not form.widget().isEnabled()
    assert "Risico 248." in form.section_editors["Risico"].toPlainText()
    comparison = by_name(panel, QTextBrowser, "Vergelijking met nu").toPlainText()
    assert "title: Document 6 → Document 2" in comparison and "Risico" in comparison
    session = win.editor.session
    before = session.current()
    part = by_name(panel, QComboBox, "Onderdeel om te herstellen")
    part.setCurrentIndex(part.findData("field:title"))
    qtbot.mouseClick(restore_part, Qt.MouseButton.LeftButton)
    assert session.doc.fields["title"] == "Document 6"
    assert session.doc.body == Document.parse(before).body  # only the field came back
    part.setCurrentIndex(part.findData("section:Risico"))
    qtbot.mouseClick(restore_part, Qt.MouseButton.LeftButton)
    assert session.doc.section("Risico") == Document.parse(version_text(496).encode()).section("Risico")
    win.undo_action.trigger()
    win.undo_action.trigger()
    assert session.current() == before
    qtbot.mouseClick(by_name(panel, QPushButton, "Herstel dit document"), Qt.MouseButton.LeftButton)
    assert session.current() == version_text(496).encode() and win.editor.modified
    win.undo_action.trigger()
    assert session.current() == before
    # Restoring commits nothing and writes nothing.
    assert git(repo, "rev-parse", "HEAD") == head and git(repo, "status", "--porcelain") == ""
    # A new commit shows up at the top.
    (repo / DOC).write_bytes(version_text(500).encode())
    git(repo, "commit", "-qam", "Wijziging 500")
    win.monitor.refresh()
    qtbot.waitUntil(lambda: versions.count() > 0 and versions.item(0).text().splitlines()[1] == "Wijziging 500",
                    timeout=20000)
    settle(qtbot, win)


def test_history_built_after_git_was_read_follows_the_next_commit(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                   isolated_home: Path) -> None:
    """The panel is built on first use, after the window already knows git's head: a new commit still shows."""
    repo = history_repo(tmp_path / "inhoud", 3)
    win = open_window(qtbot, repo)
    win.open_document(DOC)
    for _ in range(3):  # every refresh the start and the opening caused has come and gone
        settle(qtbot, win)
        qtbot.wait(400)
    assert win._history is None  # noqa: SLF001 - not built before it is asked for
    versions = by_name(win.history, QListWidget, "Versies van het document")
    win.actions_["history"].trigger()
    qtbot.waitUntil(lambda: versions.count() > 0, timeout=20000)
    settle(qtbot, win)
    top = versions.item(0).text().splitlines()[1]
    (repo / DOC).write_bytes(version_text(3).encode())
    git(repo, "commit", "-qam", "Wijziging 3")
    win.monitor.refresh()
    qtbot.waitUntil(lambda: versions.count() > 0 and versions.item(0).text().splitlines()[1] == "Wijziging 3",
                    timeout=20000)
    assert top != "Wijziging 3"
    settle(qtbot, win)
