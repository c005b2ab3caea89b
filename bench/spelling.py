"""Spelling on the sections of the real corpus: flagged share, injected typos caught, suggestion quality, speed.

Usage: python bench/spelling.py [snapshot folder ...]   (default: both snapshots in ../shared/corpus)

For every snapshot: the speller learns the catalogue's words from the snapshot itself, then checks every line
of every section. Typos are then injected into real words of six letters or more (a swapped, dropped or
doubled letter; three per document, seeded), into a temporary copy of the snapshot, and the speller learns
again from that copy (so learning can never teach it the typo unless several documents share it).
Speed is per checked line, cold (first check of each word) and against the baseline of only finding the
prose words of the same lines in the same run.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from redactie.document import Document
from redactie.spelling import Speller, prose
from redactie.spelling.speller import _skipped

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PER_DOCUMENT = 3
SEED = 19


@dataclass
class Line:
    """A line of a section: its file, its 0-based line number in the file, its text and the scan state."""

    path: Path
    number: int
    text: str
    state: int


def section_lines(root: Path) -> list[Line]:
    """Every line of every level-2 section of every Markdown file under `root`."""
    found: list[Line] = []
    for path in sorted(root.rglob("*.md")):
        data = path.read_bytes()
        try:
            doc = Document.parse(data)
        except ValueError:
            continue
        file_lines = data.decode("utf-8", errors="replace").splitlines()
        for name in dict.fromkeys(doc.section_names):
            first = doc.section_line(name)
            if first is None:
                continue
            count = len(doc.section(name).splitlines())
            state = prose.NORMAL
            for number in range(first, min(first + count, len(file_lines))):
                found.append(Line(path, number, file_lines[number], state))
                state = prose.prose_mask(file_lines[number], state)[1]
    return found


def mutate(word: str, rng: random.Random) -> str:
    """The word with one swapped, dropped or doubled letter (never the word itself)."""
    while True:
        kind, i = rng.choice(("swap", "drop", "double")), rng.randrange(len(word) - 1)
        if kind == "swap" and word[i] != word[i + 1]:
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if kind == "drop":
            return word[:i] + word[i + 1:]
        if kind == "double":
            return word[:i + 1] + word[i] + word[i + 1:]


def measure(root: Path) -> None:
    """Print the four figures for one snapshot."""
    lines = section_lines(root)
    speller = Speller("nl", root, user_list=Path(tempfile.mkdtemp()) / "none.txt").load()
    speller.learn()
    t0 = time.perf_counter()
    for line in lines:
        prose.scan(line.text, line.state)
    scan_only = time.perf_counter() - t0
    t0 = time.perf_counter()
    words = flagged = 0
    flagged_words: dict[str, int] = {}
    for line in lines:
        spans, _ = speller.check(line.text, line.state)
        words += sum(1 for t in prose.scan(line.text, line.state)[0] if not _skipped(t.word))
        flagged += len(spans)
        for a, n in spans:
            flagged_words[line.text[a:a + n]] = flagged_words.get(line.text[a:a + n], 0) + 1
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for line in lines:
        speller.check(line.text, line.state)
    warm = time.perf_counter() - t0
    print(f"== {root.name}: {len(lines)} section lines, {words} words")
    print(f"flagged: {flagged} of {words} words = {100 * flagged / max(words, 1):.2f}% "
          f"({len(flagged_words)} distinct; goal <= 0.5%)")
    print("  most flagged: " + ", ".join(f"{w} ({n})" for w, n in sorted(flagged_words.items(),
                                                                          key=lambda x: -x[1])[:25]))
    per_line = cold / max(len(lines), 1) * 1e6
    print(f"time per checked line: {per_line:.0f} us cold, {warm / max(len(lines), 1) * 1e6:.0f} us warm; "
          f"{cold / max(scan_only, 1e-9):.1f}x finding the prose words only")

    # Inject typos into a temporary copy, learn from the copy, check the changed lines.
    rng = random.Random(SEED)
    by_file: dict[Path, list[Line]] = {}
    for line in lines:
        by_file.setdefault(line.path, []).append(line)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / root.name
        shutil.copytree(root, copy)
        injected: list[tuple[Line, int, str, str]] = []  # line (with typo), start, original, typo
        for path, file_lines in by_file.items():
            candidates = []
            for line in file_lines:
                known = {a for a, _ in speller.check(line.text, line.state)[0]}
                candidates += [(line, t) for t in prose.scan(line.text, line.state)[0]
                               if len(t.word) >= 6 and t.word.isalpha() and t.start not in known]
            chosen = rng.sample(candidates, min(PER_DOCUMENT, len(candidates)))
            text = path.read_bytes().decode("utf-8", errors="replace").splitlines(keepends=True)
            used: set[int] = set()
            for line, token in chosen:
                if line.number in used:
                    continue
                used.add(line.number)
                typo = mutate(token.word, rng)
                new = line.text[:token.start] + typo + line.text[token.end:]
                text[line.number] = text[line.number].replace(line.text, new, 1)
                injected.append((Line(path, line.number, new, line.state), token.start, token.word, typo))
            (copy / path.relative_to(root)).write_bytes("".join(text).encode("utf-8"))
        speller = Speller("nl", copy, user_list=Path(tmp) / "none.txt").load()
        speller.learn()
        caught = real_words = top3 = 0
        missed: list[str] = []
        t0 = time.perf_counter()
        for line, start, original, typo in injected:
            spans, _ = speller.check(line.text, line.state)
            hit = any(a == start and n == len(typo) for a, n in spans)
            caught += hit
            if not hit:
                real_words += speller._spell("nl", typo)
                missed.append(f"{original}>{typo}")
            top3 += hit and original in speller.suggestions(typo)[:3]
        suggest_time = time.perf_counter() - t0
    n = max(len(injected), 1)
    print(f"typos caught: {caught} of {len(injected)} = {100 * caught / n:.1f}% (goal >= 95%); of the missed, "
          f"{real_words} are themselves dictionary words")
    print(f"  missed: {', '.join(missed[:30])}")
    print(f"original in the first 3 suggestions: {top3} of {len(injected)} = {100 * top3 / n:.1f}% "
          f"(goal >= 80%); {suggest_time / n * 1000:.0f} ms per typo to check and suggest")


def main() -> None:
    """Measure each snapshot given (default: both corpus snapshots)."""
    roots = [Path(a) for a in sys.argv[1:]] or sorted(CORPUS.glob("algoritmekader-*"))
    if not roots:
        print(f"no corpus at {CORPUS}")
        return
    for root in roots:
        measure(root)


if __name__ == "__main__":
    main()
