"""The documents of the repository, grouped by type, with filter-as-you-type and state markers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..catalogue import Entry, entries
from ..repository import ContentRepository
from .tasks import TaskRunner

PATH_ROLE = Qt.ItemDataRole.UserRole


class DocumentList(QWidget):
    """Emits `opened(relpath)` when the user picks a document and `loaded()` when the list is filled."""

    opened = Signal(str)
    loaded = Signal()
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Zoek op titel, code of label"))
        self.filter.setAccessibleName(self.tr("Documenten filteren"))
        self.filter.setToolTip(self.tr("Toon alleen documenten waarvan de titel, code of labels deze tekst bevatten"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        # "Wijziging", not "Status": the document type has a Status field of its own
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Wijziging")])
        self.tree.headerItem().setToolTip(1, self.tr("Of het document nieuw of gewijzigd is sinds de laatst "
                                                     "vastgelegde versie, of fouten bevat"))
        self.tree.setAccessibleName(self.tr("Documentenlijst"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setToolTip(self.tr("Alle documenten, per soort; dubbelklik of Enter om te openen"))
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._clicked)
        # Several documents can be selected (shift/ctrl-click) for a change across documents.
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.select_all_button = QPushButton(self.tr("Alle getoonde selecteren"), self)
        self.select_all_button.setAccessibleName(self.tr("Alle getoonde selecteren"))
        self.select_all_button.setToolTip(self.tr("Selecteer alle documenten die het filter nu toont, om ze samen "
                                                  "te labelen of erin te zoeken en te vervangen"))
        self.select_all_button.clicked.connect(self.select_all_shown)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addWidget(self.select_all_button)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._pending_selection: str | None = None
        self._search: dict[str, str] = {}
        self._validation: dict[str, str] = {}
        self._git: dict[str, str] = {}
        self._drafts: set[str] = set()
        self._remarks: dict[str, str] = {}
        self.ready = False
        self.error: Exception | None = None

    def load(self, repo: ContentRepository, language: str, select: str | None = None) -> None:
        """Read the repository's documents in the background, then fill the list (selecting `select`)."""
        self.ready = False
        self._pending_selection = select
        self.error: Exception | None = None

        def work(task: object) -> list[Entry]:
            repo.vocabularies()  # resolved here, off the GUI thread; a broken schema fails here
            return entries(repo, language)

        self.runner.run("document-list", work, self._fill, self._failed, label=self.tr("Documenten inlezen…"))

    def _failed(self, error: Exception) -> None:
        self.error = error
        self.ready = True
        self.failed.emit(error)

    def _fill(self, found: list[Entry]) -> None:
        selected = self._pending_selection or self.current_path()
        self._pending_selection = None
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.clear()
        self._items.clear()
        self._search.clear()
        self._remarks.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in found:
            group = groups.get(entry.type_name)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.type_label])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                group.setExpanded(True)
                groups[entry.type_name] = group
            item = QTreeWidgetItem(group, [entry.title, ""])
            item.setData(0, PATH_ROLE, entry.path)
            item.setToolTip(0, entry.path)
            self._items[entry.path] = item
            self._search[entry.path] = entry.search
            if entry.remark:
                self._remarks[entry.path] = entry.remark
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._markers()
        self.apply_filter(self.filter.text())
        if selected:
            self.select(selected)
            item = self._items.get(selected)
            if item is not None:
                self.tree.scrollToItem(item)
        self.ready = True
        self.loaded.emit()

    def set_validation(self, severities: dict[str, str]) -> None:
        """Mark documents with errors or warnings."""
        self._validation = severities
        self._markers()

    def set_git(self, kinds: dict[str, str]) -> None:
        """Mark documents that are new, changed or in conflict compared with the last commit."""
        self._git = kinds
        self._markers()

    def set_drafts(self, paths: set[str]) -> None:
        """Mark documents with unsaved work recovered from a draft."""
        self._drafts = paths
        self._markers()

    def _markers(self) -> None:
        # Resizing the status column to its contents after every single change is quadratic: pause it.
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        try:
            self._set_markers()
        finally:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def _set_markers(self) -> None:
        style = self.style()
        icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        git_text = {"new": self.tr("nieuw"), "modified": self.tr("gewijzigd"), "renamed": self.tr("hernoemd"),
                    "conflicted": self.tr("conflict"), "deleted": self.tr("verwijderd")}
        for path, item in self._items.items():
            severity = self._validation.get(path)
            item.setIcon(0, icons.get(severity or "", QIcon()))
            tips = [path]
            if severity == "error":
                tips.append(self.tr("Bevat fouten"))
            elif severity == "warning":
                tips.append(self.tr("Bevat waarschuwingen"))
            state = git_text.get(self._git.get(path, ""), "")
            if path in self._drafts:
                state = ", ".join(filter(None, [state, self.tr("niet opgeslagen werk")]))
            if path in self._remarks:
                state = ", ".join(filter(None, [state, self.tr("niet te openen")]))
                tips.append(self._remarks[path])
            if item.text(1) != state:
                item.setText(1, state)
            if state:
                tips.append(state)
            item.setToolTip(0, " — ".join(tips))

    def first_document(self) -> str | None:
        """The path of the first document in the list that can be opened."""
        for row in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(row)
            for index in range(group.childCount()):
                path = group.child(index).data(0, PATH_ROLE)
                if path not in self._remarks:
                    return path
        return None

    def count(self) -> int:
        """How many documents are listed."""
        return len(self._items)

    def item(self, path: str) -> QTreeWidgetItem | None:
        """The list item of a document."""
        return self._items.get(path)

    def current_path(self) -> str | None:
        """The selected document's path."""
        item = self.tree.currentItem()
        return item.data(0, PATH_ROLE) if item is not None else None

    def select(self, path: str) -> None:
        """Select a document without opening it."""
        item = self._items.get(path)
        if item is not None:
            self.tree.setCurrentItem(item)

    def apply_filter(self, text: str) -> None:
        """Hide documents that do not contain `text`."""
        needle = text.strip().lower()
        for path, item in self._items.items():
            item.setHidden(bool(needle) and needle not in self._search.get(path, ""))

    def selected_paths(self) -> list[str]:
        """The paths of the selected documents, in list order."""
        chosen = {id(item) for item in self.tree.selectedItems()}
        return [path for path, item in self._items.items() if id(item) in chosen]

    def select_all_shown(self) -> None:
        """Select every document the filter shows."""
        self.tree.clearSelection()
        for item in self._items.values():
            if not item.isHidden():
                item.setSelected(True)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        modifiers = QApplication.keyboardModifiers()
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return  # extending the selection, not opening
        self._activated(item)

    def _activated(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.opened.emit(path)
