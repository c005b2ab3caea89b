"""Front-matter reading speed on the real corpus: which reader reads each file, and what a read costs.

Usage: python bench/parse_speed.py [FOLDER ...]
Prints, in one run: the share of files the fast reader takes; ruamel.yaml composing every front matter with a
fresh loader per call (thread-safe, what the model does) against one shared YAML object (the old, unsafe way)
and a thread-local YAML object; and Document.parse against reading the bytes.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from ruamel.yaml import YAML

from redactie.document import Document, FrontMatterError
from redactie.document.fastscan import scan
from redactie.document.text import decode, split_lines
from redactie.document.yamlread import compose

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = True
    return yaml


def _front_matters(files: list[Path]) -> list[tuple[list[str], int]]:
    out = []
    for path in files:
        try:
            lines = split_lines(decode(path.read_bytes())[1])
        except FrontMatterError:
            continue
        if not lines or lines[0].rstrip("\r\n ") != "---":
            continue
        close = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n \t") in ("---", "...")), None)
        if close is not None:
            out.append((lines, close))
    return out


def _best(*works, rounds: int = 7) -> list[float]:
    """The best time of each work, the rounds interleaved so that load from other processes hits all alike."""
    best = [float("inf")] * len(works)
    for _ in range(rounds):
        for n, work in enumerate(works):
            start = time.perf_counter()
            work()
            best[n] = min(best[n], time.perf_counter() - start)
    return best


def _each(texts: list[str], read) -> None:
    for text in texts:
        try:
            read(text)
        except Exception:  # noqa: BLE001 - invalid files cost what they cost
            pass


def main(folders: list[Path]) -> None:
    """Print the figures for all Markdown files under `folders`."""
    files = [p for folder in folders for p in sorted(folder.rglob("*.md"))]
    fms = _front_matters(files)
    texts = ["".join(lines[1:close]) for lines, close in fms]
    fast = sum(scan(lines, close) is not None for lines, close in fms)
    print(f"files {len(files)}, with front matter {len(fms)}, read by the fast reader {fast} "
          f"({fast / max(len(fms), 1):.0%}), by ruamel.yaml {len(fms) - fast}")
    shared = _yaml()
    local = threading.local()

    def thread_local(text: str) -> object:
        if not hasattr(local, "yaml"):
            local.yaml = _yaml()
        return local.yaml.compose(text)

    base, fresh, per_thread = _best(lambda: _each(texts, shared.compose), lambda: _each(texts, compose),
                                    lambda: _each(texts, thread_local))
    print(f"compose every front matter: shared YAML {base * 1000:.0f} ms (baseline, not thread-safe); "
          f"fresh loader per call {fresh / base:.2f}x; thread-local YAML {per_thread / base:.2f}x")
    datas = [p.read_bytes() for p in files]
    (fast_scan,) = _best(lambda: [scan(lines, close) for lines, close in fms])
    print(f"fast reader on every front matter {fast_scan / base:.3f}x the shared-YAML compose")

    def parse_all() -> None:
        for data in datas:
            try:
                Document.parse(data)
            except FrontMatterError:
                pass

    read, parse = _best(lambda: [p.read_bytes() for p in files], parse_all)
    print(f"Document.parse every file {parse * 1000:.0f} ms = {parse / read:.1f}x reading the bytes, "
          f"{parse / base:.2f}x the shared-YAML compose")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or [CORPUS / "algoritmekader-2024", CORPUS / "algoritmekader-2026"])
