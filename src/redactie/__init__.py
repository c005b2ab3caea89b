"""Redactie: a lossless desktop editor for Markdown requirement documents in git."""

import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _version() -> str:
    """The release tag's version in a built app (its VERSION file), else the installed package's."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        try:
            return (Path(frozen) / "VERSION").read_text(encoding="utf-8").strip().removeprefix("v")
        except OSError:
            pass
    try:
        return version("redactie")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0+source"


__version__ = _version()

SOURCE_URL = "https://github.com/redactie-editor/redactie"
