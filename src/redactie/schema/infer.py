"""A schema inferred from the documents found, for repositories without a schema file."""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from ..document import Document, FrontMatterError
from .formats import repository_template
from .model import NEVER_DOCUMENTS, DocType, FieldDef, Schema, Text, Vocabulary

_VOCAB_FOLDER_NAMES = {"bouwblok": "bouwblokken", "onderwerp": "onderwerpen"}
_MIN_DOCS = 2
_FREE_TEXT = 80  # a value longer than this is prose, not a label


def _vocabulary_folder(root: Path, key: str) -> tuple[str, str] | None:
    """A folder whose file or sub-folder names could be the values of `key` (`docs/levenscyclus`)."""
    for base in (root / "docs", root):
        for name in (key, _VOCAB_FOLDER_NAMES.get(key, key), key + "en", key + "s"):
            folder = base / name
            if folder.is_dir():
                rel = folder.relative_to(root).as_posix()
                try:
                    entries = list(folder.iterdir())
                except OSError:
                    continue
                if any(p.suffix == ".md" and p.name != "index.md" for p in entries):
                    return "files", rel
                if any(p.is_dir() for p in entries):
                    return "folders", rel
    return None


def _is_document_path(rel: str) -> bool:
    parts = rel.split("/")
    return len(parts) >= 2 and parts[-1] != "index.md" and not any(p in NEVER_DOCUMENTS for p in parts[:-1])


def infer_schema(root: Path) -> Schema:
    """Infer document types (one per folder of documents with front matter), per-type fields and vocabularies.

    Rules: `index.md` and `templates/` are never documents; a relation's values are the file names of all
    documents of its target type; a vocabulary's values come from a defining folder or from values that
    several documents share; a field whose values are lists stays a list.
    """
    from ..fileio import read_document
    from ..repository import markdown_files

    by_folder: dict[str, dict[str, Document | None]] = defaultdict(dict)
    for rel in markdown_files(root):
        if not _is_document_path(rel):
            continue
        try:
            doc: Document | None = Document.parse(read_document(root / rel))
        except (OSError, FrontMatterError):
            doc = None  # still a file of its folder: validation reports it
        by_folder[rel.rsplit("/", 1)[0]][rel.rsplit("/", 1)[1][:-3]] = doc
    folders = {folder: files for folder, files in by_folder.items()
               if len(files) >= _MIN_DOCS and _titled(files) * 2 >= len(files)}
    names = _type_names(folders)
    stems = {names[folder]: set(files) for folder, files in folders.items()}
    vocabularies: dict[str, Vocabulary] = {}
    fields: dict[str, FieldDef] = {}
    types: dict[str, DocType] = {}
    for folder, files in sorted(folders.items()):
        name = names[folder]
        docs = [d for d in files.values() if d is not None]
        keys: Counter[str] = Counter()
        samples: dict[str, list[Any]] = defaultdict(list)
        sections: Counter[str] = Counter()
        for doc in docs:
            keys.update(doc.fields.keys())
            for key, value in doc.fields.items():
                samples[key].append(value)
            sections.update(set(doc.section_names))
        field_names = []
        for key in keys:
            field = _infer_field(root, key, samples[key], len(docs), vocabularies, stems, name)
            field_name = key if fields.get(key, field) == field else f"{key}:{name}"
            fields[field_name] = replace(field, name=field_name)
            field_names.append(field_name)
        ordered = [s for s in _section_order(docs) if sections[s] * 2 >= len(docs)]
        singular = {name, name.removesuffix("en"), name.removesuffix("s"), name.rsplit("-", 1)[-1]}
        types[name] = DocType(name=name, label=Text(name, name), files=[f"{folder}/*.md"], fields=field_names,
                              sections=ordered, template=repository_template(root, tuple(singular)) or "")
    sources = {v.source.partition(":")[2] for v in vocabularies.values() if v.source.startswith(("files:", "folders:"))}
    types = {name: t for name, t in types.items()
             if not any(t.files[0] == f"{src}/*.md" or t.files[0].startswith(src + "/") for src in sources)}
    for field_name, field in list(fields.items()):
        if field.kind == "relation" and field.target not in types:
            fields[field_name] = replace(field, kind="list", target=None)
    for vocabulary in list(vocabularies.values()):
        if vocabulary.source.startswith("documents:") and vocabulary.source[10:] not in types:
            del vocabularies[vocabulary.name]
    return Schema(Text("Afgeleid schema", "Inferred schema"), types, fields, vocabularies, None, inferred=True,
                  origin="inferred")


