"""First start: the sample content is copied once into the data folder as a git repository."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from redactie.workspace import ensure_sample_repository, remember_repository, startup_repository

from .conftest import CONTENT, git


def test_first_start_copies_sample_once(isolated_home: Path) -> None:
    before = {p: p.read_bytes() for p in CONTENT.rglob("*") if p.is_file()}
    repo = ensure_sample_repository()
    assert repo.is_relative_to(isolated_home)
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "1"
    assert git(repo, "status", "--porcelain") == ""
    git(repo, "fsck")
    (repo / "eigen.md").write_text("van de gebruiker")
    assert ensure_sample_repository() == repo and (repo / "eigen.md").exists()
    assert {p: p.read_bytes() for p in CONTENT.rglob("*") if p.is_file()} == before


def test_later_starts_open_the_last_repository(isolated_home: Path, content_repo: Path) -> None:
    assert startup_repository(None) == ensure_sample_repository()
    remember_repository(content_repo)
    assert startup_repository(None) == content_repo


def test_version_and_help_from_the_command_line() -> None:
    out = subprocess.run([sys.executable, "-m", "redactie", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("redactie ")
    out = subprocess.run([sys.executable, "-m", "redactie", "--help"], capture_output=True, text=True, check=True)
    assert "validate" in out.stdout and "--quit-when-loaded" in out.stdout


def test_quit_when_loaded_smoke(isolated_home: Path) -> None:
    import json
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "redactie", "--quit-when-loaded"], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    line = json.loads(out.stdout.strip().splitlines()[-1])
    assert line["documents"] == 13 and line["first_document"]


def test_existing_folder_without_git_is_moved_aside_never_deleted(isolated_home: Path) -> None:
    from redactie.workspace import sample_copy_path

    stray = sample_copy_path()
    stray.mkdir(parents=True)
    (stray / "notities.md").write_text("van de gebruiker")
    repo = ensure_sample_repository()
    kept = [p for p in stray.parent.iterdir() if p.name.startswith(stray.name + ".bewaard-")]
    assert len(kept) == 1 and (kept[0] / "notities.md").read_text() == "van de gebruiker"
    assert (repo / ".git").exists() and not (repo / "notities.md").exists()


def test_current_branch_and_detached_head(content_repo: Path) -> None:
    from redactie.gitservice.branch import current_branch

    assert current_branch(content_repo) == "main"
    git(content_repo, "checkout", "-q", "--detach")
    assert current_branch(content_repo) == git(content_repo, "rev-parse", "HEAD")[:8]
    assert current_branch(content_repo / "docs") is None
