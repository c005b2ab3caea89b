"""Known formats of the Algoritmekader repository, recognised by structure and fitted to the repository found.

A format is not a frozen list of files: the bundled schemas give the fields, labels, help texts and templates;
which folders hold which document type, where each vocabulary comes from, which keys are in use, the id
prefixes and whether file names start with the code are all read from the repository itself, by rule.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .loader import load_schema
from .model import NEVER_DOCUMENTS, DocType, FieldDef, Schema, Text, Vocabulary

if TYPE_CHECKING:  # the document reader loads when a format is recognised, not to open a repository with a schema
    from ..document import Document


@dataclass(frozen=True)
class Format:
    """A known format: its id (for settings and `--schema`), its name and the bundled schema it builds on."""

    id: str
    name: Text
    base: str  # bundled schema file name, without .yaml


FORMATS: dict[str, Format] = {f.id: f for f in (
    Format("algoritmekader-2024", Text("Algoritmekader, formaat 2024", "Algoritmekader, 2024 format"),
           "algoritmekader-2024"),
    Format("algoritmekader-najaar-2024", Text("Algoritmekader, formaat najaar 2024",
                                              "Algoritmekader, autumn 2024 format"), "algoritmekader-2026"),
    Format("algoritmekader-2026", Text("Algoritmekader, formaat 2026", "Algoritmekader, 2026 format"),
           "algoritmekader-2026"),
)}

# Document type -> the folder names that hold its documents (at any depth under docs/); hulpmiddelen were
# called instrumenten in 2024.
TYPE_FOLDERS = {"vereiste": ("vereisten",), "maatregel": ("maatregelen",),
                "hulpmiddel": ("hulpmiddelen", "instrumenten")}
# Vocabulary -> the folder under docs/ whose file (or sub-folder) names are its values, as upstream's CI reads.
VOCABULARY_FOLDERS = {"levenscyclus": "levenscyclus", "onderwerp": "onderwerpen", "bouwblok": "bouwblokken",
                      "rollen": "rollen"}
_MAX_DEPTH = 3
_SKIP = {"afbeeldingen", "assets", "javascripts", "stylesheets", "overrides"}


def bundled_schema(name: str) -> Schema:
    """A schema shipped with Redactie (resources/schemas/<name>.yaml)."""
    from ..resources import resource

    return load_schema(resource("schemas", f"{name}.yaml"))


@dataclass
class _TypeSample:
    folder: str  # repository-relative POSIX
    docs: dict[str, Document]  # file stem -> parsed document
    keys: Counter[str]


def _md_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".md" and p.name != "index.md")
    except OSError:
        return []


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:
        return []


def _folders(docs: Path) -> list[Path]:
    """Folders under docs/ up to a few levels deep (never templates or asset folders)."""
    found: list[Path] = []
    for folder, dirs, _files in os.walk(docs):
        depth = len(Path(folder).relative_to(docs).parts)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP and d not in NEVER_DOCUMENTS)
        if depth >= _MAX_DEPTH:
            dirs[:] = []
        found.extend(Path(folder) / d for d in dirs)
    return found


def _sample(root: Path, folder: Path) -> _TypeSample:
    from ..document import Document, FrontMatterError

    docs: dict[str, Document] = {}
    keys: Counter[str] = Counter()
    for path in _md_files(folder):
        try:
            doc = Document.parse(path.read_bytes())
        except (OSError, FrontMatterError):
            continue
        docs[path.stem] = doc
        keys.update(doc.fields.keys())
    return _TypeSample(folder.relative_to(root).as_posix(), docs, keys)


@dataclass
class Layout:
    """What the repository's structure shows: type folders, vocabulary folders, keys in use."""

    types: dict[str, _TypeSample]
    vocabularies: dict[str, str]  # vocabulary name -> "files:docs/x" or "folders:docs/x"
    docs: str = "docs"  # the site's source folder, relative to the root ("" when the root is that folder)

    @property
    def nested(self) -> bool:
        """Document folders below a section folder (docs/voldoen-aan-wetten-en-regels/vereisten)."""
        skip = len(self.docs.split("/")) if self.docs else 0
        return any(len(sample.folder.split("/")) - skip >= 2 for sample in self.types.values())

    def uses(self, key: str) -> int:
        """How many documents (of any type) use a front-matter key."""
        return sum(sample.keys[key] for sample in self.types.values())

    def urn_ids(self) -> int:
        """How many documents carry an `id` that is a URN."""
        return sum(1 for s in self.types.values() for d in s.docs.values()
                   if str(d.fields.get("id") or "").strip().startswith("urn:"))


def docs_folder(root: Path) -> Path | None:
    """The site's source folder: `docs/`, or the opened folder itself when it is that folder (a copy of docs/)."""
    if (root / "docs").is_dir():
        return root / "docs"
    names = {p.name for p in _subfolders(root)}
    if names & {"levenscyclus", "onderwerpen", "bouwblokken"} or any(
            n in names for folders in TYPE_FOLDERS.values() for n in folders):
        return root
    return None


