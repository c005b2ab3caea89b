"""A schema inferred from the documents found, for repositories without a schema file."""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ..document import Document, FrontMatterError
from .model import DocType, FieldDef, Schema, Text, Vocabulary

_VOCAB_FOLDER_NAMES = {"bouwblok": "bouwblokken", "onderwerp": "onderwerpen"}
_MIN_DOCS = 2


def _vocabulary_folder(root: Path, key: str) -> tuple[str, str] | None:
    """A folder whose file or sub-folder names could be the values of `key` (`docs/levenscyclus`)."""
    for base in (root / "docs", root):
        for name in (key, _VOCAB_FOLDER_NAMES.get(key, key), key + "en", key + "s"):
            folder = base / name
            if folder.is_dir():
                rel = folder.relative_to(root).as_posix()
                if any(p.suffix == ".md" and p.name != "index.md" for p in folder.iterdir()):
                    return "files", rel
                if any(p.is_dir() for p in folder.iterdir()):
                    return "folders", rel
    return None


def infer_schema(root: Path) -> Schema:
    """Infer document types (one per folder of documents with front matter), fields and vocabularies."""
    from ..fileio import read_document
    from ..repository import markdown_files

    by_folder: dict[str, list[Document]] = defaultdict(list)
    for rel in markdown_files(root):
        if rel.endswith("/index.md") or rel == "index.md" or "/" not in rel:
            continue
        try:
            doc = Document.parse(read_document(root / rel))
        except (OSError, FrontMatterError):
            continue
        if "title" in doc.fields:
            by_folder[rel.rsplit("/", 1)[0]].append(doc)
    vocabularies: dict[str, Vocabulary] = {}
    fields: dict[str, FieldDef] = {}
    types: dict[str, DocType] = {}
    folder_names = {folder.rsplit("/", 1)[-1] for folder in by_folder}
    for folder, docs in sorted(by_folder.items()):
        if len(docs) < _MIN_DOCS:
            continue
        name = folder.rsplit("/", 1)[-1]
        keys: Counter[str] = Counter()
        samples: dict[str, list[Any]] = defaultdict(list)
        sections: Counter[str] = Counter()
        for doc in docs:
            keys.update(doc.fields.keys())
            for key, value in doc.fields.items():
                samples[key].append(value)
            sections.update(set(doc.section_names))
        for key in keys:
            if key not in fields:
                fields[key] = _infer_field(root, key, samples[key], len(docs), vocabularies, folder_names)
        common = [s for s, n in sections.items() if n >= len(docs) / 2]
        types[name] = DocType(name=name, label=Text(name, name), files=[f"{folder}/*.md"], fields=list(keys),
                              sections=common)
    sources = {v.source.partition(":")[2] for v in vocabularies.values() if v.source.startswith(("files:", "folders:"))}
    types = {name: t for name, t in types.items()
             if not any(t.files[0].startswith(src + "/") for src in sources)}
    return Schema(Text("Afgeleid schema", "Inferred schema"), types, fields, vocabularies, None, inferred=True)


def _infer_field(root: Path, key: str, values: list[Any], count: int, vocabularies: dict[str, Vocabulary],
                 folder_names: set[str]) -> FieldDef:
    label = Text(key, key)
    required = len(values) == count and all(v not in (None, "", []) for v in values)
    if all(isinstance(v, list) for v in values):
        source = _vocabulary_folder(root, key)
        if source is not None:
            vocabularies[key] = Vocabulary(key, {}, f"{source[0]}:{source[1]}")
        elif key in folder_names:
            vocabularies[key] = Vocabulary(key, {}, f"documents:{key}")
            return FieldDef(key, "relation", label, Text("", ""), required, target=key, multiple=True)
        else:
            observed = sorted({str(item) for v in values for item in v if isinstance(item, str)})
            if not observed or any(" " in item for item in observed):
                return FieldDef(key, "readonly", label, Text("", ""), False)
            vocabularies[key] = Vocabulary(key, {v: Text(v, v) for v in observed}, "inline")
        return FieldDef(key, "multichoice", label, Text("", ""), required, vocabulary=key, multiple=True)
    if all(isinstance(v, str) for v in values):
        kind = "multiline" if max(len(v) for v in values) > 80 else "text"
        return FieldDef(key, kind, label, Text("", ""), required)
    return FieldDef(key, "readonly", label, Text("", ""), False)


def schema_to_yaml(schema: Schema) -> str:
    """The schema as schema-file YAML (a starting point that a maintainer can edit)."""
    data: dict[str, Any] = {"schema": 1, "name": {"nl": schema.name.nl, "en": schema.name.en}, "vocabularies": {},
                            "fields": {}, "types": {}}
    for name, vocabulary in schema.vocabularies.items():
        kind, _, arg = vocabulary.source.partition(":")
        data["vocabularies"][name] = {"values": list(vocabulary.values)} if kind == "inline" else {kind: arg}
    for name, field in schema.fields.items():
        spec: dict[str, Any] = {"kind": field.kind, "label": {"nl": field.label.nl, "en": field.label.en}}
        if field.key != name:
            spec["key"] = field.key
        for attr in ("required", "vocabulary", "max_words", "pattern", "target", "multiple"):
            value = getattr(field, attr)
            if value not in (None, False):
                spec[attr] = value
        data["fields"][name] = spec
    for name, doc_type in schema.types.items():
        data["types"][name] = {"label": {"nl": doc_type.label.nl, "en": doc_type.label.en}, "files": doc_type.files,
                               "fields": doc_type.fields, "sections": doc_type.sections}
    yaml = YAML()
    yaml.default_flow_style = False
    out = io.StringIO()
    out.write("# Redactie schema, inferred from the documents found. Check and adjust it.\n")
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
