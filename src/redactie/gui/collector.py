"""Python's cyclic garbage collector, run on the GUI thread only.

Left to itself the collector runs in whichever thread crosses its allocation threshold, the background workers
included. Cyclic garbage that holds Qt objects (a closed dialog, a replaced form, a widget with a lambda
connected to itself) is then destroyed from that worker, while the GUI thread may be delivering events to it:
the process crashed (a segmentation fault in `QApplicationPrivate::notify_helper`, seen in the tests). As
calibre, pyqtgraph and others do, automatic collection is switched off once the GUI runs, and a timer on the
GUI thread collects each generation when Python itself would have (the same thresholds), checked every
CHECK_MS; a full collection (every object not frozen, see `collection.gc_paused`) at most every FULL_EVERY_S, where
Python waits until enough new long-lived objects came (a count it does not expose). A command-line run without
Qt keeps Python's automatic collection.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from ..collection import collection_paused

CHECK_MS = 100  # short, so a collection of the young objects stays small (the check itself costs ~1 us)
FULL_EVERY_S = 30.0


class _Collector(QObject):
    """The timer and the thresholds it collects at (Python's own: allocations, then collections of the younger
    generation)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.last_full = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose threshold is passed, as the automatic collector would."""
        young, middle, old = gc.get_count()
        first, second, third = self.thresholds
        if young <= first or collection_paused():  # a large structure is being built (see `collection.gc_paused`)
            return
        now = time.monotonic()
        if old > third and now - self.last_full >= FULL_EVERY_S:
            self.last_full = now
            gc.collect(2)
        else:
            gc.collect(1 if middle > second else 0)


def install() -> bool:
    """Collect on the GUI thread from now on (once per application); False when there is no application yet."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    if app.findChild(_Collector, "redactie-collector") is None:
        collector = _Collector(app)
        collector.setObjectName("redactie-collector")
        gc.disable()
    return True
