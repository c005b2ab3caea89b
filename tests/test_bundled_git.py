"""Every git command goes through the one git the app chose: with git off PATH and a logging git where the
bundled git goes, open, status, review, commit, sync and share all still work, and every call is logged."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_GIT = shutil.which("git")


def make_logging_git(base: Path, log: Path) -> Path:
    """Put a git at `base/git/bin/git` that logs its arguments and then runs the system's git."""
    assert SYSTEM_GIT, "these tests need a git to wrap"
    real = Path(SYSTEM_GIT).resolve()
    exec_path = subprocess.run([real, "--exec-path"], capture_output=True, text=True, check=True).stdout.strip()
    (base / "git" / "bin").mkdir(parents=True)
    (base / "git" / "libexec").mkdir()
    (base / "git" / "libexec" / "git-core").symlink_to(exec_path)
    wrapper = base / "git" / "bin" / "git"
    wrapper.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{log}'\nexec '{real}' \"$@\"\n", encoding="utf-8")
    wrapper.chmod(0o755)
    return wrapper


def no_git_env(tmp_path: Path, base: Path | None) -> dict[str, str]:
    """An environment whose PATH holds no git, with a home of its own (no user configuration)."""
    empty = tmp_path / "leeg-pad"
    empty.mkdir(exist_ok=True)
    home = tmp_path / "thuis"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "REDACTIE_"))}
    env.update({"PATH": str(empty), "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
                "REDACTIE_HOME": str(home / "redactie"), "GIT_CONFIG_NOSYSTEM": "1", "QT_QPA_PLATFORM": "offscreen",
                "PYTHONPATH": str(ROOT / "src"), "REDACTIE_NO_UPDATE_CHECK": "1"})
    if base is not None:
        env["REDACTIE_BUNDLED_GIT_BASE"] = str(base)
    return env


def subcommands(log: Path) -> list[str]:
    """The git subcommand of every logged call (the first word after the global options)."""
    found = []
    for line in log.read_text(encoding="utf-8").splitlines():
        words = line.split(" ")
        index = 0
        while index < len(words) and words[index].startswith("-"):
            index += 2 if words[index] == "-c" else 1
        found.append(words[index] if index < len(words) else "")
    return found


@pytest.mark.skipif(sys.platform == "win32" or not SYSTEM_GIT, reason="needs a POSIX shell and a git to wrap")
def test_every_git_call_goes_through_the_bundled_git(tmp_path: Path) -> None:
    log = tmp_path / "git.log"
    make_logging_git(tmp_path / "app", log)
    result = subprocess.run([sys.executable, "-m", "redactie", "check-git", str(tmp_path / "werk")],
                            env=no_git_env(tmp_path, tmp_path / "app"), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["bundled"] is True and report["git"] == str(tmp_path / "app" / "git" / "bin" / "git")
    assert report["steps"]["sync"] == "rebased" and report["steps"]["synced-state"] == [0, 0]
    assert report["steps"]["review"] > 0 and report["steps"]["status"]
    used = set(subcommands(log))
    # PATH holds no git: a call that bypassed the bundled git would have failed the run above.
    assert {"version", "init", "clone", "status", "cat-file", "add", "commit", "fetch", "rebase", "push"} <= used


def test_without_any_git_the_check_says_so_and_fails(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "redactie", "check-git", str(tmp_path / "werk")],
                            env=no_git_env(tmp_path, None), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Git was not found" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("with_path", [False, True])
def test_without_any_git_the_window_does_not_wait_on_a_dialog(tmp_path: Path, with_path: bool) -> None:
    folder = tmp_path / "inhoud"
    shutil.copytree(ROOT / "content", folder)
    args = [str(folder)] if with_path else []
    result = subprocess.run([sys.executable, "-m", "redactie", *args, "--quit-when-loaded"],
                            env=no_git_env(tmp_path, None), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Git is niet gevonden" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_folder_is_named_and_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "bestaat-niet"
    for args, text in (([], "bestaat niet"), (["--lang", "en"], "does not exist")):
        result = subprocess.run([sys.executable, "-m", "redactie", str(missing), "--quit-when-loaded", *args],
                                env=no_git_env(tmp_path, None), capture_output=True, text=True, timeout=120)
        assert result.returncode == 2
        assert text in result.stderr and str(missing) in result.stderr and "Traceback" not in result.stderr
