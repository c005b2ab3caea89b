"""A kill -9 right after typing loses nothing: the next start offers the draft with the last keystrokes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from redactie.gui.main_window import MainWindow

DOC = "docs/vereisten/ai_geletterdheid.md"

# The real app in its own process: open a document, type into a section, say so, and wait to be killed.
DRIVER = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from PySide6.QtTest import QTest
app = QApplication([])
from redactie.gui.main_window import MainWindow
win = MainWindow("nl")
win.load_repository(Path(sys.argv[1]))
win.show()
while not win.documents.ready:
    app.processEvents()
win.open_document(sys.argv[2])
app.processEvents()
edit = [w for w in win.findChildren(QPlainTextEdit) if w.accessibleName() == "Sectie Risico" and w.isVisibleTo(win)][0]
edit.moveCursor(edit.textCursor().MoveOperation.End)
QTest.keyClicks(edit, "Laatste woorden")
print("typed", flush=True)
sys.stdin.read()
"""


def test_a_kill_right_after_typing_keeps_the_last_keystrokes(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REDACTIE_HOME": str(isolated_home),
           "REDACTIE_NO_UPDATE_CHECK": "1"}
    driver = subprocess.Popen([sys.executable, "-c", DRIVER, str(content_repo), DOC], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert driver.stdout.readline().strip() == "typed"
        os.kill(driver.pid, signal.SIGKILL)
    finally:
        driver.wait(30)
    assert driver.returncode == -signal.SIGKILL
    assert b"Laatste woorden" not in (content_repo / DOC).read_bytes()

    win = MainWindow("nl")
    try:
        assert win.load_repository(content_repo)
        qtbot.waitUntil(lambda: win.documents.ready)
        win.open_document(DOC)
        banner = win.editor.banner("draft-banner")
        assert banner is not None
        [restore] = [b for b in banner.findChildren(QPushButton) if b.text() == "Herstellen"]
        restore.click()
        assert b"Laatste woorden\n## Maatregelen" in win.editor.session.current()
    finally:
        if win.editor.session is not None:  # no question about unsaved work when the window closes
            win.editor.discard_draft()
            win.editor.session.saved_bytes = win.editor.session.current()
        win.close()
        win.deleteLater()
