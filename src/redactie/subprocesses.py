"""What the application's own child processes share (Qt-free): how to start one (`redactie spell-worker`,
`redactie index-worker`) from a built app or a source run, and the JSON lines they read and write."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any


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


def json_lines(stdin: IO[bytes] | None = None,
               stdout: IO[bytes] | None = None) -> tuple[IO[bytes], Callable[[dict[str, Any]], None]]:
    """A child's input (its standard input unless given) and a `send` that writes one JSON line to its output."""
    given = stdin or (sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb", closefd=False))
    out = stdout or (sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb", closefd=False))

    def send(message: dict[str, Any]) -> None:
        out.write(json.dumps(message).encode("ascii") + b"\n")
        out.flush()

    return given, send
