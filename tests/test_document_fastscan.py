"""The fast front-matter reader must agree exactly with ruamel.yaml wherever it answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert fast.trailing_tab_lines == full.trailing_tab_lines


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
    "t: a\t", "t: a \t ", "t:\t", "l:\n- a\t\n-\t", "m:\n  ADR: x\t\n  ARK:\t\n  - y \t", "t: a\tb", "\tt: a",
    "t: [a, b]", "t: []", "t: [ ]", "t: [a, ]", "t: [, ]", "t: ['a''b', \"c d\"]  # c", "t: [1, 0x1F, no, ~]",
    "l:\n- [a]\n- []", "m:\n  ADR: [SV.12, SV.13]\n  ARK: []", "t: [a]b", "t: [a b, c]",
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


SUB_KEYS = st.sampled_from(["ADR", "ARK", "x-y", "a.b", "1", "0x1F", "true", "null", "no", "1.5", "ADR"])
SCALARS = st.sampled_from(["SV.12", "1.07", "'quoted'", '"dubbel"', "no", "~", "null", "3", "", "a #c", "#c",
                           "a: b", "[x]", "-x", " lead", "[a, 'b c', \"d\"]", "[]", "[ 1, true ,null ]", "[a, ]",
                           "[a,b]", "[a: b]", "[a, [b]]", "[a] # c", "[a]x", "['it''s', x y]", "[,]", "[a,,b]",
                           "[ ]", "[a #b]", "[-a]", "[\"a\\\"b\"]", "['a'b]", "[a", "[a, b] #"])


@st.composite
def nested_front_matter(draw: st.DrawFn) -> bytes:
    """Top-level keys with nested mappings of scalars and lists, in the shapes real files use and odd ones."""
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    lines = ["---", "title: T"]
    for n in range(draw(st.integers(1, 3))):
        lines.append(f"sources{n}:" + draw(st.sampled_from(["", " ", "  # c"])))
        key_indent = draw(st.sampled_from([" ", "  ", "    "]))
        for _ in range(draw(st.integers(0, 4))):
            indent = key_indent if draw(st.integers(0, 9)) else draw(st.sampled_from(["", " ", "   "]))
            sub = draw(SUB_KEYS)
            if draw(st.booleans()):
                value = draw(SCALARS)
                lines.append(f"{indent}{sub}: {value}" if value else f"{indent}{sub}:")
            else:
                lines.append(f"{indent}{sub}:")
                item_indent = indent + draw(st.sampled_from(["", "  ", "    "]))
                for _ in range(draw(st.integers(0, 3))):
                    if draw(st.integers(0, 9)) == 0:
                        lines.append(draw(st.sampled_from(["", "# c", "  # c"])))
                    value = draw(SCALARS)
                    lines.append(f"{item_indent}- {value}" if value else f"{item_indent}-")
        if draw(st.booleans()):
            lines.append("hide:")
            lines.append(draw(st.sampled_from(["- toc", "  - toc", "-"])))
        if draw(st.booleans()):
            lines.append(f"rekenregels{n}:")
            dash = draw(st.sampled_from(["- ", "  - ", "-   "]))
            for _ in range(draw(st.integers(1, 3))):
                value = draw(SCALARS)
                lines.append(f"{dash}{draw(SUB_KEYS)}:" + (f" {value}" if value else ""))
                for _ in range(draw(st.integers(0, 2))):
                    indent = " " * len(dash) if draw(st.integers(0, 5)) else draw(st.sampled_from(["", " ", "     "]))
                    value = draw(SCALARS)
                    lines.append(f"{indent}{draw(SUB_KEYS)}:" + (f" {value}" if value else ""))
                if draw(st.integers(0, 4)) == 0:
                    lines.append(draw(st.sampled_from([f"{dash}x", f"{dash.rstrip()}", f"{dash}- y", "    - z"])))
    lines.append("---")
    return (eol.join(lines) + eol).encode()


@settings(max_examples=400, deadline=None, derandomize=True)
@given(nested_front_matter())
def test_fast_reader_agrees_on_nested_mappings(data: bytes) -> None:
    fast, full = _both(data)
    if fast is not None:
        _agree(fast, full)


@pytest.mark.parametrize("text", [
    "sources:\n  ADR:\n  - PRI.11\n  ARK:\n  - 3.17\n",
    "sources:\n  ADR:\n    - IB.6\n    - IB.7\n  ARK: 4.03\nhide:\n- toc\n",
    "sources:\n  ADR: SV.12\n  ARK: 1.04\n",
    "sources:\n  ADR:\n  -\n  - x\n  ARK:\n",
    "sources:\n  ADR: a\n  ADR: b\n",
    "sources:\n  1: a\n  true: b\n  0x1F: c\n",
    "rekenregels:\n- niet-impactvol: Nee\n- impactvol: Ja\nhide:\n- toc\n",
    "rekenregels:\n  - a: 1\n    b: 'x'\n  - c:\n  - d\n",
])
def test_fast_reader_reads_nested_mappings_like_ruamel(text: str) -> None:
    data = f"---\n{text}---\n".encode()
    fast, full = _both(data)
    assert fast is not None, "the fast reader should read this shape"
    _agree(fast, full)


def test_the_fast_reader_takes_almost_every_real_file() -> None:
    # Speed (#12): ruamel.yaml costs ten to twenty times the fast reader; the nested `sources:` mappings, lists
    # of mappings and flow lists of real files are all of the plain subset.
    if not FILES:
        pytest.skip("no files")
    taken = sum(_both(p.read_bytes())[0] is not None for p in FILES)
    assert taken >= 0.95 * len(FILES)
