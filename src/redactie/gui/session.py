"""The open document's state: its bytes on disk, the lossless model, and one undo history for all edits."""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..document import Document, DocumentEncodingError, FrontMatterError
from ..repository import ContentRepository

MERGE_SECONDS = 1.5


class _Snapshot(QUndoCommand):
    """An edit as the document's bytes before and after; typing in one place merges into one step."""

    def __init__(self, session: DocumentSession, before: bytes, after: bytes, text: str, key: str) -> None:
        super().__init__(text)
        self.session, self.before, self.after, self.key = session, before, after, key
        self.when = time.monotonic()
        self._applied = True

    def id(self) -> int:  # noqa: A003 - Qt API
        """Commands with the same key may merge."""
        return zlib.crc32(self.key.encode()) & 0x7FFFFFFF

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        """Merge quick successive edits of the same field or section."""
        if not isinstance(other, _Snapshot) or other.key != self.key or other.when - self.when > MERGE_SECONDS:
            return False
        self.after, self.when = other.after, other.when
        return True

    def redo(self) -> None:
        """Apply the edit (the first time it is already applied)."""
        if self._applied:
            self._applied = False
            return
        self.session.restore(self.after)

    def undo(self) -> None:
        """Go back to the bytes before the edit."""
        self.session.restore(self.before)


class DocumentSession(QObject):
    """One open document. `changed` after every edit; `replaced` when views must re-read it (undo, reload)."""

    changed = Signal()
    replaced = Signal()

    def __init__(self, repo: ContentRepository, relpath: str, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo, self.relpath = repo, relpath
        self.path: Path = repo.root / relpath
        self.saved_bytes = data
        self.undo_stack = QUndoStack(self)
        self.doc: Document | None = None
        self.raw = data
        self.error: FrontMatterError | DocumentEncodingError | None = None
        self._parse(data)

    def _parse(self, data: bytes) -> None:
        self.raw = data
        try:
            self.doc, self.error = Document.parse(data), None
        except (FrontMatterError, DocumentEncodingError) as exc:
            self.doc, self.error = None, exc

    def current(self) -> bytes:
        """The document's bytes as they are now."""
        return self.doc.dump() if self.doc is not None else self.raw

    @property
    def modified(self) -> bool:
        """True when the document differs from the file as last read or saved."""
        return self.current() != self.saved_bytes

    def edit(self, key: str, text: str, change: Callable[[Document], None]) -> None:
        """Apply `change` to the model as one undoable step (EditError leaves the document as it was)."""
        if self.doc is None:
            return
        before = self.doc.dump()
        target = self.doc
        run = self._typing_run(key, before)
        if run is not None:
            # A field typed in one run is written as if edited once from before the run, so a style an
            # intermediate value needed (quotes for a trailing space) does not stay behind.
            target = Document.parse(run.before)
        change(target)
        after = target.dump()
        if after != before:
            self.doc = target
            self.undo_stack.push(_Snapshot(self, before, after, text, key))
            self._notify()

    def _typing_run(self, key: str, before: bytes) -> _Snapshot | None:
        """The last undo step, when it is a quick edit of the same field that led to the current bytes."""
        index = self.undo_stack.index()
        top = self.undo_stack.command(index - 1) if index > 0 else None
        if (key.startswith("field:") and isinstance(top, _Snapshot) and top.key == key and top.after == before
                and time.monotonic() - top.when <= MERGE_SECONDS):
            return top
        return None

    def set_text(self, data: bytes, text: str) -> None:
        """Replace the whole file's bytes (from the raw view) as one undoable step."""
        before = self.current()
        if data == before:
            return
        self._parse(data)
        self.undo_stack.push(_Snapshot(self, before, data, text, "raw"))
        self._notify()

    def restore(self, data: bytes) -> None:
        """Set the document to `data` (undo and redo use this); views re-read it."""
        self._parse(data)
        self.replaced.emit()
        self._notify()

    def reload(self, data: bytes) -> None:
        """Take the file's bytes from disk as the new saved state; the undo history starts over."""
        self.saved_bytes = data
        self._parse(data)
        self.undo_stack.clear()
        self.replaced.emit()
        self._notify()

    def mark_saved(self, data: bytes) -> None:
        """Record that `data` is what the file now holds."""
        self.saved_bytes = data
        self.undo_stack.setClean()
        self._notify()

    def _notify(self) -> None:
        self.changed.emit()
