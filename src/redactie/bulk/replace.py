"""Find and replace in the sections and text fields of many documents: every hit listed, ticked ones replaced."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..document import Document
from ..repository import ContentRepository
from ..schema import Text
from .errors import BulkCancelled, BulkError
from .files import body_start, edit_body, load, plan_each, where_map
from .plan import Plan, documents

TEXT_KINDS = ("text", "multiline")


@dataclass(frozen=True)
class Hit:
    """One occurrence: in field `key` (at `offset` of its value) or on body `line` (at `offset`)."""

    path: str
    where: str  # field key or section name
    in_field: bool
    line: int
    offset: int
    length: int
    context: str  # the line or value around the hit


def pattern(needle: str, whole_word: bool = False, case_sensitive: bool = False) -> re.Pattern[str]:
    """The search as a regular expression (plain text, optionally whole words)."""
    if not needle:
        raise BulkError("nothing to search for", "er is niets om naar te zoeken")
    text = re.escape(needle)
    if whole_word:
        text = rf"(?<!\w){text}(?!\w)"
    return re.compile(text, 0 if case_sensitive else re.IGNORECASE)


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = text[left:start] + "[" + text[start:end] + "]" + text[end:right]
    return ("…" if left else "") + snippet.replace("\n", " ") + ("…" if right < len(text) else "")


def find(repo: ContentRepository, needle: str, paths: list[str] | None = None, whole_word: bool = False,
         case_sensitive: bool = False, fields: bool = True,
         cancel: Callable[[], bool] | None = None) -> list[Hit]:
    """Every hit in the documents (all, or `paths`), in file order."""
    regex = pattern(needle, whole_word, case_sensitive)
    text_keys = [f.key for f in repo.schema.fields.values() if f.kind in TEXT_KINDS]
    hits: list[Hit] = []
    for path in paths if paths is not None else [ref.path for ref in repo.documents]:
        if cancel is not None and cancel():
            raise BulkCancelled()
        loaded = load(repo.root, path)
        if loaded.doc is None or not regex.search(loaded.data.decode("utf-8", errors="replace")):
            continue
        doc = loaded.doc
        if fields:
            for key in text_keys:
                value = doc.fields.get(key)
                if isinstance(value, str):
                    hits += [Hit(path, key, True, doc.field_line(key) or 0, m.start(), m.end() - m.start(),
                                 _context(value, m.start(), m.end())) for m in regex.finditer(value)]
        where = where_map(doc)
        lines = doc.text.splitlines()
        for index in range(body_start(doc), len(lines)):
            text = lines[index]
            hits += [Hit(path, where.get(index + 1, ""), False, index + 1, m.start(), m.end() - m.start(),
                         _context(text, m.start(), m.end())) for m in regex.finditer(text)]
    return hits


def _replace_at(text: str, spots: list[tuple[int, int]], found: str, replacement: str) -> str | None:
    """`text` with each (offset, length) spot replaced, right to left; None when a spot no longer holds it."""
    for offset, length in sorted(spots, reverse=True):
        if text[offset:offset + length].lower() != found.lower():
            return None
        text = text[:offset] + replacement + text[offset + length:]
    return text


def plan_replace(repo: ContentRepository, hits: list[Hit], needle: str, replacement: str) -> Plan:
    """Replace the given (ticked) hits by `replacement`; a hit whose text moved since it was found is skipped."""
    by_path: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_path[hit.path].append(hit)
    plan = Plan("replace", Text("", ""))

    def edit(path: str, doc: Document) -> Document:
        field_spots: dict[str, list[tuple[int, int]]] = defaultdict(list)
        line_spots: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for hit in by_path[path]:
            (field_spots[hit.where] if hit.in_field else line_spots[hit.line]).append((hit.offset, hit.length))
        stale = False

        def change(number: int, text: str) -> str:
            nonlocal stale
            if number not in line_spots:
                return text
            new = _replace_at(text, line_spots[number], needle, replacement)
            if new is None:
                stale = True
                return text
            return new

        doc = edit_body(doc, change) or doc  # body first: field edits may move body lines
        for key, spots in field_spots.items():
            value = doc.fields.get(key)
            new = _replace_at(value, spots, needle, replacement) if isinstance(value, str) else None
            if new is None:
                stale = True
                continue
            doc.set_field(key, new)
        if stale:
            plan.notes.append(Text(f"{path}: een treffer is sinds het zoeken veranderd en wordt overgeslagen",
                                   f"{path}: a hit changed since the search and is skipped"))
        return doc

    plan_each(repo.root, plan, sorted(by_path), edit)
    count, counted = sum(len(v) for v in by_path.values()), documents(len(plan.files))
    plan.message = Text(f"'{needle}' vervangen door '{replacement}' ({count}× in {counted.nl})",
                        f"'{needle}' replaced by '{replacement}' ({count}× in {counted.en})")
    return plan
