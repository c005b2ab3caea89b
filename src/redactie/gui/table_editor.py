"""The "Tabel bewerken" dialog: a Markdown table's cells as a grid, with rows and columns to add, remove and move."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..mdtable import Grid

HEADER_BACKGROUND = QColor("#dde6f3")


class CellDelegate(QStyledItemDelegate):
    """Edits a cell in a small text box: Enter keeps the text, Shift+Enter starts a new line in the cell."""

    replace_next = False  # set by the view when a typed character opens the editor

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: QModelIndex) -> QWidget:
        """A plain text box (a cell may hold more than one line)."""
        editor = QPlainTextEdit(parent)
        editor.setAccessibleName(self.tr("Celtekst"))
        editor.setToolTip(self.tr("Enter: klaar; Shift+Enter: nieuwe regel in de cel (op de website een "
                                  "regelafbreking)"))
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802 - Qt API
        """Put the cell's text in the box: selected when typing opened it (typing replaces the text, as in a
        spreadsheet), otherwise with the cursor at the end (F2, double-click)."""
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        if self.replace_next:
            editor.selectAll()
        else:
            editor.moveCursor(editor.textCursor().MoveOperation.End)
        self.replace_next = False

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802 - Qt API
                     index: QModelIndex) -> None:
        """Put the box's text in the cell."""
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText().replace("\u2029", "\n"), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Enter (without Shift) ends editing, as in a spreadsheet."""
        if (isinstance(editor, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                editor.textCursor().insertText("\n")
                return True
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class TableEditor(QDialog):
    """The grid of one table; `grid()` is the edited grid after OK. Row 0 of the view is the header row."""

    def __init__(self, grid: Grid, parent: QWidget | None = None, new: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tabel invoegen") if new else self.tr("Tabel bewerken"))
        self.setAccessibleName(self.windowTitle())
        self._grid = grid.copy()
        self._undo: list[Grid] = []
        self._filling = False
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("De eerste rij is de kop van de tabel. Dubbelklik of typ in een cel om haar te "
                              "wijzigen; alleen de rijen die u wijzigt worden anders in het document."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(self)
        self.table.setAccessibleName(self.tr("Cellen van de tabel"))
        self.table.setToolTip(self.tr("De cellen van de tabel; de eerste rij (blauw) is de kop. Enter bevestigt "
                                      "een cel, Shift+Enter maakt een nieuwe regel in de cel."))
        self.delegate = CellDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.installEventFilter(self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrow keys move between cells
        self.table.horizontalHeader().setDefaultSectionSize(220)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._cell_changed)
        self.table.currentCellChanged.connect(lambda *_: self._update_controls())
        layout.addWidget(self.table, 1)
        self.buttons: dict[str, QPushButton] = {}
        rows = QHBoxLayout()
        columns = QHBoxLayout()
        for key, box, label, tip, keys in (
            ("add-row", rows, self.tr("Rij toevoegen"), self.tr("Een lege rij onder de huidige rij"), "Ctrl+Return"),
            ("remove-row", rows, self.tr("Rij verwijderen"), self.tr("Verwijder de huidige rij (niet de kop)"),
             "Ctrl+Shift+Backspace"),
            ("row-up", rows, self.tr("Rij omhoog"), self.tr("Zet de huidige rij een plaats hoger"), "Alt+Up"),
            ("row-down", rows, self.tr("Rij omlaag"), self.tr("Zet de huidige rij een plaats lager"), "Alt+Down"),
            ("add-column", columns, self.tr("Kolom toevoegen"), self.tr("Een lege kolom rechts van de huidige kolom"),
             "Ctrl+Shift+Return"),
            ("remove-column", columns, self.tr("Kolom verwijderen"),
             self.tr("Verwijder de huidige kolom met al haar cellen (een tabel houdt minstens één kolom)"),
             "Ctrl+Shift+Delete"),
            ("column-left", columns, self.tr("Kolom naar links"), self.tr("Zet de huidige kolom een plaats naar "
                                                                          "links"), "Alt+Left"),
            ("column-right", columns, self.tr("Kolom naar rechts"), self.tr("Zet de huidige kolom een plaats naar "
                                                                            "rechts"), "Alt+Right"),
        ):
            button = QPushButton(label, self)
            shortcut = QKeySequence(keys)
            button.setAccessibleName(label)
            button.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
            action = QAction(label, self)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, k=key: self.perform(k))
            self.addAction(action)
            button.clicked.connect(lambda _=False, k=key: self.perform(k))
            box.addWidget(button)
            self.buttons[key] = button
        rows.addStretch(1)
        self.alignment = QComboBox(self)
        self.alignment.setAccessibleName(self.tr("Uitlijning van de kolom"))
        self.alignment.setToolTip(self.tr("Hoe de website de tekst in de huidige kolom uitlijnt (de dubbele "
                                          "punten in de scheidingsregel van de tabel)"))
        for text, value in ((self.tr("Standaard"), None), (self.tr("Links"), "left"), (self.tr("Midden"), "center"),
                            (self.tr("Rechts"), "right")):
            self.alignment.addItem(text, value)
        self.alignment.activated.connect(self._alignment_chosen)
        alignment_label = QLabel(self.tr("Uitlijning:"), self)
        alignment_label.setBuddy(self.alignment)
        columns.addWidget(alignment_label)
        columns.addWidget(self.alignment)
        columns.addStretch(1)
        self.undo_button = QPushButton(self.tr("Ongedaan maken"), self)
        self.undo_button.setAccessibleName(self.tr("Ongedaan maken"))
        self.undo_button.setToolTip(self.tr("Maak de laatste wijziging in deze tabel ongedaan (%1)").replace(
            "%1", QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)))
        self.undo_button.clicked.connect(self.undo)
        undo = QAction(self.tr("Ongedaan maken"), self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(self.undo)
        self.addAction(undo)
        columns.addWidget(self.undo_button)
        layout.addLayout(rows)
        layout.addLayout(columns)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setAccessibleName(self.tr("OK"))
        ok.setToolTip(self.tr("Zet de tabel in de sectie; alleen de gewijzigde rijen worden herschreven"))
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuleren"))
        cancel.setAccessibleName(self.tr("Annuleren"))
        cancel.setToolTip(self.tr("Sluit zonder iets in de sectie te veranderen"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(900, 460)
        self._fill()
        self.table.setCurrentCell(1 if self._grid.rows else 0, 0)

    def grid(self) -> Grid:
        """The grid as edited (a cell still being typed in counts)."""
        self._commit_open_editor()
        return self._grid.copy()

    def _commit_open_editor(self) -> None:
        editor = self.table.focusWidget() if self.table.state() == QAbstractItemView.State.EditingState else None
        if isinstance(editor, QPlainTextEdit):
            self.table.commitData(editor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Note when a typed character (not a shortcut) is about to open a cell's editor."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and self.table.state() != QAbstractItemView.State.EditingState and event.text().isprintable()
                and event.text() and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                              | Qt.KeyboardModifier.AltModifier)):
            self.delegate.replace_next = True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Fit the rows to their text once the columns have their real width."""
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def accept(self) -> None:
        """OK: keep what is typed in an open cell too."""
        self._commit_open_editor()
        super().accept()

    # ---- the view ------------------------------------------------------------------------------------------

    def _fill(self) -> None:
        """Show the grid in the table widget."""
        grid = self._grid
        self._filling = True
        try:
            self.table.clear()
            self.table.setColumnCount(grid.width)
            self.table.setRowCount(1 + len(grid.rows))
            bold = QFont(self.table.font())
            bold.setBold(True)
            for r, cells in enumerate([grid.header, *grid.rows]):
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if r == 0:
                        item.setFont(bold)
                        item.setBackground(QBrush(HEADER_BACKGROUND))
                        item.setToolTip(self.tr("Kop van kolom %1").replace("%1", str(c + 1)))
                    item.setTextAlignment(self._qt_alignment(grid.alignments[c]))
                    self.table.setItem(r, c, item)
            self.table.setVerticalHeaderLabels([self.tr("Kop"), *(str(n) for n in range(1, len(grid.rows) + 1))])
            names = {None: "", "left": self.tr(" (links)"), "center": self.tr(" (midden)"),
                     "right": self.tr(" (rechts)")}
            self.table.setHorizontalHeaderLabels([self.tr("Kolom %1").replace("%1", str(c + 1))
                                                  + names[grid.alignments[c]] for c in range(grid.width)])
            self.table.resizeRowsToContents()
        finally:
            self._filling = False
        self._update_controls()

    @staticmethod
    def _qt_alignment(alignment: str | None) -> Qt.AlignmentFlag:
        horizontal = {"center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight}.get(
            alignment or "", Qt.AlignmentFlag.AlignLeft)
        return horizontal | Qt.AlignmentFlag.AlignVCenter

    def _update_controls(self) -> None:
        row, column = self.table.currentRow(), self.table.currentColumn()
        body = row - 1  # -1: the header row
        count = len(self._grid.rows)
        self.buttons["remove-row"].setEnabled(body >= 0)
        self.buttons["row-up"].setEnabled(body >= 1)
        self.buttons["row-down"].setEnabled(0 <= body < count - 1)
        self.buttons["remove-column"].setEnabled(self._grid.width > 1 and column >= 0)
        self.buttons["column-left"].setEnabled(column >= 1)
        self.buttons["column-right"].setEnabled(0 <= column < self._grid.width - 1)
        self.alignment.setEnabled(column >= 0)
        if column >= 0:
            self.alignment.setCurrentIndex(self.alignment.findData(self._grid.alignments[column]))
        self.undo_button.setEnabled(bool(self._undo))

    # ---- changes -------------------------------------------------------------------------------------------

    def _remember(self) -> None:
        self._undo.append(self._grid.copy())

    def undo(self) -> None:
        """Take back the last change made in this dialog."""
        if self.table.state() == QAbstractItemView.State.EditingState or not self._undo:
            return
        row, column = self.table.currentRow(), self.table.currentColumn()
        self._grid = self._undo.pop()
        self._fill()
        self.table.setCurrentCell(min(row, len(self._grid.rows)), min(column, self._grid.width - 1))

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = item.row(), item.column()
        cells = self._grid.header if row == 0 else self._grid.rows[row - 1]
        if cells[column] == item.text():
            return
        self._remember()
        cells[column] = item.text()
        self._filling = True
        try:
            self.table.resizeRowToContents(row)
        finally:
            self._filling = False
        self._update_controls()

    def _alignment_chosen(self) -> None:
        column = self.table.currentColumn()
        value = self.alignment.currentData()
        if column < 0 or self._grid.alignments[column] == value:
            return
        self._remember()
        self._grid.alignments[column] = value
        self._fill()
        self.table.setCurrentCell(max(self.table.currentRow(), 0), column)

    def perform(self, key: str) -> None:
        """Add, remove or move the current row or column (the keys of `buttons`)."""
        if not self.buttons[key].isEnabled():
            return
        self._commit_open_editor()
        grid = self._grid
        row, column = max(self.table.currentRow(), 0), max(self.table.currentColumn(), 0)
        body = row - 1
        self._remember()
        if key == "add-row":
            grid.insert_row(body + 1)
            row += 1
        elif key == "remove-row":
            grid.remove_row(body)
            row = min(row, len(grid.rows))
        elif key == "row-up":
            grid.move_row(body, body - 1)
            row -= 1
        elif key == "row-down":
            grid.move_row(body, body + 1)
            row += 1
        elif key == "add-column":
            grid.insert_column(column + 1)
            column += 1
        elif key == "remove-column":
            grid.remove_column(column)
            column = min(column, grid.width - 1)
        elif key == "column-left":
            grid.move_column(column, column - 1)
            column -= 1
        elif key == "column-right":
            grid.move_column(column, column + 1)
            column += 1
        self._fill()
        self.table.setCurrentCell(row, column)
        self.table.setFocus()
