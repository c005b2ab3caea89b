"""Safe file access: atomic writes inside the repository, and reads of regular files only (Qt-free).

A reader sees the old bytes or the new ones, never half a file. Nothing is read from or written through a
symbolic link, a FIFO or a device; nothing is written outside the repository it belongs to.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path, PurePosixPath

from .folders import SKIP_DIRS

# What is read as a document: far above any real requirement document (the largest is about 32 KB).
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024

_STARTED = time.time()
# mkstemp's names for what the app writes in a repository (documents, the schema):
# `.<name>.md.<8 random characters>.tmp` (see atomic_write).
_TEMPORARY_RE = re.compile(r"^\..+\.(md|yaml|yml|json)\.[a-z0-9_]{8}\.tmp$")


class FileRefused(OSError):
    """A file that is not read or written as asked, with the reason in Dutch and English."""

    def __init__(self, path: Path | str, nl: str, en: str) -> None:
        super().__init__(f"{os.fsdecode(path)}: {en}")
        self.path = str(path)
        self.strerror = nl
        self.message_nl, self.message_en = nl, en

    def localized(self, language: str) -> str:
        """The reason in `language` ("nl" or "en")."""
        return self.message_nl if language.startswith("nl") else self.message_en


def printable(path: str | os.PathLike[str]) -> str:
    """A path as text that can always be printed and encoded (undecodable bytes become U+FFFD)."""
    text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _kind_problem(path: Path | str, mode: int) -> FileRefused | None:
    if stat.S_ISLNK(mode):
        return FileRefused(path, "dit is een koppeling (symbolische link) naar een ander bestand; Redactie opent "
                           "en bewaart alleen gewone bestanden in de repository",
                           "this is a link (symbolic link) to another file; Redactie opens and saves only "
                           "regular files inside the repository")
    if not stat.S_ISREG(mode):
        return FileRefused(path, "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp); het "
                           "wordt niet geopend",
                           "this is not a regular file (but for instance a device or a pipe); it is not opened")
    return None


def _too_large(path: Path | str, size: int, limit: int) -> FileRefused:
    return FileRefused(path, f"het bestand is te groot om als document te openen ({size // 1024} kB; het maximum "
                       f"is {limit // 1024} kB); bewerk het in een ander programma",
                       f"the file is too large to open as a document ({size // 1024} kB; the limit is "
                       f"{limit // 1024} kB); edit it in another program")


def file_problem(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> FileRefused | None:
    """Why `path` cannot be read as a document (a link, not a regular file, too large), or None; never follows."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    problem = _kind_problem(path, info.st_mode)
    if problem is None and info.st_size > limit:
        problem = _too_large(path, info.st_size, limit)
    return problem


