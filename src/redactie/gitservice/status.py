"""What changed in the work tree compared with the last commit, parsed from `git status --porcelain=v2`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..fileio import is_temporary

NEW, MODIFIED, DELETED, RENAMED, CONFLICTED = "new", "modified", "deleted", "renamed", "conflicted"
# What a change is about: a file (the editor commits it), or something it shows but never stages.
FILE, FOLDER, SUBMODULE, REPOSITORY, HUGE, LINK = "file", "folder", "submodule", "repository", "huge", "link"


@dataclass(frozen=True)
class FileChange:
    """One changed file: its path, what happened to it, and where it came from when renamed."""

    path: str
    kind: str
    old_path: str | None = None
    what: str = FILE

    @property
    def committable(self) -> bool:
        """False for a submodule, a nested repository, a summarised untracked folder, a symbolic link or a file
        too large to review: never staged here."""
        return self.what == FILE

    @property
    def paths(self) -> list[str]:
        """Every path a commit of this change has to include."""
        return [self.path] if self.old_path is None else [self.old_path, self.path]


def _kind(xy: str) -> str:
    if "D" in xy:
        return DELETED
    if xy[0] == "A":
        return NEW
    return MODIFIED


def _what(sub: str) -> str:
    return SUBMODULE if sub.startswith("S") else FILE


def parse_status(raw: bytes, untracked_hashes: dict[str, str] | None = None,
                 deleted_hashes: dict[str, str] | None = None, root: Path | None = None) -> list[FileChange]:
    """Parse NUL-separated porcelain v2 output into changes, sorted by path.

    Untracked folders (`--untracked-files=normal`) become one FOLDER change, or REPOSITORY when the folder
    is a git repository of its own (looked up under `root`); atomic_write's temporaries are left out.
    """
    records = raw.decode("utf-8", "surrogateescape").split("\0")
    changes: list[FileChange] = []
    index = 0
    while index < len(records):
        record = records[index]
        index += 1
        if not record:
            continue
        tag = record[0]
        if tag == "1":
            parts = record.split(" ", 8)
            changes.append(FileChange(parts[8], _kind(parts[1]), None, _what(parts[2])))
        elif tag == "2":
            parts = record.split(" ", 9)
            old = records[index]
            index += 1
            changes.append(FileChange(parts[9], RENAMED, old, _what(parts[2])))
        elif tag == "u":
            parts = record.split(" ", 10)
            changes.append(FileChange(parts[10], CONFLICTED, None, _what(parts[2])))
        elif tag == "?":
            path = record[2:]
            if is_temporary(path):
                continue  # a save in progress, or one a killed process left: never offered for commit
            if path.endswith("/"):
                what = REPOSITORY if root is not None and (root / path / ".git").exists() else FOLDER
                changes.append(FileChange(path.rstrip("/"), NEW, None, what))
            else:
                changes.append(FileChange(path, NEW))
    # A summarised new folder whose files are listed too (GitService.status) is shown by its files.
    parents = {path.rsplit("/", depth)[0] for c in changes if c.what != FOLDER
               for path in [c.path] for depth in range(1, path.count("/") + 1)}
    changes = [c for c in changes if c.what != FOLDER or c.path not in parents]
    return pair_renames(changes, untracked_hashes or {}, deleted_hashes or {})


def pair_renames(changes: list[FileChange], new_hashes: dict[str, str],
                 deleted_hashes: dict[str, str]) -> list[FileChange]:
    """A deleted file whose exact content reappears as a new file is shown as one rename."""
    by_hash: dict[str, str] = {}
    for path, digest in deleted_hashes.items():
        by_hash.setdefault(digest, path)
    used: set[str] = set()
    result: list[FileChange] = []
    renamed_from: dict[str, str] = {}
    for change in changes:
        if change.kind == NEW and change.committable and change.path in new_hashes:
            old = by_hash.get(new_hashes[change.path])
            if old and old not in used:
                used.add(old)
                renamed_from[change.path] = old
    for change in changes:
        if change.kind == DELETED and change.path in used:
            continue
        if change.path in renamed_from:
            result.append(FileChange(change.path, RENAMED, renamed_from[change.path]))
        else:
            result.append(change)
    return sorted(result, key=lambda c: c.path)
