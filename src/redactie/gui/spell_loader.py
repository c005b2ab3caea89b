"""Spell checking in the background: open the dictionaries, turn checking on, then learn the repository's words."""

from __future__ import annotations

from collections.abc import Callable

from ..spelling import Speller
from ..spelling.wordlists import document_counts
from .tasks import Task, TaskRunner


def load_speller(runner: TaskRunner, ready: Callable[[Speller], None], language: str = "nl",
                 repository: object = None, failed: Callable[[Exception], None] | None = None) -> None:
    """Load the dictionaries off the GUI thread; `ready(speller)` runs on the GUI thread, and once more when
    the words the repository's documents share have been learned (so their underlines can go)."""

    def work(task: Task) -> Speller:
        return Speller(language, repository).load()

    def loaded(speller: Speller) -> None:
        ready(speller)
        if speller.root is not None:
            root = speller.root
            runner.run("speller-learn", lambda task: document_counts(root, task.cancel), lambda counts: learned(
                speller, counts))

    def learned(speller: Speller, counts: object) -> None:
        speller.use_counts(counts)  # type: ignore[arg-type]
        ready(speller)

    runner.run("speller", work, loaded, failed or (lambda error: None))