def _titled(files: dict[str, Document | None]) -> int:
    return sum(1 for d in files.values() if d is None or "title" in d.fields)


def _type_names(folders: dict[str, dict[str, Document | None]]) -> dict[str, str]:
    """A type name per folder: its own name, or its path when two folders share a name."""
    last = Counter(folder.rsplit("/", 1)[-1] for folder in folders)
    return {folder: folder.rsplit("/", 1)[-1] if last[folder.rsplit("/", 1)[-1]] == 1 else folder.replace("/", "-")
            for folder in folders}


def _section_order(docs: list[Document]) -> list[str]:
    order: list[str] = []
    for doc in docs:
        for section in doc.section_names:
            if section not in order:
                order.append(section)
    return order


def _relation_target(values: list[Any], stems: dict[str, set[str]], own: str) -> str | None:
    """The document type whose file names most of the list's values are (a relation), or None."""
    items = [str(item).strip() for v in values if isinstance(v, list) for item in v if isinstance(item, str)]
    items = [i for i in items if i]
    if not items:
        return None
    best = max(stems, key=lambda t: sum(i in stems[t] for i in items), default=None)
    if best is None or best == own:
        return None
    return best if sum(i in stems[best] for i in items) * 2 >= len(items) else None


def _infer_field(root: Path, key: str, values: list[Any], count: int, vocabularies: dict[str, Vocabulary],
                 stems: dict[str, set[str]], type_name: str) -> FieldDef:
    label = Text(key, key)
    required = count >= _MIN_DOCS and len(values) == count and not any(_empty(v) for v in values)
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, list) for v in present):
        if any(isinstance(item, (list, dict)) for v in present for item in v):
            return FieldDef(key, "readonly", label, Text("", ""), False)
        source = _vocabulary_folder(root, key)
        if source is not None:
            vocabularies[key] = Vocabulary(key, {}, f"{source[0]}:{source[1]}",
                                           extra=_paged_values(root, present))
            return FieldDef(key, "multichoice", label, Text("", ""), required, vocabulary=key, multiple=True)
        target = _relation_target(present, stems, type_name)
        if target is not None:
            vocabularies[f"documents:{target}"] = Vocabulary(f"documents:{target}", {}, f"documents:{target}")
            return FieldDef(key, "relation", label, Text("", ""), required, target=target, multiple=True)
        known = _FIXED.get(key)
        if known is not None:
            vocabularies[key] = Vocabulary(key, {v: Text(v, v) for v in known}, "inline",
                                           open=key == "uitzondering")
            return FieldDef(key, "multichoice", label, Text("", ""), required, vocabulary=key, multiple=True)
        vocabulary_name = f"{key}:{type_name}"
        shared = _shared_values(present)
        items = [str(i).strip() for v in present for i in v if isinstance(i, str) and i.strip()]
        if shared and sum(i in shared for i in items) >= 0.8 * len(items):
            merged = {**(vocabularies[vocabulary_name].values if vocabulary_name in vocabularies else {}),
                      **{v: Text(v, v) for v in sorted(shared)}}
            vocabularies[vocabulary_name] = Vocabulary(vocabulary_name, merged, "inline")
            return FieldDef(key, "multichoice", label, Text("", ""), required, vocabulary=vocabulary_name,
                            multiple=True)
        return FieldDef(key, "list", label, Text("", ""), required, multiple=True)
    if present and all(isinstance(v, str) for v in present):
        kind = "multiline" if max(len(v) for v in present) > _FREE_TEXT else "text"
        if key == "id" and all(v.strip().startswith("urn:") for v in present):
            kind = "identifier"
        return FieldDef(key, kind, label, Text("", ""), required, unique=kind == "identifier")
    return FieldDef(key, "readonly", label, Text("", ""), False)


def _empty(value: Any) -> bool:
    if isinstance(value, list):
        return all(_empty(v) for v in value)
    return value is None or (isinstance(value, str) and not value.strip()) or value == {}


