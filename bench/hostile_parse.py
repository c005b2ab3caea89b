"""Hostile inputs against normal documents of the same size: parse, dump, a section and a field edit.

Usage: python bench/hostile_parse.py
Each hostile input is timed with the same work as a normal document of equal size made from real corpus
files (one real front matter, then real bodies until the size matches), measured in the same run; the
ratio is what matters (1x: the hostile input costs what a normal file of its size costs).
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from redactie.document import Document, EditError, FrontMatterError

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "algoritmekader-2026"


def _laughs() -> str:
    lines = ["a: &a [" + ",".join(["lol"] * 9) + "]"]
    for n in range(1, 9):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _hostile() -> dict[str, bytes]:
    def fm(text: str, body: str = "## Vereiste\nTekst.\n") -> bytes:
        return ("---\ntitle: T\n" + text + "---\n" + body).encode()

    body = "".join(p.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for p in _files())
    big_body = body * (10_000_000 // len(body) + 1)
    return {
        "heading + 40,000 spaces + x": fm("", "## T" + " " * 40_000 + "x\nTekst\n"),
        "heading + 40,000 tabs/spaces + { attr }": fm("", "## T" + " \t" * 20_000 + "{ .x }\nTekst\n"),
        "trailing space/tab run in front matter": fm("x: y" + " \t" * 20_000 + "\n"),
        "10 MB body": fm("", big_body[:10_000_000]),
        "100k keys": fm("".join(f"k{i}: waarde {i}\n" for i in range(100_000))),
        "10k keys, nested (fast reader)": fm("".join(f"k{i}:\n  a: [x]\n" for i in range(10_000))),
        "10k keys, literal blocks (ruamel.yaml)": fm("".join(f"k{i}: |\n  x\n" for i in range(10_000))),
        "recursive alias": fm("a: &x [*x]\n"),
        "500-deep [[[": fm("a: " + "[" * 500 + "]" * 500 + "\n"),
        "billion laughs (454 bytes)": fm(_laughs()),
        "0x + 5,000 f": fm("toelichting: 0x" + "f" * 5000 + "\n"),
        "1 MB value": fm("toelichting: " + "a" * 1_000_000 + "\n"),
        "3 MB value (over the limit)": fm("toelichting: " + "a" * 3_000_000 + "\n"),
    }


def _files() -> list[Path]:
    return sorted((CORPUS / "docs" / "voldoen-aan-wetten-en-regels").rglob("*.md"))


def _normal(size: int) -> bytes:
    files = _files()
    data = files[0].read_bytes()
    index = 1
    while len(data) < size:
        data += b"\n" + files[index % len(files)].read_bytes().split(b"\n---\n", 1)[-1]
        index += 1
    return data[:size]


def _work(data: bytes) -> None:
    try:
        doc = Document.parse(data)
    except FrontMatterError:
        return
    doc.dump()
    names = doc.section_names
    if names:
        doc.section(names[-1])
    try:
        doc.set_field("title", "Nieuw")
    except EditError:
        pass
    doc.dump()


def _measure(data: bytes) -> tuple[float, int]:
    rounds = 3 if len(data) < 1_000_000 else 1
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        _work(data)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    _work(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def main() -> None:
    """Print every hostile case as a ratio to a normal document of its size."""
    print(f"{'case':42} {'bytes':>10} {'time':>9} {'normal':>9} {'ratio':>7} {'peak MB':>8} result")
    for name, data in _hostile().items():
        try:
            Document.parse(data)
            result = "read"
        except FrontMatterError as exc:
            result = f"refused at line {exc.line}: {exc.message[:50]}"
        spent, peak = _measure(data)
        normal, _ = _measure(_normal(len(data)))
        print(f"{name:42} {len(data):>10,} {spent * 1000:>7.0f}ms {normal * 1000:>7.0f}ms "
              f"{spent / normal:>6.1f}x {peak / 1e6:>8.1f} {result}")


if __name__ == "__main__":
    main()
