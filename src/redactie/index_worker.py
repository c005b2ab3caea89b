"""Reading the document index in a process of its own, so a first start's full reading uses the second core.

Python threads share one interpreter lock: reading ten thousand files in full (~3 s) in the editor's process
competed with the window for it. On a first start the editor lists the documents from a quick read of their
titles and leaves the full reading to a child process: the application's own executable with the hidden
subcommand `index-worker` (so a built app needs nothing else, as `spell-worker`). The child receives the
document paths as one JSON line on its standard input, syncs the index the editor would sync
(`DocumentIndex(root, cache_file).sync(paths)`), saves the cache file (atomically: a per-process temporary file,
renamed, so two windows on one repository never write one file at the same time) and says so on its
standard output, with its progress before that. It ends when its input closes: when the editor is done with
it, and also when the editor's process ends in any way.

`IndexChild` is the editor's side. The editor then takes the saved cache (`DocumentIndex.reload`) and checks it
against the disk as ever; when the child cannot start, dies or stops reporting, the editor reads in its own
process instead, so a child never leaves an incomplete index behind.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, NoReturn

COMMAND = "index-worker"
REFUSE = "REDACTIE_NO_INDEX_WORKER"  # set (to anything but "" or "0"): the index is always read in-process
SILENT_TIMEOUT = 30.0  # seconds without a message from the child (it reports every 256 files): it counts as hung
LEAVE_TIMEOUT = 5.0  # seconds a child whose input closed may take to leave (it may be saving) before it is killed
_END = object()


# -- the child ------------------------------------------------------------------------------------------

def serve(argv: list[str], stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    """`redactie index-worker ROOT CACHE_FILE`: sync the index of the paths on the first input line, save it."""
    import argparse

    parser = argparse.ArgumentParser(prog=f"redactie {COMMAND}")
    parser.add_argument("root", type=Path)
    parser.add_argument("cache_file", type=Path)
    args = parser.parse_args(argv)
    stdin = stdin or (sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb", closefd=False))
    stdout = stdout or (sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb", closefd=False))

    def send(message: dict[str, Any]) -> None:
        stdout.write(json.dumps(message).encode("ascii") + b"\n")
        stdout.flush()

    first = stdin.readline()
    try:
        request = json.loads(first)
        paths = [str(path) for path in request["paths"]]
    except (ValueError, KeyError, TypeError):
        return 2  # no request (the editor went away) or not one this version understands
    stop = threading.Event()

    def watch() -> None:
        for _ in stdin:
            pass
        stop.set()  # the input closed: nobody waits for this index any more

    threading.Thread(target=watch, daemon=True).start()
    from .index import DocumentIndex, gc_paused

    index = DocumentIndex(args.root, args.cache_file)
    send({"started": len(paths)})
    with gc_paused():  # plain entries without cycles, as in the editor (see gc_paused)
        synced = index.sync(paths, stop.is_set, lambda done, total: send({"done": done, "total": total}))
    if not synced:
        return 1
    index.save()  # False when nothing changed (another window's child saved the same) or the write failed
    send({"complete": len(index)})
    return 0


def main(argv: list[str]) -> NoReturn:
    """The `index-worker` subcommand: serve, then leave at once (freeing ten thousand entries takes a while)."""
    try:
        code = serve(argv)
    except (OSError, ValueError):  # the editor closed the pipe while we wrote: it no longer listens
        code = 1
    sys.stdout.flush()
    os._exit(code)


# -- the editor's side ----------------------------------------------------------------------------------

def own_command(subcommand: str) -> tuple[list[str], dict[str, str]]:
    """The program and environment that run this application's `subcommand` (a built app or a source run)."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False) or getattr(sys, "_MEIPASS", None):
        # On Windows the GUI executable has no standard input and output; its console twin runs the same code.
        twin = Path(sys.executable).with_name("redactie-cli.exe")
        return [str(twin) if os.name == "nt" and twin.is_file() else sys.executable, subcommand], env
    source = str(Path(__file__).resolve().parents[1])  # this checkout's redactie, not another installed one
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH", "")) if p)
    return [sys.executable, "-m", "redactie", subcommand], env


