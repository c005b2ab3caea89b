"""The formatting toolbar above the sections: it acts on the section editor that has, or last had, the focus."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton, QWidget

from .formatting import FormatCommands, FormatSpec, icon
from .section_edit import SectionEdit


class FormatToolBar(QToolBar):
    """Bold, italic, links, lists, quote and the site's boxes: the same commands as the shortcuts and the menu.

    Disabled while no section editor had the focus yet, and for a read-only section.
    """

    def __init__(self, area: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area  # only section editors inside this widget are followed
        self.setAccessibleName(self.tr("Opmaak"))
        self.setToolTip(self.tr("Opmaak voor de sectie waarin u typt"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        size = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize)
        self.setIconSize(QSize(size + 4, size + 4))
        self.setMovable(False)
        self.target: SectionEdit | None = None
        self.buttons: dict[str, QToolButton] = {}
        commands = FormatCommands(self)
        specs = commands.specs()
        boxes = QMenu(commands.admonition_menu_title(), self)
        boxes.setToolTipsVisible(True)
        for spec in specs:
            if spec.key.startswith("admonition-"):
                boxes.addAction(self._action(spec, boxes))
                continue
            if spec.key == "bullet":
                self.addSeparator()
            self.addAction(self._action(spec, self))
            self.buttons[spec.key] = self._button(spec.key, spec.text)
        self.addSeparator()
        admonitions = QToolButton(self)
        admonitions.setMenu(boxes)
        admonitions.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        admonitions.setIcon(icon("admonition"))
        admonitions.setText(commands.admonition_menu_title())
        admonitions.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        admonitions.setAccessibleName(commands.admonition_menu_title())
        admonitions.setToolTip(commands.admonition_menu_tip())
        self.addWidget(admonitions)
        self.buttons["admonitions"] = admonitions
        self.boxes_menu = boxes
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._update()

    def _action(self, spec: FormatSpec, owner: QWidget) -> QAction:
        action = QAction(icon(spec.icon), spec.text, owner)
        action.setToolTip(spec.tooltip())
        action.setObjectName(spec.key)
        action.triggered.connect(lambda _=False, key=spec.key: self.run(key))
        return action

    def _button(self, key: str, text: str) -> QToolButton:
        button = self.widgetForAction(next(a for a in self.actions() if a.objectName() == key))
        assert isinstance(button, QToolButton)
        button.setAccessibleName(text)
        if button.icon().isNull():  # no icon found: the name is shown instead
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def run(self, key: str) -> None:
        """Do a command on the section editor that has or last had the focus, as its own shortcut would."""
        target = self._live_target()
        if target is None or target.isReadOnly():
            return
        target.setFocus()
        target.format_actions[key].trigger()

    def _live_target(self) -> SectionEdit | None:
        target = self.target
        try:
            alive = target is not None and not target.isHidden() and self.area.isAncestorOf(target)
        except RuntimeError:  # the editor was deleted with the document it showed
            alive = False
        if not alive:
            self.target = None
        return self.target

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, SectionEdit) and self.area.isAncestorOf(new):
            self.target = new
            self._update()

    def follow(self, edit: SectionEdit | None) -> None:
        """Act on this editor from now on (None: on none, e.g. when another document opens)."""
        self.target = edit
        self._update()

    def _update(self) -> None:
        target = self._live_target()
        usable = target is not None and not target.isReadOnly()
        for action in self.actions():
            action.setEnabled(usable)
        for button in self.buttons.values():
            button.setEnabled(usable)
        for action in self.boxes_menu.actions():
            action.setEnabled(usable)
