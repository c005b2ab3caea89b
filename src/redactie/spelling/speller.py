"""The spell checker: a hunspell dictionary per language plus the catalogue's own words."""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import dictionaries, prose, suggest
from .wordlists import REPOSITORY_LIST, add_word, catalogue_words, document_counts, fold, read_words

ENGLISH = "en"
_PLURAL_S = re.compile(r"['’]s$")
_CACHE_LIMIT = 200_000
COMPOUND_HEAD, COMPOUND_TAIL = 5, 4
FULL_NEAR = 14
LOANWORD = 5  # shorter English words are too often one slip from Dutch
_STRESS = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"}
_GLUE = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_CONJUNCTIONS = {"en", "of", "tot", "and", "or"}


def user_list_path() -> Path:
    """The user's own word list (in the user's data folder)."""
    from ..workspace import data_dir

    return data_dir() / "woordenlijst.txt"


def root_of(repository: object) -> Path | None:
    """The folder of a repository given as a path or a ContentRepository (None: no repository)."""
    if repository is None:
        return None
    if isinstance(repository, (str, os.PathLike)):
        return Path(repository)
    return Path(repository.root)  # a ContentRepository


def _skipped(word: str) -> bool:
    """Too short to judge, an acronym (AVG) or a name with a capital after a small letter (DigiD, eHerkenning).
    A capital typed one key late (`rAtikel`) is no name: `Speller.check` flags it."""
    if len(word) < 2 or word.isupper() or _PLURAL_S.sub("", word).isupper():
        return True
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))


def _late_capital(word: str) -> str | None:
    """`rAtikel` → `Artikel`: a word whose first two letters were typed the wrong way round, if it looks so."""
    if len(word) > 3 and word[0].islower() and word[1].isupper() and word[2:].islower():
        return word[1] + word[0] + word[2:]
    return None


