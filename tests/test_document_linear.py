"""Parse, dump, sections and field edits grow linearly with the input, checked by counting work, not time."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from redactie.document import Document, FrontMatterError
from redactie.document.body import heading_name, heading_of


def _opcodes(work: Callable[[], object]) -> int:
    """Python bytecode instructions executed by `work`: a deterministic measure of its cost."""
    count = 0

    def tracer(frame, event, _arg):  # noqa: ANN001, ANN202 - the sys.settrace protocol
        nonlocal count
        frame.f_trace_opcodes = True
        if event == "opcode":
            count += 1
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(old)
    return count


def _growth(make: Callable[[int], Callable[[], object]], n: int = 150) -> float:
    """How much more work twice the input takes (2 for linear work, 4 for quadratic)."""
    return _opcodes(make(2 * n)) / _opcodes(make(n))


def _sections(n: int) -> bytes:
    body = "".join(f"## Deel {i}\n\nTekst van deel {i}.\n\n### Sub\n\nMeer.\n\n" for i in range(n))
    return ("---\ntitle: Veel delen\n---\n" + body).encode()


def test_editing_a_section_is_linear_in_the_number_of_sections() -> None:
    def make(n: int) -> Callable[[], object]:
        doc = Document.parse(_sections(n))
        return lambda: doc.set_section("Deel 3", "Nieuwe tekst.\n\n")
    assert _growth(make) < 2.5


def test_reading_sections_is_linear_in_the_number_of_sections() -> None:
    def make(n: int) -> Callable[[], object]:
        data = _sections(n)

        def work() -> None:
            doc = Document.parse(data)
            for name in doc.section_names:
                doc.section(name)
                doc.section_line(name)
        return work
    assert _growth(make) < 2.5


def _keys(n: int) -> bytes:
    return ("---\n" + "".join(f"k{i}: waarde {i}\n" for i in range(n)) + "---\n## Vereiste\nTekst.\n").encode()


def test_field_lookups_over_many_keys_are_linear() -> None:
    def make(n: int) -> Callable[[], object]:
        doc = Document.parse(_keys(n))
        keys = list(doc.fields)[:50]  # building the index once is linear; every lookup after it is not
        doc.duplicate_keys()
        return lambda: [(doc.fields[key], doc.field_line(key), doc.duplicate_keys()) for key in keys]
    assert _growth(make, 400) < 1.2  # fifty lookups cost the same however many keys there are


def test_parse_and_edit_with_many_keys_are_linear() -> None:
    def make(n: int) -> Callable[[], object]:
        data = _keys(n)

        def work() -> None:
            doc = Document.parse(data)
            doc.set_field("k3", "nieuw")
            doc.dump()
        return work
    assert _growth(make, 200) < 2.5


def test_a_heading_with_40000_spaces_is_read() -> None:
    name = "T" + " " * 40_000 + "x"
    doc = Document.parse(("## " + name + "\nTekst\n").encode())
    assert doc.section_names == [name]
    doc = Document.parse(("## T" + " " * 40_000 + "\n## " + "\t " * 20_000 + "{ .x }\nTekst\n").encode())
    assert doc.section_names == ["T", ""]


def test_trailing_space_runs_in_front_matter_are_read() -> None:
    data = ("---\ntitle: a" + " " * 40_000 + "b\nx: y" + " \t" * 20_000 + "\nl:\n- z" + " \t" * 20_000 + "\n---\n")
    doc = Document.parse(data.encode())
    assert doc.fields == {"title": "a" + " " * 40_000 + "b", "x": "y", "l": ["z"]}
    doc.set_field("x", "w")
    assert Document.parse(doc.dump()).fields["x"] == "w"


# The regular expressions the heading reader used before; the string version must agree with them.
_OLD_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_OLD_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_OLD_ATTR = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")


def _old(text: str) -> tuple[int, str] | None:
    match = _OLD_HEADING.match(text)
    if match is None:
        return None
    raw = _OLD_ATTR.sub("", _OLD_CLOSING.sub("", match.group(2) or ""))
    return len(match.group(1)), raw.strip()


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet=" \t#{}ax.\u00a0", max_size=24))
def test_heading_reader_agrees_with_the_old_expressions(text: str) -> None:
    assert heading_of(text) == _old(text)
    assert heading_name(text) == _OLD_ATTR.sub("", _OLD_CLOSING.sub("", text)).strip()


def test_deep_flow_nesting_is_refused_without_scanning_all_of_it() -> None:
    def make(n: int) -> Callable[[], object]:
        data = ("---\na: " + "[" * n + "]" * n + "\n---\n").encode()

        def work() -> None:
            try:
                Document.parse(data)
            except FrontMatterError:
                pass
        return work
    assert _growth(make, 300) < 1.5  # the scanner stops at the depth limit, however deep the text goes


def test_a_field_edit_costs_about_a_parse_not_a_full_yaml_read() -> None:
    # After the fast reader only the edited entry is composed by ruamel.yaml; the check of the result is one
    # more fast parse. Composing all 2,000 entries with ruamel.yaml would cost many parses.
    data = _keys(2000).replace(b"k7: waarde 7\n", b"k7:\n  ADR:\n  - x\n  - y\n  ARK:\n  - 1.07\n")
    doc = Document.parse(data)
    parse = _opcodes(lambda: Document.parse(data))
    edit = _opcodes(lambda: doc.set_field("k7", {"ADR": ["z"], "ARK": ["1.07"]}))
    assert Document.parse(doc.dump()).fields["k7"] == {"ADR": ["z"], "ARK": ["1.07"]}
    assert edit < 4 * parse


def _old_scan(lines: list[str]) -> list[tuple[int, str, int]]:
    """The heading scan as it was (regular expressions on every line): the reference for the faster one."""
    from redactie.document.body import FENCE_RE
    from redactie.document.text import content
    found, fence = [], None
    for index, line in enumerate(lines):
        text = content(line)
        if fence is not None:
            stripped = text.strip()
            if len(text) - len(text.lstrip(" ")) <= 3 and stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        match = FENCE_RE.match(text)
        if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
            fence = match.group(1)
            continue
        heading = _old(text)
        if heading is not None:
            found.append((heading[0], heading[1], index))
    return found


LINES = st.lists(st.sampled_from(["## A", "# B", "```", "~~~", "  ```", "\t```", "````", "```py", "``` `x`", "x",
                                  "", "    ## C", "   ## D ##", "#x", "####### E", " \t~~~", "## F {.g}", "\r"]),
                 max_size=12)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(LINES, st.sampled_from(["\n", "\r\n"]))
def test_heading_scan_agrees_with_the_old_one(lines: list[str], eol: str) -> None:
    from redactie.document.body import scan_headings
    from redactie.document.text import split_lines
    split = split_lines(eol.join(lines) + eol)
    assert [(h.level, h.name, h.line) for h in scan_headings(split, 0)] == _old_scan(split)
