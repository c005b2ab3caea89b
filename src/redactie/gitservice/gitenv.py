"""Which git runs, and with which environment: the one bundled inside the installed app, else the system's.

This module and `runner.py` are the one place that decides how git is started (as GitHub Desktop's
`app/src/lib/git` does with dugite): every git process the app starts uses `locate()`'s executable and
environment. The bundled git is a dugite-native build: on Windows `cmd/git.exe` with its helpers in
`mingw64/libexec/git-core`, on macOS and Linux `bin/git` with `libexec/git-core`. Credentials go through
Git Credential Manager where the bundle ships it (Windows and macOS); when git has to ask for a user name or
password it asks through Redactie's own small window (`GIT_ASKPASS`), never a terminal.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

# Set in the environment of git's askpass call; `redactie.cli` then answers as askpass program.
ASKPASS_MARK = "REDACTIE_ASKPASS"


class GitMissingError(RuntimeError):
    """No usable git executable was found."""


@dataclass(frozen=True)
class GitSetup:
    """The git executable to run and what its environment needs on top of the process's own."""

    executable: Path
    env: dict[str, str] = field(default_factory=dict)
    bundled: bool = False


def bundled_root() -> Path | None:
    """The folder of the git shipped inside a frozen app (`git/` next to the app's files), if any."""
    base = os.environ.get("REDACTIE_BUNDLED_GIT_BASE") or getattr(sys, "_MEIPASS", None)
    if not base:
        return None
    # A macOS bundle keeps git in Contents/Resources (signed code outside Frameworks/); _MEIPASS is Frameworks.
    for root in (Path(base) / "git", Path(base).parent / "Resources" / "git"):
        if root.is_dir():
            return root
    return None


def layout(root: Path, platform: str = sys.platform) -> tuple[Path, Path]:
    """(executable, exec path) of a dugite-native git unpacked at `root`, for `platform`."""
    if platform == "win32":
        return root / "cmd" / "git.exe", root / "mingw64" / "libexec" / "git-core"
    return root / "bin" / "git", root / "libexec" / "git-core"


def credential_helper(root: Path, platform: str = sys.platform) -> str | None:
    """The credential helper the bundle ships: Git Credential Manager (`manager`) when present."""
    _, exec_path = layout(root, platform)
    suffix = ".exe" if platform == "win32" else ""
    if (exec_path / f"git-credential-manager{suffix}").exists() or platform in ("win32", "darwin"):
        return "manager"
    return "cache" if (exec_path / "git-credential-cache").exists() else None


def with_config(env: Mapping[str, str], pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Add configuration for every git command through GIT_CONFIG_COUNT (git 2.31+), keeping any already set."""
    result = dict(env)
    try:
        count = int(result.get("GIT_CONFIG_COUNT", os.environ.get("GIT_CONFIG_COUNT", "0")))
    except ValueError:
        count = 0
    if count and "GIT_CONFIG_COUNT" not in result:
        for n in range(count):
            for prefix in ("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_"):
                result[f"{prefix}{n}"] = os.environ.get(f"{prefix}{n}", "")
    for key, value in pairs:
        result[f"GIT_CONFIG_KEY_{count}"] = key
        result[f"GIT_CONFIG_VALUE_{count}"] = value
        count += 1
    result["GIT_CONFIG_COUNT"] = str(count)
    return result


def bundled_environment(root: Path, platform: str = sys.platform) -> tuple[Path, dict[str, str]]:
    """The git executable in a dugite-native layout and the environment it needs."""
    executable, exec_path = layout(root, platform)
    env: dict[str, str] = {}
    if exec_path.is_dir():
        env["GIT_EXEC_PATH"] = str(exec_path)
    if platform != "win32":
        templates = root / "share" / "git-core" / "templates"
        if templates.is_dir():
            env["GIT_TEMPLATE_DIR"] = str(templates)
        certificates = root / "ssl" / "cacert.pem"
        if certificates.is_file():
            env["GIT_SSL_CAINFO"] = str(certificates)
    helper = credential_helper(root, platform)
    if helper:
        # One extra credential helper for every git command, without touching the user's configuration.
        env = with_config(env, [("credential.helper", helper)])
    return executable, env


_ASKPASS: list[str] = []


def askpass_program() -> str | None:
    """A program git can run to ask for a user name or password: the app itself, answering as askpass."""
    if getattr(sys, "frozen", False):
        return sys.executable
    if os.name == "nt":
        return None  # a source checkout on Windows: Git Credential Manager asks instead
    if not _ASKPASS:
        folder = Path(tempfile.mkdtemp(prefix="redactie-askpass-"))
        atexit.register(shutil.rmtree, folder, True)
        script = folder / "askpass"
        source = str(Path(__file__).resolve().parents[2])
        script.write_text(f"#!/bin/sh\nPYTHONPATH='{source}' exec '{sys.executable}' -m redactie \"$@\"\n",
                          encoding="utf-8")
        script.chmod(0o700)
        _ASKPASS.append(str(script))
    return _ASKPASS[0]


_LOCATED: dict[tuple[str | None, ...], GitSetup | None] = {}


def locate() -> GitSetup | None:
    """The git to run: the bundled one when the app ships it, else the system's; None when there is none."""
    key = (os.environ.get("REDACTIE_BUNDLED_GIT_BASE"), getattr(sys, "_MEIPASS", None),
           os.environ.get("GIT_PYTHON_GIT_EXECUTABLE"), os.environ.get("PATH"))
    if key not in _LOCATED:
        _LOCATED[key] = _locate()
    return _LOCATED[key]


def _locate() -> GitSetup | None:
    env = {"GIT_TERMINAL_PROMPT": "0"}
    askpass = askpass_program()
    if askpass:
        env.update({"GIT_ASKPASS": askpass, ASKPASS_MARK: "1"})
    root = bundled_root()
    if root is not None:
        executable, bundled_env = bundled_environment(root)
        if executable.is_file():
            return GitSetup(executable, {**env, **bundled_env}, bundled=True)
    chosen = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE")
    found = (shutil.which(chosen) if chosen else None) or shutil.which("git")
    if not found:
        return None
    return GitSetup(Path(found), env)


def configure() -> Path | None:
    """Point GitPython at the git `locate()` chose, before it is imported; return its path (None: no git)."""
    setup = locate()
    if setup is None:
        return None
    os.environ["GIT_PYTHON_GIT_EXECUTABLE"] = str(setup.executable)
    return setup.executable


def git_module() -> ModuleType:
    """Import GitPython, running the git `locate()` chose; GitMissingError when there is none."""
    executable = configure()
    if executable is None:
        raise GitMissingError("git is not installed")
    os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
    import git

    if git.Git.GIT_PYTHON_GIT_EXECUTABLE != str(executable):
        git.refresh(str(executable))  # GitPython was imported before: point it at this git now
    return git
