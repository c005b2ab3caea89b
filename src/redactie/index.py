"""The document index: every document read and parsed once, kept per file and cached between runs (Qt-free).

Each entry holds what the list, the relation choices, the macros and the id check need (title, the front
matter's values, the line of each key). An entry is valid for the file's size and modification time; a sync
stats every file and reads only the ones whose stat differs. The index is saved in the user's cache folder
(REDACTIE_HOME overrides it, like the data folder), so a second start reads no unchanged file.

The cache is one `marshal` file: Python's own fast serialisation of plain values, read back in well under
a millisecond per hundred entries, and unable to run code when read (unlike pickle). Anything in it that is
not what this version writes is ignored, so a damaged or foreign cache only costs one reading of the files.
Safe to use from several threads: entries are immutable and the table is guarded by a lock.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import marshal
import os
import re
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from .fileio import MAX_DOCUMENT_BYTES, atomic_write, read_document

FORMAT = 4  # bump when what an entry holds, or how it is computed, changes
APP = "Redactie"
# File systems with coarse timestamps (FAT: 2 s) can change a file without changing its size or time when the
# change follows within this window: an entry read that soon after the file's time is read again next time.
RACY_NS = 2_000_000_000
CHUNK = 500  # entries per separately decoded part of the cache: each decodes in about a millisecond
MAGIC = "redactie-index"


def cache_dir() -> Path:
    """The user's cache folder (REDACTIE_HOME overrides it, for tests and portable use)."""
    override = os.environ.get("REDACTIE_HOME")
    return Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP, appauthor=False))


def cache_file_for(root: Path) -> Path:
    """Where the index of the repository at `root` is kept."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir() / "index" / f"{digest}.index"


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
    search: str = ""  # the path and every value as one lower-case text, what the list's filter looks in

    @property
    def title(self) -> str | None:
        """The document's title, when it has a non-empty one."""
        title = self.fields.get("title")
        return title if isinstance(title, str) and title.strip() else None

    def field_line(self, key: str) -> int | None:
        """1-based line of the key in the file, or None (the same answer as `Document.field_line`)."""
        return self.lines.get(key)

    def as_row(self) -> tuple[Any, ...]:
        """The entry as plain values for the cache (see `from_row`)."""
        return (self.path, self.size, self.mtime_ns, plain(self.fields), plain(self.lines), self.readable, self.racy,
                self.search)

    @classmethod
    def from_row(cls, raw: object) -> IndexEntry | None:
        """The entry stored by `as_row`, or None when the stored form is not what this version writes.

        The mappings are taken as decoded, not rebuilt: their keys were interned when the entry was read
        (`interned`), and `marshal` stores an interned string as such, so they come back shared.
        """
        if not (type(raw) is tuple and len(raw) == 8):
            return None
        path, size, mtime_ns, fields, lines, readable, racy, search = raw
        if not (type(path) is str and type(size) is int and type(mtime_ns) is int and type(fields) is dict
                and type(lines) is dict and type(readable) is bool and type(racy) is bool and type(search) is str):
            return None
        return cls(path, size, mtime_ns, fields, lines, readable, racy, search)


def interned(mapping: Mapping[Any, Any]) -> dict[Any, Any]:
    """`mapping` as a dict whose text keys are interned: keys repeat in every document, so one string each."""
    return {sys.intern(k) if type(k) is str else k: v for k, v in mapping.items()}


def flat(value: object) -> str:
    """A front-matter value as one text: list items and mapping keys and values joined by spaces."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(v if isinstance(v, str) else flat(v) for v in value)
    if isinstance(value, dict):
        return " ".join(f"{k} {flat(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def search_text(path: str, fields: Mapping[str, Any]) -> str:
    """What the list's filter looks in: the path and every value (the title among them), in lower case."""
    return " ".join([path, *(flat(v) for v in fields.values())]).lower()


