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

from .text import content
from .values import to_python

# Tabs, carriage returns and every character YAML does not allow unescaped: such lines go to ruamel.yaml.
_NOT_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
# The same but for the line feed: a whole front matter without any of these needs no check per line.
_NOT_PLAIN_BUT_LF = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
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


# First characters with which a plain scalar can resolve to anything but a string (numbers, booleans, null).
_RESOLVED_FIRST = frozenset(_RESOLVER.versioned_resolver)
_STR_TAG = "tag:yaml.org,2002:str"


# Plain values repeat across documents (`niet-van-toepassing`, `true`): each short one is resolved once.
# The values are immutable (str, int, float, bool, None); the size is bounded, whatever the input.
_PLAIN_CACHE: dict[str, Any] = {}
_PLAIN_CACHE_SIZE = 4096
_PLAIN_CACHE_TEXT = 80


def _plain(text: str) -> Any:
    if text[0] not in _RESOLVED_FIRST:
        return text
    try:
        return _PLAIN_CACHE[text]
    except KeyError:
        pass
    value = to_python(ScalarNode(_RESOLVER.resolve(ScalarNode, text, (True, False)), text))
    if len(text) <= _PLAIN_CACHE_TEXT and len(_PLAIN_CACHE) < _PLAIN_CACHE_SIZE:
        _PLAIN_CACHE[text] = value
    return value


_COMMENT = re.compile(r" +#")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_FLOW_PLAIN_BAD = re.compile(r"[#:\[\]{}]")


def _rest_ok(rest: str) -> bool:
    """Only spaces, or a comment after at least one space, may follow a value on its line."""
    return not rest.strip(" ") or _COMMENT.match(rest) is not None


def _quoted(text: str, pos: int) -> tuple[str, int] | None:
    """The quoted scalar starting at text[pos]: (its value, the position after its closing quote), or None."""
    if text[pos] == '"':
        close = text.find('"', pos + 1)
        if close < 0 or "\\" in text[pos + 1 : close]:
            return None  # escapes are left to ruamel.yaml
        return text[pos + 1 : close], close + 1
    parts = []
    start = pos + 1
    while True:
        close = text.find("'", start)
        if close < 0:
            return None
        parts.append(text[start:close])
        if text[close + 1 : close + 2] != "'":
            return "".join(parts), close + 1
        parts.append("'")
        start = close + 2


def _flow(text: str) -> tuple[bool, Any]:
    """(understood, value) of a one-line flow list of plain or quoted scalars: `[a, 'b c', "d"]`."""
    items: list[Any] = []
    pos, end = 1, len(text)
    while True:
        while pos < end and text[pos] == " ":
            pos += 1
        if pos >= end:
            return False, None
        if text[pos] == "]" and (not items or text[pos - 1] in " ,"):
            pos += 1
            break
        if text[pos] in "'\"":
            quoted = _quoted(text, pos)
            if quoted is None:
                return False, None
            value, pos = quoted
        else:
            stop = end
            for mark in ",]":
                found = text.find(mark, pos)
                if 0 <= found < stop:
                    stop = found
            raw = text[pos:stop].rstrip(" ")
            if not raw or raw[0] in _BAD_START or _FLOW_PLAIN_BAD.search(raw):
                return False, None
            value, pos = _plain(raw), stop
        items.append(value)
        while pos < end and text[pos] == " ":
            pos += 1
        if pos < end and text[pos] == ",":
            pos += 1
            continue
        if pos < end and text[pos] == "]":
            pos += 1
            break
        return False, None
    return (True, items) if _rest_ok(text[pos:]) else (False, None)


def _value(raw: str) -> tuple[bool, Any]:
    """(understood, value) of a one-line scalar or flow list with an optional trailing comment."""
    text = raw.rstrip(" ")
    if not text:
        return True, None
    if text[0] in "'\"":
        quoted = _quoted(text, 0)
        if quoted is None or not _rest_ok(text[quoted[1] :]):
            return False, None
        return True, quoted[0]
    if text[0] == "[":
        return _flow(text)
    if text[0] in _BAD_START or text[0] == "#":
        return False, None
    cut = text.find(" #")
    if cut >= 0:
        text = text[:cut].rstrip(" ")
    if ": " in text or text.endswith(":") or "\t" in text:
        return False, None
    return True, _plain(text)


def _has_value(raw: str | None) -> bool:
    return raw is not None and bool(raw.strip(" "))


