"""The index read in a process of its own (`index_worker`): the same index as the editor's own reading, and the
editor's own reading whenever the child cannot start, dies, hangs or is outdated (real files, real processes)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from redactie.catalogue import entries
from redactie.gui.document_list import DocumentList
from redactie.gui.tasks import TaskRunner
from redactie.index import DocumentIndex
from redactie.index_worker import REFUSE, IndexChild, glance_shared
from redactie.repository import ContentRepository

from .conftest import CORPUS, copy_writable

SNAPSHOT = CORPUS / "algoritmekader-2026"
needs_corpus = pytest.mark.skipif(not SNAPSHOT.is_dir(), reason="the shared corpus is not on this machine")


def document_paths(root: Path) -> list[str]:
    """The paths the editor hands the child: the repository's documents."""
    return [ref.path for ref in ContentRepository(root).documents]


def ended(child: IndexChild, timeout: float = 10.0) -> bool:
    """True once the child's process has ended (it is reaped by a thread of its own)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.process.poll() is not None:
            return True
        time.sleep(0.02)
    return False


@needs_corpus
def test_the_child_saves_the_index_the_editor_would_read_itself(tmp_path: Path, isolated_home: Path) -> None:
    """On the real corpus: the cache the child saves holds exactly the entries an in-process sync reads."""
    paths = document_paths(SNAPSHOT)
    child = IndexChild.start(SNAPSHOT, tmp_path / "child.index", paths)
    assert child is not None
    progress: list[tuple[int, int]] = []
    assert child.wait(progress=lambda done, total: progress.append((done, total)))
    assert progress and progress[0] == (0, len(paths))
    own = DocumentIndex(SNAPSHOT, tmp_path / "own.index")
    assert own.sync(paths)
    taken = DocumentIndex(SNAPSHOT, tmp_path / "own.index")  # the editor's index, then the child's cache taken
    taken.cache_file = tmp_path / "child.index"
    assert taken.reload() == len(paths)
    assert taken.entries() == own.entries() and len(own) == len(paths)
    assert taken.reads == 0 and ended(child)


@needs_corpus
def test_reload_merges_the_saved_cache_into_a_loaded_index(tmp_path: Path, isolated_home: Path) -> None:
    """An index that already read its (empty) cache takes the child's entries; only its own extra entries are
    left to save."""
    paths = document_paths(SNAPSHOT)
    cache = tmp_path / "cache.index"
    index = DocumentIndex(SNAPSHOT, cache)
    assert index.stale(paths[:1]) == paths[:1]  # reads the cache file (not there yet)
    child = IndexChild.start(SNAPSHOT, cache, paths[2:])
    assert child is not None
    child.also(paths[1:2])  # a file beyond the documents (a vocabulary's) that the editor has read
    assert child.wait()
    assert index.reload() == len(paths) - 1
    assert not index.save()  # every entry it holds is in the file already
    assert index.sync(paths) and index.reads == 1  # only the file the child was not given
    assert index.save()


@needs_corpus
def test_the_quick_titles_shared_with_the_child_are_the_quick_read_alone(tmp_path: Path, isolated_home: Path,
                                                                         monkeypatch) -> None:  # noqa: ANN001
    """The child takes titles from the back while this process takes them from the front: together every file
    has the title (and search text) a quick read in this process alone gives it."""
    from redactie import index_worker

    monkeypatch.setattr(index_worker, "PART", 16)  # this process's parts: it meets the child's half midway
    paths = document_paths(SNAPSHOT)
    alone = DocumentIndex(SNAPSHOT).glance(paths)
    assert alone is not None
    index = DocumentIndex(SNAPSHOT, tmp_path / "cache.index")
    seen: dict = {}
    assert index.stale(paths, seen) == paths
    half = len(paths) // 2
    child = IndexChild.start(SNAPSHOT, index.cache_file, paths, paths[::-1][:half])
    assert child is not None
    deadline = time.monotonic() + 60
    while child.glanced < half and time.monotonic() < deadline:  # the child takes the titles of the back half
        time.sleep(0.01)
    assert child.glanced == half
    shared = glance_shared(index, paths, child, seen)
    assert shared is not None and len(child.titles()) > half // 2
    assert {p: (e.title, e.search, e.readable) for p, e in shared.items()} == {
        p: (e.title, e.search, e.readable) for p, e in alone.items()}
    assert child.wait()
    assert index.reload() and index.sync(paths) and index.reads < len(paths)


@needs_corpus
def test_two_children_on_one_cache_file_leave_one_complete_cache(tmp_path: Path, isolated_home: Path) -> None:
    """Two windows on one repository: each child writes its own temporary file and renames it, so the cache
    file is always one whole index, never a mix."""
    paths = document_paths(SNAPSHOT)
    cache = tmp_path / "cache" / "cache.index"
    children = [IndexChild.start(SNAPSHOT, cache, paths) for _ in range(2)]
    assert all(child is not None and child.wait() for child in children)
    index = DocumentIndex(SNAPSHOT, cache)
    assert index.stale(paths) == [] and len(index) == len(paths)
    assert [p.name for p in cache.parent.iterdir()] == ["cache.index"]  # no temporary file left behind


def test_a_child_that_cannot_start_dies_or_hangs_is_ended_and_reported(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """No child when refused or when the program is missing; False (never an exception) when it dies or hangs,
    and the process is ended."""
    root = tmp_path / "repo"
    root.mkdir()
    cache = tmp_path / "cache.index"
    assert IndexChild.start(root, cache, [], program=[str(tmp_path / "bestaat-niet")]) is None
    assert IndexChild.start(root, None, []) is None
    monkeypatch.setenv(REFUSE, "1")
    assert IndexChild.start(root, cache, []) is None
    monkeypatch.delenv(REFUSE)
    dead = IndexChild.start(root, cache, [], program=[sys.executable, "-c", "import sys; sys.exit(3)"])
    assert dead is not None and dead.wait() is False
    babbling = IndexChild.start(root, cache, [], program=[sys.executable, "-c", "print('geen json')"])
    assert babbling is not None and babbling.wait() is False
    hung = IndexChild.start(root, cache, [], program=[sys.executable, "-c", "import time; time.sleep(60)"])
    assert hung is not None
    started = time.monotonic()
    assert hung.wait(silent=0.5) is False and time.monotonic() - started < 5
    assert ended(hung) and not cache.exists()


def test_a_child_let_go_of_is_ended(tmp_path: Path) -> None:
    """Nobody keeps the handle (an outdated reading): its input closes, so the child leaves."""
    import gc

    child = IndexChild.start(tmp_path, tmp_path / "cache.index", [],
                             program=[sys.executable, "-c", "import sys; sys.stdin.buffer.read()"])
    assert child is not None
    process = child.process
    del child
    gc.collect()
    process.wait(10)
    assert process.returncode == 0


@needs_corpus
def test_a_child_killed_midway_saves_nothing_and_the_editor_reads_itself(tmp_path: Path, isolated_home: Path) -> None:
    """Killed at its first report: no cache file, `wait` is False; the editor's own sync is then complete."""
    paths = document_paths(SNAPSHOT)
    cache = tmp_path / "cache.index"
    # Many more paths after the real ones (files that are not there, each a stat): work left when it is killed.
    child = IndexChild.start(SNAPSHOT, cache, paths + [f"weg/{n}.md" for n in range(50_000)])
    assert child is not None
    assert child.wait(progress=lambda done, total: child.process.kill()) is False
    assert not cache.exists()
    index = DocumentIndex(SNAPSHOT, cache)
    assert index.reload() == 0 and index.sync(paths) and len(index) == len(paths)


