"""The section highlighter hands Qt one format per run of equal characters, not one per character (issue #12:
colouring the sections was a large part of opening a document), and the runs still mark what they marked."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from redactie.gui.highlighter import MarkdownHighlighter

from .conftest import corpus_files


class CountingHighlighter(MarkdownHighlighter):
    """Counts the formats handed to Qt."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self.calls = 0

    def setFormat(self, *args: object) -> None:  # noqa: N802 - Qt API
        """Count, then set."""
        self.calls += 1
        super().setFormat(*args)  # type: ignore[call-overload]


def _formats(edit: QPlainTextEdit) -> list[tuple[int, int, QTextCharFormat]]:
    block = edit.document().firstBlock()
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def test_a_line_is_coloured_with_one_format_per_run(qtbot) -> None:  # noqa: ANN001
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    highlighter = CountingHighlighter(edit)
    line = ("Lees **de [regels](../maatregelen/m.md) voor** het _gebruik_ van https://voorbeeld.nl/pad en "
            "[weg](../maatregelen/weg.md)")
    highlighter.link_check = lambda target: target if "weg" in target else None
    edit.setPlainText(line)
    runs = _formats(edit)
    assert highlighter.calls == len(runs)  # before: one call per formatted character (over a hundred)
    bold = {line.index("de ["), line.index("regels"), line.index(" voor")}
    for start, length, fmt in runs:
        if start in bold:
            assert fmt.fontWeight() == QFont.Weight.Bold, line[start:start + length]
    [link] = [fmt for start, _length, fmt in runs if start == line.index("regels")]
    assert link.fontUnderline() and link.fontWeight() == QFont.Weight.Bold  # a link inside bold stays bold
    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    marked = "".join(line[s:s + n] for s, n, fmt in runs if fmt.underlineStyle() == wavy)
    assert marked == "[weg](../maatregelen/weg.md)"


@pytest.mark.skipif(not corpus_files(), reason="the shared corpus is not present")
def test_real_sections_are_coloured_in_runs(qtbot) -> None:  # noqa: ANN001
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    highlighter = CountingHighlighter(edit)
    text = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in corpus_files()[:20])
    edit.setPlainText(text)
    ranges = 0
    block = edit.document().firstBlock()
    while block.isValid():
        ranges += len(block.layout().formats())
        block = block.next()
    assert ranges > 100  # the corpus has plenty to colour
    assert highlighter.calls <= ranges
