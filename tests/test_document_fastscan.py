"""The fast front-matter reader must agree exactly with ruamel.yaml wherever it answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from redactie.document import Document, FrontMatterError
from redactie.document.fastscan import scan
from redactie.document.frontmatter import FrontMatter
from redactie.document.model import same
from redactie.document.text import decode, split_lines

from .conftest import CONTENT, corpus_files
from .test_document_properties import front_matter


def _both(data: bytes) -> tuple[FrontMatter | None, FrontMatter | None]:
    doc_lines = split_lines(decode(data)[1])
    close = next(i for i in range(1, len(doc_lines)) if doc_lines[i].rstrip("\r\n ").rstrip("\t") in ("---", "..."))
    try:
        full = FrontMatter(doc_lines, close, full=True)
    except FrontMatterError:
        full = None
    fast = FrontMatter(doc_lines, close) if scan(doc_lines, close) is not None else None
    return fast, full


def _agree(fast: FrontMatter, full: FrontMatter | None) -> None:
    assert full is not None, "the fast reader accepted front matter that ruamel.yaml rejects"
    assert same(fast.values, full.values)
    assert [(e.key, e.first, e.last, e.colon_col) for e in fast.entries] == [
        (e.key, e.first, e.last, e.colon_col) for e in full.entries]
    assert fast.empty_items == full.empty_items


FILES = [p for p in corpus_files() + sorted(CONTENT.rglob("*.md")) if p.read_bytes().startswith(b"---")]


@pytest.mark.parametrize("path", FILES, ids=lambda p: "/".join(p.parts[-2:]))
def test_fast_reader_agrees_on_real_files(path: Path) -> None:
    fast, full = _both(path.read_bytes())
    if fast is not None:
        _agree(fast, full)


@settings(max_examples=300, deadline=None)
@given(front_matter())
def test_fast_reader_agrees_on_generated_front_matter(data: bytes) -> None:
    fast, full = _both(data)
    if fast is not None:
        _agree(fast, full)


@pytest.mark.parametrize("line", [
    "t: 'it''s'", 't: "dubbel"  # c', "t: a #b", "t: a#b", "t: 2.10", "t: no", "t: ~", "t: 2024-05-01", "t: 0x1F",
    "t: 'a' b", "t: ja", "t:", "t: ", "l:\n-\n- x", "l:\n  - a\n  - 'b'", "t: [a]", "t: a: b", "t: -x",
])
def test_fast_reader_agrees_on_edge_lines(line: str) -> None:
    data = f"---\n{line}\n---\n".encode()
    fast, full = _both(data)
    if fast is not None:
        _agree(fast, full)


def test_fast_reader_is_used_for_plain_files() -> None:
    doc = Document.parse(b"---\ntitle: T\nl:\n- a\n---\n")
    assert not doc._fm.full  # noqa: SLF001
    doc.set_field("l", ["a", "b"])
    assert doc.dump() == b"---\ntitle: T\nl:\n- a\n- b\n---\n"
