"""Starting the application: translators, the window, and the `--quit-when-loaded` smoke mode."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from ..gitservice.gitenv import GitMissingError
from ..workspace import startup_repository
from . import i18n
from .main_window import MainWindow
from .tasks import TaskRunner


def run(path: Path | None, quit_when_loaded: bool = False, language: str | None = None) -> int:
    """Run the GUI; returns the exit code."""
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Redactie")
    app.setOrganizationName("Redactie")
    from .settings_dialog import saved_language

    language = i18n.install(app, language or saved_language() or "nl")
    window = MainWindow(language)
    try:
        repo_path = startup_repository(path)
    except GitMissingError:
        QMessageBox.critical(window, window.tr("Redactie kan niet starten"),
                             window.tr("Git is niet gevonden op deze computer. Installeer Redactie opnieuw of vraag "
                                       "uw beheerder om Git te installeren."))
        return 1
    except OSError as exc:
        QMessageBox.critical(window, window.tr("Redactie kan niet starten"),
                             window.tr("De voorbeeldinhoud kon niet worden klaargezet in %1 (%2).")
                             .replace("%1", str(exc.filename or "")).replace("%2", exc.strerror or ""))
        return 1
    window.show()
    app.processEvents()  # the window paints before the schema is read and the list is started
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
        if quit_when_loaded:
            window.repaint()
            app.processEvents()
            painted = time.perf_counter()
            print(json.dumps({"repository": str(window.repo.root) if window.repo else None,
                              "documents": window.documents.count(), "first_document": first,
                              "load_ms": round((done - started) * 1000, 1),
                              "painted_ms": round((painted - started) * 1000, 1)}), flush=True)
            window.close()
            app.exit(0)

    # The list is read in the background; the event loop runs meanwhile (no polling loop).
    window.documents.loaded.connect(loaded)
    window.documents.failed.connect(lambda _error: loaded())
    if window.documents.ready:
        loaded()
    code = app.exec() if not (quit_when_loaded and outcome) else outcome["code"]
    return leave(window.runner, code)


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
