"""Credentials in a remote URL (`https://user:token@host`) never appear in any text the app shows (#18.10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from redactie.gitservice import remote
from redactie.gitservice.problems import GitProblem
from redactie.gitservice.redact import redact
from redactie.gitservice.service import GitService
from redactie.gui.main_window import MainWindow

from .conftest import git

TOKEN = "ghp_GeheimToken123"


@pytest.mark.parametrize(("text", "shown"), [
    (f"https://user:{TOKEN}@example.org/a/b.git", "https://example.org/a/b.git"),
    (f"https://{TOKEN}@example.org/a/b.git", "https://example.org/a/b.git"),
    (f"fatal: unable to access 'http://x:{TOKEN}@127.0.0.1:9/r.git/': refused",
     "fatal: unable to access 'http://127.0.0.1:9/r.git/': refused"),
    (f"ssh://git:{TOKEN}@example.org/r.git", "ssh://git@example.org/r.git"),
    ("git@example.org:owner/repo.git", "git@example.org:owner/repo.git"),
    ("mailto: redacteur@example.org", "mailto: redacteur@example.org"),
])
def test_redact(text: str, shown: str) -> None:
    assert redact(text) == shown


@pytest.fixture
def with_token(content_repo: Path) -> Path:
    git(content_repo, "remote", "add", "origin", f"https://redacteur:{TOKEN}@127.0.0.1:9/inhoud.git")
    return content_repo


def test_state_and_problems_carry_no_token(with_token: Path) -> None:
    service = GitService(with_token)
    assert TOKEN not in (service.state().remote_url or "")
    with pytest.raises(GitProblem) as caught:
        remote.fetch(service)
    problem = caught.value
    for text in (str(problem), problem.detail, problem.localized("nl"), problem.localized("en"), problem.argument):
        assert TOKEN not in text
    assert TOKEN not in str(GitProblem("destination-exists", f"https://a:{TOKEN}@h/x", argument=f"https://{TOKEN}@h"))
    service.close()


def test_the_window_shows_no_token(qtbot, with_token: Path, isolated_home: Path) -> None:  # noqa: ANN001
    win = MainWindow("nl")
    qtbot.addWidget(win)
    assert win.load_repository(with_token)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready and win.monitor.snapshot is not None)
    qtbot.waitUntil(lambda: win.monitor.snapshot.state is not None)
    texts = [win.statusBar().currentMessage(), win.windowTitle()]
    for widget in win.findChildren(QWidget):
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
    assert any("127.0.0.1" in t for t in texts)  # the address itself is shown...
    assert not [t for t in texts if TOKEN in t]  # ...never its credentials
