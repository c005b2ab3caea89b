"""Finding git: the one bundled inside the installed app, else the system's; never a terminal prompt.

The app points GitPython at the bundled git before GitPython is imported, and tells git where its helper
programs, templates and certificates are. Credentials go through git's own helpers: the bundled Git
Credential Manager on Windows, the keychain on macOS.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from types import ModuleType


class GitMissingError(RuntimeError):
    """No usable git executable was found."""


def bundled_root() -> Path | None:
    """The folder of the git shipped inside a frozen app (`git/` next to the app's files), if any."""
    base = getattr(sys, "_MEIPASS", None) or os.environ.get("REDACTIE_BUNDLED_GIT_BASE")
    if not base:
        return None
    root = Path(base) / "git"
    return root if root.is_dir() else None


def bundled_environment(root: Path, platform: str = sys.platform) -> tuple[Path, dict[str, str]]:
    """The git executable in a dugite-native layout and the environment it needs."""
    env: dict[str, str] = {}
    if platform == "win32":
        executable = root / "cmd" / "git.exe"
        exec_path = root / "mingw64" / "libexec" / "git-core"
        helper = "manager"
    else:
        executable = root / "bin" / "git"
        exec_path = root / "libexec" / "git-core"
        helper = "osxkeychain" if platform == "darwin" else "cache"
        templates = root / "share" / "git-core" / "templates"
        if templates.is_dir():
            env["GIT_TEMPLATE_DIR"] = str(templates)
        certificates = root / "ssl" / "cacert.pem"
        if certificates.is_file():
            env["GIT_SSL_CAINFO"] = str(certificates)
    if exec_path.is_dir():
        env["GIT_EXEC_PATH"] = str(exec_path)
    # One extra credential helper for every git command, without touching the user's configuration.
    env.update({"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "credential.helper", "GIT_CONFIG_VALUE_0": helper})
    return executable, env


def configure() -> Path | None:
    """Point GitPython at the bundled git (or the system one) before it is imported; return the path used."""
    os.environ["GIT_TERMINAL_PROMPT"] = "0"
    root = bundled_root()
    if root is not None:
        executable, env = bundled_environment(root)
        if executable.is_file():
            os.environ.update(env)
            os.environ["GIT_PYTHON_GIT_EXECUTABLE"] = str(executable)
            return executable
    found = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE") or shutil.which("git")
    return Path(found) if found else None


def git_module() -> ModuleType:
    """Import GitPython after configuring which git it runs; GitMissingError when there is none."""
    if configure() is None:
        raise GitMissingError("git is not installed")
    os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
    import git

    return git
