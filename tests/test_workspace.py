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
