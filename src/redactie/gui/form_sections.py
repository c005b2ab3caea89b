"""The document's body sections in the form: one titled box with a section editor per section, kept from one
open to the next and refilled, as the form's fields are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from .section_edit import SectionEdit


class SectionBox(QGroupBox):
    """A section's title and editor; `name` is the section it shows now, `editable` whether it may be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.edit = SectionEdit(self)
        layout.addWidget(self.edit)
        self.name = ""
        self.editable = True
        self._palette = QPalette(self.edit.palette())  # an editable section's look, for when it is one again
        self._title = ""

    # A group box is at least as wide as its title, and a title never wraps: one long section heading made the
    # whole form wider than its pane (a sideways scroll bar, every field cut at the right). The box shows its
    # title shortened in its middle ("…": its end, such as "(alleen lezen)", stays) where it lacks the room;
    # `title()` is the whole title, also for screen readers.

    def title(self) -> str:  # noqa: D102 - QGroupBox's, the whole title
        return self._title

    def setTitle(self, title: str) -> None:  # noqa: N802, D102 - Qt API
        self._title = title
        self.setAccessibleName(title)
        self._fit_title()

    def minimumSizeHint(self) -> QSize:  # noqa: N802, D102 - Qt API
        hint = super().minimumSizeHint()
        layout = self.layout()
        return QSize(min(hint.width(), layout.minimumSize().width()), hint.height()) if layout else hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802, D102 - Qt API
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        room = self.width() - 2 * self.fontMetrics().averageCharWidth() - 8  # the frame's indent on both sides
        shown = self.fontMetrics().elidedText(self._title, Qt.TextElideMode.ElideMiddle, max(room, 0))
        if super().title() != shown:
            super().setTitle(shown)
            self.setToolTip(self._title if shown != self._title else "")

    def show_section(self, name: str, text: str, editable: bool) -> None:
        """Show another section as a new box would: its text from the start, nothing of the last one's view.

        The spelling is taken off first: the caller checks it in a later turn (`FormView._spell_next`), so the
        open's own turn only colours.
        """
        self.name, self.editable = name, editable
        self.edit.highlighter.speller = None
        self.edit.show_text(text)
        if editable:
            if self.title() != name:  # a new title lays the box out again
                self.setTitle(name)
            if self.edit.isReadOnly():
                self.edit.setReadOnly(False)
                self.edit.setPalette(self._palette)


SPARE_BOXES = 16  # boxes kept (hidden) beyond the open document's, for a next document with more sections


class SectionBoxes:
    """The boxes of the open document's sections, in order, in a container widget; reused for the next document.

    Boxes the open document does not need stay, hidden, up to SPARE_BOXES in all, and `make_spare` makes such
    boxes ahead while the window is idle: a document with more sections than the last one then shows boxes that
    exist instead of making them in its open's turn.
    """

    def __init__(self, container: QWidget, make: Callable[[], SectionBox]) -> None:
        self.container = container
        self.layout = container.layout()
        self.boxes: list[SectionBox] = []
        self._make = make

    def take(self, count: int) -> tuple[list[SectionBox], bool]:
        """`count` boxes for the next document (kept ones shown, more made, the rest hidden); with whether any box
        is new (the focus chain then needs setting again)."""
        while len(self.boxes) > max(count, SPARE_BOXES):
            box = self.boxes.pop()
            self.layout.removeWidget(box)
            box.hide()  # gone at once, also for code that looks for editors before deletion
            box.deleteLater()
        for box in self.boxes[count:]:
            if not box.isHidden():
                box.hide()
                box.edit.setAccessibleName("")  # no longer a section of the document shown
        made = len(self.boxes) < count
        if made:
            # Added while hidden and shown once: each box added to a visible container would show itself in a
            # later event, and each of those showings lays the whole window out again.
            hidden = not self.container.isHidden()
            self.container.hide()
            while len(self.boxes) < count:
                self._add(shown=True)
            if hidden:
                self.container.show()
        for box in self.boxes[:count]:
            if box.isHidden():
                box.show()
        return self.boxes[:count], made

    def make_spare(self) -> bool:
        """Make one hidden box ahead; False when SPARE_BOXES are there already."""
        if len(self.boxes) >= SPARE_BOXES:
            return False
        self._add(shown=False)
        return True

    def _add(self, shown: bool) -> None:
        box = self._make()
        if not shown:
            box.hide()  # explicitly: a box added to a shown container would otherwise show itself
        self.layout.addWidget(box)
        self.boxes.append(box)

    def clear(self) -> None:
        """Hide every box (no document shows sections)."""
        self.take(0)
