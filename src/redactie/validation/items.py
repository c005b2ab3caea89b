"""Where each item of a front-matter list is, so a finding can name the item's own line."""

from __future__ import annotations

import re

from ..document import Document

_ITEM = re.compile(r"^[ \t]*-(?:[ \t]|$)")
_KEY = re.compile(r"^[^\s#-]")


def item_lines(doc: Document, key: str) -> list[int]:
    """1-based lines of the block-list items of `key`, in order; empty for a flow list or a scalar."""
    first = doc.field_line(key)
    if first is None:
        return []
    lines = doc.text.splitlines()
    found: list[int] = []
    for index in range(first, len(lines)):  # `first` is 1-based: this starts on the line after the key
        text = lines[index]
        if text.rstrip() in ("---", "..."):
            break
        if _KEY.match(text):
            break
        if _ITEM.match(text):
            found.append(index + 1)
    return found


def line_of_item(doc: Document, key: str, position: int) -> int:
    """The line of item `position` of the list under `key` (the key's line when it cannot be told)."""
    value = doc.fields.get(key)
    lines = item_lines(doc, key)
    if isinstance(value, list) and len(lines) == len(value) and 0 <= position < len(lines):
        return lines[position]
    return doc.field_line(key) or 1
