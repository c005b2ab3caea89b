"""A visible keyboard focus on every control, also where the platform style draws none."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Fusion and most platform styles mark a focused button, line edit, combo box or check box, but not a text
# box, a list or a scroll area: those get a highlight-coloured frame. The unfocused frame is as wide (1px
# border + 1px padding), so focus moving never shifts the text.
FOCUS_STYLE = """
QAbstractScrollArea { border: 1px solid palette(mid); padding: 1px; }
QAbstractScrollArea:focus { border: 2px solid palette(highlight); padding: 0px; }
"""


def show_focus(window: QWidget) -> None:
    """Give every text box, list and scroll area in `window` (and its dialogs) a visible focus frame."""
    window.setStyleSheet(window.styleSheet() + FOCUS_STYLE)
