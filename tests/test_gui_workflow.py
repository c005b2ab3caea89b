"""The real main window, driven like an editor: undo, drafts after a crash, disk changes, new documents,
review and commit, proposals, conflicts, settings, spelling and accessibility."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeView,
    QWidget,
)

from redactie.document import Document
from redactie.gui.conflict_dialog import ConflictDialog
from redactie.gui.main_window import MainWindow
from redactie.gui.new_document import NewDocumentDialog
from redactie.gui.review_dialog import ReviewDialog
from redactie.gui.settings_dialog import SettingsDialog
from redactie.gui.small_dialogs import AuthorDialog, BranchDialog

from .conftest import git, wait_idle

DOC = "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"


def by_name(root: QWidget, kind: type, name: str) -> QWidget:
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert matches, f"no {kind.__name__} named {name!r}"
    return matches[0]


def open_window(qtbot, repo: Path, language: str = "nl") -> MainWindow:  # noqa: ANN001
    """A main window on `repo`; not handed to qtbot, whose teardown would meet the unsaved-work question."""
    win = MainWindow(language)
    OPEN.append(win)
    assert win.load_repository(repo)
    win.show()
    # Generous: on a busy CI machine the first git status of a fresh repository can take seconds.
    qtbot.waitUntil(lambda: win.documents.ready and win.monitor.snapshot is not None, timeout=30000)
    return win


def settle(qtbot, win: MainWindow) -> None:  # noqa: ANN001
    wait_idle(qtbot, win)  # git, spelling and validation load meanwhile


OPEN: list[MainWindow] = []


@pytest.fixture(autouse=True)
def close_windows(qtbot):  # noqa: ANN001, ANN201
    """Close every window a test opened, dropping unsaved work first (no modal question at teardown)."""
    yield
    while OPEN:
        win = OPEN.pop()
        try:
            settle(qtbot, win)
            if win.editor.session is not None:
                win.editor.discard_draft()
                win.editor.session.saved_bytes = win.editor.session.current()
            for widget in QApplication.topLevelWidgets():
                if widget is not win and widget.isVisible():
                    widget.close()
            win.close()
            win.deleteLater()
        except RuntimeError:  # already deleted by the test (the crash test)
            pass


@pytest.fixture
def window(qtbot, content_repo: Path, isolated_home: Path) -> MainWindow:  # noqa: ANN001
    return open_window(qtbot, content_repo)


def choose_status(win: MainWindow, value: str) -> None:
    combo = by_name(win, QComboBox, "Status")
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def type_in_section(win: MainWindow, section: str, old: str, new: str) -> None:
    edit = by_name(win, QPlainTextEdit, f"Sectie {section}")
    edit.setPlainText(edit.toPlainText().replace(old, new))


def test_one_undo_history_across_form_and_sections(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    original = (content_repo / DOC).read_bytes()
    window.open_document(DOC)
    choose_status(window, "geldend")
    type_in_section(window, "Risico", "derden.", "derden en de organisatie.")
    assert window.editor.modified
    risico = by_name(window, QPlainTextEdit, "Sectie Risico")
    risico.setFocus()
    qtbot.keyClick(risico, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z inside the section
    assert "de organisatie" not in risico.toPlainText()
    assert window.editor.doc.fields["status_vereiste"] == ["geldend"]
    window.undo_action.trigger()
    assert window.editor.session.current() == original and not window.editor.modified
    assert by_name(window, QComboBox, "Status").currentData() == "nog-niet-geldend"
    assert not window.isWindowModified()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert window.editor.doc.fields["status_vereiste"] == ["geldend"]
    assert "de organisatie" in by_name(window, QPlainTextEdit, "Sectie Risico").toPlainText()
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)


def test_unsaved_work_comes_back_after_a_crash(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    original = (content_repo / DOC).read_bytes()
    first = MainWindow("nl")
    assert first.load_repository(content_repo)
    first.show()
    qtbot.waitUntil(lambda: first.documents.ready and first.monitor.snapshot is not None)
    first.open_document(DOC)
    type_in_section(first, "Risico", "derden.", "derden, hersteld na een crash.")
    edited = first.editor.session.current()
    qtbot.waitUntil(lambda: first.drafts.load(content_repo, DOC) is not None, timeout=5000)
    settle(qtbot, first)
    first.hide()
    first.deleteLater()  # the process "crashes": no close, no save, no prompt
    QApplication.processEvents()
    assert (content_repo / DOC).read_bytes() == original

    second = open_window(qtbot, content_repo)
    assert "niet opgeslagen werk" in second.documents.row(DOC).state
    second.open_document(DOC)
    banner = second.editor.banner("draft-banner")
    assert banner is not None and "niet-opgeslagen werk" in banner.label.text()
    qtbot.mouseClick(banner.buttons["Herstellen"], Qt.MouseButton.LeftButton)
    assert second.editor.session.current() == edited and second.editor.modified
    assert "hersteld na een crash" in by_name(second, QPlainTextEdit, "Sectie Risico").toPlainText()
    second.save()
    assert (content_repo / DOC).read_bytes() == edited
    assert second.drafts.load(content_repo, DOC) is None
    settle(qtbot, second)


def test_change_on_disk_without_unsaved_work_reloads(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    path = content_repo / DOC
    path.write_bytes(path.read_bytes().replace(b"derden.", b"derden (elders gewijzigd)."))
    qtbot.waitUntil(lambda: "elders gewijzigd" in by_name(window, QPlainTextEdit, "Sectie Risico").toPlainText())
    assert not window.editor.modified
    assert window.editor.banner("disk-banner") is not None


def test_file_replaced_as_git_does_is_reloaded(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    """git checkout, stash and pull remove the file and write a new one: the file's own watch ends with the
    removal, so the new content was not noticed until the window was activated again (seen under X11)."""
    window.open_document(DOC)
    path = content_repo / DOC
    data = path.read_bytes().replace(b"derden.", b"derden (elders gewijzigd).")
    path.unlink()
    qtbot.wait(300)  # the removal is seen while the file is absent
    path.write_bytes(data)
    qtbot.waitUntil(lambda: "elders gewijzigd" in by_name(window, QPlainTextEdit, "Sectie Risico").toPlainText(),
                    timeout=5000)
    assert not window.editor.modified


def test_change_on_disk_with_unsaved_work_is_never_overwritten(window: MainWindow, content_repo: Path,
                                                               qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    type_in_section(window, "Risico", "derden.", "derden (mijn versie).")
    path = content_repo / DOC
    theirs = path.read_bytes().replace(b"## Vereiste", b"## Vereiste\n\nDoor een ander programma.", 1)
    path.write_bytes(theirs)
    qtbot.waitUntil(lambda: window.editor.banner("disk-banner") is not None)
    window.save()
    assert path.read_bytes() == theirs  # not overwritten behind the user's back
    banner = window.editor.banner("disk-banner")
    qtbot.mouseClick(banner.buttons["Verschil bekijken"], Qt.MouseButton.LeftButton)
    assert window.editor.banner("disk-banner") is not None
    qtbot.mouseClick(banner.buttons["Mijn versie houden"], Qt.MouseButton.LeftButton)
    window.save()
    data = path.read_bytes()
    assert b"(mijn versie)" in data and b"Door een ander programma" not in data


def test_reload_from_disk_drops_my_changes_when_asked(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    type_in_section(window, "Risico", "derden.", "derden (mijn versie).")
    path = content_repo / DOC
    theirs = path.read_bytes().replace(b"derden.", b"derden (hun versie).")
    path.write_bytes(theirs)
    qtbot.waitUntil(lambda: window.editor.banner("disk-banner") is not None)
    qtbot.mouseClick(window.editor.banner("disk-banner").buttons["Opnieuw laden"], Qt.MouseButton.LeftButton)
    assert window.editor.session.current() == theirs and not window.editor.modified


def test_new_document_from_the_template(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    window.actions_["new"].trigger()
    dialog = window.findChild(NewDocumentDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ready)
    by_name(dialog, QComboBox, "Soort document").setCurrentIndex(0)
    title = by_name(dialog, QLineEdit, "Titel van het nieuwe document")
    title.setText("Transparantie: over gebruik van AI.")
    assert not dialog.create_button.isEnabled() and "punt" in dialog.problems.text()
    title.setText("Transparantie: over gebruik van AI")
    assert dialog.file_label.text() == "docs/vereisten/transparantie_over_gebruik_van_ai.md"
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    created = content_repo / "docs/vereisten/transparantie_over_gebruik_van_ai.md"
    doc = Document.parse(created.read_bytes())
    assert doc.fields["title"] == "Transparantie: over gebruik van AI"
    assert doc.fields["status_vereiste"] == ["nog-niet-geldend"]
    assert window.editor.session.relpath == "docs/vereisten/transparantie_over_gebruik_van_ai.md"
    qtbot.waitUntil(lambda: window.documents.row("docs/vereisten/transparantie_over_gebruik_van_ai.md") is not None)
    window.actions_["new"].trigger()
    again = [d for d in window.findChildren(NewDocumentDialog) if d.isVisible()][-1]
    qtbot.waitUntil(lambda: again.ready)
    by_name(again, QLineEdit, "Titel van het nieuwe document").setText("Transparantie: over gebruik van AI")
    assert not again.create_button.isEnabled() and "bestaat al" in again.problems.text()
    again.reject()


def open_review(win: MainWindow, qtbot) -> ReviewDialog:  # noqa: ANN001
    win.actions_["review"].trigger()
    dialog = win.review
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading and dialog.reviews is not None)
    settle(qtbot, win)
    return dialog


def commit_status_change(win: MainWindow, qtbot) -> ReviewDialog:  # noqa: ANN001
    """Set the seed document's status, save, review, accept its warning and press Vastleggen."""
    win.open_document(DOC)
    choose_status(win, "geldend")
    win.save()
    dialog = open_review(win, qtbot)
    by_name(dialog, QCheckBox, "Waarschuwingen accepteren").setChecked(True)
    qtbot.mouseClick(by_name(dialog, QPushButton, "Vastleggen"), Qt.MouseButton.LeftButton)
    return dialog


