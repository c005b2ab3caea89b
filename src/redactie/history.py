"""The history of one document in the editor's terms: commits that touched it, following renames (Qt-free).

Read page by page, so a document with thousands of commits opens at once. A page continues from the parent
of the previous page's oldest commit under the name the file had there (`git log --follow --skip` loses a
rename it skips over). Each version carries the change summary the review uses (fields and sections).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .gitservice.problems import GitProblem
from .repository import ContentRepository
from .review.summary import FILE, ChangeItem, summarize

if TYPE_CHECKING:
    from .gitservice.service import GitService

PAGE_SIZE = 50
_FORMAT = "%x1e%H%x1f%P%x1f%an%x1f%aI%x1f%s"


@dataclass(frozen=True)
class Version:
    """One commit that touched the document: who, when, why, and the path the file had then."""

    commit: str
    parent: str | None
    author: str
    date: str  # ISO 8601, the author's date
    message: str
    path: str
    old_path: str | None  # the path before this commit (differs after a rename; None when added here)
    status: str  # git's letter: A added, M modified, R renamed, D deleted, "" merge


@dataclass
class HistoryEntry:
    """A version with its change summary against the version before it."""

    version: Version
    items: list[ChangeItem] = field(default_factory=list)

    def summary(self, language: str = "nl") -> str:
        """`Status: nog-niet-geldend → geldend; Risico: gewijzigd`."""
        return "; ".join(item.describe(language) for item in self.items)


@dataclass
class HistoryPage:
    """One page of a document's history, newest first; `more` when older versions follow."""

    entries: list[HistoryEntry]
    next_start: str | None  # where the next page starts (None: this was the oldest page)
    next_path: str | None  # the name the file had there

    @property
    def more(self) -> bool:
        """True when older versions follow."""
        return self.next_start is not None


def versions(service: GitService, path: str, start: str = "HEAD", count: int = PAGE_SIZE) -> list[Version]:
    """Up to `count` commits from `start` back that touched `path` (following renames), newest first."""
    if not service.has_commits():
        return []
    try:
        # A file name is a name, not a pattern: `a[1].md` must not match `a1.md`.
        out = service.run("--literal-pathspecs", "log", "--follow", "-z", "--name-status", f"--format={_FORMAT}",
                          f"--max-count={count}", start, "--", path)
    except GitProblem:
        return []
    result: list[Version] = []
    current = path
    for record in out.split("\x1e"):
        if not record.strip("\0\n"):
            continue
        header, _, rest = record.partition("\0")
        commit, parents, author, date, message = header.split("\x1f", 4)
        fields = [f for f in rest.lstrip("\n").split("\0") if f]
        status, old_path, new_path = "", current, current
        if fields:
            status = fields[0][:1]
            if status in ("R", "C") and len(fields) >= 3:
                old_path, new_path = fields[1], fields[2]
            elif len(fields) >= 2:
                old_path = new_path = fields[1]
        parent = parents.split()[0] if parents.split() else None
        if status == "A" or parent is None:
            old_path = None
        result.append(Version(commit, parent, author, date, message, new_path, old_path, status))
        current = old_path or new_path
    return result


def version_bytes(service: GitService, commit: str | None, path: str | None) -> bytes | None:
    """The file's bytes in a commit, or None when it is not there."""
    if commit is None or path is None:
        return None
    try:
        _, kind, _, data = service.repo.git.get_object_data(f"{commit}:{path}")
    except (ValueError, OSError):
        return None
    return data if kind in (b"blob", "blob") else None


def load_page(service: GitService, repo: ContentRepository | None, path: str, start: str = "HEAD",
              count: int = PAGE_SIZE, language: str = "nl") -> HistoryPage:
    """One page of the document's history with a change summary per version (blocking: run it off the GUI).

    `path` is the file's name at `start`; the next page is `load_page(..., page.next_path, page.next_start)`.
    """
    with service.lock:
        found = versions(service, path, start, count + 1)
        more = len(found) > count
        found = found[:count]
        next_start = found[-1].parent if more and found else None
        next_path = (found[-1].old_path or found[-1].path) if next_start else None
        doc_type = repo.schema.type_for(path) if repo is not None else None
        schema = repo.schema if repo is not None else None
        entries = []
        for version in found:
            old = version_bytes(service, version.parent, version.old_path)
            new = version_bytes(service, version.commit, version.path) if version.status != "D" else None
            items = summarize(schema, doc_type, old, new, language)
            if version.old_path and version.old_path != version.path:
                items.insert(0, ChangeItem(FILE, "renamed", ("Renamed from " if language == "en" else
                                                               "Hernoemd van ") + version.old_path))
            entries.append(HistoryEntry(version, items))
    return HistoryPage(entries, next_start, next_path)