@pytest.fixture
def corpus_repo(tmp_path: Path) -> Path:
    """A writable copy of a real corpus snapshot (file times kept: its files are not just written)."""
    if not SNAPSHOT.is_dir():
        pytest.skip("the shared corpus is not on this machine")
    return copy_writable(SNAPSHOT, tmp_path / "inhoud")


def listed_and_completed(qtbot, root: Path) -> tuple[DocumentList, ContentRepository]:  # noqa: ANN001
    """A list of `root` read as on a first start (every file unknown to the index), once complete."""
    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    widget.show()
    repo = ContentRepository(root)
    widget.load(repo, "nl")
    qtbot.waitUntil(lambda: widget.ready and widget.complete and not widget.runner.busy, timeout=60000)
    return widget, repo


def assert_complete(widget: DocumentList, repo: ContentRepository, root: Path) -> None:
    """The list and the index are those of a full reading of `root` in this process."""
    expected = entries(ContentRepository(root), "nl")
    assert [(e.path, e.title, e.search) for e in widget.model.entries] == [(e.path, e.title, e.search)
                                                                          for e in expected]
    fresh = DocumentIndex(root)
    assert fresh.sync(ref.path for ref in repo.documents)
    assert {path: repo.index.get(path) for path in fresh.entries()} == fresh.entries()


