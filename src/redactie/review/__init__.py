"""Reviewing changes before a commit: per file the change summary, the raw diff, and a suggested message."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..fileio import MAX_DOCUMENT_BYTES
from ..gitservice.status import FILE as FILE_CHANGE
from ..gitservice.status import FOLDER, HUGE, LINK, NEW, REPOSITORY, SUBMODULE, FileChange
from ..repository import ContentRepository
from ..schema import SchemaError, Vocabulary
from .summary import FIELD, FILE, SECTION, ChangeItem, parse_or_none, summarize
from .worddiff import DiffLine, line_diff

if TYPE_CHECKING:
    from ..gitservice.service import GitService

__all__ = ["BINARY", "LARGE", "MAX_DIFF_LINES", "OTHER", "TEXT", "ChangeItem", "DiffLine", "FileReview", "collect",
           "is_binary", "line_diff", "suggest_message", "summarize"]


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

    @property
    def shown_as(self) -> str:
        """How the text view can show this change: TEXT, LARGE (only on request), BINARY or OTHER (no file)."""
        if not self.change.committable:
            return OTHER
        if any(is_binary(data) for data in (self.old, self.new)):
            return BINARY
        if sum(len(data or b"") for data in (self.old, self.new)) > MAX_DIFF_BYTES:
            return LARGE
        return TEXT

    def raw_diff(self, force: bool = False) -> list[DiffLine]:
        """The whole file's line diff with word highlights (none for a binary; a large one only when forced).

        At most MAX_DIFF_LINES lines are made; a last line `… (+)` says there was more.
        """
        shown = self.shown_as
        if shown in (BINARY, OTHER) or (shown == LARGE and not force):
            return []
        decode = lambda data: (data or b"").decode("utf-8", "replace")  # noqa: E731
        return line_diff(decode(self.old), decode(self.new), limit=MAX_DIFF_LINES)


TEXT, LARGE, BINARY, OTHER = "text", "large", "binary", "other"
MAX_REVIEW_BYTES = 32 * 2**20  # a file above this is named, never read into memory
MAX_REVIEW_TOTAL = 256 * 2**20  # files beyond this much in one review are named too
MAX_DIFF_BYTES = 512 * 1024  # above this the text diff is drawn only when asked for
MAX_DIFF_LINES = 5000


def is_binary(data: bytes | None) -> bool:
    """True for bytes that are not text (a NUL byte near the start, as git decides)."""
    return data is not None and b"\0" in data[:8000]


_OTHER_LABELS = {
    FOLDER: ("Nieuwe map met bestanden; leg die vast met een ander git-programma",
             "New folder of files; record it with another git program"),
    SUBMODULE: ("Submodule (een andere repository hierin); Redactie legt die niet vast",
                "Submodule (another repository inside this one); Redactie does not record it"),
    REPOSITORY: ("Een eigen git-repository in deze map; Redactie legt die niet vast",
                 "A git repository of its own inside this folder; Redactie does not record it"),
    LINK: ("Koppeling (symbolische link); Redactie legt die niet vast",
           "Link (symbolic link); Redactie does not record it"),
    HUGE: (f"Te groot om hier te bekijken (meer dan {MAX_REVIEW_BYTES // 2**20} MB, of samen met de andere "
           f"bestanden meer dan {MAX_REVIEW_TOTAL // 2**20} MB); leg het vast met een ander git-programma",
           f"Too large to review here (over {MAX_REVIEW_BYTES // 2**20} MB, or over "
           f"{MAX_REVIEW_TOTAL // 2**20} MB with the other files); record it with another git program"),
}


def _other_review(change: FileChange, language: str) -> FileReview:
    nl, en = _OTHER_LABELS.get(change.what, _OTHER_LABELS[FOLDER])
    item = ChangeItem(FILE, change.what, en if language == "en" else nl)
    return FileReview(change, None, None, "", change.path.rsplit("/", 1)[-1], [item], "")


def _on_disk(service: GitService, path: str) -> tuple[str, int]:
    """LINK for a symbolic link, HUGE for a file over MAX_REVIEW_BYTES, else FILE (also when it is gone);
    with the file's size."""
    try:
        info = (service.root / path).lstat()
    except OSError:
        return FILE_CHANGE, 0
    if stat.S_ISLNK(info.st_mode):
        return LINK, 0
    return (HUGE if info.st_size > MAX_REVIEW_BYTES else FILE_CHANGE), info.st_size


def _binary_item(review_old: bytes | None, review_new: bytes | None, language: str) -> ChangeItem:
    size = max(len(review_old or b""), len(review_new or b""))
    en = language == "en"
    text = (f"Binary file ({size // 1024} kB); its content is not shown as text" if en
            else f"Binair bestand ({size // 1024} kB); de inhoud wordt niet als tekst getoond")
    return ChangeItem(FILE, "binary", text)


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


def _vocabularies(repo: ContentRepository | None) -> dict[str, Vocabulary] | None:
    """The repository's vocabularies to show values by label; None when a broken one is reported elsewhere."""
    try:
        return repo.vocabularies() if repo is not None else None
    except SchemaError:
        return None


def collect(service: GitService, repo: ContentRepository | None, language: str = "nl",
            changes: list[FileChange] | None = None) -> list[FileReview]:
    """Review every changed file (or the given ones): old bytes from HEAD, new bytes from disk, the summary."""
    reviews = []
    held = 0  # bytes of files read so far: the whole review stays under MAX_REVIEW_TOTAL
    vocabularies = _vocabularies(repo)
    for change in changes if changes is not None else service.status():
        if change.committable:
            what, size = _on_disk(service, change.path)
            if what == FILE_CHANGE and held + size > MAX_REVIEW_TOTAL:
                what = HUGE
            held += size if what == FILE_CHANGE else 0
            change = replace(change, what=what) if what != FILE_CHANGE else change
        if not change.committable:
            reviews.append(_other_review(change, language))
            continue
        # A new file is not in the last commit: no need to ask git (one round trip per file adds up).
        old = None if change.kind == NEW else service.head_bytes(change.old_path or change.path)
        new = service.work_bytes(change.path)
        doc_type = repo.schema.type_for(change.path) if repo else None
        label = doc_type.label.get(language) if doc_type else ""
        if is_binary(old) or is_binary(new) or max(len(old or b""), len(new or b"")) > MAX_DOCUMENT_BYTES:
            # Not a document the editor could have written: named, never parsed or diffed as text.
            items = [_binary_item(old, new, language)] if is_binary(old) or is_binary(new) else [
                ChangeItem(FILE, "large", "Large file; its text is shown on request" if language == "en"
                           else "Groot bestand; de tekst wordt op verzoek getoond")]
            reviews.append(FileReview(change, old, new, label, change.path.rsplit("/", 1)[-1], items, ""))
            continue
        items = summarize(repo.schema if repo else None, doc_type, old, new, language, vocabularies)
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
