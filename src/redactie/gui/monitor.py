"""Keeps the window's picture of the repository current: git state, changed files, validation markers.

All reading happens in background tasks; a refresh that arrives after a newer one started is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from ..catalogue import worst_severity
from ..gitservice.problems import GitProblem
from ..gitservice.service import GitService, RepoState
from ..repository import ContentRepository
from ..validation import validate_repository
from .tasks import Task, TaskRunner


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

    def attach(self, repo: ContentRepository) -> None:
        """Follow a newly opened repository."""
        if self.service is not None:
            self.service.close()
        self.repo, self.service, self.problem, self.snapshot = repo, None, None, None
        try:
            self.service = GitService(repo.root)
        except GitProblem as exc:
            self.problem = exc
        self.refresh_now()

    def refresh(self) -> None:
        """Refresh soon (several requests in a row become one)."""
        self._timer.start()

    def refresh_now(self) -> None:
        """Read git state and changed files in the background."""
        service = self.service
        if service is None:
            self.snapshot = Snapshot(None, {}, self.problem)
            self.refreshed.emit(self.snapshot)
            return

        def work(task: Task) -> Snapshot:
            with service.lock:
                try:
                    state = service.state()
                    changes = {c.path: c.kind for c in service.status()}
                except GitProblem as exc:
                    return Snapshot(None, {}, exc)
            return Snapshot(state, changes)

        self.runner.run("git-state", work, self._done)

    def _done(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.refreshed.emit(snapshot)

    def validate(self) -> None:
        """Validate the whole repository in the background for the list's markers."""
        repo = self.repo
        if repo is None:
            return
        self.runner.run("validate-all", lambda task: worst_severity(validate_repository(repo)), self.validated.emit,
                        lambda error: None)