@pytest.mark.parametrize("cached", [False, True], ids=["first start", "a cache of one file"])
def test_the_window_lists_and_completes_with_the_child(qtbot, corpus_repo: Path, isolated_home: Path,  # noqa: ANN001
                                                        monkeypatch, cached: bool) -> None:
    """A first start (the child starts at once), or many files the cache does not know (it starts once they are
    found): the files are read in full by the child, not in the editor's process (which reads only the few
    whose title the quick read cannot be sure of)."""
    from redactie.gui import document_list
    from redactie.index import cache_file_for

    monkeypatch.setattr(document_list, "QUICK_FROM", 0)
    if cached:
        known = DocumentIndex(corpus_repo, cache_file_for(corpus_repo))
        assert known.sync(document_paths(corpus_repo)[:1]) and known.save()
    widget, repo = listed_and_completed(qtbot, corpus_repo)
    assert widget.index_child is not None
    assert repo.index.reads < len(repo.documents) // 2
    assert_complete(widget, repo, corpus_repo)


def test_the_window_completes_without_the_child(qtbot, corpus_repo: Path, isolated_home: Path,  # noqa: ANN001
                                                monkeypatch) -> None:
    """The child refused: the editor reads every file itself, as before."""
    from redactie.gui import document_list

    monkeypatch.setattr(document_list, "QUICK_FROM", 0)
    monkeypatch.setenv(REFUSE, "1")
    widget, repo = listed_and_completed(qtbot, corpus_repo)
    assert widget.index_child is None and repo.index.reads >= len(repo.documents)
    assert_complete(widget, repo, corpus_repo)


def test_the_window_completes_when_the_child_is_killed(qtbot, corpus_repo: Path, isolated_home: Path,  # noqa: ANN001
                                                       monkeypatch) -> None:
    """The child killed as soon as it runs: the list still completes from a complete index."""
    from redactie.gui import document_list

    monkeypatch.setattr(document_list, "QUICK_FROM", 0)
    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    repo = ContentRepository(corpus_repo)
    widget.load(repo, "nl")
    qtbot.waitUntil(lambda: widget.index_child is not None, timeout=30000)
    widget.index_child.process.kill()
    qtbot.waitUntil(lambda: widget.ready and widget.complete and not widget.runner.busy, timeout=60000)
    assert widget.index_child.process.poll() is not None
    assert_complete(widget, repo, corpus_repo)


def test_a_newer_reading_ends_the_older_child(qtbot, corpus_repo: Path, isolated_home: Path,  # noqa: ANN001
                                              monkeypatch) -> None:
    """Another repository opened (or the list read again) while the child reads: the older child ends, and the
    newer reading completes on its own."""
    from redactie.gui import document_list

    monkeypatch.setattr(document_list, "QUICK_FROM", 0)
    widget = DocumentList(TaskRunner())
    qtbot.addWidget(widget)
    widget.load(ContentRepository(corpus_repo), "nl")
    qtbot.waitUntil(lambda: widget.index_child is not None, timeout=30000)
    older = widget.index_child
    repo = ContentRepository(corpus_repo)
    widget.load(repo, "nl")
    assert ended(older)
    qtbot.waitUntil(lambda: widget.ready and widget.complete and not widget.runner.busy, timeout=60000)
    assert_complete(widget, repo, corpus_repo)
