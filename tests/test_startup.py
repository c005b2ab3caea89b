"""Start-up and opening cost by design (counted, never timed): what is imported, parsed and checked when."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from redactie.gui.qtimport import lighten_import_hook, uses_pyside
from redactie.spelling import Speller

from .conftest import SAMPLE_DOC


class CountingSpeller(Speller):
    """A real speller that counts the lines it is asked to check."""

    checked: list[str]

    def check(self, line: str, state: int = 0) -> tuple[list[tuple[int, int]], int]:
        self.checked.append(line)
        return super().check(line, state)


def test_pyside_s_import_check_gives_the_same_answers_without_keeping_sources() -> None:
    """PySide6 asks of every imported module whether it uses PySide6; the cheaper check answers the same."""
    import inspect
    import json
    import linecache

    import redactie.gui.form as form
    import redactie.index as index

    assert lighten_import_hook()  # this PySide6 has the check; applying it twice is harmless
    assert lighten_import_hook()
    for module in (form, index, json, os):
        expected = "PySide6" in inspect.getsource(module)
        assert uses_pyside(module, lambda m: False) is expected
    assert uses_pyside(sys, lambda m: False) is False  # built in: no source, the original's answer
    script = "import linecache, redactie.gui.app; print(len(linecache.cache))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert int(out.stdout) < 10, "every imported module's source was read and kept"
    assert linecache is not None


def test_the_schema_is_read_after_the_window_is_shown(tmp_path: Path, content_repo: Path) -> None:
    """load_repository returns before the schema file is parsed; the schema arrives from a worker."""
    script = textwrap.dedent(f"""
        import sys, threading
        from PySide6.QtWidgets import QApplication
        app = QApplication(sys.argv[:1])
        from redactie.schema import loader
        threads = []
        original = loader.parse_schema
        def parse(*args, **kwargs):
            threads.append(threading.current_thread() is threading.main_thread())
            return original(*args, **kwargs)
        loader.parse_schema = parse
        from redactie.gui.main_window import MainWindow
        win = MainWindow("nl")
        win.show()
        assert win.load_repository(__import__("pathlib").Path({str(content_repo)!r}))
        print("returned", win.repo is None, flush=True)
        while not win.documents.ready:
            app.processEvents()
        print("on main thread", any(threads), "listed", win.documents.count(), flush=True)
        import os; os._exit(0)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REDACTIE_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.split("\n")
    assert lines[0] == "returned True"  # nothing of the repository was read on the GUI thread yet
    assert lines[1].startswith("on main thread False listed ") and int(lines[1].split()[-1]) > 0


def test_opening_a_document_leaves_spelling_to_later_turns_and_checks_each_line_once(
        sample_window, content_repo: Path, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """The open itself colours each line once without the dictionary; then each editor is checked in a turn
    of its own, so a long document never holds the window for all of its spelling at once."""
    from redactie.gui.section_edit import MarkdownHighlighter

    win = sample_window
    # The window loads its own speller a moment after the list: that one first, then this counting one.
    qtbot.waitUntil(lambda: win.editor.form_view.speller is not None and not win.runner.busy, timeout=20000)
    speller = CountingSpeller("nl", content_repo, user_list=content_repo.parent / "eigen.txt").load()
    speller.checked = []
    win.editor.form_view.set_speller(speller)
    coloured: list[str] = []
    original = MarkdownHighlighter._flush

    def counting(self: MarkdownHighlighter) -> None:
        coloured.append(self.currentBlock().text())
        original(self)

    # `_flush` ends every `highlightBlock`; that one itself cannot be counted by patching the class, as the open
    # refills the editors made for the last document, and Qt calls their override as found when they were made
    monkeypatch.setattr(MarkdownHighlighter, "_flush", counting)
    other = next(p for p in sorted(win.documents.paths()) if p != SAMPLE_DOC)
    speller.checked.clear()
    win.open_document(other)
    editors = list(win.editor.form_view.section_editors.values())
    lines = sum(edit.blockCount() for edit in editors)
    assert len(editors) > 1 and lines > 5
    assert speller.checked == []  # none during the open
    assert len(coloured) == lines
    qtbot.waitUntil(lambda: all(edit.highlighter.speller is speller for edit in editors))
    assert len(speller.checked) == lines  # every line checked once, after the open


def test_a_newer_reading_of_the_list_replaces_an_unfinished_one(
        qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """Every document ends up listed once under its type, also when a second reading starts before the first
    is done; only the newer one reports the list loaded."""
    from redactie.catalogue import entries
    from redactie.gui import document_list
    from redactie.gui.document_list import DocumentList
    from redactie.gui.tasks import TaskRunner
    from redactie.repository import ContentRepository

    runner = TaskRunner()
    listing = DocumentList(runner)
    qtbot.addWidget(listing)
    repo = ContentRepository(content_repo)
    loaded: list[bool] = []
    listing.loaded.connect(lambda: loaded.append(True))
    listing.load(repo, "nl")
    listing.load(repo, "nl")  # a newer reading while the first is still running
    qtbot.waitUntil(lambda: listing.ready and not runner.busy, timeout=20000)
    qtbot.wait(50)
    expected = entries(repo, "nl")
    assert loaded == [True]  # the replaced reading never reported itself loaded
    assert listing.count() == len(expected)
    model = listing.tree.model()
    shown = {}
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for i in range(model.rowCount(group)):
            shown[model.index(i, 0, group).data(document_list.PATH_ROLE)] = group.data()
    assert shown == {e.path: e.type_label for e in expected}
