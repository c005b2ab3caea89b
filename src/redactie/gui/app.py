"""Starting the application: translators, the window, and the `--quit-when-loaded` smoke mode."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..gitservice.gitenv import GitMissingError, locate
from ..resources import licence_index, resource
from ..workspace import startup_repository
from . import i18n
from .main_window import MainWindow


def run(path: Path | None, quit_when_loaded: bool = False, language: str | None = None) -> int:
    """Run the GUI; returns the exit code."""
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Redactie")
    app.setOrganizationName("Redactie")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icon.svg"))))  # every window and, on Linux, the task bar
    from .settings_dialog import saved_language

    language = i18n.install(app, language or saved_language() or "nl")
    window = MainWindow(language)
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
    if not window.load_repository(repo_path):
        return 2
    window.show()
    while not window.documents.ready:  # the list is read in the background; the window stays responsive
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    if window.documents.error is not None:
        return 2
    loaded = time.perf_counter()
    first = window.documents.first_document()
    if first:
        window.open_document(first)
    app.processEvents()
    if quit_when_loaded:
        window.repaint()
        app.processEvents()
        painted = time.perf_counter()
        print(json.dumps({"repository": str(window.repo.root) if window.repo else None,
                          "documents": window.documents.count(), "first_document": first,
                          "translations": resource("i18n", "redactie_en.qm").is_file(),
                          "licence_texts": sum(f.is_file() for _, _, files in licence_index() for f in files),
                          "load_ms": round((loaded - started) * 1000, 1),
                          "painted_ms": round((painted - started) * 1000, 1)}))
        window.close()
        if locate() is None:  # the window works without git, but a command-line check must notice
            print(f"redactie: {no_git}", file=sys.stderr)
            return 1
        return 0
    return app.exec()
