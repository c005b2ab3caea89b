"""A repository whose schema file is broken, then a good one: nothing of the broken one's state stays."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SAMPLE_DOC, git, wait_idle

BROKEN_SCHEMA = "schema: 1\nfields: [\n  title: {kind: text\n"  # not valid YAML

# The app as a person starts it (gui.app.run, which ends the process), on the broken repository; once the window
# has said so, the good one is opened as the menu does. What the window then shows is printed.
DRIVER = r'''
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from redactie.gui import app as gui_app
from redactie.gui.main_window import MainWindow

broken, good = Path(sys.argv[1]), Path(sys.argv[2])
qapp = QApplication(sys.argv[:1])
seen = {}
ticks = [0]

def poll():
    ticks[0] += 1
    win = next((w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if win is None or not win._list_built:
        return
    if "failed" not in seen:
        if win.documents.error is not None:
            seen["failed"] = True
            win.load_repository(good)
        return
    if (win.built and win.editor.session is not None) or ticks[0] > 600:
        timer.stop()
        session = win.editor.session if win.built else None
        seen["opened"] = session.relpath if session is not None else None
        seen["repository"] = str(win.repo.root) if win.repo is not None else None
        print(json.dumps(seen), flush=True)
        if session is not None:
            session.saved_bytes = session.current()
        win.close()

timer = QTimer()
timer.setInterval(50)
timer.timeout.connect(poll)
timer.start()
gui_app.run(broken)
'''


def _broken_copy(content_repo: Path, target: Path) -> Path:
    shutil.copytree(content_repo, target)
    (target / "redactie-schema.yaml").write_text(BROKEN_SCHEMA, encoding="utf-8")
    git(target, "commit", "-qam", "Schema kapot")
    return target


def test_a_start_on_a_broken_schema_then_a_good_repository_opens_its_first_document(
        tmp_path: Path, content_repo: Path) -> None:
    broken = _broken_copy(content_repo, tmp_path / "kapot")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REDACTIE_HOME": str(tmp_path / "home"),
           "QT_QPA_PLATFORM": "offscreen", "REDACTIE_NO_UPDATE_CHECK": "1"}
    result = subprocess.run([sys.executable, str(driver), str(broken), str(content_repo)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["failed"] is True
    assert seen["repository"] == str(content_repo.resolve())
    assert seen["opened"] == SAMPLE_DOC  # as a start on the good repository: not an empty, dimmed editor


def test_a_smoke_start_on_a_broken_schema_exits_2(tmp_path: Path, content_repo: Path) -> None:
    broken = _broken_copy(content_repo, tmp_path / "kapot")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REDACTIE_HOME": str(tmp_path / "home"),
           "QT_QPA_PLATFORM": "offscreen", "REDACTIE_NO_UPDATE_CHECK": "1"}
    result = subprocess.run([sys.executable, "-m", "redactie", str(broken), "--quit-when-loaded"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_back_from_a_broken_schema_the_window_shows_the_good_repository(
        qtbot, sample_window, content_repo: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    win = sample_window
    broken = _broken_copy(content_repo, tmp_path / "kapot")
    win.load_repository(broken)
    qtbot.waitUntil(lambda: win.documents.error is not None, timeout=20000)
    boxes = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "YAML" in boxes[-1].informativeText()  # what is wrong: under the which-file sentence
    for box in boxes:
        box.accept()
    win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.documents.ready and win.documents.error is None, timeout=20000)
    wait_idle(qtbot, win)
    assert win.repo is not None and win.repo.root == content_repo.resolve()
    assert win.documents.count() > 0 and win.editor.session is not None
    assert not [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert "kapot" not in win.windowTitle() and "kapot" not in win.format_label.text()
