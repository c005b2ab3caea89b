"""The document model on the hard cases real files show (DOMAIN.md), one rule per test."""

from __future__ import annotations

import pytest

from redactie.document import Document, DocumentEncodingError, EditError, FrontMatterError
from redactie.document.locality import touched_lines


def edit(data: bytes, key: str, value: object) -> bytes:
    doc = Document.parse(data)
    doc.set_field(key, value)
    out = doc.dump()
    assert Document.parse(out).fields[key] == value
    return out


def test_bom_crlf_trailing_spaces_survive_an_edit_elsewhere() -> None:
    data = b"\xef\xbb\xbf---\r\ntitle: Oud  \r\nhide:\r\n- navigation \r\n---\r\n## Toelichting \r\nTekst\r\n"
    out = edit(data, "title", "Nieuw")
    assert out == b"\xef\xbb\xbf---\r\ntitle: Nieuw  \r\nhide:\r\n- navigation \r\n---\r\n## Toelichting \r\nTekst\r\n"


def test_new_list_items_use_the_keys_own_indentation_and_file_line_ending() -> None:
    data = b"---\r\na:\r\n- x\r\nb:\r\n    - y\r\n---\r\n"
    out = edit(data, "b", ["y", "z"])
    assert out == b"---\r\na:\r\n- x\r\nb:\r\n    - y\r\n    - z\r\n---\r\n"


def test_append_goes_after_last_item_not_after_trailing_comment() -> None:
    data = b"---\nvereiste:\n- a\n# LET OP: voorbeelden\n\nhide:\n- toc\n---\n"
    out = edit(data, "vereiste", ["a", "b"])
    assert out == b"---\nvereiste:\n- a\n- b\n# LET OP: voorbeelden\n\nhide:\n- toc\n---\n"


def test_comment_inside_list_stays_in_place_when_an_item_is_removed() -> None:
    data = b"---\nl:\n- a\n# uitleg\n- b\n- c\n---\n"
    out = edit(data, "l", ["a", "c"])
    assert out == b"---\nl:\n- a\n# uitleg\n- c\n---\n"


def test_changed_item_keeps_its_inline_comment() -> None:
    data = b"---\nl:\n- a  # eerste\n- b\n---\n"
    assert edit(data, "l", ["x", "b"]) == b"---\nl:\n- x  # eerste\n- b\n---\n"


def test_values_that_yaml_11_reads_differently_are_quoted() -> None:
    data = b"---\ntitle: x\n---\n"
    for value in ["no", "on", "ja", "2.10", "12:30", "- lijst", "@x", "a: b", "a #b", "010", "", " spatie"]:
        out = edit(data, "title", value)
        assert out != b"---\ntitle: " + value.encode() + b"\n---\n" or value == ""


def test_quote_style_is_kept_where_possible() -> None:
    assert edit(b"---\nt: 'oud'\n---\n", "t", "nieuw") == b"---\nt: 'nieuw'\n---\n"
    assert edit(b'---\nt: "oud"\n---\n', "t", "nieuw") == b'---\nt: "nieuw"\n---\n'


def test_long_lines_are_not_wrapped() -> None:
    long = "woord " * 300
    out = edit(b"---\nt: kort\n---\n", "t", long.strip())
    assert out.count(b"\n") == 3


def test_duplicate_keys_parse_show_last_and_collapse_on_edit() -> None:
    data = b"---\nhide:\n- toc\ntitle: T\nhide:\n- navigation\n---\n"
    doc = Document.parse(data)
    assert doc.fields["hide"] == ["navigation"]
    assert doc.duplicate_keys() == {"hide": [2, 5]}
    out = edit(data, "hide", ["navigation", "toc"])
    assert out == b"---\ntitle: T\nhide:\n- navigation\n- toc\n---\n"


def test_invalid_yaml_gives_position() -> None:
    with pytest.raises(FrontMatterError) as info:
        Document.parse(b"---\ntitle: a\ntoelichting: zin: met dubbele punt\n---\n")
    assert info.value.line == 3
    assert info.value.column >= 1
    assert "dubbele punt" in info.value.message_nl


def test_front_matter_that_is_not_a_mapping() -> None:
    with pytest.raises(FrontMatterError):
        Document.parse(b"---\n- a\n- b\n---\n")


def test_not_utf8_names_the_position_and_never_decodes_lossily() -> None:
    with pytest.raises(DocumentEncodingError) as info:
        Document.parse(b"---\ntitle: caf\xe9\n---\n")
    assert (info.value.line, info.value.column, info.value.offset) == (2, 11, 14)


def test_no_front_matter_then_set_field_creates_one() -> None:
    data = b"# Kop\r\n\r\nTekst\r\n"
    doc = Document.parse(data)
    assert dict(doc.fields) == {}
    doc.set_field("title", "Nieuw")
    assert doc.dump() == b"---\r\ntitle: Nieuw\r\n---\r\n# Kop\r\n\r\nTekst\r\n"


@pytest.mark.parametrize("data", [
    b"--- \ntitle: a\n---\nbody",
    b"---\n---\n",
    b"---\n---\nbody without newline",
    b"---\n# alleen commentaar\n---\n",
    b"---\ntitle: a\n...\n",
    b"",
    b"\n",
    b"---\ntitle: a\r\nhide:\n  - toc\t\n---",
])
def test_odd_shapes_round_trip(data: bytes) -> None:
    assert Document.parse(data).dump() == data


