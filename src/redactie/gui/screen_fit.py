"""Window sizes that fit the screen: a dialog's preferred size, never larger than a small laptop's screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = 40  # the window manager's title bar and borders, which availableGeometry does not leave out


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width x height, or less where the screen it opens on is smaller (1366x768, or a
    large screen at 150% scaling), so that its buttons at the bottom are never below the screen's edge."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width())
        height = min(height, available.height() - FRAME_ALLOWANCE)
    widget.resize(width, height)
