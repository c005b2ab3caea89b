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
        self.formats["misspelled"] = self.misspelled
        self._mixes: dict[tuple[str, ...], QTextCharFormat] = {}  # merged formats by the names merged
        self._layers: list[tuple[str, ...]] = []  # per character of the line being coloured: formats merged

    def _apply(self, start: int, length: int, name: str) -> None:
        """Add a format's properties to what the range already has (bold inside a link stays bold)."""
        layers = self._layers
        for at in range(max(start, 0), min(start + length, len(layers))):
            layers[at] = (*layers[at], name)

    def _set(self, start: int, length: int, name: str) -> None:
        """Give the range exactly this format (what it had before no longer counts)."""
        layers = self._layers
        for at in range(max(start, 0), min(start + length, len(layers))):
            layers[at] = (name,)

    def _merged(self, names: tuple[str, ...]) -> QTextCharFormat:
        """The format of these formats merged in order (kept: a document repeats the same few mixes)."""
        fmt = self._mixes.get(names)
        if fmt is None:
            fmt = QTextCharFormat()
            for name in names:
                fmt.merge(self.formats[name])
            self._mixes[names] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        """Colour one line.

        The formats are worked out per character in Python first and handed to Qt once per run of equal
        characters: asking Qt for a character's format and setting it back, character by character, made
        colouring a section a large part of opening a document.
        """
        self._layers = [()] * len(text)
        heading = _HEADING.match(text)
        if heading:
            self._set(0, len(text), "heading")
            self._set(0, heading.end(1), "dim")
        for match in _MARKUP.finditer(text):
            self._set(match.start(), match.end() - match.start(), "markup")
        marker = _LINE_MARKER.match(text)
        if marker and not heading:
            self._set(0, marker.end(), "dim")
        for pattern, name, width in ((_BOLD, "bold", 2), (_ITALIC, "italic", 1)):
            for match in pattern.finditer(text):
                self._apply(match.start(), match.end() - match.start(), name)
                for at in (match.start(), match.end() - width):  # the markers dimmed
                    self._apply(at, width, "dim")
        for match in _BARE_URL.finditer(text):
            self._apply(match.start(), match.end() - match.start(), "link")
        self._links(text)
        for match in INVISIBLE_RE.finditer(text):
            self._set(match.start(), match.end() - match.start(), "invisible")
        if self.speller is not None:
            # The block state carries "inside a code fence / HTML comment" to the next line only.
            spans, state = self.speller.check(text, max(self.previousBlockState(), 0))
            self.setCurrentBlockState(state)
            layers = self._layers
            for start, length in spans:
                if 0 <= start < len(layers):  # the whole word as its first character is, underlined
                    underlined = (*layers[start], "misspelled")
                    for at in range(start, min(start + length, len(layers))):
                        layers[at] = underlined
        self._flush()

    def _flush(self) -> None:
        """Set the worked-out formats, one `setFormat` per run of characters that look the same."""
        layers = self._layers
        start = 0
        for at in range(1, len(layers) + 1):
            if at == len(layers) or layers[at] != layers[start]:
                if layers[start]:
                    self.setFormat(start, at - start, self._merged(layers[start]))
                start = at

    def _links(self, text: str) -> None:
        """The link text coloured, the brackets and the address dimmed; a missing target underlined in red."""
        for link in find_links(text):
            self._apply(link.start, link.text_start - link.start, "dim")
            self._apply(link.text_start, link.text_end - link.text_start, "link")
            self._apply(link.text_end, link.end - link.text_end, "dim")
            if self.link_check is not None and self.link_check(link.target) is not None:
                self._apply(link.start, link.end - link.start, "misspelled")