def test_edit_in_empty_front_matter() -> None:
    assert edit(b"---\n---\nbody\n", "title", "T") == b"---\ntitle: T\n---\nbody\n"


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(FrontMatterError):
        Document.parse(b"---\ntitle: a\n\n# body\n")


def test_block_scalar_is_rewritten_minimally() -> None:
    data = b"---\na: 1\nt: |\n  regel een\n  regel twee\nb: 2\n---\n"
    out = edit(data, "t", "regel een\nregel drie\n")
    assert out == b"---\na: 1\nt: |\n  regel een\n  regel drie\nb: 2\n---\n"


def test_multiline_plain_scalar_replaced_by_one_line() -> None:
    data = b"---\nt: een lange\n  doorlopende regel\nb: 2\n---\n"
    assert edit(data, "t", "kort") == b"---\nt: kort\nb: 2\n---\n"


def test_flow_list_is_rewritten_in_flow_style() -> None:
    data = b"---\nhide: [navigation, toc]  # stijl\nb: 2\n---\n"
    assert edit(data, "hide", ["navigation", "a, b"]) == b"---\nhide: [navigation, 'a, b']  # stijl\nb: 2\n---\n"


def test_nested_mapping_value() -> None:
    data = b"---\nsources:\n  ADR: [a]\ntitle: T\n---\n"
    out = edit(data, "sources", {"ADR": ["a", "b"], "ARK": ["c"]})
    assert Document.parse(out).fields["title"] == "T"


def test_empty_list_and_none() -> None:
    data = b"---\nl:\n- a\n- b\nt: x\n---\n"
    assert edit(data, "l", []) == b"---\nl: []\nt: x\n---\n"
    assert edit(data, "t", None) == b"---\nl:\n- a\n- b\nt:\n---\n"


def test_scalar_to_list_and_list_to_scalar() -> None:
    data = b"---\nl: enkel\nm:\n- a\n---\n"
    assert edit(data, "l", ["a", "b"]) == b"---\nl:\n- a\n- b\nm:\n- a\n---\n"
    assert edit(data, "m", "los") == b"---\nl: enkel\nm: los\n---\n"


def test_remove_field() -> None:
    doc = Document.parse(b"---\na: 1\nl:\n- x\n# blijft\nb: 2\n---\n")
    doc.remove_field("l")
    assert doc.dump() == b"---\na: 1\n# blijft\nb: 2\n---\n"
    with pytest.raises(KeyError):
        doc.remove_field("l")


def test_sections_ignore_fenced_headings_and_keep_attr_lists() -> None:
    data = (b"---\nt: a\n---\n<!-- tags -->\n## Vereiste \ntekst\n```\n## Niet\n```\n### Sub\nx\n"
            b"## Maatregelen { data-search-exclude }\n<!-- list -->\n")
    doc = Document.parse(data)
    assert doc.section_names == ["Vereiste", "Maatregelen"]
    assert doc.section("Vereiste") == "tekst\n```\n## Niet\n```\n### Sub\nx\n"
    doc.set_section("Maatregelen", "<!-- list -->\nNieuw\n")
    assert doc.dump().endswith(b"## Maatregelen { data-search-exclude }\n<!-- list -->\nNieuw\n")
    with pytest.raises(KeyError):
        doc.section("Bestaat niet")


def test_section_edit_keeps_untouched_lines_bytes() -> None:
    data = b"## A\r\neen  \r\ntwee\r\n## B\r\n"
    doc = Document.parse(data)
    doc.set_section("A", "een  \ndrie\n")
    assert doc.dump() == b"## A\r\neen  \r\ndrie\r\n## B\r\n"
    assert touched_lines(data, doc.dump()) == {2}


def test_section_edit_that_adds_a_heading_is_refused() -> None:
    doc = Document.parse(b"## A\ntekst\n## B\n")
    with pytest.raises(EditError):
        doc.set_section("A", "## Nieuw\n")
    assert doc.dump() == b"## A\ntekst\n## B\n"


def test_missing_final_newline_kept_on_section_edit() -> None:
    doc = Document.parse(b"## A\noud")
    doc.set_section("A", "nieuw")
    assert doc.dump() == b"## A\nnieuw"


def test_unchanged_value_is_a_no_op() -> None:
    data = b"---\nl:\n-   a\nt:   'x'\n---\n"
    doc = Document.parse(data)
    doc.set_field("l", ["a"])
    doc.set_field("t", "x")
    assert doc.dump() == data


def test_fields_are_read_only() -> None:
    doc = Document.parse(b"---\nt: a\n---\n")
    with pytest.raises(TypeError):
        doc.fields["t"] = "b"  # type: ignore[index]


def test_list_with_only_an_empty_item_can_be_edited() -> None:
    data = b"---\nvereiste:\n- \n# commentaar\nlevenscyclus: \n- ontwerp\n---\n"
    expected = b"---\nvereiste:\n- archiefwet\n# commentaar\nlevenscyclus: \n- ontwerp\n---\n"
    assert edit(data, "vereiste", ["archiefwet"]) == expected
    assert Document.parse(data).empty_list_items() == [("vereiste", 3)]
