"""A readable example of a value that fits a field's pattern (`^[a-z]+-\\d+$` -> `abc-01`): editors cannot read
regular expressions, so the window and the messages show an example instead."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # the parser `re` itself uses; its old public name warns from 3.11 on
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - an older or another Python: no example, the callers fall back to words
    _parser = None
    _c = None

_LONGEST = 80  # an example longer than this explains nothing
_LETTERS, _CAPITALS = "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_OTHERS = "".join(chr(c) for c in range(33, 127)) + " "
_CATEGORY_TESTS = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                   "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


class _NoExample(Exception):
    """The pattern uses something an example cannot be made for by rule (a back reference)."""


@lru_cache(maxsize=256)
def example_for(pattern: str | None) -> str | None:
    """A short value that fits `pattern` and reads like one a person would type, or None when none can be made.

    Every literal part of the pattern is kept (a fixed prefix such as `urn:nl:ak:ver:` shows as it is); each free run
    of characters becomes letters where it allows them, except the last run that allows digits, which becomes a
    number when there is more than one run (`[a-z0-9]+(?:-[a-z0-9]+)*` -> `abc-01`: codes end in a number), all within
    the lengths the pattern allows; a part that may repeat any number of times is shown once, an optional one not
    at all.
    The example is checked against the pattern itself, so a pattern this cannot follow gives None, never a wrong one.
    """
    if not pattern or _parser is None:
        return None
    try:
        compiled = re.compile(pattern)
        parsed = list(_parser.parse(pattern))
        survey = _Maker(number_at=-1)
        survey.sequence(parsed)
        digits = [i for i, (letters, numbers) in enumerate(survey.kinds) if numbers]
        last = digits[-1] if digits else -1
        number_at = last if last >= 0 and (len(survey.kinds) > 1 or not survey.kinds[last][0]) else -1
        text = _Maker(number_at).sequence(parsed)
    except (re.error, _NoExample, RecursionError, ValueError, TypeError, OverflowError):
        return None
    if not text.strip() or len(text) > _LONGEST or compiled.fullmatch(text) is None:
        return None
    return text


class _Maker:
    """Walks the parsed pattern; the free run numbered `number_at` becomes a number, the others letters."""

    def __init__(self, number_at: int) -> None:
        self.number_at = number_at
        self.kinds: list[tuple[bool, bool]] = []  # per free run: whether it allows letters, digits

    def sequence(self, items: list[tuple[Any, Any]]) -> str:
        """The example text of a sequence of parsed items."""
        return "".join(self.item(op, arg) for op, arg in items)

    def item(self, op: Any, arg: Any) -> str:
        """The example text of one parsed item."""
        name = str(op)
        if name == "LITERAL":
            return chr(arg)
        if name in ("NOT_LITERAL", "ANY", "IN"):
            return self.run([(op, arg)], 1, 1)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = arg
            body = list(body)
            if len(body) == 1 and str(body[0][0]) in ("NOT_LITERAL", "ANY", "IN"):
                if high == 1 and low == 0:
                    return ""  # one optional character: left out
                return self.run(body, low, high)
            times = low if low > 0 else (1 if high > 1 else 0)  # "any number of times" shown once
            return "".join(self.sequence(body) for _ in range(times))
        if name == "SUBPATTERN":
            return self.sequence(list(arg[-1]))
        if name == "ATOMIC_GROUP":
            return self.sequence(list(arg))
        if name == "BRANCH":
            return self.sequence(list(arg[1][0]))
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return ""  # anchors and look-arounds take no characters; the final check judges the result
        raise _NoExample(name)

    def run(self, body: list[tuple[Any, Any]], low: int, high: int) -> str:
        """A free run of one character class, between `low` and `high` long: letters, or the number."""
        op, arg = body[0]
        admits = _admission(str(op), arg)
        number = len(self.kinds) == self.number_at
        self.kinds.append((any(admits(ch) for ch in _LETTERS), any(admits(ch) for ch in "0123456789")))
        kinds = ("digits", "letters") if number else ("letters", "digits")
        for kind in kinds + ("capitals", "others"):
            source = {"letters": _LETTERS, "digits": "0123456789", "capitals": _CAPITALS, "others": _OTHERS}[kind]
            allowed = [ch for ch in source if admits(ch)]
            if not allowed:
                continue
            typical = {"letters": 3, "capitals": 3, "digits": 2}.get(kind, 1)
            length = max(low, min(typical, high))
            if kind == "digits":
                return ("0" * (length - 1) + "1") if admits("0") and admits("1") else allowed[0] * length
            if length <= len(allowed):
                return "".join(allowed[:length])
            return allowed[0] * length
        raise _NoExample("an empty character class")


def _admission(op: str, arg: Any) -> Any:
    """A test whether one character fits a single-character item of the parsed pattern."""
    if op == "NOT_LITERAL":
        return lambda ch: ord(ch) != arg
    if op == "ANY":
        return lambda ch: ch != "\n"
    items = list(arg)
    negate = bool(items) and str(items[0][0]) == "NEGATE"
    if negate:
        items = items[1:]

    def inside(ch: str) -> bool:
        code = ord(ch)
        for kind, value in items:
            kind = str(kind)
            if kind == "LITERAL" and code == value:
                return True
            if kind == "RANGE" and value[0] <= code <= value[1]:
                return True
            if kind == "CATEGORY":
                test = _CATEGORY_TESTS.get(str(value))
                if test is None:
                    raise _NoExample(str(value))
                if re.fullmatch(test, ch):
                    return True
            if kind not in ("LITERAL", "RANGE", "CATEGORY"):
                raise _NoExample(kind)
        return False

    return (lambda ch: not inside(ch)) if negate else inside
