"""Helpers shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path


def time_each(paths: Iterable[Path], work: Callable[[Path], object]) -> float:
    """Seconds that `work` takes over all `paths`, exceptions counted as done."""
    start = time.perf_counter()
    for path in paths:
        try:
            work(path)
        except ValueError:
            pass
    return time.perf_counter() - start
