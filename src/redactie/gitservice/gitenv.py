"""Finding git: a bundled one inside the frozen app, else the system's; never a terminal prompt."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from types import ModuleType


class GitMissingError(RuntimeError):
    """No usable git executable was found."""


def _bundled_git() -> Path | None:
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return None
    for candidate in ("git/cmd/git.exe", "git/bin/git"):
        path = Path(base) / candidate
        if path.is_file():
            return path
    return None


def configure() -> Path | None:
    """Point GitPython at the bundled git (or the system one) before it is imported; return the path used."""
    os.environ["GIT_TERMINAL_PROMPT"] = "0"
    os.environ.setdefault("GCM_INTERACTIVE", "never")
    bundled = _bundled_git()
    if bundled is not None:
        os.environ["GIT_PYTHON_GIT_EXECUTABLE"] = str(bundled)
        return bundled
    found = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE") or shutil.which("git")
    return Path(found) if found else None


def git_module() -> ModuleType:
    """Import GitPython after configuring which git it runs; GitMissingError when there is none."""
    if configure() is None:
        raise GitMissingError("git is not installed")
    os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
    import git

    return git
