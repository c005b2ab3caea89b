"""Quick facts about a document for lists: title, id and labels, read with the fast reader only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .document import Document, FrontMatterError
from .fileio import read_document


def quick_fields(path: Path) -> dict[str, Any]:
    """The document's fields, or {} when it cannot be read (the list still shows it)."""
    try:
        return dict(Document.parse(read_document(path)).fields)
    except (OSError, FrontMatterError):
        return {}
