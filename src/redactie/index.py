"""The document index: every document read and parsed once, kept per file and cached between runs (Qt-free).

Each entry holds what the list, the relation choices, the macros and the id check need (title, the front
matter's values, the line of each key). An entry is valid for the file's size and modification time; a sync
stats every file and reads only the ones whose stat differs. The index is saved as JSON in the user's cache
folder (REDACTIE_HOME overrides it, like the data folder), so a second start reads no unchanged file.
Safe to use from several threads: entries are immutable and the table is guarded by a lock.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from .fileio import atomic_write

FORMAT = 2  # bump when what an entry holds, or how it is computed, changes
APP = "Redactie"
# File systems with coarse timestamps (FAT: 2 s) can change a file without changing its size or time when the
# change follows within this window: an entry read that soon after the file's time is read again next time.
RACY_NS = 2_000_000_000


def cache_dir() -> Path:
    """The user's cache folder (REDACTIE_HOME overrides it, for tests and portable use)."""
    override = os.environ.get("REDACTIE_HOME")
    return Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP, appauthor=False))


def cache_file_for(root: Path) -> Path:
    """Where the index of the repository at `root` is kept."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir() / "index" / f"{digest}.json"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What is known about one file, valid while its size and modification time are these."""

    path: str
    size: int
    mtime_ns: int
    fields: Mapping[str, Any] = field(default_factory=dict)
    lines: Mapping[str, int] = field(default_factory=dict)
    readable: bool = True  # False: not a regular file, unreadable, or its front matter cannot be read
    racy: bool = False  # modified so shortly before it was read that a later change may keep the same stat

    @property
    def title(self) -> str | None:
        """The document's title, when it has a non-empty one."""
        title = self.fields.get("title")
        return title if isinstance(title, str) and title.strip() else None

    def field_line(self, key: str) -> int | None:
        """1-based line of the key in the file, or None (the same answer as `Document.field_line`)."""
        return self.lines.get(key)

    def as_json(self) -> list[Any]:
        """A compact JSON form (see `from_json`)."""
        return [self.size, self.mtime_ns, dict(self.fields), dict(self.lines), self.readable, self.racy]

    @classmethod
    def from_json(cls, path: str, raw: object) -> IndexEntry | None:
        """The entry stored by `as_json`, or None when the stored form is not what this version writes."""
        if not (isinstance(raw, list) and len(raw) == 6):
            return None
        size, mtime_ns, fields, lines, readable, racy = raw
        if not (isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(fields, dict)
                and isinstance(lines, dict) and isinstance(readable, bool) and isinstance(racy, bool)):
            return None
        # Keys repeat in every document: one shared string each instead of one per entry.
        fields = {sys.intern(k) if isinstance(k, str) else k: v for k, v in fields.items()}
        lines = {sys.intern(k) if isinstance(k, str) else k: v for k, v in lines.items()}
        return cls(path, size, mtime_ns, fields, lines, readable, racy)


def _signature(full: str) -> tuple[int, int, bool] | None:
    """(size, mtime_ns, is a regular file) without following a symbolic link; None when it is gone."""
    try:
        info = os.lstat(full)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, stat.S_ISREG(info.st_mode)


def _same(old: IndexEntry | None, new: IndexEntry) -> bool:
    """True when `new` would store nothing new (a racy file read again and found unchanged)."""
    return old is new or (old is not None and (old.size, old.mtime_ns, old.readable) == (new.size, new.mtime_ns,
                                                                                        new.readable)
                          and old.fields == new.fields and old.lines == new.lines and old.racy == new.racy)


