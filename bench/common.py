"""Helpers shared by the benchmarks."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

# Started from a small process of its own: Linux counts the RSS a process had when it called exec() in the
# child's peak (ru_maxrss), so a child started straight from a benchmark that holds a generated repository
# in memory would report that benchmark's size as its own.
_LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
wall = (time.perf_counter() - start) * 1000
print(json.dumps([os.waitstatus_to_exitcode(status), wall, (usage.ru_utime + usage.ru_stime) * 1000,
                  usage.ru_maxrss / 1024]))
"""


def time_each(paths: Iterable[Path], work: Callable[[Path], object]) -> float:
    """Seconds that `work` takes over all `paths`, exceptions counted as done."""
    start = time.perf_counter()
    for path in paths:
        try:
            work(path)
        except ValueError:
            pass
    return time.perf_counter() - start


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall ms, CPU ms (user + system) and peak resident MB of one child process (exit 0 or 1 expected)."""
    out = subprocess.run([sys.executable, "-c", _LAUNCHER, *args], env=env, capture_output=True, check=True).stdout
    code, wall, cpu, peak = json.loads(out.decode().strip().splitlines()[-1])
    if code not in (0, 1):
        raise SystemExit(f"{args} failed with {code}")
    return wall, cpu, peak