def _shared_values(values: list[list[Any]]) -> set[str]:
    """Values that at least two documents use (a value seen once may be a typo, never a vocabulary entry)."""
    counts: Counter[str] = Counter()
    for value in values:
        counts.update({str(i).strip() for i in value if isinstance(i, str) and i.strip()})
    return {v for v, n in counts.items() if n >= 2 and len(v) <= _FREE_TEXT}


# Lists fixed by the framework rather than by the repository (the AI Act labels and the page display switches).
_FIXED = {
    "hide": ("navigation", "toc", "path", "footer", "feedback", "tags"),
    "soort-toepassing": ("ai-systeem", "ai-systeem-voor-algemene-doeleinden", "ai-model-voor-algemene-doeleinden"),
    "risicogroep": ("hoog-risico-ai-systeem", "geen-hoog-risico-ai-systeem", "uitzondering-van-toepassing",
                    "verboden-ai", "niet-van-toepassing"),
    "rol-ai-act": ("aanbieder", "gebruiksverantwoordelijke", "importeur", "distributeur"),
    "transparantieverplichting": ("transparantieverplichting", "geen-transparantieverplichting",
                                  "niet-van-toepassing"),
    "systeemrisico": ("systeemrisico", "geen-systeemrisico", "niet-van-toepassing"),
    "open-source": ("open-source", "geen-open-source", "niet-van-toepassing"),
    "uitzondering": ("risicogroep-uitzondering-van-toepassing",),  # or a logical expression over the labels
}


def _paged_values(root: Path, values: list[list[Any]]) -> tuple[str, ...]:
    """Shared values with their own page under docs/ (a topic that became a section, like `governance`)."""
    docs = root / "docs"
    return tuple(sorted(v for v in _shared_values(values) if "/" not in v and not v.startswith(".")
                        and ((docs / v / "index.md").is_file() or (docs / f"{v}.md").is_file())))


def _text(text: Text) -> dict[str, str]:
    return {"nl": text.nl, "en": text.en}


def schema_to_yaml(schema: Schema) -> str:
    """The schema as schema-file YAML (a starting point that a maintainer can edit); it reads back the same."""
    data: dict[str, Any] = {"schema": 1, "name": _text(schema.name), "vocabularies": {}, "fields": {}, "types": {}}
    for name, vocabulary in schema.vocabularies.items():
        kind, _, arg = vocabulary.source.partition(":")
        if kind == "inline":
            spec: dict[str, Any] = {"values": {k: _text(v) for k, v in vocabulary.values.items()}}
        else:
            spec = {kind: arg}
        if vocabulary.open:
            spec["open"] = True
        if vocabulary.extra:
            spec["also"] = list(vocabulary.extra)
        data["vocabularies"][name] = spec
    for name, field in schema.fields.items():
        spec = {"kind": field.kind, "label": _text(field.label)}
        if field.help.nl or field.help.en:
            spec["help"] = _text(field.help)
        if field.key != name:
            spec["key"] = field.key
        for attr in ("required", "vocabulary", "max_words", "pattern", "unique", "target", "multiple",
                     "no_full_stop", "default"):
            value = getattr(field, attr)
            if value not in (None, False):
                spec[attr] = value
        if field.store != "auto":
            spec["store"] = field.store
        data["fields"][name] = spec
    for name, doc_type in schema.types.items():
        spec = {"label": _text(doc_type.label), "files": doc_type.files, "fields": doc_type.fields,
                "sections": doc_type.sections, "file_name": doc_type.file_name}
        if doc_type.slug_separator != "-":
            spec["slug_separator"] = doc_type.slug_separator
        if doc_type.id_format:
            spec["id"] = doc_type.id_format
        if doc_type.code_in_file_name:
            spec["code_in_file_name"] = True
        if doc_type.template:
            spec["template"] = LiteralScalarString(doc_type.template)
        data["types"][name] = spec
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 120
    out = io.StringIO()
    out.write("# Redactie schema for this repository. Check and adjust it (Redactie's README: Content schema).\n")
    yaml.dump(data, out)
    return out.getvalue()


def write_inferred_schema(root: Path, schema: Schema) -> Path:
    """Write an inferred schema as the repository's schema file; never overwrites an existing one."""
    from ..fileio import atomic_write, safe_target
    from .model import SCHEMA_FILE

    target = safe_target(root, SCHEMA_FILE)
    if target.exists():
        raise FileExistsError(str(target))
    atomic_write(target, schema_to_yaml(schema).encode("utf-8"))
    return target
