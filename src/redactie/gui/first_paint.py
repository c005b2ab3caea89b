"""Running something right after a window's first paint: the window appears before slow work starts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never painted (started minimised, on a screen that is off) still gets its work done.
UNPAINTED_WAIT_MS = 500


class _FirstPaint(QObject):
    """Watches one widget for its first paint event; then runs the callback once, from the event loop."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self.widget, self.callback, self.done = widget, callback, False
        self.fallback = QTimer(self)
        self.fallback.setSingleShot(True)
        self.fallback.setInterval(UNPAINTED_WAIT_MS)
        self.fallback.timeout.connect(self._run)
        widget.installEventFilter(self)
        self.fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """At the first paint: run the callback once this paint is on the screen (a zero timer fires after it)."""
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            self.fallback.start(0)
        return False

    def _run(self) -> None:
        if not self.done:
            self.done = True
            self.widget.removeEventFilter(self)
            self.callback()


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call `callback` from the event loop right after `widget` is first painted (or after UNPAINTED_WAIT_MS
    when it is not painted at all); exactly once."""
    _FirstPaint(widget, callback)
