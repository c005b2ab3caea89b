"""A section editor's table actions: edit the table at the cursor as a grid, or insert a new one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from ..faithful import clean_new_text

if TYPE_CHECKING:  # the table model and the grid dialog load on the first table action, not with each editor
    from ..mdtable import Table
    from .faithful_edit import FaithfulEdit

TABLE_KEY = "Ctrl+Shift+T"


class _TableKey(QObject):
    """Ctrl+Shift+T in a section editor opens the table dialog, also where the key reaches the text box instead
    of the action's shortcut (under X11 it does, as Ctrl+B does: see `SectionEdit.keyPressEvent`)."""

    def __init__(self, action: QAction) -> None:
        super().__init__(action)
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Leave the shortcut to the action; a key press that still arrives triggers it."""
        if not isinstance(event, QKeyEvent) or QKeySequence(event.keyCombination()) != QKeySequence(TABLE_KEY):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.ignore()
            return True
        if event.type() == QEvent.Type.KeyPress:
            self.action.trigger()
            return True
        return False


def add_table_actions(edit: FaithfulEdit) -> dict[str, QAction]:
    """"Tabel bewerken…" (Ctrl+Shift+T: the table at the cursor, or a new one) and "Tabel invoegen…"."""
    edit_action = QAction(edit.tr("Tabel bewerken…"), edit)
    edit_action.setToolTip(edit.tr("Bewerk de tabel waar de cursor staat als raster van cellen; staat de cursor "
                                   "niet in een tabel, dan voegt u er een in"))
    edit_action.setShortcut(QKeySequence(TABLE_KEY))
    edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    edit_action.triggered.connect(lambda _=False: edit_or_insert_table(edit))
    edit.addAction(edit_action)
    edit.installEventFilter(_TableKey(edit_action))
    insert_action = QAction(edit.tr("Tabel invoegen…"), edit)
    insert_action.setToolTip(edit.tr("Voeg op de plaats van de cursor een nieuwe tabel in (2 kolommen, 2 rijen)"))
    insert_action.triggered.connect(lambda _=False: insert_table(edit))
    edit.addAction(insert_action)
    return {"edit-table": edit_action, "insert-table": insert_action}


def add_table_entries(edit: FaithfulEdit, menu: QMenu, actions: dict[str, QAction], position: QPoint) -> None:
    """Add the table entries to a context menu: "Tabel bewerken…" when the click is in a table."""
    if edit.isReadOnly():
        return
    from ..mdtable import table_at

    clicked = edit.cursorForPosition(position).position()
    menu.addSeparator()
    table = table_at(edit.original(), clicked)
    if table is not None:
        entry = menu.addAction(actions["edit-table"].text())
        entry.setToolTip(actions["edit-table"].toolTip())
        entry.setShortcut(actions["edit-table"].shortcut())
        entry.triggered.connect(lambda _=False: edit_table(edit, table))
    menu.addAction(actions["insert-table"])


def edit_or_insert_table(edit: FaithfulEdit) -> None:
    """Open the grid on the table at the cursor, or on a new table when the cursor is in none."""
    if edit.isReadOnly():
        return
    from ..mdtable import table_at

    table = table_at(edit.original(), edit.textCursor().position())
    if table is None:
        insert_table(edit)
    else:
        edit_table(edit, table)


def edit_table(edit: FaithfulEdit, table: Table) -> bool:
    """The grid dialog on `table`; OK replaces only the changed lines (one undo step). True when it changed."""
    from ..mdtable import find_tables, line_edits
    from .table_editor import TableEditor

    dialog = TableEditor(table.grid(), edit)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        # the text may not have changed meanwhile (the dialog is modal), but make sure the table is still there
        current = [t for t in find_tables(edit.original()) if t.start == table.start and t.text == table.text]
        if not current:
            return False
        edits = line_edits(table, dialog.grid())
        if not edits:
            return False
        if any(clean_new_text(change.text) != change.text for change in edits):
            # a changed row keeps a character typed text cannot hold (a control character): writing it through
            # the text box would drop it, so nothing is written
            QMessageBox.warning(edit, edit.tr("Tabel niet gewijzigd"),
                                edit.tr("Een rij die u wijzigde bevat een teken dat Redactie niet via het raster "
                                        "kan schrijven (gemarkeerd in de tekst). Er is niets veranderd; haal dat "
                                        "teken eerst in de tekst weg, of wijzig die rij in de tekst zelf."))
            return False
        cursor = QTextCursor(edit.document())
        cursor.beginEditBlock()
        # positions of a section editor's text are those of its original text (markers stand for one character)
        for change in edits:  # last first, so earlier positions stay valid
            cursor.setPosition(change.start)
            cursor.setPosition(change.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(change.text)
        cursor.endEditBlock()
        cursor.setPosition(table.start)  # the cursor stays in the table, ready for the next edit
        edit.setTextCursor(cursor)
        return True
    finally:
        dialog.deleteLater()


def insert_table(edit: FaithfulEdit) -> bool:
    """A new table (2 columns, 2 rows) from the grid dialog, as a block of its own at the cursor's line."""
    if edit.isReadOnly():
        return False
    from ..mdtable import find_tables, new_table
    from .table_editor import TableEditor

    header = [edit.tr("Kolom %1").replace("%1", str(n)) for n in (1, 2)]
    table = find_tables(new_table(2, 2, header=header))[0]
    dialog = TableEditor(table.grid(), edit, new=True)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        grid = dialog.grid()
        text = new_table(header=grid.header, body=grid.rows, alignments=grid.alignments)
    finally:
        dialog.deleteLater()
    cursor = edit.textCursor()
    cursor.clearSelection()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    position = cursor.position()
    original = edit.original()
    before = original[:position]
    if not before or before.endswith("\n\n"):
        lead = ""
    elif before.endswith("\n"):
        lead = "\n"
    else:
        lead = "\n\n"
    tail = "" if original[position:position + 1] == "\n" or position == len(original) else "\n"
    if position == len(original) and original and not original.endswith("\n"):
        text = text.rstrip("\n")  # the section ended without a line break: so does it now
        lead = "\n\n"
    cursor.insertText(lead + text + tail)
    edit.setTextCursor(cursor)
    return True

