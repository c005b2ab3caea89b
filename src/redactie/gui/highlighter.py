"""Markdown highlighting that makes a section read like a document: bold looks bold, italic italic, links are
coloured with their address dimmed, the markers of headings, lists, quotes and the site's boxes are dimmed;
spelling mistakes and links to documents that do not exist get a red wavy line."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from ..faithful import INVISIBLE_RE
from ..links import find_links
from ..spelling import Speller

DIM = "#8a8a8a"
LINK = "#0b5cad"
_HEADING = re.compile(r"^(\s{0,3}#{1,6})( .*)?$")
_BOLD = re.compile(r"\*\*[^*]+\*\*|__[^_]+__")
_ITALIC = re.compile(r"(?<![*\w])\*(?![\s*])[^*]*?[^\s*]\*(?!\*)|(?<![_\w])_(?![\s_])[^_]*?[^\s_]_(?![_\w])")
_BARE_URL = re.compile(r"(?<![(<\w])https?://[^\s<>()]*[^\s<>().,;:!?'\"]")
_LINE_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?=\s)|^\s*>(?: ?>)*")
_MARKUP = re.compile(r"^\s*(?:!!!|\?\?\?\+?|===)(?:\s.*)?$|<!--.*?-->")

# A callable answering, for a link's destination as written, the missing path it points at (or None).
LinkCheck = Callable[[str], "str | None"]


def _format(color: str = "", bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color:
        fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links and the site's markup as they read; spelling and missing links underlined."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit.document())
        self.speller: Speller | None = None
        self.link_check: LinkCheck | None = None
        self.formats = {"heading": _format("#1f3a68", bold=True), "bold": _format(bold=True),
                        "italic": _format(italic=True), "link": _format(LINK), "dim": _format(DIM),
                        "markup": _format(DIM, italic=True)}
        self.formats["link"].setFontUnderline(True)
        # No-break spaces, zero-width characters and the markers for characters a text box cannot hold.
        self.formats["invisible"] = QTextCharFormat()
        self.formats["invisible"].setBackground(QColor("#ffe9a8"))
        self.misspelled = QTextCharFormat()
        self.misspelled.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelled.setUnderlineColor(QColor("#d00000"))

    def _apply(self, start: int, length: int, name: str) -> None:
        """Add a format's properties to what the range already has (bold inside a link stays bold)."""
        for at in range(start, start + length):
            fmt = QTextCharFormat(self.format(at))
            fmt.merge(self.formats[name])
            self.setFormat(at, 1, fmt)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        """Colour one line."""
        heading = _HEADING.match(text)
        if heading:
            self.setFormat(0, len(text), self.formats["heading"])
            self.setFormat(0, heading.end(1), self.formats["dim"])
        for match in _MARKUP.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.formats["markup"])
        marker = _LINE_MARKER.match(text)
        if marker and not heading:
            self.setFormat(0, marker.end(), self.formats["dim"])
        for pattern, name, width in ((_BOLD, "bold", 2), (_ITALIC, "italic", 1)):
            for match in pattern.finditer(text):
                self._apply(match.start(), match.end() - match.start(), name)
                for at in (match.start(), match.end() - width):  # the markers dimmed
                    self._apply(at, width, "dim")
        for match in _BARE_URL.finditer(text):
            self._apply(match.start(), match.end() - match.start(), "link")
        self._links(text)
        for match in INVISIBLE_RE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.formats["invisible"])
        if self.speller is not None:
            # The block state carries "inside a code fence / HTML comment" to the next line only.
            spans, state = self.speller.check(text, max(self.previousBlockState(), 0))
            self.setCurrentBlockState(state)
            for start, length in spans:
                fmt = QTextCharFormat(self.format(start))
                fmt.merge(self.misspelled)
                self.setFormat(start, length, fmt)

    def _links(self, text: str) -> None:
        """The link text coloured, the brackets and the address dimmed; a missing target underlined in red."""
        for link in find_links(text):
            self._apply(link.start, link.text_start - link.start, "dim")
            self._apply(link.text_start, link.text_end - link.text_start, "link")
            self._apply(link.text_end, link.end - link.text_end, "dim")
            if self.link_check is not None and self.link_check(link.target) is not None:
                for at in range(link.start, link.end):
                    fmt = QTextCharFormat(self.format(at))
                    fmt.merge(self.misspelled)
                    self.setFormat(at, 1, fmt)
