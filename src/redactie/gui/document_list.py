"""The documents of the repository, grouped by type, with filter-as-you-type and state markers."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent
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
from ..index import gc_paused
from ..repository import ContentRepository
from .tasks import Task, TaskRunner

PATH_ROLE = Qt.ItemDataRole.UserRole
FILL_CHUNK = 250  # rows whose markers are brought up to date per turn of the event loop
FILL_BATCH = 100  # rows added to the tree at once while filling
FILL_BUDGET_S = 0.015  # filling adds batches for this long per turn of the event loop, then lets it run


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
        self.filter.returnPressed.connect(self._open_first_shown)  # type a title, Enter: it opens
        self.filter.installEventFilter(self)  # Down: into the list
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)  # rows are one line: the view need not measure each one
        # "Wijziging", not "Status": the document type has a Status field of its own
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Wijziging")])
        self.tree.headerItem().setToolTip(1, self.tr("Of het document nieuw of gewijzigd is sinds de laatst "
                                                     "vastgelegde versie, of fouten bevat"))
        self.tree.setAccessibleName(self.tr("Documentenlijst"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The status column is as wide as its longest possible text: measuring every row (ResizeToContents)
        # costs time proportional to the repository on every marker change.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
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
        self._shown: dict[str, tuple[str | None, str, bool]] = {}
        self._hidden: set[str] = set()
        self._marker_generation = 0
        self._pending_fill: list[Entry] | None = None
        self._fill_selected: str | None = None
        self._groups: dict[str, QTreeWidgetItem] = {}
        self.ready = False
        self.error: Exception | None = None

    def load(self, repo: ContentRepository, language: str, select: str | None = None) -> None:
        """Read the repository's documents in the background, then fill the list (selecting `select`)."""
        self.ready = False
        self._pending_fill = None  # an unfinished fill of an older reading stops: it would report itself ready
        self._pending_selection = select
        self.error: Exception | None = None

        def work(task: Task) -> list[Entry] | None:
            # Each changed file is read once into the index (unchanged ones come from its cache); the list,
            # the relation choices and the macros then answer from it.
            if not repo.sync_index(task.cancel.is_set, lambda done, total: task.progress("", done * 100 // total)):
                return None
            repo.vocabularies()  # resolved here, off the GUI thread; a broken schema fails here
            repo.index.save()  # with the vocabularies' own files, which they have just read: none next time
            # No gc.freeze() here: it would make everything alive at that moment permanent, including the
            # garbage of closed windows and older readings, which then grows with every reading of the list.
            with gc_paused():
                return entries(repo, language)

        self.runner.run("document-list", work, self._fill, self._failed, label=self.tr("Documenten inlezen…"))

    def _failed(self, error: Exception) -> None:
        self.error = error
        self.ready = True
        self.failed.emit(error)

    def _fill(self, found: list[Entry] | None) -> None:
        if found is None:
            return  # cancelled: a newer reading of the list follows
        self._pending_fill = found
        self._fill_selected = self._pending_selection or self.current_path()
        self._pending_selection = None
        self.tree.clear()
        self._items.clear()
        self._search.clear()
        self._remarks.clear()
        self._groups = {}
        self._shown = {}
        self._hidden = set()
        self._fill_chunk(found, 0)

    def _fill_chunk(self, found: list[Entry], start: int) -> None:
        """Add the next rows; a long list is built over several turns of the event loop, so it never stalls."""
        if found is not self._pending_fill:
            return  # a newer list replaced this one
        # As many rows as fit in a short time slice: every turn of the event loop in between costs a layout
        # and a paint of the growing tree, so fewer, fuller turns fill a long list sooner, never stalling.
        deadline = time.perf_counter() + FILL_BUDGET_S
        end = start
        while end < len(found) and (end == start or time.perf_counter() < deadline):
            end = self._add_rows(found, end, min(len(found), end + FILL_BATCH))
        if end < len(found):
            QTimer.singleShot(0, lambda: self._fill_chunk(found, end))
        elif start > 0:
            QTimer.singleShot(0, lambda: self._finish_fill(found))  # the last rows and the finishing: two turns
        else:
            self._finish_fill(found)  # a short list: at once

    def _finish_fill(self, found: list[Entry]) -> None:
        """Every row is there: markers, filter and selection, then `loaded`."""
        if found is not self._pending_fill:
            return
        self._pending_fill = None
        self._markers()
        self.apply_filter(self.filter.text())
        if self._fill_selected:
            self.select(self._fill_selected)
            item = self._items.get(self._fill_selected)
            if item is not None:
                self.tree.scrollToItem(item)
        self.ready = True
        self.loaded.emit()

    def _add_rows(self, found: list[Entry], start: int, end: int) -> int:
        """Add the rows of found[start:end] under their groups; returns `end`."""
        batches: dict[str, list[QTreeWidgetItem]] = {}
        for entry in found[start:end]:
            group = self._groups.get(entry.type_name)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.type_label])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                group.setExpanded(True)
                self._groups[entry.type_name] = group
            item = QTreeWidgetItem([entry.title, ""])
            item.setData(0, PATH_ROLE, entry.path)
            item.setToolTip(0, entry.path)
            batches.setdefault(entry.type_name, []).append(item)
            self._items[entry.path] = item
            self._search[entry.path] = entry.search
            if entry.remark:
                self._remarks[entry.path] = entry.remark
        for type_name, items in batches.items():
            self._groups[type_name].addChildren(items)  # one insertion for the view, not one per row
        return end

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
        """Bring the rows' markers up to date, a few hundred rows per turn of the event loop."""
        self._marker_generation += 1
        wanted = {path: (self._validation.get(path), self._git.get(path, ""), path in self._drafts)
                  for path in self._items}
        changed = [path for path, marks in wanted.items() if self._shown.get(path, (None, "", False)) != marks
                   or (path in self._remarks and path not in self._shown)]  # a remark is shown once
        self._mark_chunk(changed, wanted, 0, self._marker_generation)

    def _mark_chunk(self, changed: list[str], wanted: dict[str, tuple[str | None, str, bool]], start: int,
                    generation: int) -> None:
        if generation != self._marker_generation:
            return  # newer markers arrived: that pass covers these rows too
        end = min(len(changed), start + FILL_CHUNK)
        self._set_markers(changed[start:end], wanted)
        if end < len(changed):
            QTimer.singleShot(0, lambda: self._mark_chunk(changed, wanted, end, generation))
        else:
            self._fit_status_column()

    def _fit_status_column(self) -> None:
        texts = [self.tr("nieuw"), self.tr("gewijzigd"), self.tr("hernoemd"), self.tr("conflict"),
                 self.tr("verwijderd"), self.tr("Wijziging")]
        shown = {item.text(1) for item in (self._items[p] for p in self._git.keys() | self._drafts
                                           if p in self._items)}
        metrics = self.tree.fontMetrics()
        width = max(metrics.horizontalAdvance(text) for text in [*texts, *shown]) + 24
        if self.tree.header().sectionSize(1) < width:
            self.tree.header().resizeSection(1, width)

    def _set_markers(self, paths: list[str], wanted: dict[str, tuple[str | None, str, bool]]) -> None:
        style = self.style()
        icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        git_text = {"new": self.tr("nieuw"), "modified": self.tr("gewijzigd"), "renamed": self.tr("hernoemd"),
                    "conflicted": self.tr("conflict"), "deleted": self.tr("verwijderd")}
        for path in paths:
            item = self._items.get(path)
            if item is None:
                continue
            severity, git_state, draft = self._shown[path] = wanted[path]
            item.setIcon(0, icons.get(severity or "", QIcon()))
            tips = [path]
            if severity == "error":
                tips.append(self.tr("Bevat fouten"))
            elif severity == "warning":
                tips.append(self.tr("Bevat waarschuwingen"))
            state = git_text.get(git_state, "")
            if draft:
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
        """Hide documents that do not contain `text` (only rows whose visibility changes are touched)."""
        needle = text.strip().lower()
        hidden = {path for path, words in self._search.items() if needle not in words} if needle else set()
        for path in hidden ^ self._hidden:
            item = self._items.get(path)
            if item is not None:
                item.setHidden(path in hidden)
        self._hidden = hidden

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

    def focus_filter(self) -> None:
        """Put the keyboard in the filter with its text selected (Ctrl+F), ready to type a new search."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def first_shown(self) -> QTreeWidgetItem | None:
        """The first document the filter shows, in list order."""
        return next((item for item in self._items.values() if not item.isHidden()
                     and not (item.parent() is not None and item.parent().isHidden())), None)

    def _open_first_shown(self) -> None:
        item = self.first_shown()
        if item is not None:
            self.tree.setCurrentItem(item)
            self._activated(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Down in the filter moves to the first document it shows."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and not event.modifiers():
            item = self.first_shown()
            self.tree.setFocus(Qt.FocusReason.TabFocusReason)
            if item is not None:
                self.tree.setCurrentItem(item)
            return True
        return super().eventFilter(watched, event)

    def _activated(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.opened.emit(path)
