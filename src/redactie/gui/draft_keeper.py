"""Unsaved work kept on disk as the user types, so that a crash or a kill loses nothing."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ..drafts import DraftStore
from .session import DocumentSession
from .tasks import TaskRunner

# Documents up to this size are written on every change (a small file write, no flush to the disk);
# larger ones a moment after the last change, off the GUI thread.
SYNC_LIMIT = 1_000_000
LATER_MS = 250


class DraftKeeper(QObject):
    """Writes the open document's draft after every change; removes it once nothing is unsaved."""

    def __init__(self, runner: TaskRunner, drafts: DraftStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner, self.drafts = runner, drafts
        self.session: DocumentSession | None = None
        self.failed = False  # the last write failed (disk full, no access): the editor may say so
        self._written: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LATER_MS)
        self._timer.timeout.connect(self._write_in_background)

    def follow(self, session: DocumentSession | None) -> None:
        """Keep the drafts of this session from now on."""
        self._timer.stop()
        self.session, self._written = session, None

    def changed(self) -> None:
        """The document changed: keep it (or forget the draft when it equals the file again)."""
        session = self.session
        if session is None:
            return
        if not session.modified:
            self.discard()
            return
        content = session.current()
        if len(content) > SYNC_LIMIT:
            self._timer.start()
        else:
            self._write(content)

    def keep_now(self) -> bool:
        """Write the open document's draft at once, whatever its size (before a restart); False if that failed."""
        self._timer.stop()
        session = self.session
        if session is None or not session.modified:
            return True
        self._write(session.current())
        return not self.failed

    def discard(self) -> None:
        """Forget the open document's draft (saved, or thrown away by the user)."""
        self._timer.stop()
        session = self.session
        if session is not None:
            self._written = None
            try:
                self.drafts.discard(session.repo.root, session.relpath)
            except OSError:
                pass

    def _write(self, content: bytes) -> None:
        session = self.session
        if session is None or content == self._written:
            return
        try:
            self.drafts.save(session.repo.root, session.relpath, session.saved_bytes, content)
        except OSError:
            self.failed = True
            return
        self.failed, self._written = False, content

    def _write_in_background(self) -> None:
        session = self.session
        if session is None or not session.modified:
            return
        key = f"draft:{session.relpath}"
        if self.runner.running(key):  # one write at a time per document, so an older one never lands last
            self._timer.start()
            return
        root, relpath, base, content = session.repo.root, session.relpath, session.saved_bytes, session.current()
        self.runner.run(key, lambda task: self.drafts.save(root, relpath, base, content), self._written_later)

    def _written_later(self, _result: object) -> None:
        session = self.session
        if session is not None and not session.modified:  # saved while the draft was being written
            self.discard()
