"""A closed window leaves nothing running: no timer, no watched folder, no background task it starts later."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QTimer

from redactie.gui.main_window import MainWindow

from .conftest import SAMPLE_DOC


def leftovers(win: MainWindow) -> list[str]:
    """What of a closed window is still active."""
    found = [f"timer {t.parent().__class__.__name__}" for t in win.findChildren(QTimer) if t.isActive()]
    found += [f"watcher {w.directories() + w.files()}" for w in win.findChildren(QFileSystemWatcher)
              if w.directories() or w.files()]
    found += [f"task {task.key}" for task, _, _ in win.runner._running.values()]
    return found


def test_a_window_closed_right_after_loading_starts_no_work_afterwards(qtbot, content_repo: Path,  # noqa: ANN001
                                                                       isolated_home: Path) -> None:
    win = MainWindow("nl")
    assert win.load_repository(content_repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready and win.monitor.snapshot is not None, timeout=15000)
    win.open_document(SAMPLE_DOC)
    win.editor.form_view._after_edit()  # a validation pending, as after typing
    win.close()  # before the delayed background checks (validation of every document) have started
    assert leftovers(win) == []
    qtbot.wait(1500)  # longer than any delay the window uses
    folder = content_repo / SAMPLE_DOC.rsplit("/", 1)[0]
    (folder / "nieuw.md").write_text("---\ntitle: Nieuw\n---\n", encoding="utf-8")  # another program writes
    (content_repo / SAMPLE_DOC).write_bytes((content_repo / SAMPLE_DOC).read_bytes() + b"\n")
    qtbot.wait(1500)
    assert leftovers(win) == []
    deadline = time.monotonic() + 10
    while not win.runner.idle() and time.monotonic() < deadline:
        qtbot.wait(50)
    assert win.runner.idle()
    win.deleteLater()


def test_reading_the_list_makes_no_object_immortal(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """gc.freeze() after each reading kept every closed window's garbage alive for the rest of the session."""
    import gc

    gc.unfreeze()
    for _ in range(2):
        win = MainWindow("nl")
        qtbot.addWidget(win)
        assert win.load_repository(content_repo)
        win.show()
        qtbot.waitUntil(lambda w=win: w.documents.ready, timeout=15000)
        win.close()
    assert gc.get_freeze_count() == 0


def test_spelling_queued_for_an_open_document_stops_with_the_window(qtbot, content_repo: Path,  # noqa: ANN001
                                                                     isolated_home: Path) -> None:
    """The sections are spell-checked one per turn after opening; a window deleted meanwhile raised from a timer."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from redactie.spelling import Speller

    win = MainWindow("nl")
    assert win.load_repository(content_repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready, timeout=15000)
    # a real speller, set before the open: the open queues its sections for spelling at once
    win.editor.form_view.speller = Speller("nl", content_repo, user_list=content_repo.parent / "eigen.txt").load()
    win.open_document(SAMPLE_DOC)
    assert win.editor.form_view._spell_queue
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)  # the queued turns run here: nothing may touch the deleted editors


def test_a_window_closed_while_its_list_fills_starts_nothing_after(qtbot, content_repo: Path,  # noqa: ANN001
                                                                  isolated_home: Path) -> None:
    """The groups open over later turns after the list's rows are there; a window closed in between used to emit
    `loaded` after closing, which started background work that no closed window delivers (it then seemed busy
    for ever)."""
    win = MainWindow("nl")
    qtbot.addWidget(win)
    assert win.load_repository(content_repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready, timeout=15000)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=15000)
    loaded: list[bool] = []
    win.documents.loaded.connect(lambda: loaded.append(True))
    win.documents.model.modelReset.connect(win.close)  # the rows are there, the groups not yet open
    win.documents.load(win.repo, "nl")
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=15000)
    qtbot.wait(300)
    assert loaded == []
    assert not win.runner.busy
