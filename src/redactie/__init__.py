"""Redactie: a lossless desktop editor for Markdown requirement documents in git."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("redactie")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"

SOURCE_URL = "https://github.com/redactie-editor/redactie"
