"""Read-only git work (open, state, status, review) runs no program a hostile repository configures:
no fsmonitor, no hooks, no clean/smudge/process filters, no textconv or external diff (#18.3)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from redactie.gitservice.service import GitService
from redactie.review import collect

from .conftest import git

DOC = "docs/vereisten/ai_geletterdheid.md"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the hostile programs are POSIX shell scripts")


def _marker_script(folder: Path, name: str, markers: Path, tail: str = "") -> str:
    script = folder / f"{name}.sh"
    script.write_text(f"#!/bin/sh\ntouch '{markers / name}'\n{tail}", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def make_hostile(repo: Path, markers: Path) -> None:
    """Configure every program a repository can make git run on read-only work; each touches a marker."""
    markers.mkdir()
    tools = repo.parent / "gereedschap"
    tools.mkdir()
    (repo / ".gitattributes").write_text("*.md filter=kwaad diff=kwaad\n", encoding="utf-8")
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "attributen")
    git(repo, "config", "core.fsmonitor", _marker_script(tools, "fsmonitor", markers))
    git(repo, "config", "filter.kwaad.clean", _marker_script(tools, "clean", markers, "cat\n"))
    git(repo, "config", "filter.kwaad.smudge", _marker_script(tools, "smudge", markers, "cat\n"))
    git(repo, "config", "filter.kwaad.required", "true")
    git(repo, "config", "diff.kwaad.textconv", _marker_script(tools, "textconv", markers, "cat \"$1\"\n"))
    git(repo, "config", "diff.external", _marker_script(tools, "extdiff", markers))
    # An odd driver name that `-c` cannot carry (it holds "=").
    git(repo, "config", "filter.a=b.clean", _marker_script(tools, "odd-clean", markers, "cat\n"))
    with (repo / ".gitattributes").open("a", encoding="utf-8") as handle:
        handle.write("*.yaml filter=a=b\n")
    for hook in ("post-index-change", "pre-commit", "post-checkout", "reference-transaction"):
        _marker_script(repo / ".git" / "hooks", hook, markers)
        (repo / ".git" / "hooks" / f"{hook}.sh").rename(repo / ".git" / "hooks" / hook)


def touch_everything(repo: Path) -> None:
    """Change a document and make every file's stat information stale, so git has to read contents."""
    path = repo / DOC
    path.write_bytes(path.read_bytes().replace(b"AI", b"KI", 1))
    (repo / "redactie-schema.yaml").write_bytes((repo / "redactie-schema.yaml").read_bytes() + b"\n")
    for file in repo.rglob("*"):
        if ".git" not in file.parts and file.is_file():
            file.touch()


@pytest.fixture
def hostile(content_repo: Path, tmp_path: Path) -> tuple[Path, Path]:
    markers = tmp_path / "markeringen"
    make_hostile(content_repo, markers)
    touch_everything(content_repo)
    return content_repo, markers


def test_the_hostile_repository_really_runs_programs_in_plain_git(hostile: tuple[Path, Path]) -> None:
    repo, markers = hostile
    git(repo, "status", "--porcelain")
    git(repo, "diff", "HEAD")
    git(repo, "diff", "--no-ext-diff", "HEAD")
    ran = {p.name for p in markers.iterdir()}
    assert {"fsmonitor", "clean", "textconv", "extdiff", "post-index-change"} <= ran


def test_open_status_and_review_run_no_repository_program(hostile: tuple[Path, Path]) -> None:
    repo, markers = hostile
    service = GitService(repo)
    state = service.state()
    assert state.branch == "main"
    changes = {c.path for c in service.status()}
    assert DOC in changes
    reviews = collect(service, None)
    assert any(r.raw_diff() for r in reviews)
    assert service.head_bytes(DOC) is not None
    service.conflicted()
    service.author()
    service.close()
    assert sorted(p.name for p in markers.iterdir()) == []


def test_committing_runs_the_hooks_and_filters_git_itself_would(hostile: tuple[Path, Path]) -> None:
    repo, markers = hostile
    service = GitService(repo)
    service.commit({DOC: (repo / DOC).read_bytes()}, "Wijziging")
    ran = {p.name for p in markers.iterdir()}
    assert {"pre-commit", "clean"} <= ran  # the user's commit: as plain `git commit` would run them
    service.close()


def test_a_config_with_filters_is_read_again_when_it_changes(content_repo: Path, tmp_path: Path) -> None:
    service = GitService(content_repo)
    assert service.filter_drivers() == ()
    subprocess.run(["git", "config", "filter.nieuw.clean", "false"], cwd=content_repo, check=True)
    assert "nieuw" in service.filter_drivers()
    service.close()


def test_the_empty_hooks_folder_is_private_and_removed_at_exit(tmp_path: Path) -> None:
    script = ("from redactie.gitservice.runner import empty_hooks_dir; import os, stat; d = empty_hooks_dir(); "
              "print(d); print(oct(stat.S_IMODE(os.stat(d).st_mode))); print(os.listdir(d))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[1] == "0o700" and out[2] == "[]"
    assert not Path(out[0]).exists()
