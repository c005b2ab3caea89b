"""Sections of the Markdown body: ATX headings outside fenced code blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import content

HEADING_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_ATTR_LIST = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")


@dataclass(frozen=True)
class Heading:
    """An ATX heading at file line `line` (0-based)."""

    level: int
    name: str
    line: int


def heading_name(raw: str) -> str:
    """A heading's text as a reader sees it: without closing hashes and `{ attr list }`."""
    text = _CLOSING_HASHES.sub("", raw or "")
    text = _ATTR_LIST.sub("", text)
    return text.strip()


def scan_headings(lines: list[str], start: int) -> list[Heading]:
    """Headings in lines[start:], skipping fenced code blocks."""
    headings: list[Heading] = []
    fence: str | None = None
    for index in range(start, len(lines)):
        text = content(lines[index])
        if fence is not None:
            stripped = text.strip()
            if len(text) - len(text.lstrip(" ")) <= 3 and stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        match = FENCE_RE.match(text)
        if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
            fence = match.group(1)
            continue
        match = HEADING_RE.match(text)
        if match:
            headings.append(Heading(len(match.group(1)), heading_name(match.group(2) or ""), index))
    return headings


def section_span(headings: list[Heading], name: str, end_of_body: int) -> tuple[int, int] | None:
    """File line range [first, stop) of the body of the first level-2 section called `name`."""
    for position, heading in enumerate(headings):
        if heading.level == 2 and heading.name == name:
            stop = end_of_body
            for later in headings[position + 1:]:
                if later.level <= 2:
                    stop = later.line
                    break
            return heading.line + 1, stop
    return None
