"""The document list's model: plain rows grouped per document type, filtered in the model, markers by lookup.

Ten thousand documents cost one model reset, not ten thousand items: the view asks only for the rows it
paints. Markers (validation, git state, drafts, remarks) are looked up when a row is painted, so a change of
markers is one `dataChanged` per group, whatever the repository's size.

The structure (groups and how many rows each shows) lives in Qt's own `QStandardItemModel`, with empty
(null) rows under each group: when a group opens, the view lays out each of its rows by asking the model for
the row's index, flags and children, and those answers then come from C++. Answered in Python they cost three
calls into the interpreter per row (a 10,000-row group: ~40 ms of the GUI thread in one turn, more when a
worker holds the interpreter lock); only `data`, asked for the cells in sight, is answered in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import count, repeat
from operator import attrgetter

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel

from ..catalogue import Entry

PATH_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 2
MANY_CHANGED = 500  # more changed rows than this at once: every group is signalled as a whole (see `replace_all`)
_PATH = attrgetter("path")
_SHOWN = attrgetter("title", "remark", "titled")  # what a row shows of its entry besides the markers

Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset(int(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                                          Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, PATH_ROLE))


@dataclass
class Group:
    """The documents of one type: all of them, and those the filter shows (positions in the model's entries)."""

    name: str
    label: str
    rows: list[int] = field(default_factory=list)
    shown: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Marks:
    """What the list shows of a document beside its title."""

    severity: str | None = None  # "error", "warning" or None
    state: str = ""  # the text of the second column
    tooltip: str = ""


class DocumentModel(QStandardItemModel):
    """Groups (document types) as parents, their documents as children; two columns: title and state."""

    # Answers while this object's attributes are gone: a window dropped without being closed is freed by the
    # garbage collector, which may clear this object before Qt, deleting the view, asks it a last time.
    _headers: Sequence[str] = ()
    _header_tip = ""
    groups: Sequence[Group] = ()

    def __init__(self, marks: Callable[[str], Marks], icons: Callable[[str | None], QIcon],
                 headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self._marks = marks
        self._icons = icons
        self._headers = list(headers)
        self._header_tip = ""
        self.entries: list[Entry] = []
        self.groups: list[Group] = []
        self.needle = ""
        self._where: dict[str, tuple[int, int]] = {}  # path -> (group, row among the shown)
        self._position: dict[str, int] = {}  # path -> position in entries
        self._paths: list[str] = []  # each entry's path, in entries' order
        # The title a row shows (its entry's, unless the list reads it when the row is first shown: see Entry.titled)
        self.title_of: Callable[[Entry], str] = lambda entry: entry.title

    # -- filling and filtering -------------------------------------------------------------------------------

    def set_entries(self, found: list[Entry]) -> None:
        """Replace every row (entries sorted by type, then path); keeps the current filter."""
        groups: dict[str, Group] = {}
        for position, entry in enumerate(found):
            group = groups.get(entry.type_name)
            if group is None:
                group = groups[entry.type_name] = Group(entry.type_name, entry.type_label)
            group.rows.append(position)
        self.beginResetModel()
        self.entries = found
        self.groups = list(groups.values())
        self._paths = list(map(_PATH, found))
        self._position = dict(zip(self._paths, range(len(found)), strict=True))  # in C: 30,000 rows, one turn
        self._apply(self.needle)
        self._build()
        self.endResetModel()

    def set_filter(self, needle: str) -> bool:
        """Show only the documents whose search text contains `needle` (lower case); False when nothing changed."""
        if needle == self.needle:
            return False
        self.beginResetModel()
        self._apply(needle)
        self._build()
        self.endResetModel()
        return True

    def _apply(self, needle: str) -> None:
        self.needle = needle
        entries = self.entries
        for group in self.groups:
            group.shown = [n for n in group.rows if needle in entries[n].search] if needle else list(group.rows)
        where: dict[str, tuple[int, int]] = {}
        for g, group in enumerate(self.groups):  # per group in C: 30,000 rows in one turn
            where.update(zip(map(self._paths.__getitem__, group.shown), zip(repeat(g), count()), strict=False))
        self._where = where

    def _build(self) -> None:
        """The groups as items, each with as many empty rows as it shows (inside a reset: no signal per change)."""
        blocked = self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            for group in self.groups:
                item = QStandardItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: neither selected nor opened
                item.setColumnCount(COLUMNS)
                item.setRowCount(len(group.shown))  # null rows: Qt answers their index, flags and children
                self.appendRow([item, _heading_cell()])
        finally:
            self.blockSignals(blocked)

    def replace_all(self, found: list[Entry]) -> bool:
        """Take `found` in place of the rows when it lists the same documents in the same order and the filter
        would show the same ones (only titles and search texts changed): no reset, the view keeps its state.
        False (nothing done) otherwise."""
        if list(map(_PATH, found)) != self._paths:
            return False
        if self.needle and any((self.needle in new.search) != (self.needle in old.search)
                               for new, old in zip(found, self.entries, strict=True)):
            return False
        changed: set[str] = set()
        for new, shown_now, shown_before in zip(found, map(_SHOWN, found), map(_SHOWN, self.entries), strict=True):
            if shown_now != shown_before:
                changed.add(new.path)
                if len(changed) > MANY_CHANGED:
                    break  # every group is signalled (below): which other rows changed does not matter
        self.entries = found
        # Only these rows repaint: a signal over every row costs the view a walk over all of them. When most rows
        # changed (titles read at a first start), one signal per group is cheaper than finding their runs.
        if len(changed) > MANY_CHANGED:
            self.marks_changed()
        elif changed:
            self.marks_changed(changed)
        return True

    # -- answering -------------------------------------------------------------------------------------------

    def entry(self, path: str) -> Entry | None:
        """The listed document at `path`, shown or not."""
        position = self._position.get(path)
        return self.entries[position] if position is not None else None

    def is_shown(self, path: str) -> bool:
        """True when the filter shows the document."""
        return path in self._where

    def index_of(self, path: str, column: int = 0) -> QModelIndex:
        """The model index of a shown document (invalid when hidden or unknown)."""
        where = self._where.get(path)
        return self.index(where[1], column, self.index(where[0], 0)) if where else QModelIndex()

    def _entry_at(self, index: Index) -> Entry | None:
        group = index.parent()
        if not group.isValid():
            return None
        return self.entries[self.groups[group.row()].shown[index.row()]]

    def path_at(self, index: Index) -> str | None:
        """The document path of a row, or None for a group row."""
        if not index.isValid():
            return None
        entry = self._entry_at(index)
        return entry.path if entry is not None else None

    def shown_paths(self) -> list[str]:
        """Every shown document's path, in list order."""
        return [self.entries[n].path for group in self.groups for n in group.shown]

    def all_paths(self) -> list[str]:
        """Every listed document's path, in list order."""
        return [entry.path for entry in self.entries]

    def changed_runs(self, paths: set[str]) -> list[tuple[int, int, int]]:
        """The shown rows of `paths` as runs of neighbours: (group, first row, last row)."""
        where = self._where
        rows = sorted(where[path] for path in paths if path in where)
        runs: list[tuple[int, int, int]] = []
        for group, row in rows:
            if runs and runs[-1][0] == group and runs[-1][2] == row - 1:
                runs[-1] = (group, runs[-1][1], row)
            else:
                runs.append((group, row, row))
        return runs

    def rows_changed(self, group: int, first: int, last: int) -> None:
        """Rows first..last of a group show something else now (both columns)."""
        parent = self.index(group, 0)
        self.dataChanged.emit(self.index(first, 0, parent), self.index(last, COLUMNS - 1, parent))

    def marks_changed(self, paths: set[str] | None = None) -> None:
        """Markers of `paths` (None: of every document) changed: one signal per run of neighbouring rows."""
        if paths is None:
            for number, group in enumerate(self.groups):
                if group.shown:
                    self.rows_changed(number, 0, len(group.shown) - 1)
            return
        for run in self.changed_runs(paths):
            self.rows_changed(*run)

    # -- QAbstractItemModel: only what is asked for the cells in sight ---------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: the column titles; the state column explains itself in a tooltip."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return self._header_tip or None
        return None

    def set_header_tip(self, text: str) -> None:
        """The tooltip of the state column's header."""
        self._header_tip = text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt: title, state, icon, tooltip and path of a row."""
        if role not in _ROLES or not index.isValid() or not self.groups:  # a cell is asked ~9 roles, most unanswered
            return None
        group = index.parent()
        if not group.isValid():
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and index.column() == 0:
                return self.groups[index.row()].label
            return None
        entry = self.entries[self.groups[group.row()].shown[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.title_of(entry) if column == 0 else self._marks(entry.path).state
        if role == PATH_ROLE:
            return entry.path
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            severity = self._marks(entry.path).severity
            return self._icons(severity) if severity else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return self._marks(entry.path).tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.title_of(entry) if column == 0 else self._marks(entry.path).state
        return None


def _heading_cell() -> QStandardItem:
    """The second column of a group's row: empty, and like its heading neither selected nor opened."""
    item = QStandardItem()
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    return item
