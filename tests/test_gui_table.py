"""Tables as a grid (#15 item 2): the "Tabel bewerken" dialog on a real corpus document, through the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QPlainTextEdit, QPushButton, QTableWidget

from redactie.gui.main_window import MainWindow
from redactie.gui.table_editor import TableEditor
from redactie.mdtable import find_tables

from .conftest import CORPUS, copy_writable, git, wait_idle
from .test_gui import by_name

SNAPSHOT = CORPUS / "algoritmekader-2024"
DOC = "docs/vereisten/non_discriminatie.md"  # a Bronnen table of 7 rows, header padded, body rows not

pytestmark = pytest.mark.skipif(not (SNAPSHOT / DOC).is_file(), reason="the shared corpus is absent")


@pytest.fixture
def corpus_window(qtbot, tmp_path: Path, isolated_home: Path):  # noqa: ANN001, ANN201
    """The main window on a writable git copy of the 2024 snapshot, with DOC open."""
    repo = copy_writable(SNAPSHOT, tmp_path / "ak")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Eerste versie")
    win = MainWindow("nl")
    assert win.load_repository(repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready, timeout=15000)
    win.open_document(DOC)
    qtbot.wait(1)
    yield win, repo
    if win.editor.session is not None:  # close without the "unsaved changes" question
        win.editor.discard_draft()
        win.editor.session.saved_bytes = win.editor.session.current()
    wait_idle(qtbot, win)  # git, spelling and validation load meanwhile
    win.close()
    win.deleteLater()


def bronnen(win: MainWindow) -> QPlainTextEdit:
    return by_name(win, QPlainTextEdit, "Sectie Bronnen")


def put_cursor_in_table(edit: QPlainTextEdit, row: int = 0) -> None:
    table = find_tables(edit.original())[0]
    cursor = edit.textCursor()
    cursor.setPosition(table.start + sum(len(line) for line in table.lines[:2 + row]) + 3)
    edit.setTextCursor(cursor)
    edit.setFocus()


def with_dialog(qtbot, act: Callable[[TableEditor], None]) -> list[bool]:  # noqa: ANN001
    """Run `act` on the table dialog as soon as it is open (it is modal: a timer reaches it); a failure in
    `act` closes the dialog and is raised by `check`."""
    seen: list[bool] = []
    tries = [250]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TableEditor):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, poll)
            return
        seen.append(True)
        try:
            act(dialog)
        except BaseException as error:  # noqa: BLE001 - handed to the test
            FAILURES.append(error)
            dialog.reject()

    QTimer.singleShot(0, poll)
    return seen


FAILURES: list[BaseException] = []


@pytest.fixture(autouse=True)
def _raise_dialog_failures():  # noqa: ANN202
    FAILURES.clear()
    yield
    if FAILURES:
        raise FAILURES[0]


def press_ok(dialog: TableEditor) -> None:
    by_name(dialog, QPushButton, "OK").click()


def changed_lines(before: bytes, after: bytes) -> list[tuple[bytes, bytes]]:
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_one_cell_changed_writes_one_line(corpus_window, qtbot) -> None:  # noqa: ANN001
    win, repo = corpus_window
    before = (repo / DOC).read_bytes()
    edit = bronnen(win)
    put_cursor_in_table(edit, 2)

    def act(dialog: TableEditor) -> None:
        grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
        assert grid.item(0, 0).text() == "Bron" and grid.item(0, 0).font().bold()
        assert grid.rowCount() == 8 and grid.columnCount() == 1
        grid.setCurrentCell(3, 0)
        grid.setFocus()
        qtbot.keyClick(grid, "N")  # typing starts editing the cell, as in a spreadsheet
        editor = by_name(dialog, QPlainTextEdit, "Celtekst")
        qtbot.keyClicks(editor, "ieuwe bron | met pipe")  # the first key replaced the cell's text
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert grid.item(3, 0).text() == "Nieuwe bron | met pipe"
        press_ok(dialog)

    seen = with_dialog(qtbot, act)
    qtbot.keySequence(edit, QKeySequence("Ctrl+Shift+T"))
    assert seen
    assert win.editor.modified
    # one undo step takes it all back, and redo brings it again
    win.undo_action.trigger()
    assert not win.editor.modified
    win.redo_action.trigger()
    assert win.editor.modified
    win.save()
    after = (repo / DOC).read_bytes()
    # the row is rewritten in the table's style: padded to the column's width, as the header is
    assert changed_lines(before, after) == [(before.splitlines(keepends=True)[changed_index(before, after)],
                                              b"| Nieuwe bron \\| met pipe     |\n")]
    diff = git(repo, "diff", "--numstat")
    assert diff.split()[:2] == ["1", "1"]


def changed_index(before: bytes, after: bytes) -> int:
    return next(i for i, (a, b) in enumerate(zip(before.splitlines(), after.splitlines(), strict=True)) if a != b)


def test_add_a_row_and_delete_a_column(corpus_window, qtbot) -> None:  # noqa: ANN001
    win, repo = corpus_window
    before = (repo / DOC).read_bytes()
    edit = bronnen(win)
    put_cursor_in_table(edit, 6)

    def add_row(dialog: TableEditor) -> None:
        grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
        grid.setCurrentCell(7, 0)
        by_name(dialog, QPushButton, "Rij toevoegen").click()
        assert grid.rowCount() == 9 and grid.currentRow() == 8
        grid.item(8, 0).setText("[Nog een bron](https://example.org)")
        press_ok(dialog)

    assert with_dialog(qtbot, add_row) is not None
    edit.table_actions["edit-table"].trigger()
    win.save()
    after = (repo / DOC).read_bytes()
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(new) == len(old) + 1
    inserted = [line for line in new if line not in old]
    assert inserted == [b"|[Nog een bron](https://example.org)|\n"]  # the style of the table's body rows
    assert [line for line in new if line != inserted[0]] == old

    # a second column, then deleted again: the table reads as before (every row was rewritten in its style)
    put_cursor_in_table(edit, 0)

    def add_and_remove_column(dialog: TableEditor) -> None:
        grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
        grid.setCurrentCell(0, 0)
        by_name(dialog, QPushButton, "Kolom toevoegen").click()
        assert grid.columnCount() == 2
        grid.item(0, 1).setText("Toelichting")
        press_ok(dialog)

    with_dialog(qtbot, add_and_remove_column)
    edit.table_actions["edit-table"].trigger()
    table = find_tables(edit.original())[0]
    assert table.grid().header == ["Bron", "Toelichting"]
    assert all(len(row) == 2 for row in table.grid().rows)

    def remove_first_column(dialog: TableEditor) -> None:
        grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
        grid.setCurrentCell(1, 0)
        by_name(dialog, QPushButton, "Kolom verwijderen").click()
        assert grid.columnCount() == 1 and grid.item(0, 0).text() == "Toelichting"
        press_ok(dialog)

    with_dialog(qtbot, remove_first_column)
    edit.table_actions["edit-table"].trigger()
    table = find_tables(edit.original())[0]
    assert table.grid().header == ["Toelichting"] and all(row == [""] for row in table.grid().rows)


def test_cancel_and_untouched_ok_write_nothing(corpus_window, qtbot) -> None:  # noqa: ANN001
    win, repo = corpus_window
    edit = bronnen(win)
    text = edit.original()
    put_cursor_in_table(edit, 1)

    def change_then_cancel(dialog: TableEditor) -> None:
        grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
        grid.item(2, 0).setText("Anders")
        by_name(dialog, QPushButton, "Rij verwijderen").click()
        by_name(dialog, QPushButton, "Annuleren").click()

    assert with_dialog(qtbot, change_then_cancel) is not None
    edit.table_actions["edit-table"].trigger()
    assert edit.original() == text and not win.editor.modified

    def untouched(dialog: TableEditor) -> None:
        press_ok(dialog)

    seen = with_dialog(qtbot, untouched)
    edit.table_actions["edit-table"].trigger()
    assert seen and edit.original() == text and not win.editor.modified
    assert git(repo, "status", "--porcelain") == ""


def test_dialog_moves_aligns_and_undoes(qtbot) -> None:  # noqa: ANN001
    table = find_tables("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n")[0]
    dialog = TableEditor(table.grid())
    qtbot.addWidget(dialog)
    grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
    for name in ("Rij toevoegen", "Rij verwijderen", "Rij omhoog", "Rij omlaag", "Kolom toevoegen",
                 "Kolom verwijderen", "Kolom naar links", "Kolom naar rechts", "Ongedaan maken", "OK", "Annuleren"):
        assert by_name(dialog, QPushButton, name).toolTip()
    grid.setCurrentCell(2, 1)
    by_name(dialog, QPushButton, "Rij omhoog").click()
    by_name(dialog, QPushButton, "Kolom naar links").click()
    alignment = by_name(dialog, QComboBox, "Uitlijning van de kolom")
    assert alignment.toolTip()
    alignment.setCurrentIndex(alignment.findData("right"))
    alignment.activated.emit(alignment.currentIndex())
    assert table.write(dialog.grid()) == "| b | a |\n|--:|---|\n| 4 | 3 |\n| 2 | 1 |\n"
    for _ in range(3):
        by_name(dialog, QPushButton, "Ongedaan maken").click()
    assert dialog.grid().rows == [["1", "2"], ["3", "4"]]
    assert table.write(dialog.grid()) == table.text
    # the shortcuts do the same
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    grid.setCurrentCell(1, 0)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert dialog.grid().rows == [["3", "4"], ["1", "2"]]
    qtbot.keyClick(grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.grid().rows) == 3
    qtbot.keySequence(grid, QKeySequence(QKeySequence.StandardKey.Undo))
    assert len(dialog.grid().rows) == 2


def test_shift_enter_makes_a_line_break_in_a_cell(qtbot) -> None:  # noqa: ANN001
    table = find_tables("| a |\n|---|\n| 1 |\n")[0]
    dialog = TableEditor(table.grid())
    qtbot.addWidget(dialog)
    dialog.show()
    grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
    grid.setCurrentCell(1, 0)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = by_name(dialog, QPlainTextEdit, "Celtekst")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert dialog.grid().rows == [["1\n2"]]
    assert table.write(dialog.grid()) == "| a |\n|---|\n| 1<br>2 |\n"


def test_insert_a_new_table_at_the_cursor(corpus_window, qtbot) -> None:  # noqa: ANN001
    win, _ = corpus_window
    edit = by_name(win, QPlainTextEdit, "Sectie Risico")
    text = edit.original()
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)

    def fill(dialog: TableEditor) -> None:
        assert dialog.windowTitle() == "Tabel invoegen"
        grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
        assert (grid.rowCount(), grid.columnCount()) == (3, 2)
        grid.item(1, 0).setText("Risico")
        press_ok(dialog)

    seen = with_dialog(qtbot, fill)
    edit.table_actions["insert-table"].trigger()
    assert seen
    tables = find_tables(edit.original())
    assert len(tables) == 1 and tables[0].grid().rows == [["Risico", ""], ["", ""]]
    assert edit.original().startswith(text.rstrip("\n"))
    win.undo_action.trigger()
    assert edit.original() == text


def test_context_menu_offers_the_table_entries(corpus_window, qtbot) -> None:  # noqa: ANN001
    win, _ = corpus_window
    edit = bronnen(win)
    put_cursor_in_table(edit, 0)
    point = edit.cursorRect().center()
    entries: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            entries.extend(action.text() for action in menu.actions())
            menu.close()
        else:
            QTimer.singleShot(20, read_menu)

    QTimer.singleShot(0, read_menu)
    edit.contextMenuEvent(_context_event(point, edit))
    assert "Tabel bewerken…" in entries and "Tabel invoegen…" in entries


def _context_event(point: QPoint, edit: QPlainTextEdit):  # noqa: ANN202
    from PySide6.QtGui import QContextMenuEvent

    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, edit.viewport().mapToGlobal(point))


def test_table_key_reaching_the_text_box_opens_the_grid(corpus_window, qtbot) -> None:  # noqa: ANN001
    """Under X11 Ctrl+Shift+T arrives as a key press in the text box rather than as the action's shortcut."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    win, _ = corpus_window
    edit = bronnen(win)
    text = edit.original()
    put_cursor_in_table(edit, 0)
    seen = with_dialog(qtbot, lambda dialog: by_name(dialog, QPushButton, "Annuleren").click())
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_T, modifiers, "\x14"))
    assert seen and edit.original() == text  # no control character typed, nothing changed


