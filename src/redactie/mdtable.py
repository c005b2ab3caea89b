"""Markdown pipe tables in a section's text: find them, read their cells, write a changed grid back (Qt-free).

The site is built with mkdocs (Python-Markdown's tables extension), so a cell ends at a pipe that is neither
escaped (`\\|`) nor inside a code span. A table is a header row, a delimiter row (`---`, `:--`, `--:`,
`:-:` per column, with the same number of cells as the header) and the body rows up to the first blank line.

Writing back changes only what the grid changed: an unchanged row keeps its exact line (its padding, its
pipes, its line ending); in a changed row only the changed cells are written, in the table's own style
(padded to the column's width when the table is aligned and the text fits, otherwise padded as the table's
other rows are). Adding, removing or moving a column rewrites every row in the table's style.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

_DELIMITER_CELL = re.compile(r":?-+:?")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_SPACE = " \t"

ALIGNMENTS = ("left", "center", "right")


def code_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) ranges of the code spans in one line: a backtick run up to the next run of its length."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == "\\":
            i += 2
            continue
        if text[i] != "`":
            i += 1
            continue
        run = i
        while run < n and text[run] == "`":
            run += 1
        length, j, closed = run - i, run, -1
        while j < n:
            if text[j] != "`":
                j += 1
                continue
            end = j
            while end < n and text[end] == "`":
                end += 1
            if end - j == length:
                closed = end
                break
            j = end
        if closed < 0:
            i = run  # an unclosed run is literal backticks
        else:
            spans.append((i, closed))
            i = closed
    return spans


def _in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _pipes(line: str) -> list[int]:
    """The positions of the pipes that separate cells: not escaped, not inside a code span."""
    spans = code_spans(line)
    pipes: list[int] = []
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\":
            i += 2
            continue
        if char == "|" and not _in_spans(i, spans):
            pipes.append(i)
        i += 1
    return pipes


@dataclass
class _Row:
    """One table line: its segments between the pipes and whether it has a leading and a trailing pipe."""

    indent: str
    segments: list[str]
    leading: bool
    trailing: bool
    eol: str


def _split(line: str, indent: str) -> _Row:
    """Split one line (without its ending) into its segments."""
    body = line[len(indent):]
    pipes = _pipes(body)
    stripped_start = len(body) - len(body.lstrip(_SPACE))
    stripped_end = len(body.rstrip(_SPACE))
    leading = bool(pipes) and pipes[0] == stripped_start
    trailing = bool(pipes) and pipes[-1] == stripped_end - 1 and (len(pipes) > 1 or not leading)
    cuts = [-1, *pipes, len(body)]
    segments = [body[cuts[k] + 1:cuts[k + 1]] for k in range(len(cuts) - 1)]
    if leading:
        segments = segments[1:]
        # what stands before the leading pipe (spaces) belongs to the indent
        indent += body[:stripped_start]
    if trailing:
        segments = segments[:-1]
    return _Row(indent, segments, leading, trailing, "")


def cell_text(segment: str) -> str:
    """The text a grid shows for one cell's Markdown: trimmed, `\\|` as `|`, `<br>` as a new line."""
    raw = segment.strip(_SPACE)
    spans = code_spans(raw)
    out: list[str] = []
    i = 0
    while i < len(raw):
        if _in_spans(i, spans):
            end = next(e for s, e in spans if s <= i < e)
            out.append(raw[i:end])
            i = end
            continue
        if raw.startswith("\\|", i):
            out.append("|")
            i += 2
            continue
        if raw[i] == "\\":
            out.append(raw[i:i + 2])
            i += 2
            continue
        match = _BR.match(raw, i)
        if match:
            out.append("\n")
            i = match.end()
            continue
        out.append(raw[i])
        i += 1
    return "".join(out)