def test_review_and_commit_only_the_ticked_file(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    choose_status(window, "geldend")
    window.save()
    other = sorted((content_repo / "docs/maatregelen").glob("*.md"))[0]
    other.write_bytes(other.read_bytes().replace(b"## Risico", b"## Risico\n\nExtra zin.", 1))
    dialog = open_review(window, qtbot)
    files = by_name(dialog, QListWidget, "Gewijzigde bestanden")
    assert files.count() == 2
    summary = by_name(dialog, QWidget, "Samenvatting van de wijzigingen")
    dialog.files.setCurrentRow([r.path for r in dialog.reviews].index(DOC))
    assert "Status: + Geldend, − Nog niet geldend" in summary.toPlainText()
    assert "geldend" in by_name(dialog, QWidget, "Tekstverschil").toPlainText()
    dialog.set_checked(other.relative_to(content_repo).as_posix(), False)
    message = by_name(dialog, QLineEdit, "Beschrijving van de wijziging")
    assert message.text().startswith("Vereiste corrigerende_maatregelen_voor_non_conforme_ai: status")
    commit = by_name(dialog, QPushButton, "Vastleggen")
    assert not commit.isEnabled()  # the seed's toelichting is over its word limit: a warning to accept
    by_name(dialog, QCheckBox, "Waarschuwingen accepteren").setChecked(True)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Vastgelegd" in dialog.result.text())
    assert git(content_repo, "log", "-1", "--format=%s").strip() == message.text() or \
        git(content_repo, "log", "-1", "--format=%s").strip().startswith("Vereiste ")
    assert git(content_repo, "show", "--name-only", "--format=", "HEAD").split() == [DOC]
    git(content_repo, "fsck", "--strict")
    qtbot.waitUntil(lambda: not dialog.loading and len(dialog.reviews) == 1)
    settle(qtbot, window)
    dialog.close()


def test_validation_errors_block_the_commit_and_link_to_the_field(window: MainWindow, content_repo: Path,
                                                                  qtbot) -> None:  # noqa: ANN001
    path = content_repo / DOC
    path.write_bytes(path.read_bytes().replace(b"- nog-niet-geldend", b"- Geldend"))
    window.repo.refresh()
    dialog = open_review(window, qtbot)
    problems = by_name(dialog, QListWidget, "Fouten en waarschuwingen")
    assert problems.count() >= 1 and "Fout" in problems.item(0).text()
    assert not by_name(dialog, QPushButton, "Vastleggen").isEnabled()
    problems.itemActivated.emit(problems.item(0))
    assert window.editor.session.relpath == DOC
    status = window.editor.form.widgets["status_vereiste"]
    assert window.focusWidget() is status.combo
    dialog.set_checked(DOC, False)
    assert not by_name(dialog, QPushButton, "Vastleggen").isEnabled()  # nothing ticked
    dialog.close()


def test_warnings_must_be_accepted(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    DOC = "docs/vereisten/ai_geletterdheid.md"  # noqa: N806 - a document without warnings of its own
    window.open_document(DOC)
    title = by_name(window, QLineEdit, "Titel")
    title.setText("Een titel met een punt.")
    title.textEdited.emit(title.text())
    window.save()
    dialog = open_review(window, qtbot)
    commit = by_name(dialog, QPushButton, "Vastleggen")
    assert not commit.isEnabled()
    accept = by_name(dialog, QCheckBox, "Waarschuwingen accepteren")
    assert accept.isVisible()
    accept.setChecked(True)
    assert commit.isEnabled()
    dialog.close()


def test_author_is_asked_when_missing(qtbot, content_repo: Path, isolated_home: Path, monkeypatch) -> None:  # noqa: ANN001
    import os

    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    git(content_repo, "config", "--unset", "user.name")
    git(content_repo, "config", "--unset", "user.email")
    win = open_window(qtbot, content_repo)
    dialog = commit_status_change(win, qtbot)
    qtbot.waitUntil(lambda: win.findChild(AuthorDialog) is not None)
    author = win.findChild(AuthorDialog)
    by_name(author, QLineEdit, "Naam van de auteur").setText("Anne de Vries")
    by_name(author, QLineEdit, "E-mailadres van de auteur").setText("anne@example.org")
    author.accept()
    qtbot.waitUntil(lambda: "Vastgelegd" in dialog.result.text(), timeout=10000)
    assert git(content_repo, "log", "-1", "--format=%an <%ae>").strip() == "Anne de Vries <anne@example.org>"
    assert git(content_repo, "config", "--local", "user.name").strip() == "Anne de Vries"
    settle(qtbot, win)
    dialog.close()


def test_propose_creates_an_own_version_pushes_and_opens_the_page(qtbot, shared: tuple[Path, Path],
                                                                  isolated_home: Path) -> None:  # noqa: ANN001
    bare, mine = shared
    git(mine, "remote", "set-url", "origin", "https://github.com/MinBZK/Algoritmekader.git")
    git(mine, "remote", "set-url", "--push", "origin", str(bare))
    win = open_window(qtbot, mine)
    opened: list[str] = []
    win.sharing.open_url = opened.append
    dialog = commit_status_change(win, qtbot)
    qtbot.waitUntil(lambda: "Vastgelegd" in dialog.result.text())
    settle(qtbot, win)
    qtbot.waitUntil(lambda: win.monitor.snapshot is not None and win.monitor.snapshot.state.ahead == 1)
    qtbot.mouseClick(by_name(dialog, QPushButton, "Voorstel indienen"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.findChild(BranchDialog) is not None)  # on main: an own version is asked for
    branch_dialog = win.findChild(BranchDialog)
    by_name(branch_dialog, QLineEdit, "Omschrijving van de eigen versie").setText("Status aia geldend")
    branch_dialog.accept()
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    assert opened == ["https://github.com/MinBZK/Algoritmekader/compare/main...status-aia-geldend?expand=1"]
    assert git(bare, "rev-parse", "refs/heads/status-aia-geldend") == git(mine, "rev-parse", "HEAD")
    assert git(bare, "rev-parse", "main") != git(mine, "rev-parse", "HEAD")  # main itself untouched
    qtbot.waitUntil(lambda: "status-aia-geldend" in win.branch_label.text())
    settle(qtbot, win)
    dialogs_before = len(win.findChildren(BranchDialog))
    win.sharing.propose()  # already in an own version: it is shared again, nothing is asked
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=15000)
    assert len(win.findChildren(BranchDialog)) == dialogs_before
    settle(qtbot, win)
    dialog.close()


def test_sync_conflict_resolved_in_the_window(qtbot, tmp_path: Path, shared: tuple[Path, Path],
                                              isolated_home: Path) -> None:  # noqa: ANN001
    bare, mine = shared
    theirs = tmp_path / "theirs"
    git(tmp_path, "clone", "-q", str(bare), str(theirs))
    (theirs / DOC).write_text("---\ntitle: Hun titel\n---\n", encoding="utf-8")
    git(theirs, "commit", "-qam", "hun wijziging")
    git(theirs, "push", "-q")
    (mine / DOC).write_text("---\ntitle: Mijn titel\n---\n", encoding="utf-8")
    git(mine, "commit", "-qam", "mijn wijziging")
    win = open_window(qtbot, mine)
    win.actions_["sync"].trigger()
    qtbot.waitUntil(lambda: win.conflicts is not None and win.conflicts.isVisible(), timeout=15000)
    dialog = win.conflicts
    assert isinstance(dialog, ConflictDialog)
    files = by_name(dialog, QListWidget, "Bestanden met een conflict")
    assert [files.item(i).text() for i in range(files.count())] == [DOC]
    qtbot.waitUntil(lambda: win.state_banner() is not None)
    assert not by_name(dialog, QPushButton, "Afronden").isEnabled()
    qtbot.mouseClick(by_name(dialog, QPushButton, "Mijn versie houden"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: by_name(dialog, QPushButton, "Afronden").isEnabled(), timeout=10000)
    qtbot.mouseClick(by_name(dialog, QPushButton, "Afronden"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "afgerond" in win.statusBar().currentMessage(), timeout=10000)
    assert (mine / DOC).read_text(encoding="utf-8") == "---\ntitle: Mijn titel\n---\n"
    assert git(mine, "log", "--format=%s", "-2").splitlines() == ["mijn wijziging", "hun wijziging"]
    qtbot.waitUntil(lambda: win.state_banner() is None)
    settle(qtbot, win)


def test_detached_head_shows_an_explanation_and_a_way_back(qtbot, content_repo: Path,
                                                           isolated_home: Path) -> None:  # noqa: ANN001
    git(content_repo, "commit", "-q", "--allow-empty", "-m", "tweede")
    git(content_repo, "checkout", "-q", "HEAD~1")
    win = open_window(qtbot, content_repo)
    qtbot.waitUntil(lambda: win.state_banner() is not None)
    banner = win.state_banner()
    assert "oude versie" in banner.label.text()
    qtbot.mouseClick(banner.buttons["Terug naar de hoofdversie"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: git(content_repo, "branch", "--show-current").strip() == "main", timeout=10000)
    qtbot.waitUntil(lambda: "Versie: main" in win.branch_label.text())
    settle(qtbot, win)


def test_settings_are_remembered(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.actions_["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    settle(qtbot, window)
    assert by_name(dialog, QLineEdit, "Naam van de auteur").text() == "Test Redacteur"
    by_name(dialog, QComboBox, "Taal").setCurrentIndex(1)
    by_name(dialog, QSpinBox, "Lettergrootte van de editor").setValue(15)
    dialog.accept()
    settings = QSettings("Redactie", "Redactie")
    assert settings.value("ui/language") == "en" and int(settings.value("editor/font_size")) == 15
    window.open_document(DOC)
    assert by_name(window, QPlainTextEdit, "Sectie Risico").font().pointSize() == 15
    settings.remove("ui/language")
    settings.remove("editor/font_size")


def test_spelling_mistakes_get_suggestions(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    window._background_checks()
    qtbot.waitUntil(lambda: window.editor.form_view.speller is not None, timeout=10000)
    edit = by_name(window, QPlainTextEdit, "Sectie Risico")
    speller = window.editor.form_view.speller
    # the open document's lines go to the spelling process in the background first; then each editor checks
    qtbot.waitUntil(lambda: edit.highlighter.speller is speller, timeout=10000)
    edit.setPlainText("Een corigerende maatregel.")
    assert [edit.toPlainText()[a:a + n] for a, n in speller.misspelled(edit.toPlainText())] == ["corigerende"]
    rect = edit.cursorRect(edit.document().find("corigerende"))
    cursor, suggestions = edit.suggestions_at(rect.center())
    assert cursor.selectedText() == "corigerende" and "corrigerende" in suggestions
    edit.replace_word(cursor, "corrigerende")
    assert window.editor.doc.section("Risico").strip() == "Een corrigerende maatregel."


def test_preview_resolves_the_sites_macros(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    qtbot.waitUntil(lambda: "Richt een mogelijkheid in" in window.preview.toPlainText(), timeout=5000)
    assert "Labels:" in window.preview.toPlainText()


def test_every_control_has_an_accessible_name_and_a_tooltip(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    window.actions_["review"].trigger()
    settle(qtbot, window)
    window.actions_["new"].trigger()
    window.actions_["settings"].trigger()
    settle(qtbot, window)
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QListView, QTreeView, QSpinBox)
    roots = [window, *[w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]]
    missing = []
    for root in roots:
        for kind in kinds:
            for widget in root.findChildren(kind):
                if not widget.isVisibleTo(root) or widget.objectName().startswith("qt_"):
                    continue
                text = widget.text() if hasattr(widget, "text") else ""
                if not widget.accessibleName():
                    missing.append(f"name: {type(widget).__name__} {text}")
                if not isinstance(widget, QAbstractButton) and not widget.toolTip():
                    missing.append(f"tooltip: {type(widget).__name__} {widget.accessibleName()}")
    assert not missing, missing
    for w in QApplication.topLevelWidgets():
        if w is not window and w.isVisible():
            w.close()


def test_a_document_added_by_another_program_appears(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    source = content_repo / "docs/vereisten/ai_geletterdheid.md"
    copy = content_repo / "docs/vereisten/van_elders.md"
    copy.write_bytes(source.read_bytes().replace(b"title:", b"title: Van elders:", 1))
    qtbot.waitUntil(lambda: window.documents.row("docs/vereisten/van_elders.md") is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.documents.row("docs/vereisten/van_elders.md").state == "nieuw", timeout=10000)


def test_relations_are_picked_by_title(window: MainWindow, content_repo: Path) -> None:
    maatregel = sorted((content_repo / "docs/maatregelen").glob("*.md"))[0].relative_to(content_repo).as_posix()
    window.open_document(maatregel)
    relation = window.editor.form.widgets["vereiste"]
    labels = relation.labels()
    assert "Medewerkers die met AI werken beschikken over AI-geletterdheid (ai_geletterdheid)" in labels or any(
        label.endswith("(ai_geletterdheid)") and not label.startswith("ai_geletterdheid") for label in labels)


def test_clone_a_repository_and_open_it(window: MainWindow, shared: tuple[Path, Path], tmp_path: Path,
                                        qtbot) -> None:  # noqa: ANN001
    from redactie.gui.clone_dialog import CloneDialog

    bare, _ = shared
    window.actions_["clone"].trigger()
    dialog = window.findChild(CloneDialog)
    by_name(dialog, QLineEdit, "Adres van de gedeelde documenten").setText(bare.as_uri())
    target = tmp_path / "gekloond"
    by_name(dialog, QLineEdit, "Map voor de kopie").setText(str(target))
    qtbot.mouseClick(by_name(dialog, QPushButton, "Klonen"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.repo is not None and window.repo.root == target.resolve(), timeout=15000)
    qtbot.waitUntil(lambda: window.documents.ready and window.documents.count() == 13)
    assert (target / DOC).is_file() and git(target, "remote", "get-url", "origin").strip() == bare.as_uri()
    window.actions_["clone"].trigger()
    again = [d for d in window.findChildren(CloneDialog) if d.isVisible()][-1]
    by_name(again, QLineEdit, "Adres van de gedeelde documenten").setText(bare.as_uri())
    by_name(again, QLineEdit, "Map voor de kopie").setText(str(target))  # not empty: refused, explained
    qtbot.mouseClick(by_name(again, QPushButton, "Klonen"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "niet leeg" in again.status.text(), timeout=10000)
    again.reject()


def test_open_recent_lists_the_repositories_used(window: MainWindow, content_repo: Path) -> None:
    window._fill_recent()
    paths = [action.text() for action in window.recent_menu.actions()]
    assert str(content_repo.resolve()) in paths or str(content_repo) in paths


def test_a_file_in_another_encoding_opens_read_only_with_an_explanation(window: MainWindow, content_repo: Path,
                                                                        qtbot) -> None:  # noqa: ANN001
    path = content_repo / "docs/vereisten/latin1.md"
    data = "---\ntitle: Privacy en gegevensbescherming — één\n---\n## Vereiste\n".encode("latin-1", "replace")
    path.write_bytes(data)
    window.repo.refresh()
    window.open_document("docs/vereisten/latin1.md")
    assert window.editor.doc is None and window.editor.tabs.currentWidget() is window.editor.raw_view
    assert "UTF-8" in by_name(window, QLabel, "Fout in het bestand").text()
    assert by_name(window, QPlainTextEdit, "Bestand als tekst").isReadOnly()
    assert window.editor.save() is False and path.read_bytes() == data


def test_a_folder_without_git_still_opens_and_explains(qtbot, tmp_path: Path, isolated_home: Path) -> None:  # noqa: ANN001
    import os

    folder = tmp_path / "los" / "inhoud"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", folder)
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    try:
        win = open_window(qtbot, folder)
        assert win.documents.count() == 13
        assert win.branch_label.text() == "Geen versiebeheer"
        assert "git-repository" in win.branch_label.toolTip()
        win.actions_["review"].trigger()
        assert "git-repository" in win.review.intro.text()
        win.review.close()
    finally:
        del os.environ["GIT_CEILING_DIRECTORIES"]


def test_commit_only_some_parts_of_a_file(window: MainWindow, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    window.open_document(DOC)
    choose_status(window, "geldend")
    type_in_section(window, "Risico", "derden.", "derden en de organisatie.")
    window.save()
    saved = (content_repo / DOC).read_bytes()
    dialog = open_review(window, qtbot)
    parts = by_name(dialog, QListWidget, "Onderdelen van dit bestand")
    assert [parts.item(i).text() for i in range(parts.count())] == [
        "Status: + Geldend, − Nog niet geldend", "Risico: gewijzigd"]
    parts.item(1).setCheckState(Qt.CheckState.Unchecked)
    message = by_name(dialog, QLineEdit, "Beschrijving van de wijziging")
    assert message.text().endswith(": status aangepast")
    by_name(dialog, QCheckBox, "Waarschuwingen accepteren").setChecked(True)
    qtbot.mouseClick(by_name(dialog, QPushButton, "Vastleggen"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Vastgelegd" in dialog.result.text(), timeout=10000)
    committed = git(content_repo, "show", f"HEAD:{DOC}")
    assert "- geldend" in committed and "en de organisatie" not in committed
    assert (content_repo / DOC).read_bytes() == saved  # the Risico change is still there, not yet committed
    qtbot.waitUntil(lambda: not dialog.loading and len(dialog.reviews) == 1)
    assert [i.describe("nl") for i in dialog.reviews[0].items] == ["Risico: gewijzigd"]
    git(content_repo, "fsck", "--strict")
    settle(qtbot, window)
    dialog.close()
