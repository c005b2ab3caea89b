"""Asking, at most once a day and only when the user allows it, whether a newer version exists."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QSettings

from .. import __version__
from ..updates import due, latest_version, newer
from .tasks import TaskRunner
from .update_consent import updates_enabled

LAST_KEY = "updates/last_check"


def check_for_update(runner: TaskRunner, found: Callable[[str, str], None], url: str | None = None) -> bool:
    """Start a background check when one is due; `found(version, page)` only for a newer version."""
    settings = QSettings("Redactie", "Redactie")
    last = settings.value(LAST_KEY)
    if not updates_enabled() or not due(float(last) if last is not None else None):
        return False
    settings.setValue(LAST_KEY, time.time())

    def done(result: tuple[str, str] | None) -> None:
        if result is not None and newer(result[0], __version__):
            found(*result)

    runner.run("update-check", lambda task: latest_version(url) if url else latest_version(), done,
               lambda error: None)
    return True
