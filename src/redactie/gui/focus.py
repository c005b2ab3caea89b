"""A visible keyboard focus on every control, also where the platform style draws none."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

# Fusion and most platform styles mark a focused button, line edit, combo box or check box, but not a text
# box, a list or a scroll area: those get a ring in the highlight colour, drawn by a small transparent child on
# top of them. (A style sheet would do it too, but styling the whole window made opening a document 1.8 times
# slower; the ring costs nothing until a control has the focus.)
RING_WIDTH = 2


class FocusRing(QWidget):
    """A highlight-coloured ring over the edge of its parent, shown while the parent has the focus."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Follow the parent's size."""
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The ring, inside the parent's edge."""
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


def _ring(widget: QWidget, create: bool) -> FocusRing | None:
    ring = widget.findChild(FocusRing, "focus-ring", Qt.FindChildOption.FindDirectChildrenOnly)
    if ring is None and create:
        ring = FocusRing(widget)
    return ring


def _focus_changed(old: QWidget | None, new: QWidget | None) -> None:
    if isinstance(old, QAbstractScrollArea):
        ring = _ring(old, create=False)
        if ring is not None:
            ring.hide()
    if isinstance(new, QAbstractScrollArea):
        ring = _ring(new, create=True)
        if ring is not None:
            ring.setGeometry(new.rect())
            ring.raise_()
            ring.show()


_connected = False


def show_focus(window: QWidget) -> None:
    """Give every text box, list and scroll area of the application a visible focus ring (once for all windows)."""
    global _connected
    app = QApplication.instance()
    if not _connected and isinstance(app, QApplication):
        app.focusChanged.connect(_focus_changed)
        _connected = True
    _focus_changed(None, QApplication.focusWidget())
