"""Git speed on generated repositories (real corpus documents, 1,000 commits), as ratios to the git CLI.

Usage: python bench/gitwork.py [--sizes 1000 10000] [--repeat 15]

Both sides do the same work in the same run, interleaved:
- status + diff: Redactie's status and review of two changed files (change summary and word-level diff),
  against `git status --porcelain=v2` plus `git diff HEAD -- <file>` per changed file;
- commit: Redactie's commit of one reviewed file, against a plain `git add` plus `git commit` (issue #12's
  baseline); `git commit --only`, what a commit of one path costs in git itself, is shown beside it.
It also prints the git processes one commit of Redactie starts (from GIT_TRACE) and what each cost.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from redactie.gitservice.service import GitService
from redactie.repository import ContentRepository
from redactie.review import collect
from speed import GIT_ENV, generate


def cli(root: Path, *args: str) -> bytes:
    """The git CLI, as a user would run it."""
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                          env={**os.environ, **GIT_ENV}).stdout


def median_ms(work: Callable[[], object], repeat: int) -> float:
    """The median wall time of `work` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def status_and_diff(root: Path, paths: list[str], repeat: int) -> None:
    """The review of two changed files against `git status` plus `git diff`."""
    service = GitService(root)
    repo = ContentRepository(root)
    changed = [paths[7], paths[-3]]
    originals = {path: (root / path).read_bytes() for path in changed}
    for path in changed:
        (root / path).write_bytes(originals[path].replace(b"title:", b"title: Gewijzigd,", 1))

    def ours() -> None:
        reviews = collect(service, repo)
        assert len(reviews) == len(changed)
        for review in reviews:
            review.raw_diff()

    def theirs() -> None:
        cli(root, "status", "--porcelain=v2", "-z", "--untracked-files=all")
        for path in changed:
            cli(root, "diff", "--word-diff", "HEAD", "--", path)

    ours_times, cli_times = [], []
    for _ in range(repeat):
        ours_times.append(median_ms(ours, 1))
        cli_times.append(median_ms(theirs, 1))
    a, b = statistics.median(ours_times), statistics.median(cli_times)
    print(f"  status + diff ({len(changed)} changed files): redactie {a:.1f} ms, git CLI {b:.1f} ms, ratio {a / b:.2f}")
    for path, data in originals.items():
        (root / path).write_bytes(data)
    service.close()


def trace_commit(root: Path, target: str, data: bytes) -> None:
    """Print the git processes one commit starts and the time from each to the next."""
    trace = root.parent / "trace.txt"
    service = GitService(root)
    service.repo.git.update_environment(GIT_TRACE=str(trace))
    service.commit({target: data}, "Een document aangepast (trace)")
    service.close()
    stamps = []
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"(\d+):(\d+):([\d.]+) .*trace: built-in: git (.*)", line)
        if match:
            h, m, s = int(match.group(1)), int(match.group(2)), float(match.group(3))
            stamps.append((h * 3600 + m * 60 + s, match.group(4)[:90]))
    print(f"  one commit starts {len(stamps)} git processes:")
    for (when, what), (after, _) in zip(stamps, [*stamps[1:], (stamps[-1][0], "")], strict=True):
        print(f"    {(after - when) * 1000:6.1f} ms until the next  git {what}")
    trace.unlink()


def commit(root: Path, target: str, repeat: int) -> None:
    """One reviewed file committed, against `git add` + `git commit` and `git add` + `git commit --only`."""
    original = (root / target).read_bytes()
    counter = iter(range(1_000_000))

    def change() -> bytes:
        data = original + b"\n<!-- bench %d -->\n" % next(counter)
        (root / target).write_bytes(data)
        return data

    trace_commit(root, target, change())
    service = GitService(root)

    def ours() -> None:
        service.commit({target: change()}, "Een document aangepast")

    def plain() -> None:
        change()
        cli(root, "add", "--", target)
        cli(root, "commit", "--quiet", "-m", "Een document aangepast")

    def only() -> None:
        change()
        cli(root, "add", "--", target)
        cli(root, "commit", "--quiet", "--only", "-m", "Een document aangepast", "--", target)

    times: dict[str, list[float]] = {"ours": [], "plain": [], "only": []}
    for _ in range(repeat):  # interleaved, so all see the same repository size and cache state
        times["plain"].append(median_ms(plain, 1))
        times["ours"].append(median_ms(ours, 1))
        times["only"].append(median_ms(only, 1))
    ours_ms, plain_ms, only_ms = (statistics.median(times[k]) for k in ("ours", "plain", "only"))
    print(f"  commit of one file: redactie {ours_ms:.1f} ms, git add + git commit {plain_ms:.1f} ms, ratio "
          f"{ours_ms / plain_ms:.2f} (goal <= 1.2); git add + git commit --only {only_ms:.1f} ms "
          f"({only_ms / plain_ms:.2f})", flush=True)
    service.close()


def main() -> None:
    """Print the figures for each size."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--commits", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="redactie-bench-") as tmp:
            root = Path(tmp) / "repo"
            paths = generate(root, size, args.commits)
            print(f"{size} documents, load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
            status_and_diff(root, paths, args.repeat)
            commit(root, paths[len(paths) // 2], args.repeat)


if __name__ == "__main__":
    main()
