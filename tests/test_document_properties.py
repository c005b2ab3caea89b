"""Property tests on generated front matters: identity, locality and value round trip."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactie.document import Document
from redactie.document.locality import touched_lines

KEYS = st.sampled_from(["title", "toelichting", "levenscyclus", "hide", "rollen", "onderwerp", "x-y", "status"])
WORD = st.from_regex(r"[a-zA-Zéë][a-zA-Z0-9éë-]{0,11}", fullmatch=True)
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60)


@st.composite
def plain_or_quoted(draw: st.DrawFn) -> str:
    word = draw(st.lists(WORD, min_size=1, max_size=30).map(" ".join))
    style = draw(st.sampled_from(["plain", "single", "double"]))
    if style == "single":
        return "'" + word + "'"
    if style == "double":
        return '"' + word + '"'
    return word


@st.composite
def front_matter(draw: st.DrawFn) -> bytes:
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    lines = ["---"]
    keys = draw(st.lists(KEYS, min_size=1, max_size=8))
    for key in keys:
        if draw(st.booleans()):
            lines.append("# " + draw(WORD))
        trailing = draw(st.sampled_from(["", " ", "\t", "  "]))
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(plain_or_quoted())}{trailing}")
        else:
            lines.append(f"{key}:{trailing}")
            indent = draw(st.sampled_from(["", "  ", "    "]))
            for item in draw(st.lists(WORD, min_size=1, max_size=4)):
                lines.append(f"{indent}- {item}{draw(st.sampled_from(['', ' ', '  # c']))}")
        if draw(st.booleans()):
            lines.append("")
    lines.append("---")
    body = draw(st.sampled_from(["", "## Vereiste" + eol + "tekst" + eol]))
    end = draw(st.sampled_from([eol, ""]))
    return (eol.join(lines) + eol + body).rstrip("\r\n").encode() + end.encode() if not body else (
        eol.join(lines) + eol + body).encode()


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(front_matter())
def test_noop_identity(data: bytes) -> None:
    assert Document.parse(data).dump() == data


def _span(doc: Document, key: str) -> tuple[int, int]:
    entries = doc._fm.occurrences(key)  # noqa: SLF001
    return entries[0].first, entries[-1].last


@SETTINGS
@given(front_matter(), st.data())
def test_string_edit_round_trips_and_is_local(data: bytes, draw: st.DataObject) -> None:
    doc = Document.parse(data)
    key = draw.draw(st.sampled_from(list(doc.fields)))
    value = draw.draw(ANY_TEXT)
    first, last = _span(doc, key)
    before = dict(doc.fields)
    doc.set_field(key, value)
    after = Document.parse(doc.dump())
    assert after.fields[key] == value
    assert {k: v for k, v in after.fields.items() if k != key} == {k: v for k, v in before.items() if k != key}
    assert all(first <= n <= last + 1 for n in touched_lines(data, doc.dump()))


@SETTINGS
@given(front_matter(), st.data())
def test_list_edit_round_trips_and_is_local(data: bytes, draw: st.DataObject) -> None:
    doc = Document.parse(data)
    key = draw.draw(st.sampled_from(list(doc.fields)))
    value = draw.draw(st.lists(ANY_TEXT, max_size=5))
    first, last = _span(doc, key)
    doc.set_field(key, value)
    assert Document.parse(doc.dump()).fields[key] == value
    assert all(first <= n <= last + 1 for n in touched_lines(data, doc.dump()))


@SETTINGS
@given(st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_value_round_trip_on_new_key(values: list[str]) -> None:
    doc = Document.parse(b"---\ntitle: a\n---\n")
    for index, value in enumerate(values):
        doc.set_field(f"k{index}", value)
        assert Document.parse(doc.dump()).fields[f"k{index}"] == value
    doc.set_field("lijst", values)
    assert Document.parse(doc.dump()).fields["lijst"] == values
