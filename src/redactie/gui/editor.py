"""The open document: banners, the form (fields and sections) and the raw text, over one DocumentSession.

It saves atomically, keeps drafts for crash recovery, and notices when another program changes the file.
"""

from __future__ import annotations

import datetime
import errno
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QTabWidget, QVBoxLayout, QWidget

from ..document import Document
from ..drafts import DraftStore
from ..fileio import FileRefused, atomic_write, read_document, write_inside
from ..links import KnownFiles
from ..repository import ContentRepository
from .banner import Banner
from .draft_keeper import DraftKeeper
from .form_view import NEXT_TURN_MS, FormView
from .format_toolbar import FormatToolBar
from .raw_view import RawView
from .section_edit import SectionEdit
from .session import DocumentSession
from .tasks import TaskRunner


class DocumentEditor(QWidget):
    """Edits one document; `modified_changed(bool)`, `text_changed(body)`, `session_changed(session)`."""

    modified_changed = Signal(bool)
    text_changed = Signal(str)
    session_changed = Signal(object)
    saved = Signal(str)

    def __init__(self, runner: TaskRunner, drafts: DraftStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.drafts = runner, drafts
        self.setAccessibleName(self.tr("Document"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banners = QVBoxLayout()
        layout.addLayout(self.banners)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Weergave van het document"))
        self.form_view = FormView(self)
        self.form_view.runner = runner  # asks the spelling process about an opened document's lines off this thread
        self.raw_view = RawView(self)
        self.tabs.addTab(self.form_view, self.tr("Formulier"))
        self.tabs.addTab(self.raw_view, self.tr("Tekst"))
        self.tabs.setTabToolTip(0, self.tr("De gegevens en secties van het document als formulier"))
        self.tabs.setTabToolTip(1, self.tr("Het hele bestand als tekst, voor gevorderden en om fouten te herstellen"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.format_bar = FormatToolBar(self.form_view, self)
        layout.addWidget(self.format_bar)
        layout.addWidget(self.tabs)
        self.form_view.edited.connect(self._edited)
        self.raw_view.edited.connect(self._edited)
        self.session: DocumentSession | None = None
        self.language = "nl"
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self.check_disk)
        # The folder too: git (checkout, stash, pull) removes a file and writes a new one; the file's own watch
        # ends with the removal, and only the folder sees the new file arrive.
        self.watcher.directoryChanged.connect(self.check_disk)
        self.draft_keeper = DraftKeeper(runner, drafts, self)
        self._recreate = False  # the user agreed to write a file that was deleted while open
        self._files_root: Path | None = None

    def refresh_known_files(self, repo: ContentRepository) -> None:
        """Find the repository's files again (off the GUI thread), for marking links to missing documents."""
        self._files_root = repo.root
        self.runner.run("known-files", lambda _task: KnownFiles.scan(repo.root), self.form_view.set_known_files)

    def _known_files_of(self, repo: ContentRepository) -> None:
        if self.session is not None and self.session.repo is repo:  # else a newer open asked for its own
            self.refresh_known_files(repo)

    # -- compatibility helpers used by the window and tests ------------------------------------------------

    @property
    def doc(self) -> Document | None:
        """The open document's model (None when its front matter does not parse)."""
        return self.session.doc if self.session else None

    @property
    def form(self):  # noqa: ANN201 - FieldForm
        """The front-matter form."""
        return self.form_view.form

    @property
    def path(self) -> Path | None:
        """The open file."""
        return self.session.path if self.session else None

    @property
    def modified(self) -> bool:
        """True when the document differs from the file as last read or saved."""
        return self.session is not None and self.session.modified

    # -- opening -------------------------------------------------------------------------------------------

    def open(self, repo: ContentRepository, relpath: str, language: str) -> None:
        """Load a document from disk; a draft left by a crash is offered back."""
        self.language = language
        self._clear_banners()
        self.stop_watching()
        data = read_document(repo.root / relpath)
        session = DocumentSession(repo, relpath, data, self)
        session.changed.connect(self._session_changed)
        session.replaced.connect(self._replaced)
        old, self.session = self.session, session
        self.draft_keeper.follow(session)
        self._recreate = False
        if old is not None:
            old.deleteLater()
        self.watcher.addPaths([str(session.path), str(session.path.parent)])
        self.form_view.show_session(session, language)
        # a section editor that keeps the focus shows this document's section now (editors are refilled)
        focused = QApplication.focusWidget()
        self.format_bar.follow(focused if isinstance(focused, SectionEdit) and self.form_view.isAncestorOf(focused)
                               else None)
        if self._files_root != repo.root:  # in the next turn: no worker competes with this open's painting
            self._files_root = repo.root
            QTimer.singleShot(NEXT_TURN_MS, self, lambda: self._known_files_of(repo))
        if session.doc is None:  # it opens in the Tekst tab
            self.raw_view.show_session(session, language)
        else:  # filled when its tab is opened: colouring the whole file for a hidden tab made each open slower
            self.raw_view.follow(session, language)
        self.tabs.setTabEnabled(0, session.doc is not None)
        self.tabs.setCurrentIndex(0 if session.doc is not None else 1)
        if session.doc is None:
            self.raw_view.show_error()
        self.session_changed.emit(session)
        self.modified_changed.emit(False)
        self.text_changed.emit(session.doc.body if session.doc else "")
        self._offer_draft(repo, relpath, data)

    def close_document(self) -> None:
        """Show no document (another repository without it is shown): nothing is written, its draft stays."""
        self._clear_banners()
        self.stop_watching()
        old, self.session = self.session, None
        self.draft_keeper.follow(None)
        self.form_view.session = None
        self.form_view.header.setText("")
        self.form_view.rebuild()
        self.raw_view.session = None
        self.raw_view.edit.set_original("")
        self.raw_view.show_error()
        self.format_bar.follow(None)
        self.tabs.setTabEnabled(0, True)
        if old is not None:
            old.deleteLater()
        self.session_changed.emit(None)
        self.modified_changed.emit(False)
        self.text_changed.emit("")

    def _offer_draft(self, repo: ContentRepository, relpath: str, data: bytes) -> None:
        draft = self.drafts.load(repo.root, relpath)
        if draft is None:
            return
        if draft.content == data:
            self.drafts.discard(repo.root, relpath)
            return
        when = datetime.datetime.fromtimestamp(draft.saved_at).strftime("%d-%m-%Y %H:%M")
        text = self.tr("Er is niet-opgeslagen werk aan dit document gevonden van %1.").replace("%1", when)
        if not draft.base_matches(data):
            text += " " + self.tr("Het bestand is sindsdien ook buiten Redactie gewijzigd; herstellen vervangt die "
                                  "wijziging (u ziet het verschil bij Wijzigingen bekijken).")
        self._banner("draft-banner", text, [
            (self.tr("Herstellen"), self.tr("Zet het niet-opgeslagen werk terug in het document"),
             lambda: self._restore_draft(draft.content)),
            (self.tr("Weggooien"), self.tr("Gooi het niet-opgeslagen werk weg"),
             lambda: self.drafts.discard(repo.root, relpath)),
        ])

    def _restore_draft(self, content: bytes) -> None:
        if self.session is not None:
            self.session.set_text(content, self.tr("Niet-opgeslagen werk herstellen"))
            self._replaced()

    # -- editing -------------------------------------------------------------------------------------------

    def _edited(self) -> None:
        if self.session is not None and self.session.doc is not None:
            self.text_changed.emit(self.session.doc.body)

    def _session_changed(self) -> None:
        session = self.session
        if session is None:
            return
        self.modified_changed.emit(session.modified)
        self.tabs.setTabEnabled(0, session.doc is not None)
        self.draft_keeper.changed()

    def _replaced(self) -> None:
        session = self.session
        if session is None:
            return
        self.form_view.refresh()
        self.raw_view.refresh()
        self.tabs.setTabEnabled(0, session.doc is not None)
        if session.doc is not None:
            self.text_changed.emit(session.doc.body)

    def _tab_changed(self, index: int) -> None:
        self.format_bar.setVisible(index == 0)  # it formats sections, which only the form shows
        if index == 0:
            self.raw_view.apply()
            self.form_view.refresh()
        else:
            self.raw_view.refresh()

    # -- saving and the disk -------------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the user's edits atomically; nothing when nothing changed; never over another program's change.

        Returns True when the file was written. A failure (disk full, no access) is explained in a banner;
        the edits stay in the window and in the draft.
        """
        session = self.session
        if session is None:
            return False
        self.raw_view.apply()
        try:
            disk: bytes | None = read_document(session.path)
        except FileNotFoundError:
            disk = None
        except OSError as exc:
            self._write_failed(exc)
            return False
        if disk is None and not self._recreate:
            self._deleted_banner()
            return False
        if disk is not None and disk != session.saved_bytes:
            self._disk_banner(disk)
            return False
        if disk is not None and not session.modified:
            return False  # nothing of the user's to write: the file is not touched
        data = session.current()
        try:
            written = write_inside(session.repo.root, session.relpath, data)
        except OSError as exc:
            self._write_failed(exc)
            return False
        self._recreate = False
        self._clear_banners("write-banner")
        session.mark_saved(data)
        self.draft_keeper.discard()
        if str(session.path) not in self.watcher.files():
            self.watcher.addPath(str(session.path))
        self.saved.emit(session.relpath)
        return written

    def _write_failed(self, exc: OSError) -> None:
        if isinstance(exc, FileRefused):
            reason = exc.localized(self.language)
        elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = self.tr("De schijf is vol.")
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            reason = self.tr("Het bestand of de map is alleen-lezen, of u heeft er geen schrijfrechten.")
        else:
            reason = self.tr("Het besturingssysteem meldt: %1").replace("%1", exc.strerror or str(exc))
        kept = self.tr("Uw wijzigingen zijn niet verloren: ze staan nog in het venster en worden als concept "
                       "bewaard.")
        self._clear_banners("write-banner")
        self._banner("write-banner", self.tr("Het document kon niet worden opgeslagen.") + " " + reason + " " + kept, [
            (self.tr("Opslaan als…"), self.tr("Sla uw versie op een andere plek op"), self.save_as),
            (self.tr("Opnieuw proberen"), self.tr("Probeer nog eens op te slaan"), self.save),
        ])

    def _deleted_banner(self) -> None:
        self._clear_banners("deleted-banner")
        self._banner("deleted-banner", self.tr("Het bestand is door een ander programma verwijderd of verplaatst. "
                                               "Er is niets opgeslagen."), [
            (self.tr("Opnieuw aanmaken"), self.tr("Sla het document op onder de oude naam"), self._recreate_file),
            (self.tr("Opslaan als…"), self.tr("Sla uw versie op een andere plek op"), self.save_as),
        ])

    def _recreate_file(self) -> None:
        self._recreate = True
        self.save()

    def save_as(self) -> bool:
        """Write the user's version to a file of their choice (the open document stays where it is)."""
        session = self.session
        if session is None:
            return False
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Opslaan als"), str(session.path),
                                              self.tr("Markdown-bestanden (*.md);;Alle bestanden (*)"))
        if not name:
            return False
        try:
            atomic_write(Path(name), session.current())
        except OSError as exc:
            self._write_failed(exc)
            return False
        return True

    def discard_draft(self) -> None:
        """Forget the draft of the open document (the user chose not to keep the changes)."""
        self.draft_keeper.discard()

    def check_disk(self, _path: str = "") -> None:
        """Notice a change by another program: reload when there is no unsaved work, else ask."""
        session = self.session
        if session is None:
            return
        try:
            disk = read_document(session.path)
        except OSError:  # gone, or no longer a regular file: saving will say so
            return
        if str(session.path) not in self.watcher.files():
            self.watcher.addPath(str(session.path))  # an atomic replace drops the watch
        if disk == session.saved_bytes:
            return
        if not session.modified:
            session.reload(disk)
            self._clear_banners("disk-banner")
            self._banner("disk-banner", self.tr("Het bestand is door een ander programma gewijzigd en opnieuw "
                                                "geladen."), [(self.tr("Sluiten"), self.tr("Melding sluiten"),
                                                               lambda: None)])
            return
        self._disk_banner(disk)

    def _disk_banner(self, disk: bytes) -> None:
        self._clear_banners("disk-banner")
        self._banner("disk-banner", self.tr("Het bestand is door een ander programma gewijzigd terwijl u het "
                                            "bewerkte. Er is niets overschreven."), [
            (self.tr("Opnieuw laden"), self.tr("Laad het bestand zoals het nu is; uw niet-opgeslagen wijzigingen "
                                               "vervallen"), lambda: self._reload(disk)),
            (self.tr("Mijn versie houden"), self.tr("Houd uw versie; bij opslaan vervangt die de andere wijziging"),
             lambda: self._keep_mine(disk)),
            (self.tr("Verschil bekijken"), self.tr("Toon het verschil tussen het bestand en uw versie"),
             lambda: self._show_difference(disk)),
        ], keep_open_label=self.tr("Verschil bekijken"))

    def _reload(self, disk: bytes) -> None:
        if self.session is not None:
            self.session.reload(disk)
            self.discard_draft()

    def _keep_mine(self, disk: bytes) -> None:
        if self.session is not None:
            self.session.saved_bytes = disk
            self.modified_changed.emit(self.session.modified)

    def _show_difference(self, disk: bytes) -> None:
        if self.session is not None:
            from .diff_view import DiffDialog

            DiffDialog(self.tr("Het bestand op schijf en uw versie"), disk, self.session.current(), self).open()

    # -- banners -------------------------------------------------------------------------------------------

    def _banner(self, name: str, text: str, actions: list, keep_open_label: str | None = None) -> Banner:
        banner = Banner(name, text, actions, self)
        if keep_open_label and keep_open_label in banner.buttons:
            banner.buttons[keep_open_label].clicked.disconnect(banner.close_banner)
        self.banners.addWidget(banner)
        return banner

    def stop_watching(self) -> None:
        """Stop noticing changes on disk (the window closed); opening a document watches again."""
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)

    def show_note(self, name: str, text: str) -> Banner:
        """A banner with something the editor should know about the open document, and a button to close it."""
        return self._banner(name, text, [(self.tr("Begrepen"), self.tr("Deze melding sluiten"), lambda: None)])

    def banner(self, name: str) -> Banner | None:
        """The open banner with this name, if any."""
        for index in range(self.banners.count()):
            widget = self.banners.itemAt(index).widget()
            if isinstance(widget, Banner) and widget.objectName() == name and not widget.closed:
                return widget
        return None

    def _clear_banners(self, name: str | None = None) -> None:
        for index in reversed(range(self.banners.count())):
            widget = self.banners.itemAt(index).widget()
            if isinstance(widget, Banner) and (name is None or widget.objectName() == name):
                self.banners.takeAt(index)
                widget.close_banner()
