"""`redactie validate` at size: whole process, against parsing every front matter with PyYAML's C loader.

Usage: python bench/validate.py [--sizes 1000 10000] [--repeat 3] [--repo PATH]

The repositories are generated as `bench/speed.py` makes them (real documents of both corpus snapshots, unique
names and ids, 1,000 commits); `--repo` measures an existing repository instead. Each run of Redactie
alternates with a run of the baseline (interleaved) and the medians are reported, with the peak resident
memory of each whole process (what issue #12's table asks: <= 3x the baseline's time, <= 150 MB).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from speed import PYYAML_BASELINE, app_env, generate, med, run_process


def measure(root: Path, tmp: Path, repeat: int) -> None:
    """Print the validate row for the repository at `root`."""
    env = app_env(tmp, tmp / "home")
    ours = [sys.executable, "-m", "redactie", "validate", "--format", "json", str(root)]
    baseline = [sys.executable, "-c", PYYAML_BASELINE, str(root)]
    run_process(ours, env)  # writes the bytecode caches, as an installed app has them
    times, peaks, base_times, base_peaks = [], [], [], []
    for _ in range(repeat):
        wall, peak, _, _ = run_process(baseline, env)
        base_times.append(wall)
        base_peaks.append(peak)
        wall, peak, _, _ = run_process(ours, env)
        times.append(wall)
        peaks.append(peak)
    load = os.getloadavg()[0]
    print(f"{root.name}: redactie validate {med(times):.0f} ms, {med(peaks):.0f} MB | PyYAML C loader "
          f"{med(base_times):.0f} ms, {med(base_peaks):.0f} MB | ratio {med(times) / med(base_times):.2f}x "
          f"(goal <= 3x, <= 150 MB) | load {load:.1f} on {os.cpu_count()} cores", flush=True)


def main() -> None:
    """Generate (or take) the repositories and print one row each."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--repo", type=Path, help="measure this repository instead of generating one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="redactie-bench-") as name:
        tmp = Path(name)
        if args.repo:
            measure(args.repo.resolve(), tmp, args.repeat)
            return
        for size in args.sizes:
            root = tmp / f"repo-{size}"
            generate(root, size, args.commits)
            measure(root, tmp, args.repeat)


if __name__ == "__main__":
    main()
