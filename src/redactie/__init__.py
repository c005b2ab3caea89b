"""Redactie: a lossless desktop editor for Markdown requirement documents in git."""

SOURCE_URL = "https://github.com/redactie-editor/redactie"


def _version() -> str:
    """The release tag's version in a built app (its VERSION file), else the installed package's."""
    import sys
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

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


def __getattr__(name: str) -> str:
    """`__version__`, read only when asked (importing package metadata is slow at start-up)."""
    if name != "__version__":
        raise AttributeError(f"module 'redactie' has no attribute {name!r}")
    found = _version()
    globals()["__version__"] = found
    return found