def plain(value: object) -> Any:
    """`value` as the plain types the cache holds: the YAML reader's own mappings and lists become dict and
    list, and any other value (a date) its text, as it would be shown."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, Mapping):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while building a large structure of plain values (the index, the list).

    Every full collection walks every object alive; building tens of thousands of entries triggers several,
    so the time grew faster than the repository (30k documents: twice the time per entry of 10k). The
    entries hold no cycles, and the collector runs again, as before, once they are built.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def front_matter(data: bytes) -> tuple[dict[str, Any], dict[str, int]] | None:
    """A file's fields and the 1-based line of each key, as `Document.parse` reads them, without reading the
    body (the index needs no headings); None when the front matter is never closed. Raises FrontMatterError
    (or ValueError) as `Document.parse` does for front matter it cannot read."""
    from .document.frontmatter import CLOSE_RE, OPEN_RE, FrontMatter
    from .document.text import content, decode, split_lines

    _, text = decode(data)
    lines = split_lines(text)
    if not (lines and OPEN_RE.fullmatch(content(lines[0]))):
        return {}, {}
    close = next((i for i in range(1, len(lines)) if CLOSE_RE.fullmatch(content(lines[i]))), None)
    if close is None:
        return None
    matter = FrontMatter(lines, close)
    fields = dict(matter.fields)
    return fields, {key: matter.occurrences(key)[-1].first + 1 for key in fields}


# A character YAML does not allow unescaped, a tab, or a CR that does not end a line.
_NOT_PLAIN = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]|\r(?!\n)")
# An anchor or a tag where a value can start (line start, after `key: `, `- `, `? `, or in brackets); inside a
# plain text (`a && b`) they are just text.
_PROPERTY = re.compile(r"(?:^[ ]*|[:?-][ ]+|[\[{,][ ]*)[&!]\S", re.MULTILINE)
_KEY_LINE = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):(?:[ ]+(.*))?$")
_OPENER = re.compile(r"[ ]*(?:-[ ]+)*(?:[A-Za-z0-9_][A-Za-z0-9_.-]*:[ ]+)?(?=[\"'\[{])")


@functools.cache
def _quick_parts() -> tuple[Any, Any, Any, Any]:
    """The document reader's parts the quick read shares (imported when first needed: they load ruamel)."""
    from .document.fastscan import one_line_value
    from .document.frontmatter import CLOSE_RE, OPEN_RE
    from .document.text import decode

    return one_line_value, CLOSE_RE, OPEN_RE, decode


def quick_title(data: bytes) -> tuple[bool, str | None]:
    """(certain, title) from a quick look at the front matter: certain only where the full reader
    (`front_matter`, then `IndexEntry.title`) is sure to give the same title; (False, None) otherwise.

    Taken: a single top-level `title:` line with a one-line plain or simply quoted value that no indented line
    after it continues, in a front matter whose every top-level line is understood (a `key:` line, a `- `
    item, a comment, a blank line), without anchors or tags, and where no line opens a quoted or bracketed
    value that it does not close (a multi-line value could swallow the `title:` line). Checks over the whole
    front matter run in C (str methods); only lines that need it get a regular expression.
    """
    one_line_value, close_re, open_re, decode = _quick_parts()
    try:
        _, text = decode(data)
    except (ValueError, LookupError):
        return False, None
    first_end = text.find("\n")
    if first_end < 0 or not open_re.fullmatch(text[:first_end].removesuffix("\r")):
        return False, None
    close = _close_line(text, first_end, close_re)
    if close < 0:
        return False, None
    matter = text[first_end + 1 : close].replace("\r\n", "\n")
    lines = matter.split("\n")
    if not matter.replace("\n", " ").isprintable() and _NOT_PLAIN.search(matter):
        return False, None
    if ("&" in matter or "!" in matter) and _PROPERTY.search(matter):
        return False, None
    check_openers = '"' in matter or "'" in matter or "[" in matter or "{" in matter
    title_raw: str | None = None
    after_title = False
    started = False  # a top-level line came
    for line in lines:
        first = line[:1]
        if check_openers and ('"' in line or "'" in line or "[" in line or "{" in line):
            opener = _OPENER.match(line)
            if opener is not None and not one_line_value(line[opener.end() :])[0]:
                return False, None  # a quoted or bracketed value that may go on over the next lines
        if first == " ":
            if not started and line.strip(" ") and not line.lstrip(" ").startswith("#"):
                return False, None  # the first key is indented: the top level is at that indentation
            if after_title and line.strip(" "):
                return False, None  # an indented line after the title, before the next key: it may continue it
            continue
        if not first or first == "#":
            continue
        started = True
        after_title = False
        if first == "-" and (line == "-" or line[1] == " "):
            continue
        match = _KEY_LINE.match(line)
        if match is None:
            return False, None  # a top-level line only the full reader understands
        if match.group(1) == "title":
            if title_raw is not None:
                return False, None  # the key twice
            title_raw, after_title = match.group(2) or "", True
    if title_raw is None:
        return True, None
    understood, value = one_line_value(title_raw)
    if not understood or not isinstance(value, str):
        return False, None
    return True, value if value.strip() else None


