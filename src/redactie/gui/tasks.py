"""Background work for the GUI: a thread pool, progress, cancel, and a guard against stale results.

Every git, network or whole-repository operation runs here. Work functions never touch widgets; their
results come back on the GUI thread. When a newer task with the same key is started, the older one is
cancelled (its flag is set; if it has not started yet it never runs) and its result is dropped, so late
answers never overwrite newer state and outdated work does not compete with current work.

The workers are daemon threads that nobody joins: closing the window never waits for background work.
"""

from __future__ import annotations

import atexit
import itertools
import queue
import sys
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from . import collector

WORKERS = 4
# Workers hand the interpreter lock to the GUI thread after at most this long (Python's default is 5 ms):
# a GUI event often needs the lock several times, so each wait adds up to a visible stall. A paint of the
# document list calls into Python for every visible cell and role: during a cold start's index completion
# (10k documents) the paint after opening a document took 0.87-0.95 s at 1 ms and 0.38-0.53 s at 0.1 ms;
# 20 us made the workers slower (the index complete after 4.1-4.3 s instead of 3.6-3.7 s).
SWITCH_INTERVAL = 0.0001


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


class _Outlet:
    """Where a worker delivers its result; once closed, nothing is delivered any more.

    Emitting into Qt objects that the main thread is tearing down crashes the process, so delivery and
    closing take the same lock: after `close()` returns no worker touches Qt again.
    """

    def __init__(self, signals: _Signals) -> None:
        self.signals = signals
        self.lock = threading.Lock()
        self.closed = False

    def deliver(self, task: Task, result: object, error: object) -> None:
        with self.lock:
            if not self.closed:
                self.signals.finished.emit(task, result, error)

    def progress(self, task: Task, phase: str, percent: int | None) -> None:
        with self.lock:
            if not self.closed:
                self.signals.progressed.emit(task, phase, percent)

    def close(self) -> None:
        with self.lock:
            self.closed = True


_OUTLETS: weakref.WeakSet[_Outlet] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """At exit no worker may deliver into Qt objects being destroyed."""
    for outlet in list(_OUTLETS):
        outlet.close()


def _run(task: Task, work: Callable[[Task], Any], outlet: _Outlet) -> None:
    if task.cancel.is_set():
        result, error = None, None  # outdated before it started: skip the work, the answer is dropped anyway
    else:
        try:
            result, error = work(task), None
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the GUI thread
            result, error = None, exc
            if not _expected(exc):
                traceback.print_exc(file=sys.stderr)
    outlet.deliver(task, result, error)


class _Workers:
    """A few daemon threads taking work from a queue; they are never joined."""

    def __init__(self, size: int) -> None:
        self._queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._size = size
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._pending = 0
        self._lock = threading.Condition()

    def start(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._pending += 1
            if self._idle == 0 and len(self._threads) < self._size:
                thread = threading.Thread(target=self._loop, name=f"redactie-worker-{len(self._threads)}",
                                          daemon=True)
                self._threads.append(thread)
                thread.start()
            else:
                self._idle -= 1 if self._idle else 0
        self._queue.put(job)

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            try:
                job()
            finally:
                with self._lock:
                    self._pending -= 1
                    self._idle += 1
                    self._lock.notify_all()

    def idle(self) -> bool:
        with self._lock:
            return self._pending == 0

    def wait(self, msecs: int) -> bool:
        with self._lock:
            return self._lock.wait_for(lambda: self._pending == 0, None if msecs < 0 else msecs / 1000)


def _expected(exc: Exception) -> bool:
    from ..gitservice.problems import GitProblem

    return isinstance(exc, (GitProblem, OSError, ValueError))


class TaskRunner(QObject):
    """Runs work off the GUI thread; `busy_changed(busy, label)` and `progress(label, phase, percent)` for a bar."""

    busy_changed = Signal(bool, str)
    progress = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workers = _Workers(WORKERS)
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        collector.install()  # no collection in the workers: they would destroy Qt objects off the GUI thread
        self._numbers = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._running: dict[int, tuple[Task, Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        self._signals = _Signals(self)
        self._signals.finished.connect(self._finished)
        self._signals.progressed.connect(self._progressed)
        self._outlet = _Outlet(self._signals)
        _OUTLETS.add(self._outlet)
        mine = self._outlets = [self._outlet]
        self.destroyed.connect(lambda: [outlet.close() for outlet in mine])
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

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
        if self._outlet.closed:  # used again after a shutdown (a window shown again): deliver from now on
            self._outlet = _Outlet(self._signals)
            _OUTLETS.add(self._outlet)
            self._outlets.append(self._outlet)
        outlet = self._outlet
        reported: list[tuple[str, int | None]] = []

        def report(phase: str, percent: int | None) -> None:
            # Only a change reaches the window: a worker reporting per file (ten thousand times) queued so many
            # identical updates that the window spent 67 ms of one turn showing 21 of them.
            if not reported or reported[-1] != (phase, percent):
                reported[:] = [(phase, percent)]
                outlet.progress(task, phase, percent)

        task.report = report
        self.cancel(key)  # the older tasks with this key are outdated now
        self._latest[key] = task.number
        self._running[task.number] = (task, done, failed)
        if label:
            self.busy_changed.emit(True, label)
        self._workers.start(lambda: _run(task, work, outlet))
        return task

    def cancel(self, key: str) -> None:
        """Ask the running tasks with this key to stop."""
        for task, _, _ in self._running.values():
            if task.key == key:
                task.cancel.set()

    def shutdown(self) -> None:
        """Cancel every task and stop delivering results (when closing); nothing waits for the workers."""
        self._outlet.close()
        for task, _, _ in self._running.values():
            task.cancel.set()
        self._latest.clear()
        if self._running:
            self._running.clear()
            self.busy_changed.emit(False, "")

    def idle(self) -> bool:
        """True when no worker is running or about to run work."""
        return self._workers.idle()

    def wait(self, msecs: int = -1) -> bool:
        """Wait until every started task's work has ended (tests and tools; closing the window never waits)."""
        return self._workers.wait(msecs)

    def _progressed(self, task: Task, phase: str, percent: object) -> None:
        if self._latest.get(task.key) == task.number:
            self.progress.emit(task.label, phase, percent)

    def _finished(self, task: Task, result: object, error: object) -> None:
        entry = self._running.pop(task.number, None)
        if entry is None:
            return  # delivered just before a shutdown forgot the task: nobody waits for it any more
        _, done, failed = entry
        if task.label:
            labels = [t.label for t, _, _ in self._running.values() if t.label]
            self.busy_changed.emit(bool(labels), labels[-1] if labels else "")
        if self._latest.get(task.key) != task.number:
            return  # a newer task with this key started: this answer is stale
        if error is None:
            done(result)
        elif failed is not None:
            failed(error)  # type: ignore[arg-type]
