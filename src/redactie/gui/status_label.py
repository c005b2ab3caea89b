"""A label for the status bar that gives way to its messages: shortened with "…" rather than cut or run into."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

GAP = 12  # pixels between a status message and the first label after it
SHORTEST = 8  # characters the label keeps, before its "…", however narrow the bar


# PySide6's Qt namespace is imported where used: this label is built with the window's frame, and touching that
# namespace costs its first paint ~17 ms (see gui.app.loaded_too_early); the frame shows it empty.


class YieldingLabel(QLabel):
    """A permanent status bar label (the schema in use) whose text is shortened with "…" where the bar has no room.

    A message the status bar shows (`showMessage`) is drawn left of the permanent widgets and cut where the first
    one begins: with a long label, a long message ran straight into it ("Geen schemabestand gevonGeen bekend
    formaat…") or, in a narrow window, was not seen at all. While a message shows, this label asks only for
    the room the message leaves; always at least its first few characters. `text()` stays the whole text, and
    the tooltip says it whole when it is shortened.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tip = ""
        self._bar: QStatusBar | None = None
        self.setContentsMargins(GAP // 2, 0, 0, 0)

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt API
        """The label's own explanation; the whole text is added when the label shows it shortened."""
        self._tip = tip
        self._update_tip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        """Show `text` (shortened when there is no room for it)."""
        super().setText(text)
        self._update_tip()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow the status bar it was put in: its messages and its width."""
        super().showEvent(event)
        bar = self.parentWidget()
        if isinstance(bar, QStatusBar) and bar is not self._bar:
            self._bar = bar
            bar.messageChanged.connect(lambda _text: self.updateGeometry())
            bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """The bar got wider or narrower: ask for room again (a layout keeps a size hint until told)."""
        if watched is self._bar and event.type() == QEvent.Type.Resize:
            self.updateGeometry()
        return False

    def _natural(self) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 4

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Its first few characters and the "…"."""
        hint = super().minimumSizeHint()
        short = self.text()[:SHORTEST] + ("…" if len(self.text()) > SHORTEST else "")
        width = self.fontMetrics().horizontalAdvance(short) + self.contentsMargins().left() + 4
        return QSize(min(width, self._natural()), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """The whole text, or what the bar's message and its other widgets leave of the bar."""
        hint = super().sizeHint()
        width = self._natural()
        bar = self._bar
        if bar is not None and bar.currentMessage():
            from PySide6.QtCore import Qt

            others = sum(child.sizeHint().width() + 6 for child in bar.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if child is not self and child.isVisible() and not child.isWindow())
            message = bar.fontMetrics().horizontalAdvance(bar.currentMessage()) + 6 + GAP
            width = min(width, bar.width() - others - message - 12)
        return QSize(max(width, self.minimumSizeHint().width()), hint.height())

    def shown_text(self) -> str:
        """The text as the label shows it now: whole, or shortened with "…" to its width."""
        if not self.text():
            return ""
        from PySide6.QtCore import Qt

        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             max(0, self.contentsRect().width() - 2))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The text, shortened with "…" where the label is narrower than it."""
        if not self.text():
            return
        from PySide6.QtCore import Qt

        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft
                                                                    | Qt.AlignmentFlag.AlignVCenter),
                                  self.palette(), self.isEnabled(), self.shown_text(), QPalette.ColorRole.WindowText)

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Narrower or wider: the tooltip says the whole text only when it is shortened."""
        super().resizeEvent(event)
        self._update_tip()

    def _update_tip(self) -> None:
        shortened = self.shown_text() != self.text()
        super().setToolTip(self.text() + "\n" + self._tip if shortened and self._tip else
                           self.text() if shortened else self._tip)
