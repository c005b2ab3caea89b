"""The raw line diff with word-level highlights inside changed lines (plain data, drawn by the UI)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

# kind: " " context, "-" removed, "+" added, "@" a gap between hunks
@dataclass
class DiffLine:
    """One line of a diff; `segments` are (text, changed) pieces for word-level highlighting."""

    kind: str
    old_no: int | None
    new_no: int | None
    segments: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The line's whole text."""
        return "".join(text for text, _ in self.segments)


# Exact matching (no "junk") costs up to cubic time on repetitive input: it is kept for small differences,
# larger ones use difflib's popular-element heuristic, and beyond a budget the middle is one replaced block.
EXACT_LIMIT = 200
MATCH_BUDGET = 4_000_000  # len(old) * len(new) of the part that differs


def _trim(a: list[str], b: list[str]) -> tuple[int, int]:
    """The lengths of the common head and tail of two sequences (the tail never overlapping the head)."""
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes for two sequences, in time bounded by MATCH_BUDGET whatever their content."""
    head, tail = _trim(a, b)
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    codes: list[tuple[str, int, int, int, int]] = [("equal", 0, head, 0, head)] if head else []
    if len(mid_a) * len(mid_b) > MATCH_BUDGET:
        codes.append(("replace", head, head + len(mid_a), head, head + len(mid_b)))
    elif mid_a or mid_b:
        exact = len(mid_a) <= EXACT_LIMIT and len(mid_b) <= EXACT_LIMIT
        matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=not exact)
        codes += [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    if tail:
        codes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return codes


class _Matcher(difflib.SequenceMatcher):
    """A SequenceMatcher grouping precomputed opcodes (get_grouped_opcodes only reads get_opcodes)."""

    def __init__(self, codes: list[tuple[str, int, int, int, int]]) -> None:
        super().__init__(None, [], [])
        self._codes = codes

    def get_opcodes(self) -> list[tuple[str, int, int, int, int]]:
        return list(self._codes) or [("equal", 0, 0, 0, 0)]


def _words(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if i2 > i1:
            left.append(("".join(a[i1:i2]), tag != "equal"))
        if j2 > j1:
            right.append(("".join(b[j1:j2]), tag != "equal"))
    return left, right


def line_diff(old: str, new: str, context: int = 3, limit: int | None = None) -> list[DiffLine]:
    """Hunks of changed lines with `context` lines around them; paired changed lines carry word highlights.

    With `limit`, work stops once that many lines are made (the result then ends in an "@" line).
    """
    a, b = old.splitlines(), new.splitlines()
    result: list[DiffLine] = []
    for group in _Matcher(opcodes(a, b)).get_grouped_opcodes(context):
        if limit is not None and len(result) >= limit:
            del result[limit:]
            result.append(DiffLine("@", None, None, [("… (+)", False)]))
            break
        if result:
            result.append(DiffLine("@", None, None, [("…", False)]))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                result.extend(DiffLine(" ", i1 + k + 1, j1 + k + 1, [(a[i1 + k], False)]) for k in range(i2 - i1))
                continue
            if limit is not None:  # a replaced block of 100,000 lines is cut before any word is compared
                room = max(0, limit - len(result))
                i2, j2 = min(i2, i1 + room), min(j2, j1 + room)
            removed = [DiffLine("-", i1 + k + 1, None, [(a[i1 + k], True)]) for k in range(i2 - i1)]
            added = [DiffLine("+", None, j1 + k + 1, [(b[j1 + k], True)]) for k in range(j2 - j1)]
            if tag == "replace":
                for k in range(min(len(removed), len(added))):
                    removed[k].segments, added[k].segments = _words(a[i1 + k], b[j1 + k])
            result.extend(removed)
            result.extend(added)
    if limit is not None and len(result) > limit:
        del result[limit:]
        result.append(DiffLine("@", None, None, [("… (+)", False)]))
    return result
