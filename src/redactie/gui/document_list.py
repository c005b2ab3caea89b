"""The documents of the repository, grouped by type, with filter-as-you-type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..repository import ContentRepository
from ..summary import quick_fields


class DocumentList(QWidget):
    """Emits `opened(relpath)` when the user picks a document."""

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Zoek op titel, code of label"))
        self.filter.setAccessibleName(self.tr("Documenten filteren"))
        self.filter.setToolTip(self.tr("Toon alleen documenten waarvan de titel, code of labels deze tekst bevatten"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Documentenlijst"))
        self.tree.setToolTip(self.tr("Alle documenten, per soort; dubbelklik of Enter om te openen"))
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self._search: dict[int, str] = {}

    def load(self, repo: ContentRepository, language: str) -> None:
        """Fill the list from the repository."""
        self.tree.clear()
        self._search.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for ref in repo.documents:
            assert ref.doc_type is not None
            group = groups.get(ref.doc_type.name)
            if group is None:
                group = QTreeWidgetItem(self.tree, [ref.doc_type.label.get(language)])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                group.setExpanded(True)
                groups[ref.doc_type.name] = group
            fields = quick_fields(repo.root / ref.path)
            title = fields.get("title") or ref.stem
            item = QTreeWidgetItem(group, [str(title)])
            item.setData(0, Qt.ItemDataRole.UserRole, ref.path)
            item.setToolTip(0, ref.path)
            self._search[id(item)] = " ".join([str(title), ref.path, *map(str, fields.values())]).lower()
        self.apply_filter(self.filter.text())

    def first_document(self) -> str | None:
        """The path of the first document in the list."""
        for row in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(row)
            if group.childCount():
                return group.child(0).data(0, Qt.ItemDataRole.UserRole)
        return None

    def count(self) -> int:
        """How many documents are listed."""
        return sum(self.tree.topLevelItem(r).childCount() for r in range(self.tree.topLevelItemCount()))

    def apply_filter(self, text: str) -> None:
        """Hide documents that do not contain `text`."""
        needle = text.strip().lower()
        for row in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(row)
            for index in range(group.childCount()):
                item = group.child(index)
                item.setHidden(bool(needle) and needle not in self._search.get(id(item), ""))

    def _activated(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, Qt.ItemDataRole.UserRole)
        if path:
            self.opened.emit(path)
