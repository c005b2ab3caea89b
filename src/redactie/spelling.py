"""Dutch spell checking with pyspellchecker's dictionary (Qt-free): which words are unknown, and suggestions."""

from __future__ import annotations

import re
from functools import cached_property

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SKIP = re.compile(r"https?://\S+|`[^`]*`|\]\([^)]*\)|<[^>]+>|\{[^}]*\}")


class Speller:
    """Checks words against a language's dictionary; words of the repository's own vocabulary count as known."""

    def __init__(self, language: str = "nl", extra: set[str] | None = None) -> None:
        self.language = language
        self.extra = {w.lower() for w in extra or set()}

    @cached_property
    def checker(self):  # noqa: ANN201 - pyspellchecker has no types
        """The dictionary (loaded on first use: about half a second, so do it off the GUI thread)."""
        from spellchecker import SpellChecker

        return SpellChecker(language=self.language, distance=1)

    def misspelled(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of every unknown word in a line of Markdown."""
        skipped = [m.span() for m in _SKIP.finditer(text)]
        candidates = []
        for match in _WORD.finditer(text):
            word = match.group()
            if len(word) < 2 or any(a <= match.start() < b for a, b in skipped):
                continue
            if any(c.isupper() for c in word[1:]):  # acronyms and names like AVG, DigiD
                continue
            candidates.append(match)
        words = {m.group().lower() for m in candidates}
        unknown = {w for w in self.checker.unknown(words) if w not in self.extra and not self._compound_known(w)}
        return [(m.start(), len(m.group())) for m in candidates if m.group().lower() in unknown]

    def _compound_known(self, word: str) -> bool:
        parts = re.split(r"[-'’]", word)
        return len(parts) > 1 and not self.checker.unknown([p for p in parts if p])

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Likely corrections, most probable first, in the word's own capitalisation."""
        found = self.checker.candidates(word.lower()) or set()
        ranked = sorted(found, key=lambda w: -self.checker.word_usage_frequency(w))[:limit]
        return [w.capitalize() if word[:1].isupper() else w for w in ranked if w != word.lower()]

    def add(self, word: str) -> None:
        """Accept a word for this session."""
        self.extra.add(word.lower())
