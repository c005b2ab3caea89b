"""The document list in a narrow window: the titles get the room, the state column what it needs, the user's width
is kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QTreeView

from redactie.gui.document_list import DocumentList
from redactie.gui.list_columns import STATE_WIDTH_KEY, state_column_width
from redactie.gui.tasks import TaskRunner
from redactie.repository import ContentRepository

from .conftest import SAMPLE_DOC


@pytest.fixture
def forget_width() -> Iterator[None]:
    """No width chosen by the user before the test, none left after it (the settings live for the session)."""
    QSettings("Redactie", "Redactie").remove(STATE_WIDTH_KEY)
    yield
    QSettings("Redactie", "Redactie").remove(STATE_WIDTH_KEY)


def _listing(qtbot, repo: Path, width: int) -> DocumentList:  # noqa: ANN001
    runner = TaskRunner()
    widget = DocumentList(runner)
    qtbot.addWidget(widget)
    widget.resize(width, 500)
    widget.show()
    widget.load(ContentRepository(repo), "nl")
    qtbot.waitUntil(lambda: widget.ready and not runner.busy, timeout=20000)
    return widget


def _sizes(widget: DocumentList) -> tuple[int, int, int]:
    header = widget.tree.header()
    state = 0 if widget.tree.isColumnHidden(1) else header.sectionSize(1)
    return widget.tree.viewport().width(), header.sectionSize(0), state


def test_the_state_width_rule() -> None:
    assert state_column_width(600, 90, 50, None) == 90  # room enough: what its texts need
    assert state_column_width(210, 90, 50, None) == 70  # narrow: at most a third, the titles keep two thirds
    assert state_column_width(120, 90, 50, None) == 50  # never below its minimum
    assert state_column_width(600, 90, 50, 150) == 150  # the user's own width
    assert state_column_width(300, 90, 50, 280) == 200  # ... but the titles keep a third


def test_a_narrow_list_gives_the_titles_the_room(qtbot, content_repo: Path, isolated_home: Path,  # noqa: ANN001
                                                  forget_width: None) -> None:
    widget = _listing(qtbot, content_repo, 225)  # the list's share of a 900 px window
    view, title, state = _sizes(widget)
    assert widget.tree.isColumnHidden(1) and title == view  # no document has a state: no empty column
    widget.set_git({SAMPLE_DOC: "modified"})
    qtbot.wait(1)
    view, title, state = _sizes(widget)
    assert not widget.tree.isColumnHidden(1)
    assert title + state == view  # nothing cut off at the right, no sideways scrolling
    assert title >= view * 2 // 3
    assert state >= widget.tree.fontMetrics().horizontalAdvance("nieuw")
    widget.resize(600, 500)  # wider: the state column as wide as its texts, the titles the rest
    qtbot.waitUntil(lambda: _sizes(widget)[0] > 500)
    view, title, state = _sizes(widget)
    assert title + state == view and state >= widget.tree.fontMetrics().horizontalAdvance("gewijzigd")
    widget.set_git({})
    qtbot.wait(1)
    assert widget.tree.isColumnHidden(1) and _sizes(widget)[1] == _sizes(widget)[0]


def test_the_user_s_own_state_width_is_kept_and_remembered(qtbot, content_repo: Path,  # noqa: ANN001
                                                           isolated_home: Path, forget_width: None) -> None:
    widget = _listing(qtbot, content_repo, 600)
    widget.set_git({SAMPLE_DOC: "modified"})
    qtbot.wait(1)
    view, title, state = _sizes(widget)
    header = widget.tree.header()
    edge = QPoint(title - 1, header.height() // 2)  # the edge between the columns, dragged 80 px to the left
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    for step in range(1, 9):
        qtbot.mouseMove(header.viewport(), edge - QPoint(10 * step, 0))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=edge - QPoint(80, 0))
    chosen = _sizes(widget)[2]
    assert chosen >= state + 70
    widget.resize(500, 500)
    qtbot.waitUntil(lambda: _sizes(widget)[0] < view)
    assert _sizes(widget)[2] == chosen and sum(_sizes(widget)[1:]) == _sizes(widget)[0]
    view, title, state = _sizes(widget)
    right = QPoint(view - 2, header.height() // 2)  # the state column's own right edge, 30 px to the left
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=right)
    for step in range(1, 4):
        qtbot.mouseMove(header.viewport(), right - QPoint(10 * step, 0))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=right - QPoint(30, 0))
    assert _sizes(widget)[2] <= state - 20 and sum(_sizes(widget)[1:]) == _sizes(widget)[0]  # no gap at the right
    chosen = _sizes(widget)[2]
    again = _listing(qtbot, content_repo, 600)  # the next start
    again.set_git({SAMPLE_DOC: "modified"})
    qtbot.wait(1)
    assert _sizes(again)[2] == chosen


def test_the_window_at_900_px_shows_readable_titles(qtbot, sample_window, forget_width: None) -> None:  # noqa: ANN001
    win = sample_window
    win.resize(900, 700)
    tree = next(t for t in win.findChildren(QTreeView) if t.accessibleName() == "Documentenlijst")
    win.documents.set_git({SAMPLE_DOC: "modified"})
    qtbot.wait(10)
    header = tree.header()
    view = tree.viewport().width()
    assert header.sectionSize(0) >= view * 2 // 3
    assert header.sectionSize(0) + header.sectionSize(1) <= view
    assert not tree.horizontalScrollBar().isVisible()
