"""Background work for the GUI: a thread pool, progress, cancel, and a guard against stale results.

Every git, network or whole-repository operation runs here. Work functions never touch widgets; their
results come back on the GUI thread. When a newer task with the same key was started, an older task's
result is dropped, so late answers never overwrite newer state.
"""

from __future__ import annotations

import itertools
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


@dataclass
class Task:
    """A running piece of work: its key, a cancel flag and a progress callback usable from the worker."""

    key: str
    number: int
    label: str
    cancel: threading.Event = field(default_factory=threading.Event)
    report: Callable[[str, int | None], None] = lambda phase, percent: None

    def progress(self, phase: str, percent: int | None = None) -> None:
        """Report progress (safe to call from the worker thread)."""
        self.report(phase, percent)


class _Signals(QObject):
    finished = Signal(object, object, object)  # task, result, error
    progressed = Signal(object, str, object)  # task, phase, percent


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[Task], Any], signals: _Signals) -> None:
        super().__init__()
        self.task, self.work, self.signals = task, work, signals

    def run(self) -> None:
        try:
            result, error = self.work(self.task), None
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the GUI thread
            result, error = None, exc
            if not _expected(exc):
                traceback.print_exc(file=sys.stderr)
        self.signals.finished.emit(self.task, result, error)


def _expected(exc: Exception) -> bool:
    from ..gitservice.problems import GitProblem

    return isinstance(exc, (GitProblem, OSError, ValueError))


class TaskRunner(QObject):
    """Runs work off the GUI thread; `busy_changed(busy, label)` and `progress(label, phase, percent)` for a bar."""

    busy_changed = Signal(bool, str)
    progress = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._numbers = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._running: dict[int, tuple[Task, Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        self._signals = _Signals(self)
        self._signals.finished.connect(self._finished)
        self._signals.progressed.connect(self._progressed)

    @property
    def busy(self) -> bool:
        """True while any task runs."""
        return bool(self._running)

    def running(self, key: str) -> bool:
        """True while a task with this key runs."""
        return any(task.key == key for task, _, _ in self._running.values())

    def run(self, key: str, work: Callable[[Task], Any], done: Callable[[Any], None],
            failed: Callable[[Exception], None] | None = None, label: str = "") -> Task:
        """Start `work(task)` in the pool; `done(result)` or `failed(error)` run on the GUI thread if still current."""
        task = Task(key, next(self._numbers), label)
        task.report = lambda phase, percent: self._signals.progressed.emit(task, phase, percent)
        self._latest[key] = task.number
        self._running[task.number] = (task, done, failed)
        if label:
            self.busy_changed.emit(True, label)
        self.pool.start(_Runnable(task, work, self._signals))
        return task

    def cancel(self, key: str) -> None:
        """Ask the running tasks with this key to stop."""
        for task, _, _ in self._running.values():
            if task.key == key:
                task.cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every task to end (when closing)."""
        return self.pool.waitForDone(msecs)

    def _progressed(self, task: Task, phase: str, percent: object) -> None:
        if self._latest.get(task.key) == task.number:
            self.progress.emit(task.label, phase, percent)

    def _finished(self, task: Task, result: object, error: object) -> None:
        _, done, failed = self._running.pop(task.number)
        if task.label:
            labels = [t.label for t, _, _ in self._running.values() if t.label]
            self.busy_changed.emit(bool(labels), labels[-1] if labels else "")
        if self._latest.get(task.key) != task.number:
            return  # a newer task with this key started: this answer is stale
        if error is None:
            done(result)
        elif failed is not None:
            failed(error)  # type: ignore[arg-type]
