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
import hashlib
import marshal
import os
import re
import stat
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import platformdirs

from .collection import gc_paused
from .fileio import MAX_DOCUMENT_BYTES, atomic_write, read_document

FORMAT = 5  # bump when what an entry holds, or how it is computed, changes
APP = "Redactie"
# File systems with coarse timestamps (FAT: 2 s) can change a file without changing its size or time when the
# change follows within this window: an entry read that soon after the file's time is read again next time.
RACY_NS = 2_000_000_000
CHUNK = 500  # entries per separately decoded part of the cache: each decodes in about a millisecond
MAGIC = "redactie-index"
LOG_LIMIT = 4096  # changed paths remembered for `changes_since`; more at once, and a reader rebuilds what it keeps


def cache_dir() -> Path:
    """The user's cache folder (REDACTIE_HOME overrides it, for tests and portable use)."""
    override = os.environ.get("REDACTIE_HOME")
    return Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP, appauthor=False))


def cache_file_for(root: Path) -> Path:
    """Where the index of the repository at `root` is kept."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir() / "index" / f"{digest}.index"


class _Part:
    """Up to CHUNK entries' details (fields, key lines, search text) as stored in the cache, decoded when one of
    them is first asked for: a start lists 10,000 documents from their stored titles without decoding them."""

    __slots__ = ("_data", "_crc", "_rows", "_lock", "_paths", "_reread")

    def __init__(self, data: memoryview, crc: int, paths: list[str],
                 reread: Callable[[str], tuple[dict[str, Any], dict[str, int], str]]) -> None:
        self._data: memoryview | None = data
        self._crc = crc
        self._rows: list[tuple[dict[str, Any], dict[str, int], str]] | None = None
        self._lock = threading.Lock()
        self._paths = paths
        self._reread = reread

    def rows(self) -> list[tuple[dict[str, Any], dict[str, int], str]]:
        """The decoded details, in the order of the part's paths."""
        rows = self._rows
        if rows is None:
            with self._lock:
                if self._rows is None:
                    self._rows = self._decode()
                    self._data = None
                rows = self._rows
        return rows

    def _decode(self) -> list[tuple[dict[str, Any], dict[str, int], str]]:
        assert self._data is not None
        rows = None
        try:
            if zlib.crc32(self._data) == self._crc:
                with gc_paused():
                    rows = marshal.loads(self._data)
        except (ValueError, EOFError, TypeError):
            pass
        if (type(rows) is list and len(rows) == len(self._paths)
                and all(type(row) is tuple and len(row) == 3 and type(row[0]) is dict and type(row[1]) is dict
                        and type(row[2]) is str for row in rows)):
            return rows
        # A damaged part (the heads were sound): its files are read again rather than trusted.
        return [self._reread(path) for path in self._paths]


class IndexEntry:
    """What is known about one file, valid while its size and modification time are these. Immutable.

    `fields` is the front matter's values as plain types, `lines` the 1-based line of each key, `search` the path
    and every value as one lower-case text (what the list's filter looks in). An entry from the cache decodes
    these three with its part of the cache, when first asked for; its title is stored on its own.
    """

    __slots__ = ("path", "size", "mtime_ns", "readable", "racy", "title", "_details", "_at")

    path: str
    size: int
    mtime_ns: int
    readable: bool  # False: not a regular file, unreadable, or its front matter cannot be read
    racy: bool  # modified so shortly before it was read that a later change may keep the same stat
    title: str | None  # the document's title, when it has a non-empty one

    def __init__(self, path: str, size: int, mtime_ns: int, fields: Mapping[str, Any] | None = None,
                 lines: Mapping[str, int] | None = None, readable: bool = True, racy: bool = False,
                 search: str = "") -> None:
        fields = {} if fields is None else fields
        self.path, self.size, self.mtime_ns, self.readable, self.racy = path, size, mtime_ns, readable, racy
        self.title = _title_of(fields)
        self._details: Any = (fields, {} if lines is None else lines, search)
        self._at = -1

    @classmethod
    def _stored(cls, path: str, size: int, mtime_ns: int, readable: bool, racy: bool, title: str | None,
                part: _Part, at: int) -> IndexEntry:
        entry = cls.__new__(cls)
        entry.path, entry.size, entry.mtime_ns, entry.readable, entry.racy = path, size, mtime_ns, readable, racy
        entry.title, entry._details, entry._at = title, part, at
        return entry

    def _get(self) -> tuple[Mapping[str, Any], Mapping[str, int], str]:
        details = self._details
        return details if self._at < 0 else details.rows()[self._at]

    @property
    def fields(self) -> Mapping[str, Any]:
        """The front matter's values, as plain types."""
        return self._get()[0]

    @property
    def lines(self) -> Mapping[str, int]:
        """The 1-based line of each key."""
        return self._get()[1]

    @property
    def search(self) -> str:
        """The path and every value as one lower-case text ("" for an entry made without it)."""
        return self._get()[2]

    @property
    def decoded(self) -> bool:
        """False while the entry's details are still stored undecoded (tests and benchmarks look)."""
        return self._at < 0 or self._details._rows is not None

    def field_line(self, key: str) -> int | None:
        """1-based line of the key in the file, or None (the same answer as `Document.field_line`)."""
        return self.lines.get(key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IndexEntry):
            return NotImplemented
        return ((self.path, self.size, self.mtime_ns, self.readable, self.racy, self.title)
                == (other.path, other.size, other.mtime_ns, other.readable, other.racy, other.title)
                and self._get() == other._get())

    __hash__ = None  # type: ignore[assignment]  # equal entries hold equal (unhashable) mappings

    def __repr__(self) -> str:
        return (f"IndexEntry({self.path!r}, {self.size}, {self.mtime_ns}, readable={self.readable}, "
                f"racy={self.racy}, title={self.title!r})")