def _close_line(text: str, start: int, close_re: re.Pattern[str]) -> int:
    """Where the front matter's closing line starts (the first `---` or `...` line after `start`), or -1."""
    pos = start
    while True:
        dashes, dots = text.find("\n---", pos), text.find("\n...", pos)
        found = min(dashes, dots) if dashes >= 0 and dots >= 0 else max(dashes, dots)
        if found < 0:
            return -1
        end = text.find("\n", found + 1)
        if close_re.fullmatch(text[found + 1 : end if end >= 0 else len(text)].removesuffix("\r")):
            return found + 1
        pos = found + 1


Signatures = dict[str, "tuple[int, int, bool] | None"]  # path -> (size, mtime_ns, regular) or None when gone


def _signature(full: str) -> tuple[int, int, bool] | None:
    """(size, mtime_ns, is a regular file) without following a symbolic link; None when it is gone."""
    try:
        info = os.lstat(full)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, stat.S_ISREG(info.st_mode)


def _provisional(relpath: str, size: int, mtime_ns: int, title: str | None) -> IndexEntry:
    """An entry for a first listing from a quick read's title: racy, so any sync reads the file in full."""
    fields = {"title": title} if title is not None else {}
    return IndexEntry(relpath, size, mtime_ns, fields, {}, True, True, search_text(relpath, fields))


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
        from .document import FrontMatterError

        size, mtime_ns, regular = signature
        if not regular:
            return IndexEntry(relpath, size, mtime_ns, readable=False)
        racy = mtime_ns > time.time_ns() - RACY_NS
        try:  # regular files only, no link followed, never waiting on a pipe, at most the document size cap
            data = read_document(os.path.join(self._base, relpath), checked=True)  # `signature` is the check
        except OSError:
            return IndexEntry(relpath, size, mtime_ns, readable=False, racy=True)
        finally:
            with self._lock:
                self.reads += 1
        try:
            found = front_matter(data)
            if found is None:
                return IndexEntry(relpath, size, mtime_ns, readable=False, racy=racy)
            fields, lines = found
        except (FrontMatterError, RecursionError, ValueError):
            return IndexEntry(relpath, size, mtime_ns, readable=False, racy=racy)
        except Exception:  # noqa: BLE001 - one file never breaks the index; it is read again next time
            return IndexEntry(relpath, size, mtime_ns, readable=False, racy=True)
        fields = interned(plain(fields))
        return IndexEntry(relpath, size, mtime_ns, fields, interned(lines), True, racy, search_text(relpath, fields))

    def _load_cache(self) -> None:
        """Fill the table from the cache file once (a missing, damaged or foreign cache is simply ignored).

        The entries are stored in parts of CHUNK entries, each decoded on its own: decoding the whole file in
        one call would hold the interpreter lock for that long and stall the window; in parts, other
        threads run in between.
        """
        if self._loaded:
            return
        self._loaded = True
        assert self.cache_file is not None
        loaded: dict[str, IndexEntry] = {}
        try:
            with gc_paused():
                self._decode(self.cache_file.read_bytes(), loaded)
        except (OSError, ValueError, EOFError, TypeError):
            return
        with self._lock:
            for path, entry in loaded.items():
                self._entries.setdefault(path, entry)

    def reload(self) -> int:
        """Take what another process (`index_worker`) saved in the cache file: each of its entries replaces this
        index's entry of that file unless both are the same; a `sync` then checks them against the disk as
        ever. Returns how many entries were taken (0 when the file is missing, damaged or foreign)."""
        if self.cache_file is None:
            return 0
        if not self._loaded:  # not read yet: reading it now takes it all
            before = len(self)
            self._load_cache()
            return len(self) - before
        loaded: dict[str, IndexEntry] = {}
        try:
            with gc_paused():
                self._decode(self.cache_file.read_bytes(), loaded)
        except (OSError, ValueError, EOFError, TypeError):
            return 0
        taken = 0
        with self._lock:
            for path, entry in loaded.items():
                if not _same(self._entries.get(path), entry):
                    self._entries[path] = entry
                    taken += 1
            # Every entry of the file is now here as the file holds it: only entries beyond them are unsaved.
            self._dirty = len(self._entries) != len(loaded)
        return taken

    def _decode(self, data: bytes, loaded: dict[str, IndexEntry]) -> None:
        """Fill `loaded` from the cache file's bytes, part by part; nothing when it is another root or format."""
        header = marshal.loads(data)
        if not (isinstance(header, tuple) and len(header) == 4 and header[:3] == (MAGIC, FORMAT, str(self.root))
                and isinstance(header[3], list)):
            return
        for part in header[3]:
            rows = marshal.loads(part) if isinstance(part, bytes) else None
            for raw in rows if isinstance(rows, list) else ():
                entry = IndexEntry.from_row(raw)
                if entry is not None:
                    loaded[entry.path] = entry

    # -- keeping it current ----------------------------------------------------------------------------------

    def sync(self, paths: Iterable[str], cancelled: Callable[[], bool] = lambda: False,
             progress: Callable[[int, int], None] | None = None, seen: Signatures | None = None) -> bool:
        """Check `paths` and every known file against the disk, reading only changed ones; False if cancelled.

        Files that are gone are dropped; other known files (a vocabulary's folder, say) are kept. `seen` holds
        signatures a `stale` call just took (the same moment's disk): those files are not stat'ed again.
        """
        with self._sync_lock:
            return self._sync(paths, cancelled, progress, seen or {})

    def _sync(self, paths: Iterable[str], cancelled: Callable[[], bool],
              progress: Callable[[int, int], None] | None, seen: Signatures) -> bool:
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
            if relpath in seen:
                entry = self._checked(relpath, known.get(relpath), seen[relpath])
            else:
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
        return self._checked(relpath, known, _signature(os.path.join(self._base, relpath)))

    def _checked(self, relpath: str, known: IndexEntry | None,
                 signature: tuple[int, int, bool] | None) -> IndexEntry | None:
        """`known` while `signature` (the file's stat, None when gone) matches it, else the file read anew."""
        if signature is None:
            return None
        if known is not None and not known.racy and (known.size, known.mtime_ns) == signature[:2]:
            return known
        return self._read(relpath, signature)

    def stale(self, paths: Iterable[str], seen: Signatures | None = None) -> list[str]:
        """The paths among `paths` whose entry is missing or outdated (a stat of each; nothing is read).

        Each stat is kept in `seen` when given, for a `sync` that follows at once (see there).
        """
        self._load_cache()
        with self._lock:
            known = dict(self._entries)
        found = []
        for relpath in paths:
            entry = known.get(relpath)
            signature = _signature(os.path.join(self._base, relpath))
            if seen is not None:
                seen[relpath] = signature
            if signature is not None and (entry is None or entry.racy or (entry.size, entry.mtime_ns) != signature[:2]):
                found.append(relpath)
        return found

    def glance(self, paths: Iterable[str], cancelled: Callable[[], bool] = lambda: False,
               seen: Signatures | None = None) -> dict[str, IndexEntry] | None:
        """Provisional entries for a first listing of files the index does not know yet, none stored: each file's
        title by `quick_title` where that is certain, else the file read in full (that entry is stored, being
        complete). None when cancelled. The full `sync` completes the index afterwards. `seen` holds stats a
        `stale` call just took: those files are not stat'ed again (as in `sync`)."""
        found: dict[str, IndexEntry] = {}
        seen = seen or {}
        for number, relpath in enumerate(paths):
            if number % 256 == 0 and cancelled():
                return None
            signature = seen[relpath] if relpath in seen else _signature(os.path.join(self._base, relpath))
            if signature is None:
                continue
            size, mtime_ns, regular = signature
            data = None
            if regular and size <= MAX_DOCUMENT_BYTES:
                try:  # the stat above is the check: opening refuses a link by itself
                    data = read_document(os.path.join(self._base, relpath), checked=True)
                except OSError:
                    pass  # the full reading below explains it
            certain, title = quick_title(data) if data is not None else (False, None)
            if certain:
                found[relpath] = _provisional(relpath, size, mtime_ns, title)
            else:
                entry = self._read(relpath, signature)
                with self._lock:
                    if self._entries.get(relpath) is None or not _same(self._entries[relpath], entry):
                        self._entries[relpath] = entry
                        self._dirty = True
                found[relpath] = entry
        return found

    @staticmethod
    def provisional(titles: Mapping[str, str | None], seen: Signatures) -> dict[str, IndexEntry]:
        """Provisional entries as `glance` makes them, for titles another process took by the same reading
        (`index_worker`), with the stats in `seen` (a title without one is left out); none stored."""
        found: dict[str, IndexEntry] = {}
        for relpath, title in titles.items():
            signature = seen.get(relpath)
            if signature is not None:
                found[relpath] = _provisional(relpath, signature[0], signature[1], title)
        return found

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
        rows = [entry.as_row() for entry in snapshot.values()]
        try:
            parts = [marshal.dumps(rows[n:n + CHUNK]) for n in range(0, len(rows), CHUNK)]
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.cache_file, marshal.dumps((MAGIC, FORMAT, str(self.root), parts)))
            self.cache_file.with_suffix(".json").unlink(missing_ok=True)  # the earlier versions' form
        except (OSError, ValueError):
            with self._lock:
                self._dirty = True  # try again next time; a cache that cannot be written only costs speed
            return False
        return True
