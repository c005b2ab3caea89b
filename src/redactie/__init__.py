"""Redactie: a lossless desktop editor for Markdown requirement documents in git."""

SOURCE_URL = "https://github.com/redactie-editor/redactie"


def __getattr__(name: str) -> str:
    """`__version__`, read from the installed package's metadata only when asked (importing it is slow)."""
    if name != "__version__":
        raise AttributeError(f"module 'redactie' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("redactie")
    except PackageNotFoundError:  # running from a source tree without installation
        found = "0.0.0+source"
    globals()["__version__"] = found
    return found
