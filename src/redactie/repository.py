"""A content repository on disk: its schema, its documents by type, and vocabularies resolved from it."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .fileio import read_document, safe_target
from .folders import SCHEMA_FILE, find_root, markdown_files
from .index import DocumentIndex, Signatures, cache_file_for
from .schema import DocType, Schema, SchemaError, Text, Vocabulary


@dataclass
class DocumentRef:
    """A document file of the repository, by repository-relative POSIX path."""

    path: str
    doc_type: DocType | None

    @property
    def stem(self) -> str:
        """The file name without `.md` (what relations refer to)."""
        return self.path.rsplit("/", 1)[-1][:-3]


def read_file(path: Path) -> bytes:
    """A document's bytes: regular files only, within the size limit (FileRefused, an OSError, otherwise)."""
    return read_document(path)


def _inside(root: Path, path: Path) -> bool:
    """True when `path` lies inside `root` without a link on the way (what a schema may point the app at)."""
    try:
        relpath = path.relative_to(root).as_posix()
        if relpath != ".":
            safe_target(root, relpath, folder=True)
    except (ValueError, OSError):
        return False
    return True


_ORDINAL = re.compile(r"^\s*(?:[^\W\d]+\s+)?(\d{1,4})(?!\d)")  # "Fase 2, ontwerp", "3. Ontwerp", "02-ontwerp"


def _ordinal(text: str) -> int | None:
    match = _ORDINAL.match(text)
    return int(match.group(1)) if match else None


def _phase_order(entry: tuple[str, str | None]) -> tuple[int, int]:
    """Sort key for vocabulary entries: the number a title or name starts with ("Fase 2"); unnumbered last."""
    name, title = entry
    number = _ordinal(title or "")
    if number is None:
        number = _ordinal(name)
    return (0, number) if number is not None else (1, 0)  # a stable sort keeps the name order within each


class _Lookups:
    """Look-ups over one listing of the documents (a new listing gets new ones)."""

    def __init__(self, refs: list[DocumentRef]) -> None:
        self.refs = refs
        self.types = {ref.path: ref.doc_type for ref in refs}
        self.paths = frozenset(self.types)
        self._stems: dict[str, dict[str, str]] = {}
        self._lock = threading.Lock()

    def by_stem(self, type_name: str) -> dict[str, str]:
        with self._lock:
            found = self._stems.get(type_name)
            if found is None:
                found = self._stems[type_name] = {ref.stem: ref.path for ref in self.refs
                                                  if ref.doc_type and ref.doc_type.name == type_name}
            return found


