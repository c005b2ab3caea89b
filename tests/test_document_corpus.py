"""The document model on every real file of the shared corpus, read in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactie.document import Document
from redactie.document.locality import touched_lines

from .conftest import corpus_files

FILES = corpus_files()
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not present next to this checkout")


def _ids(path: Path) -> str:
    return "/".join(path.parts[-3:])


def _entry_range(doc: Document, key: str) -> tuple[int, int]:
    lines = doc.duplicate_keys().get(key, [doc.field_line(key)])
    entries = doc._fm.occurrences(key)  # noqa: SLF001 - the test checks the model's own extents
    return min(lines) - 1, entries[-1].last


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_noop_identity(path: Path) -> None:
    data = path.read_bytes()
    assert Document.parse(data).dump() == data


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_title_edit_is_confined(path: Path) -> None:
    data = path.read_bytes()
    doc = Document.parse(data)
    if "title" not in doc.fields:
        pytest.skip("no title")
    first, last = _entry_range(doc, "title")
    doc.set_field("title", "Een nieuwe titel: met dubbele punt # en hekje")
    assert Document.parse(doc.dump()).fields["title"] == "Een nieuwe titel: met dubbele punt # en hekje"
    assert all(first <= n <= last + 1 for n in touched_lines(data, doc.dump()))


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_list_edit_is_confined(path: Path) -> None:
    data = path.read_bytes()
    doc = Document.parse(data)
    key = next((k for k, v in doc.fields.items() if isinstance(v, list) and v and all(isinstance(x, str) for x in v)),
               None)
    if key is None:
        pytest.skip("no list of strings")
    first, last = _entry_range(doc, key)
    new_value = [*doc.fields[key][1:], "nieuwe-waarde", "no"]
    doc.set_field(key, new_value)
    reread = Document.parse(doc.dump())
    assert reread.fields[key] == new_value
    assert all(first <= n <= last + 1 for n in touched_lines(data, doc.dump()))
    others = {k: v for k, v in Document.parse(data).fields.items() if k != key}
    assert {k: v for k, v in reread.fields.items() if k != key} == others


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_section_edit_is_confined(path: Path) -> None:
    data = path.read_bytes()
    doc = Document.parse(data)
    if not doc.section_names:
        pytest.skip("no sections")
    name = doc.section_names[-1]
    first = doc.section_line(name) - 1
    old = doc.section(name)
    doc.set_section(name, old + "Een toegevoegde regel.\n")
    assert Document.parse(doc.dump()).section(name).endswith("Een toegevoegde regel.\n")
    last = first + old.count("\n") + 1
    assert all(first <= n <= last for n in touched_lines(data, doc.dump()))
