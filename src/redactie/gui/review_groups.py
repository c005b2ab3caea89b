"""Bulk changes in the review: the group row of the file list and the bar with "Ongedaan maken"."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QWidget

from ..bulk.groups import Group

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # a group row holds its bulk change's id here


def member_icon() -> QIcon:
    """A tree guide (└) before a group's file: its text, wrapped lines too, stands indented under the group."""
    pixmap = QPixmap(22, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#8a8a8a"), 1))
    painter.drawLine(10, 0, 10, 8)
    painter.drawLine(10, 8, 20, 8)
    painter.end()
    return QIcon(pixmap)


def group_ident(item: QListWidgetItem | None) -> str | None:
    """The bulk change id of a group row, None for a file row."""
    return item.data(GROUP_ROLE) if item is not None else None


def tick_state(states: list[Qt.CheckState]) -> Qt.CheckState:
    """A group's tick box from its files' boxes: all, none or some."""
    if states and all(s == Qt.CheckState.Checked for s in states):
        return Qt.CheckState.Checked
    if not any(s == Qt.CheckState.Checked for s in states):
        return Qt.CheckState.Unchecked
    return Qt.CheckState.PartiallyChecked


class GroupBar(QWidget):
    """The bulk change of the current row, with "Ongedaan maken" of the whole change (after confirmation)."""

    undo_requested = Signal(object)  # the Group

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.group: Group | None = None
        self.confirm: QMessageBox | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Bulkwijziging"))
        row.addWidget(self.label, 1)
        self.undo_button = QPushButton(self.tr("Ongedaan maken"), self)
        self.undo_button.setAccessibleName(self.tr("Bulkwijziging ongedaan maken"))
        self.undo_button.setToolTip(self.tr("Zet alle bestanden van deze bulkwijziging terug zoals ze waren; kan "
                                            "alleen zolang ze niet is vastgelegd"))
        self.undo_button.clicked.connect(self.ask)
        row.addWidget(self.undo_button)
        self.hide()

    def group_row(self, files: QListWidget, group: Group) -> QListWidgetItem:
        """Add the group's own row to the file list: its message and a tick box for all its files."""
        count = len(group.paths)
        files_text = self.tr("%n bestanden", "", count)
        item = QListWidgetItem(f"▾ {group.message(self.language)} ({files_text})", files)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setData(GROUP_ROLE, group.ident)
        item.setToolTip(self.tr("Eén bulkwijziging: vink aan of uit om al haar bestanden samen vast te leggen of "
                                "niet"))
        return item

    def member_text(self, group: Group, path: str, text: str) -> str:
        """A group's file row: its text, marked when it was edited by hand after the bulk change."""
        return f"{text} — {self.tr('daarna met de hand gewijzigd')}" if path in group.edited else text

    def show_group(self, group: Group | None) -> None:
        """Show the bar for this group, or hide it."""
        self.group = group
        self.setVisible(group is not None)
        if group is None:
            return
        text = self.tr("Bulkwijziging: %1").replace("%1", group.message(self.language))
        if group.edited:
            text += " — " + self.tr("met de hand gewijzigd daarna: %1").replace("%1", ", ".join(group.edited))
        self.label.setText(text)

    def overview_html(self, group: Group) -> str:
        """The summary view for a group row: its message, its files, renames and hand edits."""
        out = [f"<p><b>{html.escape(group.message(self.language))}</b></p>",
               "<p>" + html.escape(self.tr("Deze bestanden zijn samen in één bulkwijziging veranderd. Met "
                                           "'Ongedaan maken' zet u ze allemaal terug.")) + "</p><ul>"]
        for path in group.paths:
            line = html.escape(path)
            if path in group.renamed:
                line = html.escape(self.tr("%1 hernoemd naar %2").replace("%1", group.renamed[path])
                                   .replace("%2", path))
            if path in group.edited:
                line += " — <i>" + html.escape(self.tr("daarna met de hand gewijzigd")) + "</i>"
            out.append(f"<li>{line}</li>")
        return "".join(out) + "</ul>"

    def ask(self) -> None:
        """Ask before undoing the whole bulk change."""
        group = self.group
        if group is None:
            return
        count = len(group.journal.files)
        files_text = self.tr("%n bestanden", "", count)
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Bulkwijziging ongedaan maken?"),
                                   self.tr("'%1' ongedaan maken? Alle %2 worden teruggezet zoals ze waren "
                                           "(hernoemde bestanden krijgen hun oude naam terug).")
                                   .replace("%1", group.message(self.language)).replace("%2", files_text),
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        self.confirm.setAccessibleName(self.tr("Bulkwijziging ongedaan maken?"))
        yes = self.confirm.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Ongedaan maken"))
        yes.setAccessibleName(self.tr("Ongedaan maken"))
        cancel = self.confirm.button(QMessageBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuleren"))
        cancel.setAccessibleName(self.tr("Annuleren"))
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes.clicked.connect(lambda: self.undo_requested.emit(group))
        self.confirm.open()
