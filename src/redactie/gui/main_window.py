"""The main window: wires the document list, the editor, the preview and the git parts together."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..resources import resource
from .bulk_actions import BulkActions
from .menus import Spec, add_actions
from .status_label import YieldingLabel
from .tasks import TaskRunner
from .undo_keys import redo_shortcuts

# The frame (menus, status bar, an empty splitter) is built from the modules above only. The panes and the parts
# behind them (the list, the editor, the schema and document core, git's state, validation) import much more:
# `build_panes` imports them, right after the first paint when the window is started by app.run.
if TYPE_CHECKING:
    from ..drafts import DraftStore
    from ..repository import ContentRepository
    from .banner import Banner
    from .conflict_dialog import ConflictDialog
    from .document_list import DocumentList
    from .editor import DocumentEditor
    from .git_status import GitStatus
    from .history_panel import HistoryPanel
    from .monitor import RepositoryMonitor, Snapshot
    from .review_dialog import ReviewDialog
    from .sharing import SharingController

BACKGROUND_DELAY_MS = 600
GIT_OPEN_DELAY_MS = 100  # after the list: the first document paints before GitPython is imported


def _pane_modules(task: object) -> list[ModuleType]:
    """The modules the panes are built from, imported (in a worker: see `MainWindow._build_panes_soon`)."""
    from .. import drafts, workspace
    from . import editor, focus, git_status, monitor, preferences, preview, sharing

    return [drafts, workspace, editor, focus, git_status, monitor, preferences, preview, sharing]


def _schema_inferred(root: Path) -> bool:
    """Whether the schema of the repository at `root` is inferred from its documents (no schema file, or another
    choice saved for it): that takes a while and is shown as such."""
    from ..schema import SCHEMA_FILE
    from ..schema.select import AUTO, FILE, saved_choice

    return not (root / SCHEMA_FILE).is_file() or saved_choice(root) not in (AUTO, FILE)


def _update_check_module(task: object) -> ModuleType:
    """The update check's module (urllib, package metadata), imported in a worker; by name, so a frozen build
    finds it."""
    from . import update_check

    return update_check


class MainWindow(QMainWindow):
    """Document list on the left, the open document in the middle, the preview on the right."""

    def __init__(self, language: str, parent: QWidget | None = None, *, panes: bool = True) -> None:
        """The window; with `panes=False` only its frame, and `build_panes` must follow (app.run calls it right
        after the first paint, so the window appears before the list, the editor and their modules load)."""
        super().__init__(parent)
        self.language = language
        self.setWindowIcon(QIcon(str(resource("icon.svg"))))  # also when started without app.run (tests, embedding)
        self.repo: ContentRepository | None = None
        self.runner = TaskRunner(self)
        # Horizontal; no parent given here (the layout below gives it one): QSplitter(parent) makes PySide6 build
        # all ~90 enums of the Qt namespace to choose the constructor (~17 ms before the first paint).
        self.splitter = QSplitter()
        # Until the panes are built, empty stand-ins keep the splitter's layout (the panes then take their sizes).
        for name in ("documents", "editor", "preview"):
            stand_in = QWidget(self.splitter)
            stand_in.setObjectName(f"{name}-stand-in")
            self.splitter.addWidget(stand_in)
        self.splitter.setSizes([360, 620, 460])
        central = QWidget(self)
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.undo_group = QUndoGroup(self)
        self.review: ReviewDialog | None = None
        self.conflicts: ConflictDialog | None = None
        self._history: HistoryPanel | None = None  # built when first shown: see `history`
        self.built = False  # the panes (see `build_panes`)
        self._list_built = False  # the list, built first (see `build_list`)
        self._waiting_for_panes: list[Callable[[], object]] = []
        self._open_when_ready: str | None = None  # a document picked before the repository was open
        self._closed = False  # the window was closed: what still waited for the panes is dropped
        self._status_bar()
        self._menus()
        self._speller_requested: object = False  # False, or the repository root the speller was loaded for
        self.keep_drafts_on_close = False  # a restart: unsaved work stays as a draft, nobody is asked
        self._opening: Path | None = None  # the repository being opened (its saved list may show already)
        self._picked: tuple[str, bool] | None = None  # to open once the relation choices are known (`open_picked`)
        self._after_picked: list[Callable[[], object]] = []
        self._new_when_open = False  # Ctrl+N while the repository was being opened: the dialog follows
        self._follow_when_complete = False  # the list was loaded before its reading completed: see _documents_loaded
        self._background_timer = QTimer(self)  # owned, so that closing the window stops it
        self._background_timer.setSingleShot(True)
        self._background_timer.setInterval(BACKGROUND_DELAY_MS)
        self._background_timer.timeout.connect(self._background_checks)
        self._restore()
        if panes:
            self.build_panes()

    def build_list(self) -> None:
        """Build the document list in its stand-in's place, before the other panes: a start shows the list while
        the editor's modules still load (see `when_built`); nothing happens when it is already built."""
        if self._list_built:
            return
        from .document_list import DocumentList

        self._list_built = True
        self.documents: DocumentList = DocumentList(self.runner, self)
        self.splitter.replaceWidget(0, self.documents).deleteLater()
        self.documents.opened.connect(self.open_picked)
        # What follows the list (git, the folders' watch, the first document) needs the other panes.
        self.documents.loaded.connect(lambda: self._after_list(self._documents_loaded))
        self.documents.failed.connect(lambda error: self._after_list(lambda: self._documents_failed(error)))
        self.documents.completed.connect(self._background_timer.start)
        self.documents.completed.connect(self._list_done)
        self.documents.shown.connect(self._build_panes_soon)  # a saved list shows while the reading runs
        self.runner.busy_changed.connect(self._busy)
        self.runner.progress.connect(self._progress)

    def when_built(self, then: Callable[[], object]) -> None:
        """Run `then` once the panes are built: now when they are, else right after `build_panes`."""
        if self.built:
            then()
        else:
            self._waiting_for_panes.append(then)

    def _after_list(self, then: Callable[[], object]) -> None:
        """The list is there (or failed): `then` once the panes are built (see `_build_panes_soon`)."""
        self.when_built(then)
        self._build_panes_soon()

    def _build_panes_soon(self) -> None:
        """Import the other panes' modules in a worker (the list meanwhile answers: a worker's imports yield the
        interpreter to the GUI thread), then build them; once the list is shown, so its reading goes first."""
        if not self.built and not self.runner.running("pane-modules"):
            self.runner.run("pane-modules", _pane_modules, lambda _modules: self.build_panes(),
                            lambda _error: self.build_panes())  # the import fails again here, with its traceback

    def build_panes(self) -> None:
        """Build the document list, the editor and the parts behind them (drafts, git's state, sharing) in place
        of their stand-ins, and wire them; nothing happens when they are already built. What waited for them
        (`when_built`) runs after."""
        if self.built:
            return
        self.build_list()
        from ..drafts import DraftStore
        from ..workspace import data_dir
        from .editor import DocumentEditor
        from .focus import show_focus
        from .git_status import GitStatus
        from .monitor import RepositoryMonitor
        from .preferences import saved_font_size
        from .preview import Preview
        from .sharing import SharingController

        self.built = True
        self.drafts: DraftStore = DraftStore(data_dir() / "drafts")
        self.monitor: RepositoryMonitor = RepositoryMonitor(self.runner, self)
        self.sharing: SharingController = SharingController(self.runner, self.monitor, self.language, self)
        self.editor: DocumentEditor = DocumentEditor(self.runner, self.drafts, self)
        self.preview = Preview(self)  # built after the editor: Tab goes from the editor to it, as it always did
        self.preview.language = self.language
        for index, pane in enumerate((self.editor, self.preview), start=1):
            self.splitter.replaceWidget(index, pane).deleteLater()
        self.git_status: GitStatus = GitStatus(self.sharing, self.central_layout, self, self.show_review,
                                               self.show_conflicts)
        self.branch_label = self.git_status.label
        self.statusBar().insertPermanentWidget(2, self.branch_label)  # after the progress and the schema's name
        self.editor.modified_changed.connect(self._modified)
        self.editor.text_changed.connect(self.preview.schedule)
        self.editor.text_changed.connect(self._fields_to_preview)
        self.editor.session_changed.connect(self._session_changed)
        self.editor.saved.connect(lambda _: self.monitor.refresh())
        self.monitor.refreshed.connect(self._refreshed)
        self.monitor.validated.connect(self.documents.set_validation)
        self.editor.saved.connect(lambda relpath: self.monitor.validate_paths([relpath]))
        self.monitor.validated_some.connect(self.documents.update_validation)
        self.monitor.folders_changed.connect(self._folders_changed)
        self.sharing.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.sharing.conflicts_found.connect(self.show_conflicts)
        self.editor.form_view.set_font_size(saved_font_size())
        show_focus(self)
        if self.focusWidget() is None:  # the frame had no control for the window's activation to focus
            self.focusNextChild()
        waiting, self._waiting_for_panes = self._waiting_for_panes, []
        self._run_waiting(waiting)

    def _run_waiting(self, waiting: list[Callable[[], object]]) -> None:
        """What waited for the panes, one per turn of the event loop (each of them, the first document's opening
        among them, is work of its own: together in the building's turn they would hold the window up)."""
        if waiting and not self._closed:
            then, rest = waiting[0], waiting[1:]
            then()
            if rest:
                QTimer.singleShot(0, self, lambda: self._run_waiting(rest))

    # -- building ------------------------------------------------------------------------------------------

    @property
    def history(self) -> HistoryPanel:
        """The "Geschiedenis" dock, built when first asked for (its form, views and the review's diff helpers
        are not needed to start)."""
        if self._history is None:
            from PySide6.QtCore import Qt

            from .history_panel import HistoryPanel

            panel = HistoryPanel(self.runner, self.monitor, self.language, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
            panel.hide()
            panel.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
            self.editor.session_changed.connect(panel.show_session)
            panel.show_session(self.editor.session)
            self._history = panel
        return self._history

    def _status_bar(self) -> None:
        self.busy = QProgressBar(self)
        self._progress_message = ""  # the status bar's last progress text, cleared when the work ends
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setAccessibleName(self.tr("Bezig"))
        self.busy.hide()
        self.schema_button = QPushButton(self.tr("Schema opslaan als startpunt"), self)
        self.schema_button.setAccessibleName(self.tr("Schema opslaan bij de documenten"))
        self.schema_button.setToolTip(self.tr("Deze documenten hebben geen schemabestand. Sla het schema dat nu "
                                              "gebruikt wordt op bij de documenten, zodat een beheerder het kan "
                                              "nakijken; het wordt pas gedeeld als u het zelf vastlegt"))
        self.schema_button.clicked.connect(self.write_schema)
        self.schema_button.hide()
        self.format_label = YieldingLabel(self)  # gives way to the bar's messages (shortened with "…")
        self.format_label.setAccessibleName(self.tr("Schema in gebruik"))
        self._schema_tip = self.tr("Volgens welk schema de documenten worden gecontroleerd; kies een ander in "
                                   "Instellingen")
        self.format_label.setToolTip(self._schema_tip)
        self.problem_button = QPushButton(self.tr("Schemaprobleem…"), self)
        self.problem_button.setAccessibleName(self.tr("Schemaprobleem tonen"))
        self.problem_button.setToolTip(self.tr("Het schemabestand van deze documenten is onbruikbaar: toon wat er "
                                               "mis is en hoe u verder kunt"))
        self.problem_button.clicked.connect(lambda: self.show_schema_problem(self._schema_problem))
        self.problem_button.hide()
        self._schema_problem: tuple[Exception, Path, str | None] | None = None  # why the window's repository failed
        self._for_now: Path | None = None  # opened with a derived schema for now (its schema file is unusable)
        for widget in (self.busy, self.format_label, self.schema_button, self.problem_button):  # git's: build_panes
            self.statusBar().addPermanentWidget(widget)

    def _with_panes(self, slot: Callable[[], object]) -> Callable[[], object]:
        """`slot`, run after the panes are built (a shortcut pressed in the moment before they are)."""
        def run() -> object:
            self.build_panes()
            return slot()

        return run

    def _menus(self) -> None:
        keys = QKeySequence.StandardKey

        def add(menu: QMenu, specs: list[Spec | None]) -> dict[str, QAction]:
            return add_actions(self, menu, [None if spec is None else (*spec[:4], self._with_panes(spec[4]))
                                            for spec in specs])

        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.actions_ = add(file_menu, [
            ("new", self.tr("&Nieuw document…"), self.tr("Maak een nieuw document op basis van het sjabloon"),
             keys.New, self.new_document),
            ("open", self.tr("Map met documenten &openen…"), self.tr("Open een map met documenten"), keys.Open,
             self._choose_repository),
            ("clone", self.tr("Gedeelde documenten op&halen…"),
             self.tr("Haal een eigen kopie op van documenten die u met anderen deelt"),
             None, self.clone_repository),
            None,
            ("save", self.tr("&Opslaan"), self.tr("Sla het geopende document op"), keys.Save, self.save),
            None,
            ("settings", self.tr("&Instellingen…"), self.tr("Taal, uw naam en lettergrootte"), keys.Preferences,
             self.show_settings),
            ("quit", self.tr("&Afsluiten"), self.tr("Redactie afsluiten"), keys.Quit, self.close),
        ])
        self.recent_menu = file_menu.addMenu(self.tr("&Recent geopend"))
        file_menu.insertMenu(self.actions_["save"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        edit_menu = self.menuBar().addMenu(self.tr("Be&werken"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Ongedaan maken"))
        self.undo_action.setShortcuts(keys.Undo)  # every binding of the platform (Ctrl+Z, ...)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Opnieuw &uitvoeren"))
        self.redo_action.setShortcuts(redo_shortcuts())
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.actions_.update(add(edit_menu, [
            ("find", self.tr("Document &zoeken"), self.tr("Zoek een document op titel, code of label in de lijst; "
                                                         "Enter opent het eerste, pijl omlaag gaat naar de lijst"),
             keys.Find, lambda: self.documents.focus_filter()),
        ]))
        self.bulk = BulkActions(self)
        self.actions_.update(self.bulk.fill(edit_menu.addMenu(self.tr("&Meerdere documenten"))))
        git_menu = self.menuBar().addMenu(self.tr("&Versiebeheer"))
        self.actions_.update(add(git_menu, [
            ("review", self.tr("&Wijzigingen bekijken…"), self.tr("Bekijk wat er is veranderd en leg het vast"),
             "Ctrl+Shift+R", self.show_review),
            ("sync", self.tr("&Synchroniseren"), self.tr("Haal wijzigingen van anderen op en zet de uwe erbovenop"),
             keys.Refresh, lambda: self.sharing.sync()),
            ("history", self.tr("&Geschiedenis"), self.tr("Toon alle eerdere versies van het geopende document en "
                                                          "haal een veld, sectie of het hele document terug"),
             "Ctrl+Shift+H", self.show_history),
            None,
            ("branch", self.tr("Werk in een &eigen versie…"), self.tr("Houd uw wijzigingen apart tot ze zijn "
                                                                     "nagekeken"), None,
             lambda: self.sharing.new_branch()),
            ("propose", self.tr("&Voorstel indienen"), self.tr("Deel uw versie en open de pagina om haar ter "
                                                              "beoordeling voor te stellen"), None,
             lambda: self.sharing.propose()),
        ]))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.actions_.update(add(help_menu, [
            ("help", self.tr("&Hoe werkt het?"), self.tr("Korte uitleg over het bewerken, vastleggen en delen "
                                                          "van documenten"), keys.HelpContents, self.show_help),
            ("about", self.tr("&Over Redactie"), self.tr("Versie, licenties en broncode"), None, self.show_about),
        ]))

    def _restore(self) -> None:
        settings = QSettings("Redactie", "Redactie")
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 820)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:  # never larger than the screen (a 1366x768 laptop), never tiny
            width = max(min(self.width(), screen.width()), min(900, screen.width()))
            height = max(min(self.height(), screen.height() - 40), min(600, screen.height() - 40))
            self.resize(width, height)
        sizes = settings.value("window/splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)

    # -- the repository ------------------------------------------------------------------------------------

    def load_repository(self, path: Path) -> bool:
        """Open a content repository (any folder inside it); its schema and then the list load in the background.

        Reading the schema (and, without a schema file, recognising the format or inferring a schema from
        every document) never runs on the GUI thread: the window paints and answers meanwhile. A schema that
        cannot be used is reported through `documents.failed`. Always True (kept for callers that check it).
        """
        from ..folders import find_root

        self._closed = False  # (a window shown again after closing)
        self.build_list()
        self.documents.ready, self.documents.error = False, None
        self._opening = path  # until it is open (`_use`) or cannot be (`_documents_failed`)
        root = find_root(path)
        # A later start shows the list as the last session left it, when its folders are as they were; the
        # repository is read right after (and the list then brought in line with it).
        self.documents.show_saved(root, self.language, lambda: self._open_root(root))
        return True

    def _open_root(self, root: Path) -> None:
        # Whether its schema must be inferred is found in a worker too: the repository's and the schema's
        # modules (with the YAML readers) load there, not before the list shows.
        self.runner.run("open-repository", lambda task: _schema_inferred(root),
                        lambda inferring: self._open_found(root, inferring), self.documents.failed.emit)

    def _open_found(self, root: Path, inferring: bool) -> None:
        from ..repository import ContentRepository

        self.runner.run("open-repository", lambda task: ContentRepository(root), self._use,
                        self.documents.failed.emit,
                        label=self.tr("Schema bepalen uit de documenten…") if inferring else "")

    def _use(self, repo: ContentRepository) -> None:
        from ..schema import SCHEMA_FILE
        from ..workspace import remember_repository

        self.repo, self._opening = repo, None
        if self._for_now != repo.root:
            self._for_now = None
        self._schema_problem = None
        remember_repository(repo.root)
        self.documents.load(repo, self.language)
        self.setWindowTitle(self.tr("Redactie — %1").replace("%1", repo.root.name) + "[*]")
        self.schema_button.setVisible(not (repo.root / SCHEMA_FILE).is_file())
        self.format_label.setText(repo.schema.describe().get(self.language))
        self.problem_button.setVisible(self._for_now == repo.root)
        self.format_label.setToolTip(self._schema_tip)
        if self._for_now == repo.root:
            self.schema_button.hide()
            self.format_label.setToolTip(self.tr("Het schemabestand is onbruikbaar: de documenten zijn tijdelijk "
                                                 "geopend met een schema dat uit de documenten zelf is afgeleid. Aan "
                                                 "het schemabestand verandert niets"))
            self.format_label.setText(self.tr("Tijdelijk: %1").replace("%1", repo.schema.describe().nl
                                      if self.language.startswith("nl") else repo.schema.describe().en))
            self.statusBar().showMessage(self.tr("Tijdelijk geopend zonder het onbruikbare schemabestand; er wordt "
                                                 "niets aan opgeslagen. Herstel het via ‘Schemaprobleem…’."))
        elif repo.schema.inferred:
            self.statusBar().showMessage(self.tr("Geen schemabestand gevonden: het schema is afgeleid uit de "
                                                 "documenten"))
        self.when_built(lambda: self._attach(repo))
        if self._open_when_ready is not None:
            picked, self._open_when_ready = self._open_when_ready, None
            self.when_built(lambda: self.open_picked(picked))
        if self._new_when_open:
            self._new_when_open = False
            self.when_built(self.new_document)

    def _attach(self, repo: ContentRepository) -> None:
        """The parts behind the panes follow the repository the list shows (git's state, drafts)."""
        from ..fileio import clean_stale_temporaries

        if self.repo is not repo:
            return  # another repository was opened meanwhile
        self.monitor.attach(repo)  # before the list's `loaded` is handled: that opens git (see _documents_loaded)
        # Temporary files a killed save left behind: removed before anyone could commit them.
        self.runner.run("clean-temporaries", lambda task: clean_stale_temporaries(repo.root), lambda removed: None,
                        lambda error: None)
        self.documents.set_drafts({d.path for d in self.drafts.for_repository(repo.root)})

    def _documents_loaded(self) -> None:
        self._follow_repository()
        # Git (GitPython's import, a status) and watching the folders and finding the files (two walks) wait for a
        # list still being completed: all started in workers beside its reading, they held the window waiting for
        # the interpreter lock. Asked for by the user (a review, the history), git opens at once all the same.
        self._follow_when_complete = not self.documents.complete
        if self.documents.complete:
            self._follow_files()
        # Heavier background work waits a moment after the list is there, so the first paint is not slowed; after
        # a quick first listing it waits for the index to be complete, which it would otherwise read alongside.
        if self.documents.complete:
            self._background_timer.start()
        drafts = self.drafts.for_repository(self.repo.root) if self.repo else []
        if drafts:
            self.statusBar().showMessage(self.tr("Niet-opgeslagen werk gevonden in %n documenten; open een "
                                                 "document om het te herstellen", "", len(drafts)))

    def _list_done(self) -> None:
        """The list's reading ended (complete, or failed): what waited for it follows the files now."""
        if self._follow_when_complete:
            self._follow_when_complete = False
            self._follow_files()

    def _follow_files(self) -> None:
        """What follows the repository's files once its list is complete: git's state, the folders watched for
        changes by other programs, links to missing files marked, forms and section boxes made ahead (idle turns)."""
        self.monitor.open_git(GIT_OPEN_DELAY_MS)
        if self.repo is not None:
            self.monitor.watch(self.repo)  # the list task already walked the folders: this is cheap
            self.editor.refresh_known_files(self.repo)  # files came or went: links to them are checked anew
            self.editor.form_view.prepare(self.repo, self.language)

    def _follow_repository(self) -> None:
        """The open document follows the repository the list shows: once another one (or the same one with another
        schema) is listed, the document is opened again from it, or the list's first when it has no such document
        (none when it has none).
        Unsaved work stays open as it is (the callers that switch ask about it first)."""
        session = self.editor.session
        if self.repo is None or session is None or session.repo is self.repo or self.editor.modified:
            return
        same = self.documents.row(session.relpath) is not None
        relpath = session.relpath if same else self.documents.first_document()
        if relpath is not None:
            self.open_picked(relpath)
        else:  # none to show: not the other repository's under this one's name
            self.editor.close_document()
            self.preview.clear()

    def _folders_changed(self) -> None:
        """Files were added, removed or renamed by another program: read the list again."""
        if self.repo is not None:
            self.repo.refresh()
            self.documents.load(self.repo, self.language)

    def _documents_failed(self, error: Exception) -> None:
        """The repository asked for cannot be opened (an unusable schema). Opened from another one, the window stays
        with that one and says so; else (a start, the same folder again, or a schema that failed once the list was
        read) it shows the failed repository by name with nothing in it: title, list, editor and status agree."""
        from ..folders import find_root

        self.documents.error, self.documents.ready = error, True
        self._list_done()  # its completion failed: git and the folders are followed all the same
        opening = self._opening
        self._opening = self._open_when_ready = None  # a document picked in its saved list is not opened
        self._new_when_open = False
        if opening is not None:
            root = find_root(opening)
        elif self.repo is not None:
            root = self.repo.root
        else:
            return
        kept = self.repo if opening is not None and self.repo is not None and self.repo.root != root else None
        if kept is not None:
            if self.documents.count() == 0:  # its saved list was shown and dropped: the kept one's comes back
                current = self.editor.session.relpath if self.built and self.editor.session is not None else None
                self.documents.load(kept, self.language, select=current)
                self.documents.error = error  # (what a smoke start and tests read)
            self.statusBar().showMessage(self.tr("‘%1’ is niet geopend: het schemabestand is onbruikbaar. U werkt "
                                                 "verder in ‘%2’.").replace("%1", root.name)
                                         .replace("%2", kept.root.name))
        else:
            self.monitor.open_git(GIT_OPEN_DELAY_MS)
            self._for_now, self._schema_problem = None, (error, root, None)
            self.problem_button.show()
            self.repo = None  # nothing of another schema or repository stays on screen under this one's name
            self.documents.model.set_entries([])
            if self.built and not self.editor.modified:
                self.editor.close_document()
                self.preview.clear()
            self.setWindowTitle(self.tr("Redactie — %1").replace("%1", root.name) + "[*]")
            self.schema_button.hide()
            self.format_label.setText(self.tr("Schema onbruikbaar"))
            self.statusBar().showMessage(self.tr("De documenten zijn niet geopend: het schemabestand is onbruikbaar. "
                                                 "Kies ‘Schemaprobleem…’ om het te herstellen of zonder te werken."))
        # (kept: the window's own state, its problem button among it, stays the kept repository's)
        self.show_schema_problem((error, root, kept.root.name if kept is not None else None))

    def show_schema_problem(self, problem: tuple[Exception, Path, str | None] | None) -> None:
        """Show why a repository could not be opened (`problem`: the error, its root, the name of the repository
        the window stays with), with the ways forward; not modal: the window stays usable, and a smoke test never
        waits on it. None: the window's repository is open for now without its schema file: it is read again."""
        from .schema_problem import SchemaProblem

        if problem is None:
            if self._for_now is not None and self._may_leave():
                self.load_repository(self._for_now)
            return
        error, root, kept = problem
        box = SchemaProblem(error, root, self.language, kept, self)
        box.chosen.connect(lambda way: self._schema_way(way, error, root))
        box.open()
        self.schema_problem_box = box

    def _schema_way(self, way: str, error: Exception, root: Path) -> None:
        from .schema_problem import FOLDER, OTHER, REPAIR, WITHOUT_FILE, schema_path

        if way == OTHER:
            self._choose_repository()
        elif way == FOLDER:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            path = schema_path(error, root)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent if path is not None else root)))
        elif way == WITHOUT_FILE and self._may_leave():
            self._open_for_now(root)
        elif way == REPAIR:
            self._repair_schema(error, root)

    def _open_for_now(self, root: Path) -> None:
        """Open the repository at `root` with the schema it would have without its (unusable) schema file: the
        known format its folders show, else one derived from the documents. Nothing is written."""
        from ..repository import ContentRepository
        from ..schema.select import without_schema_file

        self._for_now, self._opening = root, root
        self.documents.ready, self.documents.error = False, None
        self.runner.run("open-repository", lambda task: ContentRepository(root, without_schema_file(root)),
                        self._use, self.documents.failed.emit, label=self.tr("Schema bepalen uit de documenten…"))

    def _repair_schema(self, error: Exception, root: Path) -> None:
        """Show the schema file as text to repair; once saved, the repository is opened again."""
        from ..schema import SchemaError
        from ..schema.repair import read_source
        from .schema_problem import schema_path
        from .schema_repair import SchemaRepair

        path = schema_path(error, root)
        try:
            source = read_source(path) if path is not None else None
        except SchemaError as exc:  # changed meanwhile: say why it cannot be shown now
            QMessageBox.warning(self, self.tr("Schema onbruikbaar"), exc.plain(self.language))
            return
        if source is None:
            return
        dialog = SchemaRepair(source, error.line if isinstance(error, SchemaError) else 1, self.language, self)
        dialog.saved.connect(lambda: self._may_leave() and self.load_repository(root))
        dialog.open()
        self.schema_repair_dialog = dialog

    def _background_checks(self) -> None:
        from .spell_loader import load_speller

        self.monitor.validate()
        # The update check's modules (urllib, package metadata) are imported off the GUI thread; it starts here.
        self.runner.run("update-check-modules", _update_check_module,
                        lambda module: module.check_for_update(self.runner, self._update_found), lambda error: None)
        root = self.repo.root if self.repo is not None else None
        if self._speller_requested != root:  # again when another repository is opened
            self._speller_requested = root
            load_speller(self.runner, self.editor.form_view.set_speller, repository=root,
                         failed=lambda error: self.statusBar().showMessage(error.localized(self.language))
                         if hasattr(error, "localized") else None)

    def _update_found(self, version: str, page: str) -> None:
        label = QLabel(f'<a href="{page}">' + self.tr("Nieuwe versie: %1").replace("%1", version) + "</a>", self)
        label.setOpenExternalLinks(True)
        label.setAccessibleName(self.tr("Nieuwe versie beschikbaar"))
        label.setToolTip(self.tr("Er is een nieuwere versie van Redactie; klik om de downloadpagina te openen"))
        self.statusBar().addPermanentWidget(label)

    def write_schema(self) -> None:
        """Write the inferred schema to the repository as a starting point, then use it."""
        from ..fileio import FileRefused
        from ..schema import SCHEMA_FILE

        if self.repo is None or (self.repo.root / SCHEMA_FILE).is_file():
            return
        try:
            from ..schema.infer import write_inferred_schema

            path = write_inferred_schema(self.repo.root, self.repo.schema)
        except OSError as exc:
            reason = exc.localized(self.language) if isinstance(exc, FileRefused) else str(exc)
            QMessageBox.warning(self, self.tr("Schema niet opgeslagen"),
                                self.tr("Het schema kon niet worden opgeslagen: %1").replace("%1", reason))
            return
        self.load_repository(self.repo.root)
        self.statusBar().showMessage(self.tr("Schema opgeslagen in %1").replace("%1", path.name), 5000)

    def _refreshed(self, snapshot: Snapshot) -> None:
        self.documents.set_git(snapshot.changes)
        self.git_status.show(snapshot)

    def state_banner(self) -> Banner | None:
        """The bar explaining a hard git state, if one is shown."""
        return self.git_status.banner()

    # -- documents -----------------------------------------------------------------------------------------

    def open_document(self, relpath: str, scroll: bool = True) -> None:
        """Open a document, asking first when the current one has unsaved work; its row is selected (`scroll`
        False: without moving the list)."""
        from ..fileio import file_problem

        if self.repo is None or self._opening is not None:
            # Picked in a saved list shown before its repository is open (the window may still hold another one):
            # opened from it once it is.
            self._open_when_ready = relpath
            return
        self.build_panes()  # a document picked in the list before the editor was built (see `build_list`)
        session = self.editor.session
        if session is not None and session.relpath == relpath and session.repo is self.repo:
            return  # (the same path in another repository, or read with another schema, is opened anew)
        if not self._may_leave():
            self._select_open_document()  # the row clicked stays unopened: the list shows the open one again
            return
        problem = file_problem(self.repo.root / relpath)  # a link, pipe or device is never opened
        if problem is not None:
            QMessageBox.warning(self, self.tr("Openen mislukt"), self.tr("%1 kan niet worden geopend: %2")
                                .replace("%1", relpath).replace("%2", problem.localized(self.language)))
            self._select_open_document()
            return
        try:
            self.editor.open(self.repo, relpath, self.language)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Openen mislukt"), self.tr("%1 kan niet worden geopend: %2")
                                .replace("%1", relpath).replace("%2", exc.strerror or str(exc)))
            self._select_open_document()
            return
        self.documents.select(relpath, scroll)
        self.preview.set_context(self.repo, relpath, self.runner)
        self.preview.render_soon()

    def open_picked(self, relpath: str, then: Callable[[], object] | None = None, scroll: bool = True) -> None:
        """Open a document picked in the list (or the first one at a start), then run `then`. A document's form
        needs the relation choices: the titles of every document of a type, thousands at 10k, read when the index
        does not hold them yet (~1 s on a first start). Those are then resolved in a worker first, the window
        answering meanwhile; a document picked again meanwhile replaces the earlier pick. `scroll`: see
        `open_document`."""
        if then is not None:
            self._after_picked.append(then)
        repo = self.repo
        if repo is None or self._opening is not None or repo.resolved:
            self._open_picked(relpath, scroll)
            return
        self._picked = (relpath, scroll)
        if not self.runner.running("open-vocabularies"):
            self.runner.run("open-vocabularies", lambda task: repo.vocabularies(), lambda _: self._resolved(repo),
                            lambda _error: self._resolved(repo, failed=True), label=self.tr("Document openen…"))

    @property
    def picking(self) -> bool:
        """True while a picked document waits to open (for the repository or its relation choices)."""
        return self._picked is not None or self._open_when_ready is not None

    def _resolved(self, repo: ContentRepository, failed: bool = False) -> None:
        """The relation choices of `repo` are resolved (or could not be: the open then reports why)."""
        picked, self._picked = self._picked, None
        if picked is None:
            return
        if repo is self.repo and failed:
            self._open_picked(*picked)
        else:  # at once now; another repository opened meanwhile: resolved for that one first
            self.open_picked(picked[0], scroll=picked[1])

    def _open_picked(self, relpath: str, scroll: bool) -> None:
        self.open_document(relpath, scroll)
        waiting, self._after_picked = self._after_picked, []
        for then in waiting:
            then()

    def _select_open_document(self) -> None:
        """Select the open document in the list again (after an open that did not happen)."""
        if self.editor.session is not None:
            self.documents.select(self.editor.session.relpath)

    def show_field(self, relpath: str, field: str) -> None:
        """Open a document and put the cursor in one of its fields (from the review's problem list)."""
        self.open_document(relpath)
        if self.editor.session is not None and self.editor.session.relpath == relpath:
            self.editor.tabs.setCurrentIndex(0)
            if not (field and self.editor.form_view.focus_field(field)):
                self.editor.tabs.setCurrentIndex(1 if self.editor.doc is None else 0)
            self.raise_()
            self.activateWindow()

    def open_as_text(self, relpath: str) -> None:
        """Open a document in the raw view (for a conflict repaired by hand)."""
        self.open_document(relpath)
        self.editor.tabs.setCurrentIndex(1)

    def save(self) -> None:
        """Save the open document."""
        if self.editor.save():
            self.statusBar().showMessage(self.tr("Opgeslagen"), 3000)
        elif not self.editor.modified and self.editor.banner("write-banner") is None:
            self.statusBar().showMessage(self.tr("Niets te bewaren: het document is niet gewijzigd"), 3000)
        elif self.editor.banner("disk-banner") is not None:
            self.statusBar().showMessage(self.tr("Niet opgeslagen: het bestand is door een ander programma "
                                                 "gewijzigd"), 8000)

    def new_document(self) -> None:
        """Ask for a new document's type, title and code; create and open it (once the repository being opened
        is open)."""
        if self._opening is not None:
            self._new_when_open = True
            return
        if self.repo is None or not self._may_leave():
            return
        from .new_document import NewDocumentDialog

        dialog = NewDocumentDialog(self.repo, self.language, self.runner, self)
        dialog.accepted.connect(lambda: self._created(dialog.created_path, dialog.note))
        dialog.open()
        self.new_document_dialog = dialog

    def _created(self, relpath: str | None, note: str = "") -> None:
        if relpath and self.repo is not None:
            self.documents.load(self.repo, self.language, select=relpath)
            self.editor.open(self.repo, relpath, self.language)
            if note:
                self.editor.show_note("template-banner", note)
            self.preview.set_context(self.repo, relpath, self.runner)
            self.monitor.refresh()

    def _fields_to_preview(self) -> None:
        session = self.editor.session
        if session is not None and session.doc is not None:
            self.preview.set_fields(dict(session.doc.fields))

    def _session_changed(self, session: object) -> None:
        stack = getattr(session, "undo_stack", None)
        if stack is not None:
            self.undo_group.addStack(stack)
            self.undo_group.setActiveStack(stack)

    def _modified(self, modified: bool) -> None:
        self.setWindowModified(modified)

    def _may_leave(self) -> bool:
        if not self.built or not self.editor.modified:
            return True
        answer = QMessageBox.question(
            self, self.tr("Niet opgeslagen wijzigingen"),
            self.tr("Het document heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save() or not self.editor.modified
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.discard_draft()
            return True
        return False

    # -- dialogs -------------------------------------------------------------------------------------------

    def show_review(self) -> None:
        """Open "Wijzigingen bekijken" (saving the open document first when the user agrees)."""
        if self.repo is None or not self._may_leave():
            return
        if self.review is not None:
            self.review.close()
        from .review_dialog import ReviewDialog

        self.review = ReviewDialog(self.repo, self.sharing, self.runner, self.language, self, self.bulk.unsaved)
        self.review.bulk_undone.connect(self.bulk.undone)
        self.review.show_field.connect(self.show_field)
        self.review.committed.connect(lambda _: self.monitor.refresh())
        self.review.show()

    def show_history(self) -> None:
        """Show or hide the "Geschiedenis" panel of the open document."""
        self.history.setVisible(not self.history.isVisible())

    def show_conflicts(self, files: list[str]) -> None:
        """Open the conflict dialog."""
        if self.conflicts is None or not self.conflicts.isVisible():
            from .conflict_dialog import ConflictDialog

            self.conflicts = ConflictDialog(self.sharing, files, self, self.repo)
            self.conflicts.open_as_text.connect(self.open_as_text)
            self.conflicts.show()
        else:
            self.conflicts.set_files(files)

    def show_settings(self) -> None:
        """Open the settings."""
        from .preferences import saved_font_size
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.sharing if self.monitor.service else None, self.language, self,
                                self.repo.root if self.repo else None,
                                self.repo.schema.describe().get(self.language) if self.repo else "")
        dialog.accepted.connect(lambda: self.editor.form_view.set_font_size(saved_font_size()))
        dialog.accepted.connect(lambda: dialog.schema_changed and self._schema_choice_changed())
        dialog.restart_requested.connect(self.restart)
        dialog.open()
        self.settings_dialog = dialog

    def restart(self) -> None:
        """Start Redactie again (a new language applies); unsaved work stays as a draft and is offered again."""
        from .restart import restart

        restart(self)

    def _schema_choice_changed(self) -> None:
        """The user picked another schema in the settings: read the repository again with it."""
        if self.repo is not None and self._may_leave():
            self.load_repository(self.repo.root)

    def show_help(self) -> None:
        """Open Help ▸ Hoe werkt het (F1): the bundled guide, beside the window."""
        from .help_dialog import HelpDialog

        self.help_dialog = HelpDialog(self.language, self)
        self.help_dialog.show()

    def show_about(self) -> None:
        """Open Help ▸ About."""
        from .about import AboutDialog

        AboutDialog(self).open()

    def clone_repository(self) -> None:
        """Clone a shared repository and open it."""
        if not self._may_leave():
            return
        from .clone_dialog import CloneDialog

        dialog = CloneDialog(self.runner, self.language, Path.home() / "Redactie", self)
        dialog.cloned.connect(self.load_repository)
        dialog.open()
        self.clone_dialog = dialog

    def _fill_recent(self) -> None:
        from ..workspace import recent_repositories

        self.recent_menu.clear()
        for path in recent_repositories():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self._may_leave() and self.load_repository(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(geen)")).setEnabled(False)

    def _choose_repository(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map met documenten openen"))
        if folder and self._may_leave():
            self.load_repository(Path(folder))

    def _progress(self, label: str, phase: str, percent: object) -> None:
        if isinstance(percent, int):
            self.busy.setRange(0, 100)
            self.busy.setValue(percent)
            self.busy.setFormat(f"{percent}%")
            self._progress_message = f"{label} {phase} {percent}%"
            self.statusBar().showMessage(self._progress_message, 2000)

    def _busy(self, busy: bool, label: str) -> None:
        if not busy:
            self.busy.setRange(0, 0)  # back to "busy, no known progress" for the next task
        self.busy.setVisible(busy)
        self.busy.setToolTip(label)
        if busy and label:
            self.statusBar().showMessage(label, 3000)
        elif not busy and (self.statusBar().currentMessage().endswith("…")
                           or self.statusBar().currentMessage() == self._progress_message):
            self.statusBar().clearMessage()  # the work has ended: its progress is no longer true

    # -- window events -------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Coming back to the window: look for changes made meanwhile by other programs."""
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.built:
            self.editor.check_disk()
            self.monitor.refresh()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Ask about unsaved work; remember window sizes; let background work end."""
        if not self.keep_drafts_on_close and not self._may_leave():
            event.ignore()
            return
        self._closed = True
        settings = QSettings("Redactie", "Redactie")
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.sync()  # the process ends at once after the window closes
        # A closed window starts nothing any more: no pending timer fires, no watched folder reports.
        for timer in self.findChildren(QTimer):
            timer.stop()
        if self._list_built:
            self.documents.stop()
        if self.built:
            self.monitor.stop()
            self.editor.stop_watching()
        self.runner.shutdown()  # cancel background work; closing never waits for it
        if self.built and self.monitor.service is not None:
            self.monitor.service.close()
        event.accept()
