"""Locating top-level front-matter entries in the file's lines, from ruamel.yaml's composed node tree."""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import FrontMatterError
from .fastscan import scan
from .text import content
from .values import to_python
from .yamlread import LimitError, check_text, compose

OPEN_RE = re.compile(r"---[ \t]*")
CLOSE_RE = re.compile(r"(?:---|\.\.\.)[ \t]*")

_PROBLEMS_NL = {
    "mapping values are not allowed here": (
        "a colon is in a place where it is not allowed; put the value between quotes",
        "hier staat een dubbele punt waar dat niet mag; zet de waarde tussen aanhalingstekens",
    ),
    "could not find expected ':'": (
        "a field name is not followed by a colon",
        "na een veldnaam ontbreekt de dubbele punt",
    ),
    "found character '\\t' that cannot start any token": (
        "a tab is used for indentation; use spaces",
        "er wordt met een tab ingesprongen; gebruik spaties",
    ),
    "found duplicate anchor": ("an anchor name is used twice", "een ankernaam wordt twee keer gebruikt"),
    "found undefined alias": ("an alias refers to an unknown anchor", "een alias verwijst naar een onbekend anker"),
}


@dataclass
class Entry:
    """One top-level `key: value` of the front matter and the file lines it occupies."""

    key: str
    key_node: ScalarNode | None  # None when the fast reader read it
    value_node: Node | None
    first: int  # file line index of the key
    last: int  # file line index of the value's last content line
    colon_col: int  # column just after the key's colon, on line `first`


