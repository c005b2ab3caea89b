"""Which lines an edit touched: used to prove that an edit stayed inside its target."""

from __future__ import annotations

import difflib


def touched_lines(old: bytes, new: bytes) -> set[int]:
    """0-based line numbers of `old` that an edit replaced or deleted, or inserted before."""
    a = old.split(b"\n")
    b = new.split(b"\n")
    # Trim the common head and tail first: difflib alone may align repeated lines ambiguously.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a_mid, b_mid = a[head : len(a) - tail], b[head : len(b) - tail]
    touched: set[int] = set()
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        touched.update(range(head + i1, head + i2) if i2 > i1 else [head + i1])
    return touched
