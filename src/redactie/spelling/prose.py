"""Which words of a Markdown line are prose, and in which part of the line (quote, link text, English span).

Markup is never prose: HTML tags, attributes and entities, URLs and link targets, code, attribute lists
`{ ... }`, comments and the site's macros `<!-- ... -->`, admonition and tab markers with their keywords.
A line is scanned on its own; the only state carried to the next line is "inside a fenced code block" or
"inside an HTML comment", so a keystroke re-checks only its own line unless it opens or closes one of those.
"""

from __future__ import annotations

import bisect
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
    r"(`+).*?\1"                                   # inline code
    r"|\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"  # link targets (with one level of parentheses)
    r"|\[\^[^\]]*\]"                               # footnote references
    r"|\{[^{}]*\}"                                 # attribute lists, Jinja
    r"|</?[A-Za-z][^<>]*>"                         # HTML tags with their attributes
    r"|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"  # entities
    r"|<(?:https?|mailto|ftp)[^>]*>"               # autolinks
    r"|\b(?:https?|ftp)://\S+|\bwww\.\S+|\bmailto:\S+"  # bare URLs
)
# A run of non-space characters holding this is a path, file name, identifier, e-mail address or domain.
_RUN = re.compile(r"\S+")
_TECHNICAL = re.compile(r"[^\W_][/\\_=@#][^\W_]|[^\W\d_]\.[^\W\d_]{2,}")
# Longer than any word: data, not prose (and hunspell's own limit is 100 bytes).
MAX_WORD = 60
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
    end = min(end, len(chars))
    if end > start:
        chars[start:end] = " " * (end - start)


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
    position = offset
    while (opening := line.find("<!--", position)) >= 0:  # comments and the site's macros, in linear time
        close = line.find("-->", opening + 4)
        if close < 0:  # it goes on past this line
            _blank(chars, opening, len(chars))
            state = IN_COMMENT
            break
        _blank(chars, opening, close + 3)
        position = close + 3
    for found in _MARKUP.finditer("".join(chars), offset):
        _blank(chars, found.start(), found.end())
    masked = "".join(chars)
    if _TECHNICAL.search(masked):  # a match never spans a space: none in the line, none in any of its runs
        for found in _RUN.finditer(masked):
            if _TECHNICAL.search(found.group()):
                _blank(chars, found.start(), found.end())
        masked = "".join(chars)
    return masked, state


def scan(line: str, state: int = NORMAL) -> tuple[list[Token], int]:
    """The prose words of a line (in order) and the state for the next line."""
    masked, state = prose_mask(line, state)
    english = [m.span(1) for m in _ENGLISH_SPAN.finditer(line)]
    segments = [m.span() for m in _SEGMENTS.finditer(line)]  # in order, never overlapping
    starts = [a for a, _ in segments]
    english_starts = [a for a, _ in english]
    tokens = []
    for found in WORD.finditer(masked):
        start, word = found.start(), found.group()
        if len(word) > MAX_WORD:
            continue
        i = bisect.bisect_right(starts, start) - 1
        segment = i + 1 if i >= 0 and start < segments[i][1] else 0
        j = bisect.bisect_right(english_starts, start) - 1
        language = "en" if j >= 0 and start < english[j][1] else None
        tokens.append(Token(start, word, segment, language))
    return tokens, state


def words(text: str) -> list[str]:
    """The prose words of a whole Markdown text (for learning a repository's vocabulary): the words `scan` finds,
    without working out where each is (a repository's every file is read for these)."""
    state = NORMAL
    found: list[str] = []
    for line in text.splitlines():
        masked, state = prose_mask(line, state)
        found += [word for word in WORD.findall(masked) if len(word) <= MAX_WORD]
    return found
