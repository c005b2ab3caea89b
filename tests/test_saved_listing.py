"""The list as a session left it: shown at the next start only while its folders, schema and choices are as
they were; then replaced by the reading."""

from __future__ import annotations

import os
from pathlib import Path

from redactie import saved_listing
from redactie.catalogue import entries
from redactie.folders import SCHEMA_FILE, folders_unchanged, markdown_files
from redactie.gui.document_list import DocumentList
from redactie.gui.tasks import TaskRunner
from redactie.repository import ContentRepository
from redactie.workspace import schema_choices_file

from .conftest import OLD_NS


def _rows(repo: ContentRepository) -> list[saved_listing.Row]:
    return [(e.path, e.type_name, e.type_label, e.title, e.remark) for e in entries(repo, "nl")]


def _show(qtbot, widget: DocumentList, root: Path) -> bool:  # noqa: ANN001
    """`show_saved`, waited for: True when the saved list was shown."""
    shown: list[bool] = []
    widget.shown.connect(lambda: shown.append(True))
    widget.show_saved(root, "nl")
    qtbot.waitUntil(lambda: not widget.runner.running("saved-list"), timeout=10000)
    qtbot.wait(20)  # `shown` comes once the groups are open, a turn later
    return bool(shown)


def _saved(root: Path) -> list[saved_listing.Row]:
    repo = ContentRepository(root)
    rows = _rows(repo)
    refs, folders = repo.listing()
    assert saved_listing.save(root, "nl", rows, (ref.path for ref in refs), folders)
    assert saved_listing.load(root, "nl") == rows
    return rows


def test_a_saved_listing_is_used_only_while_what_it_rests_on_is_unchanged(content_repo: Path,
                                                                          isolated_home: Path) -> None:
    """Each change of a folder (a file added, removed, renamed, a folder added), of the schema file or of the
    saved schema choices, and another language, makes the listing unusable; the same state makes it usable."""
    rows = _saved(content_repo)
    assert saved_listing.load(content_repo, "en") is None  # the type labels are another language's
    changes = [
        lambda doc: (doc.parent / "nieuw.md").write_text("---\ntitle: Nieuw\n---\n", encoding="utf-8"),
        lambda doc: doc.unlink(),
        lambda doc: doc.rename(doc.with_name("hernoemd.md")),
        lambda doc: (content_repo / "docs" / "nieuwe-map").mkdir(),
        lambda doc: os.utime(content_repo / SCHEMA_FILE, ns=(OLD_NS, OLD_NS)),
        lambda doc: (schema_choices_file().parent.mkdir(parents=True, exist_ok=True),
                     schema_choices_file().write_text("{}", encoding="utf-8")),
    ]
    for number, change in enumerate(changes):
        rows = _saved(content_repo)
        change(content_repo / rows[0][0])
        assert saved_listing.load(content_repo, "nl") is None, number
    _saved(content_repo)  # the current state is saved again, and usable


def test_a_listing_that_no_longer_matches_the_folders_is_not_saved(content_repo: Path, isolated_home: Path) -> None:
    """Rows that miss a document of the walk, or hold one it did not find, are not kept: the next start reads
    the list."""
    repo = ContentRepository(content_repo)
    rows = _rows(repo)
    refs, folders = repo.listing()
    paths = [ref.path for ref in refs]
    assert not saved_listing.save(content_repo, "nl", rows[1:], paths, folders)
    assert not saved_listing.save(content_repo, "nl", [*rows, ("docs/weg.md", *rows[0][1:])], paths, folders)
    assert not saved_listing.save(content_repo, "nl", rows, paths, {})  # no walk's folder times: not kept
    assert saved_listing.load(content_repo, "nl") is None


