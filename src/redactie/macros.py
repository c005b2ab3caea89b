"""What the site's macros show, resolved from the repository, for the preview (Qt-free)."""

from __future__ import annotations

from .repository import ContentRepository
from .summary import quick_fields

MAX_LISTED = 500  # related documents shown per macro; a hostile list of 100,000 names is cut with a count


def _labels(repo: ContentRepository, relpath: str, fields: dict[str, object], language: str) -> list[str]:
    doc_type = repo.schema.type_for(relpath)
    if doc_type is None:
        return []
    vocabularies = repo.vocabularies()
    found = []
    for definition in repo.schema.fields_of(doc_type):
        if definition.kind not in ("choice", "multichoice") or definition.vocabulary not in vocabularies:
            continue
        value = fields.get(definition.key)
        values = value if isinstance(value, list) else [value] if value else []
        vocabulary = vocabularies[definition.vocabulary]
        found.extend(vocabulary.label(str(v), language) for v in values[:MAX_LISTED] if v is not None)
    return found


def _title(repo: ContentRepository, relpath: str) -> str:
    title = quick_fields(repo.root / relpath).get("title")
    return str(title) if title else relpath.rsplit("/", 1)[-1].removesuffix(".md")


def tag_texts(repo: ContentRepository, relpath: str, fields: dict[str, object], language: str = "nl") -> dict[str, str]:
    """The "Labels:" line of the tag macros, from the document's (possibly unsaved) field values."""
    labels = _labels(repo, relpath, fields, language)
    tags = ("Labels: " if language == "en" else "Labels: ") + (", ".join(labels) or "—")
    return {"tags": tags, "tags-ai-act": tags}


def macro_texts(repo: ContentRepository, relpath: str, language: str = "nl") -> dict[str, str]:
    """Text for each macro of a document: its labels, the measures naming it, the requirements it names."""
    en = language == "en"
    fields = quick_fields(repo.root / relpath)
    stem = relpath.rsplit("/", 1)[-1].removesuffix(".md")
    texts = tag_texts(repo, relpath, fields, language)
    naming: list[str] = []
    named: list[str] = []
    doc_type = repo.schema.type_for(relpath)
    relations = [f for f in repo.schema.fields.values() if f.kind == "relation"]
    for ref in repo.documents:
        if ref.path == relpath or ref.doc_type is None:
            continue
        keys = [f.key for f in relations if doc_type is not None and f.target == doc_type.name
                and f.name in ref.doc_type.fields]
        if keys:
            other = quick_fields(repo.root / ref.path)
            values = [v for k in keys for v in (other.get(k) if isinstance(other.get(k), list) else [other.get(k)])]
            if any(isinstance(v, str) and v.rsplit("/", 1)[-1] == stem for v in values):
                naming.append(_title(repo, ref.path))
    titles: dict[str, str] = {}
    if doc_type is not None:
        for definition in repo.schema.fields_of(doc_type):
            if definition.kind != "relation" or not definition.target:
                continue
            value = fields.get(definition.key)
            targets = {ref.stem: ref.path for ref in repo.documents_of(definition.target)}
            items = value if isinstance(value, list) else [value] if value else []
            for item in items[:MAX_LISTED]:
                path = targets.get(str(item).rsplit("/", 1)[-1])
                if path and path not in titles:
                    titles[path] = _title(repo, path)  # each document read once, however often it is named
                named.append(titles[path] if path else str(item))
            if len(items) > MAX_LISTED:
                named.append(f"… (+{len(items) - MAX_LISTED})")
    head = "Measures for this requirement" if en else "Maatregelen bij deze vereiste"
    texts["list_maatregelen"] = head + ":\n" + ("\n".join(f"• {t}" for t in sorted(naming)) or "—")
    head = "Requirements of this measure" if en else "Vereisten bij deze maatregel"
    texts["list_vereisten_on_maatregelen_page"] = head + ":\n" + ("\n".join(f"• {t}" for t in named) or "—")
    return texts
