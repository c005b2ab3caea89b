"""The user's workspace: the data folder, the first-start copy of the sample content, the last repository."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import platformdirs

from .fileio import atomic_write
from .resources import sample_content

APP = "Redactie"


def data_dir() -> Path:
    """The user's data folder (REDACTIE_HOME overrides it, for tests and portable use)."""
    override = os.environ.get("REDACTIE_HOME")
    return Path(override) / "data" if override else Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    """The user's configuration folder."""
    override = os.environ.get("REDACTIE_HOME")
    return Path(override) / "config" if override else Path(platformdirs.user_config_dir(APP, appauthor=False))


def schema_choices_file() -> Path:
    """Where the user's schema choice per repository is kept (see `schema.select`)."""
    return config_dir() / "schema-choices.json"


def _state_file() -> Path:
    return config_dir() / "state.json"


def load_state() -> dict[str, object]:
    """Remembered state (last repository, recent repositories); empty when absent or unreadable."""
    try:
        data = json.loads(_state_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def remember_repository(path: Path) -> None:
    """Store `path` as the last repository used and at the top of the recent list."""
    state = load_state()
    recent = [str(path)] + [p for p in state.get("recent", []) if isinstance(p, str) and p != str(path)]
    state.update({"last": str(path), "recent": recent[:10]})
    target = _state_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # A settings file kept as a link (dotfiles) is the user's choice: write where it points.
        target = target.resolve() if target.is_symlink() else target
        atomic_write(target, json.dumps(state, indent=2).encode("utf-8"))
    except (OSError, RuntimeError):
        pass  # remembering the last repository is a convenience, never a reason to fail opening one


def recent_repositories() -> list[Path]:
    """Recent repositories that still exist, newest first."""
    return [Path(p) for p in load_state().get("recent", []) if isinstance(p, str) and Path(p).is_dir()]


def sample_copy_path() -> Path:
    """Where the first start puts the user's own copy of the sample content."""
    return data_dir() / "voorbeeld-inhoud"


def ensure_sample_repository() -> Path:
    """Copy the sample content once into the data folder as a git repository with one commit; return it."""
    target = sample_copy_path()
    if (target / ".git").exists():
        return target
    from .gitservice.init import init_with_commit

    if target.exists():
        # A folder without .git where the copy should be: never delete it, move it aside.
        target.rename(target.with_name(f"{target.name}.bewaard-{int(time.time())}"))
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(sample_content(), staging)
    init_with_commit(staging, "Voorbeeldinhoud van Redactie")
    staging.rename(target)
    return target


def startup_repository(argument: Path | None) -> Path:
    """The repository to open: the argument, else the last one used, else the sample copy."""
    if argument is not None:
        return argument
    last = load_state().get("last")
    if isinstance(last, str) and Path(last).is_dir():
        return Path(last)
    return ensure_sample_repository()
