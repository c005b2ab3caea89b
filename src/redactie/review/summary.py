"""A change summary in the editor's terms: per front-matter field and per body section."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..document import Document, DocumentEncodingError, FrontMatterError
from ..document.model import same
from ..schema import DocType, Schema, Vocabulary
from .worddiff import DiffLine, line_diff

FIELD, SECTION, FILE = "field", "section", "file"
SECTION_DIFF_LINES = 2000  # per section in the summary; the text view has the whole diff


@dataclass
class ChangeItem:
    """One change: a field (old → new, or items added/removed), a section (with its text diff), or the file."""

    kind: str
    name: str
    label: str
    old: str = ""
    new: str = ""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    diff: list[DiffLine] = field(default_factory=list)

    def describe(self, language: str = "nl") -> str:
        """One line: `Levenscyclus: + uitfaseren, − ontwerp`, `Titel: oud → nieuw`, `Toelichting: gewijzigd`."""
        if self.kind == FIELD and (self.added or self.removed):
            parts = [f"+ {v}" for v in self.added] + [f"− {v}" for v in self.removed]
            return f"{self.label}: {', '.join(parts)}"
        if self.kind == FIELD:
            empty = "(leeg)" if language != "en" else "(empty)"
            return f"{self.label}: {self.old or empty} → {self.new or empty}"
        if self.kind == SECTION:
            what = {"nl": {"changed": "gewijzigd", "added": "toegevoegd", "removed": "verwijderd"},
                    "en": {"changed": "changed", "added": "added", "removed": "removed"}}
            return f"{self.label}: {what['en' if language == 'en' else 'nl'][self.new]}"
        return self.label


def flat(value: Any, separator: str = ", ") -> str:
    """A field value as a reader sees it: list items and nested `key: value` pairs joined by `separator`."""
    if value is None:
        return ""
    if isinstance(value, list):
        return separator.join(flat(v, separator) for v in value)
    if isinstance(value, dict):
        return separator.join(f"{k}: {flat(v, separator)}" for k, v in value.items())
    return str(value)


def _items(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
        return [flat(v) for v in value]
    return None


def parse_or_none(data: bytes | None) -> Document | None:
    """The parsed document, or None when it is missing or its front matter cannot be read."""
    if data is None:
        return None
    try:
        return Document.parse(data)
    except (FrontMatterError, DocumentEncodingError):
        return None


def field_changes(old: Document | None, new: Document | None, labels: dict[str, str]) -> list[ChangeItem]:
    """Changed front-matter fields, in the new file's order, then removed ones."""
    before = dict(old.fields) if old else {}
    after = dict(new.fields) if new else {}
    items = []
    for key in [*after, *(k for k in before if k not in after)]:
        a, b = before.get(key), after.get(key)
        if key in before and key in after and same(a, b):
            continue
        label = labels.get(key, key)
        old_items, new_items = _items(a if a is not None else []), _items(b if b is not None else [])
        if (isinstance(a, list) or isinstance(b, list)) and old_items is not None and new_items is not None:
            added = [v for v in new_items if v not in old_items]
            removed = [v for v in old_items if v not in new_items]
            if added or removed:
                items.append(ChangeItem(FIELD, key, label, added=added, removed=removed))
                continue
        items.append(ChangeItem(FIELD, key, label, old=flat(a), new=flat(b)))
    return items


def section_changes(old: Document | None, new: Document | None) -> list[ChangeItem]:
    """Changed, added and removed body sections, each with its text diff."""
    names_old = old.section_names if old else []
    names_new = new.section_names if new else []
    items = []
    for name in [*names_new, *(n for n in names_old if n not in names_new)]:
        a = old.section(name) if old and name in names_old else None
        b = new.section(name) if new and name in names_new else None
        if a == b:
            continue
        state = "added" if a is None else "removed" if b is None else "changed"
        diff = line_diff(a or "", b or "", limit=SECTION_DIFF_LINES)
        items.append(ChangeItem(SECTION, name, name, new=state, diff=diff))
    return items


def _with_value_labels(item: ChangeItem, vocabulary: Vocabulary, language: str) -> ChangeItem:
    """The item with vocabulary values shown by their labels ("Nog niet geldend", not `nog-niet-geldend`)."""
    def name(value: str) -> str:
        return vocabulary.label(value, language) if value else value

    return replace(item, old=name(item.old), new=name(item.new), added=[name(v) for v in item.added],
                   removed=[name(v) for v in item.removed])


def summarize(schema: Schema | None, doc_type: DocType | None, old: bytes | None, new: bytes | None,
              language: str = "nl", vocabularies: dict[str, Vocabulary] | None = None) -> list[ChangeItem]:
    """What changed between two versions of a document, in the editor's terms (values by label if given)."""
    en = language == "en"
    if old is None:
        return [ChangeItem(FILE, "added", "New document" if en else "Nieuw document")]
    if new is None:
        return [ChangeItem(FILE, "removed", "Document deleted" if en else "Document verwijderd")]
    a, b = parse_or_none(old), parse_or_none(new)
    if a is None or b is None:
        return [ChangeItem(FILE, "unreadable", "The file's text changed; see the text view" if en
                           else "De tekst van het bestand is gewijzigd; zie de tekstweergave")]
    labels = {}
    if schema is not None and doc_type is not None:
        labels = {f.key: f.label.get(language) for f in schema.fields_of(doc_type)}
    items = field_changes(a, b, labels) + section_changes(a, b)
    if vocabularies and schema is not None and doc_type is not None:
        kinds = {f.key: f.vocabulary for f in schema.fields_of(doc_type) if f.kind in ("choice", "multichoice")}
        items = [_with_value_labels(i, vocabularies[kinds[i.name]], language)
                 if i.kind == FIELD and kinds.get(i.name) in vocabularies else i for i in items]
    if not items and a.body != b.body:
        diff = line_diff(a.body, b.body, limit=SECTION_DIFF_LINES)
        items.append(ChangeItem(FILE, "body", "Text outside the sections changed" if en
                                else "Tekst buiten de secties gewijzigd", diff=diff))
    elif not items and old != new:
        items.append(ChangeItem(FILE, "layout", "Only layout or spacing changed" if en
                                else "Alleen opmaak of witruimte gewijzigd"))
    return items
