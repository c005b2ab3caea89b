"""Validation speed: a generated 300-document repository, against parsing the same files as a baseline.

Usage: python bench/validate.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from common import time_each
from redactie.document import Document
from redactie.repository import ContentRepository
from redactie.validation import validate_repository

CONTENT = Path(__file__).resolve().parents[1] / "content"


def make_repository(target: Path, count: int) -> None:
    """Copy the sample content and add generated vereisten until there are `count` documents."""
    shutil.copytree(CONTENT, target)
    seed = (CONTENT / "docs/vereisten/menselijk_toezicht_hoog_risico.md").read_text(encoding="utf-8")
    existing = sum(len(list((target / "docs" / kind).glob("*.md"))) for kind in ("vereisten", "maatregelen"))
    for n in range(count - existing):
        text = seed.replace("title: Hoog-risico", f"title: Gegenereerde vereiste {n}, hoog-risico")
        (target / f"docs/vereisten/gegenereerd_{n:04d}.md").write_text(text, encoding="utf-8")


def main() -> None:
    """Print the time to validate 300 documents and its ratio to plain parsing."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        make_repository(root, 300)
        files = sorted(root.rglob("*.md"))
        read = time_each(files, Path.read_bytes)
        parse = time_each(files, lambda path: Document.parse(path.read_bytes()))
        t0 = time.perf_counter()
        repo = ContentRepository(root)
        findings = validate_repository(repo)
        validate = time.perf_counter() - t0
        print(f"documents {len(repo.documents)}, findings {len(findings)}")
        print(f"validate {validate * 1000:.0f} ms; parse only {parse * 1000:.0f} ms (ratio {validate / parse:.2f}x); "
              f"read bytes only {read * 1000:.1f} ms")


if __name__ == "__main__":
    main()
