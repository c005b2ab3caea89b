"""What the site's macros show, resolved from the repository's index, for the preview (Qt-free).

Everything comes from the document index: showing a document's macros reads no other file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .repository import ContentRepository
from .schema import Vocabulary
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
    naming: list[str] = []
    named: list[str] = []
    doc_type = repo.schema.type_for(relpath)
    relations = [f for f in repo.schema.fields.values() if f.kind == "relation"]
    index = repo.index.entries()
    for ref in repo.documents:
        if ref.path == relpath or ref.doc_type is None:
            continue
        keys = [f.key for f in relations if doc_type is not None and f.target == doc_type.name
                and f.name in ref.doc_type.fields]
        entry = (index.get(ref.path) or repo.index.get(ref.path)) if keys else None
        if entry is not None:
            values = [v for k in keys for v in _items(entry.fields.get(k))]
            if any(isinstance(v, str) and v.rsplit("/", 1)[-1] == stem for v in values):
                naming.append(entry.title or ref.stem)
    if doc_type is not None:
        for definition in repo.schema.fields_of(doc_type):
            if definition.kind != "relation" or not definition.target:
                continue
            targets = {ref.stem: ref.path for ref in repo.documents_of(definition.target)}
            items = _items(fields.get(definition.key))
            for item in items[:MAX_LISTED]:
                path = targets.get(str(item).rsplit("/", 1)[-1])
                named.append(_title(repo, path) if path else str(item))  # titles come from the index
            if len(items) > MAX_LISTED:
                named.append(f"… (+{len(items) - MAX_LISTED})")
    head = "Measures for this requirement" if en else "Maatregelen bij deze vereiste"
    texts["list_maatregelen"] = head + ":\n" + ("\n".join(f"• {t}" for t in sorted(naming)) or "—")
    head = "Requirements of this measure" if en else "Vereisten bij deze maatregel"
    texts["list_vereisten_on_maatregelen_page"] = head + ":\n" + ("\n".join(f"• {t}" for t in named) or "—")
    return texts