class _Nested:
    """The block value below a top-level `key:` with nothing after its colon: a list of scalars or of mappings
    of scalars (`- impactvol: Ja`), or a mapping of keys to scalars or lists (`sources:` / `  ADR: SV.12` /
    `  ARK:` / `  - 1.07`)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.items: list[Any] | None = None  # the top-level list
        self.item_indent: int | None = None
        self.mapping: dict[Any, Any] | None = None
        self.key_indent = 0
        self.sub_items: list[Any] | None = None  # the list of the mapping's last key, while it can grow
        self.sub_indent: int | None = None
        self._sub_key: Any = None
        self.item_map: dict[Any, Any] | None = None  # the last list item when it is a mapping
        self.item_map_col = 0  # the column of that mapping's keys
        self.empty_items: list[int] = []  # 1-based lines of empty top-level items

    def value(self) -> Any:
        if self.mapping is not None:
            return self.mapping
        return self.items or None  # `key:` with no items is null

    def add(self, text: str, index: int) -> bool | None:
        """Take one content line: True when it extends the entry's last content line, False when not, None
        when it is not of the plain subset."""
        indent = len(text) - len(text.lstrip(" "))
        if self.items is None and self.mapping is None:
            if text[indent] == "-":
                self.items, self.item_indent = [], indent
            elif indent > 0:
                self.mapping, self.key_indent = {}, indent
            else:
                return None
        if self.items is not None:
            if self.item_map is not None and indent == self.item_map_col and text[indent] != "-":
                return _add_key(self.item_map, text, indent) is not None or None
            return self._add_item(text, indent, index)
        return self._add_sub_line(text, indent)

    def _add_item(self, text: str, indent: int, index: int) -> bool | None:
        match = _ITEM_RE.match(text)
        if match is None or indent != self.item_indent:
            return None
        self.item_map = None
        raw = match.group(3)
        if raw and _WORD.fullmatch(raw):  # `- word`, the common item: no colon, comment, quote or space
            assert self.items is not None
            self.items.append(_plain(raw))
            return True
        if match.group(2) and _KEY_RE.match(match.group(3)):
            item: dict[Any, Any] = {}
            self.item_map_col = match.start(3)
            if _add_key(item, text, self.item_map_col) is None:
                return None
            self.item_map = item
            assert self.items is not None
            self.items.append(item)
            return True
        ok, value = _item(match)
        if not ok:
            return None
        if value is None and not _has_value(match.group(3)):
            self.empty_items.append(index + 1)
        assert self.items is not None
        self.items.append(value)
        return True

    def _add_sub_line(self, text: str, indent: int) -> bool | None:
        assert self.mapping is not None
        if indent == self.key_indent and text[indent] != "-":
            added = _add_key(self.mapping, text, indent)
            if added is None:
                return None
            self._sub_key, has_value = added
            self.sub_items = None if has_value else []
            self.sub_indent = None
            return True
        if self.sub_items is None or indent < self.key_indent:
            return None
        match = _ITEM_RE.match(text)
        if match is None:
            return None
        if self.sub_indent is None:
            self.sub_indent = indent
        elif indent != self.sub_indent:
            return None
        ok, value = _item(match)
        if not ok:
            return None
        self.sub_items.append(value)
        self.mapping[self._sub_key] = self.sub_items
        return value is not None or _has_value(match.group(3))


def _add_key(mapping: dict[Any, Any], text: str, column: int) -> tuple[Any, bool] | None:
    """Read `key: scalar` (or `key:`) starting at `column` into `mapping`: (key, has a value), or None."""
    match = _KEY_RE.match(text, column)
    if match is None or len(match.group(1)) > MAX_SIMPLE_KEY:
        return None
    key, space, raw = match.group(1), match.group(2), match.group(3)
    ok, value = _value(raw) if space else (True, None)
    if not ok or (raw is not None and raw.startswith(" ")):
        return None
    key = _plain(key)
    if isinstance(key, float) and key != key:
        return None  # NaN is never equal to itself: leave such keys to ruamel.yaml
    mapping[key] = value
    return key, _has_value(raw)


def _item(match: re.Match[str]) -> tuple[bool, Any]:
    space, raw = match.group(2), match.group(3)
    if raw is not None and raw.startswith(" "):
        return False, None
    return _value(raw) if space else (True, None)


def scan(lines: list[str], close_line: int, text: str | None = None) -> FastResult | None:
    """Read lines[1:close_line] if they are all of the plain subset; otherwise None.

    `text` is those lines joined, when the caller has it: without a tab, a carriage return or any other
    character that is not plain, every line is its content plus LF and needs no check of its own.
    """
    block = "".join(lines[1:close_line]) if text is None else text
    clean = _NOT_PLAIN_BUT_LF.search(block) is None
    result = FastResult()
    current: FastEntry | None = None
    nested: _Nested | None = None

    def finish() -> None:
        if nested is not None:
            result.values[nested.key] = nested.value()
            result.empty_items.extend((nested.key, line) for line in nested.empty_items)

    for index in range(1, close_line):
        if clean:  # lines before the closing fence all end in LF
            text = lines[index][:-1]
        else:
            text = content(lines[index])
            if "\t" in text:
                # A tab in a line's trailing space reads as a space (as in FrontMatter); anywhere else it is not plain.
                kept = text.rstrip(" \t")
                text = kept + " " * (len(text) - len(kept))
            if _NOT_PLAIN.search(text):
                return None
        stripped = text.strip(" ")
        if not stripped or stripped[0] == "#":
            continue
        if text[0] != " " and text[0] != "-":
            match = _KEY_RE.match(text)
            if match is None:
                return None
            finish()
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
            nested = _Nested(key) if not _has_value(raw) else None
            continue
        if nested is None or current is None:
            return None
        extends = nested.add(text, index)
        if extends is None:
            return None
        if extends:
            current.last = index
    finish()
    return result


def one_line_value(raw: str) -> tuple[bool, Any]:
    """(understood, value) of the text after `key: ` on one line, exactly as the full reader gives it, or
    (False, None) when only the full reader can tell (the index's quick read of titles uses this)."""
    return _value(raw)
