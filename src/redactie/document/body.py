"""Sections of the Markdown body: ATX headings outside fenced code blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import content

FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")
_SPACE = " \t"
_STARTS = ("#", "`", "~")


@dataclass(frozen=True)
class Heading:
    """An ATX heading at file line `line` (0-based)."""

    level: int
    name: str
    line: int


def heading_name(raw: str) -> str:
    """A heading's text as a reader sees it: without closing hashes and `{ attr list }`."""
    return _without_attr_list(_without_closing_hashes(raw or "")).strip()


# String operations rather than regular expressions: a regex ending in `[ \t]*$` backtracks over a long run of
# spaces once per starting position, quadratic in the line's length.


def _without_closing_hashes(text: str) -> str:
    end = text.rstrip(_SPACE)
    before = end.rstrip("#")
    if len(before) == len(end):
        return text
    if not before:
        return ""
    return before.rstrip(_SPACE) if before[-1] in _SPACE else text


def _without_attr_list(text: str) -> str:
    end = text.rstrip(_SPACE)
    if not end.endswith("}"):
        return text
    start = end.rfind("{")
    if start < 0 or "}" in end[start + 1 : -1]:
        return text
    return end[:start].rstrip(_SPACE)


def heading_of(text: str) -> tuple[int, str] | None:
    """(level, name) when a line (without its ending) is an ATX heading: up to 3 spaces, 1-6 `#`, then a space,
    a tab or the end of the line."""
    stripped = text.lstrip(" ")
    if len(text) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    rest = stripped.lstrip("#")
    level = len(stripped) - len(rest)
    if level > 6 or (rest and rest[0] not in _SPACE):
        return None
    return level, heading_name(rest.strip(_SPACE))


def scan_headings(lines: list[str], start: int) -> list[Heading]:
    """Headings in lines[start:], skipping fenced code blocks."""
    headings: list[Heading] = []
    fence: str | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        # Most lines start with neither a fence nor a `#`: look at their first character only.
        if fence is not None:
            if line.lstrip()[:1] != fence[0]:
                continue
        elif line.lstrip(" ")[:1] not in _STARTS:
            continue
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
        heading = heading_of(text)
        if heading is not None:
            headings.append(Heading(heading[0], heading[1], index))
    return headings


def section_index(headings: list[Heading], end_of_body: int) -> dict[str, tuple[int, int]]:
    """File line range [first, stop) of every level-2 section's body by name (the first of equal names wins)."""
    index: dict[str, tuple[int, int]] = {}
    stop = end_of_body
    for heading in reversed(headings):
        if heading.level <= 2:
            if heading.level == 2:
                index[heading.name] = (heading.line + 1, stop)
            stop = heading.line
    return index


def section_span(headings: list[Heading], name: str, end_of_body: int) -> tuple[int, int] | None:
    """File line range [first, stop) of the body of the first level-2 section called `name`."""
    return section_index(headings, end_of_body).get(name)