def read_layout(root: Path) -> Layout | None:
    """The repository's structure, or None when it has no docs/ folder with a folder of vereisten."""
    docs = docs_folder(root)
    if docs is None:
        return None
    folders = _folders(docs)
    types: dict[str, _TypeSample] = {}
    for type_name, folder_names in TYPE_FOLDERS.items():
        candidates = [f for f in folders if f.name in folder_names and _md_files(f)]
        if candidates:
            best = max(candidates, key=lambda f: (len(_md_files(f)), -len(f.parts)))
            types[type_name] = _sample(root, best)
    vocabularies: dict[str, str] = {}
    for name, folder_name in VOCABULARY_FOLDERS.items():
        folder = docs / folder_name
        if not folder.is_dir():
            continue
        rel = folder.relative_to(root).as_posix()
        if _md_files(folder):
            vocabularies[name] = f"files:{rel}"
        elif _subfolders(folder):
            vocabularies[name] = f"folders:{rel}"
    if "vereiste" not in types:
        return None
    return Layout(types, vocabularies, "" if docs == root else docs.relative_to(root).as_posix())


def recognise(root: Path, layout: Layout | None = None) -> Format | None:
    """The known format whose structure the repository has, or None.

    The documents' own folders decide (a folder of vereisten under docs/, with documents that have a
    title) together with the defining folders or keys of the framework (levenscyclus, onderwerp, bouwblok).
    """
    layout = layout or read_layout(root)
    if layout is None:
        return None
    sample = layout.types["vereiste"]
    if not sample.docs or sample.keys["title"] * 2 < len(sample.docs):
        return None
    framework = ("levenscyclus" in layout.vocabularies or layout.uses("levenscyclus")
                 or layout.uses("onderwerp") or layout.uses("bouwblok"))
    if not framework:
        return None
    return FORMATS[_variant(layout)]


def _variant(layout: Layout) -> str:
    """The keys in use decide the generation (bouwblok and status_vereiste, or onderwerp and ids); the folders
    decide between the autumn 2024 layout (flat docs/vereisten) and the 2025-on layout (nested)."""
    newer = layout.uses("onderwerp") + layout.urn_ids() + (5 if "onderwerp" in layout.vocabularies else 0)
    older = layout.uses("bouwblok") + layout.uses("status_vereiste") + (5 if "bouwblok" in layout.vocabularies else 0)
    if older >= newer and older > 0:
        return "algoritmekader-2024"
    return "algoritmekader-2026" if layout.nested else "algoritmekader-najaar-2024"


def format_schema(root: Path, format_id: str, origin: str = "recognised", layout: Layout | None = None) -> Schema:
    """The schema of a known format, fitted to the repository at `root` (folders, vocabularies, keys, ids)."""
    fmt = FORMATS[format_id]
    base = bundled_schema(fmt.base)
    other = bundled_schema("algoritmekader-2024" if fmt.base != "algoritmekader-2024" else "algoritmekader-2026")
    fields = {**other.fields, **base.fields}
    vocabularies = {**other.vocabularies, **base.vocabularies}
    layout = layout or read_layout(root) or Layout({}, {})
    for name, source in layout.vocabularies.items():
        vocabularies[name] = Vocabulary(name, {}, source, extra=_paged_values(root, layout, name))
    types: dict[str, DocType] = {}
    for type_name in TYPE_FOLDERS:
        base_type = base.types.get(type_name) or other.types.get(type_name)
        if base_type is None:
            continue
        sample = layout.types.get(type_name)
        if sample is None:
            if not layout.types:
                types[type_name] = base_type  # nothing to fit to: the format as shipped
            continue
        types[type_name] = _fit_type(base_type, sample, fields, vocabularies, layout)
    for type_name, doc_type in list(types.items()):
        own = repository_template(root, (type_name,))
        if own is not None:
            types[type_name] = replace(doc_type, template=own)
    _fit_open_vocabularies(types, layout, vocabularies)
    for name, vocabulary in list(vocabularies.items()):
        if vocabulary.source.startswith(("files:", "folders:")) and name not in layout.vocabularies and layout.types:
            vocabularies[name] = Vocabulary(name, {}, "inline", open=True)  # no defining folder here
    for field in list(fields.values()):
        if field.kind == "relation" and field.target not in types:
            fields[field.name] = replace(field, kind="list", target=None)
    schema = Schema(fmt.name, types, fields, vocabularies, None, origin=origin, format_id=fmt.id)
    return schema


