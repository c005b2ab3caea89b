"""Undo puts the cursor back where the typing was; Ctrl+Y redoes on Linux and Windows; the window fits the screen."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from redactie.gui.main_window import MainWindow


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    return sample_window


def test_undo_leaves_the_cursor_where_the_typing_was(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    [edit] = [w for w in window.editor.form_view.findChildren(QPlainTextEdit)
              if w.accessibleName() == "Sectie Toelichting" and w.isVisibleTo(window)]
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.Down)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    start = cursor.position()
    qtbot.keyClicks(edit, " Testzin.")
    window.undo_action.trigger()
    assert b"Testzin" not in window.editor.session.current()
    assert edit.textCursor().position() == start


def test_redo_has_every_platform_binding_and_ctrl_y(window: MainWindow) -> None:
    shortcuts = window.redo_action.shortcuts()
    for binding in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        assert binding in shortcuts
    if sys.platform != "darwin":
        assert QKeySequence("Ctrl+Y") in shortcuts


def test_the_window_fits_its_screen(window: MainWindow) -> None:
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()


def test_the_sections_right_click_menu_undoes_the_shared_history(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Its own "Ongedaan maken" was always greyed out: the section leaves undo to the window's history."""
    from redactie.gui.undo_keys import shared_undo_in_menu

    [edit] = [w for w in window.editor.form_view.findChildren(QPlainTextEdit)
              if w.accessibleName() == "Sectie Toelichting" and w.isVisibleTo(window)]
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " Testzin.")
    menu = edit.createStandardContextMenu()
    shared_undo_in_menu(edit, menu)
    [undo] = [a for a in menu.actions() if a.text().replace("&", "").startswith("Ongedaan maken")]
    assert undo.isEnabled()
    undo.trigger()
    assert b"Testzin" not in window.editor.session.current()
    menu.deleteLater()
