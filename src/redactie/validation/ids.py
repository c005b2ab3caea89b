"""The unique ids across the repository: what each document holds, and who else holds the same id (Qt-free).

Checking one changed document for a duplicate id must not cost a pass over every document: `IdTable` keeps every
document's ids from the document index and brings itself up to date from the index's changes
(`DocumentIndex.changes_since`), so checking a few files costs time in proportion to those files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from ..index import DerivedTable
from .findings import Finding, finding

if TYPE_CHECKING:
    from ..index import IndexEntry

IdPlaces = tuple[tuple[str, str, int], ...]  # (key, id, 1-based line) of each unique id a document holds


class _Fielded(Protocol):
    @property
    def fields(self) -> Mapping[str, object]: ...

    def field_line(self, key: str) -> int | None: ...


def id_places(keys: list[str], doc: _Fielded) -> IdPlaces:
    """The unique ids a parsed document (or its index entry) holds: all the id check keeps of it."""
    found = []
    fields = doc.fields
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            found.append((key, value.strip(), doc.field_line(key) or 1))
    return tuple(found)


def duplicate_ids(places: Mapping[str, IdPlaces]) -> list[Finding]:
    """One finding per document for each id that more than one document uses (`places` in document order)."""
    seen: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for path, found in places.items():
        for key, value, line in found:
            seen[value].append((path, key, line))
    out: list[Finding] = []
    for value, where in seen.items():
        if len(where) > 1:
            out += _findings(value, where, None)
    return out


def _findings(value: str, where: list[tuple[str, str, int]], only: str | None) -> list[Finding]:
    """The duplicate findings of one id held at `where` (in document order), for `only` or for every holder."""
    out = []
    for path, key, line in where:
        if only is None or path == only:
            others = ", ".join(p for p, _k, _l in where if p != path)
            out.append(finding(path, line, key, "id-duplicate", value=value, other=others))
    return out


class IdTable(DerivedTable):
    """Every indexed file's unique ids under `keys`, kept current from the document index's changes."""

    def __init__(self, *keys: str) -> None:
        super().__init__()
        self.keys = list(keys)
        self._order = {key: n for n, key in enumerate(self.keys)}
        self._places: dict[str, IdPlaces] = {}
        self._holders: dict[str, list[tuple[str, str, int]]] = defaultdict(list)

    def clear(self) -> None:
        """Forget every file's ids."""
        self._places, self._holders = {}, defaultdict(list)

    def drop(self, path: str) -> None:
        """Forget `path`'s ids."""
        for _key, value, _line in self._places.pop(path, ()):
            where = [place for place in self._holders[value] if place[0] != path]
            if where:
                self._holders[value] = where
            else:
                del self._holders[value]

    def add(self, path: str, entry: IndexEntry) -> None:
        """Keep `path`'s ids."""
        places = id_places(self.keys, entry)
        if places:
            self._places[path] = places
            for key, value, line in places:
                self._holders[value].append((path, key, line))

    def sharing(self, paths: set[str] | frozenset[str]) -> set[str]:
        """The other files that hold an id one of `paths` holds, as the table has them."""
        with self.lock:
            values = {value for path in paths for _key, value, _line in self._places.get(path, ())}
            return {holder for value in values for holder, _key, _line in self._holders.get(value, ())} - set(paths)

    def duplicates(self, fresh: Mapping[str, IdPlaces], wanted: set[str] | frozenset[str],
                   documents: set[str] | frozenset[str]) -> list[Finding]:
        """The duplicate-id findings of the documents in `fresh` (their ids as just read), against every other
        document in `documents` as the table has it (the `wanted` ones only as in `fresh`): the findings
        `duplicate_ids` gives these documents."""
        out: list[Finding] = []
        with self.lock:
            for path, places in fresh.items():
                for value in dict.fromkeys(value for _key, value, _line in places):
                    where = [place for place in self._holders.get(value, ())
                             if place[0] not in wanted and place[0] in documents]
                    where += [(other, key, line) for other, found in fresh.items()
                              for key, held, line in found if held == value]
                    if len(where) > 1:
                        where.sort(key=lambda place: (place[0], self._order.get(place[1], len(self._order))))
                        out += _findings(value, where, path)
        return out
