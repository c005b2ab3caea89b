"""The content schema: document types, fields and vocabularies of a content repository."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..folders import SCHEMA_FILE  # defined there: the window finds a repository before the schema loads

KINDS = ("text", "multiline", "choice", "multichoice", "identifier", "relation", "readonly", "hidden", "list")
NEVER_DOCUMENTS = ("templates",)  # folders whose files feed "Nieuw document" and are never documents
NEVER_DOCUMENTS_SET = frozenset(NEVER_DOCUMENTS)


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob as a regex: `*` and `?` stay within one folder, `**` crosses folders."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


@lru_cache(maxsize=256)
def any_glob(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex that matches what any of `patterns` matches (see `glob_regex`)."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{glob_regex(pattern).pattern})" for pattern in patterns))


def glob_match(relpath: str, pattern: str) -> bool:
    """True when a repository-relative POSIX path matches a glob (see `glob_regex`)."""
    return glob_regex(pattern).match(relpath) is not None


@dataclass(frozen=True)
class Text:
    """A text in Dutch and English."""

    nl: str
    en: str

    def get(self, language: str) -> str:
        """The text in `language` ("nl" or "en"), falling back to the other."""
        return (self.nl or self.en) if language.startswith("nl") else (self.en or self.nl)


@dataclass
class Vocabulary:
    """Allowed values with labels; `source` says where they came from (for messages)."""

    name: str
    values: dict[str, Text] = field(default_factory=dict)
    source: str = "inline"
    open: bool = False  # logical expressions over known values are accepted (their names are still checked)
    extra: tuple[str, ...] = ()  # values beside a derived source's, each with its own page in the repository
    line: int = 0  # where the schema file defines it (for messages; 0: not from a file)

    def label(self, value: str, language: str) -> str:
        """The label of a value, or the value itself."""
        text = self.values.get(value)
        return text.get(language) if text else value


@dataclass
class FieldDef:
    """One front-matter field."""

    name: str
    kind: str
    label: Text
    help: Text
    required: bool = False
    default: object = None
    vocabulary: str | None = None
    max_words: int | None = None
    pattern: str | None = None
    unique: bool = False
    target: str | None = None
    multiple: bool = False
    store: str = "auto"  # "list": a single choice stored as a one-item list; "scalar"; "auto": as the file has it
    no_full_stop: bool = False
    line: int = 0
    key: str = ""  # the front-matter key; defaults to the field's name

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.name

    @property
    def compiled(self) -> re.Pattern[str] | None:
        """The identifier pattern, compiled."""
        return re.compile(self.pattern) if self.pattern else None


@dataclass
class DocType:
    """A document type: which files, which fields and sections, and how new ones are named."""

    name: str
    label: Text
    files: list[str]
    fields: list[str]
    sections: list[str]
    exclude: list[str] = field(default_factory=lambda: ["index.md"])
    file_name: str = "{slug}.md"
    slug_separator: str = "-"
    id_format: str | None = None
    code_in_file_name: bool = False
    template: str = ""
    line: int = 0

    def matches(self, relpath: str) -> bool:
        """True when a repository-relative POSIX path belongs to this type (by string operations and one regex:
        this runs for every file of the repository at each start)."""
        folders, _, name = relpath.rpartition("/")
        if name in self.exclude or (folders and not NEVER_DOCUMENTS_SET.isdisjoint(folders.split("/"))):
            return False
        return any_glob(tuple(self.files)).match(relpath) is not None

    def code_from_id(self, value: str) -> str | None:
        """The code inside an id, by the id format (`urn:nl:ak:ver:{code}` gives `aia-18`)."""
        if not self.id_format or "{code}" not in self.id_format:
            return None
        before, after = self.id_format.split("{code}", 1)
        if value.startswith(before) and value.endswith(after) and len(value) > len(before) + len(after):
            return value[len(before) : len(value) - len(after)]
        return None


@dataclass
class Schema:
    """A whole schema."""

    name: Text
    types: dict[str, DocType]
    fields: dict[str, FieldDef]
    vocabularies: dict[str, Vocabulary]
    path: str | None = None
    inferred: bool = False
    origin: str = "file"  # "file", "recognised" (a known format), "chosen" (the user's pick), "inferred"
    format_id: str | None = None  # the known format this schema is, when it is one

    def describe(self) -> Text:
        """Which schema this is, for the status bar and `redactie validate`."""
        if self.origin == "recognised":
            return Text(f"{self.name.nl}, herkend", f"{self.name.en}, recognised")
        if self.origin == "chosen":
            return Text(f"{self.name.nl}, gekozen", f"{self.name.en}, chosen")
        if self.inferred:
            return Text("Geen bekend formaat herkend: het schema is afgeleid uit de documenten",
                        "No known format recognised: the schema was inferred from the documents")
        where = self.path or SCHEMA_FILE
        return Text(f"{self.name.nl}, uit {where}", f"{self.name.en}, from {where}")

    def type_for(self, relpath: str) -> DocType | None:
        """The document type of a repository-relative path, or None."""
        for doc_type in self.types.values():
            if doc_type.matches(relpath):
                return doc_type
        return None

    def typer(self) -> Callable[[str], DocType | None]:
        """`type_for` for many paths at once (every file of a repository): each type's pattern is compiled once
        and each folder looked at once, where `type_for` does both per path."""
        matchers = [(doc_type, frozenset(doc_type.exclude), any_glob(tuple(doc_type.files)))
                    for doc_type in self.types.values()]
        never: dict[str, bool] = {}

        def type_of(relpath: str) -> DocType | None:
            folders, _, name = relpath.rpartition("/")
            if folders:
                excluded = never.get(folders)
                if excluded is None:
                    excluded = never[folders] = not NEVER_DOCUMENTS_SET.isdisjoint(folders.split("/"))
                if excluded:
                    return None
            for doc_type, exclude, pattern in matchers:
                if name not in exclude and pattern.match(relpath) is not None:
                    return doc_type
            return None

        return type_of

    def fields_of(self, doc_type: DocType) -> list[FieldDef]:
        """The field definitions of a type, in the type's order."""
        return [self.fields[name] for name in doc_type.fields if name in self.fields]
