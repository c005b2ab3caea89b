"""The whole workflow without a mouse (#15 item 6): find, open, edit a field and a section, save, review,
commit and sync, by key presses sent to whichever widget has the keyboard focus — no clicks, no method calls."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from redactie.gui.main_window import MainWindow

from .conftest import SAMPLE_DOC, git

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifiers)


def press_sequence(sequence: QKeySequence) -> None:
    combination = sequence[0]
    QTest.keyClick(focused(), combination.key(), combination.keyboardModifiers())


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def tab_to(name: str, limit: int = 30) -> QWidget:
    """Press Tab until the widget with accessible name `name` has the focus (as a person tabs through)."""
    seen = []
    for _ in range(limit):
        if focused().accessibleName() == name:
            return focused()
        seen.append(focused().accessibleName() or type(focused()).__name__)
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name!r}; it went through {seen}")


def test_the_whole_workflow_by_keyboard(qtbot, tmp_path: Path, shared: tuple[Path, Path],  # noqa: ANN001
                                        isolated_home: Path) -> None:
    bare, mine = shared
    theirs = tmp_path / "theirs"  # a colleague shares a change to another document meanwhile
    git(tmp_path, "clone", "-q", str(bare), str(theirs))
    other = next(p for p in sorted((theirs / "docs").rglob("*.md")) if p.relative_to(theirs).as_posix() != SAMPLE_DOC)
    other.write_bytes(other.read_bytes() + b"\nAangevuld door een collega.\n")
    git(theirs, "commit", "-qam", "Collega vult aan")
    git(theirs, "push", "-q")
    window = MainWindow("nl")
    qtbot.addWidget(window)
    assert window.load_repository(mine)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.documents.ready and window.monitor.snapshot is not None, timeout=30000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # Find the document: Ctrl+F puts the keyboard in the list's filter; Down goes into the list, Enter opens.
    press_sequence(QKeySequence(QKeySequence.StandardKey.Find))
    assert focused().accessibleName() == "Documenten filteren"
    type_text("geletterdheid")
    press(Qt.Key.Key_Down)
    assert focused().accessibleName() == "Documentenlijst"
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.relpath == SAMPLE_DOC)
    qtbot.waitUntil(lambda: any(w.accessibleName() == "Sectie Risico" and w.isVisible()
                                for w in window.findChildren(QWidget)))  # the form is built and shown

    # A field: Tab to the title, to its end, type.
    tab_to("Titel")
    press(Qt.Key.Key_End)
    type_text(" op de werkvloer")
    # A section: Tab on through the form to the Risico section, to its end, type.
    tab_to("Sectie Risico")
    press(Qt.Key.Key_End, CTRL)
    type_text("Train ze.")
    qtbot.waitUntil(lambda: window.editor.modified)

    # Save.
    press_sequence(QKeySequence(QKeySequence.StandardKey.Save))
    qtbot.waitUntil(lambda: not window.editor.modified)
    text = (mine / SAMPLE_DOC).read_text(encoding="utf-8")
    assert "AI-geletterdheid op de werkvloer\n" in text and "over het hoofd.\n\nTrain ze.\n" in text

    # Review (its shortcut), a description, Enter commits.
    press_sequence(QKeySequence(window.actions_["review"].shortcut()))
    qtbot.waitUntil(lambda: window.review is not None and window.review.isVisible())
    dialog = window.review
    qtbot.waitUntil(lambda: not dialog.loading and bool(dialog.reviews), timeout=15000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press(Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # the label's mnemonic
    assert focused().accessibleName() == "Beschrijving van de wijziging"
    press(Qt.Key.Key_A, CTRL)
    type_text("Titel en risico aangevuld")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Vastgelegd" in dialog.result.text(), timeout=15000)
    assert git(mine, "log", "-1", "--format=%s").strip() == "Titel en risico aangevuld"

    # Sync: Tab to the dialog's button, Space presses it: the colleague's change comes in under mine.
    tab_to("Synchroniseren")
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: git(mine, "log", "--format=%s", "-2").splitlines()
                    == ["Titel en risico aangevuld", "Collega vult aan"], timeout=30000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15000)
    assert "Aangevuld door een collega." in (mine / other.relative_to(theirs)).read_text(encoding="utf-8")

    # Escape closes the dialog; in the window the sync key (F5) works as well.
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # what the window manager does when a dialog closes (the offscreen platform does not)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.statusBar().clearMessage()
    press_sequence(QKeySequence(QKeySequence.StandardKey.Refresh))
    qtbot.waitUntil(lambda: "nog niet gedeeld" in window.statusBar().currentMessage(), timeout=30000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15000)
    assert git(mine, "status", "--porcelain").strip() == ""


def _ring(image: QImage, width: int = 2) -> list[int]:
    """The pixels of an image's outer frame (where a focus frame is drawn)."""
    w, h = image.width(), image.height()
    points = [(x, y) for x in range(w) for y in (*range(width), *range(h - width, h))]
    points += [(x, y) for y in range(h) for x in (*range(width), *range(w - width, w))]
    return [image.pixel(x, y) for x, y in points]


def test_the_focus_is_visible_on_every_control_tab_reaches(sample_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """Every widget in the window's Tab chain looks different with the focus than without: text boxes, lists
    and scroll areas in their frame (where the platform style draws no focus of its own), others anywhere."""
    window = sample_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.waitUntil(lambda: any(w.accessibleName() == "Sectie Risico" and w.isVisible()
                                for w in window.findChildren(QWidget)))
    start = focused()
    looks: list[tuple[QWidget, QImage]] = []
    for _ in range(40):
        widget = focused()
        looks.append((widget, widget.grab().toImage()))
        press(Qt.Key.Key_Tab)
        if focused() is start:
            break
    assert len(looks) > 15  # the list, the form's fields, the sections, the preview
    invisible = []
    for widget, with_focus in looks:
        without = widget.grab().toImage()
        if widget is focused() or with_focus.size() != without.size():
            continue
        same = _ring(with_focus) == _ring(without) if isinstance(widget, QAbstractScrollArea) else \
            with_focus == without
        if same:
            invisible.append(widget.accessibleName() or type(widget).__name__)
    assert invisible == []
