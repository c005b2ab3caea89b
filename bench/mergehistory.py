"""Speed of the field-level merge and of a document's history, as ratios to the git CLI in the same run.

Usage: python bench/mergehistory.py [FOLDER ...] [--commits N]

- merge: `merge_documents` over every Markdown file of the folders (default: the shared corpus), with a
  title change on one side and a change to the last section on the other, against `git merge-file -p` on
  the same three versions;
- history: the panel's first page (50 versions with their change summaries) and the whole history page by
  page, on a generated document with N commits and two renames, against one `git log --follow
  --name-status` of the whole history.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from redactie.document import Document, EditError
from redactie.gitservice.service import GitService
from redactie.history import load_page
from redactie.merge import merge_documents, split_parts
from redactie.repository import ContentRepository

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def triples(folders: list[Path]) -> list[tuple[bytes, bytes, bytes]]:
    """(base, ours, theirs) per file: ours changes the title, theirs the last section."""
    found = []
    for path in sorted(p for folder in folders for p in folder.rglob("*.md")):
        data = path.read_bytes()
        try:
            ours, theirs = Document.parse(data), Document.parse(data)
            ours.set_field("title", "Een andere titel")
            names = theirs.section_names
            if not names:
                continue
            theirs.set_section(names[-1], theirs.section(names[-1]) + "\nEen extra zin.\n")
        except (EditError, ValueError):
            continue
        found.append((data, ours.dump(), theirs.dump()))
    return found


def bench_merge(cases: list[tuple[bytes, bytes, bytes]]) -> tuple[float, float]:
    """Seconds for merge_documents (nothing cached) and for `git merge-file -p` over the same cases."""
    split_parts.cache_clear()
    start = time.perf_counter()
    for base, ours, theirs in cases:
        merge_documents(base, ours, theirs)
    ours_time = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        files = [Path(tmp) / name for name in ("o", "b", "t")]
        start = time.perf_counter()
        for base, ours, theirs in cases:
            for path, data in zip(files, (ours, base, theirs), strict=True):
                path.write_bytes(data)
            subprocess.run(["git", "merge-file", "-p", *map(str, files)], capture_output=True)
        git_time = time.perf_counter() - start
    return ours_time, git_time


def bench_history(commits: int) -> tuple[float, float, float]:
    """Seconds for the first page, for the whole history in pages, and for one `git log --follow`."""
    sys.path.insert(0, str(ROOT))
    from tests.history_repo import NAMES, history_repo

    with tempfile.TemporaryDirectory() as tmp:
        root = history_repo(Path(tmp) / "inhoud", commits)
        service, repo = GitService(root), ContentRepository(root)
        start = time.perf_counter()
        page = load_page(service, repo, NAMES[-1])
        first = time.perf_counter() - start
        while page.more and page.next_path and page.next_start:
            page = load_page(service, repo, page.next_path, page.next_start)
        whole = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(["git", "log", "--follow", "--name-status", "--", NAMES[-1]], cwd=root, capture_output=True,
                       check=True)
        git_time = time.perf_counter() - start
        service.close()
    return first, whole, git_time


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--commits", type=int, default=500)
    args = parser.parse_args()
    folders = args.folders or [CORPUS]
    cases = triples(folders)
    ours, git = bench_merge(cases)
    print(f"merge: {len(cases)} documents, {1000 * ours / max(len(cases), 1):.1f} ms each; "
          f"{ours / git:.2f}× git merge-file (which conflicts per line and knows no fields)")
    first, whole, git_log = bench_history(args.commits)
    print(f"history of {args.commits} commits: first page {first:.3f} s ({first / git_log:.2f}× one git log "
          f"--follow of the whole history); all pages {whole:.2f} s ({whole / git_log:.1f}×, with a change "
          "summary per version)")


if __name__ == "__main__":
    main()
