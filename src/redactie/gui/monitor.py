"""Keeps the window's picture of the repository current: git state, changed files, validation markers.

All reading happens in background tasks; a refresh that arrives after a newer one started is dropped.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..catalogue import worst_severity
from ..collection import YOUNG_LIMIT, gc_paused
from ..gitservice.problems import GitProblem
from ..repository import ContentRepository
from ..validation import validate_repository
from ..validation.context import RuleContext
from ..validation.ids import IdTable
from ..validation.rules import prepare_id_check
from .tasks import Task, TaskRunner

if TYPE_CHECKING:
    from ..gitservice.service import GitService, RepoState


@dataclass
class Snapshot:
    """What one refresh found."""

    state: RepoState | None
    changes: dict[str, str]
    problem: GitProblem | None = None


class RepositoryMonitor(QObject):
    """Emits `refreshed(Snapshot)` and `validated(dict path→severity)` after background reads."""

    refreshed = Signal(object)
    validated = Signal(object)
    validated_some = Signal(object, object)  # (path -> worst severity, the paths checked)
    folders_changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.repo: ContentRepository | None = None
        self.service: GitService | None = None
        self.problem: GitProblem | None = None
        self.snapshot: Snapshot | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_now)
        # Other programs change files too: watch the document folders and git's own folder.
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._directory_changed)
        self._folders_timer = QTimer(self)
        self._folders_timer.setSingleShot(True)
        self._folders_timer.setInterval(500)
        self._folders_timer.timeout.connect(self.folders_changed.emit)
        self._listing: dict[str, frozenset[str]] = {}
        self._listing_of: ContentRepository | None = None
        self._opening = False
        self._settled: set[str] = set()  # the moments what was alive was frozen for this repository (`settle`)
        self._open_pending = False
        self._waiting: list[Callable[[], object]] = []
        self._open_timer = QTimer(self)  # owned: a closed window opens nothing
        self._open_timer.setSingleShot(True)
        self._open_timer.timeout.connect(self._start_opening)

    def attach(self, repo: ContentRepository) -> None:
        """Follow a newly opened repository; git is opened by `open_git` (importing GitPython is slow)."""
        if self.service is not None:
            self.service.close()
        self.repo, self.service, self.problem, self.snapshot = repo, None, None, None
        self._settled = set()
        self._opening = True  # refreshes wait for git until it is open
        self._open_timer.stop()
        self._open_pending = True
        self._waiting = []  # asked for the previous repository

    @property
    def opening(self) -> bool:
        """True while git is still being opened for the attached repository (a refresh follows when it is)."""
        return self._opening and self.service is None

    def open_git(self, delay_ms: int = 0) -> None:
        """Open git for the attached repository in the background, after `delay_ms` (once per `attach`).

        The window calls this when its list is there, with a short delay: GitPython's import (~140 ms) in a
        worker would otherwise compete with the GUI thread for the interpreter while the first document paints.
        """
        if self._open_pending and not self._open_timer.isActive():
            self._open_timer.start(max(0, delay_ms))

    def when_open(self, then: Callable[[], object]) -> None:
        """Call `then` once git is open (or could not be opened) for the attached repository; asked for by the
        user, so git is opened now rather than after the start's delay."""
        self._waiting.append(then)
        if self._open_pending:
            self._open_timer.stop()
            self._start_opening()

    def _opened(self) -> None:
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    def _start_opening(self) -> None:
        repo = self.repo
        if repo is None or not self._open_pending:
            return
        self._open_pending = False

        def work(task: Task) -> tuple[GitService | None, GitProblem | None]:
            from ..gitservice.service import GitService

            try:
                return GitService(repo.root), None
            except GitProblem as exc:
                return None, exc

        def opened(result: tuple[GitService | None, GitProblem | None]) -> None:
            service, problem = result
            if self.repo is not repo:  # another repository was opened meanwhile
                if service is not None:
                    service.close()
                return
            self.service, self.problem, self._opening = service, problem, False
            self.refresh_now()
            self._opened()

        def failed(error: Exception) -> None:
            if self.repo is repo:
                self._opening = False
                self.problem = error if isinstance(error, GitProblem) else None
                self.refresh_now()
                self._opened()

        self.runner.run("git-open", work, opened, failed)

    def watch(self, repo: ContentRepository) -> None:
        """Watch the repository's document folders (call once its document list is known).

        Which folders hold documents is worked out in a worker (a pass over every document: 30,000 at the
        largest, which held the window in the turn that completed the list); the watch starts when it is known,
        and each folder's names are then listed in the background (a folder of 10,000 documents: 10-50 ms on a cold
        disk cache); a change reported before that is compared once they are there.
        """
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self._listing = {}
        self._listing_of = repo
        root = str(repo.root)

        def folders(task: Task) -> list[str]:
            parents = {ref.path.rpartition("/")[0] for ref in repo.documents}
            found = {root, os.path.join(root, ".git")} | {os.path.join(root, p) for p in parents if p}
            return [f for f in sorted(found) if os.path.isdir(f)]

        def listed(found: dict[str, frozenset[str]]) -> None:
            if self._listing_of is repo:
                self._listing = {**found, **self._listing}  # a folder already compared anew keeps its newer names

        def known(existing: list[str]) -> None:
            if self._listing_of is not repo:
                return  # another repository is watched meanwhile
            if existing:
                self.watcher.addPaths(existing)
            self.runner.run("watch-listing", lambda task: {f: self._names(f) for f in existing}, listed,
                            lambda error: None)

        self.runner.run("watch-folders", folders, known, lambda error: None)

    @staticmethod
    def _names(folder: str) -> frozenset[str]:
        try:
            return frozenset(name for name in os.listdir(folder) if name.endswith(".md"))
        except OSError:
            return frozenset()

    def _directory_changed(self, folder: str) -> None:
        self.refresh()
        if Path(folder).name == ".git":
            return
        names = self._names(folder)
        known = self._listing.get(folder)
        self._listing[folder] = names
        if known is not None and names != known:  # a document came, went or was renamed (not a save)
            self._folders_timer.start()

    def stop(self) -> None:
        """Watch nothing and refresh nothing any more (the window closed); `watch` starts again."""
        self._timer.stop()
        self._folders_timer.stop()
        self._open_timer.stop()
        watched = self.watcher.directories() + self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        self._listing, self._listing_of = {}, None  # folders still being worked out are not watched after all

    def refresh(self) -> None:
        """Refresh soon (several requests in a row become one)."""
        self._timer.start()

    def refresh_now(self) -> None:
        """Read git state and changed files in the background."""
        service = self.service
        if service is None and self._opening:
            return  # git is still being opened: the refresh follows when it is
        if service is None:
            self.snapshot = Snapshot(None, {}, self.problem)
            self.refreshed.emit(self.snapshot)
            return

        repo = self.repo

        def work(task: Task) -> Snapshot:
            with service.lock:
                try:
                    state = service.state()
                    changes = {c.path: c.kind for c in service.status()}
                except GitProblem as exc:
                    return Snapshot(None, {}, exc)
            if repo is not None and repo.index.synced:
                # Whatever changed the files (a save, another program, a pull), the index follows here, off
                # the GUI thread: a stat per file, like git status itself; only changed files are read. Before
                # its first whole sync the list's reading does that (first from a quick read, see
                # DocumentList.load): a second reader of every file at once would only slow both.
                repo.sync_index(task.cancel.is_set)
            return Snapshot(state, changes)

        self.runner.run("git-state", work, self._done)

    def _done(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.refreshed.emit(snapshot)

    def settle(self, moment: str) -> None:
        """Take what is alive now out of the collector's full passes (`settle_long_lived`), once per repository
        for each `moment` ("complete": before the validation; "validated"). Each freeze also keeps the cyclic
        garbage of the moment (closed dialogs, older documents) for good, so it is done at these moments only."""
        if moment not in self._settled:
            self._settled.add(moment)
            settle_long_lived()

    def validate(self) -> None:
        """Validate the whole repository in the background for the list's markers."""
        repo = self.repo
        if repo is None:
            return
        self.settle("complete")  # the validation's collections skip the list and the index
        first = "validated" not in self._settled

        def work(task: Task) -> dict[str, str] | None:
            # No collection meanwhile: the validation decodes every entry's details, which the index keeps, so
            # each full pass in this worker walked more of them (77 ms, holding the interpreter lock, at 10k).
            # The first validation of a repository then takes them out of the collector's passes for good.
            with gc_paused(freeze=first):
                findings = validate_repository(repo, cancelled=task.cancel.is_set)
                if task.cancel.is_set():
                    return None
                prepare_id_check(repo)  # kept current from then on: a review's id check costs no pass over every file
                return worst_severity(findings)

        def done(found: dict[str, str] | None) -> None:
            if found is not None:
                if self.repo is repo:
                    self.settle("validated")
                self.validated.emit(found)

        self.runner.run("validate-all", work, done, lambda error: None)

    def validate_paths(self, paths: list[str]) -> None:
        """Validate a few documents (just saved) in the background for their markers; the id check answers from
        the id table, so this costs no pass over every document."""
        repo = self.repo
        if repo is None:
            return
        wanted = sorted(set(paths))

        def work(task: Task) -> tuple[dict[str, str], list[str]] | None:
            # The documents that shared an id with these before the save (the id table as last brought up to
            # date) or share one now: their duplicate-id findings came or went with this save too.
            keys = RuleContext(repo).unique_keys
            table = IdTable.existing(repo.index, *keys)
            before = table.sharing(set(wanted)) if table is not None else set()
            findings = validate_repository(repo, wanted, cancelled=task.cancel.is_set)
            table = IdTable.existing(repo.index, *keys)
            after = table.sharing(set(wanted)) if table is not None else set()
            others = sorted((before | after) & repo.document_paths)
            if others and not task.cancel.is_set():
                findings += validate_repository(repo, others, cancelled=task.cancel.is_set)
            return None if task.cancel.is_set() else (worst_severity(findings), wanted + others)

        def done(result: tuple[dict[str, str], list[str]] | None) -> None:
            if result is not None and self.repo is repo:
                self.validated_some.emit(*result)

        self.runner.run("validate-saved", work, done, lambda error: None)


def settle_long_lived() -> None:
    """Take what is alive now out of the cyclic garbage collector's full passes (`gc.freeze`).

    A full pass walks every object alive, in whichever thread allocated last, holding the interpreter lock:
    with a 10,000-document index and list that is 75-140 ms of frozen window, again and again during the
    validation and while documents open. The session's index, list and window live as long as the
    repository is open; frozen objects are still freed when nothing refers to them any more, only cycles
    among them wait. The young generations are collected first, so recent garbage is not frozen with them,
    unless they are so many that this pass would itself be the stall.
    """
    if gc.get_count()[0] < YOUNG_LIMIT:
        gc.collect(1)
    gc.freeze()