class ContentRepository:
    """A folder of documents described by a schema (read from the folder, or inferred)."""

    def __init__(self, root: Path, schema: Schema | None = None) -> None:
        self.root = root
        if schema is None:
            from .schema.select import select_schema

            schema = select_schema(root)  # schema file, recognised format, the user's choice, or inferred
        self.schema = schema
        self._refs: list[DocumentRef] | None = None
        self._folders: dict[str, int] = {}  # each folder's modification time as `documents` walked it
        self._vocabularies: dict[str, Vocabulary] | None = None
        self._resolved: dict[str, Vocabulary] = {}  # vocabularies resolved one at a time
        self._stems: dict[str, frozenset[str]] = {}
        self._value_names: dict[str, tuple[str, ...]] = {}
        self._index: DocumentIndex | None = None
        self._glanced: dict[str, str | None] = {}  # titles of a quick first reading, until the index is complete
        self._lookup_cache: _Lookups | None = None

    @property
    def index(self) -> DocumentIndex:
        """The document index (titles, fields, id lines per file), cached in the user's cache folder."""
        if self._index is None:
            self._index = DocumentIndex(self.root, cache_file_for(self.root))
        return self._index

    def sync_index(self, cancelled: Callable[[], bool] = lambda: False,
                   progress: Callable[[int, int], None] | None = None, seen: Signatures | None = None) -> bool:
        """Bring the index in line with every document on disk (reading only changed files) and save it
        (`seen`: the files' stats a `stale` call just took, see `DocumentIndex.sync`)."""
        if not self.index.sync((ref.path for ref in self.documents), cancelled, progress, seen):
            return False
        self._glanced = {}
        self.index.save()
        return True

    def use_titles(self, titles: dict[str, str | None]) -> None:
        """Titles of files the index has not read yet, from a quick first reading that gives exactly the full
        reader's titles (see `index.quick_title`): relation choices use them until the index is complete."""
        self._glanced = titles

    def title(self, relpath: str) -> str | None:
        """A file's title from the index, or None when it has none or cannot be read."""
        glanced = self._glanced
        if relpath in glanced:
            return glanced[relpath]
        entry = self.index.get(relpath)
        return entry.title if entry is not None else None

    def _titles(self, relpaths: list[str]) -> list[str | None]:
        """`title` of each path, looked up in one snapshot of the index (thousands for a documents vocabulary)."""
        glanced, known = self._glanced, self.index.entries()
        found: list[str | None] = []
        for relpath in relpaths:
            if relpath in glanced:
                found.append(glanced[relpath])
                continue
            entry = known.get(relpath)
            if entry is None:
                entry = self.index.get(relpath)  # not in the index yet: read now, as `title` does
            found.append(entry.title if entry is not None else None)
        return found

    def _file_title(self, path: Path) -> str | None:
        """The title of a file that a vocabulary reads (checked against the disk: these are few)."""
        try:
            relpath = path.relative_to(self.root).as_posix()
        except ValueError:
            return None
        entry = self.index.update(relpath)
        return entry.title if entry is not None else None

    @property
    def documents(self) -> list[DocumentRef]:
        """Every Markdown file that belongs to a document type."""
        if self._refs is None:
            type_of, folders = self.schema.typer(), {}
            refs = (DocumentRef(p, type_of(p)) for p in markdown_files(self.root, folders))
            self._refs, self._folders = [ref for ref in refs if ref.doc_type is not None], folders
        return self._refs

    def listing(self) -> tuple[list[DocumentRef], dict[str, int]]:
        """`documents`, with the modification time of each folder the walk listed them from (taken before the
        folder was listed: a file added, removed or renamed in it since changes it)."""
        refs = self.documents
        return refs, self._folders

    def _lookups(self) -> _Lookups:
        """Look-ups made from `documents`, made again when the listing is (see `refresh`)."""
        refs = self.documents
        lookups = self._lookup_cache
        if lookups is None or lookups.refs is not refs:
            lookups = self._lookup_cache = _Lookups(refs)
        return lookups

    @property
    def document_paths(self) -> frozenset[str]:
        """The paths of `documents`, as a set."""
        return self._lookups().paths

    def type_of(self, relpath: str) -> DocType | None:
        """The type of a listed document (None for any other path), without the schema's matching."""
        return self._lookups().types.get(relpath)

    def path_of(self, type_name: str, stem: str) -> str | None:
        """The path of the document of this type with this file name (what a relation names), or None."""
        return self._lookups().by_stem(type_name).get(stem)

    def refresh(self) -> None:
        """Forget cached listings and vocabularies (after files changed on disk)."""
        self._refs = None
        self._vocabularies = None
        self._resolved = {}
        self._stems = {}
        self._value_names = {}
        self._glanced = {}

    def documents_of(self, type_name: str) -> list[DocumentRef]:
        """The documents of one type."""
        return [ref for ref in self.documents if ref.doc_type and ref.doc_type.name == type_name]

    def stems(self, type_name: str) -> frozenset[str]:
        """The file names (without `.md`) of one type's documents: what relations may name."""
        if type_name not in self._stems:
            self._stems[type_name] = frozenset(ref.stem for ref in self.documents_of(type_name))
        return self._stems[type_name]

    def vocabulary(self, name: str) -> Vocabulary:
        """A vocabulary with its values resolved from the repository where it is derived (only this one: a
        vocabulary of document titles reads every document of its type)."""
        if self._vocabularies is not None:
            return self._vocabularies[name]
        if name not in self._resolved:
            self._resolved[name] = self._resolve(self.schema.vocabularies[name])
        return self._resolved[name]

    @property
    def resolved(self) -> bool:
        """True when `vocabularies()` answers at once (resolved already: it reads nothing)."""
        return self._vocabularies is not None

    def vocabularies(self) -> dict[str, Vocabulary]:
        """All vocabularies, resolved."""
        if self._vocabularies is None:
            self._vocabularies = {name: self.vocabulary(name) for name in self.schema.vocabularies}
        return self._vocabularies

    def value_names(self, name: str) -> tuple[str, ...]:
        """A vocabulary's values in its order, without reading every document's title (what validation needs)."""
        if self._vocabularies is not None:
            return tuple(self._vocabularies[name].values)
        if not self._value_names:  # all at once, so a broken vocabulary is refused as `vocabularies()` does
            self._value_names = {key: tuple(self._resolve(v, titles=False).values)
                                 for key, v in self.schema.vocabularies.items()}
        return self._value_names[name]

    def _resolve(self, vocabulary: Vocabulary, titles: bool = True) -> Vocabulary:
        """The vocabulary's values from the repository; `titles` False leaves a documents vocabulary unlabelled.

        Its order is the file names' either way; the few files of a files or folders vocabulary are read for
        their titles in both cases, since those set the order (`_phase_order`).
        """
        kind, _, arg = vocabulary.source.partition(":")
        if kind == "inline":
            return vocabulary
        values: dict[str, Text] = {}
        if kind in ("files", "folders"):
            folder = self.root / arg
            if not _inside(self.root, folder):
                raise SchemaError(self.schema.path or SCHEMA_FILE, vocabulary.line or 1,
                                  f"vocabulary '{vocabulary.name}' reads folder '{arg}', which is outside the "
                                  "repository or a link", f"woordenlijst '{vocabulary.name}' leest map '{arg}', "
                                  "die buiten de repository ligt of een koppeling is")
            if not folder.is_dir():
                raise SchemaError(self.schema.path or SCHEMA_FILE, vocabulary.line or 1,
                                  f"vocabulary '{vocabulary.name}' reads folder '{arg}', which does not exist",
                                  f"woordenlijst '{vocabulary.name}' leest map '{arg}', die niet bestaat")
            found: list[tuple[str, str | None]] = []
            for entry in sorted(folder.iterdir()):
                if kind == "files" and entry.is_file() and entry.suffix == ".md" and entry.name != "index.md":
                    found.append((entry.stem, self._file_title(entry)))
                elif kind == "folders" and entry.is_dir() and not entry.is_symlink() and not entry.name.startswith("."):
                    found.append((entry.name, self._file_title(entry / "index.md")))
            for value, title in sorted(found, key=_phase_order):
                values[value] = Text(title or value, title or value)
        elif kind == "documents":
            # Relations are picked by title; the stored value stays the file name.
            refs = sorted((ref.stem, ref.path) for ref in self.documents_of(arg))
            found = self._titles([path for _, path in refs]) if titles else [None] * len(refs)
            for (stem, _), title in zip(refs, found, strict=True):
                label = f"{title} ({stem})" if title else stem
                values[stem] = Text(label, label)
        for value in vocabulary.extra:  # e.g. a topic that moved to its own section (docs/governance/)
            values.setdefault(value, Text(value, value))
        return Vocabulary(vocabulary.name, values, vocabulary.source, vocabulary.open, vocabulary.extra)


def open_repository(path: Path) -> ContentRepository:
    """Open the content repository that contains `path`."""
    return ContentRepository(find_root(path))
