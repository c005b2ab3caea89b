"""Saving when the file cannot be written or was deleted: a message in plain words, the edit and draft kept."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

from redactie.gui.main_window import MainWindow

from .conftest import SAMPLE_DOC as DOC


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    return sample_window


def _type(qtbot, win: MainWindow, text: str) -> None:  # noqa: ANN001
    [edit] = [w for w in win.editor.form_view.findChildren(QPlainTextEdit)
              if w.accessibleName() == "Sectie Risico" and w.isVisibleTo(win)]
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, text)


def test_a_read_only_file_is_not_replaced_and_the_user_is_told(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    path = window.repo.root / DOC
    before = path.read_bytes()
    path.chmod(0o444)
    _type(qtbot, window, "Nieuw")
    window.actions_["save"].trigger()
    assert path.read_bytes() == before
    banner = window.editor.banner("write-banner")
    assert banner is not None
    text = " ".join(label.text() for label in banner.findChildren(QLabel))
    assert "niet worden opgeslagen" in text and "niet verloren" in text
    assert window.editor.modified and b"Nieuw" in window.editor.session.current()
    draft = window.drafts.load(window.repo.root, DOC)
    assert draft is not None and b"Nieuw" in draft.content
    assert {b.text() for b in banner.findChildren(QPushButton)} >= {"Opslaan als…", "Opnieuw proberen"}
    path.chmod(0o644)
    [retry] = [b for b in banner.findChildren(QPushButton) if b.text() == "Opnieuw proberen"]
    retry.click()
    assert b"Nieuw" in path.read_bytes()
    assert not window.editor.modified


def test_a_file_deleted_while_open_is_not_silently_recreated(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    path = window.repo.root / DOC
    _type(qtbot, window, "Nog iets")
    path.unlink()
    window.actions_["save"].trigger()
    assert not path.exists()
    banner = window.editor.banner("deleted-banner")
    assert banner is not None
    [again] = [b for b in banner.findChildren(QPushButton) if b.text() == "Opnieuw aanmaken"]
    again.click()
    assert b"Nog iets" in path.read_bytes()
