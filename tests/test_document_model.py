"""The document list as model/view: groups, filter, markers, selection and keyboard over plain rows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from redactie.catalogue import entries
from redactie.gui.document_list import PATH_ROLE, DocumentList
from redactie.gui.tasks import TaskRunner
from redactie.repository import ContentRepository

from .conftest import OLD_NS

ARCHIEF = "Informatie over algoritmes wordt gearchiveerd volgens de Archiefwet"


@pytest.fixture
def listing(qtbot, content_repo: Path, isolated_home: Path) -> DocumentList:  # noqa: ANN001
    """A filled list of the sample repository."""
    runner = TaskRunner()
    widget = DocumentList(runner)
    qtbot.addWidget(widget)
    widget.show()
    widget.load(ContentRepository(content_repo), "nl")
    qtbot.waitUntil(lambda: widget.ready and not runner.busy, timeout=20000)
    return widget


def shown_titles(listing: DocumentList) -> list[str]:
    """Every title the view can show, group by group."""
    model = listing.tree.model()
    titles = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        titles += [model.index(i, 0, group).data() for i in range(model.rowCount(group))]
    return titles


def test_groups_are_parents_that_cannot_be_selected_and_documents_keep_their_order(
        listing: DocumentList, content_repo: Path) -> None:
    model = listing.tree.model()
    expected = entries(ContentRepository(content_repo), "nl")
    assert listing.group_labels() == list(dict.fromkeys(e.type_label for e in expected))
    assert listing.paths() == [e.path for e in expected]
    group = model.index(0, 0)
    assert not model.flags(group) & Qt.ItemFlag.ItemIsSelectable
    assert model.parent(model.index(0, 0, group)) == group
    assert model.index(0, 0, group).data(PATH_ROLE) == expected[0].path
    assert listing.first_document() == expected[0].path


def test_filter_hides_rows_keeps_the_selection_and_clears_again(listing: DocumentList, qtbot) -> None:  # noqa: ANN001
    every = shown_titles(listing)
    archief = next(p for p in listing.paths() if listing.row(p).title == ARCHIEF)
    listing.select(archief)
    listing.filter.setText("  ARCHIEFWET ")
    assert shown_titles(listing) == [ARCHIEF]
    assert listing.current_path() == archief
    hidden = [p for p in listing.paths() if listing.row(p).hidden]
    assert len(hidden) == len(every) - 1
    listing.filter.setText("")
    assert shown_titles(listing) == every
    assert listing.current_path() == archief
    assert listing.selected_paths() == [archief]


def test_select_all_shown_selects_exactly_what_the_filter_shows(listing: DocumentList) -> None:
    listing.filter.setText("algoritme")
    shown = [p for p in listing.paths() if not listing.row(p).hidden]
    assert 0 < len(shown) < listing.count()
    listing.select_all_shown()
    assert listing.selected_paths() == shown
    listing.filter.setText("")  # the selection survives the filter's change
    assert listing.selected_paths() == shown


def test_markers_show_state_icon_and_tooltip_by_lookup(listing: DocumentList) -> None:
    first, second = listing.paths()[:2]
    listing.set_validation({first: "error", second: "warning"})
    listing.set_git({first: "modified", second: "new"})
    listing.set_drafts({second})
    row = listing.row(first)
    assert (row.severity, row.state) == ("error", "gewijzigd")
    assert "Bevat fouten" in row.tooltip and first in row.tooltip
    row = listing.row(second)
    assert row.severity == "warning" and row.state == "nieuw, niet opgeslagen werk"
    index = listing.model.index_of(first, 1)
    assert index.data() == "gewijzigd"
    assert not listing.model.index_of(first, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    listing.set_validation({})
    listing.set_git({})
    listing.set_drafts(set())
    assert listing.row(first).severity is None and listing.row(second).state == ""


def test_down_from_the_filter_goes_to_the_first_shown_and_enter_there_opens(listing: DocumentList, qtbot) -> None:  # noqa: ANN001
    opened: list[str] = []
    listing.opened.connect(opened.append)
    listing.filter.setText("archiefwet")
    listing.filter.setFocus()
    qtbot.keyClick(listing.filter, Qt.Key.Key_Down)
    archief = next(p for p in listing.paths() if not listing.row(p).hidden)
    assert listing.current_path() == archief
    qtbot.keyClick(listing.filter, Qt.Key.Key_Return)  # Enter in the filter opens the first shown
    assert opened == [archief]


def test_a_cancelled_or_outdated_reading_never_fills_the_list(listing: DocumentList, content_repo: Path) -> None:
    before = listing.paths()
    listing._fill(None)  # noqa: SLF001 - what a cancelled reading delivers
    assert listing.paths() == before and listing.ready


def test_a_long_list_opens_its_groups_over_several_turns_and_reports_loaded_once(
        qtbot, content_repo: Path, isolated_home: Path, monkeypatch) -> None:  # noqa: ANN001
    """Past EXPAND_ROWS shown rows the groups open one turn at a time; a filter typed meanwhile neither loses
    the `loaded` signal nor leaves a group closed."""
    from redactie.gui import document_list

    monkeypatch.setattr(document_list, "EXPAND_ROWS", 2)
    runner = TaskRunner()
    widget = DocumentList(runner)
    qtbot.addWidget(widget)
    widget.show()
    loaded: list[bool] = []
    widget.loaded.connect(lambda: loaded.append(True))
    opened_when_loaded: list[bool] = []
    model = widget.tree.model()
    widget.loaded.connect(lambda: opened_when_loaded.append(
        all(widget.tree.isExpanded(model.index(g, 0)) for g in range(model.rowCount()))))
    ready_then: list[bool] = []

    def type_filter() -> None:  # a filter while the groups open starts a newer opening
        ready_then.append(widget.ready)
        widget.filter.setText("e")

    model.modelReset.connect(lambda: QTimer.singleShot(0, type_filter) if not ready_then else None)
    widget.load(ContentRepository(content_repo), "nl")
    qtbot.waitUntil(lambda: widget.ready and bool(ready_then), timeout=20000)
    assert ready_then[0] is False  # the filter came while the groups were still opening
    qtbot.wait(20)
    assert loaded == [True] and opened_when_loaded == [True]
    assert all(widget.tree.isExpanded(model.index(g, 0)) for g in range(model.rowCount()))


def test_a_first_listing_from_the_quick_read_is_completed_in_place(
        qtbot, content_repo: Path, isolated_home: Path, monkeypatch) -> None:  # noqa: ANN001
    """Many files unknown to the index: the list shows their quick titles at once, then the full reading
    replaces the rows (search texts with every value) without losing the selection; a newer reading drops an
    older completion."""
    from redactie.gui import document_list

    monkeypatch.setattr(document_list, "QUICK_FROM", 0)
    runner = TaskRunner()
    widget = DocumentList(runner)
    qtbot.addWidget(widget)
    widget.show()
    repo = ContentRepository(content_repo)
    states: list[tuple[bool, bool]] = []
    widget.loaded.connect(lambda: states.append((widget.ready, widget.complete)))
    completions: list[bool] = []
    widget.completed.connect(lambda: completions.append(True))  # before the load: it may complete at once
    widget.load(repo, "nl")
    qtbot.waitUntil(lambda: widget.ready, timeout=20000)
    archief = next(p for p in widget.paths() if widget.row(p).title == ARCHIEF)
    assert states == [(True, False)]  # listed from the quick read, not complete yet
    widget.select(archief)
    qtbot.waitUntil(lambda: bool(completions), timeout=20000)
    assert widget.complete and widget.current_path() == archief
    expected = entries(ContentRepository(content_repo), "nl")
    assert [(e.path, e.title, e.search) for e in widget.model.entries] == [(e.path, e.title, e.search)
                                                                          for e in expected]
    widget.filter.setText("archiefwet")
    assert shown_titles(widget) == [ARCHIEF]
    # A newer reading while the older one's completion runs: only the newer one completes the list.
    repo2 = ContentRepository(content_repo)
    widget.load(repo2, "nl")
    done: list[bool] = []
    widget.completed.connect(lambda: done.append(True))
    qtbot.waitUntil(lambda: widget.ready and not runner.busy, timeout=20000)
    qtbot.wait(50)
    assert len(done) <= 1 and widget.count() == len(expected)


def test_markers_of_many_documents_repaint_without_a_signal_per_row(listing: DocumentList, monkeypatch) -> None:  # noqa: ANN001
    """Past REPAINT_RUNS runs of rows the view repaints instead of being told of every row; rows still show the
    new markers, which are looked up when painted."""
    from redactie.gui import document_list

    monkeypatch.setattr(document_list, "REPAINT_RUNS", 0)
    signals: list[int] = []
    listing.model.dataChanged.connect(lambda *args: signals.append(1))
    everything = {path: "error" for path in listing.paths()}
    listing.set_validation(everything)
    assert signals == []
    assert all(listing.row(path).severity == "error" for path in listing.paths())
    assert listing.model.index_of(listing.paths()[0]).data(Qt.ItemDataRole.ToolTipRole).count("Bevat fouten") == 1


def test_background_checks_wait_for_a_quick_listing_to_be_complete(qtbot, content_repo: Path,  # noqa: ANN001
                                                                   isolated_home: Path) -> None:
    """Validation reads every document: after a quick first listing it waits for the index to be complete, which
    it would otherwise read alongside (at 10k the two together took 14-17 s instead of 4)."""
    from redactie.gui.main_window import MainWindow

    from .conftest import wait_idle

    win = MainWindow("nl")
    qtbot.addWidget(win)
    win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.documents.ready, timeout=30000)
    wait_idle(qtbot, win)
    win._background_timer.stop()  # noqa: SLF001 - the rule under test is when this timer starts
    win.documents.complete = False  # as after a quick listing whose completion still runs
    win._documents_loaded()  # noqa: SLF001
    assert not win._background_timer.isActive()  # noqa: SLF001
    win.documents.complete = True
    win.documents.completed.emit()
    assert win._background_timer.isActive()  # noqa: SLF001
    win._background_timer.stop()  # noqa: SLF001
    wait_idle(qtbot, win)


def test_a_group_the_filter_empties_is_hidden_and_comes_back(listing: DocumentList) -> None:
    """Filtering on one vereiste leaves no maatregel: the "Maatregel" heading is not shown on its own."""
    from PySide6.QtCore import QModelIndex

    groups = listing.group_labels()
    assert len(groups) >= 2
    listing.filter.setText("archiefwet")
    assert shown_titles(listing) == [ARCHIEF]
    hidden = [label for row, label in enumerate(groups) if listing.tree.isRowHidden(row, QModelIndex())]
    assert hidden == groups[1:]  # every group but the one holding the found vereiste
    listing.filter.setText("")
    assert not any(listing.tree.isRowHidden(row, QModelIndex()) for row in range(len(groups)))


def many_entries(content_repo: Path, count: int) -> list:
    """`count` rows of one document type, made from the sample's real entries under unique paths."""
    import dataclasses

    real = [e for e in entries(ContentRepository(content_repo), "nl") if e.type_name == "vereiste"]
    return [dataclasses.replace(real[n % len(real)], path=f"docs/vereisten/{n:05}.md") for n in range(count)]


