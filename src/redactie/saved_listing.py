"""The document list as a session last completed it, kept beside the index: a later start shows it at once.

It is shown only while nothing it rests on has changed: the same repository, language and index format, the
schema file and the saved schema choices with the same size and time, and every folder the listing walked with
the same modification time (a file added, removed or renamed in a folder changes it). The titles may be
outdated like the index's (a file edited since): the list reads the repository right after and replaces any row
that differs. A missing, damaged or outdated file is simply not used.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from .fileio import atomic_write
from .folders import SCHEMA_FILE, folders_unchanged
from .index import FORMAT as INDEX_FORMAT
from .index import cache_file_for
from .workspace import schema_choices_file

MAGIC = "redactie-listing"
FORMAT = 1
VERSION = (FORMAT, INDEX_FORMAT)  # the index reads the titles: another index format, another listing
Row = tuple[str, str, str, str, str]  # path, type name, type label, title, remark


def listing_file(root: Path) -> Path:
    """Where the saved listing of the repository at `root` is kept."""
    return cache_file_for(root).with_suffix(".listing")


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _rests_on(root: Path) -> tuple[object, ...]:
    """What the listing's types and labels depend on besides the folders: the schema file and the choices."""
    return _stat(root / SCHEMA_FILE), _stat(schema_choices_file())


def save(root: Path, language: str, rows: Sequence[Row], documents: Iterable[str], folders: dict[str, int]) -> bool:
    """Keep `rows` (the list in its order, complete) for the next start, with the folder times of the walk that
    found `documents` (`ContentRepository.listing`), when the rows are exactly those documents. False when not
    saved."""
    rests_on = _rests_on(root)
    if not folders or set(documents) != {row[0] for row in rows}:
        return False  # read from another walk than these folders' times: the next start reads the list
    columns = tuple(list(column) for column in zip(*rows, strict=True)) if rows else ([], [], [], [], [])
    data = marshal.dumps((MAGIC, VERSION, str(root), language, rests_on, sorted(folders.items()), columns))
    try:
        listing_file(root).parent.mkdir(parents=True, exist_ok=True)
        atomic_write(listing_file(root), data, durable=False)
    except OSError:
        return False
    return True


def load(root: Path, language: str) -> list[Row] | None:
    """The saved rows when nothing they rest on changed since (see the module), else None."""
    try:
        data = marshal.loads(listing_file(root).read_bytes())
        magic, version, saved_root, saved_language, rests_on, folders, columns = data
        if (magic, version, saved_root, saved_language) != (MAGIC, VERSION, str(root), language):
            return None
        if rests_on != _rests_on(root) or not folders_unchanged(root, dict(folders)):
            return None
        if len(columns) != 5 or any(type(column) is not list or set(map(type, column)) - {str} for column in columns):
            return None
        return list(zip(*columns, strict=True))
    except (OSError, ValueError, EOFError, TypeError):
        return None
