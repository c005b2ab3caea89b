"""The window's menus and actions, with standard shortcuts, tooltips and accessible names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Spec = tuple[str, str, str, "QKeySequence.StandardKey | str | None", Callable[[], object]]


def add_actions(window: QMainWindow, menu: QMenu, specs: list[Spec | None]) -> dict[str, QAction]:
    """Add actions (name, text, tooltip, shortcut, slot) to a menu; None adds a separator."""
    actions = {}
    for spec in specs:
        if spec is None:
            menu.addSeparator()
            continue
        name, text, tooltip, shortcut, slot = spec
        action = QAction(text, window)
        action.setObjectName(name)
        action.setToolTip(tooltip)
        action.setStatusTip(tooltip)
        if shortcut is not None:
            # The same as setShortcut; that one makes PySide6 build all of the Qt namespace's enums to choose its
            # overload (~17 ms before the window's first paint).
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        menu.addAction(action)
        actions[name] = action
    return actions
