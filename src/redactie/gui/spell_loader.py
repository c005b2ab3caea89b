"""Spell checking in the background: start the spelling process (it opens the dictionaries and learns the
repository's words), then turn it on."""

from __future__ import annotations

from collections.abc import Callable

from ..spelling.worker import RemoteSpeller
from .tasks import Task, TaskRunner


def load_speller(runner: TaskRunner, ready: Callable[[RemoteSpeller], None], language: str = "nl",
                 repository: object = None, failed: Callable[[Exception], None] | None = None) -> None:
    """Start the spelling process and wait for it off the GUI thread; `ready(speller)` then runs on the GUI thread.

    The dictionaries live in a process of their own: hunspell holds the interpreter lock while it loads
    (~0.3 s) and answers, which in this process stalled the window. Learning the repository's words happens
    there too, before it reports ready.
    """

    def work(task: Task) -> RemoteSpeller:
        return RemoteSpeller(language, repository).start(task.cancel.is_set)

    def started(speller: RemoteSpeller) -> None:
        if speller.alive:
            ready(speller)

    runner.run("speller", work, started, failed or (lambda error: None))
