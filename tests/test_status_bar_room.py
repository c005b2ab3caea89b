"""The status bar's message and the label of the schema in use never run into each other, at any window width."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from .conftest import git, wait_idle

NO_SCHEMA_FILE = "Geen schemabestand gevonden: het schema is afgeleid uit de documenten"


def _inferred_repository(root: Path) -> Path:
    """Documents in no known layout and without a schema file: the schema is inferred, the label says so at length."""
    (root / "notities").mkdir(parents=True)
    for n in range(1, 4):
        (root / "notities" / f"n{n}.md").write_text(f"---\ntitle: Notitie {n}\n---\n\n## Tekst\n\nHallo\n",
                                                    encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    return root


def _shown(label: QLabel) -> str:
    """What the label shows: its text as far as its width goes (a plain label cuts it off), or its own shortening."""
    shown = getattr(label, "shown_text", None)
    if shown is not None:
        return shown()
    text = label.text()
    while text and label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width():
        text = text[:-1]
    return text


def _first_permanent_x(bar: QStatusBar) -> int:
    return min(child.x() for child in bar.findChildren(QWidget) if child.parentWidget() is bar
               and child.isVisible() and not child.isWindow() and child.width() > 0 and child.x() > 0)


@pytest.mark.parametrize("width", [900, 1100, 1366])
def test_a_message_and_the_schema_label_each_stay_readable(qtbot, tmp_path: Path, isolated_home: Path,  # noqa: ANN001
                                                           width: int) -> None:
    from redactie.gui.main_window import MainWindow

    win = MainWindow("nl")
    qtbot.addWidget(win)
    win.resize(width, 700)
    win.show()
    assert win.load_repository(_inferred_repository(tmp_path / "notities-repo"))
    qtbot.waitUntil(lambda: win.documents.ready and win.repo is not None, timeout=20000)
    wait_idle(qtbot, win)
    label = next(lab for lab in win.findChildren(QLabel) if lab.accessibleName() == "Schema in gebruik")
    text = label.text()
    assert "afgeleid" in text
    bar = win.statusBar()
    qtbot.waitUntil(lambda: label.width() > 0)
    # Without a message: the label shows its whole text, or a shortening that says so; never text cut off silently.
    assert _shown(label) == text or _shown(label).endswith("…"), _shown(label)
    bar.showMessage(NO_SCHEMA_FILE)  # as the window says it on opening such a repository
    qtbot.wait(50)
    shown = _shown(label)
    assert shown == text or (shown.endswith("…") and len(shown) > 6), shown
    room = _first_permanent_x(bar) - 6
    needed = bar.fontMetrics().horizontalAdvance(NO_SCHEMA_FILE)
    if width >= 1100:
        assert room >= needed + 6  # the message whole, with a gap before the label
    else:
        assert room >= min(needed, width // 3)  # a narrow window: the message still gets a good part of the bar
    bar.clearMessage()
    qtbot.wait(50)
    if width >= 1366:
        assert _shown(label) == text  # the message gone, the label whole again
    if win.editor.session is not None:
        win.editor.session.saved_bytes = win.editor.session.current()
    win.close()