def _fit_type(base: DocType, sample: _TypeSample, fields: dict[str, FieldDef], vocabularies: dict[str, Vocabulary],
              layout: Layout) -> DocType:
    count = max(len(sample.docs), 1)
    by_key: dict[str, str] = {}
    for name in base.fields:
        by_key.setdefault(fields[name].key, name)
    id_field = f"id-{base.name}"
    if id_field in fields:
        by_key["id"] = id_field
    for name, field in fields.items():  # keys in use that the format knows from its other layouts
        if field.key in sample.keys and field.key not in by_key and not name.startswith("id-"):
            by_key[field.key] = name
    names: list[str] = []
    type_fields: dict[str, FieldDef] = {}
    for key, name in by_key.items():
        field = fields[name]
        used = sample.keys[key]
        if not used and name not in base.fields:
            continue
        vocabulary_source = vocabularies[field.vocabulary].source if field.vocabulary in vocabularies else "inline"
        if not used and vocabulary_source.startswith(("files:", "folders:")) and field.vocabulary not in (
                layout.vocabularies):
            continue  # a label whose defining folder this repository does not have
        # Required only where this layout asks for it (its own fields) and most documents have it.
        required = field.required and name in base.fields + [id_field] and (key == "title" or used * 2 >= count)
        fitted = replace(field, required=required)
        if field.vocabulary and vocabulary_source.startswith(("files:", "folders:")) and (
                field.vocabulary not in layout.vocabularies):
            fitted = replace(fitted, kind="list", vocabulary=None)  # no defining folder: values are free
        if fitted != fields[name]:
            name = f"{name}:{base.name}"  # fitted for this type only; other types keep theirs
        type_fields[name] = fitted
        names.append(name)
    id_format, code_in_name = base.id_format, False
    if "id" in sample.keys:
        prefixes: Counter[str] = Counter()
        for doc in sample.docs.values():
            value = str(doc.fields.get("id") or "").strip()
            if value.startswith("urn:") and ":" in value[4:]:
                prefixes[value.rsplit(":", 1)[0] + ":"] += 1
        if prefixes:
            prefix = prefixes.most_common(1)[0][0]
            id_format = prefix + "{code}"
            id_name = next((n for n in names if type_fields[n].key == "id"), None)
            if id_name is not None:
                pattern = "^" + re.escape(prefix) + "[a-z0-9]+(?:-[a-z0-9]+)*$"  # as every id in the history
                type_fields[id_name] = replace(type_fields[id_name], pattern=pattern)
            prefixed = sum(1 for stem, doc in sample.docs.items()
                           if _code_prefixed(stem, str(doc.fields.get("id") or "").strip(), prefix))
            with_id = sum(1 for doc in sample.docs.values() if str(doc.fields.get("id") or "").strip())
            code_in_name = with_id > 0 and prefixed * 2 >= with_id
    fields.update(type_fields)
    sections: Counter[str] = Counter()
    for doc in sample.docs.values():
        sections.update(set(doc.section_names))
    kept = [s for s in base.sections if sections[s] * 2 >= count]
    return replace(base, files=[f"{sample.folder}/*.md"], fields=names, sections=kept, id_format=id_format,
                   code_in_file_name=code_in_name, file_name="{code}-{slug}.md" if code_in_name else "{slug}.md")


def repository_template(root: Path, names: tuple[str, ...]) -> str | None:
    """The repository's own template for a type (`templates/template-vereiste.md`): it feeds "Nieuw document"."""
    folder = root / "templates"
    if not folder.is_dir():
        return None
    for path in sorted(folder.glob("*.md")):
        words = set(re.split(r"[-_. ]+", path.stem.lower()))
        if words & set(names):
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
    return None


def _paged_values(root: Path, layout: Layout, key: str) -> tuple[str, ...]:
    """Values of `key` that several documents share and that have their own page under docs/ (`governance`)."""
    counts: Counter[str] = Counter()
    for sample in layout.types.values():
        for doc in sample.docs.values():
            value = doc.fields.get(key)
            counts.update({v.strip() for v in (value if isinstance(value, list) else [value])
                           if isinstance(v, str) and v.strip()})
    docs = docs_folder(root) or root / "docs"
    return tuple(sorted(v for v, n in counts.items() if n >= 2 and "/" not in v and not v.startswith(".")
                        and ((docs / v / "index.md").is_file() or (docs / f"{v}.md").is_file())))


def _code_prefixed(stem: str, value: str, prefix: str) -> bool:
    if not value.startswith(prefix):
        return False
    code = value[len(prefix):]
    return re.match(rf"^(?:\d+-)?{re.escape(code)}-", stem + "-") is not None


def _fit_open_vocabularies(types: dict[str, DocType], layout: Layout, vocabularies: dict[str, Vocabulary]) -> None:
    """Inline vocabularies without a defining source gain the values several documents share."""
    for name, vocabulary in list(vocabularies.items()):
        if vocabulary.source != "inline" or name in ("hide", "status_vereiste") or name in AI_ACT_LISTS:
            continue
        counts: Counter[str] = Counter()
        for sample in layout.types.values():
            for doc in sample.docs.values():
                value = doc.fields.get(name)
                items = value if isinstance(value, list) else [value]
                counts.update({str(v).strip() for v in items if isinstance(v, str) and v.strip()})
        shared = {v: Text(v, v) for v, n in sorted(counts.items()) if n >= 2 and v not in vocabulary.values}
        if shared:
            vocabularies[name] = Vocabulary(name, {**vocabulary.values, **shared}, "inline", vocabulary.open)


# The AI Act label lists upstream checks vereisten against (fixed by the regulation, not derived).
AI_ACT_LISTS = ("soort-toepassing", "risicogroep", "rol-ai-act", "transparantieverplichting", "systeemrisico",
                "open-source", "uitzondering")
