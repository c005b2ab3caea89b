"""Spell checking in the background: open the dictionaries and learn the repository's words, then turn it on."""

from __future__ import annotations

from collections.abc import Callable

from ..spelling import Speller
from .tasks import Task, TaskRunner


def load_speller(runner: TaskRunner, ready: Callable[[Speller], None], language: str = "nl",
                 repository: object = None, failed: Callable[[Exception], None] | None = None) -> None:
    """Load the dictionaries and learn the words the repository's documents share, off the GUI thread;
    `ready(speller)` then runs on the GUI thread.

    Learning comes first because it is cheap (no dictionary look-ups) and spares the GUI thread the
    dictionary's slowest answers: long compounds the catalogue uses everywhere are known without asking it.
    """

    def work(task: Task) -> Speller:
        speller = Speller(language, repository).load()
        speller.learn(task.cancel)
        return speller

    runner.run("speller", work, ready, failed or (lambda error: None))
