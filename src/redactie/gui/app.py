"""Starting the application: translators, the window, and the `--quit-when-loaded` smoke mode."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..gitservice.gitenv import GitMissingError, locate
from ..resources import licence_index, resource
from ..workspace import startup_repository
from . import i18n
from .main_window import MainWindow
from .tasks import TaskRunner

# Imported when first needed or after the window has painted its first document, never on the way there
# (the smoke mode reports any that were; tests/test_startup_imports.py checks the list stays empty).
AFTER_FIRST_PAINT = ("git", "gitdb", "bs4", "soupsieve", "markdownify", "markdown_it", "mdit_py_plugins",
                     "urllib.request", "redactie.gitservice.service", "redactie.preview_html", "redactie.pastehtml",
                     "redactie.gui.review_dialog", "redactie.gui.conflict_dialog", "redactie.gui.update_check")


def run(path: Path | None, quit_when_loaded: bool = False, language: str | None = None) -> int:
    """Run the GUI; returns the exit code."""
    started = time.perf_counter()
    home = os.environ.get("REDACTIE_HOME")
    if home:  # a portable or test set-up keeps its settings (window size, language) beside its data too
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, str(Path(home) / "settings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Redactie")
    app.setOrganizationName("Redactie")
    app.setWindowIcon(QIcon(str(resource("icon.svg"))))  # every window and, on Linux, the task bar
    from .settings_dialog import saved_language

    language = i18n.install(app, language or saved_language() or "nl")
    window = MainWindow(language)
    marks = {"window_ms": _since(started)}
    no_git = QCoreApplication.translate(
        "Startup", "Git is niet gevonden op deze computer. Installeer Redactie opnieuw of vraag uw beheerder "
        "om Git te installeren.")

    def refuse(text: str, code: int) -> int:
        # In the smoke mode nobody can close a dialog: the message goes to standard error instead.
        if quit_when_loaded:
            print(f"redactie: {text}", file=sys.stderr)
        else:
            QMessageBox.critical(window, QCoreApplication.translate("Startup", "Redactie kan niet starten"), text)
        return code

    if path is not None and not path.exists():
        missing = QCoreApplication.translate("Startup", "De map of het bestand %1 bestaat niet.")
        return refuse(missing.replace("%1", str(path)), 2)
    try:
        repo_path = startup_repository(path)
    except GitMissingError:
        return refuse(no_git, 1)
    except OSError as exc:
        return refuse(QCoreApplication.translate("Startup", "De voorbeeldinhoud kon niet worden klaargezet in %1 (%2).")
                      .replace("%1", str(exc.filename or "")).replace("%2", exc.strerror or ""), 1)
    window.show()
    app.processEvents()  # the window paints before the schema is read and the list is started
    marks["shown_ms"] = _since(started)
    if not window.load_repository(repo_path):
        return 2
    outcome: dict[str, int] = {}

    def loaded() -> None:
        """The list is there: open its first document (the smoke mode then prints its timings and quits)."""
        if outcome:
            return
        outcome["code"] = 2 if window.documents.error is not None else 0
        if outcome["code"]:
            if quit_when_loaded:
                app.exit(2)
            return
        done = time.perf_counter()
        first = window.documents.first_document()
        if first:
            window.open_document(first)
        opened = _since(started)
        if quit_when_loaded:
            window.repaint()  # paints now; no timer can fire before processEvents
            early = [name for name in AFTER_FIRST_PAINT if name in sys.modules]
            app.processEvents()
            painted = time.perf_counter()
            print(json.dumps({"repository": str(window.repo.root) if window.repo else None,
                              "documents": window.documents.count(), "first_document": first,
                              "translations": resource("i18n", "redactie_en.qm").is_file(),
                              "licence_texts": sum(f.is_file() for _, _, files in licence_index() for f in files),
                              "load_ms": round((done - started) * 1000, 1),
                              "painted_ms": round((painted - started) * 1000, 1),
                              "timeline": {**marks, "listed_ms": round((done - started) * 1000, 1),
                                           "opened_ms": opened, "painted_ms": round((painted - started) * 1000, 1)},
                              "imported_before_paint": early,
                              }), flush=True)
            window.close()
            if locate() is None:  # the window works without git, but a command-line check must notice
                print(f"redactie: {no_git}", file=sys.stderr)
                outcome["code"] = 1
            app.exit(outcome["code"])

    # The list is read in the background; the event loop runs meanwhile (no polling loop).
    window.documents.loaded.connect(loaded)
    window.documents.failed.connect(lambda _error: loaded())
    if window.documents.ready:
        loaded()
    code = app.exec() if not (quit_when_loaded and outcome) else outcome["code"]
    return leave(window.runner, code)


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