def _title_of(fields: Mapping[str, Any]) -> str | None:
    title = fields.get("title")
    return title if isinstance(title, str) and title.strip() else None


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


def title_at_once(path: str) -> str | None:
    """The title of the file at `path` by `quick_title` when that is certain, else None (also when it is not a
    regular file, too large or unreadable): for a row in sight before the titles are read."""
    signature = _signature(path)
    if signature is None or not signature[2] or signature[0] > MAX_DOCUMENT_BYTES:
        return None
    try:
        data = read_document(path, checked=True)
    except OSError:
        return None
    certain, title = quick_title(data)
    return title if certain else None


def prepare_quick_titles() -> None:
    """Import what `quick_title` needs (the document reader's parts), so a first call on the GUI thread need not."""
    _quick_parts()


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
        # Only for `reads`: reading a file never takes the table's lock, which is held while comparing entries
        # (and so while decoding a part of the cache, which may read its files again when it is damaged).
        self._reads_lock = threading.Lock()
        self._sync_lock = threading.Lock()  # one whole sync at a time: a second one then finds everything read
        self._entries: dict[str, IndexEntry] = {}
        self._dirty = False
        self._loaded = cache_file is None
        self.synced = False  # True once a whole sync ran in this process: from then on it is kept current
        # Every change of the table counts one version; the paths of the latest changes are kept in order, so a
        # reader that keeps something made from the entries (the ids, see `validation.ids`) updates only those.
        self.derived: dict[object, object] = {}  # what readers make from the entries and keep (see changes_since)
        self.derived_lock = threading.Lock()
        self._version = 0
        self._log: list[str] = []  # the i-th path changed at version _log_base + i + 1
        self._log_base = 0

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
            with self._reads_lock:
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

        Only the heads are decoded here (path, stat, title: what a start needs to list every document); each
        part of CHUNK entries' details is decoded when one of its entries is first asked for, on its own, so no
        decoding holds the interpreter lock for long.
        """
        if self._loaded:
            return
        self._loaded = True
        assert self.cache_file is not None
        try:
            with gc_paused():
                loaded = self._decode(self.cache_file.read_bytes())
        except (OSError, ValueError, EOFError, TypeError, OverflowError):
            return
        with self._lock:
            for path, entry in loaded.items():
                self._entries.setdefault(path, entry)
            self._note_all()

    def _decode(self, data: bytes) -> dict[str, IndexEntry]:
        """The entries in the cache file's bytes (none when it is another root, format or damaged).

        The file is an 8-byte length, a header (magic, format, root, then the length and CRC-32 of the heads and
        of each part), the heads (five columns: paths, sizes, modification times, flags, titles), then the
        parts. A part whose checksum fails is not trusted: its files are read again when it is first needed.
        """
        size = int.from_bytes(data[:8], "little")
        header = marshal.loads(data[8:8 + size])
        if not (type(header) is tuple and len(header) == 5 and header[:3] == (MAGIC, FORMAT, str(self.root))
                and type(header[3]) is tuple and type(header[4]) is list
                and all(type(sizes) is tuple and len(sizes) == 2 and all(type(n) is int and n >= 0 for n in sizes)
                        for sizes in [header[3], *header[4]])):
            return {}
        (heads_length, heads_crc), parts = header[3], header[4]
        start = 8 + size + heads_length
        if start + sum(length for length, _ in parts) != len(data):
            return {}  # cut short or grown: not what was written
        view = memoryview(data)
        if zlib.crc32(view[8 + size:start]) != heads_crc:
            return {}
        heads = marshal.loads(view[8 + size:start])
        if not (type(heads) is tuple and len(heads) == 5 and all(type(column) is list for column in heads)
                and len({len(column) for column in heads}) == 1 and -(-len(heads[0]) // CHUNK) == len(parts)):
            return {}
        paths, sizes, times, flags, titles = heads
        if not (all(type(p) is str for p in paths) and all(type(n) is int for n in sizes)
                and all(type(n) is int for n in times) and all(type(n) is int for n in flags)
                and all(t is None or type(t) is str for t in titles)):
            return {}
        stored, found = IndexEntry._stored, {}
        for number, (length, crc) in enumerate(parts):
            first = number * CHUNK
            part = _Part(view[start:start + length], crc, paths[first:first + CHUNK], self._details_from_disk)
            start += length
            for at, n in enumerate(range(first, min(first + CHUNK, len(paths)))):
                flag = flags[n]
                found[paths[n]] = stored(paths[n], sizes[n], times[n], bool(flag & 1), bool(flag & 2), titles[n],
                                         part, at)
        return found

    def _details_from_disk(self, relpath: str) -> tuple[dict[str, Any], dict[str, int], str]:
        """A file's details read anew, for a part of the cache that turned out damaged."""
        signature = _signature(os.path.join(self._base, relpath))
        entry = self._read(relpath, signature) if signature is not None else IndexEntry(relpath, 0, 0)
        fields, lines, search = entry._get()
        return dict(fields), dict(lines), search or search_text(relpath, fields)

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
        try:
            with gc_paused():
                loaded = self._decode(self.cache_file.read_bytes())
        except (OSError, ValueError, EOFError, TypeError, OverflowError):
            return 0
        with self._lock:
            taken = [path for path, entry in loaded.items() if not _same(self._entries.get(path), entry)]
            for path in taken:
                self._entries[path] = loaded[path]
            # Every entry of the file is now here as the file holds it: only entries beyond them are unsaved.
            self._dirty = len(self._entries) != len(loaded)
            self._note(taken)
        return len(taken)


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
            old = self._entries
            changed = [p for p, e in fresh.items() if old.get(p) is not e] + [p for p in old if p not in fresh]
            if fresh.keys() != old.keys() or any(not _same(old.get(p), fresh[p]) for p in changed):
                self._dirty = True
            self._entries = fresh
            self._note(changed)
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
        seen = {} if seen is None else seen
        for number, relpath in enumerate(paths):
            if number % 256 == 0 and cancelled():
                return None
            if relpath in seen:  # None: gone
                signature = seen[relpath]
            else:
                signature = seen[relpath] = _signature(os.path.join(self._base, relpath))
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
                        self._note([relpath])
                found[relpath] = entry
        return found

    def provisional(self, titles: Mapping[str, str | None], seen: Signatures) -> dict[str, IndexEntry]:
        """Provisional entries as `glance` makes them, for titles another process took by the same reading
        (`index_worker`), with the stats in `seen` (a file not stat'ed yet is stat'ed now, and left out when it is
        gone); none stored."""
        found: dict[str, IndexEntry] = {}
        for relpath, title in titles.items():
            if relpath in seen:  # None: gone
                signature = seen[relpath]
            else:
                signature = seen[relpath] = _signature(os.path.join(self._base, relpath))
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
                if self._entries.pop(relpath, None) is not None:
                    self._dirty = True
                    self._note([relpath])
            elif self._entries.get(relpath) is not entry:
                self._dirty |= not _same(self._entries.get(relpath), entry)
                self._entries[relpath] = entry
                self._note([relpath])
        return entry

    def forget(self, relpath: str) -> None:
        """Drop a file's entry (it was removed or renamed)."""
        with self._lock:
            if self._entries.pop(relpath, None) is not None:
                self._dirty = True
                self._note([relpath])

    def _note(self, paths: list[str]) -> None:
        """Count a change of each of `paths` (the table's lock is held)."""
        if len(self._log) + len(paths) > LOG_LIMIT:
            self._note_all()
            return
        self._version += len(paths)
        self._log += paths

    def _note_all(self) -> None:
        """Count a change of anything (the table's lock is held): readers rebuild what they keep."""
        self._version += 1
        self._log = []
        self._log_base = self._version

    # -- answering -------------------------------------------------------------------------------------------

    def changes_since(self, version: int) -> tuple[int, set[str] | None]:
        """The current version, and the paths whose entry changed (came, went, or was replaced) since `version`;
        None in place of the paths when that is not known (too many changes, or `version` is older): then
        anything may have changed. Start with version -1."""
        with self._lock:
            if version < self._log_base or version > self._version:
                return self._version, None
            return self._version, set(self._log[version - self._log_base:])

    def cached(self) -> dict[str, IndexEntry]:
        """Every entry as the cache file holds it (and what was read since), none checked against the disk: for
        a list shown at once, which a `sync` then brings in line."""
        self._load_cache()
        return self.entries()

    def peek(self, relpath: str) -> IndexEntry | None:
        """The entry as it is in the table (None when there is none): no disk access, ever."""
        with self._lock:
            return self._entries.get(relpath)

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
        ordered = list(snapshot.values())
        try:
            heads = marshal.dumps(([e.path for e in ordered], [e.size for e in ordered],
                                   [e.mtime_ns for e in ordered], [e.readable | e.racy << 1 for e in ordered],
                                   [e.title for e in ordered]))
            parts = [marshal.dumps([(plain(e.fields), plain(e.lines), e.search) for e in ordered[n:n + CHUNK]])
                     for n in range(0, len(ordered), CHUNK)]
            header = marshal.dumps((MAGIC, FORMAT, str(self.root), (len(heads), zlib.crc32(heads)),
                                    [(len(part), zlib.crc32(part)) for part in parts]))
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.cache_file, b"".join([len(header).to_bytes(8, "little"), header, heads, *parts]))
            self.cache_file.with_suffix(".json").unlink(missing_ok=True)  # the earlier versions' form
        except (OSError, ValueError):
            with self._lock:
                self._dirty = True  # try again next time; a cache that cannot be written only costs speed
            return False
        return True


