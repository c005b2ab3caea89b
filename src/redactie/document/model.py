"""The lossless document: front matter and Markdown body, edited line by line."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ruamel.yaml.nodes import ScalarNode, SequenceNode

from . import scalars
from .body import Heading, scan_headings, section_index
from .errors import EditError, FrontMatterError
from .frontmatter import CLOSE_RE, OPEN_RE, Entry, FrontMatter
from .render import block_lines, common_dash, flow_list, is_scalar, literal_block
from .text import BOM, content, decode, dominant_ending, ending, lf_text, split_lines
from .values import MAX_INT_BITS, to_python


def same(a: Any, b: Any) -> bool:
    """Equality that tells True from 1 and a list from a tuple of the same items."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def _normalize(value: Any) -> Any:
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _normalize(v) for k, v in value.items()}
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise EditError("the number is too large to be written as text")
    if isinstance(value, str):
        _check_encodable(value)
    if is_scalar(value):
        return value
    raise TypeError(f"cannot store a value of type {type(value).__name__} in front matter")


def _check_encodable(text: str) -> None:
    """Refuse text that cannot be saved as UTF-8 (a lone surrogate from a broken paste)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EditError(
            f"the text holds a character that cannot be saved (position {exc.start + 1}); type it again"
        ) from None


_NO_FIELDS: Mapping[str, Any] = MappingProxyType({})
_FENCES = ("---", "...")


class Document:
    """A Markdown file with optional YAML front matter that dumps back byte for byte."""

    def __init__(self, bom: bool, lines: list[str]) -> None:
        self._bom = bom
        self._lines = lines
        self._fm: FrontMatter | None = None
        body_start = 0
        if lines and OPEN_RE.fullmatch(content(lines[0])):
            # Only a line starting with `---` or `...` can close it: the rest need no pattern match.
            close = next((i for i in range(1, len(lines))
                          if lines[i][:3] in _FENCES and CLOSE_RE.fullmatch(content(lines[i]))), None)
            if close is None:
                raise FrontMatterError(
                    1,
                    1,
                    "the front matter that starts on line 1 is never closed with a line '---'",
                    "de metadata die op regel 1 begint wordt nergens afgesloten met een regel '---'",
                )
            self._fm = FrontMatter(lines, close)
            body_start = close + 1
        self._body_start = body_start
        self._headings: list[Heading] = scan_headings(lines, body_start)
        self._sections = section_index(self._headings, len(lines))

    # ---- reading -------------------------------------------------------------------------------

    @classmethod
    def parse(cls, data: bytes) -> Document:
        """Parse a whole file's bytes; raises FrontMatterError (or its DocumentEncodingError)."""
        bom, text = decode(data)
        return cls(bom, split_lines(text))

    def dump(self) -> bytes:
        """The file's bytes; identical to the parsed bytes when nothing was changed."""
        data = "".join(self._lines).encode("utf-8")
        return BOM + data if self._bom else data

    @property
    def fields(self) -> Mapping[str, Any]:
        """Read-only mapping of top-level front-matter keys to plain values, in file order."""
        if self._fm is None:
            return _NO_FIELDS
        return self._fm.fields

    @property
    def has_front_matter(self) -> bool:
        """True when the file starts with a `---` fenced front matter."""
        return self._fm is not None

    @property
    def line_ending(self) -> str:
        """The file's most common line ending."""
        return dominant_ending(self._lines)

    def field_line(self, key: str) -> int | None:
        """1-based line of the key (its last occurrence), or None."""
        found = self._fm.occurrences(key) if self._fm else []
        return found[-1].first + 1 if found else None

    def duplicate_keys(self) -> dict[str, list[int]]:
        """Keys that occur more than once, with the 1-based lines of every occurrence."""
        return {key: list(lines) for key, lines in self._fm.duplicates.items()} if self._fm else {}

    def empty_list_items(self) -> list[tuple[str, int]]:
        """(key, 1-based line) of every list item that is empty (`- ` alone)."""
        return list(self._fm.empty_items) if self._fm else []


    @property
    def text(self) -> str:
        """The whole file as text (without BOM)."""
        return "".join(self._lines)

    @property
    def body(self) -> str:
        """The Markdown body (everything after the front matter), line endings normalised to LF."""
        return lf_text(self._lines[self._body_start:])

    @property
    def section_names(self) -> list[str]:
        """Level-2 headings of the body, as a reader sees them."""
        return [h.name for h in self._headings if h.level == 2]

    def section_line(self, name: str) -> int | None:
        """1-based line of the section's heading."""
        span = self._sections.get(name)
        return span[0] if span else None

    def section(self, name: str) -> str:
        """The Markdown between the heading `name` and the next heading of level <= 2 (LF endings)."""
        first, stop = self._span(name)
        return lf_text(self._lines[first:stop])

    def _span(self, name: str) -> tuple[int, int]:
        span = self._sections.get(name)
        if span is None:
            raise KeyError(name)
        return span

    # ---- body edits -----------------------------------------------------------------------------

    def set_section(self, name: str, text: str) -> None:
        """Replace a section's Markdown; the heading line stays as it was. KeyError if absent."""
        first, stop = self._span(name)
        text = text.replace("\r\n", "\n")
        if text == self.section(name):
            return
        if text and not text.endswith("\n") and stop < len(self._lines):
            text += "\n"
        old = self._lines[first:stop]
        default_eol = dominant_ending(old, self.line_ending)
        new_contents = text.split("\n")
        final_newline = text.endswith("\n")
        if final_newline:
            new_contents.pop()
        matcher = difflib.SequenceMatcher(None, [content(x) for x in old], new_contents, autojunk=False)
        replacement: list[str] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                replacement += old[i1:i2]
                continue
            for offset, line in enumerate(new_contents[j1:j2]):
                # A new line takes the ending of the line it replaces, else of its neighbours.
                near = [old[k] for k in (min(i1 + offset, i2 - 1) if i2 > i1 else -1, i1 - 1, i1) if 0 <= k < len(old)]
                replacement.append(line + next((ending(x) for x in near if ending(x)), default_eol))
        # A kept line that was the file's last (no ending) gets one when lines now follow it.
        replacement = [x if ending(x) else x + default_eol for x in replacement[:-1]] + replacement[-1:]
        if replacement and not final_newline:
            replacement[-1] = content(replacement[-1])
        elif replacement and not ending(replacement[-1]):
            replacement[-1] += default_eol
        heading = self._lines[first - 1]
        if replacement and not ending(heading):  # the heading was the file's last line, without a newline
            heading += default_eol
        new_lines = self._lines[: first - 1] + [heading] + replacement + self._lines[stop:]
        candidate = self._reparse(new_lines)
        ok = (
            candidate._lines[: self._body_start] == self._lines[: self._body_start]
            and candidate.section_names == self.section_names
            and candidate.section(name) == text
            and all(candidate.section(n) == self.section(n) for n in self.section_names if n != name)
        )
        if not ok:
            raise EditError(
                f"the new text of section {name!r} would change the document's structure "
                "(does it contain a heading of level 1 or 2?)"
            )
        self._adopt(candidate)

    # ---- front-matter edits -----------------------------------------------------------------------

    def set_field(self, key: str, value: Any) -> None:
        """Add or replace one top-level key, changing only that key's lines."""
        value = _normalize(value)
        if self._fm is not None:
            try:
                self._fm = self._fm.with_nodes(key)
            except FrontMatterError as exc:
                raise EditError(f"the front matter cannot be edited: {exc}") from None
        current = self.fields
        occurrences = self._fm.occurrences(key) if self._fm else []
        if key in current and same(current[key], value) and len(occurrences) == 1:
            return
        errors: list[str] = []
        for new_lines in self._set_candidates(key, value, occurrences):
            try:
                self._commit_field_edit(new_lines, key, value)
                return
            except EditError as exc:
                errors.append(str(exc))
        raise EditError(f"could not write field {key!r} without changing anything else: {errors[-1:]}")

    def remove_field(self, key: str) -> None:
        """Remove a top-level key (every occurrence). KeyError if absent."""
        occurrences = self._fm.occurrences(key) if self._fm else []
        if not occurrences:
            raise KeyError(key)
        drop: set[int] = set()
        for entry in occurrences:
            drop.update(range(entry.first, entry.last + 1))
        new_lines = [line for i, line in enumerate(self._lines) if i not in drop]
        self._commit_field_edit(new_lines, key, _REMOVED)

    def _commit_field_edit(self, new_lines: list[str], key: str, value: Any) -> None:
        candidate = self._reparse(new_lines)
        expected = dict(self.fields)
        if value is _REMOVED:
            expected.pop(key, None)
        else:
            expected[key] = value
        ok = (
            candidate._fm is not None
            and same(dict(candidate.fields), expected)
            and [k for k in candidate.fields if k != key] == [k for k in self.fields if k != key]
            and len(candidate._fm.occurrences(key)) == (0 if value is _REMOVED else 1)
            and candidate._lines[candidate._body_start:] == self._lines[self._body_start:]
        )
        if not ok:
            raise EditError(f"writing {key!r} would have changed other content")
        self._adopt(candidate)

    def _reparse(self, new_lines: list[str]) -> Document:
        for line in new_lines:
            _check_encodable(line)
        # Re-split, so that a line glued onto one without an ending is seen as the reader will see it.
        try:
            return Document(self._bom, split_lines("".join(new_lines)))
        except FrontMatterError as exc:
            raise EditError(f"the edit would make the front matter unreadable: {exc}") from None

    def _adopt(self, other: Document) -> None:
        self._lines, self._fm = other._lines, other._fm
        self._body_start, self._headings, self._sections = other._body_start, other._headings, other._sections

    # ---- rendering of a changed entry ---------------------------------------------------------------

    def _eol(self) -> str:
        if self._fm is not None:
            return dominant_ending(self._lines[: self._fm.close_line + 1], self.line_ending)
        return self.line_ending

    def _dash(self) -> str:
        if self._fm is None:
            return "- "
        return common_dash([content(x) for x in self._lines[1 : self._fm.close_line]])

    def _set_candidates(self, key: str, value: Any, occurrences: list[Entry]):
        """Yield whole new line lists, most faithful first."""
        eol = self._eol()
        if not occurrences:
            entry_lines = [line + eol for line in self._new_entry(key, value)]
            if self._fm is None:
                yield ["---" + eol, *entry_lines, "---" + eol, *self._lines]
                return
            at = self._fm.entries[-1].last + 1 if self._fm.entries else self._fm.close_line
            yield self._lines[:at] + entry_lines + self._lines[at:]
            return
        target = occurrences[-1]
        drop: set[int] = set()
        for entry in occurrences[:-1]:
            drop.update(range(entry.first, entry.last + 1))
        for region in self._entry_candidates(target, value):
            lines = self._lines[: target.first] + region + self._lines[target.last + 1 :]
            offset = target.first
            yield [line for i, line in enumerate(lines) if not (i < offset and i in drop)]

    def _new_entry(self, key: str, value: Any) -> list[str]:
        head = f"{scalars.key_text(key)}:"
        if is_scalar(value):
            rendered = scalars.candidates(value)[0]
            return [f"{head} {rendered}" if rendered else head]
        if not value:
            return [f"{head} {'[]' if isinstance(value, list) else '{}'}"]
        return [head] + block_lines(value, "  " if isinstance(value, dict) else "", self._dash())

    def _entry_candidates(self, entry: Entry, value: Any):
        """Yield replacement lines for the entry's own lines [first, last]."""
        node = entry.value_node
        lines = self._lines
        eol = ending(lines[entry.first]) or self._eol()
        key_line = content(lines[entry.first])
        head = key_line[: entry.colon_col]
        last_text = content(lines[entry.last])
        assert self._fm is not None
        fm = self._fm
        end = fm.content_end(node)
        tail = last_text[fm.position(end)[1]:] if end is not None else key_line[entry.colon_col:]
        inside_comments = [
            line for line in lines[entry.first + 1 : entry.last + 1]
            if content(line).lstrip().startswith("#") and not isinstance(node, ScalarNode)
        ]
        start_on_key_line = end is not None and fm.line_of(node.start_mark.index) == entry.first
        value_col = fm.position(node.start_mark.index)[1] if start_on_key_line else None

        if is_scalar(value):
            style = node.style if isinstance(node, ScalarNode) else None
            prefix = key_line[:value_col] if value_col is not None else head + " "
            if isinstance(value, str) and style in ("|", ">"):
                indent = self._block_indent(entry)
                block = literal_block(value, indent)
                if block is not None:
                    yield [prefix + block[0] + eol] + [x + eol for x in block[1:]]
            for rendered in scalars.candidates(value, style):
                if rendered:
                    line = prefix + rendered + tail
                else:
                    line = head + (tail if tail.strip() else "")
                yield [line + eol] + inside_comments
            return

        if isinstance(value, list) and all(is_scalar(v) for v in value):
            if isinstance(node, SequenceNode) and not node.flow_style and node.value:
                edited = self._edit_block_list(entry, node, value, eol)
                if edited is not None:
                    yield edited
            elif isinstance(node, SequenceNode) and node.flow_style and entry.first == entry.last:
                prefix = key_line[:value_col] if value_col is not None else head + " "
                yield [prefix + flow_list(value) + tail + eol]
        comment = tail if tail.strip().startswith("#") else ""
        if not value:
            yield [head + " " + ("[]" if isinstance(value, list) else "{}") + (" " + comment.strip() if comment else "")
                   + eol] + inside_comments
            return
        dash = self._dash()
        if isinstance(node, SequenceNode) and not node.flow_style and node.value:
            item = node.value[0]
            first_item = content(lines[self._item_range(entry, node, item)[0]])
            candidate = first_item[: fm.position(item.start_mark.index)[1]]
            dash = candidate if _DASH.fullmatch(candidate) else self._dash()
        body = block_lines(value, "  " if isinstance(value, dict) else "", dash)
        yield [head + (" " + comment.strip() if comment else "") + eol] + [x + eol for x in body] + inside_comments

    def _block_indent(self, entry: Entry) -> str:
        if entry.last > entry.first:
            text = content(self._lines[entry.first + 1])
            indent = text[: len(text) - len(text.lstrip(" "))]
            if indent:
                return indent
        return "  "

    def _item_range(self, entry: Entry, node: SequenceNode, item: Any) -> tuple[int, int]:
        """File line range [first, last] of one block-list item, from its dash to its last content."""
        assert self._fm is not None
        fm = self._fm
        line = fm.line_of(item.start_mark.index)
        end = fm.content_end(item)
        if end is None:
            # An empty item: its mark may point past the dash; walk back to the dash line.
            while line > entry.first and not content(self._lines[line]).lstrip().startswith("-"):
                line -= 1
            return line, line
        start = line
        while start > entry.first and not content(self._lines[start]).lstrip().startswith("-"):
            start -= 1
        return start, max(start, fm.line_of(end - 1))

    def _edit_block_list(self, entry: Entry, node: SequenceNode, value: list[Any], eol: str) -> list[str] | None:
        """The entry's lines with only the added, removed or changed items touched; None when items cannot be
        told apart by file line (an item on the key's own line, after a lone CR that YAML reads as a break)."""
        assert self._fm is not None
        fm = self._fm
        items = list(node.value)
        ranges = [self._item_range(entry, node, item) for item in items]
        if any(first <= entry.first for first, _last in ranges):
            return None
        old_values = [to_python(item) for item in items]
        sample = next((i for i, v in enumerate(old_values) if isinstance(v, str) and v), len(items) - 1)
        sample_item = items[sample]
        sample_text = content(self._lines[ranges[sample][0]])
        dash = sample_text[: fm.position(sample_item.start_mark.index)[1]]
        if not _DASH.fullmatch(dash) or fm.line_of(sample_item.start_mark.index) != ranges[sample][0]:
            dash = self._dash()
        style = sample_item.style if isinstance(sample_item, ScalarNode) else None

        def render(v: Any) -> list[str]:
            if is_scalar(v):
                return [dash + (scalars.candidates(v, style)[0] or "") + eol]
            return [x + eol for x in block_lines([v], " " * (len(dash) - len(dash.lstrip())), dash.lstrip())]

        drop: set[int] = set()
        before: dict[int, list[str]] = {}
        after: dict[int, list[str]] = {}
        replace: dict[int, str] = {}
        keys = [repr(v) for v in old_values]
        new_keys = [repr(v) for v in value]
        matcher = difflib.SequenceMatcher(None, keys, new_keys, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if tag == "replace" and i2 - i1 == j2 - j1 and all(
                ranges[i][0] == ranges[i][1] and isinstance(items[i], ScalarNode) and is_scalar(value[j1 + i - i1])
                and fm.content_end(items[i]) is not None and fm.line_of(items[i].start_mark.index) == ranges[i][0]
                for i in range(i1, i2)
            ):
                for i in range(i1, i2):
                    text = content(self._lines[ranges[i][0]])
                    item = items[i]
                    col = fm.position(item.start_mark.index)[1]
                    end = fm.content_end(item)
                    end_col = fm.position(end)[1] if end is not None else col
                    rendered = scalars.candidates(value[j1 + i - i1], item.style or style)[0]
                    line_eol = ending(self._lines[ranges[i][0]]) or eol
                    replace[ranges[i][0]] = text[:col] + rendered + text[end_col:] + line_eol
                continue
            for i in range(i1, i2):
                drop.update(range(ranges[i][0], ranges[i][1] + 1))
            new_items = [line for v in value[j1:j2] for line in render(v)]
            if i1 < len(items):
                before.setdefault(ranges[i1][0], []).extend(new_items)
            else:
                after.setdefault(ranges[-1][1], []).extend(new_items)
        out: list[str] = []
        for index in range(entry.first, entry.last + 1):
            out += before.get(index, [])
            if index in replace:
                out.append(replace[index])
            elif index not in drop:
                out.append(self._lines[index])
            out += after.get(index, [])
        if not value:
            key_line = content(self._lines[entry.first])
            out[0] = key_line[: entry.colon_col] + " []" + eol
        if out and not ending(out[-1]) and entry.last + 1 < len(self._lines):
            out[-1] += eol
        return out


_DASH = re.compile(r"[ \t]*-[ \t]+")


class _Removed:
    pass


_REMOVED = _Removed()
