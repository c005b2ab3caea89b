"""Answering git's question for a user name or password (`GIT_ASKPASS`) in a small window of the app.

Git runs the app itself as its askpass program with the question as the only argument; the answer goes to
standard output. Where nobody can see a window (offscreen, no display) the question is refused at once, so
git reports a sign-in failure instead of waiting forever.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from . import i18n

TIMEOUT_MS = 5 * 60 * 1000


def can_show_window() -> bool:
    """False when a window would be invisible: offscreen Qt, or Linux without a display."""
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


class AskPass(QObject):
    """The sign-in question as a dialog (its strings are translated like every other window's)."""

    def ask(self, question: str) -> str | None:
        """Show the question; the answer, or None when the user cancelled or did not answer in time."""
        secret = "password" in question.lower()
        dialog = QInputDialog()
        dialog.setWindowTitle(self.tr("Aanmelden bij de gedeelde documenten"))
        dialog.setLabelText(self.tr("Git vraagt: %1").replace("%1", question.strip()))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal)
        dialog.setAccessibleName(self.tr("Aanmelden"))
        dialog.setToolTip(self.tr("Uw gegevens gaan alleen naar git, voor de gedeelde documenten; Redactie "
                                  "bewaart ze niet"))
        QTimer.singleShot(TIMEOUT_MS, dialog.reject)
        return dialog.textValue() if dialog.exec() else None


def ask(question: str) -> int:
    """Answer git's question on standard output; exit code 1 when there is no answer."""
    if not can_show_window():
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from .preferences import saved_language

    i18n.install(app, saved_language() or "nl")  # type: ignore[arg-type]
    answer = AskPass().ask(question)
    if answer is None:
        return 1
    data = (answer + "\n").encode("utf-8")
    if sys.stdout is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:  # a windowed frozen app has no sys.stdout, but git's pipe is still file descriptor 1
        os.write(1, data)
    return 0