def cell_markdown(text: str, br: str = "<br>") -> str:
    """The Markdown for a cell's text: `|` and a lone backtick escaped (not in code spans), a new line as `<br>`,
    trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip(_SPACE + "\n")
    # one line: a new line becomes `<br>` (inside a code span it stays literal text, as the site shows it)
    line = text.replace("\n", br)
    spans = code_spans(line)
    out: list[str] = []
    i = 0
    while i < len(line):
        if _in_spans(i, spans):
            end = next(e for s, e in spans if s <= i < e)
            out.append(line[i:end])
            i = end
            continue
        char = line[i]
        if char == "\\":
            j = i
            while j < len(line) and line[j] == "\\":
                j += 1
            run = line[i:j]
            if len(run) % 2 and j < len(line) and line[j] == "|":
                run += "\\"  # an odd run before a pipe would escape the pipe's escape: one more keeps it literal
            elif len(run) % 2 and (j == len(line) or line.startswith(br, j)):
                run += " "  # a backslash at the end would escape the closing pipe or the `<br>`
            elif len(run) % 2:
                run += line[j]  # the character the backslash escapes stays as it is
                j += 1
            out.append(run)
            i = j
            continue
        # a backtick that opens no code span here could pair with one in the next cell: escaped
        out.append("\\" + char if char in "|`" else char)
        i += 1
    return "".join(out)


def _alignment(segment: str) -> str | None:
    cell = segment.strip(_SPACE)
    left, right = cell.startswith(":"), cell.endswith(":")
    if left and right:
        return "center"
    if right:
        return "right"
    return "left" if left else None


@dataclass
class TableStyle:
    """How a table is written: indent, outer pipes, padding, column widths (when aligned), line ending."""

    indent: str = ""
    leading: bool = True
    trailing: bool = True
    pad: str = " "
    left_pad: str = " "
    widths: list[int | None] | None = None
    delimiter_pad: str = " "
    eol: str = "\n"
    br: str = "<br>"


@dataclass
class Grid:
    """The cells of a table as the grid editor holds them, with where each row and column came from."""

    header: list[str]
    alignments: list[str | None]
    rows: list[list[str]]
    column_ids: list[int | None] = field(default_factory=list)
    row_ids: list[int | None] = field(default_factory=list)

    @property
    def width(self) -> int:
        """The number of columns."""
        return len(self.header)

    def copy(self) -> Grid:
        """An independent copy (for undo)."""
        return copy.deepcopy(self)

    def insert_row(self, at: int) -> None:
        """An empty body row before body row `at` (at the end when `at` is the row count)."""
        self.rows.insert(at, [""] * self.width)
        self.row_ids.insert(at, None)

    def remove_row(self, at: int) -> None:
        """Remove body row `at`."""
        del self.rows[at]
        del self.row_ids[at]

    def move_row(self, at: int, to: int) -> None:
        """Move body row `at` to position `to`."""
        self.rows.insert(to, self.rows.pop(at))
        self.row_ids.insert(to, self.row_ids.pop(at))

    def insert_column(self, at: int) -> None:
        """An empty column before column `at`."""
        self.header.insert(at, "")
        self.alignments.insert(at, None)
        self.column_ids.insert(at, None)
        for row in self.rows:
            row.insert(at, "")

    def remove_column(self, at: int) -> None:
        """Remove column `at` (a table keeps at least one column)."""
        if self.width <= 1:
            return
        for cells in (self.header, self.alignments, self.column_ids, *self.rows):
            del cells[at]

    def move_column(self, at: int, to: int) -> None:
        """Move column `at` to position `to`."""
        for cells in (self.header, self.alignments, self.column_ids, *self.rows):
            cells.insert(to, cells.pop(at))


@dataclass
class Table:
    """One pipe table found in a text: where it is, its lines, its grid and its style."""

    start: int
    end: int
    lines: list[str]
    header_row: _Row
    delimiter_row: _Row
    body_rows: list[_Row]
    style: TableStyle
    width: int

    @property
    def text(self) -> str:
        """The table's exact text."""
        return "".join(self.lines)

    def grid(self) -> Grid:
        """The table's cells as a fresh grid (every row and column knows where it came from)."""
        def cells(row: _Row) -> list[str]:
            texts = [cell_text(s) for s in row.segments[:self.width]]
            return texts + [""] * (self.width - len(texts))

        alignments = [_alignment(s) for s in self.delimiter_row.segments]
        alignments += [None] * (self.width - len(alignments))
        return Grid(cells(self.header_row), alignments, [cells(r) for r in self.body_rows],
                    list(range(self.width)), list(range(len(self.body_rows))))

    def write(self, grid: Grid) -> str:
        """The table's text for `grid`: unchanged rows byte for byte, changed ones in the table's style."""
        return "".join(self.write_lines(grid))

    def write_lines(self, grid: Grid) -> list[str]:
        """The table's lines (with their endings) for `grid`."""
        original = self.grid()
        style = self.style
        columns_same = grid.column_ids == list(range(self.width))
        widths = self._widths(grid, columns_same)
        lines: list[tuple[str, str]] = []  # (content, ending)

        def row_line(row: _Row | None, old: list[str] | None, new: list[str]) -> str:
            if row is not None and old is not None and columns_same:
                if old == new:
                    return ""  # the caller keeps the original line
                segments: list[str | None] = [*row.segments[:self.width]]
                segments += [None] * (self.width - len(segments))
                out = [seg if seg is not None and old[j] == new[j] else None for j, seg in enumerate(segments)]
                if not row.trailing and len(row.segments) <= self.width and len(new) > len(row.segments):
                    # the row's last cell had no pipe after it; it gets one now, written anew (a final `\`)
                    out[len(row.segments) - 1] = None
                # cells the original row did not have and that stay empty are left out
                while out and out[-1] is None and new[len(out) - 1] == "" and len(out) > len(row.segments):
                    out.pop()
                if all(segment is None for segment in out):  # nothing of the row kept: the table's style
                    return self._assemble(style.indent, style.leading, style.trailing, out, new, widths,
                                          grid.alignments)
                line = self._assemble(row.indent, row.leading, row.trailing, out, new, widths, grid.alignments)
                if self._reads_as(line, new):
                    return line
                # a kept cell pairs up with a new one (a lone backtick): the whole row anew
                return self._assemble(row.indent, row.leading, row.trailing, [None] * len(out), new, widths,
                                      grid.alignments)
            return self._assemble(style.indent, style.leading, style.trailing, [None] * len(new), new, widths,
                                  grid.alignments)

        header = row_line(self.header_row, original.header, grid.header)
        lines.append((header, self.header_row.eol) if header else (self._content(0), self.header_row.eol))
        # the delimiter needs a cell for each header cell (the header may have gained the cells of a long row)
        count = len(_split(lines[0][0], style.indent).segments)
        if columns_same and grid.alignments == original.alignments and count == len(self.delimiter_row.segments):
            lines.append((self._content(1), self.delimiter_row.eol))
        else:
            lines.append((self._delimiter(grid, columns_same, widths, count), self.delimiter_row.eol))
        for k, cells in enumerate(grid.rows):
            source = grid.row_ids[k]
            if source is None:
                lines.append((row_line(None, None, cells), style.eol))
                continue
            written = row_line(self.body_rows[source], original.rows[source], cells)
            lines.append((written or self._content(2 + source), self.body_rows[source].eol))
        last_eol = self.lines[-1][len(self._content(len(self.lines) - 1)):]
        result = []
        for k, (content, eol) in enumerate(lines):
            if k == len(lines) - 1:
                eol = last_eol
            elif not eol:
                eol = style.eol
            result.append(content + eol)
        return result

    def _reads_as(self, line: str, cells: list[str]) -> bool:
        """Whether a written row reads back as the cells it was written for."""
        read = [cell_text(segment) for segment in _split(line, self.style.indent).segments]
        read += [""] * (len(cells) - len(read))
        return read[:len(cells)] == [cell_text(cell_markdown(cell, self.style.br)) for cell in cells]

    def _content(self, index: int) -> str:
        line = self.lines[index]
        return line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith(("\n", "\r")) else line

    def _widths(self, grid: Grid, columns_same: bool) -> list[int | None]:
        """The width of each grid column when the table is aligned (a new column: its widest cell)."""
        style = self.style
        if style.widths is None:
            return [None] * grid.width
        out: list[int | None] = []
        for j, source in enumerate(grid.column_ids):
            if source is not None:
                out.append(style.widths[source] if source < len(style.widths) else None)
            else:
                texts = [grid.header[j], *(row[j] for row in grid.rows)]
                out.append(max(5, *(len(cell_markdown(t, style.br)) + 2 * len(style.left_pad) for t in texts)))
        return out

    def _segment(self, text: str, width: int | None, alignment: str | None) -> str:
        style = self.style
        markdown = cell_markdown(text, style.br)
        if width is not None and len(markdown) + 2 * len(style.left_pad) <= width:
            inner = width - 2 * len(style.left_pad)
            body = (markdown.rjust(inner) if alignment == "right"
                    else markdown.center(inner) if alignment == "center" else markdown.ljust(inner))
            return style.left_pad + body + style.left_pad
        return style.pad + markdown + style.pad

    def _assemble(self, indent: str, leading: bool, trailing: bool, segments: list[str | None], cells: list[str],
                  widths: list[int | None], alignments: list[str | None]) -> str:
        count = len(segments)
        # an empty first or last cell, or a single column, needs the outer pipe to stay a cell
        leading = leading or not cells[0].strip() or (count == 1 and not trailing)
        trailing = trailing or not cells[count - 1].strip()
        parts: list[str] = []
        for j, segment in enumerate(segments):
            if segment is None:
                segment = self._segment(cells[j], widths[j] if j < len(widths) else None, alignments[j])
                if j == 0 and not leading:
                    segment = segment.lstrip(_SPACE)
                if j == count - 1 and not trailing:
                    segment = segment.rstrip(_SPACE)
            parts.append(segment)
        return indent + ("|" if leading else "") + "|".join(parts) + ("|" if trailing else "")

    def _delimiter(self, grid: Grid, columns_same: bool, widths: list[int | None], count: int) -> str:
        style = self.style
        row = self.delimiter_row
        original = self.grid().alignments
        parts: list[str] = []
        for j, alignment in enumerate(grid.alignments[:count]):
            source = grid.column_ids[j]
            if columns_same and source is not None and source < len(row.segments) and original[source] == alignment:
                parts.append(row.segments[source])
                continue
            left, right = alignment in ("left", "center"), alignment in ("right", "center")
            if columns_same and source is not None and source < len(row.segments):
                # only the alignment changed: the same cell, colons moved, its width kept
                segment = row.segments[source]
                inner = segment.strip(_SPACE)
                before = segment[:len(segment) - len(segment.lstrip(_SPACE))]
                after = segment[len(segment.rstrip(_SPACE)):]
                dashes = max(1, len(inner) - left - right)
                parts.append(before + (":" if left else "") + "-" * dashes + (":" if right else "") + after)
                continue
            pad = style.delimiter_pad
            width = widths[j]
            dashes = max(3, (width - 2 * len(pad)) if width is not None else 3) - left - right
            parts.append(pad + (":" if left else "") + "-" * max(1, dashes) + (":" if right else "") + pad)
        leading = row.leading if columns_same else style.leading
        trailing = row.trailing if columns_same else style.trailing
        if len(parts) == 1:
            leading = leading or not trailing
        indent = row.indent if columns_same else style.indent
        return indent + ("|" if leading else "") + "|".join(parts) + ("|" if trailing else "")


