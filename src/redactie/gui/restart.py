"""Starting Redactie again (a new interface language applies at start), keeping unsaved work as a draft."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess

if TYPE_CHECKING:
    from .main_window import MainWindow

Starter = Callable[[str, list[str]], object]
START: Starter = QProcess.startDetached  # how the new Redactie is started (independent of this process)


def restart_command(repository: Path | None) -> tuple[str, list[str]]:
    """The program and arguments that start this Redactie again on `repository` (a built app or a source run)."""
    args = [] if getattr(sys, "frozen", False) or getattr(sys, "_MEIPASS", None) else ["-m", "redactie"]
    if repository is not None:
        args.append(str(repository))
    return sys.executable, args


def restart(window: MainWindow, start: Starter | None = None) -> bool:
    """Close the window and start Redactie again; False when the user chose to stay.

    The open document's unsaved changes are written as a draft first, which the new start offers again;
    only when that draft cannot be written is the user asked, as on closing.
    """
    editor = window.editor
    kept = not editor.modified or editor.draft_keeper.keep_now()
    window.keep_drafts_on_close = kept
    try:
        if not window.close():
            return False
    finally:
        window.keep_drafts_on_close = False
    program, args = restart_command(window.repo.root if window.repo is not None else None)
    (start or START)(program, args)
    return True
