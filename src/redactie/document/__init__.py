"""Lossless Markdown documents with YAML front matter (Qt-free public API)."""

from .errors import DocumentEncodingError, EditError, FrontMatterError
from .model import Document

__all__ = ["Document", "DocumentEncodingError", "EditError", "FrontMatterError"]
