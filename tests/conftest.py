"""Shared fixtures: the corpus location, real temporary git repositories and an offscreen Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# The machine the suite runs on is often shared: a property test's speed is not what it checks.
settings.register_profile("redactie", deadline=None)
settings.load_profile("redactie")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GIT_TERMINAL_PROMPT"] = "0"
os.environ["REDACTIE_NO_UPDATE_CHECK"] = "1"  # no test reaches the internet; tests/test_updates.py uses a local feed
# QSettings (window sizes) must not touch the real user's configuration.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="redactie-test-config-")
# Nor may the document index's cache land in the real user's cache folder.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="redactie-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CONTENT = ROOT / "content"


def corpus_files() -> list[Path]:
    """Every Markdown file of the shared corpus, or an empty list when it is absent."""
    return sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []


def copy_writable(source: Path, target: Path) -> Path:
    """A copy of a read-only folder (the shared corpus) that tests may edit, as a user's checkout is."""
    shutil.copytree(source, target)
    for item in [target, *target.rglob("*")]:
        if not item.is_symlink():
            item.chmod(item.stat().st_mode | 0o200)
    return target


def git(cwd: Path, *args: str) -> str:
    """Run the git CLI and return its standard output."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def content_repo(tmp_path: Path) -> Path:
    """A fresh git repository holding a copy of the sample content, with one commit."""
    repo = tmp_path / "inhoud"
    shutil.copytree(CONTENT, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test Redacteur")
    git(repo, "config", "user.email", "redacteur@example.org")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Eerste versie")
    return repo


OLD_NS = 1_600_000_000_000_000_000  # a time long past: the index takes such files as they are (not racy)


@pytest.fixture
def corpus_2026_copy(tmp_path: Path, isolated_home: Path) -> Path:
    """A writable copy of the 2026 corpus snapshot, every file dated long ago (skipped when the corpus is absent)."""
    source = CORPUS / "algoritmekader-2026"
    if not source.is_dir():
        pytest.skip("../shared/corpus is not present")
    root = copy_writable(source, tmp_path / "repo")
    for path in root.rglob("*"):
        os.utime(path, ns=(OLD_NS, OLD_NS))
    return root


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point platformdirs (user data, config) at a temporary folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("REDACTIE_HOME", str(home))
    return home


@pytest.fixture
def shared(tmp_path: Path, content_repo: Path) -> tuple[Path, Path]:
    """A bare remote holding the sample content, and the user's clone of it."""
    bare = tmp_path / "remote.git"
    git(tmp_path, "clone", "-q", "--bare", str(content_repo), str(bare))
    mine = tmp_path / "mine"
    git(tmp_path, "clone", "-q", str(bare), str(mine))
    git(mine, "config", "user.name", "Mijn Naam")
    git(mine, "config", "user.email", "mij@example.org")
    return bare, mine


SAMPLE_DOC = "docs/vereisten/ai_geletterdheid.md"


@pytest.fixture
def sample_window(qtbot, content_repo: Path, isolated_home: Path):  # noqa: ANN001, ANN201
    """The main window on the sample content with SAMPLE_DOC open; closed without questions afterwards."""
    from redactie.gui.main_window import MainWindow

    win = MainWindow("nl")
    assert win.load_repository(content_repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready)
    win.open_document(SAMPLE_DOC)
    qtbot.wait(1)
    yield win
    if win.editor.session is not None:
        win.editor.discard_draft()
        win.editor.session.saved_bytes = win.editor.session.current()
    win.close()
    win.deleteLater()


def wait_idle(qtbot, win, timeout: int = 30_000) -> None:  # noqa: ANN001
    """Wait until the window's background tasks are done; on a timeout say which run and where their threads are."""
    import sys
    import traceback

    try:
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=timeout)
    except Exception:
        running = [f"{task.key} ({task.label})" for task, _, _ in win.runner._running.values()]
        stacks = "\n".join(f"--- thread {ident}\n" + "".join(traceback.format_stack(frame)[-6:])
                           for ident, frame in sys._current_frames().items())
        raise AssertionError(f"background tasks still running after {timeout} ms: {running}\n{stacks}") from None


@pytest.fixture(autouse=True, scope="session")
def _clipboard_emptied_at_the_end():  # noqa: ANN202
    """Qt's offscreen platform crashes at exit while its clipboard holds data (xcb does not): empty it."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@pytest.fixture
def automatic_gc() -> Iterator[None]:
    """Python's automatic garbage collection on during the test (a GUI test before it may have handed it to the GUI
    thread, see `gui/collector.py`), as the command line has it; the earlier state after."""
    import gc

    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()
