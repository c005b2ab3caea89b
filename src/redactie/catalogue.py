"""The document list's data: one entry per document with title, search text, validation and git state."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .fileio import file_problem
from .index import IndexEntry, search_text

# The list is built from this module right after the window's first paint: the repository (with the schema and
# YAML readers) and validation load in workers or later, not before the list is shown.
if TYPE_CHECKING:
    from .repository import ContentRepository
    from .validation import Finding


@dataclass(slots=True)
class Entry:
    """A document as the list shows it (not changed once made: a new reading makes new entries; not frozen, as
    a frozen one takes three times as long to make, ten thousand at a start)."""

    path: str
    type_name: str
    type_label: str
    title: str
    # What the filter looks in: the text itself, or the index entry that holds it (decoded from the cache only
    # when the filter is first used, not to list the documents); None: the path and the title only (a saved
    # list, until the reading replaces it).
    search_in: str | IndexEntry | None
    remark: str = ""  # why the document cannot be opened (a link, a pipe, too large), in the user's language
    # False in a first start's first listing, before any title was read: `title` is then the file name, and the
    # list reads the titles of the rows it shows itself (see `DocumentList`) until the read titles replace it.
    titled: bool = True

    @property
    def search(self) -> str:
        """The path and every value as one lower-case text: what the list's filter looks in."""
        source = self.search_in
        if type(source) is str:
            return source
        if source is None:
            return f"{self.path} {self.title}".lower()
        assert isinstance(source, IndexEntry)
        return source.search or search_text(self.path, source.fields)


def untitled(repo: ContentRepository, language: str, unread: Iterable[str]) -> list[Entry]:
    """`entries`, with the documents of `unread` listed without reading them: by file name, `titled` False (a
    first start lists ten thousand files before their titles are read). None of them is opened here."""
    return entries(repo, language, later=set(unread))


def entries(repo: ContentRepository, language: str, known: Mapping[str, IndexEntry] | None = None,
            later: set[str] | frozenset[str] = frozenset()) -> list[Entry]:
    """Every document of the repository, by type in the schema's order, then by path (read from the index, or
    from `known`: the index's entries with provisional ones for a first listing, see `DocumentIndex.glance`).

    The search text comes from the index, made once when the file was read (see `index.search_text`).
    """
    order = {name: n for n, name in enumerate(repo.schema.types)}
    labels = {name: doc_type.label.get(language) for name, doc_type in repo.schema.types.items()}
    found = []
    index = repo.index.entries() if known is None else known
    for ref in repo.documents:
        assert ref.doc_type is not None
        search: str | IndexEntry
        titled = ref.path not in later  # see `untitled`
        entry = (index.get(ref.path) or repo.index.get(ref.path)) if titled else None
        if not titled:
            title, search, remark = ref.stem, search_text(ref.path, {}), ""
        elif entry is not None and entry.readable:
            title, search, remark = entry.title or ref.stem, entry, ""
        else:
            problem = file_problem(repo.root / ref.path)  # lstat only
            title, search = ref.stem, entry if entry is not None else search_text(ref.path, {})
            remark = problem.localized(language) if problem else ""
        name = ref.doc_type.name
        found.append(Entry(ref.path, name, labels.get(name) or ref.doc_type.label.get(language), title, search,
                           remark, titled))
    return sorted(found, key=lambda e: (order.get(e.type_name, 99), e.path))


def worst_severity(findings: list[Finding]) -> dict[str, str]:
    """Per path the most serious severity among its findings (info is left out: it needs no action)."""
    from .validation import ERROR, INFO, WARNING

    rank = {ERROR: 3, WARNING: 2, INFO: 1}
    worst: dict[str, str] = {}
    for finding in findings:
        if finding.severity == INFO:
            continue
        if rank[finding.severity] > rank.get(worst.get(finding.path, ""), 0):
            worst[finding.path] = finding.severity
    return worst