class Speller:
    """Finds unknown words in a line of Markdown prose and suggests corrections.

    `language` is the text's language (`nl` or `en`); English is also used for English passages of a Dutch
    text. With a repository, its shared word list counts as known, and `learn()` adds the words that several
    of its documents use. Loading (`load()`) and learning take a moment: do both off the GUI thread.
    """

    def __init__(self, language: str = "nl", repository: object = None, user_list: Path | None = None) -> None:
        self.language = language
        self.root = root_of(repository)
        self.user_list = user_list if user_list is not None else user_list_path()
        self._engines: dict[str, Any] = {}
        self._load_lock = threading.Lock()
        self._cache: dict[tuple[str, str], bool] = {}
        self._compounds: dict[str, bool] = {}
        self.counts: Counter[str] = Counter()
        self.learned: set[str] = set()
        self.session: set[str] = set()
        self.user_words = read_words(self.user_list)
        self.repository_words = read_words(self.repository_list) if self.repository_list else set()

    # Loading and learning (slow: off the GUI thread)

    def load(self) -> Speller:
        """Open the dictionaries (raises DictionaryMissing when the text's language has none)."""
        with self._load_lock:
            if self.language not in self._engines:
                self._engines[self.language] = dictionaries.open_dictionary(self.language)
            if ENGLISH not in self._engines:
                try:
                    self._engines[ENGLISH] = dictionaries.open_dictionary(ENGLISH)
                except dictionaries.DictionaryMissing:
                    self._engines[ENGLISH] = self._engines[self.language]
        return self

    def learn(self, cancel: threading.Event | None = None,
              progress: Callable[[int, int], None] | None = None) -> int:
        """Learn the repository's own words from its documents; returns how many words count as known now."""
        if self.root is None:
            return 0
        self.use_counts(document_counts(self.root, cancel, progress))
        return len(self.learned)

    def use_counts(self, counts: Counter[str]) -> None:
        """Take the per-word document counts of the repository (learned elsewhere, e.g. in a worker)."""
        self.counts = counts
        self.learned = catalogue_words(counts)
        self.reload_lists()

    def reload_lists(self) -> None:
        """Read the word lists again (after a pull brought the team's additions, or another window added one)."""
        self.user_words = read_words(self.user_list)
        self.repository_words = read_words(self.repository_list) if self.repository_list else set()
        self._compounds = {}  # depends on the word lists; the dictionary answers in _cache do not

    # Word lists

    @property
    def repository_list(self) -> Path | None:
        """The repository's shared word-list file (it may not exist yet)."""
        return self.root / REPOSITORY_LIST if self.root is not None else None

    def add(self, word: str) -> None:
        """Accept a word for this session only."""
        self.session.add(fold(word))
        self._compounds = {}

    def add_for_user(self, word: str) -> bool:
        """Add a word to the user's own list (kept across sessions and repositories)."""
        self.user_words.add(fold(word))
        self._compounds = {}
        return add_word(self.user_list, word)

    def add_to_repository(self, word: str) -> Path:
        """Add a word to the repository's shared list, a file to review and commit like any change."""
        if self.repository_list is None:
            raise ValueError("no repository")
        self.repository_words.add(fold(word))
        self._compounds = {}
        add_word(self.repository_list, word)
        return self.repository_list

    # Checking

    def _spell(self, language: str, word: str) -> bool:
        key = (language, word)
        known = self._cache.get(key)
        if known is None:
            engine = self._engines.get(language) or self.load()._engines[language]
            known = bool(engine.spell(word))
            if len(self._cache) > _CACHE_LIMIT:
                self._cache = {}
            self._cache[key] = known
        return known

    def _own(self, word: str) -> bool:
        folded = fold(word)
        return (folded in self.learned or folded in self.repository_words or folded in self.user_words
                or folded in self.session)

    def known(self, word: str, languages: tuple[str, ...] | None = None, strict: bool = False) -> bool:
        """True when the word is in a dictionary of these languages or among the catalogue's own words;
        unless `strict`, also a stressed form (níet) or a compound with the catalogue's or an English head."""
        languages = languages or (self.language,)
        if self._own(word):
            return True
        parts = [p for p in word.replace("’", "-").replace("'", "-").split("-") if p] if "-" in word else []
        both = tuple(dict.fromkeys((*languages, ENGLISH)))
        # A hyphenated compound, often of mixed languages: its parts first (the dictionary is slowest on
        # long compounds), then the whole (zee-egel), then the parts with the looser rules.
        if len(parts) > 1 and all(_skipped(p) or self.known(p, both, strict=True) for p in parts):
            return True
        if any(self._spell(lang, word) for lang in languages):
            return True
        if len(parts) > 1:
            return not strict and all(_skipped(p) or self.known(p, both) for p in parts)
        if strict:
            return False
        stressed = [i for i, c in enumerate(word) if c in _STRESS]
        if stressed:  # an accent for stress (níet, vóór) is allowed on any Dutch word
            return any(self.known(word[:i] + _STRESS[word[i]] + word[i + 1:], languages) for i in stressed)
        return self._compound(word)

    def _head(self, head: str) -> bool:
        return head in self.learned or self._spell(ENGLISH, head)

    def _compound(self, word: str) -> bool:
        """A compound the dictionary's own rules miss, whose head is the catalogue's or English (governancekader,
        validatieset, feedbackloops) and whose tail is a Dutch word (after an optional linking s) -- unless a
        dictionary word is one slip away, which makes it a typo (`persoongegevens`, `controleeert`)."""
        lower = fold(word)
        return self._split(lower) and not self._near_known(lower)

    def _near_known(self, lower: str) -> bool:
        """True when a dictionary or catalogue word is one likely slip away (see `suggest.near_forms`)."""
        verdict = self._compounds.get(lower)
        if verdict is None:
            # Every slip for ordinary words; for long compounds, where each look-up is slow, the likeliest ones.
            forms = suggest.one_slip(lower) if len(lower) <= FULL_NEAR else suggest.near_forms(lower)
            verdict = any(self._spell(self.language, near) or self._own(near) for near in forms)
            self._compounds[lower] = verdict
        return verdict

    def _loanword(self, word: str) -> bool:
        """An English word in Dutch prose (practices, lifecycle), unless it is one slip from a Dutch word
        (handle for handel, buten for buiten): then it is taken for the typo it more likely is."""
        return (self.language != ENGLISH and len(word) >= LOANWORD and self._spell(ENGLISH, word)
                and not self._near_known(fold(word)))

    def _split(self, lower: str) -> bool:
        for i in range(COMPOUND_HEAD, len(lower) - COMPOUND_TAIL + 1):
            head, tail = lower[:i], lower[i:]
            if not self._head(head):
                continue
            for rest in (tail, tail[1:] if tail[0] == "s" else ""):
                if len(rest) >= COMPOUND_TAIL and (rest in self.learned or self._spell(self.language, rest)):
                    return True
        return False

    def _languages(self, words: list[str], segment: int) -> tuple[str, ...]:
        """The languages a part of a line is checked in: English too when it reads as English."""
        if self.language == ENGLISH:
            return (ENGLISH,)
        english_only = native_only = 0
        for word in words:  # English is only asked about words the text's own dictionary does not know
            if self._spell(self.language, word):
                native_only += len(word) > 3 or not self._spell(ENGLISH, word)  # short words are often both
            else:
                english_only += self._spell(ENGLISH, word)
        minimum = 1 if segment else 2
        english = english_only >= minimum and english_only > native_only
        return (ENGLISH, self.language) if english else (self.language,)

    def _elided(self, line: str, tokens: list[prose.Token], index: int) -> bool:
        """A compound part whose other half is written once for two words: `persoons- en locatiegegevens`,
        `gegevensverwerking en -opslag`."""
        token = tokens[index]
        joined = [t for t in tokens[index - 1:index + 2] if t is not token and (t.end == token.start - 1
                                                                             or t.start == token.end + 1)]
        if line[token.start - 1:token.start] == "(" and line[token.end:token.end + 1] == ")" and joined:
            return self.known(token.word + fold(joined[-1].word))  # (persoons)gegevens
        if line[token.end:token.end + 1] == "-" and line[token.end + 1:token.end + 2] in ("", " ", "\t", ","):
            later = [t for t in tokens[index + 1:index + 4] if fold(t.word) not in _CONJUNCTIONS]
            if later:
                other = fold(later[0].word)
                return any(self.known(token.word + other[i:]) for i in range(2, len(other) - 2))
        if token.start > 0 and line[token.start - 1] == "-" and (token.start < 2 or line[token.start - 2] in " \t("):
            earlier = [t for t in tokens[max(0, index - 3):index] if fold(t.word) not in _CONJUNCTIONS]
            if earlier:
                other = earlier[-1].word
                return any(self.known(other[:i] + fold(token.word)) for i in range(3, len(other) - 1))
        return False

    def _title_word(self, line: str, tokens: list[prose.Token], index: int) -> bool:
        """A capitalised English word mid-sentence is a name or title (`het Fairness Handbook`), as is a small
        English word between two of those (`Blurring as a Service`)."""
        word = tokens[index].word
        if word[:1].isupper():
            return self._spell(ENGLISH, word)
        if fold(word) not in _GLUE or not 0 < index < len(tokens) - 1:
            return False
        before, after = tokens[index - 1], tokens[index + 1]
        return (before.word[:1].isupper() and after.word[:1].isupper() and self._spell(ENGLISH, after.word)
                and not line[before.end:tokens[index].start].strip())

    def check(self, line: str, state: int = prose.NORMAL) -> tuple[list[tuple[int, int]], int]:
        """(start, length) of every unknown prose word of a line, and the state for the next line."""
        tokens, state = prose.scan(line, state)
        spans = []
        languages: dict[int, tuple[str, ...]] = {}
        by_segment: dict[int, list[str]] = {}
        for token in tokens:
            if not _skipped(token.word):
                by_segment.setdefault(token.segment, []).append(token.word)
        for index, token in enumerate(tokens):
            if _skipped(token.word):
                swapped = _late_capital(token.word)
                if swapped and self.known(swapped, strict=True):  # not a name like eHerkenning: a typo
                    spans.append((token.start, len(token.word)))
                continue
            if token.language == ENGLISH:
                allowed: tuple[str, ...] = (ENGLISH, self.language)
            elif self.known(token.word):
                continue  # known in the text's language: which language the part is in does not matter
            else:
                if token.segment not in languages:
                    languages[token.segment] = self._languages(by_segment[token.segment], token.segment)
                allowed = languages[token.segment]
            if self.known(token.word, allowed):
                continue
            if len(token.word) <= 6 and line[token.end:token.end + 1] == "." and self.known(token.word + ".", allowed):
                continue  # an abbreviation: bijv., etc.
            if self.language != ENGLISH and self._title_word(line, tokens, index):
                continue
            if self._loanword(token.word):
                continue
            if self._elided(line, tokens, index):
                continue
            spans.append((token.start, len(token.word)))
        return spans, state

    def misspelled(self, line: str) -> list[tuple[int, int]]:
        """(start, length) of every unknown prose word in a line of Markdown."""
        return self.check(line)[0]

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Likely corrections, best first, in the word's own capitalisation."""
        engine = self._engines.get(self.language) or self.load()._engines[self.language]
        swapped = _late_capital(word)
        if swapped and self.known(swapped, strict=True):
            return [swapped]
        return suggest.rank(word, lambda w: not _skipped(w) and self.known(w, strict=True),
                            lambda w: not _skipped(w) and self.known(w), lambda w: self.counts.get(w, 0),
                            lambda w: list(engine.suggest(w)), limit)
