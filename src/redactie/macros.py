"""What the site's macros show, resolved from the repository's index, for the preview (Qt-free).

Everything comes from the document index: showing a document's macros reads no other file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from .index import DerivedTable, IndexEntry
from .repository import ContentRepository
from .schema import DocType, Vocabulary
from .validation.labels import is_expression

MAX_LISTED = 500  # related documents shown per macro; a hostile list of 100,000 names is cut with a count


# The parts of a label expression (`("a" || "b") && not c`): a quoted or bare name, or an operator.
_EXPRESSION_PART = re.compile(r'"([^"]*)"|\'([^\']*)\'|(\|\||&&|!|\(|\))|([^\s()!&|"\']+)')
_WORDS = {"&&": ("en", "and"), "and": ("en", "and"), "||": ("of", "or"), "or": ("of", "or"),
          "!": ("niet", "not"), "not": ("niet", "not")}
MAX_EXPRESSION = 2000  # characters of an expression put into words; a longer one is cut with "…"


def readable_expression(expression: str, names: Mapping[str, str], language: str = "nl") -> str:
    """A label expression in words: `"risicogroep-verboden-ai" && !"open-source-open-source"` reads
    `Risicogroep: Verboden AI en niet Open source: Open source`; `names` maps a label name to its words."""
    parts: list[str] = []
    for match in _EXPRESSION_PART.finditer(expression[:MAX_EXPRESSION]):
        quoted = match.group(1) if match.group(1) is not None else match.group(2)
        word = match.group(3) or match.group(4)
        if quoted is not None:
            parts.append(names.get(quoted.strip(), quoted.strip()))
        elif word.lower() in _WORDS:
            parts.append(_WORDS[word.lower()][language == "en"])
        else:
            parts.append(word if word in "()" else names.get(word, word))
    text = " ".join(parts).replace("( ", "(").replace(" )", ")")
    return text + (" …" if len(expression) > MAX_EXPRESSION else "")


def _expression_names(fields: list[tuple[str, str, Vocabulary]], language: str) -> dict[str, str]:
    """Every name an expression may use, in words: `<field>-<value>` as `Field: Value`, and a bare value."""
    names: dict[str, str] = {}
    for key, label, vocabulary in fields:
        for value in vocabulary.values:
            names.setdefault(value, vocabulary.label(value, language))
            names[f"{key}-{value}"] = f"{label}: {vocabulary.label(value, language)}"
    return names


def _labels(repo: ContentRepository, relpath: str, fields: Mapping[str, Any], language: str) -> list[str]:
    doc_type = repo.schema.type_for(relpath)
    if doc_type is None:
        return []
    vocabularies = repo.vocabularies()
    labelled = [(d, vocabularies[d.vocabulary]) for d in repo.schema.fields_of(doc_type)
                if d.kind in ("choice", "multichoice") and d.vocabulary in vocabularies]
    names: dict[str, str] | None = None
    found = []
    for definition, vocabulary in labelled:
        value = fields.get(definition.key)
        values = value if isinstance(value, list) else [value] if value else []
        for item in values[:MAX_LISTED]:
            if item is None:
                continue
            text = str(item)
            if text not in vocabulary.values and is_expression(text):  # a condition, not a label: in words
                if names is None:
                    names = _expression_names([(d.key, d.label.get(language), v) for d, v in labelled], language)
                found.append(f"{definition.label.get(language)}: {readable_expression(text, names, language)}")
            else:
                found.append(vocabulary.label(text, language))
    return found


class RelationTable(DerivedTable):
    """Per relation key and named file name (stem), the files whose entry names it: who points at a document,
    kept current from the index's changes (see `DerivedTable`)."""

    def __init__(self, *keys: str) -> None:
        super().__init__()
        self.keys = keys
        self._names: dict[str, list[tuple[str, str]]] = {}  # path -> (key, stem) it names
        self._naming: dict[tuple[str, str], set[str]] = defaultdict(set)

    def clear(self) -> None:
        """Forget every file's relations."""
        self._names, self._naming = {}, defaultdict(set)

    def drop(self, path: str) -> None:
        """Forget `path`'s relations."""
        for name in self._names.pop(path, ()):
            holders = self._naming[name]
            holders.discard(path)
            if not holders:
                del self._naming[name]

    def add(self, path: str, entry: IndexEntry) -> None:
        """Keep the file names `path`'s relation fields name."""
        names = list(dict.fromkeys((key, value.rsplit("/", 1)[-1]) for key in self.keys
                                   for value in _items(entry.fields.get(key)) if isinstance(value, str)))
        if names:
            self._names[path] = names
            for name in names:
                self._naming[name].add(path)

    def naming(self, key: str, stem: str) -> set[str]:
        """The files whose `key` names `stem`."""
        with self.lock:
            return set(self._naming.get((key, stem), ()))


