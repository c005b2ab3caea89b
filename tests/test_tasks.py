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
