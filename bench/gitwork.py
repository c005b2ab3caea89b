"""Git speed on a generated repository (10,000 documents, 1,000 commits), as ratios to the git CLI.

Usage: python bench/gitwork.py [--documents N] [--commits N]

Both sides do the same work in the same run:
- status + diff: Redactie's status and review of the changed files (change summary and word-level diff),
  against `git status --porcelain=v2` plus `git diff HEAD -- <file>` per changed file;
- commit: Redactie's commit of one reviewed file, against `git add` plus `git commit --only`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from redactie.gitservice.service import GitService
from redactie.repository import ContentRepository
from redactie.review import collect

CONTENT = Path(__file__).resolve().parents[1] / "content"
SEED = (CONTENT / "docs/vereisten/menselijk_toezicht_hoog_risico.md").read_bytes()
ENV = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "Bench",
       "GIT_COMMITTER_EMAIL": "bench@example.org", "PATH": "/usr/bin:/bin:/usr/local/bin"}


def document(n: int, revision: int) -> bytes:
    """A vereiste like the sample's, numbered, at a revision."""
    return SEED.replace(b"title: Hoog-risico", b"title: Vereiste %d versie %d, hoog-risico" % (n, revision), 1)


def generate(root: Path, documents: int, commits: int) -> None:
    """Build the repository with `git fast-import`: all documents in the first commit, then 10 changed each."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    chunks: list[bytes] = []

    def blob(path: str, data: bytes) -> None:
        chunks.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))

    for c in range(commits):
        message = b"Commit %d" % c
        chunks.append(b"commit refs/heads/main\nmark :%d\ncommitter Bench <bench@example.org> %d +0000\n"
                      b"data %d\n%s\n" % (c + 1, 1_700_000_000 + c * 60, len(message), message))
        if c:
            chunks.append(b"from :%d\n" % c)
            for k in range(10):
                n = (c * 10 + k) % documents
                blob(f"docs/vereisten/vereiste_{n:05d}.md", document(n, c))
        else:
            blob("redactie-schema.yaml", (CONTENT / "redactie-schema.yaml").read_bytes())
            for name in ("ontwerp", "monitoring-en-beheer", "uitfaseren", "dataverkenning-en-datapreparatie",
                         "ontwikkelen", "verificatie-en-validatie", "implementatie", "probleemanalyse"):
                blob(f"docs/levenscyclus/{name}.md", b"---\ntitle: %s\n---\n" % name.encode())
            for n in range(documents):
                blob(f"docs/vereisten/vereiste_{n:05d}.md", document(n, 0))
        chunks.append(b"\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(chunks), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=root, check=True)
    subprocess.run(["git", "config", "user.name", "Bench"], cwd=root, check=True)
    subprocess.run(["git", "config", "user.email", "bench@example.org"], cwd=root, check=True)


def cli(root: Path, *args: str) -> bytes:
    """The git CLI, as a user would run it."""
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=ENV).stdout


def median_ms(work: Callable[[], object], repeat: int) -> float:
    """The median wall time of `work` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the figures and their ratios to the git CLI."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        start = time.perf_counter()
        generate(root, args.documents, args.commits)
        count = int(cli(root, "rev-list", "--count", "HEAD"))
        print(f"generated {args.documents} documents, {count} commits in {time.perf_counter() - start:.1f} s")
        # Files written in the same second as the index are "racily clean" and re-read by every status until
        # the index is rewritten; settle that first so neither side pays for the generator's timing.
        time.sleep(1.1)
        cli(root, "update-index", "--really-refresh")
        cli(root, "status")
        service = GitService(root)
        repo = ContentRepository(root)
        changed = [f"docs/vereisten/vereiste_{n:05d}.md" for n in (7, args.documents - 3)]
        for path in changed:
            data = (root / path).read_bytes()
            (root / path).write_bytes(data.replace(b"title:", b"title: Gewijzigd,", 1))

        def ours_status_diff() -> None:
            reviews = collect(service, repo)
            assert len(reviews) == len(changed)
            for review in reviews:
                review.raw_diff()

        def cli_status_diff() -> None:
            cli(root, "status", "--porcelain=v2", "-z", "--untracked-files=all")
            for path in changed:
                cli(root, "diff", "--word-diff", "HEAD", "--", path)

        ours_times, cli_times = [], []
        for _ in range(args.repeat):  # interleaved, so both see the same cache state
            ours_times.append(median_ms(ours_status_diff, 1))
            cli_times.append(median_ms(cli_status_diff, 1))
        ours, theirs = statistics.median(ours_times), statistics.median(cli_times)
        print(f"status + diff ({len(changed)} changed files): redactie {ours:.1f} ms, git CLI {theirs:.1f} ms, "
              f"ratio {ours / theirs:.2f}")
        for path in changed:
            cli(root, "checkout", "--", path)

        target = root / "docs/vereisten/vereiste_00123.md"
        counter = iter(range(10_000))

        def change() -> bytes:
            data = document(123, 5000 + next(counter))
            target.write_bytes(data)
            return data

        def ours_commit() -> None:
            service.commit({"docs/vereisten/vereiste_00123.md": change()}, "Vereiste 123 aangepast")

        def cli_commit() -> None:
            change()
            cli(root, "add", "--", "docs/vereisten/vereiste_00123.md")
            cli(root, "commit", "--quiet", "--only", "-m", "Vereiste 123 aangepast", "--",
                "docs/vereisten/vereiste_00123.md")

        ours_times, cli_times = [], []
        for _ in range(args.repeat):  # interleaved, so both see the same repository size and cache state
            ours_times.append(median_ms(ours_commit, 1))
            cli_times.append(median_ms(cli_commit, 1))
        ours, theirs = statistics.median(ours_times), statistics.median(cli_times)
        print(f"commit of one file: redactie {ours:.1f} ms, git CLI {theirs:.1f} ms, ratio {ours / theirs:.2f}")
        service.close()


if __name__ == "__main__":
    main()