class FrontMatter:
    """The front matter between the fences at file lines `open_line` and `close_line`."""

    def __init__(self, lines: list[str], close_line: int, full: bool = False) -> None:
        self._lines = lines
        self.open_line = 0
        self.close_line = close_line
        self.text = "".join(lines[1:close_line])
        self.starts = [0]
        for line in lines[1:close_line]:
            self.starts.append(self.starts[-1] + len(line))
        self.entries: list[Entry] = []
        self.values: dict[str, Any] = {}
        self.empty_items: list[tuple[str, int]] = []  # (key, 1-based line) of `- ` items with nothing
        self.full = True
        try:
            check_text(self.text)
        except LimitError as exc:
            raise self._limit_error(exc) from None
        # Trailing tabs are read as spaces (same length, so every position holds); the site's
        # YAML reader rejects them, which validation reports.
        self.trailing_tab_lines = [
            1 + row for row, line in enumerate(lines[1:close_line]) if "\t" in line and "\t" in _trailing_space(line)
        ]
        if not full:
            fast = scan(lines, close_line, self.text)
            if fast is not None:
                self.full = False
                for e in fast.entries:
                    colon = content(lines[e.first]).find(":") + 1
                    self.entries.append(Entry(e.key, None, None, e.first, e.last, colon))
                self.values, self.empty_items = fast.values, fast.empty_items
                return
        root = self._compose()
        if root is None:
            return
        if not isinstance(root, MappingNode):
            line, col = self.position(root.start_mark.index)
            raise FrontMatterError(
                line + 1,
                col + 1,
                "the front matter is not a list of fields (name: value)",
                "de metadata bovenaan is geen lijst van velden (naam: waarde)",
            )
        for key_node, value_node in root.value:
            self._add_entry(lines, key_node, value_node)

    def _compose(self) -> Node | None:
        try:
            return compose(self._yaml_text(1, self.close_line))
        except LimitError as exc:
            raise self._limit_error(exc) from None
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            index = mark.index if mark is not None else 0
            line, col = self.position(min(index, max(len(self.text) - 1, 0)))
            problem = (exc.problem or exc.context or "").strip()
            en, nl = _PROBLEMS_NL.get(
                problem, (f"the layout is not right here ({problem})", f"de opmaak klopt hier niet ({problem})"))
            raise FrontMatterError(
                line + 1,
                col + 1,
                f"the front matter is not valid YAML: {en}",
                f"de metadata bovenaan is geen geldige YAML: {nl}",
            ) from None
        except YAMLError as exc:
            position = getattr(exc, "position", 0) or 0
            line, col = self.position(min(position, max(len(self.text) - 1, 0)))
            raise FrontMatterError(
                line + 1,
                col + 1,
                "the front matter contains a character that is not allowed",
                "de metadata bovenaan bevat een teken dat niet is toegestaan",
            ) from None

    def with_nodes(self, key: str) -> FrontMatter:
        """This front matter with ruamel.yaml's nodes for the last occurrence of `key`, which an edit needs.

        After the fast reader only that entry's lines are composed (their marks moved to this text's
        positions), so an edit costs what its entry costs, not what the whole front matter costs.
        """
        found = self.occurrences(key)
        if self.full or not found or found[-1].value_node is not None:
            return self
        entry = found[-1]
        start = self.starts[entry.first - 1]
        try:
            root = compose(self._yaml_text(entry.first, entry.last + 1))
        except (LimitError, YAMLError):
            root = None
        if not isinstance(root, MappingNode) or len(root.value) != 1:
            return FrontMatter(self._lines, self.close_line, full=True)
        key_node, value_node = root.value[0]
        _shift_marks(key_node, start, set())
        _shift_marks(value_node, start, set())
        clone = copy.copy(self)
        for cached in ("_by_key", "fields", "duplicates"):
            clone.__dict__.pop(cached, None)
        clone.entries = [
            Entry(key, key_node, value_node, e.first, e.last, e.colon_col) if e is entry else e for e in self.entries
        ]
        return clone

    def _yaml_text(self, first: int, stop: int) -> str:
        """File lines [first, stop) as YAML reads them: trailing tabs as spaces, every position kept."""
        if not self.trailing_tab_lines:
            return "".join(self._lines[first:stop])
        return "".join(_tabs_to_spaces(line) for line in self._lines[first:stop])

    def _limit_error(self, exc: LimitError) -> FrontMatterError:
        line, col = self.position(min(exc.index, max(len(self.text) - 1, 0)))
        return FrontMatterError(line + 1, col + 1, exc.message, exc.message_nl)

    def position(self, index: int) -> tuple[int, int]:
        """0-based (file line, column) of a character index into the front-matter text."""
        row = bisect_right(self.starts, index) - 1
        row = max(0, min(row, len(self.starts) - 1))
        return row + 1, index - self.starts[row]

    def line_of(self, index: int) -> int:
        """0-based file line of a character index into the front-matter text."""
        return self.position(index)[0]

    def content_end(self, node: Node) -> int | None:
        """Character index just after the node's last non-blank character, or None when it has no text."""
        if isinstance(node, ScalarNode) or getattr(node, "flow_style", False):
            if isinstance(node, ScalarNode) and node.value == "" and node.style is None:
                return None
            start, end = node.start_mark.index, node.end_mark.index
            while end > start and self.text[end - 1] in " \t\r\n":
                end -= 1
            return end
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                children += [k, v]
        for child in reversed(children):
            end = self.content_end(child)
            if end is not None:
                return end
        return None

    def _add_entry(self, lines: list[str], key_node: Node, value_node: Node) -> None:
        key = str(key_node.value) if isinstance(key_node, ScalarNode) else str(to_python(key_node))
        first = self.line_of(key_node.start_mark.index)
        end = self.content_end(value_node)
        last = first if end is None else max(first, self.line_of(end - 1))
        if isinstance(value_node, SequenceNode) and not value_node.flow_style:
            for item in value_node.value:
                if isinstance(item, ScalarNode) and item.value == "" and item.style is None:
                    line = self.line_of(item.start_mark.index)
                    while line > first and not content(lines[line]).lstrip().startswith("-"):
                        line -= 1
                    self.empty_items.append((key, line + 1))
                    last = max(last, line)
        key_end = self.position(self.content_end(key_node) or key_node.end_mark.index)[1]
        text = content(lines[first])
        colon = text.find(":", key_end)
        self.entries.append(Entry(key, key_node, value_node, first, last, colon + 1 if colon >= 0 else len(text)))
        self.values[key] = to_python(value_node)

    @cached_property
    def _by_key(self) -> dict[str, list[Entry]]:
        by_key: dict[str, list[Entry]] = {}
        for entry in self.entries:
            by_key.setdefault(entry.key, []).append(entry)
        return by_key

    def occurrences(self, key: str) -> list[Entry]:
        """All entries for `key`, in file order (more than one when the key is duplicated)."""
        return list(self._by_key.get(key, ()))

    def field_order(self) -> list[str]:
        """Keys in the order a YAML reader sees them (first occurrence wins the position)."""
        return list(self._by_key)

    @cached_property
    def duplicates(self) -> dict[str, list[int]]:
        """Keys that occur more than once, with the 1-based lines of every occurrence."""
        return {key: [e.first + 1 for e in found] for key, found in self._by_key.items() if len(found) > 1}

    @cached_property
    def fields(self) -> Mapping[str, Any]:
        """Read-only mapping of keys to values in field order (built once: the front matter never changes)."""
        return MappingProxyType({key: self.values[key] for key in self._by_key})


def _trailing_space(line: str) -> str:
    """The spaces and tabs at the end of a line, before its ending."""
    text = content(line)
    return text[len(text.rstrip(" \t")) :]


def _tabs_to_spaces(line: str) -> str:
    """The line with the tabs in its trailing space replaced by spaces (same length, so positions hold)."""
    trailing = _trailing_space(line)
    if "\t" not in trailing:
        return line
    text = content(line)
    return text[: len(text) - len(trailing)] + " " * len(trailing) + line[len(text) :]


def _shift_marks(node: Node, offset: int, seen: set[int]) -> None:
    """Move the marks of a node tree composed from a slice of the text to positions in the whole text."""
    if id(node) in seen:
        return
    seen.add(id(node))
    for name in ("start_mark", "end_mark"):
        mark = getattr(node, name, None)
        if mark is not None:
            moved = copy.copy(mark)
            moved.index += offset
            setattr(node, name, moved)
    if isinstance(node, SequenceNode):
        for child in node.value:
            _shift_marks(child, offset, seen)
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            _shift_marks(key_node, offset, seen)
            _shift_marks(value_node, offset, seen)
