"""Atomic file writes: a reader sees the old bytes or the new ones, never half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes, durable: bool = True) -> bool:
    """Write `data` to `path` atomically; returns False (and writes nothing) when the bytes are unchanged.

    `durable=False` skips the flush to the disk: the file still survives the process being killed, not a
    power cut (for drafts, written on every keystroke).
    """
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