def refused() -> bool:
    """True when the environment asks for the index to be read in the editor's own process."""
    return os.environ.get(REFUSE, "") not in ("", "0")


def _end(process: subprocess.Popen[bytes]) -> None:
    """Close the child's input (it stops and leaves); a thread reaps it, killing it if it does not leave soon.
    Nothing here waits: the last reference to a child may go on the GUI thread."""
    try:
        if process.stdin is not None:
            process.stdin.close()
    except OSError:
        pass
    threading.Thread(target=_reap, args=(process,), daemon=True).start()


def _reap(process: subprocess.Popen[bytes]) -> None:
    try:
        process.wait(LEAVE_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class IndexChild:
    """A child process reading the index of `paths` into `cache_file`; `wait` tells whether it saved it."""

    def __init__(self, process: subprocess.Popen[bytes], paths: list[str]) -> None:
        self.process = process
        self._messages: queue.Queue[object] = queue.Queue()
        self._finalizer = weakref.finalize(self, _end, process)  # also when the editor simply lets go of it
        request = json.dumps({"paths": paths}).encode("ascii") + b"\n"
        # Written from a thread of its own: the pipe holds 64 KB, and the child reads only once it has started.
        threading.Thread(target=self._send, args=(process.stdin, request), daemon=True).start()
        threading.Thread(target=self._receive, args=(process.stdout, self._messages), daemon=True).start()

    @classmethod
    def start(cls, root: Path, cache_file: Path | None, paths: list[str],
              program: list[str] | None = None) -> IndexChild | None:
        """Start a child reading the index; None when it may not (see `refused`), has no cache file to write to,
        or cannot be started (`program` replaces the application's own command)."""
        if cache_file is None or (program is None and refused()):
            return None
        command, env = own_command(COMMAND)
        if program is not None:
            command = program
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            process = subprocess.Popen([*command, str(root), str(cache_file)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                                       creationflags=flags)
        except (OSError, ValueError):
            return None
        return cls(process, paths)

    @staticmethod
    def _send(stream: IO[bytes] | None, request: bytes) -> None:
        try:
            if stream is not None:
                stream.write(request)
                stream.flush()
        except (OSError, ValueError):
            pass  # the child is gone (or closed): `wait` finds out

    @staticmethod
    def _receive(stream: IO[bytes] | None, into: queue.Queue[object]) -> None:
        try:
            for raw in stream if stream is not None else ():
                into.put(raw)
        except (OSError, ValueError):
            pass
        into.put(_END)

    @property
    def pid(self) -> int:
        """The child's process id."""
        return self.process.pid

    def wait(self, cancelled: Callable[[], bool] = lambda: False,
             progress: Callable[[int, int], None] | None = None, silent: float = SILENT_TIMEOUT) -> bool:
        """Wait (off the GUI thread) until the child has saved a complete index: True. False, and the child
        ended, when it dies, sends nothing for `silent` seconds, says something else, or `cancelled()`."""
        waited = 0.0
        while True:
            if cancelled() or waited >= silent:
                self.close()
                return False
            try:
                raw = self._messages.get(timeout=0.05)
            except queue.Empty:
                waited += 0.05
                continue
            waited = 0.0
            if raw is _END:
                self.close()
                return False
            try:
                message = json.loads(raw)  # type: ignore[arg-type]
            except ValueError:
                message = None
            if not isinstance(message, dict):
                self.close()
                return False
            if "complete" in message:
                self.close()
                return True
            if progress is not None and isinstance(message.get("done"), int) and isinstance(message.get("total"), int):
                progress(message["done"], message["total"])

    def close(self) -> None:
        """End the child (it leaves when its input closes); nothing when it already ended."""
        self._finalizer()
