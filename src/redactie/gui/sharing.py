"""Sharing work: sync, own versions (branches), proposals, conflicts and locks, each as a background task."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from ..gitservice.problems import GitProblem
from .tasks import Task, TaskRunner

if TYPE_CHECKING:  # the git operations (and GitPython behind them) are imported when first used
    from types import ModuleType

    from ..gitservice.service import GitService
    from .monitor import RepositoryMonitor


def _branches() -> ModuleType:
    from ..gitservice import branches

    return branches


def _conflicts() -> ModuleType:
    from ..gitservice import conflicts

    return conflicts


def _remote() -> ModuleType:
    from ..gitservice import remote

    return remote


class SharingController(QObject):
    """Runs git's sharing operations for the window; `message(text)` reports results and problems."""

    message = Signal(str)
    conflicts_found = Signal(list)
    proposal_opened = Signal(str)
    finished = Signal(str)  # the operation's name, after success

    def __init__(self, runner: TaskRunner, monitor: RepositoryMonitor, language: str, window: QWidget) -> None:
        super().__init__(window)
        self.runner, self.monitor, self.language, self.window = runner, monitor, language, window
        self.open_url: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url))

    @property
    def service(self) -> GitService | None:
        """The open repository's git service."""
        return self.monitor.service

    def _run(self, key: str, label: str, work: Callable[[GitService, Task], object],
             done: Callable[[object], None]) -> None:
        service = self.service
        if service is None and self.monitor.opening:  # asked for in the moment after the start
            self.monitor.when_open(lambda: self._run(key, label, work, done))
            return
        if service is None:
            self.explain(self.monitor.problem or GitProblem("not-a-repository"))
            return

        def locked(task: Task) -> object:
            with service.lock:
                return work(service, task)

        def succeeded(result: object) -> None:
            done(result)
            self.finished.emit(key)
            self.monitor.refresh()

        def failed(error: Exception) -> None:
            self.monitor.refresh()
            self.explain(error)

        self.runner.run(key, locked, succeeded, failed, label=label)

    def explain(self, error: Exception) -> None:
        """Tell the user what went wrong and what to do, in their language."""
        if isinstance(error, GitProblem):
            if error.code == "conflicts":
                self.conflicts_found.emit(error.files)
            text = error.localized(self.language)
            if error.files and error.code != "conflicts":
                text += " (" + ", ".join(error.files) + ")"
        else:
            text = self.tr("Er ging iets mis: %1").replace("%1", str(error))
        self.message.emit(text)

    def sync(self) -> None:
        """Fetch, then fast-forward or rebase; explain which happened."""
        self._run("sync", self.tr("Synchroniseren…"), lambda s, t: _remote().sync(s, t.progress, t.cancel),
                  lambda result: self.message.emit(result.explanation(self.language)))

    def share(self) -> None:
        """Push the current branch (never forced)."""
        self._run("push", self.tr("Delen…"), lambda s, t: _remote().push(s, t.progress, t.cancel),
                  lambda result: self.message.emit(self.tr("Gedeeld: versie %1").replace("%1", result.branch)))

    def propose(self) -> None:
        """Share the current own version and open the hosting site's proposal page; ask for a version first.

        On the main version itself (main, master, or the branch a proposal would go to) a proposal needs an
        own version, so the user is asked to name one first.
        """
        def on_main_version(service: GitService, task: Task) -> bool:
            branch = service.branch()
            return branch is None or branch in ("main", "master") or _branches().base_branch(service, branch) == branch

        def decide(on_main: object) -> None:
            if on_main:
                from .small_dialogs import BranchDialog

                dialog = BranchDialog(self.window)
                dialog.accepted.connect(lambda: self.create_branch(dialog.description.text(),
                                                                   then=self._push_proposal))
                dialog.open()
            else:
                self._push_proposal()

        self._run("propose-check", "", on_main_version, decide)

    def _push_proposal(self) -> None:
        def opened(result: object) -> None:
            url = result.proposal_url  # type: ignore[attr-defined]
            if url:
                self.open_url(url)
                self.proposal_opened.emit(url)
                self.message.emit(self.tr("Gedeeld. De pagina om het voorstel in te dienen is geopend in de "
                                          "browser: %1").replace("%1", url))
            else:
                self.message.emit(GitProblem("unknown-hosting").localized(self.language))

        self._run("propose", self.tr("Voorstel indienen…"), lambda s, t: _remote().push(s, t.progress, t.cancel),
                  opened)

    def new_branch(self) -> None:
        """Ask for a description, then create the own version and switch to it."""
        from .small_dialogs import BranchDialog

        dialog = BranchDialog(self.window)
        dialog.accepted.connect(lambda: self.create_branch(dialog.description.text()))
        dialog.open()

    def create_branch(self, description: str, then: Callable[[], None] | None = None) -> None:
        """Create an own version for a change and switch to it."""
        def done(name: object) -> None:
            self.message.emit(self.tr("U werkt nu in de eigen versie %1").replace("%1", str(name)))
            if then is not None:
                then()

        self._run("branch", self.tr("Eigen versie maken…"), lambda s, t: _branches().create_branch(s, description),
                  done)

    def switch_branch(self, name: str) -> None:
        """Switch to another version."""
        self._run("switch", self.tr("Wisselen van versie…"), lambda s, t: _branches().switch(s, name),
                  lambda _: self.message.emit(self.tr("U werkt nu in versie %1").replace("%1", name)))

    def keep_mine(self, path: str) -> None:
        """Resolve a conflict with the user's own version."""
        self._run("resolve", self.tr("Conflict oplossen…"), lambda s, t: _conflicts().keep_mine(s, path),
                  lambda _: None)

    def take_theirs(self, path: str) -> None:
        """Resolve a conflict with the other version."""
        self._run("resolve", self.tr("Conflict oplossen…"), lambda s, t: _conflicts().take_theirs(s, path),
                  lambda _: None)

    def resolve_parts(self, path: str, make: Callable[[], bytes]) -> None:
        """Write a document merged per field and section (`make` builds its bytes, off the GUI thread)."""
        self._run("resolve", self.tr("Conflict oplossen…"),
                  lambda s, t: _conflicts().write_resolution(s, path, make()), lambda _: None)

    def mark_resolved(self, path: str) -> None:
        """Accept a file repaired as text."""
        self._run("resolve", self.tr("Conflict oplossen…"), lambda s, t: _conflicts().mark_resolved(s, path),
                  lambda _: None)

    def finish_operation(self) -> None:
        """Continue the interrupted sync once every conflict is resolved."""
        self._run("continue", self.tr("Afronden…"), lambda s, t: _conflicts().finish(s),
                  lambda _: self.message.emit(self.tr("Synchroniseren is afgerond.")))

    def abort_operation(self) -> None:
        """Go back to the state before the interrupted sync."""
        self._run("abort", self.tr("Afbreken…"), lambda s, t: _conflicts().abort_operation(s),
                  lambda _: self.message.emit(self.tr("Afgebroken; alles staat weer zoals voor het "
                                                      "synchroniseren.")))

    def remove_lock(self) -> None:
        """Remove a stale index.lock (the banner's button says what this does)."""
        self._run("unlock", self.tr("Vergrendeling verwijderen…"), lambda s, t: s.remove_stale_lock(),
                  lambda _: self.message.emit(self.tr("De vergrendeling is verwijderd.")))

    def ask_author(self, then: Callable[[], None]) -> None:
        """Ask for the author's name and e-mail, store them in the repository, then continue."""
        from .small_dialogs import AuthorDialog

        dialog = AuthorDialog(parent=self.window)

        def store() -> None:
            name, email = dialog.name.text(), dialog.email.text()
            self._run("author", self.tr("Opslaan…"), lambda s, t: s.set_author(name, email), lambda _: then())

        dialog.accepted.connect(store)
        dialog.open()