def read_document(path: Path | str, limit: int = MAX_DOCUMENT_BYTES, checked: bool = False) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; FileRefused (an OSError) for anything else.

    The file is opened without following a link and without waiting on a pipe, so neither a link to
    `/dev/zero` nor a FIFO can make the caller read forever. `checked`: the caller's own `lstat` just found a
    regular file within the limit, so the first check is left out where opening refuses a link by itself.
    """
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    flags = os.O_RDONLY | nofollow | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not (checked and nofollow):  # also the only check where O_NOFOLLOW does not exist (Windows)
        problem = file_problem(Path(path), limit)
        if problem is not None:
            raise problem
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileRefused(path, *_link_texts()) from exc
        raise
    try:
        info = os.fstat(fd)
        problem = _kind_problem(path, info.st_mode)
        if problem is not None:
            raise problem
        if info.st_size > limit:
            raise _too_large(path, info.st_size, limit)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_large(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _link_texts() -> tuple[str, str]:
    problem = _kind_problem("", stat.S_IFLNK)
    assert problem is not None
    return problem.message_nl, problem.message_en


def _outside(root: Path, relpath: str) -> FileRefused:
    return FileRefused(relpath, f"'{printable(relpath)}' ligt buiten de repository {printable(root)}; daar schrijft "
                       "Redactie niet", f"'{printable(relpath)}' lies outside the repository {printable(root)}; "
                       "Redactie does not write there")


def safe_target(root: Path, relpath: str, folder: bool = False) -> Path:
    """The path to write `relpath` at, checked to lie inside `root` without passing through a link.

    Refuses (FileRefused) an absolute path, `..`, a folder or file on the way that is a symbolic link (a
    committed link could point anywhere), and an existing target that is not a regular file (or, with
    `folder`, a folder).
    """
    try:
        os.fsencode(relpath)
    except UnicodeEncodeError:
        raise _outside(root, relpath) from None
    parts = PurePosixPath(relpath.replace("\\", "/")).parts
    if not parts or "\0" in relpath or os.path.isabs(relpath) or relpath.startswith(("/", "\\")) or ".." in parts \
            or any(":" in part and os.name == "nt" for part in parts):
        raise _outside(root, relpath)
    current = root
    for index, part in enumerate(parts):
        current = current / part
        try:
            info = current.lstat()
        except FileNotFoundError:
            return root.joinpath(*parts)
        if stat.S_ISLNK(info.st_mode):
            raise _outside(root, relpath) if index < len(parts) - 1 else FileRefused(relpath, *_link_texts())
        if index < len(parts) - 1 and not stat.S_ISDIR(info.st_mode):
            raise _outside(root, relpath)
    mode = current.lstat().st_mode
    if folder and stat.S_ISDIR(mode):
        return current
    problem = _kind_problem(relpath, mode)
    if problem is not None:
        raise problem
    return current


def _umask() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no way to read it without setting it; set it straight back
    os.umask(mask)
    return mask


def read_only_problem(path: Path) -> FileRefused:
    """The refusal for a file the user made read-only."""
    return FileRefused(path, f"{printable(path.name)} is alleen-lezen; Redactie vervangt het niet. Maak het "
                       "bestand eerst schrijfbaar, of kies 'Opslaan als…'",
                       f"{printable(path.name)} is read-only; Redactie does not replace it. Make the file "
                       "writable first, or choose 'Save as…'")


def atomic_write(path: Path, data: bytes, durable: bool = True) -> bool:
    """Write `data` to `path` atomically; returns False (and writes nothing) when the bytes are unchanged.

    A link, a special file or a read-only file is never replaced (FileRefused). An existing file keeps its
    mode; a new file gets the mode the user's umask gives. `durable=False` skips the flush to the disk: the
    file still survives the process being killed, not a power cut (for drafts, written on every keystroke).
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    if info is not None:
        problem = _kind_problem(path, info.st_mode)
        if problem is not None:
            raise problem
        # The owner's write bit is how a user marks a file read-only (root may write anything: ask the bit).
        owned = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
        if (owned and not info.st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK):
            raise read_only_problem(path)
        if info.st_size == len(data) and read_document(path, max(len(data), 1)) == data:
            return False
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_inside(root: Path, relpath: str, data: bytes) -> bool:
    """atomic_write of a repository file, checked first to lie inside `root` without a link on the way."""
    return atomic_write(safe_target(root, relpath), data)


def is_temporary(name: str) -> bool:
    """True for a file name of atomic_write's temporary pattern (`.name.md.abcd1234.tmp`)."""
    return bool(_TEMPORARY_RE.match(name.rsplit("/", 1)[-1]))


def clean_stale_temporaries(root: Path, started: float | None = None) -> list[str]:
    """Remove temporary files atomic_write left when a process was killed mid-write; returns their paths.

    Only regular files of our own name pattern, last written before this process started (a running save
    of this or another process is younger), are removed.
    """
    before = _STARTED if started is None else started
    removed: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in files:
            if not is_temporary(name):
                continue
            path = Path(folder) / name
            try:
                info = path.lstat()
                if stat.S_ISREG(info.st_mode) and info.st_mtime < before:
                    path.unlink()
                    removed.append(path.relative_to(root).as_posix())
            except OSError:
                continue
    return sorted(removed)