def test_a_row_with_a_control_character_is_not_rewritten(sample_window, qtbot) -> None:  # noqa: ANN001
    """A kept cell with a character the text box shows as a marker would lose it: the grid refuses, writes nothing."""
    from PySide6.QtWidgets import QMessageBox

    win = sample_window
    edit = [e for e in win.findChildren(QPlainTextEdit) if e.accessibleName().startswith("Sectie ")
            and not e.isReadOnly()][0]
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n\n| a | b |\n|---|---|\n| x | y |\n")
    # the control character arrives as the file would hold it (typing cannot add one)
    table_text = edit.original().replace("| x |", "| x\x01 |")
    edit.set_original(table_text)
    text = edit.original()
    table = find_tables(text)[0]
    cursor.setPosition(table.start + 2)
    edit.setTextCursor(cursor)
    warned: list[str] = []

    def close_warning() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            warned.append(box.text())
            box.close()
        else:
            QTimer.singleShot(20, close_warning)

    def change_y(dialog: TableEditor) -> None:
        by_name(dialog, QTableWidget, "Cellen van de tabel").item(1, 1).setText("z")
        QTimer.singleShot(0, close_warning)
        press_ok(dialog)

    with_dialog(qtbot, change_y)
    edit.table_actions["edit-table"].trigger()
    assert warned and edit.original() == text


def test_tab_leaves_the_grid_for_the_buttons(qtbot) -> None:  # noqa: ANN001
    """Tab in the grid goes on to the dialog's controls (a keyboard user could not leave it: Tab and Ctrl+Tab
    went round the cells, and the next key typed into one); the arrow keys move between the cells."""
    table = find_tables("| a | b |\n|---|---|\n| 1 | 2 |\n")[0]
    dialog = TableEditor(table.grid())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    grid = by_name(dialog, QTableWidget, "Cellen van de tabel")
    grid.setCurrentCell(1, 0)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert (grid.currentRow(), grid.currentColumn()) == (1, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not grid
    assert QApplication.focusWidget() is by_name(dialog, QPushButton, "Rij toevoegen")
    assert dialog.grid().rows == [["1", "2"]]