def test_opening_a_long_group_calls_into_python_only_for_the_rows_in_sight(
        qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """The view lays out every row of a group it opens; the model's structure (index, flags, children) is
    answered by Qt, so a group of thousands of rows costs no call into the interpreter per row (each such call
    also waits for the interpreter lock while background work runs)."""
    import sys

    from PySide6.QtWidgets import QTreeView

    from redactie.gui.document_model import DocumentModel, Marks

    model = DocumentModel(lambda path: Marks(), lambda severity: None, ["Document", "Wijziging"])
    view = QTreeView()
    qtbot.addWidget(view)
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    model.set_entries(many_entries(content_repo, 3000))
    view.executeDelayedItemsLayout()
    calls: list[str] = []

    def count(frame, event: str, arg: object) -> None:  # noqa: ANN001
        if event == "call" and frame.f_code.co_filename.endswith("document_model.py"):
            calls.append(frame.f_code.co_name)

    sys.setprofile(count)
    try:
        view.setExpanded(model.index(0, 0), True)
        view.executeDelayedItemsLayout()
    finally:
        sys.setprofile(None)
    assert view.isExpanded(model.index(0, 0)) and model.rowCount(model.index(0, 0)) == 3000
    assert len(calls) < 100, f"{len(calls)} calls, e.g. {sorted(set(calls))}"
    assert model.index(2999, 0, model.index(0, 0)).data(PATH_ROLE) == "docs/vereisten/02999.md"


def test_a_double_click_opens_a_document_and_never_edits_its_title(listing: DocumentList, qtbot) -> None:  # noqa: ANN001
    opened: list[str] = []
    listing.opened.connect(opened.append)
    first = listing.paths()[0]
    rect = listing.tree.visualRect(listing.model.index_of(first))
    viewport = listing.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # as a person's double-click begins
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert first in opened
    assert listing.tree.state() != listing.tree.State.EditingState
    assert not listing.tree.viewport().findChildren(QLineEdit)  # no editor opened over the row


def test_loaded_comes_in_a_turn_after_the_fill_with_every_group_open_and_the_selection_kept(
        listing: DocumentList, qtbot, content_repo: Path) -> None:  # noqa: ANN001
    """The reset that fills the list and the work the window starts on `loaded` (watching folders, opening git)
    never share one turn of the event loop: at 10k each is a long turn of its own, and a timer that is due (a
    heartbeat, a paint, a key) runs between them."""
    archief = next(p for p in listing.paths() if listing.row(p).title == ARCHIEF)
    model = listing.tree.model()
    turns: list[str] = []
    due = QTimer(listing)  # a real timer, due at once (QTimer.singleShot(0) would post an event instead)
    due.setSingleShot(True)
    due.setInterval(0)
    due.timeout.connect(lambda: turns.append("turn"))
    model.modelReset.connect(lambda: (turns.append("reset"), due.start()))
    seen: list[tuple[list[str], bool, str | None]] = []
    listing.loaded.connect(lambda: seen.append((list(turns), all(
        listing.tree.isExpanded(model.index(g, 0)) for g in range(model.rowCount())), listing.current_path())))
    listing.load(ContentRepository(content_repo), "nl", select=archief)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert seen == [(["reset", "turn"], True, archief)]


def test_marking_every_document_looks_up_no_row_and_the_state_column_still_fits(
        listing: DocumentList, monkeypatch, qtbot) -> None:  # noqa: ANN001
    """Git, validation and draft markers for every document cost no lookup per document on the GUI thread (at 10k
    set_git took 58 ms, set_validation 30 ms): rows look their markers up when painted; the state column is
    fitted from the few documents with unsaved work or a remark."""
    looked_up: list[str] = []
    marks = listing._marks  # noqa: SLF001
    monkeypatch.setattr(listing, "_marks", lambda path: (looked_up.append(path), marks(path))[1])
    paths = listing.paths()
    listing.set_git({path: "modified" for path in paths})
    listing.set_validation({path: "warning" for path in paths})
    listing.set_drafts({paths[0]})
    assert looked_up == []
    assert listing.row(paths[0]).state == "gewijzigd, niet opgeslagen werk"
    listing.resize(900, 500)  # room for it: in a narrow list the titles keep two thirds (test_list_columns.py)
    qtbot.waitUntil(lambda: listing.tree.viewport().width() > 800)
    metrics = listing.tree.fontMetrics()
    assert listing.tree.header().sectionSize(1) >= metrics.horizontalAdvance("gewijzigd, niet opgeslagen werk")


def test_a_later_start_lists_from_the_cache_then_brings_changed_files_in(
        qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """With a saved index the list is shown from it before any file is checked (the folders are listed as they
    are: a removed file is not shown, an added one is read at once); the completion then checks every file: one
    changed while the app was closed shows its new title. Only the changed and added files are read."""
    first = DocumentList(TaskRunner())
    qtbot.addWidget(first)
    first.load(ContentRepository(content_repo), "nl")
    qtbot.waitUntil(lambda: first.ready and first.complete, timeout=20000)
    archief = next(p for p in first.paths() if first.row(p).title == ARCHIEF)
    others = [p for p in first.paths() if p != archief]
    gone, kept = others[0], others[1]
    changed = content_repo / archief
    changed.write_bytes(changed.read_bytes().replace(ARCHIEF.encode(), b"Archiveren volgens de Archiefwet"))
    (content_repo / gone).unlink()
    added = (content_repo / kept).with_name("nieuw-document.md")
    added.write_bytes((content_repo / kept).read_bytes())
    for path in (changed, added):  # not "just written" (racy), which the index would read at every check
        os.utime(path, ns=(OLD_NS, OLD_NS))

    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    repo = ContentRepository(content_repo)
    states: list[tuple[bool, str, bool]] = []
    widget.loaded.connect(lambda: states.append((widget.complete, widget.row(archief).title,
                                                 widget.row(gone) is not None)))
    completions: list[bool] = []
    widget.completed.connect(lambda: completions.append(True))
    widget.load(repo, "nl")
    qtbot.waitUntil(lambda: bool(completions), timeout=20000)
    assert states == [(False, ARCHIEF, False)]  # shown from the cache, as the app left it
    assert widget.row(archief).title == "Archiveren volgens de Archiefwet"
    assert widget.row(gone) is None and widget.row(added.relative_to(content_repo).as_posix()) is not None
    assert [(e.path, e.title) for e in widget.model.entries] == [(e.path, e.title) for e in entries(repo, "nl")]
    assert repo.index.reads == 2  # the changed file and the added one


def test_a_first_start_lists_every_file_before_reading_titles_and_shows_the_titles_in_sight(
        qtbot, content_repo: Path, isolated_home: Path, monkeypatch) -> None:  # noqa: ANN001
    """Nothing known and many files: the list shows every document at once, before any file is read; a row in
    sight shows its file's title (read for that row), a file the quick reading is unsure of its file name; then
    the read titles and the complete index replace the rows."""
    from redactie.gui import document_list

    monkeypatch.setattr(document_list, "QUICK_FROM", 0)
    unsure = next(p for p in sorted(content_repo.rglob("*.md")) if "vereisten" in p.parts and p.name != "index.md")
    unsure.write_bytes(unsure.read_bytes().replace(b"\ntitle: ", b"\ntitle: &anker ", 1))  # an anchor: not certain
    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    widget.show()
    repo = ContentRepository(content_repo)
    seen: dict[str, object] = {}

    def listed() -> None:
        archief = next(e.path for e in entries(ContentRepository(content_repo), "nl") if e.title == ARCHIEF)
        seen.update(titled=[e.titled for e in widget.model.entries], reads=repo.index.reads,
                    shown=widget.model.index_of(archief).data(), unsure=widget.row(
                        unsure.relative_to(content_repo).as_posix()).title)

    widget.loaded.connect(listed)
    completions: list[bool] = []
    widget.completed.connect(lambda: completions.append(True))
    widget.load(repo, "nl")
    qtbot.waitUntil(lambda: bool(completions), timeout=20000)
    assert seen["titled"] and not any(seen["titled"])  # listed before any title was read
    assert seen["reads"] == 0 and seen["shown"] == ARCHIEF and seen["unsure"] == unsure.stem
    assert all(e.titled for e in widget.model.entries)
    expected = entries(ContentRepository(content_repo), "nl")
    assert [(e.path, e.title) for e in widget.model.entries] == [(e.path, e.title) for e in expected]
    assert widget.row(unsure.relative_to(content_repo).as_posix()).title != unsure.stem


def test_git_the_folders_watch_and_the_file_scan_wait_for_a_quick_listing_to_be_complete(
        qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """Opening git and walking the folders (watch, links' file scan) start in workers; beside the completion of a
    quick first listing they held the window waiting for the interpreter lock: they wait for the list to be
    complete (or to have failed), and then all start."""
    from redactie.gui.main_window import MainWindow

    from .conftest import wait_idle

    win = MainWindow("nl")
    qtbot.addWidget(win)
    win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.documents.ready, timeout=30000)
    wait_idle(qtbot, win)
    win.monitor.attach(win.repo)  # git to be opened again, as for a repository just opened
    win.documents.complete = False  # as after a quick listing whose completion still runs
    win._documents_loaded()  # noqa: SLF001
    started = {key: win.runner.running(key) for key in ("known-files", "watch-folders")}
    assert started == {"known-files": False, "watch-folders": False}
    assert not win.monitor._open_timer.isActive()  # noqa: SLF001
    win.documents.complete = True
    win.documents.completed.emit()
    assert win.runner.running("known-files") and win.runner.running("watch-folders")
    assert win.monitor._open_timer.isActive() or win.monitor.opening  # noqa: SLF001
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: not win.monitor.opening, timeout=30000)
    wait_idle(qtbot, win)
