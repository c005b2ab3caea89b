"""The documents of the repository, grouped by type, with filter-as-you-type and state markers.

A model/view list (see `document_model`): ten thousand documents cost one model reset on the GUI thread,
and everything per document (the rows, their order and search text) is built in the background.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .. import saved_listing
from ..catalogue import Entry, entries, untitled
from ..collection import gc_paused
from ..index import IndexEntry, Signatures, prepare_quick_titles, search_text, title_at_once
from .document_model import PATH_ROLE, DocumentModel, Marks
from .list_columns import ColumnFitter
from .tasks import Task, TaskRunner

if TYPE_CHECKING:  # the repository (schema, YAML) is opened in a worker: the list is built before it is imported
    from ..index_worker import IndexChild
    from ..repository import ContentRepository

__all__ = ["PATH_ROLE", "DocumentList", "ListedDocument"]
# What one stage of reading the list gives: its rows, and the next stage's work (None: the rows are complete).
Stage = tuple[list[Entry], "Callable[[Task], Stage | None] | None"]
REPAINT_RUNS = 64  # more runs of rows with new markers than this: only the rows in sight are signalled
REPAINT_ROWS = 500  # nor more rows than this
QUICK_FROM = 500  # more files unknown to the index than this: the list shows a quick read of them first
FROM_CACHE_UNKNOWN = 50  # at most this many files the cache does not know: the list is shown from the cache first
# A later turn of the event loop: a timer, not 0 ms, which Qt posts as an event that runs before any timer
# or paint that is due (each step of a long job would then follow the last with nothing in between).
NEXT_TURN_MS = 1
EXPAND_ROWS = 20000  # rows the view lays out per turn of the event loop while the groups open (~0.4 us each, in C++)


@dataclass(frozen=True)
class ListedDocument:
    """One document as the list shows it (what tests and tools may ask of a row)."""

    path: str
    title: str
    type_label: str
    state: str  # the second column: new, changed, unsaved work, cannot be opened
    severity: str | None  # "error" or "warning" when the document has such findings (its icon)
    tooltip: str
    hidden: bool  # True when the filter hides it


class DocumentList(QWidget):
    """Emits `opened(relpath)` when the user picks a document and `loaded()` when the list is filled."""

    opened = Signal(str)
    loaded = Signal()
    failed = Signal(object)
    completed = Signal()  # the list shown from a quick read is now complete (titles, search texts, remarks)
    shown = Signal()  # the list as a session last completed it is shown (see `show_saved`); `loaded` follows

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Zoek op titel, code of label"))
        self.filter.setAccessibleName(self.tr("Documenten filteren"))
        self.filter.setToolTip(self.tr("Toon alleen documenten waarvan de titel, code of labels deze tekst bevatten"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.returnPressed.connect(self._open_first_shown)  # type a title, Enter: it opens
        self.filter.installEventFilter(self)  # Down: into the list
        self._git_text = {"new": self.tr("nieuw"), "modified": self.tr("gewijzigd"), "renamed": self.tr("hernoemd"),
                          "conflicted": self.tr("conflict"), "deleted": self.tr("verwijderd")}
        style = self.style()
        self._icon_of = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                         "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        # "Wijziging", not "Status": the document type has a Status field of its own
        self.model = DocumentModel(self._marks, lambda severity: self._icon_of.get(severity or "", QIcon()),
                                   [self.tr("Document"), self.tr("Wijziging")], self)
        self.model.set_header_tip(self.tr("Of het document nieuw of gewijzigd is sinds de laatst "
                                          "vastgelegde versie, of fouten bevat"))
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.model.modelReset.connect(self._hide_empty_groups)  # the view forgets hidden rows on a reset
        self.tree.setUniformRowHeights(True)  # rows are one line: the view need not measure each one
        self.tree.setRootIsDecorated(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a double-click opens, never edits
        self.tree.setAccessibleName(self.tr("Documentenlijst"))
        # The status column is as wide as its longest possible text (measuring every row, ResizeToContents, costs
        # time proportional to the repository on every marker change), within what leaves the titles the room.
        self.columns = ColumnFitter(self.tree)
        self.tree.setToolTip(self.tr("Alle documenten, per soort; dubbelklik of Enter om te openen"))
        self.tree.activated.connect(self._activated)
        self.tree.clicked.connect(self._clicked)
        # Several documents can be selected (shift/ctrl-click) for a change across documents.
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.select_all_button = QPushButton(self.tr("Alle getoonde selecteren"), self)
        self.select_all_button.setAccessibleName(self.tr("Alle getoonde selecteren"))
        self.select_all_button.setToolTip(self.tr("Selecteer alle documenten die het filter nu toont, om ze samen "
                                                  "te labelen of erin te zoeken en te vervangen"))
        self.select_all_button.clicked.connect(self.select_all_shown)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addWidget(self.select_all_button)
        self._pending_selection: str | None = None
        self._validation: dict[str, str] = {}
        self._git: dict[str, str] = {}
        self._drafts: set[str] = set()
        self._remarks: dict[str, str] = {}
        self.ready = False
        self.error: Exception | None = None
        self._expansion = 0  # the latest expansion of the groups after a model reset
        self._generation = 0  # the latest reading of the list: older answers are dropped
        self.complete = False  # True once the list's rows come from a complete index
        self._after_expansion: list[Callable[[], None]] = []  # what waits for the groups to be open
        self._stopped = False  # the window closed (`stop`): nothing more happens until the next `load`
        self._frozen: set[tuple[str, str]] = set()  # (repository, moment) whose objects were frozen (`_first`)
        self._children: list[IndexChild] = []  # the latest reading's index process (see `index_worker`)
        self._root = ""  # the repository listed
        self._late_titles: dict[str, str] = {}  # titles of rows shown before the titles were read (see `_title`)
        self._saved = False  # the rows are a saved listing's, not read yet (see `show_saved`)
        self._saved_token: object | None = None  # the latest `show_saved`, until it is shown or overtaken
        self._repo: ContentRepository | None = None
        self._language = ""
        self.model.title_of = self._title
        self.failed.connect(self._drop_saved)
        self._open_first_later = False  # Enter in the filter before the list showed a match (see `_open_first_shown`)

    def load(self, repo: ContentRepository, language: str, select: str | None = None) -> None:
        """Read the repository's documents in the background, then fill the list (selecting `select`)."""
        self._stopped = False
        self.ready = False
        self.complete = False
        self._pending_selection = select
        self.error: Exception | None = None
        self._generation += 1
        self.runner.cancel("document-list-complete")  # an older reading's completion is outdated now
        for child in self._children:
            child.close()  # an older reading's process: nobody waits for its index any more
        children: list[IndexChild] = []
        self._children = children
        self._root, self._late_titles = str(repo.root), {}
        self._repo, self._language = repo, language

        first_list, first_complete = self._first(repo.root, "listed"), self._first(repo.root, "complete")
        first_titles = self._first(repo.root, "titled")

        def full(task: Task, seen: Signatures | None = None, child: IndexChild | None = None) -> list[Entry] | None:
            # Each changed file is read once into the index (unchanged ones come from its cache); the list,
            # the relation choices and the macros then answer from it.
            def report(done: int, total: int) -> None:
                task.progress("", done * 100 // max(total, 1))

            if child is not None and child.wait(task.cancel.is_set, report):
                with gc_paused(freeze=first_complete):
                    repo.index.reload()  # what the child read and saved; the sync below checks it against the disk
            # Without a child, or when it failed (could not start, died, hung), the files are read here. No
            # collection meanwhile, as in `work`: a first start's completion makes ~10 objects per document.
            with gc_paused(freeze=first_complete):
                if task.cancel.is_set() or not repo.sync_index(task.cancel.is_set, report, seen):
                    return None
                repo.vocabularies()  # resolved here, off the GUI thread; a broken schema fails here
                repo.index.save()  # with the vocabularies' own files, which they have just read: none next time
                return entries(repo, language)

        def quick(task: Task, unread: list[str], seen: Signatures, child: IndexChild | None) -> Stage | None:
            # A process of its own (the other core) takes the quick titles from the other end, then reads every
            # file in full; `full` waits for it, or reads here when it cannot. Ten thousand quick entries, no
            # cycles among them: no collector pass over them, and (once per repository) none either over them as
            # young objects when the collector runs again.
            from ..index_worker import glance_shared

            child = child or self._child_for(repo, children)
            if child is not None:
                child.read([ref.path for ref in repo.documents], unread[::-1])
            with gc_paused(freeze=first_titles):
                glance = glance_shared(repo.index, unread, child, seen, task.cancel.is_set)
                if glance is None:
                    if child is not None:
                        child.close()
                    return None
                repo.use_titles({path: entry.title for path, entry in glance.items()})
                repo.vocabularies()  # as below, with those titles: opening a document needs no reading
                if child is not None:  # the vocabularies' own files: the child saves them with the documents
                    child.also(sorted(repo.index.entries().keys() - seen.keys()))
                found = entries(repo, language, {**repo.index.entries(), **glance})
            return found, lambda task: complete(task, child)

        def complete(task: Task, child: IndexChild | None) -> Stage | None:
            found = full(task, None, child)
            return None if found is None else (found, None)

        def from_cache(known: dict[str, IndexEntry]) -> Stage | None:
            # A later start: the list is shown from the cache as it was saved (`known`), and completed (each file
            # checked against the disk: a changed one read again, its row then updated) right after it is shown.
            # Files the cache does not know are read here, unless there are many (a large checkout since): those
            # get the quick reading below.
            if not known or sum(ref.path not in known for ref in repo.documents) > FROM_CACHE_UNKNOWN:
                return None
            return entries(repo, language, known), lambda task: complete(task, None)

        def work(task: Task) -> Stage | None:
            # No collection while the list's objects are made (each full pass would walk every one of them,
            # holding the interpreter lock), and the first listing of a repository is then taken out of the
            # collector's passes for good (see `gc_paused`): it lives as long as the repository is open.
            with gc_paused(freeze=first_list):
                return read(task)

        def read(task: Task) -> Stage | None:
            # Many files the index does not know (a first start, a large checkout): list them at once by name
            # (the list reads the titles of the rows in sight itself), then read their titles quickly, then
            # complete the index (each a stage of its own, see `listed`).
            seen: Signatures = {}  # each file is stat'ed once on the way to the list
            if not repo.index.synced:
                known = repo.index.cached()
                if (listing := from_cache(known)) is not None:
                    return listing
                cache = repo.index.cache_file
                # No cache at all (a first start) of many documents: the child starts up while this process
                # compares the files with the index.
                early = self._child_for(repo, children) if len(repo.documents) > QUICK_FROM and cache is not None \
                    and not cache.exists() else None
                if known:
                    unread = repo.index.stale((ref.path for ref in repo.documents), seen)
                else:  # nothing known (a first start, a damaged cache): every file is unread, no stat needed for that
                    unread = [ref.path for ref in repo.documents]
                if len(unread) > QUICK_FROM:
                    prepare_quick_titles()  # the rows in sight read their titles on the GUI thread: no import there
                    unknown = [path for path in unread if path not in known]
                    return untitled(repo, language, unknown), lambda task: quick(task, unread, seen, early)
                if early is not None:
                    early.close()  # a few files: this process reads them at once (see `full`)
            found = full(task, seen)
            return None if found is None else (found, None)

        generation = self._generation

        def listed(result: Stage | None, first: bool) -> None:
            if result is None or generation != self._generation:
                return  # cancelled or outdated: a newer reading of the list follows (and ended this one's child)
            found, then = result
            if first:
                self.complete = then is None  # before the fill: a short list reports itself loaded at once
                self._fill(found)
            else:
                self._update(found, then is None)
            if then is None:
                return

            def next_stage() -> None:
                if generation == self._generation:
                    self.runner.run("document-list-complete", then, lambda result: listed(result, False),
                                    lambda error: self._failed(error) if generation == self._generation else None,
                                    label=self.tr("Documenten inlezen…"))

            if first:  # after `loaded`: the list is painted first, without a worker competing for the interpreter lock
                self._after_expansion.append(next_stage)
            else:
                next_stage()

        self.runner.run("document-list", work, lambda result: listed(result, True), self._failed,
                        label=self.tr("Documenten inlezen…"))

    def _first(self, root: Path, moment: str) -> bool:
        """True the first time a reading of the list of the repository at `root` gets to `moment` ("listed",
        "titled", "complete"; "saved" is `show_saved`'s)."""
        key = (str(root), moment)
        first = key not in self._frozen
        self._frozen.add(key)
        return first

    @staticmethod
    def _child_for(repo: ContentRepository, children: list[IndexChild]) -> IndexChild | None:
        """A started index process for `repo` (kept in `children`, which a newer reading ends), or None."""
        from ..index_worker import IndexChild  # a first start only: it starts a process

        child = IndexChild.start(repo.root, repo.index.cache_file)
        if child is not None:
            children.append(child)
        return child

    @property
    def index_child(self) -> IndexChild | None:
        """The process reading the index for the latest reading of the list, if one was started (it may have
        ended since)."""
        return self._children[-1] if self._children else None

    def _update(self, found: list[Entry], complete: bool) -> None:
        """Rows of a later stage of the reading (read titles; the complete index) replace the earlier ones."""
        self._remarks = {entry.path: entry.remark for entry in found if entry.remark}
        if not self.model.replace_all(found):
            current, chosen = self.current_path(), self.selected_paths()
            self.model.set_entries(found)
            self._reselect(chosen, current)
            self._expand()
        self._late_titles = {}
        self._fit_status_column()
        if complete:
            self.complete = True
            self._save_listing(found)
            self.completed.emit()
        self._open_first_when_shown()

    def _title(self, entry: Entry) -> str:
        """The title a row shows: its entry's; for a row listed before the titles were read (a first start), its
        file's title read when the row is first shown (the view asks only for the rows in sight: a few dozen
        small reads), or its file name where the quick reading is not certain, until the read titles come."""
        if entry.titled:
            return entry.title
        title = self._late_titles.get(entry.path)
        if title is None:
            title = self._late_titles[entry.path] = title_at_once(os.path.join(self._root, entry.path)) or entry.title
        return title

    def _drop_saved(self) -> None:
        """The repository cannot be read (an unusable schema): a saved list shown meanwhile goes, as it would
        pretend the documents are there to open."""
        if self._saved:
            self._saved = False
            self.model.set_entries([])

    def _failed(self, error: Exception) -> None:
        self.error = error
        self.ready = True
        self.failed.emit(error)

    def stop(self) -> None:
        """Start nothing any more (the window closed): a reading, a completion or an opening of the groups still
        under way is dropped, and `loaded` does not come."""
        self._stopped = True
        self._saved_token = None
        self._generation += 1
        self._expansion += 1
        self._after_expansion = []
        self.runner.cancel("document-list")
        self.runner.cancel("document-list-complete")
        for child in self._children:
            child.close()
        self._children = []

    def show_saved(self, root: Path, language: str, then: Callable[[], object] = lambda: None) -> None:
        """Show the list of the repository at `root` as a session last completed it, when nothing it rests on
        changed since (see `saved_listing`): read in a worker, shown before the repository is read. `shown`
        follows once its groups are open, unless a reading filled the list first (then nothing is shown); `load`
        then replaces any row that differs. `then` runs once the saved list is shown or known to be unusable
        (the repository's opening, which would compete with it for the interpreter lock)."""
        first = self._first(root, "saved")
        token = self._saved_token = object()

        def work(task: Task) -> list[Entry] | None:
            rows = saved_listing.load(root, language)
            if rows is None:
                return None
            with gc_paused(freeze=first):  # no collector pass over the start's objects while the rows are made
                return [Entry(path, type_name, type_label, title, None, remark)
                        for path, type_name, type_label, title, remark in rows]

        def done(found: list[Entry] | None) -> None:
            if found is None or token is not self._saved_token:  # none usable, or a reading came first
                then()
                return
            self._root, self._late_titles, self._saved = str(root), {}, True
            self._remarks = {entry.path: entry.remark for entry in found if entry.remark}
            self.model.set_entries(found)
            self._fit_status_column()
            self._expand(lambda: (self.shown.emit(), then()))  # painted first, then the reading starts

        self.runner.run("saved-list", work, done, lambda error: then())

    @property
    def showing_saved(self) -> bool:
        """True while the rows are a saved listing's (see `show_saved`), not yet replaced by a reading."""
        return self._saved

    def _save_listing(self, found: list[Entry]) -> None:
        """Keep the complete list for the next start (in a worker), with the folder times of the walk it came
        from."""
        repo, language = self._repo, self._language
        if repo is None:
            return

        def save(task: Task) -> bool:
            with gc_paused():  # tens of thousands of rows of plain values: no collector pass over them
                rows = [(e.path, e.type_name, e.type_label, e.title, e.remark) for e in found]
                refs, folders = repo.listing()
                return saved_listing.save(repo.root, language, rows, (ref.path for ref in refs), folders)

        self.runner.run("save-listing", save, lambda saved: None, lambda error: None)

    def _fill(self, found: list[Entry] | None) -> None:
        """Every row at once (one model reset; none when a saved listing shows the same documents), then filter,
        selection and `loaded`."""
        if found is None:
            return  # cancelled: a newer reading of the list follows
        selected = self._pending_selection or self.current_path()
        self._pending_selection = None
        self._remarks = {entry.path: entry.remark for entry in found if entry.remark}
        saved, self._saved, self._saved_token = self._saved, False, None  # a saved list still on its way: dropped
        if not (saved and self.model.replace_all(found)):
            self.model.set_entries(found)
        if self.complete:
            self._save_listing(found)
        self._fit_status_column()
        if selected:
            self.select(selected)
        self._expand(lambda: self._filled(selected))

    def _filled(self, selected: str | None) -> None:
        if selected:
            index = self.model.index_of(selected)
            if index.isValid():
                self.tree.scrollTo(index)
        self.ready = True
        self._open_first_when_shown()  # before `loaded`: the start opens its first document only when none is
        self.loaded.emit()

    def _expand(self, then: Callable[[], None] | None = None) -> None:
        """Open the groups after a model reset. The view lays out every row of an open group: a list of up to
        EXPAND_ROWS shown rows opens at once, a longer one group by group over turns of the event loop. What
        waits for the groups (`then`: `loaded`, and what the window starts on it) runs in a later turn, never in
        the one that reset the model and lays out its rows."""
        self._expansion += 1
        if then is not None:
            self._after_expansion.append(then)  # also when a newer reset overtakes this one: it then runs after that
        generation = self._expansion
        if sum(len(group.shown) for group in self.model.groups) <= EXPAND_ROWS:
            for row in range(len(self.model.groups)):
                self.tree.setExpanded(self.model.index(row, 0), True)
            self._expanded_later(generation)
            return
        QTimer.singleShot(NEXT_TURN_MS, self, lambda: self._expand_from(0, generation))

    def _expand_from(self, row: int, generation: int) -> None:
        if generation != self._expansion:
            return  # a newer reset: its own expansion covers every group
        # The closed groups are laid out first (a few rows); each group opened after that lays out its own rows
        # only, where opening them before that layout would lay out every row at once.
        self.tree.executeDelayedItemsLayout()
        budget = EXPAND_ROWS
        while row < len(self.model.groups) and (budget == EXPAND_ROWS or len(self.model.groups[row].shown) <= budget):
            budget -= len(self.model.groups[row].shown)
            self.tree.setExpanded(self.model.index(row, 0), True)
            row += 1
        if row < len(self.model.groups):
            QTimer.singleShot(NEXT_TURN_MS, self, lambda: self._expand_from(row, generation))
        else:
            self._expanded_later(generation)

    def _expanded_later(self, generation: int) -> None:
        """Every group is open: what waits for that runs in the next turn, unless a newer reset came first (its
        own expansion then runs it)."""
        if not self._after_expansion:
            return
        QTimer.singleShot(NEXT_TURN_MS, self,
                          lambda: self._expanded() if generation == self._expansion else None)

    def _expanded(self) -> None:
        if self._stopped:
            return
        waiting, self._after_expansion = self._after_expansion, []
        for then in waiting:
            then()

    def set_validation(self, severities: dict[str, str]) -> None:
        """Mark documents with errors or warnings (an icon and a tooltip: the state column keeps its width)."""
        old, self._validation = self._validation, dict(severities)
        self._repaint(_changed(old, self._validation))

    def update_validation(self, severities: dict[str, str], paths: list[str]) -> None:
        """The markers of `paths` only (checked again after a save); the other documents keep theirs."""
        new = {path: severity for path, severity in self._validation.items() if path not in paths}
        new.update((path, severities[path]) for path in paths if path in severities)
        self.set_validation(new)

    def set_git(self, kinds: dict[str, str]) -> None:
        """Mark documents that are new, changed or in conflict compared with the last commit."""
        old, self._git = self._git, dict(kinds)
        self._repaint(_changed(old, self._git))
        self._fit_status_column()

    def set_drafts(self, paths: set[str]) -> None:
        """Mark documents with unsaved work recovered from a draft."""
        old, self._drafts = self._drafts, set(paths)
        self._repaint(old ^ self._drafts)
        self._fit_status_column()

    def _repaint(self, paths: set[str]) -> None:
        """Show the new markers of `paths`: a few runs of rows are signalled as changed; for many, the view only
        repaints (it asks a row's data whenever it paints it, so every row shows its markers when in sight).
        A change signal over thousands of rows makes the view call into Python for each, and each call waits for
        the interpreter lock while background work runs: 465 ms for the markers of 9,400 documents at 10k."""
        if len(paths) <= REPAINT_ROWS:  # more rows than that are never signalled: no need to find their runs
            runs = self.model.changed_runs(paths)
            if len(runs) <= REPAINT_RUNS and sum(last - first + 1 for _, first, last in runs) <= REPAINT_ROWS:
                for run in runs:
                    self.model.rows_changed(*run)
                return
        self.tree.viewport().update()

    def _marks(self, path: str) -> Marks:
        """A document's icon, state text and tooltip, from the markers as they are now."""
        severity = self._validation.get(path)
        tips = [path]
        if severity == "error":
            tips.append(self.tr("Bevat fouten"))
        elif severity == "warning":
            tips.append(self.tr("Bevat waarschuwingen"))
        remark = self._remarks.get(path)
        state = self._state(self._git.get(path, ""), path in self._drafts, bool(remark))
        if remark:
            tips.append(remark)
        if state:
            tips.append(state)
        return Marks(severity if severity in ("error", "warning") else None, state, " — ".join(tips))

    def _state(self, kind: str, draft: bool, remark: bool) -> str:
        """The state column's text: the git state, unsaved work, cannot be opened."""
        parts = [self._git_text.get(kind, ""), self.tr("niet opgeslagen werk") if draft else "",
                 self.tr("niet te openen") if remark else ""]
        return ", ".join(part for part in parts if part)

    def _fit_status_column(self) -> None:
        """The state column as wide as its widest text. A git state alone is one of the texts measured always, so
        only documents with unsaved work or a remark are looked at (a few), not every changed one (10k: 30 ms)."""
        texts = [self.tr("nieuw"), self.tr("gewijzigd"), self.tr("hernoemd"), self.tr("conflict"),
                 self.tr("verwijderd"), self.tr("Wijziging")]
        git, drafts, remarks = self._git, self._drafts, self._remarks
        kinds = {(git.get(path, ""), path in drafts, path in remarks) for path in drafts | remarks.keys()
                 if self.model.entry(path) is not None}
        shown = {self._state(*kind) for kind in kinds}
        entry = self.model.entry
        if not shown and not any(entry(path) is not None for path in git):
            self.columns.fit(0)  # no document has a state: the column is hidden, the titles get its room
            return
        metrics = self.tree.fontMetrics()
        self.columns.fit(max(metrics.horizontalAdvance(text) for text in [*texts, *shown]) + 24)

    def first_document(self) -> str | None:
        """The path of the first document in the list that can be opened."""
        return next((entry.path for entry in self.model.entries if entry.path not in self._remarks), None)

    def count(self) -> int:
        """How many documents are listed."""
        return len(self.model.entries)

    def paths(self) -> list[str]:
        """Every listed document's path, in list order (shown by the filter or not)."""
        return self.model.all_paths()

    def row(self, path: str) -> ListedDocument | None:
        """What the list shows of a document, or None when it is not listed."""
        entry = self.model.entry(path)
        if entry is None:
            return None
        marks = self._marks(path)
        return ListedDocument(path, self._title(entry), entry.type_label, marks.state, marks.severity, marks.tooltip,
                              not self.model.is_shown(path))

    def group_labels(self) -> list[str]:
        """The groups (document types) in list order."""
        return [group.label for group in self.model.groups]

    def current_path(self) -> str | None:
        """The selected document's path."""
        return self.model.path_at(self.tree.currentIndex())

    def select(self, path: str, scroll: bool = True) -> None:
        """Select a document without opening it (nothing when the filter hides it); `scroll` False leaves the list
        where it is (the view otherwise brings the row in sight)."""
        index = self.model.index_of(path)
        if index.isValid():
            auto = self.tree.hasAutoScroll()
            self.tree.setAutoScroll(auto and scroll)
            self.tree.setCurrentIndex(index)
            self.tree.setAutoScroll(auto)

    def apply_filter(self, text: str) -> None:
        """Show only the documents whose title, path or values contain `text`; selection and current stay."""
        needle = text.strip().lower()
        if needle == self.model.needle:
            return
        self._open_first_later = False  # another search: its own Enter opens its match
        self._search_late_titles()
        current = self.current_path()
        chosen = self.selected_paths()
        self.model.set_filter(needle)
        self._reselect(chosen, current)  # the selection model needs no open group
        self._expand()

    def _search_late_titles(self) -> None:
        """Rows listed before their titles were read (a first start) that show a title read for them (`_title`)
        are searched by that title too, as they show it, not by their file's path only."""
        late = self._late_titles
        if not late:
            return
        changed = False
        found = []
        for entry in self.model.entries:
            title = late.get(entry.path) if not entry.titled else None
            if title is not None and title != entry.title:  # read (the file name is shown where it is unsure)
                entry = Entry(entry.path, entry.type_name, entry.type_label, title,
                              search_text(entry.path, {"title": title}), entry.remark)
                changed = True
            found.append(entry)
        if changed:
            self.model.entries = found  # the same documents in the same order; the filter's reset follows

    def _hide_empty_groups(self) -> None:
        """A document type whose documents the filter hides all is not shown as an empty heading."""
        filtering = bool(self.model.needle)
        for row, group in enumerate(self.model.groups):
            self.tree.setRowHidden(row, QModelIndex(), filtering and not group.shown)

    def _reselect(self, paths: list[str], current: str | None) -> None:
        """Select `paths` again after the rows were rebuilt (the shown ones), as few ranges as possible."""
        selection = QItemSelection()
        start: QModelIndex | None = None
        last: QModelIndex | None = None
        for path in paths:
            index = self.model.index_of(path)
            if not index.isValid():
                continue
            if last is not None and index.parent() == last.parent() and index.row() == last.row() + 1:
                last = index
                continue
            if start is not None and last is not None:
                selection.select(start, last)
            start = last = index
        if start is not None and last is not None:
            selection.select(start, last)
        selected = QItemSelectionModel.SelectionFlag
        model = self.tree.selectionModel()
        if current is not None and self.model.index_of(current).isValid():
            model.setCurrentIndex(self.model.index_of(current), selected.NoUpdate)
        if not selection.isEmpty():
            model.select(selection, selected.ClearAndSelect | selected.Rows)

    def selected_paths(self) -> list[str]:
        """The paths of the selected documents, in list order."""
        chosen = {self.model.path_at(index) for index in self.tree.selectionModel().selectedRows(0)}
        chosen.discard(None)
        return [path for path in self.model.shown_paths() if path in chosen] if chosen else []

    def select_all_shown(self) -> None:
        """Select every document the filter shows."""
        selection = QItemSelection()
        for row, group in enumerate(self.model.groups):
            if group.shown:
                parent = self.model.index(row, 0)
                selection.select(self.model.index(0, 0, parent), self.model.index(len(group.shown) - 1, 1, parent))
        flags = QItemSelectionModel.SelectionFlag
        self.tree.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)

    def _clicked(self, index: QModelIndex) -> None:
        modifiers = QApplication.keyboardModifiers()
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return  # extending the selection, not opening
        self._activated(index)

    def focus_filter(self) -> None:
        """Put the keyboard in the filter with its text selected (Ctrl+F), ready to type a new search."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def first_shown(self) -> str | None:
        """The path of the first document the filter shows, in list order."""
        return next(iter(self.model.shown_paths()), None)

    def _open_first_shown(self) -> None:
        path = self.first_shown()
        if path is not None:
            self._open_first_later = False
            self.select(path)
            self.opened.emit(path)
        else:  # typed while the list is still read (the titles, at a start): the first match opens when it shows
            self._open_first_later = not self.complete

    def _open_first_when_shown(self) -> None:
        """After the rows changed: open the first match of an Enter pressed before there was one (nothing when
        the filter was changed since, another document was picked, or the complete list has none)."""
        if self._open_first_later and (self.first_shown() is not None or self.complete):
            self._open_first_shown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Down in the filter moves to the first document it shows."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and not event.modifiers():
            path = self.first_shown()
            self.tree.setFocus(Qt.FocusReason.TabFocusReason)
            if path is not None:
                self.select(path)
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        path = self.model.path_at(index)
        if path:
            self._open_first_later = False
            self.opened.emit(path)


def _changed(old: dict[str, str], new: dict[str, str]) -> set[str]:
    """The keys whose value differs between `old` and `new`, or that only one of them has."""
    get = old.get
    return {key for key, value in new.items() if get(key) != value}.union(old.keys() - new.keys())