def _lines(text: str) -> list[str]:
    """Lines with their endings (LF, CRLF or a lone CR never splits: the editors keep a lone CR in a line)."""
    return text.splitlines(keepends=True) if "\r" not in text else re.findall(r"[^\n]*\n|[^\n]+$", text)


def _strip_eol(line: str) -> tuple[str, str]:
    if line.endswith("\r\n"):
        return line[:-2], "\r\n"
    if line.endswith("\n"):
        return line[:-1], "\n"
    return line, ""


def _is_delimiter(row: _Row, count: int, content: str) -> bool:
    if "|" not in content or len(row.segments) != count:
        return False
    return all(_DELIMITER_CELL.fullmatch(s.strip(_SPACE)) for s in row.segments)


def find_tables(text: str) -> list[Table]:
    """Every pipe table in a text, in order (tables inside code fences are not tables)."""
    lines = _lines(text)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    tables: list[Table] = []
    fence: str | None = None
    i = 0
    while i < len(lines):
        content, _ = _strip_eol(lines[i])
        match = _FENCE.match(content)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not content.strip(_SPACE)[len(match.group(1)):].strip(_SPACE):
                fence = None
            i += 1
            continue
        if match:
            fence = match.group(1)
            i += 1
            continue
        table = _table_at_line(lines, i, offsets)
        if table is None:
            i += 1
            continue
        tables.append(table)
        i += len(table.lines)
    return tables


