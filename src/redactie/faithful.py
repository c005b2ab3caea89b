"""A document's exact text as a text widget can hold and show it, and an edit there mapped back (Qt-free).

A Qt text widget cannot hold every character faithfully: it turns a lone CR and U+2029 into paragraph
breaks, its plain-text export turns a no-break space into a space and U+2028 into a line break, and it
cannot show control characters. `DisplayText` shows each such character as one visible marker and
keeps the exact original beside it, so an edit in the widget changes only the characters the user
touched: everything else comes back byte for byte, markers included.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# What the widget shows for characters it cannot hold or show. Markers are only ever shown: an edit is
# mapped back by position, so an original marker character and a shown one can never be confused.
# The marker glyphs are in the fonts every desktop has (DejaVu, Segoe UI, Helvetica): a lone CR as a return
# arrow, a line separator as a down-left arrow, a paragraph separator as a pilcrow, control characters as the
# replacement character.
_MARKERS = {"\r": "\u21b5", "\u2028": "\u21b2", "\u2029": "\u00b6", "\x7f": "\ufffd",
            "\ufdd0": "\ufffd", "\ufdd1": "\ufffd"}
_MARKERS.update({chr(c): "\ufffd" for c in range(0x20) if chr(c) not in "\t\n\r"})
_MARKERS.update({chr(c): "\ufffd" for c in range(0x80, 0xA0)})
_SPECIAL = "".join(sorted(_MARKERS))
_SPECIAL_RE = re.compile("[" + re.escape(_SPECIAL) + "]")
_SPECIAL_OR_CRLF_RE = re.compile("\r\n|[" + re.escape(_SPECIAL) + "]")
# In newly typed or pasted text: every kind of line break becomes a newline; Word's manual line break
# (vertical tab) and a form feed too; other control characters are dropped.
_NEW_BREAKS_RE = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_NEW_DROP_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufdd0\ufdd1\ud800-\udfff]")

# Characters a reader cannot tell from others on screen; the editors mark them (the no-break space is
# held by the widget as it is, so it is not replaced by a marker).
INVISIBLE_RE = re.compile("[\u00a0\u00ad\u200b-\u200d\u2060\ufeff" + "".join(sorted(set(_MARKERS.values()))) + "]")


def clean_new_text(text: str) -> str:
    """Text the user typed or pasted, as the document should get it: plain newlines, no control characters."""
    return _NEW_DROP_RE.sub("", _NEW_BREAKS_RE.sub("\n", text))


@dataclass(frozen=True)
class Edit:
    """The widget text changed at [start, old_end) of the old display into new_text."""

    start: int
    old_end: int
    new_text: str


def find_edit(old: str, new: str, hint: tuple[int, int, int] | None = None) -> Edit | None:
    """The smallest replacement turning `old` into `new`, using the widget's (position, removed, added) hint."""
    if old == new:
        return None
    start, old_end, new_end = 0, len(old), len(new)
    if hint is not None:
        position, removed, added = hint
        if (0 <= position and position + removed <= len(old) and position + added <= len(new)
                and new[:position] == old[:position] and new[position + added:] == old[position + removed:]):
            start, old_end, new_end = position, position + removed, position + added
            if removed == 0 or added == 0:
                return Edit(start, old_end, new[start:new_end])
    # The hint may cover more than what changed (Qt reports whole blocks at times): shrink to the change.
    while start < old_end and start < new_end and old[start] == new[start]:
        start += 1
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    return Edit(start, old_end, new[start:new_end])


class DisplayText:
    """The exact `original` text and the `display` text a widget shows for it, with positions between them.

    With `crlf=True` (a whole file) a CRLF pair is shown as one newline; a lone CR is always a marker.
    """

    def __init__(self, original: str, crlf: bool = False) -> None:
        self.original, self.crlf = original, crlf
        # Display positions of the newlines that stand for a CRLF pair (sorted).
        self._pairs: list[int] = []
        pattern = _SPECIAL_OR_CRLF_RE if crlf else _SPECIAL_RE
        if pattern.search(original) is None:
            self.display = original
            return
        pieces: list[str] = []
        last = 0
        shift = 0  # original length minus display length so far
        for match in pattern.finditer(original):
            pieces.append(original[last:match.start()])
            if match.group() == "\r\n":
                self._pairs.append(match.start() - shift)
                pieces.append("\n")
                shift += 1
            else:
                pieces.append(_MARKERS[match.group()])
            last = match.end()
        pieces.append(original[last:])
        self.display = "".join(pieces)

    def to_original(self, position: int) -> int:
        """The original index of a display position (a CRLF's newline maps to its CR)."""
        return position + bisect_left(self._pairs, position)

    def line_ending_at(self, index: int) -> str:
        """The line ending new lines at original `index` take: that of the line they land in, else the previous."""
        if not self.crlf:
            return "\n"
        text = self.original
        after = text.find("\n", index)
        if after >= 0:
            return "\r\n" if after > 0 and text[after - 1] == "\r" else "\n"
        before = text.rfind("\n", 0, index)
        if before >= 0:
            return "\r\n" if before > 0 and text[before - 1] == "\r" else "\n"
        return "\n"

    def apply(self, edit: Edit) -> str:
        """The original text with a widget edit applied: untouched characters keep their exact form."""
        start, end = self.to_original(edit.start), self.to_original(edit.old_end)
        inserted = clean_new_text(edit.new_text)
        if "\n" in inserted:
            inserted = inserted.replace("\n", self.line_ending_at(end))
        return self.original[:start] + inserted + self.original[end:]
