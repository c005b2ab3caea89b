"""Start-up time and memory of the app against a bare PySide6 window, measured in the same run.

Usage: python bench/startup.py [--documents N]
Runs `redactie --quit-when-loaded` on the sample content and on a generated repository of N documents,
and a bare QMainWindow that is shown and painted once, each a few times; prints medians and ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from validate import make_repository

BARE = ("import sys,time; t=time.perf_counter(); from PySide6.QtWidgets import QApplication, QMainWindow; "
        "app=QApplication(sys.argv[:1]); w=QMainWindow(); w.resize(1320,820); w.show(); app.processEvents(); "
        "w.repaint(); app.processEvents(); print(round((time.perf_counter()-t)*1000,1))")


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (ms) and peak resident memory (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args} failed")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    """Print start-up figures and their ratio to a bare PySide6 window."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REDACTIE_HOME": str(Path(tmp) / "home"),
               "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
        big = Path(tmp) / "groot"
        make_repository(big, args.documents)
        subprocess.run(["git", "init", "-q", str(big)], check=True)
        cases = {
            "bare PySide6 window": [sys.executable, "-c", BARE],
            "redactie, sample (13 documents)": [sys.executable, "-m", "redactie", "--quit-when-loaded",
                                                str(Path(__file__).resolve().parents[1] / "content")],
            f"redactie, {args.documents} documents": [sys.executable, "-m", "redactie", "--quit-when-loaded",
                                                      str(big)],
        }
        results: dict[str, list[float]] = {name: [] for name in cases}
        memory: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.repeat):  # interleaved, so every case sees the same machine state
            for name, command in cases.items():
                elapsed, peak = run(command, env)
                results[name].append(elapsed)
                memory[name].append(peak)
        baseline = statistics.median(results["bare PySide6 window"])
        base_memory = statistics.median(memory["bare PySide6 window"])
        for name, times in results.items():
            median, peak = statistics.median(times), statistics.median(memory[name])
            print(f"{name}: {median:.0f} ms to painted and exited, ratio {median / baseline:.2f}; "
                  f"peak memory {peak:.0f} MB, ratio {peak / base_memory:.2f}")
        out = subprocess.run(cases[f"redactie, {args.documents} documents"], env=env, check=True,
                             capture_output=True, text=True).stdout
        print("app's own timings (last run):", json.loads(out.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
