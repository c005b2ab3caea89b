"""Where the application's own files are: in a source checkout, or inside a frozen (PyInstaller) app."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding `resources/` and `content/`."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resource(*parts: str) -> Path:
    """A path under `resources/`."""
    return app_root().joinpath("resources", *parts)


def sample_content() -> Path:
    """The installed sample content repository (never written to)."""
    return app_root() / "content"
