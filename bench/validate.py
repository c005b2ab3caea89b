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

from common import run_measured
from speed import PYYAML_BASELINE, app_env, generate, med


def measure(root: Path, tmp: Path, repeat: int) -> None:
    """Print the validate row for the repository at `root`."""
    env = app_env(tmp, tmp / "home")
    ours = [sys.executable, "-m", "redactie", "validate", "--format", "json", str(root)]
    baseline = [sys.executable, "-c", PYYAML_BASELINE, str(root)]
    run_measured(ours, env)  # writes the bytecode caches, as an installed app has them
    ours_runs, base_runs = [], []
    for _ in range(repeat):
        base_runs.append(run_measured(baseline, env))
        ours_runs.append(run_measured(ours, env))
    wall, cpu, peak = (med([r[k] for r in ours_runs]) for k in range(3))
    base_wall, base_cpu, base_peak = (med([r[k] for r in base_runs]) for k in range(3))
    load = os.getloadavg()[0]
    # CPU time is shown beside the wall time: on a shared machine it varies far less with the others' load.
    print(f"{root.name}: redactie validate {wall:.0f} ms (CPU {cpu:.0f} ms), {peak:.0f} MB | PyYAML C loader "
          f"{base_wall:.0f} ms (CPU {base_cpu:.0f} ms), {base_peak:.0f} MB | ratio {wall / base_wall:.2f}x "
          f"(CPU {cpu / base_cpu:.2f}x; goal <= 3x, <= 150 MB) | load {load:.1f} on {os.cpu_count()} cores",
          flush=True)


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
