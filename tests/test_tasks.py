"""Background tasks: outdated tasks are cancelled (and never started when still queued); closing never waits."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from redactie.gui.tasks import WORKERS, Task, TaskRunner


def test_a_newer_task_cancels_the_older_one_with_the_same_key(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner()
    started = threading.Event()
    seen: list[str] = []

    def old_work(task: Task) -> str:
        started.set()
        assert task.cancel.wait(10), "the older task was never cancelled"
        return "old"

    runner.run("list", old_work, seen.append)
    assert started.wait(10)
    runner.run("list", lambda task: "new", seen.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert seen == ["new"]  # the old answer is dropped too


def test_an_outdated_task_that_has_not_started_never_runs(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner()
    release = threading.Event()
    ran: list[int] = []
    for n in range(WORKERS):  # occupy every worker
        runner.run(f"busy-{n}", lambda task: release.wait(10), lambda _: None)
    for n in range(5):  # queued behind them, each replacing the one before
        runner.run("validate", lambda task, n=n: ran.append(n) or n, lambda _: None)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert ran == [4]


def test_other_keys_are_not_cancelled(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner()
    first = runner.run("a", lambda task: 1, lambda _: None)
    runner.run("b", lambda task: 2, lambda _: None)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert not first.cancel.is_set()


def test_the_process_exits_without_waiting_for_background_work(tmp_path: Path) -> None:
    """Work that would never end on its own must not keep the application from quitting."""
    marker = tmp_path / "finished"
    script = textwrap.dedent(f"""
        import sys, threading, time
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from redactie.gui.tasks import TaskRunner
        app = QApplication(sys.argv[:1])
        runner = TaskRunner()
        never = threading.Event()
        runner.run("slow", lambda task: never.wait() or open({str(marker)!r}, "w").close(), lambda _: None)
        QTimer.singleShot(50, app.quit)
        app.exec()
        runner.shutdown()
        print("closed", flush=True)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert "closed" in out.stdout
    assert not marker.exists()


def test_the_window_module_imports_no_git_markdown_spelling_or_dialogs() -> None:
    """These load when first needed or after the first paint, so the window appears sooner."""
    heavy = ["git", "markdown_it", "spellchecker", "importlib.metadata", "urllib.request",
             "redactie.gui.review_dialog", "redactie.gui.conflict_dialog", "redactie.gui.clone_dialog",
             "redactie.gui.new_document", "redactie.gui.about", "redactie.bulk", "redactie.gui.bulk_plan",
             "redactie.gui.bulk_values", "redactie.gui.bulk_replace"]
    script = f"import sys, redactie.gui.app; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"


def test_leaving_with_work_still_running_ends_the_process_at_once_with_its_code() -> None:
    script = textwrap.dedent("""
        import sys, threading
        from PySide6.QtWidgets import QApplication
        from redactie.gui.app import leave
        from redactie.gui.tasks import TaskRunner
        app = QApplication(sys.argv[:1])
        runner = TaskRunner()
        runner.run("slow", lambda task: threading.Event().wait(), lambda _: None)
        print("leaving", flush=True)
        leave(runner, 3)
        print("not reached")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 3, out.stderr
    assert out.stdout.split() == ["leaving"]


def test_a_runner_used_again_after_shutdown_delivers_new_results(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner()
    runner.shutdown()
    seen: list[int] = []
    runner.run("again", lambda task: 7, seen.append)
    qtbot.waitUntil(lambda: seen == [7], timeout=10000)
    assert not runner.busy


def test_a_result_already_on_its_way_when_shutting_down_is_dropped(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner()
    seen: list[int] = []
    runner.run("late", lambda task: 1, seen.append)
    assert runner.wait(10000)  # the answer is queued for the GUI thread now
    runner.shutdown()
    qtbot.wait(50)  # delivering it must neither raise nor call back
    assert seen == [] and not runner.busy


def test_cyclic_garbage_is_collected_on_the_gui_thread_never_in_a_worker(qtbot) -> None:  # noqa: ANN001
    """With a runner, Python's collector no longer runs in whichever thread allocates: garbage in a cycle (as a
    closed dialog's Qt objects often are) is freed on the GUI thread, while a worker allocates a great deal."""
    import gc

    runner = TaskRunner()
    assert not gc.isenabled()  # automatic collection is off: the GUI thread's timer collects
    freed: list[str] = []

    class Probe:
        def __del__(self) -> None:
            freed.append(threading.current_thread().name)

    probe = Probe()
    probe.me = probe  # type: ignore[attr-defined]  # a cycle: only the collector frees it
    del probe
    done: list[list[list[int]]] = []  # kept: the young objects pass the collector's threshold
    runner.run("allocate", lambda task: [[n] for n in range(20 * gc.get_threshold()[0])], done.append)
    qtbot.waitUntil(lambda: bool(done) and bool(freed), timeout=10000)
    assert freed == [threading.main_thread().name]


def test_the_gui_collector_waits_while_a_structure_is_built_without_collections(qtbot) -> None:  # noqa: ANN001
    """While any thread builds under `gc_paused` (the index, the list, the validation), the GUI thread's collector
    does not collect either; it does again once that ends."""
    import gc

    from PySide6.QtWidgets import QApplication

    from redactie.collection import collection_paused, gc_paused
    from redactie.gui.collector import _Collector

    TaskRunner()
    collector = QApplication.instance().findChild(_Collector, "redactie-collector")
    freed: list[bool] = []

    class Probe:
        def __del__(self) -> None:
            freed.append(True)

    kept = []
    with gc_paused():
        assert collection_paused()
        probe = Probe()
        probe.me = probe  # type: ignore[attr-defined]
        del probe
        kept = [[n] for n in range(5 * gc.get_threshold()[0])]  # past the threshold
        collector.check()
        assert freed == []
    assert not collection_paused()
    collector.check()
    assert freed == [True] and kept


def test_a_task_reports_each_change_of_its_progress_once(qtbot) -> None:  # noqa: ANN001
    """A worker reporting per file (thousands of times, mostly the same percentage) reaches the window only with
    each change: the window is not flooded with identical updates."""
    runner = TaskRunner()
    seen: list[tuple[str, str, object]] = []
    runner.progress.connect(lambda label, phase, percent: seen.append((label, phase, percent)))
    done: list[object] = []

    def work(task: Task) -> None:
        for n in range(10_000):
            task.progress("lezen", n * 100 // 10_000)
        task.progress("opslaan")

    runner.run("files", work, done.append, label="Documenten")
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    qtbot.wait(20)
    assert seen == [("Documenten", "lezen", p) for p in range(100)] + [("Documenten", "opslaan", None)]
