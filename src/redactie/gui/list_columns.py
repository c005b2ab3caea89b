"""The document list's two columns: the title gets the room, the state column only what its texts need."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTreeView

STATE_WIDTH_KEY = "documents/state-column-width"  # the width the user dragged the state column to, in pixels


def state_column_width(view: int, wanted: int, minimum: int, chosen: int | None) -> int:
    """The state column's width in a list `view` pixels wide: the user's own (`chosen`) when they set one, else
    what its texts want; the titles always keep at least two thirds of the list (a third when the user chose
    more), the state column at least `minimum`."""
    if chosen is not None:
        return max(minimum, min(chosen, view - max(view // 3, minimum)))
    return max(minimum, min(wanted, view // 3))


class ColumnFitter(QObject):
    """Keeps the title column (0) and the state column (1) of `tree` fitted to the list's width.

    The state column is hidden while no document has a state to show (an empty column took a third of a narrow
    list); shown, it is as wide as its texts but never more than a third of the list. A width the user drags it
    to (by the edge between the columns) is kept, also in the settings for the next start.
    """

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree
        self.wanted = 0  # what the state column's texts need; 0: nothing to show, the column is hidden
        self._fitting = False
        self.chosen = _saved_width()
        header = tree.header()
        header.setStretchLastSection(False)  # both sized here: Qt's stretch lost track after hiding a column
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        tree.setColumnHidden(1, True)  # until a document has a state
        header.sectionResized.connect(self._resized)
        tree.viewport().installEventFilter(self)

    def minimum(self) -> int:
        """The narrowest the state column gets: its shortest state ("nieuw") still readable."""
        return self.tree.fontMetrics().horizontalAdvance("nieuw") + 16

    def fit(self, wanted: int) -> None:
        """Fit the columns for a state column whose texts need `wanted` pixels (0: none to show)."""
        self.wanted = wanted
        self._fitting = True
        try:
            if self.tree.isColumnHidden(1) != (wanted <= 0):
                self.tree.setColumnHidden(1, wanted <= 0)
        finally:
            self._fitting = False
        self._apply()

    def _apply(self) -> None:
        """Size both columns to the list's width: together exactly as wide as it (no sideways scrolling)."""
        view = self.tree.viewport().width()
        if view <= 0:
            return
        header = self.tree.header()
        self._fitting = True
        try:
            if self.tree.isColumnHidden(1):
                header.resizeSection(0, view)
                return
            state = state_column_width(view, self.wanted, self.minimum(), self.chosen)
            header.resizeSection(0, max(1, view - state))
            header.resizeSection(1, state)
        finally:
            self._fitting = False

    def _resized(self, section: int, _old: int, new: int) -> None:
        """The user dragged the edge between the columns (or the state column's right edge): their state column
        width from now on."""
        if self._fitting or self.tree.isColumnHidden(1) or not QGuiApplication.mouseButtons():
            return  # Qt's own resizing (a column shown or hidden, the list laid out): not the user's choice
        view = self.tree.viewport().width()
        if view <= 0:
            return
        self.chosen = max(self.minimum(), view - new if section == 0 else new)
        QSettings("Redactie", "Redactie").setValue(STATE_WIDTH_KEY, self.chosen)
        self._apply()  # within the bounds: the titles keep their third

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """The list got wider or narrower (the window, the splitter): fit again."""
        if event.type() == QEvent.Type.Resize and watched is self.tree.viewport():
            self._apply()
        return False


def _saved_width() -> int | None:
    """The state column width the user chose in an earlier session, if any (a broken setting counts as none)."""
    value = QSettings("Redactie", "Redactie").value(STATE_WIDTH_KEY)
    try:
        width = int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return width if width is not None and 0 < width < 10_000 else None
