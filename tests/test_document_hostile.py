"""Hostile front matter: every input ends as a value or a FrontMatterError with a position, and API edges."""

from __future__ import annotations

import re
import tracemalloc

import pytest

from redactie.document import Document, DocumentEncodingError, EditError, FrontMatterError
from redactie.document.fastscan import scan
from redactie.document.scalars import float_text
from redactie.document.text import split_lines
from redactie.document.values import to_python
from redactie.document.yamlread import MAX_ALIAS_NODES, MAX_DEPTH, MAX_SCALAR, MAX_TEXT, MAX_YAML_TEXT


def _laughs(levels: int = 9, width: int = 9) -> str:
    lines = ["a: &a [" + ",".join(["lol"] * width) + "]"]
    for n in range(1, levels):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * width) + "]")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "recursive alias in a list": "a: &x [*x]\n",
    "recursive alias in a mapping": "a: &x {b: *x}\n",
    "recursive alias in a block": "a: &x\n  - *x\n",
    "500-deep flow lists": "a: " + "[" * 500 + "]" * 500 + "\n",
    "500-deep flow mappings": "a: " + "{a: " * 500 + "}" * 500 + "\n",
    "deep block mappings": "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(MAX_DEPTH + 5)),
    "billion laughs": _laughs(),
    "aliases nested deeper than the limit": "a: &a " + "[" * 40 + "]" * 40 + "\nb: " + "[" * 40 + "*a"
    + "]" * 40 + "\n",
    "front matter over the size limit": "t: " + "a" * (MAX_TEXT + 10) + "\n",
    "a value over the size limit": "t: " + "a" * (MAX_SCALAR + 10) + "\n",
    "front matter for ruamel.yaml over its limit": "".join(f"k{i}: |\n  x\n" for i in range(MAX_YAML_TEXT // 10)),
    "a block value over the size limit": "t: |\n" + ("  " + "a" * 1000 + "\n") * (MAX_SCALAR // 1000 + 2),
}


@pytest.mark.parametrize("front", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_front_matter_is_refused_with_a_position(front: str) -> None:
    data = ("---\n" + front + "---\nTekst\n").encode()
    tracemalloc.start()
    try:
        with pytest.raises(FrontMatterError) as caught:
            Document.parse(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    error = caught.value
    assert 2 <= error.line <= front.count("\n") + 1
    assert error.column >= 1
    assert error.message_nl != error.message
    assert peak < 20 * len(data) + 10_000_000, "the refusal itself must stay small in memory"


def test_billion_laughs_is_refused_before_expanding() -> None:
    # Nine levels of nine would be 387 million values; the refusal comes at the first alias over the limit.
    with pytest.raises(FrontMatterError) as caught:
        Document.parse(("---\n" + _laughs() + "---\n").encode())
    assert caught.value.line <= 2 + MAX_ALIAS_NODES // 9 ** 3
    assert "alias" in caught.value.message


def test_aliases_within_the_limits_are_read() -> None:
    doc = Document.parse(b"---\na: &x [een, twee]\nb: *x\nc: &s tekst\nd: *s\n---\n")
    assert doc.fields == {"a": ["een", "twee"], "b": ["een", "twee"], "c": "tekst", "d": "tekst"}
    assert Document.parse(("---\n" + _laughs(levels=3, width=9) + "---\n").encode()).fields["c"][0][0] == ["lol"] * 9


def test_nesting_just_within_the_limit_is_read() -> None:
    depth = MAX_DEPTH - 1
    doc = Document.parse(("---\na: " + "[" * depth + "x" + "]" * depth + "\n---\n").encode())
    value = doc.fields["a"]
    for _ in range(depth - 1):
        value = value[0]
    assert value == ["x"]


def test_a_huge_hexadecimal_number_is_read_as_its_text() -> None:
    text = "0x" + "f" * 5000
    for data in (f"---\ntoelichting: {text}\n---\n", f"---\ntoelichting: {text}\nx: [a, {{b: c}}]\n---\n"):
        doc = Document.parse(data.encode())
        assert doc.fields["toelichting"] == text
        str(doc.fields)
    doc = Document.parse(b"---\nt: 0x1F\nu: 1_000\n---\n")
    assert doc.fields == {"t": 31, "u": 1000}


def test_a_huge_number_cannot_be_written() -> None:
    doc = Document.parse(b"---\nt: 1\n---\n")
    with pytest.raises(EditError):
        doc.set_field("t", 16 ** 5000)
    assert doc.dump() == b"---\nt: 1\n---\n"


def test_many_keys_are_read_by_the_fast_reader() -> None:
    lines = split_lines("---\n" + "".join(f"k{i}: waarde {i}\n" for i in range(20_000)) + "---\n")
    result = scan(lines, len(lines) - 1)
    assert result is not None and len(result.values) == 20_000


def test_a_yaml_directive_in_one_document_does_not_change_another() -> None:
    before = Document.parse(b"---\nt: no\nl: [on, off]\n---\n").fields
    assert before == {"t": "no", "l": ["on", "off"]}
    for directive in (b"%YAML 1.1", b"%TAG !e! tag:e.org:", b"%YAML 1.1\n%TAG ! tag:example.org,2000:"):
        with pytest.raises(FrontMatterError):
            Document.parse(b"---\n" + directive + b"\n---\n")
        assert Document.parse(b"---\nt: no\nl: [on, off]\n---\n").fields == before
    doc = Document.parse(b"---\ntitle: no\nl: [a]\n---\n")
    doc.set_field("title", "nee")
    assert doc.fields["title"] == "nee"


# ---- API edges (#18 item 16) ----------------------------------------------------------------------------


def test_emptying_a_list_whose_item_follows_a_lone_carriage_return() -> None:
    doc = Document.parse(b"---\nvereiste:\r-\n---")
    assert doc.fields == {"vereiste": [None]}
    doc.set_field("vereiste", [])
    assert Document.parse(doc.dump()).fields == {"vereiste": []}
    doc = Document.parse(b"---\nvereiste:\r- a\r- b\ntitle: t\n---\n")
    doc.set_field("vereiste", ["b", "c"])
    assert Document.parse(doc.dump()).fields == {"vereiste": ["b", "c"], "title": "t"}


def test_set_section_refuses_a_lone_surrogate() -> None:
    data = b"---\ntitle: t\n---\n## Vereiste\nTekst.\n"
    doc = Document.parse(data)
    with pytest.raises(EditError):
        doc.set_section("Vereiste", "Kapot \ud800 teken.\n")
    assert doc.dump() == data


def test_set_field_refuses_or_escapes_a_lone_surrogate() -> None:
    doc = Document.parse(b"---\ntitle: t\n---\n")
    try:
        doc.set_field("title", "a\udc80b")
    except EditError:
        assert doc.dump() == b"---\ntitle: t\n---\n"
    doc.dump()
    try:
        doc.set_field("x\ud800", "waarde")
    except EditError:
        return
    assert Document.parse(doc.dump()).fields["x\ud800"] == "waarde"


@pytest.mark.parametrize("length", [1024, 1025, 5000])
def test_long_keys_are_read_alike_by_both_readers(length: int) -> None:
    key = "k" * length
    data = f"---\n{key}: v\n---\n".encode()
    lines = split_lines(data.decode())
    if length > 1024:
        assert scan(lines, 2) is None
        with pytest.raises(FrontMatterError):
            Document.parse(data)
    else:
        doc = Document.parse(data)
        doc.set_field(key, "w")
        assert Document.parse(doc.dump()).fields == {key: "w"}


# PyYAML's (YAML 1.1) float pattern, as the site reads front matter.
_PYYAML_FLOAT = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9_]+(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""", re.X)
FLOATS = [1e-07, 1e20, 1.5e-07, 3.0, -2.5e300, 1e16, 0.1, float("inf"), float("-inf"), -0.0, 5e-324, 123456789.125]


@pytest.mark.parametrize("value", FLOATS, ids=repr)
def test_floats_are_written_as_floats_for_yaml_1_1_and_1_2(value: float) -> None:
    assert _PYYAML_FLOAT.match(float_text(value))
    doc = Document.parse(b"---\ntitle: t\n---\n")
    doc.set_field("getal", value)
    doc.set_field("lijst", [value, "x"])
    reread = Document.parse(doc.dump())
    assert reread.fields["getal"] == value and type(reread.fields["getal"]) is float
    assert reread.fields["lijst"][0] == value
    yaml = pytest.importorskip("yaml")
    front = doc.dump().decode().split("---\n")[1]
    assert yaml.safe_load(front)["getal"] == value


def test_nan_is_written_as_nan() -> None:
    doc = Document.parse(b"---\ntitle: t\n---\n")
    doc.set_field("getal", float("nan"))
    assert b"getal: .nan" in doc.dump()
    value = Document.parse(doc.dump()).fields["getal"]
    assert value != value


# ---- positions (#18 item 17) -----------------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "line", "column"), [
    (b"---\ntitle: \xc3\xa9\xc3\xa9", 2, 10),
    (b"\xef\xbb\xbf", 1, 1),
    (b"\xef\xbb\xbf\xe2\x82\xac", 1, 2),
    (b"---\n\xf0\x9f\x98\x80x", 2, 3),
    (b"", 1, 1),
])
def test_encoding_error_gives_a_character_column(prefix: bytes, line: int, column: int) -> None:
    with pytest.raises(DocumentEncodingError) as caught:
        Document.parse(prefix + b"\xff rest\n---\n")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.offset == len(prefix)


def test_to_python_is_shared_by_both_readers() -> None:
    # The fast reader and ruamel.yaml convert through the same function; a guard that it stays so.
    assert scan.__module__.endswith("fastscan") and to_python.__module__.endswith("values")
