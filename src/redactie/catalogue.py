"""The document list's data: one entry per document with title, search text, validation and git state."""

from __future__ import annotations

from dataclasses import dataclass

from .fileio import file_problem
from .repository import ContentRepository
from .validation import ERROR, INFO, WARNING, Finding

_RANK = {ERROR: 3, WARNING: 2, INFO: 1}


@dataclass(frozen=True)
class Entry:
    """A document as the list shows it."""

    path: str
    type_name: str
    type_label: str
    title: str
    search: str
    remark: str = ""  # why the document cannot be opened (a link, a pipe, too large), in the user's language


def entries(repo: ContentRepository, language: str) -> list[Entry]:
    """Every document of the repository, by type in the schema's order, then by path (read from the index)."""
    order = {name: n for n, name in enumerate(repo.schema.types)}
    found = []
    index = repo.index.entries()
    for ref in repo.documents:
        assert ref.doc_type is not None
        entry = index.get(ref.path) or repo.index.get(ref.path)
        problem = file_problem(repo.root / ref.path) if entry is None or not entry.readable else None  # lstat only
        fields = entry.fields if entry is not None else {}
        title = (entry.title if entry is not None else None) or ref.stem
        search = " ".join([title, ref.path, *(_flat(v) for v in fields.values())]).lower()
        found.append(Entry(ref.path, ref.doc_type.name, ref.doc_type.label.get(language), title, search,
                           problem.localized(language) if problem else ""))
    return sorted(found, key=lambda e: (order.get(e.type_name, 99), e.path))


def _flat(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(v if isinstance(v, str) else _flat(v) for v in value)
    if isinstance(value, dict):
        return " ".join(f"{k} {_flat(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def worst_severity(findings: list[Finding]) -> dict[str, str]:
    """Per path the most serious severity among its findings (info is left out: it needs no action)."""
    worst: dict[str, str] = {}
    for finding in findings:
        if finding.severity == INFO:
            continue
        if _RANK[finding.severity] > _RANK.get(worst.get(finding.path, ""), 0):
            worst[finding.path] = finding.severity
    return worst
