"""What the rules need from the schema and the repository, worked out once per validation run, not per document."""

from __future__ import annotations

import os

from ..repository import ContentRepository
from ..schema import DocType, FieldDef
from .labels import yaml11_boolean
from .suggest import suggest


class RuleContext:
    """The schema's fields per type, the vocabularies' values and the files links may name, each looked up once.

    Values come from `ContentRepository.value_names`: a relation vocabulary's values are file names, so no
    document is read for its title. One context serves one validation run (of one thread); files that
    change while it runs are seen as they were when first asked about.
    """

    def __init__(self, repo: ContentRepository) -> None:
        self.repo = repo
        self.schema = repo.schema
        self._root = str(repo.root)
        self._fields: dict[str, tuple[list[FieldDef], dict[str, FieldDef]]] = {}
        self._values: dict[str, tuple[list[str], frozenset[str]]] = {}
        self._plain: dict[str, frozenset[str]] = {}
        self._expression: dict[str, frozenset[str]] = {}
        self._folders: dict[str, bool] = {}
        self._suggestions: dict[tuple[str, int], str | None] = {}
        self._sorted_expression: dict[str, list[str]] = {}
        self.types: dict[str, DocType | None] = {}  # document types already known (the repository's listing)
        self.unique_keys = list(dict.fromkeys(f.key for f in self.schema.fields.values()
                                              if f.kind == "identifier" and f.unique))

    def type_for(self, relpath: str) -> DocType | None:
        """The document type of a path (from the listing when known, else by the schema)."""
        if relpath in self.types:
            return self.types[relpath]
        return self.schema.type_for(relpath)

    def fields(self, doc_type: DocType) -> tuple[list[FieldDef], dict[str, FieldDef]]:
        """The type's field definitions in schema order, and the same by key."""
        found = self._fields.get(doc_type.name)
        if found is None:
            defs = list(self.schema.fields_of(doc_type))
            found = self._fields[doc_type.name] = (defs, {f.key: f for f in defs})
        return found

    def values(self, vocabulary: str) -> tuple[list[str], frozenset[str]]:
        """A vocabulary's values in its order (for suggestions) and as a set (for look-ups)."""
        found = self._values.get(vocabulary)
        if found is None:
            names = list(self.repo.value_names(vocabulary))
            found = self._values[vocabulary] = (names, frozenset(names))
        return found

    def plain_values(self, vocabulary: str) -> frozenset[str]:
        """The values that, written as they are, need no further look (not blank, no outer spaces, and not a
        word the site reads as a boolean): an item equal to one of them is fine."""
        found = self._plain.get(vocabulary)
        if found is None:
            found = self._plain[vocabulary] = frozenset(
                v for v in self.values(vocabulary)[1] if v.strip() and v == v.strip() and yaml11_boolean(v) is None)
        return found

    def is_open(self, vocabulary: str) -> bool:
        """True when the vocabulary accepts logical expressions over its names."""
        return self.schema.vocabularies[vocabulary].open

    def expression_names(self, doc_type: DocType) -> frozenset[str]:
        """Names a logical label expression may use: every label value of the type, also as `<field>-<value>`."""
        found = self._expression.get(doc_type.name)
        if found is None:
            names: set[str] = set()
            for field in self.fields(doc_type)[0]:
                if field.vocabulary and field.kind in ("choice", "multichoice"):
                    for value in self.values(field.vocabulary)[0]:
                        names.update({value, f"{field.key}-{value}"})
            found = self._expression[doc_type.name] = frozenset(names)
        return found

    def sorted_expression_names(self, doc_type: DocType) -> list[str]:
        """`expression_names` in order, for suggestions."""
        found = self._sorted_expression.get(doc_type.name)
        if found is None:
            found = self._sorted_expression[doc_type.name] = sorted(self.expression_names(doc_type))
        return found

    def suggest(self, value: str, allowed: list[str]) -> str | None:
        """The allowed value most likely meant; the same wrong value in many documents is compared once.

        `allowed` is one of this context's own lists (`values`, `sorted_expression_names`): it lives as long
        as the context, so its identity names it in the cache.
        """
        key = (value, id(allowed))
        if key in self._suggestions:
            return self._suggestions[key]
        found = suggest(value, allowed)
        if len(self._suggestions) < 10_000:  # bounded, whatever a repository holds
            self._suggestions[key] = found
        return found

    def stems(self, doc_type: str) -> frozenset[str]:
        """The file names (without `.md`) a relation to `doc_type` may name."""
        return self.repo.stems(doc_type)

    def file_exists(self, relpath: str) -> bool:
        """True when a regular file (or a link to one) is at this repository path."""
        return os.path.isfile(os.path.join(self._root, relpath))

    def folder_exists(self, relpath: str) -> bool:
        """True when a folder is at this repository path (asked once per folder)."""
        found = self._folders.get(relpath)
        if found is None:
            found = self._folders[relpath] = os.path.isdir(os.path.join(self._root, relpath))
        return found
