"""A fast reader for the plain subset of YAML that almost all front matter uses.

It accepts only lines it fully understands (top-level `key: plain-or-quoted value`, block lists of such
items, comments, blank lines) and returns None for anything else, so that ruamel.yaml reads those.
Tests check that both readers give the same values and positions on every corpus file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from .scalars import _printable
from .text import content
from .values import to_python

_KEY_RE = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):(?:([ ]+)(.*))?$")
_ITEM_RE = re.compile(r"( *)-(?:([ ]+)(.*))?$")
_RESOLVER = VersionedResolver(version=(1, 2))
_RESOLVER.versioned_resolver  # noqa: B018 - built now, so that threads only ever read it
MAX_SIMPLE_KEY = 1024  # YAML's limit on a key that is not in quotes or `? `
_BAD_START = set("-?:,[]{}#&*!|>%@`")


@dataclass
class FastEntry:
    """A top-level key and its line range (0-based file lines)."""

    key: str
    first: int
    last: int


@dataclass
class FastResult:
    """What the fast reader found."""

    entries: list[FastEntry] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    empty_items: list[tuple[str, int]] = field(default_factory=list)


def _plain(text: str) -> Any:
    node = ScalarNode(_RESOLVER.resolve(ScalarNode, text, (True, False)), text)
    return to_python(node)


def _value(raw: str) -> tuple[bool, Any]:
    """(understood, value) of a one-line scalar with an optional trailing comment."""
    text = raw.rstrip(" ")
    if not text:
        return True, None
    if text[0] == "'":
        end = 1
        out = []
        while end < len(text):
            ch = text[end]
            if ch == "'":
                if text[end + 1 : end + 2] == "'":
                    out.append("'")
                    end += 2
                    continue
                rest = text[end + 1 :]
                if rest.strip(" ") and not re.match(r" +#", rest):
                    return False, None
                return True, "".join(out)
            out.append(ch)
            end += 1
        return False, None
    if text[0] == '"':
        close = text.find('"', 1)
        if close < 0 or "\\" in text[:close]:
            return False, None
        rest = text[close + 1 :]
        if rest.strip(" ") and not re.match(r" +#", rest):
            return False, None
        return True, text[1:close]
    if text[0] in _BAD_START or text[0] == "#":
        return False, None
    cut = text.find(" #")
    if cut >= 0:
        text = text[:cut].rstrip(" ")
    if ": " in text or text.endswith(":") or "\t" in text:
        return False, None
    return True, _plain(text)


def scan(lines: list[str], close_line: int) -> FastResult | None:
    """Read lines[1:close_line] if they are all of the plain subset; otherwise None."""
    result = FastResult()
    current: FastEntry | None = None
    items: list[Any] | None = None
    item_indent: str | None = None
    for index in range(1, close_line):
        text = content(lines[index])
        if "\t" in text or "\r" in text or not all(_printable(ch) for ch in text):
            return None
        stripped = text.strip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if text[0] != " " and text[0] != "-":
            match = _KEY_RE.match(text)
            if match is None:
                return None
            if items is not None and current is not None:
                result.values[current.key] = items
            key, space, raw = match.group(1), match.group(2), match.group(3)
            if len(key) > MAX_SIMPLE_KEY:
                return None  # YAML refuses it; ruamel.yaml says where
            ok, value = _value(raw) if space else (True, None)
            if not ok or (raw is not None and raw.startswith(" ")):
                return None
            current = FastEntry(key, index, index)
            result.entries.append(current)
            result.values.pop(key, None)
            result.values[key] = value
            items = [] if value is None and not (raw or "").strip(" ") else None
            item_indent = None
            continue
        match = _ITEM_RE.match(text)
        if match is None or items is None or current is None:
            return None
        indent, space, raw = match.group(1), match.group(2), match.group(3)
        if item_indent is None:
            item_indent = indent
        elif indent != item_indent:
            return None
        if raw is not None and raw.startswith(" "):
            return None
        ok, value = _value(raw) if space else (True, None)
        if not ok:
            return None
        if value is None:
            result.empty_items.append((current.key, index + 1))
        items.append(value)
        current.last = index
    if items is not None and current is not None:
        result.values[current.key] = items
    for entry in result.entries:
        if entry.key in result.values and isinstance(result.values[entry.key], list) and not result.values[entry.key]:
            result.values[entry.key] = None  # `key:` with no items is null
    return result
