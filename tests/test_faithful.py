"""What a text widget shows of a document's exact text, and how its edits map back: untouched text is exact."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from redactie.faithful import DisplayText, clean_new_text, find_edit

ODD = ["\r", "\r\n", "\n", "\u00a0", "\u2028", "\u2029", "\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\x85",
       "\ufdd0", "\ufeff", "\u240d", "\u2424", "¶", "a", "b", " ", "\t", "é"]
PLAIN = st.text(alphabet=st.sampled_from(list("xyz \n\té\u00a0")), max_size=6)


def odd_text() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(ODD), max_size=40).map("".join)


def test_the_widget_never_gets_what_it_cannot_hold() -> None:
    shown = DisplayText("a\rb\u2028c\u2029d\x00e\x85f\ufdd0g\u00a0h", crlf=False).display
    assert not set(shown) & {"\r", "\u2028", "\u2029", "\x00", "\x85", "\ufdd0"}
    assert "\u00a0" in shown  # the widget holds a no-break space; the editor marks it


def test_crlf_is_one_newline_in_a_whole_file_and_a_lone_cr_a_marker() -> None:
    text = DisplayText("a\r\nb\rc\n", crlf=True)
    assert text.display == "a\nb\u21b5c\n"
    assert [text.to_original(i) for i in range(len(text.display) + 1)] == [0, 1, 3, 4, 5, 6, 7]


@given(odd_text(), st.booleans())
def test_no_edit_changes_nothing(text: str, crlf: bool) -> None:
    shown = DisplayText(text, crlf).display
    assert find_edit(shown, shown) is None


@settings(max_examples=400)
@given(odd_text(), st.booleans(), st.data())
def test_an_edit_touches_only_its_own_characters(text: str, crlf: bool, data: st.DataObject) -> None:
    view = DisplayText(text, crlf)
    shown = view.display
    start = data.draw(st.integers(0, len(shown)))
    end = data.draw(st.integers(start, len(shown)))
    typed = data.draw(PLAIN)
    new_shown = shown[:start] + typed + shown[end:]
    edit = find_edit(shown, new_shown, (start, end - start, len(typed)))
    if edit is None:
        assert new_shown == shown
        return
    result = view.apply(edit)
    head, tail = view.to_original(start), view.to_original(end)
    # A newline typed right after a lone CR (or a CR and a newline brought together) makes a CRLF pair.
    assume(not (crlf and (result[:head].endswith("\r") or (head < len(result) and result[head - 1:head] == "\r"))))
    assert result[:head] == text[:head]
    assert result[len(result) - (len(text) - tail):] == text[tail:]
    assert DisplayText(result, crlf).display == new_shown


@given(odd_text(), st.data())
def test_a_hint_that_covers_too_much_still_gives_the_smallest_change(text: str, data: st.DataObject) -> None:
    view = DisplayText(text, crlf=True)
    shown = view.display
    at = data.draw(st.integers(0, len(shown)))
    new_shown = shown[:at] + "Q" + shown[at:]
    result = view.apply(find_edit(shown, new_shown, (0, len(shown), len(new_shown))))
    assert result.replace("Q", "", 1) == text


def test_new_lines_take_the_ending_of_the_line_they_land_in() -> None:
    view = DisplayText("a\r\nb\nc", crlf=True)
    assert view.apply(find_edit(view.display, "a!\nX\nb\nc")) == "a!\r\nX\r\nb\nc"
    assert view.apply(find_edit(view.display, "a\nb\nY\nc")) == "a\r\nb\nY\nc"
    assert view.apply(find_edit(view.display, "a\nb\nc\nZ")) == "a\r\nb\nc\nZ"


def test_pasted_text_gets_plain_newlines_and_no_control_characters() -> None:
    assert clean_new_text("a\r\nb\rc\u2028d\u2029e\x0bf\x00g\u00a0h") == "a\nb\nc\nd\ne\nfg\u00a0h"
