"""A message bar above the document with buttons: for recovered drafts, changes on disk, hard git states."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """A short explanation and one button per way forward; closes itself when a button is used."""

    def __init__(self, name: str, text: str, actions: list[tuple[str, str, Callable[[], None]]],
                 parent: QWidget | None = None, keep_open: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Banner { background: #fff4ce; border: 1px solid #e0c060; }")
        layout = QHBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.closed = False
        for label, tooltip, callback in actions:
            button = QPushButton(label, self)
            button.setAccessibleName(label)
            button.setToolTip(tooltip)
            button.clicked.connect(callback)
            if not keep_open:
                button.clicked.connect(self.close_banner)
            layout.addWidget(button)
            self.buttons[label] = button

    def close_banner(self) -> None:
        """Remove the banner."""
        self.closed = True
        self.hide()
        self.deleteLater()


def name_buttons(box: QDialogButtonBox) -> None:
    """Give a dialog's standard buttons (OK, Cancel, Close) their text as accessible name."""
    for button in box.buttons():
        if not button.accessibleName():
            button.setAccessibleName(button.text().replace("&", ""))