class DerivedTable:
    """Something kept from each readable entry of an index (the ids, the relations), brought up to date from
    the index's changes only (`DocumentIndex.changes_since`): asking it costs time in proportion to what
    changed, not to the repository. Subclasses say what to keep (`add`) and forget (`drop`, `clear`); readers
    hold `lock` while they look."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._version = -1

    @classmethod
    def of(cls, index: DocumentIndex, *key: object) -> Any:
        """The table of this class kept with `index` under `key` (made on first use), brought up to date."""
        with index.derived_lock:
            table = index.derived.get((cls, *key))
            if not isinstance(table, cls):
                table = index.derived[(cls, *key)] = cls(*key)
        table.refresh(index)
        return table

    @classmethod
    def existing(cls, index: DocumentIndex, *key: object) -> Any:
        """The table of this class kept with `index` under `key`, as it is (not brought up to date), or None."""
        with index.derived_lock:
            table = index.derived.get((cls, *key))
        return table if isinstance(table, cls) else None

    def refresh(self, index: DocumentIndex) -> None:
        """Take in the index's changes since the last refresh (everything, the first time)."""
        with self.lock:
            version, changed = index.changes_since(self._version)
            if changed is None:
                self.clear()
                changed = set(index.entries())
            for path in changed:
                self.drop(path)
                entry = index.peek(path)
                if entry is not None and entry.readable:
                    self.add(path, entry)
            self._version = version

    @property
    def version(self) -> int:
        """The index's version the table was last brought up to (-1: never)."""
        return self._version

    def clear(self) -> None:
        """Forget everything."""
        raise NotImplementedError

    def drop(self, path: str) -> None:
        """Forget what was kept of `path`."""
        raise NotImplementedError

    def add(self, path: str, entry: IndexEntry) -> None:
        """Keep what is needed of `path`'s entry."""
        raise NotImplementedError

