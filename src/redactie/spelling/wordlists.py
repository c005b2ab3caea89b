"""The catalogue's own words: learned from the repository's documents, the repository's shared word list, the user's.

The shared list is a plain text file in the repository (one word a line, `#` starts a comment), reviewed and
committed like any other change. Adding a word inserts one line in alphabetical place and leaves every other
line, and its line ending, as it was.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..fileio import atomic_write, read_document
from . import prose

REPOSITORY_LIST = "redactie-woordenlijst.txt"
# A word counts as the catalogue's own when this many documents use it: one document is not enough,
# or a typo repeated within one file would teach itself.
MIN_DOCUMENTS = 3


def fold(word: str) -> str:
    """The form words are compared in: lower case, typographic apostrophe as the plain one."""
    return word.replace("’", "'").lower()


def read_words(path: Path) -> set[str]:
    """The words of a word-list file (folded); empty when it is absent or unreadable."""
    try:
        text = read_document(path).decode("utf-8-sig", errors="replace")
    except OSError:
        return set()
    return {fold(line.strip()) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")}


def add_word(path: Path, word: str) -> bool:
    """Add a word to a word-list file in alphabetical place; False (nothing written) when it is already there."""
    word = word.strip()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = b""
    text = data.decode("utf-8-sig", errors="surrogateescape")
    lines = text.splitlines(keepends=True)
    if fold(word) in {fold(line.strip()) for line in lines}:
        return False
    eol = "\r\n" if "\r\n" in text else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += eol
    where = len(lines)
    for i, line in enumerate(lines):
        entry = line.strip()
        if entry and not entry.startswith("#") and fold(entry) > fold(word):
            where = i
            break
    lines.insert(where, word + eol)
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(path, bom + "".join(lines).encode("utf-8", errors="surrogateescape"))


def document_counts(root: Path, cancel: threading.Event | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Counter[str]:
    """For every prose word of the repository's Markdown files: in how many files it occurs."""
    from ..repository import markdown_files

    files = [root / rel for rel in markdown_files(root)]
    counts: Counter[str] = Counter()
    for number, path in enumerate(files, 1):
        if cancel is not None and cancel.is_set():
            break
        try:
            text = read_document(path).decode("utf-8", errors="replace")  # regular files only: no pipe, no link
        except OSError:
            continue
        counts.update({fold(word) for word in prose.words(text)})
        if progress is not None:
            progress(number, len(files))
    return counts


# A word that many more documents write one slip differently is taken for a repeated typo, not learned.
TYPO_RATIO = 5


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def catalogue_words(counts: Counter[str], minimum: int = MIN_DOCUMENTS) -> set[str]:
    """The words that enough documents use to count as the catalogue's own, less likely repeated typos.

    A frequent word of the repository cannot teach its own slip (a swapped, dropped, doubled or wrong letter)
    just because the slip turns up in a few documents: when a word one slip away is used in at least
    TYPO_RATIO times as many documents, the rarer spelling is not learned.
    """
    frequent = {word for word, documents in counts.items() if documents >= minimum}
    neighbours: dict[str, list[str]] = {}
    for word in counts:
        for key in _deletes(word) | {word}:
            neighbours.setdefault(key, []).append(word)
    learned = set()
    for word in frequent:
        near = {other for key in _deletes(word) | {word} for other in neighbours.get(key, ())}
        if not any(other != word and counts[other] >= TYPO_RATIO * counts[word] for other in near):
            learned.add(word)
    return learned