def test_a_damaged_or_foreign_saved_listing_is_ignored(content_repo: Path, isolated_home: Path) -> None:
    """Any truncation or odd bytes give no listing, never an error."""
    _saved(content_repo)
    path = saved_listing.listing_file(content_repo)
    data = path.read_bytes()
    for cut in (0, 1, 10, len(data) // 2, len(data) - 1):
        path.write_bytes(data[:cut])
        assert saved_listing.load(content_repo, "nl") is None
    import marshal

    version, root = saved_listing.VERSION, str(content_repo)
    odds = [("redactie-listing", version, root, "nl", None, [], ([], [], [])), ("x",), 42,
            ("redactie-listing", version, root, "nl", saved_listing._rests_on(content_repo), [],
             ([1], [2], [3], [4], [5]))]
    for odd in odds:
        path.write_bytes(marshal.dumps(odd))
        assert saved_listing.load(content_repo, "nl") is None


def test_folder_times_are_taken_for_every_walked_folder(content_repo: Path) -> None:
    """`markdown_files` notes the root and each folder it walks; a change in a deep folder is noticed."""
    folders: dict[str, int] = {}
    paths = markdown_files(content_repo, folders)
    assert "." in folders and all(path.rpartition("/")[0] in folders for path in paths if "/" in path)
    assert ".git" not in folders and folders_unchanged(content_repo, folders)
    deepest = max((content_repo / path).parent for path in paths)
    (deepest / "x.md").write_text("x", encoding="utf-8")
    assert not folders_unchanged(content_repo, folders)


def test_the_list_shows_the_saved_listing_then_the_reading_replaces_what_changed(
        qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """A later start: the saved rows show at once (`shown`); a title edited since is then read and shown, and
    the completed list is saved again for the start after."""
    first = DocumentList(TaskRunner())
    qtbot.addWidget(first)
    first.load(ContentRepository(content_repo), "nl")
    qtbot.waitUntil(lambda: first.complete and not first.runner.running("save-listing"), timeout=20000)
    assert saved_listing.load(content_repo, "nl") is not None  # left by the first session
    path = first.paths()[0]
    old_title = first.row(path).title
    target = content_repo / path
    target.write_bytes(target.read_bytes().replace(old_title.encode(), b"Een nieuwe titel", 1))

    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    seen: list[tuple[bool, str, int]] = []
    widget.shown.connect(lambda: seen.append((widget.showing_saved, widget.row(path).title, widget.count())))
    assert _show(qtbot, widget, content_repo)
    assert seen == [(True, old_title, first.count())]  # every row, before any reading
    widget.load(ContentRepository(content_repo), "nl")
    qtbot.waitUntil(lambda: widget.complete and not widget.runner.running("save-listing"), timeout=20000)
    assert not widget.showing_saved and widget.row(path).title == "Een nieuwe titel"
    assert [row[3] for row in saved_listing.load(content_repo, "nl") or []].count("Een nieuwe titel") == 1


def test_a_document_picked_in_the_saved_list_before_the_repository_is_open_opens_once_it_is(
        qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """The saved list shows before the repository is read: a document picked in it then is not lost, it opens
    once the repository and the editor are there (and not the list's first document instead)."""
    from redactie.gui.main_window import MainWindow

    _saved(content_repo)
    win = MainWindow("nl", panes=False)
    qtbot.addWidget(win)
    win.build_list()
    assert _show(qtbot, win.documents, content_repo)  # as load_repository does, before the repository is open
    assert win.documents.showing_saved and win.repo is None
    picked = win.documents.paths()[-1]
    win.documents.opened.emit(picked)  # as a double-click on its row does
    win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.built and win.editor.session is not None, timeout=20000)
    assert win.editor.session.relpath == picked


def test_a_saved_list_goes_when_the_repository_then_cannot_be_read(qtbot, content_repo: Path,  # noqa: ANN001
                                                                   isolated_home: Path) -> None:
    """The schema broke after the list was saved (its file changed, so the saved list is not shown); and when a
    saved list is shown and the reading then fails, the list is emptied with the failure."""
    from redactie.gui.main_window import MainWindow

    _saved(content_repo)
    win = MainWindow("nl")
    qtbot.addWidget(win)
    failures: list[object] = []
    win.documents.failed.connect(failures.append)
    assert _show(qtbot, win.documents, content_repo) and win.documents.count() > 0
    win.documents.failed.emit(RuntimeError("schema onbruikbaar"))
    assert failures and win.documents.count() == 0 and not win.documents.showing_saved
    (content_repo / SCHEMA_FILE).write_text("types: [\n", encoding="utf-8")  # broken, and changed
    assert not _show(qtbot, win.documents, content_repo)


def test_the_filter_works_on_a_saved_list_before_the_reading(qtbot, content_repo: Path,  # noqa: ANN001
                                                             isolated_home: Path) -> None:
    """Typed into the filter while the saved list shows: it looks in the paths and titles."""
    rows = _saved(content_repo)
    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    assert _show(qtbot, widget, content_repo)
    path, title = rows[-1][0], rows[-1][3]
    word = max(title.split(), key=len)
    widget.apply_filter(word.upper())
    shown = [p for p in widget.paths() if not widget.row(p).hidden]
    assert path in shown and len(shown) < len(rows)
    assert all(word.lower() in f"{p} {widget.row(p).title}".lower() for p in shown)


def test_a_saved_list_that_comes_after_the_reading_is_dropped(qtbot, content_repo: Path,  # noqa: ANN001
                                                              isolated_home: Path) -> None:
    """The reading filled the list before the saved list was read: the saved one never replaces it."""
    _saved(content_repo)
    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    shown: list[bool] = []
    widget.shown.connect(lambda: shown.append(True))
    widget.load(ContentRepository(content_repo), "nl")
    qtbot.waitUntil(lambda: widget.ready and widget.complete, timeout=20000)
    widget.show_saved(content_repo, "nl")  # too late: as if it had been slower than the reading
    widget._fill(widget.model.entries)  # a reading's rows arriving while the saved list is on its way
    qtbot.waitUntil(lambda: not widget.runner.running("saved-list"), timeout=10000)
    qtbot.wait(20)
    assert shown == [] and not widget.showing_saved
