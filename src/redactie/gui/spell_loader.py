"""Loading the Dutch dictionary off the GUI thread, then turning spell checking on."""

from __future__ import annotations

from collections.abc import Callable

from ..spelling import Speller
from .tasks import Task, TaskRunner


def load_speller(runner: TaskRunner, ready: Callable[[Speller], None], language: str = "nl") -> None:
    """Load the dictionary in the background; `ready(speller)` runs on the GUI thread."""

    def work(task: Task) -> Speller:
        speller = Speller(language)
        _ = speller.checker  # the half-second dictionary load
        return speller

    runner.run("speller", work, ready, lambda error: None)
