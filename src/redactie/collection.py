"""Pausing Python's cyclic garbage collector while large structures of plain values are built (Qt-free).

Every full collection walks every object alive, holding the interpreter lock; building tens of thousands of index
entries or list rows would trigger several. `gc_paused` switches automatic collection off meanwhile, and
`collection_paused` tells a collector driven by hand (the GUI's, `gui/collector.py`) to wait as well.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_LIMIT = 20_000  # young objects whose one collector pass would stall the window (see `gc_paused`)


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while building a large structure of plain values (the index, the list).

    Every full collection walks every object alive; building tens of thousands of entries triggers several,
    so the time grew faster than the repository (30k documents: twice the time per entry of 10k). The
    entries hold no cycles, and the collector runs again, as before, once they are built.

    `freeze`: when more than YOUNG_LIMIT objects were made meanwhile, what is alive at the end is taken out of
    the collector's passes for good (`gc.freeze`), without the one pass over every young object that turning the
    collector on again would otherwise cost (~50 ms for a first start's 10,000 documents, holding the
    interpreter lock). What is cyclic garbage at that moment is then never freed: callers freeze once per
    repository and moment only, and a small listing (a cheap pass) freezes nothing.
    """
    global _pauses
    enabled = gc.isenabled()
    gc.disable()
    with _pauses_lock:
        _pauses += 1
    try:
        yield
    finally:
        if freeze and gc.get_count()[0] > YOUNG_LIMIT:
            gc.freeze()
        with _pauses_lock:
            _pauses -= 1
        if enabled:
            gc.enable()


_pauses = 0  # `gc_paused` blocks under way, in any thread
_pauses_lock = threading.Lock()


def collection_paused() -> bool:
    """True while a `gc_paused` block runs in any thread: a collector driven by hand (the GUI's) waits too."""
    return _pauses > 0