def _naming(repo: ContentRepository, relpath: str, stem: str, doc_type: DocType | None) -> list[str]:
    """The titles of the documents whose relations name this one (their relation field targets its type)."""
    if doc_type is None:
        return []
    relations = [f for f in repo.schema.fields.values() if f.kind == "relation" and f.target == doc_type.name]
    if not relations:
        return []
    if not repo.index.synced:  # a first start's quick listing: the index is not complete yet, so look at each
        return _naming_by_scan(repo, relpath, stem, doc_type)
    table: RelationTable = RelationTable.of(repo.index, *sorted({f.key for f in relations}))
    naming = {f.key: table.naming(f.key, stem) for f in relations}
    found: list[str] = []
    for path in sorted(set().union(*naming.values())):
        source = repo.type_of(path)
        if path == relpath or source is None:
            continue
        if any(f.name in source.fields and path in naming[f.key] for f in relations):
            entry = repo.index.peek(path)
            found.append((entry.title if entry is not None else None) or path.rsplit("/", 1)[-1][:-3])
    return found


def _naming_by_scan(repo: ContentRepository, relpath: str, stem: str, doc_type: DocType) -> list[str]:
    naming: list[str] = []
    relations = [f for f in repo.schema.fields.values() if f.kind == "relation"]
    index = repo.index.entries()
    for ref in repo.documents:
        if ref.path == relpath or ref.doc_type is None:
            continue
        keys = [f.key for f in relations if f.target == doc_type.name and f.name in ref.doc_type.fields]
        entry = (index.get(ref.path) or repo.index.get(ref.path)) if keys else None
        if entry is not None:
            values = [v for k in keys for v in _items(entry.fields.get(k))]
            if any(isinstance(v, str) and v.rsplit("/", 1)[-1] == stem for v in values):
                naming.append(entry.title or ref.stem)
    return naming


def _title(repo: ContentRepository, relpath: str) -> str:
    return repo.title(relpath) or relpath.rsplit("/", 1)[-1].removesuffix(".md")


def _items(value: object) -> list[object]:
    return value if isinstance(value, list) else [value] if value else []


def tag_texts(repo: ContentRepository, relpath: str, fields: dict[str, object], language: str = "nl") -> dict[str, str]:
    """The "Labels:" line of the tag macros, from the document's (possibly unsaved) field values."""
    labels = _labels(repo, relpath, fields, language)
    tags = ("Labels: " if language == "en" else "Labels: ") + (", ".join(labels) or "—")
    return {"tags": tags, "tags-ai-act": tags}


def macro_texts(repo: ContentRepository, relpath: str, language: str = "nl",
                fields: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Text for each macro of a document: its labels, the measures naming it, the requirements it names.

    `fields` are the document's current values (the editor's, unsaved); by default the index's.
    """
    en = language == "en"
    if fields is None:
        entry = repo.index.get(relpath)
        fields = entry.fields if entry is not None else {}
    stem = relpath.rsplit("/", 1)[-1].removesuffix(".md")
    texts = tag_texts(repo, relpath, fields, language)
    named: list[str] = []
    doc_type = repo.schema.type_for(relpath)
    naming = _naming(repo, relpath, stem, doc_type)
    if doc_type is not None:
        for definition in repo.schema.fields_of(doc_type):
            if definition.kind != "relation" or not definition.target:
                continue
            items = _items(fields.get(definition.key))
            for item in items[:MAX_LISTED]:
                path = repo.path_of(definition.target, str(item).rsplit("/", 1)[-1])
                named.append(_title(repo, path) if path else str(item))  # titles come from the index
            if len(items) > MAX_LISTED:
                named.append(f"… (+{len(items) - MAX_LISTED})")
    head = "Measures for this requirement" if en else "Maatregelen bij deze vereiste"
    texts["list_maatregelen"] = head + ":\n" + ("\n".join(f"• {t}" for t in sorted(naming)) or "—")
    head = "Requirements of this measure" if en else "Vereisten bij deze maatregel"
    texts["list_vereisten_on_maatregelen_page"] = head + ":\n" + ("\n".join(f"• {t}" for t in named) or "—")
    return texts