class DocumentIndex:
    """The repository's documents as read once; `sync` brings it in line with the disk."""

    def __init__(self, root: Path, cache_file: Path | None = None) -> None:
        self.root = root
        self.cache_file = cache_file
        self._base = str(root)
        self.reads = 0  # files read from disk since creation (tests count these)
        self._lock = threading.Lock()
        self._sync_lock = threading.Lock()  # one whole sync at a time: a second one then finds everything read
        self._entries: dict[str, IndexEntry] = {}
        self._dirty = False
        self._loaded = cache_file is None
        self.synced = False  # True once a whole sync ran in this process: from then on it is kept current

    # -- reading files ---------------------------------------------------------------------------------------

    def _read(self, relpath: str, signature: tuple[int, int, bool]) -> IndexEntry:
        from .document import Document, FrontMatterError
        from .fileio import read_document

        size, mtime_ns, regular = signature
        if not regular:
            return IndexEntry(relpath, size, mtime_ns, readable=False)
        racy = mtime_ns > time.time_ns() - RACY_NS
        try:  # regular files only, no link followed, never waiting on a pipe, at most the document size cap
            data = read_document(Path(self._base) / relpath)
        except OSError:
            return IndexEntry(relpath, size, mtime_ns, readable=False, racy=True)
        finally:
            with self._lock:
                self.reads += 1
        try:
            doc = Document.parse(data)
            fields = dict(doc.fields)
            lines = {key: doc.field_line(key) or 1 for key in fields}
        except (FrontMatterError, RecursionError, ValueError):
            return IndexEntry(relpath, size, mtime_ns, readable=False, racy=racy)
        except Exception:  # noqa: BLE001 - one file never breaks the index; it is read again next time
            return IndexEntry(relpath, size, mtime_ns, readable=False, racy=True)
        return IndexEntry(relpath, size, mtime_ns, fields, lines, True, racy)

    def _load_cache(self) -> None:
        """Fill the table from the cache file once (a missing or foreign cache is simply ignored).

        One JSON value per line: decoding a large file in one call would hold the interpreter lock for
        the whole file and stall the window; line by line, other threads run in between.
        """
        if self._loaded:
            return
        self._loaded = True
        assert self.cache_file is not None
        try:
            lines = self.cache_file.read_bytes().split(b"\n")
            header = json.loads(lines[0])
        except (OSError, ValueError):
            return
        if not (isinstance(header, dict) and header.get("format") == FORMAT and header.get("root") == str(self.root)):
            return
        loaded = {}
        for line in lines[1:]:
            try:
                raw = json.loads(line)
            except ValueError:
                continue
            if isinstance(raw, list) and raw and isinstance(raw[0], str):
                entry = IndexEntry.from_json(raw[0], raw[1:])
                if entry is not None:
                    loaded[raw[0]] = entry
        with self._lock:
            for path, entry in loaded.items():
                self._entries.setdefault(path, entry)

    # -- keeping it current ----------------------------------------------------------------------------------

    def sync(self, paths: Iterable[str], cancelled: Callable[[], bool] = lambda: False,
             progress: Callable[[int, int], None] | None = None) -> bool:
        """Check `paths` and every known file against the disk, reading only changed ones; False if cancelled.

        Files that are gone are dropped; other known files (a vocabulary's folder, say) are kept.
        """
        with self._sync_lock:
            return self._sync(paths, cancelled, progress)

    def _sync(self, paths: Iterable[str], cancelled: Callable[[], bool],
              progress: Callable[[int, int], None] | None) -> bool:
        self._load_cache()
        with self._lock:
            known = dict(self._entries)
        wanted = list(dict.fromkeys([*paths, *known]))
        fresh: dict[str, IndexEntry] = {}
        for number, relpath in enumerate(wanted):
            if number % 256 == 0:
                if cancelled():
                    return False
                if progress is not None:
                    progress(number, len(wanted))
            entry = self._current(relpath, known.get(relpath))
            if entry is not None:
                fresh[relpath] = entry
        with self._lock:
            if fresh.keys() != self._entries.keys() or any(not _same(self._entries.get(p), e)
                                                           for p, e in fresh.items()):
                self._dirty = True
            self._entries = fresh
        self.synced = True
        return True

    def _current(self, relpath: str, known: IndexEntry | None) -> IndexEntry | None:
        signature = _signature(os.path.join(self._base, relpath))
        if signature is None:
            return None
        if known is not None and not known.racy and (known.size, known.mtime_ns) == signature[:2]:
            return known
        return self._read(relpath, signature)

    def update(self, relpath: str) -> IndexEntry | None:
        """Re-check one file (after a save, or a change reported by git); None when it is gone."""
        self._load_cache()
        with self._lock:
            known = self._entries.get(relpath)
        entry = self._current(relpath, known)
        with self._lock:
            if entry is None:
                self._dirty |= self._entries.pop(relpath, None) is not None
            elif self._entries.get(relpath) is not entry:
                self._dirty |= not _same(self._entries.get(relpath), entry)
                self._entries[relpath] = entry
        return entry

    def forget(self, relpath: str) -> None:
        """Drop a file's entry (it was removed or renamed)."""
        with self._lock:
            if self._entries.pop(relpath, None) is not None:
                self._dirty = True

    # -- answering -------------------------------------------------------------------------------------------

    def get(self, relpath: str) -> IndexEntry | None:
        """The entry as last synced (no disk access when the file is known)."""
        with self._lock:
            entry = self._entries.get(relpath)
        return entry if entry is not None else self.update(relpath)

    def entries(self) -> dict[str, IndexEntry]:
        """A snapshot of every entry, by path."""
        with self._lock:
            return dict(self._entries)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    # -- persisting ------------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the cache file when something changed since it was read; False when nothing was written."""
        if self.cache_file is None:
            return False
        with self._lock:
            if not self._dirty:
                return False
            snapshot = dict(self._entries)
            self._dirty = False
        header = json.dumps({"format": FORMAT, "root": str(self.root)}).encode("ascii")
        try:
            # One line per entry (see _load_cache); ASCII escapes keep any text, even unpaired surrogates.
            body = [json.dumps([path, *entry.as_json()], separators=(",", ":"), default=str).encode("ascii")
                    for path, entry in snapshot.items()]
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.cache_file, b"\n".join([header, *body]))
        except (OSError, ValueError):
            with self._lock:
                self._dirty = True  # try again next time; a cache that cannot be written only costs speed
            return False
        return True
