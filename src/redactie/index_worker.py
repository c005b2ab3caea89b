"""Reading the document index in a process of its own, so a first start's full reading uses the second core.

Python threads share one interpreter lock: reading ten thousand files in full (~3 s) in the editor's process
competed with the window for it. On a first start the editor lists the documents from a quick read of their
titles and leaves the full reading to a child process: the application's own executable with the hidden
subcommand `index-worker` (so a built app needs nothing else, as `spell-worker`). The child receives the
document paths as one JSON line on its standard input (with the files whose quick titles it takes first: the
editor takes them from the front, the child from the back, until they meet, so the first listing uses both
cores too), syncs the index the editor would sync (`DocumentIndex(root, cache_file).sync(paths)`), saves the
cache file (atomically: a per-process temporary file, renamed, so two windows on one repository never write
one file at the same time) and says so on its standard output, with its progress before that. It ends when
its input closes: when the editor is done with it, and also when the editor's process ends in any way.

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
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from .subprocesses import json_lines, own_command

if TYPE_CHECKING:
    from .index import DocumentIndex, IndexEntry, Signatures

COMMAND = "index-worker"
REFUSE = "REDACTIE_NO_INDEX_WORKER"  # set (to anything but "" or "0"): the index is always read in-process
SILENT_TIMEOUT = 30.0  # seconds without a message from the child (it reports every 256 files): it counts as hung
# The lowest priority: where the cores are busy the window's process gets them first (a waking GUI thread, or
# a worker holding the interpreter lock, is not kept waiting by the child); the child uses the idle core.
NICENESS = 19
LEAVE_TIMEOUT = 5.0  # seconds a child whose input closed may take to leave (it may be saving) before it is killed
PART = 256  # files per part of the quick read that each process takes (~15 ms)
ENOUGH = b'"enough"'  # the editor's second line: it has every quick title, the child goes on to the full read
_END = object()


# -- the child ------------------------------------------------------------------------------------------

def serve(argv: list[str], stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    """`redactie index-worker ROOT CACHE_FILE`: sync the index of the paths on the first input line, save it."""
    import argparse

    parser = argparse.ArgumentParser(prog=f"redactie {COMMAND}")
    parser.add_argument("root", type=Path)
    parser.add_argument("cache_file", type=Path)
    args = parser.parse_args(argv)
    stdin, send = json_lines(stdin, stdout)
    first = stdin.readline()
    try:
        request = json.loads(first)
        paths = [str(path) for path in request["paths"]]
        quick = [str(path) for path in request.get("quick", ())]
    except (ValueError, KeyError, TypeError, AttributeError):
        return 2  # no request (the editor went away) or not one this version understands
    stop, enough = threading.Event(), threading.Event()
    also: list[str] = []  # files beyond the documents the editor has read (a vocabulary's): saved with them

    def watch() -> None:
        for raw in stdin:
            if raw.strip() == ENOUGH:
                enough.set()
                continue
            try:
                more = json.loads(raw).get("also", [])
            except (ValueError, AttributeError):
                continue
            also.extend(str(path) for path in more if isinstance(path, str))
        stop.set()  # the input closed: nobody waits for this index any more

    threading.Thread(target=watch, daemon=True).start()
    if hasattr(os, "nice"):  # the window's process first where the cores are busy (Windows: see `start`)
        try:
            os.nice(NICENESS)
        except OSError:
            pass
    from .collection import gc_paused
    from .index import DocumentIndex

    index = DocumentIndex(args.root, args.cache_file)
    send({"started": len(paths)})
    with gc_paused():  # plain entries without cycles, as in the editor (see gc_paused)
        # First the quick titles the editor asked for, in its order, until it has the rest itself (`ENOUGH`);
        # the files read in full on the way stay in the index, which the sync then completes.
        for start in range(0, len(quick), PART):
            if enough.is_set() or stop.is_set():
                break
            found = index.glance(quick[start:start + PART], stop.is_set) or {}
            send({"titles": [[path, entry.title] for path, entry in found.items() if entry.readable],
                  "glanced": min(start + PART, len(quick))})
        synced = index.sync(paths, stop.is_set, lambda done, total: send({"done": done, "total": total}))
    if not synced:
        return 1
    for path in list(also):
        index.update(path)
    index.save()  # False when nothing changed (another window's child saved the same) or the write failed
    send({"complete": len(index)})
    return 0


def main(argv: list[str]) -> NoReturn:
    """The `index-worker` subcommand: serve, then leave at once (freeing ten thousand entries takes a while)."""
    try:
        code = serve(argv)
        sys.stdout.flush()
    except (OSError, ValueError):  # the editor closed the pipe while we wrote: it no longer listens
        code = 1
    os._exit(code)


# -- the editor's side ----------------------------------------------------------------------------------

def refused() -> bool:
    """True when the environment asks for the index to be read in the editor's own process."""
    return os.environ.get(REFUSE, "") not in ("", "0")


def _end(process: subprocess.Popen[bytes], outgoing: queue.Queue[bytes | None]) -> None:
    """Close the child's input (it stops and leaves); a thread reaps it, killing it if it does not leave soon.
    Nothing here waits: the last reference to a child may go on the GUI thread."""
    outgoing.put(None)  # the writing thread closes the input once it has written what it has
    threading.Thread(target=_reap, args=(process,), daemon=True).start()


