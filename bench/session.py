"""One measured editing session in its own process (driven by bench/speed.py; prints one JSON line).

Usage: python bench/session.py REPOSITORY [--opens N] [--list-only] [--profile-turns MS] [--profile-gaps MS]
Opens the window on REPOSITORY, waits for the list and the background validation, opens N documents,
and keeps an event-loop heartbeat (a 10 ms timer) that records the longest gap per phase, with the GUI thread's
own CPU time in its worst turn and the longest garbage collection (on which thread) meanwhile. Before it exits
it starts a whole-repository validation again and closes the window; it prints `closing_at` (epoch
seconds) so the parent can tell how long the process took to end after the window closed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def thread_cpu_ms() -> float:
    """CPU time the calling (GUI) thread has used, in ms; 0 where the platform has no per-thread clock."""
    try:
        return time.clock_gettime(time.CLOCK_THREAD_CPUTIME_ID) * 1000
    except (AttributeError, OSError):
        return 0.0


class Heartbeat:
    """A 10 ms timer; `longest` is the longest time between two beats since `reset` (the worst stall).

    `longest_cpu` is the most CPU time the GUI thread itself used between two beats: the part of a stall
    that is the application's own work on that thread, as opposed to waiting for a core on a machine busy
    with other programs (or for the interpreter lock).
    """

    def __init__(self, profile_over_ms: float = 0, profile_gaps_ms: float = 0) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.longest = 0
        self.cpu = thread_cpu_ms()
        self.longest_cpu = 0.0
        # With profile_over_ms, every turn is profiled (cProfile, GUI thread only; it slows the turns) and the
        # profiles of turns whose CPU time exceeds it are kept in `profiles` as (at ms, gap ms, CPU ms, text).
        self.profile_over_ms = profile_over_ms
        self.profile_gaps_ms = profile_gaps_ms  # or the turns longer than this, however little CPU they used
        self.profiles: list[tuple[int, int, float, str]] = []
        self.profiler = self._profiling()
        self.turns: list[tuple[int, float]] = []  # (gap, GUI CPU) of every beat since `reset`
        # what was going on around each turn (`describe()` at its start and end), for the longest gaps
        self.describe: Callable[[], str] = lambda: ""
        self._before = ""
        self.labels: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def _profiling(self) -> cProfile.Profile | None:
        if not (self.profile_over_ms or self.profile_gaps_ms):
            return None
        profiler = cProfile.Profile()
        profiler.enable()
        return profiler

    def beat(self) -> None:
        if self.profiler is not None:
            self.profiler.disable()
        now, cpu = self.clock.elapsed(), thread_cpu_ms()
        kept = (self.profile_over_ms and cpu - self.cpu > self.profile_over_ms) or (
            self.profile_gaps_ms and now - self.last > self.profile_gaps_ms)
        if self.profiler is not None and kept:
            text = io.StringIO()
            pstats.Stats(self.profiler, stream=text).sort_stats("tottime").print_stats(15)
            self.profiles.append((now, now - self.last, round(cpu - self.cpu, 1), text.getvalue()))
        self.longest = max(self.longest, now - self.last)
        self.longest_cpu = max(self.longest_cpu, cpu - self.cpu)
        self.turns.append((now - self.last, cpu - self.cpu))
        after = self.describe()
        self.labels.append(self._before if self._before == after else f"{self._before} -> {after}")
        self._before = after
        self.last, self.cpu = now, cpu
        self.profiler = self._profiling()

    def report(self) -> None:
        """Print the kept profiles to stderr (stdout holds the one JSON line)."""
        for at, gap, cpu, text in self.profiles:
            print(f"--- turn ending at {at} ms: gap {gap} ms, GUI CPU {cpu} ms\n{text}", file=sys.stderr)

    def reset(self) -> None:
        self.last = self.clock.elapsed()
        self.longest = 0
        self.cpu = thread_cpu_ms()
        self.longest_cpu = 0.0
        self.turns = []
        self.labels = []
        self._before = self.describe()

    def worst(self, count: int = 5) -> list[list[float]]:
        """The `count` turns with the most GUI CPU since `reset`, as [gap ms, CPU ms]."""
        return [[gap, round(cpu)] for gap, cpu in sorted(self.turns, key=lambda turn: -turn[1])[:count]]

    def longest_gaps(self, count: int = 5) -> list[list[object]]:
        """The `count` longest gaps since `reset`, as [gap ms, CPU ms, what ran]: a long gap with little CPU of
        the GUI thread is the window waiting (for the interpreter lock held by a worker, or for a core)."""
        order = sorted(range(len(self.turns)), key=lambda n: -self.turns[n][0])[:count]
        return [[self.turns[n][0], round(self.turns[n][1]), self.labels[n]] for n in order]


class Collections:
    """The longest garbage collection since `reset`, on any thread: a collection holds the interpreter lock for
    its whole walk, so one in a worker stalls the window as long as one on the GUI thread."""

    def __init__(self) -> None:
        self._started: dict[int, float] = {}
        self.longest = (0.0, "", -1)  # (ms, thread name, generation)
        gc.callbacks.append(self._observe)

    def _observe(self, phase: str, info: dict[str, int]) -> None:
        now, thread = time.perf_counter(), threading.get_ident()
        if phase == "start":
            self._started[thread] = now
            return
        took = (now - self._started.pop(thread, now)) * 1000
        if took > self.longest[0]:
            self.longest = (took, threading.current_thread().name, info["generation"])

    def reset(self) -> None:
        self.longest = (0.0, "", -1)

    def figures(self, phase: str) -> dict[str, object]:
        """The longest collection as JSON fields named after `phase`."""
        took, thread, generation = self.longest
        return {f"gc_{phase}_ms": round(took, 1), f"gc_{phase}_thread": thread, f"gc_{phase}_generation": generation}


def wait_until(condition: object, timeout_s: float) -> bool:
    """Run the event loop until `condition()` holds.

    A real event loop (`QEventLoop.exec`), as the application runs: `processEvents` from outside any loop
    never delivers `deleteLater`, so every replaced form would stay alive and each open would cost more.
    """
    end = time.perf_counter() + timeout_s
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(lambda: loop.quit() if condition() or time.perf_counter() > end else None)  # type: ignore[operator]
    poll.start()
    if not condition():  # type: ignore[operator]
        loop.exec()
    poll.stop()
    return bool(condition())  # type: ignore[operator]


def rss_mb() -> float:
    """The process's current resident memory."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Run the session and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("repository", type=Path)
    parser.add_argument("--opens", type=int, default=40)
    parser.add_argument("--list-only", action="store_true",
                        help="only the list: listed, index complete, and the longest stall meanwhile")
    parser.add_argument("--profile-turns", type=float, default=0, metavar="MS",
                        help="profile the GUI thread per turn; print (stderr) the turns using more CPU than MS")
    parser.add_argument("--profile-gaps", type=float, default=0, metavar="MS",
                        help="profile the GUI thread per turn; print (stderr) the turns longer than MS (wall clock)")
    args = parser.parse_args()
    started = time.perf_counter()
    app = QApplication(sys.argv[:1])
    from redactie.gui.main_window import MainWindow

    window = MainWindow("nl")
    beat = Heartbeat(args.profile_turns, args.profile_gaps)
    beat.describe = lambda: ",".join(sorted(task.key for task, _, _ in window.runner._running.values()))
    collections = Collections()
    assert window.load_repository(args.repository)
    window.show()
    assert wait_until(lambda: window.documents.ready, 600)
    listed_ms = (time.perf_counter() - started) * 1000
    if args.list_only:  # a cold start: the list from the quick read, then the index completed in the background
        assert wait_until(lambda: window.documents.complete, 600)
        complete_ms = (time.perf_counter() - started) * 1000
        print(json.dumps({"listed_ms": round(listed_ms, 1), "complete_ms": round(complete_ms, 1),
                          "stall_list_ms": beat.longest, "cpu_list_ms": round(beat.longest_cpu),
                          "gap_list_longest": beat.longest_gaps(3), **collections.figures("list")}), flush=True)
        beat.report()
        # What a session leaves for the next start, as any session longer than this one would: the index (saved
        # before `complete`) and the list as completed (saved in a worker right after).
        wait_until(lambda: not window.runner.running("save-listing"), 60)
        window.close()
        app.quit()
        from redactie.gui.app import leave

        leave(window.runner, 0)
    stall_list, cpu_list = beat.longest, beat.longest_cpu
    gc_figures = collections.figures("list")
    validated: list[object] = []
    window.monitor.validated.connect(validated.append)
    beat.reset()
    collections.reset()
    assert wait_until(lambda: bool(validated) or window.runner.running("validate-all"), 60)
    wait_until(lambda: bool(validated) or not window.runner.running("validate-all"), 900)
    wait_until(lambda: not window.runner.busy, 60)
    stall_validation, cpu_validation = beat.longest, beat.longest_cpu
    longest_validation = beat.longest_gaps(3)
    gc_figures |= collections.figures("validation")
    memory = rss_mb()
    paths = sorted(window.documents.paths())  # the bench picks documents spread over the list
    step = max(1, len(paths) // max(1, args.opens))
    chosen = paths[::step][: args.opens]
    opens = []
    beat.reset()
    collections.reset()

    def timed_open(path: str) -> None:
        start = time.perf_counter()
        window.open_document(path)
        opens.append((time.perf_counter() - start) * 1000)

    pages: list[object] = []
    window.preview.rendered.connect(lambda: pages.append(None))
    for path in chosen:
        if window.editor.modified:
            window.editor.save()
        # from inside the event loop, as a click or Enter in the list opens a document
        QTimer.singleShot(0, lambda p=path: timed_open(p))
        count, shown = len(opens), len(pages)
        wait_until(lambda c=count: len(opens) > c, 30)
        # the open's follow-up work too (it may start in a later turn): its page in the preview, then no task
        wait_until(lambda s=shown: len(pages) > s, 30)
        wait_until(lambda: not window.runner.busy, 30)
    stall_opens, cpu_opens = beat.longest, beat.longest_cpu
    gc_figures |= collections.figures("opens")
    worst_opens, longest_opens = beat.worst(), beat.longest_gaps()
    over_opens = sum(1 for _gap, cpu in beat.turns if cpu > 50)
    window.monitor.validate()  # background work running when the window closes
    QCoreApplication.processEvents()
    result = {"documents": window.documents.count(), "validated": bool(validated),
              "listed_ms": round(listed_ms, 1), "rss_mb": round(memory, 1),
              "stall_list_ms": stall_list, "stall_validation_ms": stall_validation, "stall_opens_ms": stall_opens,
              "cpu_list_ms": round(cpu_list), "cpu_validation_ms": round(cpu_validation),
              "cpu_opens_ms": round(cpu_opens), "cpu_opens_worst": worst_opens,
              "gap_opens_longest": longest_opens, "gap_validation_longest": longest_validation,
              "cpu_opens_over_50": over_opens,
              "open_median_ms": round(statistics.median(opens), 1),
              "open_p95_ms": round(sorted(opens)[int(len(opens) * 0.95) - 1], 1) if opens else 0,
              "open_max_ms": round(max(opens), 1) if opens else 0, **gc_figures}
    result["closing_at"] = time.time()
    print(json.dumps(result), flush=True)
    beat.report()
    window.close()
    app.quit()
    from redactie.gui.app import leave

    leave(window.runner, 0)  # as the application does after its window closed


if __name__ == "__main__":
    main()
