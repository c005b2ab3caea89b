"""Section edits at the file's edges and in mixed line endings: nothing glued, new lines like their neighbours."""

from __future__ import annotations

import pytest

from redactie.document import Document


def test_a_heading_on_the_last_line_without_newline_keeps_its_own_line() -> None:
    doc = Document.parse(b"## Risico")
    doc.set_section("Risico", "x\n")
    assert doc.dump() == b"## Risico\nx\n"
    assert doc.section_names == ["Risico"]


def test_a_last_heading_keeps_the_files_crlf_style() -> None:
    doc = Document.parse(b"---\r\ntitle: a\r\n---\r\n## A\r\ny\r\n## Risico")
    doc.set_section("Risico", "x")
    assert doc.dump() == b"---\r\ntitle: a\r\n---\r\n## A\r\ny\r\n## Risico\r\nx"


def test_text_after_a_last_line_without_newline_starts_its_own_line() -> None:
    doc = Document.parse(b"## A\nx\n## B\nz")
    doc.set_section("B", "z\nw")
    assert doc.dump() == b"## A\nx\n## B\nz\nw"


@pytest.mark.parametrize(("new", "expected"), [
    ("x\nnew\ny\n", b"## A\r\nx\r\nnew\r\ny\n## B\n"),  # inserted after a CRLF line, before an LF line
    ("x\ny\nnew\n", b"## A\r\nx\r\ny\nnew\n## B\n"),  # after the LF line
    ("X\ny\n", b"## A\r\nX\r\ny\n## B\n"),  # a changed line keeps its own ending
])
def test_new_lines_follow_their_neighbours_line_endings(new: str, expected: bytes) -> None:
    doc = Document.parse(b"## A\r\nx\r\ny\n## B\n")
    doc.set_section("A", new)
    assert doc.dump() == expected
