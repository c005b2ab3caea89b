"""Drafts: unsaved work kept on disk while editing, so it can be offered back after a crash (Qt-free)."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from .fileio import atomic_write


@dataclass(frozen=True)
class Draft:
    """Unsaved bytes of one document, and the file's bytes they started from."""

    root: str
    path: str
    content: bytes
    base_sha: str
    saved_at: float

    def base_matches(self, data: bytes) -> bool:
        """True when the file on disk is still what the draft started from."""
        return hashlib.sha256(data).hexdigest() == self.base_sha


class DraftStore:
    """One JSON file per (repository, document) in a folder of the user's data directory."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, root: Path, path: str) -> Path:
        # surrogateescape: a file name that is not UTF-8 has a key too (the same key as before for any other)
        digest = hashlib.sha256(f"{root.resolve()}\0{path}".encode("utf-8", "surrogateescape")).hexdigest()[:32]
        return self.folder / f"{digest}.json"

    def save(self, root: Path, path: str, base: bytes, content: bytes) -> None:
        """Keep `content` as the draft of `path` (written atomically; it survives the app being killed)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {"root": str(root.resolve()), "path": path, "base_sha": hashlib.sha256(base).hexdigest(),
                  "saved_at": time.time(), "content": base64.b64encode(content).decode("ascii")}
        atomic_write(self._file(root, path), json.dumps(record).encode("utf-8"), durable=False)

    def load(self, root: Path, path: str) -> Draft | None:
        """The draft of `path`, or None (also for an unreadable draft file)."""
        return self._read(self._file(root, path))

    def discard(self, root: Path, path: str) -> None:
        """Forget the draft of `path` (after saving or when the user threw it away)."""
        self._file(root, path).unlink(missing_ok=True)

    def for_repository(self, root: Path) -> list[Draft]:
        """Every draft of documents in this repository."""
        if not self.folder.is_dir():
            return []
        wanted = str(root.resolve())
        drafts = (self._read(file) for file in sorted(self.folder.glob("*.json")))
        return [d for d in drafts if d is not None and d.root == wanted]

    @staticmethod
    def _read(file: Path) -> Draft | None:
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
            return Draft(record["root"], record["path"], base64.b64decode(record["content"]),
                         record["base_sha"], float(record["saved_at"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None
