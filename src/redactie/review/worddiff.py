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


def _words(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if i2 > i1:
            left.append(("".join(a[i1:i2]), tag != "equal"))
        if j2 > j1:
            right.append(("".join(b[j1:j2]), tag != "equal"))
    return left, right


def line_diff(old: str, new: str, context: int = 3) -> list[DiffLine]:
    """Hunks of changed lines with `context` lines around them; paired changed lines carry word highlights."""
    a, b = old.splitlines(), new.splitlines()
    result: list[DiffLine] = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        if result:
            result.append(DiffLine("@", None, None, [("…", False)]))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                result.extend(DiffLine(" ", i1 + k + 1, j1 + k + 1, [(a[i1 + k], False)]) for k in range(i2 - i1))
                continue
            removed = [DiffLine("-", i1 + k + 1, None, [(a[i1 + k], True)]) for k in range(i2 - i1)]
            added = [DiffLine("+", None, j1 + k + 1, [(b[j1 + k], True)]) for k in range(j2 - j1)]
            if tag == "replace":
                for k in range(min(len(removed), len(added))):
                    removed[k].segments, added[k].segments = _words(a[i1 + k], b[j1 + k])
            result.extend(removed)
            result.extend(added)
    return result