def _table_at_line(lines: list[str], i: int, offsets: list[int]) -> Table | None:
    if i + 1 >= len(lines):
        return None
    header_content, header_eol = _strip_eol(lines[i])
    if not header_content.strip(_SPACE) or not _pipes(header_content):
        return None
    indent = header_content[:len(header_content) - len(header_content.lstrip(_SPACE))]
    header = _split(header_content, indent)
    delimiter_content, delimiter_eol = _strip_eol(lines[i + 1])
    if not delimiter_content.startswith(indent):
        return None
    delimiter = _split(delimiter_content, indent)
    if not _is_delimiter(delimiter, len(header.segments), delimiter_content):
        return None
    header.eol, delimiter.eol = header_eol, delimiter_eol
    body: list[_Row] = []
    k = i + 2
    while k < len(lines):
        content, eol = _strip_eol(lines[k])
        if not content.strip(_SPACE) or not content.startswith(indent) or _FENCE.match(content):
            break
        row = _split(content, indent)
        row.eol = eol
        body.append(row)
        k += 1
    rows = [header, delimiter, *body]
    table_lines = lines[i:k]
    width = max(len(header.segments), *(len(r.segments) for r in body)) if body else len(header.segments)
    return Table(offsets[i], offsets[k], table_lines, header, delimiter, body, _style(rows, indent), width)