def _reap(process: subprocess.Popen[bytes]) -> None:
    try:
        process.wait(LEAVE_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _send(stream: IO[bytes] | None, lines: queue.Queue[bytes | None]) -> None:
    """Write the editor's lines to the child until None comes, then close its input (it stops and leaves)."""
    try:
        while stream is not None and (line := lines.get()) is not None:
            stream.write(line)
            stream.flush()
    except (OSError, ValueError):
        pass  # the child is gone (or closed): `wait` finds out
    try:
        if stream is not None:
            stream.close()
    except OSError:
        pass


class _Heard:
    """What the child has said so far: its other messages in order, and the quick titles as they came (kept
    apart from `IndexChild`, so the thread that listens does not keep the child's handle alive)."""

    def __init__(self) -> None:
        self.messages: queue.Queue[object] = queue.Queue()
        self.lock = threading.Lock()
        self.titles: dict[str, str | None] = {}
        self.glanced = 0

    def listen(self, stream: IO[bytes] | None) -> None:
        """Take the child's output line by line until it ends (then `_END`)."""
        try:
            for raw in stream if stream is not None else ():
                try:
                    message = json.loads(raw)
                except ValueError:
                    message = None
                if isinstance(message, dict) and isinstance(message.get("titles"), list):
                    self.took(message)
                else:
                    self.messages.put(message)
        except (OSError, ValueError):
            pass
        self.messages.put(_END)

    def took(self, message: dict[str, Any]) -> None:
        """Keep the quick titles of one message."""
        titles = {str(pair[0]): pair[1] if isinstance(pair[1], str) else None for pair in message["titles"]
                  if isinstance(pair, list) and len(pair) == 2}
        with self.lock:
            self.titles.update(titles)
            if isinstance(message.get("glanced"), int):
                self.glanced = max(self.glanced, message["glanced"])


class IndexChild:
    """A child process reading the index of `paths` into `cache_file`; `wait` tells whether it saved it.

    It first takes the quick titles of `quick` (the editor reads them from the other end, see `glance_shared`)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self._heard = _Heard()
        self._outgoing: queue.Queue[bytes | None] = queue.Queue()
        self._finalizer = weakref.finalize(self, _end, process, self._outgoing)  # also when simply let go of
        # Written from a thread of its own: the pipe holds 64 KB, and the child reads only once it has started.
        threading.Thread(target=_send, args=(process.stdin, self._outgoing), daemon=True).start()
        threading.Thread(target=self._heard.listen, args=(process.stdout,), daemon=True).start()

    @classmethod
    def start(cls, root: Path, cache_file: Path | None, paths: list[str] | None = None,
              quick: list[str] | None = None, program: list[str] | None = None) -> IndexChild | None:
        """Start a child reading the index of `paths` (or of the paths `read` gives it later: it starts up
        meanwhile); None when it may not (see `refused`), has no cache file to write to, or cannot be started
        (`program` replaces the application's own command)."""
        if cache_file is None or (program is None and refused()):
            return None
        command, env = own_command(COMMAND)
        if program is not None:
            command = program
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)
        try:
            process = subprocess.Popen([*command, str(root), str(cache_file)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                                       creationflags=flags)
        except (OSError, ValueError):
            return None
        child = cls(process)
        if paths is not None:
            child.read(paths, quick)
        return child

    def read(self, paths: list[str], quick: list[str] | None = None) -> None:
        """Give the child its work: read `paths` in full, after the quick titles of `quick` (see
        `glance_shared`). Once only; never waits."""
        self._outgoing.put(json.dumps({"paths": paths, "quick": quick or []}).encode("ascii") + b"\n")

    @property
    def glanced(self) -> int:
        """How many of `quick` the child has taken the titles of (in order)."""
        return self._heard.glanced

    def titles(self) -> dict[str, str | None]:
        """The quick titles the child has sent so far (of the readable files among the first `glanced`)."""
        with self._heard.lock:
            return dict(self._heard.titles)

    def enough(self) -> None:
        """Tell the child the editor has every quick title: it goes on to the full reading (never waits)."""
        self._outgoing.put(ENOUGH + b"\n")

    def also(self, paths: list[str]) -> None:
        """Ask the child to read and save these files too (ones beyond the documents, a vocabulary's), so the
        editor has nothing left to save; when it comes too late the editor saves them itself (never waits)."""
        if paths:
            self._outgoing.put(json.dumps({"also": paths}).encode("ascii") + b"\n")

    def wait(self, cancelled: Callable[[], bool] = lambda: False,
             progress: Callable[[int, int], None] | None = None, silent: float = SILENT_TIMEOUT) -> bool:
        """Wait (off the GUI thread) until the child has saved a complete index: True. False, and the child
        ended, when it dies, sends nothing for `silent` seconds, says something else, or `cancelled()`."""
        heard = time.monotonic()
        while True:
            if cancelled() or time.monotonic() - heard >= silent:
                self.close()
                return False
            try:
                message = self._heard.messages.get(timeout=0.05)
            except queue.Empty:
                continue
            heard = time.monotonic()
            if not isinstance(message, dict):  # ended, or not a message of this version
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


def glance_shared(index: DocumentIndex, paths: list[str], child: IndexChild | None, seen: Signatures,
                  cancelled: Callable[[], bool] = lambda: False) -> dict[str, IndexEntry] | None:
    """`index.glance(paths)`, shared with `child` when there is one (started with `quick` = `paths` reversed):
    this process takes the titles from the front, part by part, until it meets the titles the child sent from
    the back; then the child goes on to the full reading, and this process reads any title it has not got."""
    found: dict[str, IndexEntry] = {}
    position = 0
    while position < len(paths) and (child is None or position + child.glanced < len(paths)):
        part = index.glance(paths[position:position + PART], cancelled, seen)
        if part is None:
            return None
        found.update(part)
        position += PART
    if child is None:
        return found
    child.enough()
    found.update(index.provisional({path: title for path, title in child.titles().items() if path not in found},
                                   seen))
    rest = index.glance([path for path in paths[position:] if path not in found], cancelled, seen)
    if rest is None:
        return None
    found.update(rest)
    return found
