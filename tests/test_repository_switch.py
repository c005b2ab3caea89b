"""Opening another repository while one is shown: the open document, the preview and the list all follow it."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import SAMPLE_DOC, git, wait_idle


def _other_copy(content_repo: Path, target: Path, title: str) -> Path:
    """A second repository holding the same documents (the same paths), SAMPLE_DOC with another title."""
    shutil.copytree(content_repo, target)
    doc = target / SAMPLE_DOC
    text = doc.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("title:"))
    doc.write_text(text.replace(first, f"title: {title}", 1), encoding="utf-8")
    git(target, "commit", "-qam", "Andere titel")
    return target


def test_the_open_document_follows_another_repository(qtbot, sample_window, content_repo: Path,
                                                      tmp_path: Path) -> None:
    win = sample_window
    other = _other_copy(content_repo, tmp_path / "andere", "Een titel uit de andere map")
    assert win.editor.session is not None and win.editor.session.repo.root == content_repo
    win.load_repository(other)
    qtbot.waitUntil(lambda: win.repo is not None and win.repo.root == other.resolve() and win.documents.ready)
    wait_idle(qtbot, win)
    session = win.editor.session
    # The document shown is the other repository's (the same path there), not the first one's file.
    assert session is not None and session.repo is win.repo
    assert session.path == other.resolve() / SAMPLE_DOC
    assert win.editor.doc is not None and win.editor.doc.fields["title"] == "Een titel uit de andere map"
    assert win.preview._context is not None and win.preview._context[0] is win.repo
    assert "andere" in win.windowTitle()


def test_picking_the_same_path_in_another_repository_opens_that_repository_s_file(
        qtbot, sample_window, content_repo: Path, tmp_path: Path) -> None:
    win = sample_window
    other = _other_copy(content_repo, tmp_path / "andere", "Uit de andere map")
    win.load_repository(other)
    qtbot.waitUntil(lambda: win.repo is not None and win.repo.root == other.resolve() and win.documents.ready)
    wait_idle(qtbot, win)
    win.documents.opened.emit(SAMPLE_DOC)  # as a click on its row
    assert win.editor.session is not None and win.editor.session.repo is win.repo
    assert win.editor.doc is not None and win.editor.doc.fields["title"] == "Uit de andere map"


def test_unsaved_work_stays_when_the_repository_is_read_again(qtbot, sample_window) -> None:
    win = sample_window
    session = win.editor.session
    assert session is not None
    session.set_text(session.current() + b"\nNog niet opgeslagen.\n", "test")
    assert win.editor.modified
    win.load_repository(win.repo.root)  # read again (as after writing the schema file): nobody is asked here
    qtbot.waitUntil(lambda: win.documents.ready)
    wait_idle(qtbot, win)
    assert win.editor.modified and win.editor.session is session


def test_a_document_picked_in_another_repository_s_saved_list_opens_from_that_repository(
        qtbot, sample_window, content_repo: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """While another repository is being opened its saved list shows at once, the window still on the first one:
    a document picked in that list then opens from the repository the list shows, once it is open."""
    from PySide6.QtWidgets import QMessageBox

    from redactie import saved_listing
    from redactie.catalogue import entries
    from redactie.repository import ContentRepository

    win = sample_window
    other = _other_copy(content_repo, tmp_path / "andere", "Alleen in de andere map")
    only_there = "docs/vereisten/alleen_hier.md"
    shutil.copy(other / SAMPLE_DOC, other / only_there)
    repo = ContentRepository(other)
    rows = [(e.path, e.type_name, e.type_label, e.title, e.remark) for e in entries(repo, "nl")]
    refs, folders = repo.listing()
    assert saved_listing.save(other.resolve(), "nl", rows, (ref.path for ref in refs), folders)
    warnings: list[str] = []  # a modal "cannot be opened" would stop the test: its text is kept instead
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: warnings.append(str(args[2])))
    # As a double-click on its row as soon as the saved list shows, before the repository is open.
    win.documents.shown.connect(lambda: win.documents.opened.emit(only_there))
    win.load_repository(other)
    qtbot.waitUntil(lambda: only_there in win.documents.paths())
    qtbot.waitUntil(lambda: win.repo is not None and win.repo.root == other.resolve() and win.documents.ready)
    wait_idle(qtbot, win)
    assert warnings == []  # not "cannot be opened" from the first repository, where it does not exist
    session = win.editor.session
    assert session is not None and session.repo is win.repo and session.relpath == only_there


def test_a_document_picked_before_the_relation_choices_are_known_opens_without_reading_on_the_gui_thread(
        qtbot, content_repo: Path, isolated_home: Path, monkeypatch) -> None:  # noqa: ANN001
    """A later start lists the documents before their titles are checked; a document picked then needs the
    relation choices (the titles of every document of a type: thousands at 10k, ~1 s of reading). Those are
    resolved in a worker and the document opens after: the window never reads them itself."""
    import threading

    from redactie.gui.main_window import MainWindow
    from redactie.repository import ContentRepository

    first = MainWindow("nl")
    qtbot.addWidget(first)
    first.load_repository(content_repo)
    qtbot.waitUntil(lambda: first.documents.complete, timeout=20000)
    wait_idle(qtbot, first)  # the list is saved for the next start
    first.close()

    unresolved_on_gui: list[str] = []
    vocabularies = ContentRepository.vocabularies

    def watched(self: ContentRepository) -> object:
        if self._vocabularies is None and threading.current_thread() is threading.main_thread():
            unresolved_on_gui.append("vocabularies")
        return vocabularies(self)

    monkeypatch.setattr(ContentRepository, "vocabularies", watched)
    win = MainWindow("nl")
    qtbot.addWidget(win)
    shown: list[bool] = []
    # As a double-click on its row as soon as the saved list shows.
    win.documents.shown.connect(lambda: (shown.append(True), win.documents.opened.emit(SAMPLE_DOC)))
    win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.editor.session is not None, timeout=20000)
    assert shown and win.editor.session.relpath == SAMPLE_DOC and win.editor.doc is not None
    assert unresolved_on_gui == []
    wait_idle(qtbot, win)
    win.close()


def test_the_first_document_opened_by_the_start_leaves_the_list_where_the_user_scrolled(
        qtbot, corpus_2026_copy: Path) -> None:  # noqa: ANN001
    """The list shows before the first document opens (at 10k a second before): an editor may scroll it meanwhile.
    The start's own opening of the first document (as app.run does it) selects its row without moving the list;
    a document the user picks is brought in sight as always."""
    from redactie.gui.main_window import MainWindow

    win = MainWindow("nl")
    qtbot.addWidget(win)
    win.resize(1000, 500)
    win.show()
    win.load_repository(corpus_2026_copy)
    qtbot.waitUntil(lambda: win.documents.ready, timeout=20000)
    bar = win.documents.tree.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the user scrolled down while the start went on
    first = win.documents.first_document()
    assert first is not None
    win.open_picked(first, scroll=False)
    qtbot.waitUntil(lambda: win.editor.session is not None, timeout=20000)
    assert win.editor.session.relpath == first and win.documents.current_path() == first
    assert bar.value() == bar.maximum()
    win.open_document(win.documents.paths()[1])  # picked: in sight
    assert bar.value() < bar.maximum()
    wait_idle(qtbot, win)
    win.close()


def test_enter_in_the_filter_before_the_list_is_read_opens_the_first_match_once_it_shows(
        qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """A first start shows an empty list while the repository is read: a title typed in the filter and Enter then
    are not lost, the first document that matches opens once the list shows it. Typing on drops that Enter."""
    from PySide6.QtCore import Qt

    from redactie.gui.main_window import MainWindow

    win = MainWindow("nl")
    qtbot.addWidget(win)
    win.show()
    win.load_repository(content_repo)
    assert win.documents.count() == 0  # nothing read yet (no saved list: a first start)
    qtbot.keyClicks(win.documents.filter, "toets")
    qtbot.keyClick(win.documents.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.editor.session is not None, timeout=20000)
    assert win.editor.session.relpath == "docs/maatregelen/bias_toets_uitvoeren.md"
    assert win.documents.current_path() == win.editor.session.relpath
    wait_idle(qtbot, win)
    win.close()

    again = MainWindow("nl")
    qtbot.addWidget(again)
    again.show()
    again.load_repository(content_repo)
    qtbot.keyClicks(again.documents.filter, "zzz-geen-document")
    qtbot.keyClick(again.documents.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.documents.complete, timeout=20000)
    wait_idle(qtbot, again)
    assert again.editor.session is None  # nothing matched: nothing opens
    again.close()


def test_a_title_shown_before_the_titles_are_read_is_found_by_the_filter(
        qtbot, content_repo: Path, isolated_home: Path, monkeypatch) -> None:  # noqa: ANN001
    """A first start lists every document by its file before reading titles; the rows in sight show their own
    title, read for them. Typing a word of such a title in the filter then finds that row (it did not: the filter
    looked in the path only until every title was read, so the row the editor read vanished)."""
    from redactie.catalogue import entries
    from redactie.gui import document_list
    from redactie.gui.document_list import DocumentList
    from redactie.gui.tasks import TaskRunner
    from redactie.repository import ContentRepository

    monkeypatch.setattr(document_list, "QUICK_FROM", 0)  # the sample as a first start of many files
    archief = next(e for e in entries(ContentRepository(content_repo), "nl") if "Archiefwet" in e.title)
    assert "archiefwet" not in archief.path.lower()
    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    widget.show()
    seen: dict[str, object] = {}

    def listed() -> None:  # the first listing: no title read yet, but the rows in sight read their own
        seen["titled"] = any(e.titled for e in widget.model.entries)
        seen["shows"] = widget.row(archief.path).title  # as the view asks when it paints the row
        widget.apply_filter("archiefwet")
        seen["found"] = widget.model.is_shown(archief.path)
        seen["others"] = sum(widget.model.is_shown(e.path) for e in widget.model.entries)

    widget.loaded.connect(listed)
    completions: list[bool] = []
    widget.completed.connect(lambda: completions.append(True))
    widget.load(ContentRepository(content_repo), "nl")
    qtbot.waitUntil(lambda: bool(completions), timeout=20000)
    assert seen == {"titled": False, "shows": archief.title, "found": True, "others": 1}
    assert widget.model.is_shown(archief.path) and widget.row(archief.path).title == archief.title


def test_another_repository_without_documents_shows_none_of_the_first_one(qtbot, sample_window,
                                                                         tmp_path: Path) -> None:
    """Opening a folder without documents while a document is open: the editor and the preview no longer show
    (and would no longer save) the other repository's document under the new one's name."""
    win = sample_window
    empty = tmp_path / "leeg"
    (empty / "docs").mkdir(parents=True)
    git(empty, "init", "-q")
    win.load_repository(empty)
    qtbot.waitUntil(lambda: win.repo is not None and win.repo.root == empty.resolve() and win.documents.ready)
    wait_idle(qtbot, win)
    assert win.documents.count() == 0
    assert win.editor.session is None and not win.editor.modified
    assert win.editor.form_view.header.text() == "" and win.editor.raw_view.edit.toPlainText() == ""
    assert win.preview._context is None and win.preview.toPlainText().strip() == ""
    win.save()  # nothing to save: no error, nothing written


def test_a_new_document_asked_for_while_the_repository_opens_is_offered_once_it_is(
        qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """Ctrl+N pressed while the window starts (the list may show already, the repository is still being opened)
    is not dropped: the new-document dialog opens once the repository is there."""
    from redactie.gui.main_window import MainWindow

    win = MainWindow("nl")
    qtbot.addWidget(win)
    win.show()
    win.load_repository(content_repo)
    assert win.repo is None
    win.actions_["new"].trigger()
    qtbot.waitUntil(lambda: getattr(win, "new_document_dialog", None) is not None
                    and win.new_document_dialog.isVisible(), timeout=20000)
    win.new_document_dialog.reject()
    wait_idle(qtbot, win)
    win.close()


def test_forms_made_ahead_follow_the_repository_shown(qtbot, sample_window, content_repo: Path,
                                                      tmp_path: Path) -> None:
    """The forms kept and made ahead for one repository's types are let go when another is opened; the other's
    types get theirs (its documents open in a form made for its own schema)."""
    from redactie.gui.form_sections import SPARE_BOXES

    win = sample_window
    view = win.editor.form_view
    qtbot.waitUntil(lambda: len(view._sections.boxes) == SPARE_BOXES, timeout=30000)  # noqa: SLF001
    before = set(view._forms.values())  # noqa: SLF001
    assert len(before) == len(win.repo.schema.types)
    other = _other_copy(content_repo, tmp_path / "andere", "Een titel uit de andere map")
    win.load_repository(other)
    qtbot.waitUntil(lambda: win.repo is not None and win.repo.root == other.resolve() and win.documents.ready)
    wait_idle(qtbot, win)
    fields = [tuple(id(f) for f in win.repo.schema.fields_of(t)) for t in win.repo.schema.types.values()]
    qtbot.waitUntil(lambda: all(key in view._forms for key in fields), timeout=30000)  # noqa: SLF001
    assert not (set(view._forms.values()) - {view.form}) & before  # noqa: SLF001
