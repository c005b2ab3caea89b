"""Bulk rename speed: `monitoring-en-beheer` renamed to `beheer` across a generated 10,000-document repository,
against `git grep -l` plus `sed -i` of the same files (and `git mv` of the defining file), in the same run.

Usage: python bench/bulk.py [COUNT] [SHARE] [ROUNDS]   (SHARE: the fraction of documents that hold the value,
default 1/3; ROUNDS: default 5, the median is reported)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from redactie.bulk import apply_plan, plan_rename
from redactie.repository import ContentRepository

CONTENT = Path(__file__).resolve().parents[1] / "content"
OLD, NEW = "monitoring-en-beheer", "beheer"


def git(root: Path, *args: str, stdin: str | None = None) -> str:
    """Run git quietly in `root`."""
    env = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b",
           "GIT_COMMITTER_EMAIL": "b@b", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(root)}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True,
                          input=stdin).stdout


def make_repository(target: Path, count: int, share: float) -> None:
    """The sample content plus generated vereisten; `share` of them list the value, some link to its page."""
    shutil.copytree(CONTENT, target)
    seed = (CONTENT / "docs/vereisten/menselijk_toezicht_hoog_risico.md").read_text(encoding="utf-8")
    every = max(1, round(1 / share)) if share > 0 else 0
    for n in range(count):
        text = seed.replace("title: Hoog-risico", f"title: Gegenereerde vereiste {n}, hoog-risico")
        if not every or n % every:
            text = text.replace(f"- {OLD}\n", "")
        elif n % (every * 10) == 0:
            text += f"\nZie ook [monitoring en beheer](../levenscyclus/{OLD}.md).\n"
        (target / f"docs/vereisten/gegenereerd_{n:05d}.md").write_text(text, encoding="utf-8")
    git(target, "init", "-q", "-b", "main")
    git(target, "config", "gc.auto", "0")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "generated")


def baseline(root: Path) -> tuple[float, float]:
    """`git grep -l` then `sed -i` on the files found, and `git mv` of the defining file; also with a `sync`
    after it (Redactie syncs every file it writes to disk before it counts as written; sed does not)."""
    os.sync()
    start = time.perf_counter()
    files = git(root, "grep", "-l", "-F", "-e", OLD, "--", "*.md").split()
    subprocess.run(["xargs", "-0", "sed", "-i", "-e", f"s/{OLD}/{NEW}/g"], cwd=root, check=True,
                   input="\0".join(files).encode())
    git(root, "mv", f"docs/levenscyclus/{OLD}.md", f"docs/levenscyclus/{NEW}.md")
    plain = time.perf_counter() - start
    os.sync()
    return plain, time.perf_counter() - start


def redactie(root: Path) -> tuple[float, int]:
    """Plan and apply the rename with Redactie (repository opened, plan made, files written)."""
    os.sync()
    start = time.perf_counter()
    repo = ContentRepository(root)
    plan = plan_rename(repo, "levenscyclus", OLD, NEW)
    apply_plan(root, plan)
    return time.perf_counter() - start, len(plan.files)


def main() -> None:
    """Print both times (median of ROUNDS, each on a fresh clone, alternating which goes first) and their ratio."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    share = float(sys.argv[2]) if len(sys.argv) > 2 else 1 / 3
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    base_times, synced_times, our_times, files, same = [], [], [], 0, True
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        make_repository(source, count, share)
        for number in range(rounds):
            first, second = Path(tmp) / f"sed{number}", Path(tmp) / f"redactie{number}"
            for clone in (first, second):
                git(Path(tmp), "clone", "-q", str(source), str(clone))
                git(clone, "status", "--short")  # a fresh index, the tree in the page cache
            if number % 2:
                ours, files = redactie(second)
                base, synced = baseline(first)
            else:
                base, synced = baseline(first)
                ours, files = redactie(second)
            base_times.append(base)
            synced_times.append(synced)
            our_times.append(ours)
            same = same and git(first, "diff", "--stat") == git(second, "diff", "--stat")
            shutil.rmtree(first)
            shutil.rmtree(second)
    base, synced, ours = median(base_times), median(synced_times), median(our_times)
    ratios = [o / b for o, b in zip(our_times, base_times, strict=True)]
    print(f"{count} documents, {files} files changed, median of {rounds} interleaved rounds: git grep + sed "
          f"{base:.2f} s, "
          f"Redactie {ours:.2f} s, ratio {ours / base:.2f}x (target <= 3x); same diff as sed: {same}")
    print(f"against git grep + sed + sync ({synced:.2f} s; Redactie syncs what it writes): "
          f"ratio {ours / synced:.2f}x")
    print("all rounds: sed " + ", ".join(f"{t:.2f}" for t in base_times) + "; sed + sync "
          + ", ".join(f"{t:.2f}" for t in synced_times) + "; Redactie " + ", ".join(f"{t:.2f}" for t in our_times))
    print("ratio per round: " + ", ".join(f"{r:.2f}x" for r in ratios) + f" (median {median(ratios):.2f}x, "
          f"worst {max(ratios):.2f}x); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
