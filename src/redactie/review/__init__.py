"""Reviewing changes before a commit: per file the change summary, the raw diff, and a suggested message."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gitservice.service import GitService
from ..gitservice.status import FileChange
from ..repository import ContentRepository
from .summary import FIELD, FILE, SECTION, ChangeItem, parse_or_none, summarize
from .worddiff import DiffLine, line_diff

__all__ = ["ChangeItem", "DiffLine", "FileReview", "collect", "line_diff", "suggest_message", "summarize"]


@dataclass
class FileReview:
    """One changed file as the user reviews it: the bytes before and now, and what changed in between."""

    change: FileChange
    old: bytes | None
    new: bytes | None
    type_label: str = ""
    code: str = ""
    items: list[ChangeItem] = field(default_factory=list)
    title: str = ""

    @property
    def path(self) -> str:
        """The file's path in the repository."""
        return self.change.path

    def raw_diff(self) -> list[DiffLine]:
        """The whole file's line diff with word highlights."""
        decode = lambda data: (data or b"").decode("utf-8", "replace")  # noqa: E731
        return line_diff(decode(self.old), decode(self.new))


def _code_and_title(repo: ContentRepository | None, path: str, data: bytes | None) -> tuple[str, str]:
    """The document's code from its id (`urn:nl:ak:ver:aia-18` gives `aia-18`, else the file name) and title."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    doc = parse_or_none(data)
    if doc is None:
        return stem, ""
    title = doc.fields.get("title")
    title = str(title) if isinstance(title, str) else ""
    doc_type = repo.schema.type_for(path) if repo else None
    if repo is not None and doc_type is not None:
        for definition in repo.schema.fields_of(doc_type):
            value = doc.fields.get(definition.key)
            if definition.kind == "identifier" and isinstance(value, str):
                return doc_type.code_from_id(value) or stem, title
    return stem, title


def collect(service: GitService, repo: ContentRepository | None, language: str = "nl",
            changes: list[FileChange] | None = None) -> list[FileReview]:
    """Review every changed file (or the given ones): old bytes from HEAD, new bytes from disk, the summary."""
    reviews = []
    for change in changes if changes is not None else service.status():
        old = service.head_bytes(change.old_path or change.path)
        new = service.work_bytes(change.path)
        doc_type = repo.schema.type_for(change.path) if repo else None
        label = doc_type.label.get(language) if doc_type else ""
        items = summarize(repo.schema if repo else None, doc_type, old, new, language)
        if change.old_path:
            items.insert(0, ChangeItem(FILE, "renamed", ("Renamed from " if language == "en" else "Hernoemd van ")
                                       + change.old_path))
        code, title = _code_and_title(repo, change.path, new or old)
        reviews.append(FileReview(change, old, new, label, code, items, title))
    return reviews


def _subject(review: FileReview, language: str) -> str:
    return f"{review.type_label} {review.code}".strip() if review.type_label else review.path


def suggest_message(reviews: list[FileReview], language: str = "nl") -> str:
    """A commit message from the change: `Vereiste aia-18: levenscyclus aangepast`."""
    en = language == "en"
    if not reviews:
        return ""
    if len(reviews) > 1:
        names = ", ".join(_subject(r, language) for r in reviews[:3]) + (", …" if len(reviews) > 3 else "")
        return f"{len(reviews)} {'documents changed' if en else 'documenten aangepast'}: {names}"
    review = reviews[0]
    subject = _subject(review, language)
    if review.old is None:
        return f"{subject} {'added' if en else 'toegevoegd'}"
    if review.new is None:
        return f"{subject} {'deleted' if en else 'verwijderd'}"
    if review.change.old_path:
        return f"{subject} {'renamed' if en else 'hernoemd'}"
    parts = [i.label.lower() for i in review.items if i.kind in (FIELD, SECTION)]
    if not parts:
        return f"{subject}: {'layout changed' if en else 'opmaak aangepast'}"
    if len(parts) > 3:
        parts = [*parts[:2], f"{len(parts) - 2} {'more' if en else 'andere onderdelen'}"]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + (" and " if en else " en ") + parts[-1]
    return f"{subject}: {joined} {'changed' if en else 'aangepast'}"
