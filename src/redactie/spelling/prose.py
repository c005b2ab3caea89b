"""Which words of a Markdown line are prose, and in which part of the line (quote, link text, English span).

Markup is never prose: HTML tags, attributes and entities, URLs and link targets, code, attribute lists
`{ ... }`, comments and the site's macros `<!-- ... -->`, admonition and tab markers with their keywords.
A line is scanned on its own; the only state carried to the next line is "inside a fenced code block" or
"inside an HTML comment", so a keystroke re-checks only its own line unless it opens or closes one of those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NORMAL, IN_FENCE, IN_COMMENT = 0, 1, 2

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?)[ \t]*(?:[\w-]+(?:[ \t]+[\w-]+)*)?")
_TAB = re.compile(r"^\s*===\+?")
_SNIPPET = re.compile(r"^\s*(?:-{2,}8<-{2,}|///)")  # snippets, pymdownx blocks (/// html | div[...])
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S*")
_ABBREVIATION = re.compile(r"^\s*\*\[[^\]]+\]:")
# Markup inside a line, masked (blanked) before words are looked for.
_MARKUP = re.compile(
    r"<!--.*?-->"                                  # comments and the site's macros
    r"|(`+).*?\1"                                  # inline code
    r"|\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"  # link targets (with one level of parentheses)
    r"|\[\^[^\]]*\]"                               # footnote references
    r"|\{[^{}]*\}"                                 # attribute lists, Jinja
    r"|</?[A-Za-z][^<>]*>"                         # HTML tags with their attributes
    r"|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"  # entities
    r"|<(?:https?|mailto|ftp)[^>]*>"               # autolinks
    r"|\b(?:https?|ftp)://\S+|\bwww\.\S+|\bmailto:\S+"  # bare URLs
    r"|\S+@\S+\.\w+"                               # e-mail addresses
)
# A run of non-space characters that is a path, file name, identifier or domain, not a word.
_TECHNICAL = re.compile(r"\S*(?:[^\W_][/\\_=@#][^\W_]|[^\W\d_]\.[^\W\d_]{2,})\S*")
_ENGLISH_SPAN = re.compile(r"<span\s+lang=[\"']?en[^>]*>(.*?)(?:</span>|$)", re.IGNORECASE)
# Parts of a line whose language is judged on their own: quotes, link texts, emphasis.
_SEGMENTS = re.compile(
    r"\"[^\"]+\"|“[^”]+”|„[^”“]+[”“]|‘[^’]+’(?!\w)|(?<!\w)'[^']+'(?!\w)|\[[^\]]+\]|\*[^*]+\*|(?<!\w)_[^_]+_(?!\w)"
)


@dataclass(frozen=True)
class Token:
    """A prose word: where it is, which part of the line it is in (0: the line itself), forced language."""

    start: int
    word: str
    segment: int = 0
    language: str | None = None

    @property
    def end(self) -> int:
        """Offset just after the word."""
        return self.start + len(self.word)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, min(end, len(chars))):
        chars[i] = " "


def prose_mask(line: str, state: int = NORMAL) -> tuple[str, int]:
    """The line with every non-prose character blanked (same length), and the state for the next line."""
    chars = list(line)
    if state == IN_FENCE:
        if _FENCE.match(line):
            state = NORMAL
        return " " * len(line), state
    offset = 0
    if state == IN_COMMENT:
        close = line.find("-->")
        if close < 0:
            return " " * len(line), IN_COMMENT
        offset = close + 3
        _blank(chars, 0, offset)
        state = NORMAL
    if _FENCE.match(line):
        return " " * len(line), IN_FENCE
    if _SNIPPET.match(line) or _ABBREVIATION.match(line):
        return " " * len(line), state
    for pattern in (_ADMONITION, _TAB, _REFERENCE):
        found = pattern.match(line)
        if found:
            _blank(chars, found.start(), found.end())
    for found in _MARKUP.finditer(line, offset):
        _blank(chars, found.start(), found.end())
    masked = "".join(chars)
    opening = masked.find("<!--", offset)
    if opening >= 0:  # a comment that goes on past this line
        _blank(chars, opening, len(chars))
        state = IN_COMMENT
        masked = "".join(chars)
    for found in _TECHNICAL.finditer(masked):
        _blank(chars, found.start(), found.end())
    return "".join(chars), state


def scan(line: str, state: int = NORMAL) -> tuple[list[Token], int]:
    """The prose words of a line (in order) and the state for the next line."""
    masked, state = prose_mask(line, state)
    english = [m.span(1) for m in _ENGLISH_SPAN.finditer(line)]
    segments = [m.span() for m in _SEGMENTS.finditer(line)]
    tokens = []
    for found in WORD.finditer(masked):
        start, word = found.start(), found.group()
        segment = next((i + 1 for i, (a, b) in enumerate(segments) if a <= start < b), 0)
        language = "en" if any(a <= start < b for a, b in english) else None
        tokens.append(Token(start, word, segment, language))
    return tokens, state


def words(text: str) -> list[str]:
    """The prose words of a whole Markdown text (for learning a repository's vocabulary)."""
    state = NORMAL
    found: list[str] = []
    for line in text.splitlines():
        tokens, state = scan(line, state)
        found += [t.word for t in tokens]
    return found
