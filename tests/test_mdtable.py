"""Markdown pipe tables: found, read and written back so that only the rows that changed are rewritten."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from redactie.document import Document
from redactie.mdtable import (
    Grid,
    cell_markdown,
    cell_text,
    code_spans,
    find_tables,
    line_edits,
    new_table,
    table_at,
)

from .conftest import corpus_files


def apply(text: str, table, grid: Grid) -> str:  # noqa: ANN001
    for edit in line_edits(table, grid):  # last first
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text


def only(text: str):  # noqa: ANN201
    tables = find_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


# ---- the real tables -------------------------------------------------------------------------------------

CORPUS_TABLES = [path for path in corpus_files() if re.search(r"^\s*\|", path.read_text("utf-8"), re.M)]


@pytest.mark.skipif(not CORPUS_TABLES, reason="the shared corpus is absent")
def test_corpus_has_tables_in_both_snapshots() -> None:
    found = {path.relative_to(path.parents[len(path.parents) - 1]).parts for path in CORPUS_TABLES}
    assert any("algoritmekader-2024" in p for p in found) and any("algoritmekader-2026" in p for p in found)
    count = sum(len(find_tables(p.read_text("utf-8"))) for p in CORPUS_TABLES)
    assert count > 100  # every Bronnen table of 2024 and the tables of 2026


@pytest.mark.skipif(not CORPUS_TABLES, reason="the shared corpus is absent")
@pytest.mark.parametrize("path", CORPUS_TABLES, ids=lambda p: p.name)
def test_corpus_tables_round_trip(path) -> None:  # noqa: ANN001
    text = path.read_text("utf-8")
    for table in find_tables(text):
        assert text[table.start:table.end] == table.text
        grid = table.grid()
        assert table.write(grid) == table.text
        assert line_edits(table, grid) == []
        # the same through the document's sections (LF text, as the section editors hold it)
    for name in Document.parse(path.read_bytes()).section_names:
        section = Document.parse(path.read_bytes()).section(name)
        for table in find_tables(section):
            assert table.write(table.grid()) == table.text


@pytest.mark.skipif(not CORPUS_TABLES, reason="the shared corpus is absent")
@pytest.mark.parametrize("path", CORPUS_TABLES[:40], ids=lambda p: p.name)
def test_corpus_one_cell_changes_one_line(path) -> None:  # noqa: ANN001
    text = path.read_text("utf-8")
    for table in find_tables(text):
        grid = table.grid()
        target = len(grid.rows) - 1 if grid.rows else None
        if target is None:
            grid.header[0] = "Nieuw"
        else:
            grid.rows[target][0] = "Nieuwe tekst met | een pipe"
        changed = apply(text, table, grid)
        old_lines, new_lines = text.splitlines(keepends=True), changed.splitlines(keepends=True)
        assert len(old_lines) == len(new_lines)
        assert sum(a != b for a, b in zip(old_lines, new_lines, strict=True)) == 1
        again = table_at(changed, table.start)
        assert again is not None and again.grid().header == grid.header and again.grid().rows == grid.rows


# ---- constructed tables ----------------------------------------------------------------------------------

ODD_TABLES = [
    "| a | b |\n|---|:-:|\n| 1 | 2 |\n",
    "a | b\n--- | ---\n1 | 2\n3 | 4",
    "|a|b|\r\n|-|-|\r\n|1|2|\r\n",
    "| `x|y` | b \\| c |\n| --- | --- |\n| `|` | \\\\ |\n",
    "    | in | admonition |\n    |----|------------|\n    | x  | y          |\n",
    "| short |\n|---|\n| 1 | 2 | 3 |\n| |\n",
    "| a | b |\n|---|---|\n| 1 <br> 2 | x<br/>y |\n",
    "| Kop |\n| :--- |\n",
    "  |a|\n  |--|\n  |b|  \n",
]


@pytest.mark.parametrize("text", ODD_TABLES)
def test_odd_tables_round_trip(text: str) -> None:
    table = only(text)
    assert table.text == text
    assert table.write(table.grid()) == text


def test_cells_read_as_a_person_reads_them() -> None:
    grid = only(ODD_TABLES[3]).grid()
    assert grid.header == ["`x|y`", "b | c"]
    assert grid.rows == [["`|`", "\\\\"]]
    assert only(ODD_TABLES[6]).grid().rows == [["1 \n 2", "x\ny"]]
    assert only(ODD_TABLES[1]).grid().alignments == [None, None]
    assert only(ODD_TABLES[0]).grid().alignments == [None, "center"]
    short = only(ODD_TABLES[5]).grid()
    assert short.width == 3 and short.header == ["short", "", ""] and short.rows[1] == ["", "", ""]


def test_no_table_in_code_fences_or_without_delimiter() -> None:
    assert find_tables("```\n| a |\n|---|\n```\n") == []
    assert find_tables("a | b\nc | d\n") == []
    assert find_tables("| a | b |\n|---|\n") == []  # the delimiter needs a cell per header cell
    text = "Tekst\n\n| a |\n|---|\n| b |\n\nMeer | tekst\n"
    table = only(text)
    assert table_at(text, text.index("| b")) is table or table_at(text, text.index("| b")).start == table.start
    assert table_at(text, 0) is None
    assert table_at(text, text.index("Meer")) is None


def test_changed_cell_in_aligned_table_is_padded() -> None:
    text = ("| Bron                        |\n|-----------------------------|\n"
            "|Lange tekst zonder ruimte eromheen die niet past|\n")
    table = only(text)
    grid = table.grid()
    grid.insert_row(1)
    grid.rows[1][0] = "Kort"
    grid.rows[0][0] = "Een andere lange tekst die ook niet in de kolom past"
    out = table.write(grid).splitlines()
    assert out[2] == "|Een andere lange tekst die ook niet in de kolom past|"  # the style of the other rows
    assert out[3] == "| Kort                        |"  # fits: padded to the column width


def test_rows_added_removed_moved_touch_only_those_rows() -> None:
    text = "| a | b |\n|---|---|\n|1|2|\n| 3 | 4 |\n|5|6|\n"
    table = only(text)
    grid = table.grid()
    grid.remove_row(1)
    assert table.write(grid) == "| a | b |\n|---|---|\n|1|2|\n|5|6|\n"
    grid = table.grid()
    grid.move_row(2, 0)
    assert table.write(grid) == "| a | b |\n|---|---|\n|5|6|\n|1|2|\n| 3 | 4 |\n"
    grid = table.grid()
    grid.insert_row(3)
    grid.rows[3] = ["7", "8"]
    assert table.write(grid) == text + "| 7 | 8 |\n"
    assert [e.text for e in line_edits(table, grid)] == ["| 7 | 8 |\n"]


def test_a_changed_row_keeps_its_other_cells() -> None:
    table = only("| a  |  b |\n|----|----|\n|x   |  y |\n")
    grid = table.grid()
    grid.rows[0][1] = "z"
    assert table.write(grid).splitlines()[2] == "|x   | z  |"


def test_column_changes_rewrite_every_row_in_the_table_style() -> None:
    text = "| a | b |\n|---|--:|\n| 1 | 2 |\n"
    table = only(text)
    grid = table.grid()
    grid.remove_column(0)
    assert table.write(grid) == "| b |\n|--:|\n| 2 |\n"
    grid = table.grid()
    grid.move_column(1, 0)
    assert table.write(grid) == "| b | a |\n|--:|---|\n| 2 | 1 |\n"
    grid = table.grid()
    grid.insert_column(2)
    grid.header[2] = "c"
    assert only(table.write(grid)).grid().header == ["a", "b", "c"]


def test_alignment_change_rewrites_only_the_delimiter() -> None:
    text = "| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    table = only(text)
    grid = table.grid()
    grid.alignments[1] = "right"
    assert table.write(grid) == "| a | b |\n| --- | --: |\n| 1 | 2 |\n"
    assert only(table.write(grid)).grid().alignments == [None, "right"]


def test_line_endings_kept_and_used_for_new_rows() -> None:
    text = "|a|b|\r\n|-|-|\r\n|1|2|"
    table = only(text)
    grid = table.grid()
    grid.insert_row(1)
    grid.rows[1] = ["3", "4"]
    assert table.write(grid) == "|a|b|\r\n|-|-|\r\n|1|2|\r\n|3|4|"


def test_empty_outer_cells_keep_their_pipes() -> None:
    table = only("a | b\n--- | ---\n1 | 2\n")
    grid = table.grid()
    grid.rows[0][0] = ""
    grid.insert_row(1)
    grid.rows[1][1] = "x"
    again = only(table.write(grid)).grid()
    assert again.rows == [["", "2"], ["", "x"]]


def test_new_table_is_a_table() -> None:
    text = new_table(2, 2, header=["Kolom 1", "Kolom 2"])
    grid = only(text).grid()
    assert grid.header == ["Kolom 1", "Kolom 2"] and grid.rows == [["", ""], ["", ""]]
    table = only(text)
    grid.rows[0][1] = "waarde"
    assert table.write(grid).splitlines()[2] == "|         | waarde  |"
    filled = new_table(header=["Risico", "Maatregel"], body=[["a|b", "lang verhaal"]], alignments=[None, "right"])
    assert filled == ("| Risico |    Maatregel |\n|--------|-------------:|\n| a\\|b   | lang verhaal |\n")
    assert only(filled).grid().rows == [["a|b", "lang verhaal"]]
    assert only(filled).style.widths == [8, 14]


# ---- properties ------------------------------------------------------------------------------------------

CELL = st.text(alphabet=st.sampled_from(list("ab |\\`:-\t*é")), max_size=8)
GRID_TEXT = st.text(alphabet=st.sampled_from(list("ab |\\`\n-é")), max_size=10)


def representable(text: str) -> bool:
    """Texts a grid holds as typed: no odd backslash run right before a pipe or a line break (the escape would
    eat them: those get one more character), no `<br>` typed as text, no new line inside code, no lone backtick."""
    if re.search(r"(?<!\\)(\\\\)*\\[|\n]", text) or "<" in text:
        return False
    line = text.strip(" \t\n").replace("\n", "<br>")
    spans = code_spans(line)
    if any("<br>" in line[start:end] for start, end in spans):  # no new line in code
        return False
    # no lone backtick (it is written escaped, so it cannot pair with one in the next cell)
    outside = "".join(line[k] for k in range(len(line)) if not any(a <= k < b for a, b in spans))
    return "`" not in outside.replace("\\\\", "").replace("\\`", "")


@st.composite
def tables(draw) -> str:  # noqa: ANN001
    columns = draw(st.integers(1, 4))
    lead = draw(st.booleans()) or columns == 1
    trail = draw(st.booleans())
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    indent = draw(st.sampled_from(["", "  ", "    "]))

    def row(cells: list[str]) -> str:
        return indent + ("|" if lead else "") + "|".join(cells) + ("|" if trail or not cells[-1].strip() else "")

    header = [draw(st.sampled_from([" a ", "b", " Kop  ", "  x"])) for _ in range(columns)]
    delimiter = [draw(st.sampled_from(["---", ":--", "--:", ":-:", " --- ", "-"])) for _ in range(columns)]
    lines = [row(header), row(delimiter)]
    for _ in range(draw(st.integers(0, 4))):
        count = draw(st.integers(1, columns + 1))
        cells = [draw(CELL) for _ in range(count)]
        cells = [c if c.strip() else " " for c in cells]
        line = row(cells)
        assume(line.strip())
        lines.append(line)
    return eol.join(lines) + draw(st.sampled_from(["", eol]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(tables())
def test_unchanged_grid_writes_nothing(text: str) -> None:
    for table in find_tables(text):
        assert table.write(table.grid()) == table.text
        assert line_edits(table, table.grid()) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(tables(), st.data())
def test_edited_grid_reads_back_as_edited(text: str, data) -> None:  # noqa: ANN001
    found = find_tables(text)
    assume(found)
    table = found[0]
    grid = table.grid()
    for _ in range(data.draw(st.integers(0, 3))):
        action = data.draw(st.sampled_from(["cell", "add-row", "remove-row", "move-row", "add-col", "remove-col",
                                            "move-col", "align"]))
        rows, width = len(grid.rows), grid.width
        if action == "cell":
            r = data.draw(st.integers(-1, rows - 1))
            c = data.draw(st.integers(0, width - 1))
            value = data.draw(GRID_TEXT.filter(representable))
            (grid.header if r < 0 else grid.rows[r])[c] = value
        elif action == "add-row":
            grid.insert_row(data.draw(st.integers(0, rows)))
        elif action == "remove-row" and rows:
            grid.remove_row(data.draw(st.integers(0, rows - 1)))
        elif action == "move-row" and rows:
            grid.move_row(data.draw(st.integers(0, rows - 1)), data.draw(st.integers(0, rows - 1)))
        elif action == "add-col":
            grid.insert_column(data.draw(st.integers(0, width)))
        elif action == "remove-col":
            grid.remove_column(data.draw(st.integers(0, width - 1)))
        elif action == "move-col":
            grid.move_column(data.draw(st.integers(0, width - 1)), data.draw(st.integers(0, width - 1)))
        else:
            grid.alignments[data.draw(st.integers(0, width - 1))] = data.draw(
                st.sampled_from([None, "left", "center", "right"]))
    written = table.write(grid)
    # the line replacements give the same text as writing the whole table
    assert apply(text, table, grid) == text[:table.start] + written + text[table.end:]
    again = find_tables(written)
    assert len(again) == 1 and again[0].text == written
    read = again[0].grid()

    width = max(grid.width, read.width)

    def norm(cells: list[str]) -> list[str]:
        # a lone backtick the original held may come back escaped when its row is rewritten
        return [re.sub(r"\\+(?=`)", "", c.strip(" \t\n")) for c in cells] + [""] * (width - len(cells))

    assert norm(read.header) == norm(grid.header)
    assert [norm(r) for r in read.rows] == [norm(r) for r in grid.rows]
    header_cells = len(again[0].delimiter_row.segments)
    assert read.alignments[:header_cells] == grid.alignments[:header_cells]
    # rows the grid did not change are the same lines as before
    original = table.grid()
    if grid.column_ids == list(range(table.width)):
        kept = [table.lines[2 + source] for source, cells in zip(grid.row_ids, grid.rows, strict=True)
                if source is not None and cells == original.rows[source]]
        new_lines = written.splitlines(keepends=True)
        for line in kept:
            assert line in new_lines or line.rstrip("\r\n") in [n.rstrip("\r\n") for n in new_lines]


@settings(deadline=None)  # a busy machine must not fail it
@given(GRID_TEXT.filter(representable))
def test_cell_text_inverts_cell_markdown(text: str) -> None:
    markdown = cell_markdown(text)
    assert "\n" not in markdown
    assert cell_text(markdown) == text.strip(" \t\n")
    # the cell stays one cell in a row
    row = only(f"| h |\n|---|\n| {markdown} |\n").grid().rows[0]
    assert row[0] == text.strip(" \t\n")


def test_lone_backticks_cannot_join_cells() -> None:
    table = only("| a | b |\n|---|---|\n| x | y |\n")
    grid = table.grid()
    grid.rows[0] = ["`", "`"]
    assert table.write(grid).splitlines()[2] == "| \\` | \\` |"
    assert only(table.write(grid)).grid().rows == [["\\`", "\\`"]]
    assert cell_markdown("`a|b`") == "`a|b`"  # a code span keeps its pipe as the site shows it
    assert cell_markdown("a|b") == "a\\|b"
    assert cell_markdown("regel 1\nregel 2") == "regel 1<br>regel 2"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a |-:\\`\n\r\t<br>~")), max_size=60))
def test_any_text_reads_and_writes_back_unchanged(text: str) -> None:
    """Hostile text: finding tables never fails, and each found table writes back as it was."""
    for table in find_tables(text):
        assert text[table.start:table.end] == table.text
        assert table.write(table.grid()) == table.text
        position = table.start + len(table.lines[0]) - 1
        assert table_at(text, max(position, table.start)) is not None