def _style(rows: list[_Row], indent: str) -> TableStyle:
    """The table's own style, read from its rows."""
    header, delimiter, body = rows[0], rows[1], rows[2:]
    style = TableStyle(indent=indent)
    votes = [r for r in rows if r is not delimiter]
    style.leading = sum(r.leading for r in votes) * 2 >= len(votes) if len(votes) > 1 else header.leading
    style.trailing = sum(r.trailing for r in votes) * 2 >= len(votes) if len(votes) > 1 else header.trailing
    if not style.leading and not style.trailing and len(header.segments) == 1:
        style.leading = style.trailing = True

    def padded(segments: list[str]) -> list[bool]:
        return [s[:1] in (" ", "\t") for s in segments if s.strip(_SPACE)]

    body_pads = [p for r in body for p in padded(r.segments)]
    pads = body_pads or padded(header.segments)
    style.pad = " " if not pads or sum(pads) * 2 >= len(pads) else ""
    header_pads = padded(header.segments)
    style.left_pad = " " if not header_pads or sum(header_pads) * 2 >= len(header_pads) else ""
    style.delimiter_pad = " " if delimiter.segments and delimiter.segments[0][:1] == " " else ""
    header_widths = [len(s) for s in header.segments]
    delimiter_widths = [len(s) for s in delimiter.segments]
    if header_widths == delimiter_widths:
        style.widths = list(header_widths)
    endings = [r.eol for r in rows if r.eol]
    style.eol = max(set(endings), key=endings.count) if endings else "\n"
    for r in rows:
        for s in r.segments:
            found = _BR.search(s)
            if found:
                style.br = found.group()
                return style
    return style


def table_at(text: str, position: int) -> Table | None:
    """The table whose lines hold character `position` of `text`, or None."""
    for table in find_tables(text):
        if table.start <= position < table.end or (position == table.end and not table.text.endswith("\n")):
            return table
    return None


@dataclass(frozen=True)
class LineEdit:
    """Replace text[start:end] by `text` (whole lines)."""

    start: int
    end: int
    text: str


def line_edits(table: Table, grid: Grid) -> list[LineEdit]:
    """The smallest whole-line replacements in the table's text that write `grid`, last first."""
    old, new = table.lines, table.write_lines(grid)
    offsets = [table.start]
    for line in old:
        offsets.append(offsets[-1] + len(line))
    edits = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            edits.append(LineEdit(offsets[i1], offsets[i2], "".join(new[j1:j2])))
    return list(reversed(edits))


def new_table(columns: int = 2, rows: int = 2, eol: str = "\n", header: list[str] | None = None,
              body: list[list[str]] | None = None, alignments: list[str | None] | None = None) -> str:
    """A new table in the corpus's style: outer pipes, a space around each cell, every column as wide as its
    widest cell (`| Kolom 1 | Kolom 2 |`, `|---------|---------|`); empty cells unless `body` is given."""
    names = header or [f"Kolom {n}" for n in range(1, columns + 1)]
    cells = body if body is not None else [[""] * len(names) for _ in range(rows)]
    aligns = alignments or [None] * len(names)
    markdown = [[cell_markdown(text) for text in row] for row in [names, *cells]]
    widths = [max(3, *(len(row[j]) for row in markdown)) for j in range(len(names))]

    def line(row: list[str]) -> str:
        parts = []
        for j, text in enumerate(row):
            fill = (text.rjust(widths[j]) if aligns[j] == "right"
                    else text.center(widths[j]) if aligns[j] == "center" else text.ljust(widths[j]))
            parts.append(f" {fill} ")
        return "|" + "|".join(parts) + "|"

    def dashes(j: int) -> str:
        left, right = aligns[j] in ("left", "center"), aligns[j] in ("right", "center")
        return (":" if left else "") + "-" * (widths[j] + 2 - left - right) + (":" if right else "")

    lines = [line(markdown[0]), "|" + "|".join(dashes(j) for j in range(len(names))) + "|"]
    lines += [line(row) for row in markdown[1:]]
    return eol.join(lines) + eol
