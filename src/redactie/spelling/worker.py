"""Spell checking in a process of its own, so the dictionary never holds the editor's interpreter lock.

hunspell's extension keeps Python's interpreter lock while it loads a dictionary (~0.3 s) and while it
answers (long compounds take milliseconds): in the editor's process that froze the window. Here the
dictionary lives in a child process, the application's own executable with the hidden subcommand
`spell-worker` (so a built app needs nothing else), which reads one JSON request a line on its standard input
and answers one JSON line on its standard output. `RemoteSpeller` is the editor's side: the same questions as
`Speller` (check a line, suggestions, accept a word). The child ends when its input closes: when the
editor closes it, and also when the editor's process ends in any way.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import weakref
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, NoReturn

from ..subprocesses import json_lines, own_command
from .dictionaries import DictionaryMissing
from .speller import Speller, root_of, user_list_path
from .wordlists import REPOSITORY_LIST, add_word, document_counts, fold

COMMAND = "spell-worker"
ANSWER_TIMEOUT = 10.0  # seconds a single answer may take before the child counts as hung
_LINE_CACHE = 20_000
RUN_LINES = 64  # lines asked in one request by check_run: one round trip (two thread switches) per run, not per line
_END = object()


class WorkerFailed(RuntimeError):
    """The spelling process could not be started, died, or stopped answering."""


# -- the child ------------------------------------------------------------------------------------------

def _read_requests(stream: IO[bytes], into: queue.Queue[object], stop: threading.Event) -> None:
    for raw in stream:
        into.put(raw)
    stop.set()  # the editor closed our input (or ended): stop learning and leave
    into.put(_END)


def _answer(speller: Speller, request: dict[str, Any]) -> dict[str, Any]:
    op = request.get("op")
    if op == "check":
        spans, state = speller.check(str(request["line"]), int(request.get("state", 0)))
        return {"spans": spans, "state": state}
    if op == "checks":
        results = [speller.check(str(line), int(state)) for line, state in request["lines"]]
        return {"results": [[spans, state] for spans, state in results]}
    if op == "run":  # consecutive lines: each starts in the state the one before it ended in
        state, answers = int(request.get("state", 0)), []
        for line in request["lines"]:
            spans, state = speller.check(str(line), state)
            answers.append([spans, state])
        return {"results": answers}
    if op == "suggest":
        return {"words": speller.suggestions(str(request["word"]), int(request.get("limit", 6)))}
    if op == "add":
        word, where = fold(str(request["word"])), request.get("to")
        {"user": speller.user_words, "repository": speller.repository_words}.get(str(where), speller.session).add(word)
        speller._compounds = {}  # noqa: SLF001 - the same reset Speller.add does
        return {}
    if op == "reload":
        speller.reload_lists()
        return {}
    return {"error": f"unknown request {op!r}"}


LEARNING_NICENESS = 10  # reading every document to learn its words yields the cores to the window (Linux)


def _learn_quietly(root: Path, stop: threading.Event) -> Counter[str]:
    """`document_counts` in a thread of lower priority where the system sets one per thread (Linux): reading a
    large repository takes seconds of a core, beside the window's own work (its validation, opens); the
    answers to the editor's questions, later, keep the normal priority of this process's main thread."""
    found: dict[str, Counter[str]] = {}

    def learn() -> None:
        if sys.platform.startswith("linux"):
            try:
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LEARNING_NICENESS)
            except OSError:
                pass
        found["counts"] = document_counts(root, stop)

    thread = threading.Thread(target=learn, name="learn-words", daemon=True)
    thread.start()
    thread.join()
    return found.get("counts", Counter())


def serve(argv: list[str], stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    """`redactie spell-worker --lang nl [--repository DIR] [--user-list FILE]`: answer spelling requests."""
    import argparse

    parser = argparse.ArgumentParser(prog=f"redactie {COMMAND}")
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--repository", type=Path)
    parser.add_argument("--user-list", type=Path)
    args = parser.parse_args(argv)
    stdin, send = json_lines(stdin, stdout)
    requests: queue.Queue[object] = queue.Queue()
    stop = threading.Event()
    threading.Thread(target=_read_requests, args=(stdin, requests, stop), daemon=True).start()
    try:
        speller = Speller(args.lang, args.repository, user_list=args.user_list).load()
    except DictionaryMissing as exc:
        send({"missing": exc.language})
        return 2
    if speller.root is not None:
        counts = _learn_quietly(speller.root, stop)
        if not stop.is_set():  # the input closed: nobody waits for the learned words, the queued requests only
            speller.use_counts(counts)
    send({"ready": True})
    while (raw := requests.get()) is not _END:
        try:
            reply = _answer(speller, json.loads(raw))  # type: ignore[arg-type]
        except (ValueError, KeyError, TypeError) as exc:  # a malformed request: say so, keep serving
            reply = {"error": str(exc)}
        send(reply)
    return 0


def main(argv: list[str]) -> NoReturn:
    """The `spell-worker` subcommand: serve, then leave at once (freeing the dictionaries takes seconds)."""
    code = serve(argv)
    sys.stdout.flush()
    os._exit(code)


# -- the editor's side ----------------------------------------------------------------------------------

def worker_command(language: str, root: Path | None, user_list: Path) -> tuple[list[str], dict[str, str]]:
    """The program, arguments and environment that start the spelling process (a built app or a source run)."""
    program, env = own_command(COMMAND)
    program += ["--lang", language, "--user-list", str(user_list)]
    if root is not None:
        program += ["--repository", str(root)]
    return program, env


def _end(process: subprocess.Popen[bytes]) -> None:
    """Close the child's input (it leaves at once) and reap it; kill it if it does not."""
    try:
        if process.stdin is not None:
            process.stdin.close()
    except OSError:
        pass
    try:
        process.wait(0.3)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class RemoteSpeller:
    """A `Speller` in a child process: `check`, `misspelled`, `suggestions` and the word lists, as Speller has them.

    Answers are cached per line. When the child dies or hangs, spell checking turns itself off (no
    underlines, no suggestions) rather than stopping the editor: `alive` is then False.
    """

    def __init__(self, language: str = "nl", repository: object = None, user_list: Path | None = None) -> None:
        self.language = language
        self.root = root_of(repository)
        self.user_list = user_list if user_list is not None else user_list_path()
        self._process: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[object] = queue.Queue()
        self._lock = threading.Lock()
        self._lines: dict[tuple[str, int], tuple[list[tuple[int, int]], int]] = {}
        self.alive = False

    # Starting and ending

    def start(self, cancelled: Callable[[], bool] = lambda: False) -> RemoteSpeller:
        """Start the child and wait (off the GUI thread) until it has loaded and learned; raises
        DictionaryMissing or WorkerFailed, or returns early (not alive) when `cancelled()`."""
        program, env = worker_command(self.language, self.root, self.user_list)
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            process = subprocess.Popen(program, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, env=env, creationflags=flags)
        except OSError as exc:
            raise WorkerFailed(str(exc)) from exc
        self._process = process
        weakref.finalize(self, _end, process)  # also when the editor simply lets go of this speller
        threading.Thread(target=self._read_answers, args=(process.stdout, self._answers), daemon=True).start()
        while True:
            try:
                first = self._answers.get(timeout=0.1)
                break
            except queue.Empty:
                if cancelled():
                    self.close()
                    return self
        if first is _END:
            self.close()
            raise WorkerFailed(f"the spelling process ended ({process.poll()})")
        message = json.loads(first)  # type: ignore[arg-type]
        if "missing" in message:
            self.close()
            raise DictionaryMissing(str(message["missing"]))
        self.alive = True
        return self

    @staticmethod
    def _read_answers(stream: IO[bytes], into: queue.Queue[object]) -> None:
        for raw in stream:
            into.put(raw)
        into.put(_END)

    def close(self) -> None:
        """End the child process (quickly: it leaves when its input closes)."""
        self.alive = False
        process, self._process = self._process, None
        if process is not None:
            _end(process)

    # Asking

    def _ask(self, request: dict[str, Any]) -> dict[str, Any] | None:
        with self._lock:
            process = self._process
            if not self.alive or process is None or process.stdin is None:
                return None
            try:
                process.stdin.write(json.dumps(request).encode("ascii") + b"\n")
                process.stdin.flush()
                raw = self._answers.get(timeout=ANSWER_TIMEOUT)
            except (OSError, ValueError, queue.Empty):
                raw = _END
            if raw is _END:
                self.close()  # dead or hung: spelling turns itself off rather than the editor
                return None
            reply = json.loads(raw)  # type: ignore[arg-type]
            return None if "error" in reply else reply

    def check(self, line: str, state: int = 0) -> tuple[list[tuple[int, int]], int]:
        """(start, length) of every unknown prose word of a line, and the state for the next line."""
        key = (line, state)
        known = self._lines.get(key)
        if known is None:
            reply = self._ask({"op": "check", "line": line, "state": state})
            if reply is None:
                return [], state
            known = ([(int(a), int(n)) for a, n in reply["spans"]], int(reply["state"]))
            if len(self._lines) > _LINE_CACHE:
                self._lines = {}
            self._lines[key] = known
        return known

    def check_run(self, lines: list[str], state: int = 0, cancelled: Callable[[], bool] = lambda: False) -> int:
        """Ask about consecutive lines (a section) in few requests, keeping every answer; the state after the last.

        Per line, a request and its answer each hand the interpreter lock between this process's threads;
        asked line by line in the background, that many handovers kept the window waiting for the lock.
        """
        at = 0
        while at < len(lines) and not cancelled():
            known = self._lines.get((lines[at], state))
            if known is not None:
                state, at = known[1], at + 1
                continue
            run = lines[at:at + RUN_LINES]
            reply = self._ask({"op": "run", "lines": run, "state": state})
            if reply is None:
                return state
            if len(self._lines) > _LINE_CACHE:
                self._lines = {}
            for line, (spans, after) in zip(run, reply["results"], strict=True):
                self._lines[(line, state)] = ([(int(a), int(n)) for a, n in spans], int(after))
                state = int(after)
            at += len(run)
        return state

    def misspelled(self, line: str) -> list[tuple[int, int]]:
        """(start, length) of every unknown prose word in a line of Markdown."""
        return self.check(line)[0]

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Likely corrections, best first, in the word's own capitalisation."""
        reply = self._ask({"op": "suggest", "word": word, "limit": limit})
        return [str(w) for w in reply["words"]] if reply is not None else []

    # Word lists (the files are written here, in the editor's process, so their errors reach the editor)

    @property
    def repository_list(self) -> Path | None:
        """The repository's shared word-list file (it may not exist yet)."""
        return self.root / REPOSITORY_LIST if self.root is not None else None

    def _learned(self, word: str, where: str) -> None:
        self._lines = {}
        self._ask({"op": "add", "word": word, "to": where})

    def add(self, word: str) -> None:
        """Accept a word for this session only."""
        self._learned(word, "session")

    def add_for_user(self, word: str) -> bool:
        """Add a word to the user's own list (kept across sessions and repositories)."""
        written = add_word(self.user_list, word)
        self._learned(word, "user")
        return written

    def add_to_repository(self, word: str) -> Path:
        """Add a word to the repository's shared list, a file to review and commit like any change."""
        if self.repository_list is None:
            raise ValueError("no repository")
        add_word(self.repository_list, word)
        self._learned(word, "repository")
        return self.repository_list

    def reload_lists(self) -> None:
        """Read the word lists again (after a pull brought the team's additions)."""
        self._lines = {}
        self._ask({"op": "reload"})
