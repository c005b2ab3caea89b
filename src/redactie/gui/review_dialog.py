"""Wijzigingen bekijken: per file the change summary beside the word-level diff, then commit what was ticked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..bulk import BulkError, undo
from ..bulk.groups import Group, arrange, group_message, group_of, load_groups
from ..document import FrontMatterError
from ..gitservice.problems import GitProblem
from ..gitservice.service import GitService
from ..repository import ContentRepository
from ..review import BINARY, LARGE, TEXT, DiffLine, FileReview, collect, suggest_message
from ..review.partial import partial_bytes, selectable
from ..schema import SCHEMA_FILE
from ..validation import ERROR, INFO, WARNING, Finding, validate_repository
from .diff_view import DiffView, diff_html, summary_html
from .review_groups import GroupBar, group_ident, member_icon, tick_state
from .screen_fit import fit_to_screen
from .sharing import SharingController
from .tasks import Task, TaskRunner

KIND_NL = {"new": "nieuw", "modified": "gewijzigd", "deleted": "verwijderd", "renamed": "hernoemd",
           "conflicted": "conflict"}


class ReviewDialog(QDialog):
    """Review and commit. `show_field(path, field)` asks the window to open a document at a field."""

    show_field = Signal(str, str)
    committed = Signal(str)
    bulk_undone = Signal(object)  # the Journal of a bulk change undone from here

    def __init__(self, repo: ContentRepository, sharing: SharingController, runner: TaskRunner, language: str,
                 parent: QWidget | None = None, unsaved: Callable[[], set[str]] | None = None) -> None:
        super().__init__(parent)
        self.repo, self.sharing, self.runner, self.language = repo, sharing, runner, language
        self.unsaved = unsaved or set
        self.reviews: list[FileReview] = []
        self.groups: list[Group] = []
        self.rows: list[tuple[Group | None, str | None]] = []  # per row of the file list
        self.row_by_path: dict[str, int] = {}
        self.review_by_path: dict[str, FileReview] = {}
        self.findings: list[Finding] = []
        self._suggested = ""
        self.setWindowTitle(self.tr("Wijzigingen bekijken"))
        fit_to_screen(self, 1200, 760)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr("Wijzigingen worden gelezen…"), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QSplitter(Qt.Orientation.Vertical, splitter)
        self.files = QListWidget(left)
        self.files.setAccessibleName(self.tr("Gewijzigde bestanden"))
        self.files.setToolTip(self.tr("Vink de bestanden aan die u wilt vastleggen; alleen die worden vastgelegd"))
        self.files.currentRowChanged.connect(self._show_file)
        self.files.itemChanged.connect(self._item_changed)
        self.parts = QListWidget(left)
        self.parts.setAccessibleName(self.tr("Onderdelen van dit bestand"))
        self.parts.setToolTip(self.tr("Vink een onderdeel uit om het nu niet vast te leggen; het blijft gewoon "
                                      "in het bestand staan"))
        self.parts.itemChanged.connect(self._part_changed)
        for side_list in (self.files, self.parts):  # long titles wrap instead of hiding behind a scroll bar
            side_list.setWordWrap(True)
            side_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            side_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.unticked: dict[str, set[str]] = {}
        summary_box = QWidget(splitter)
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        self.group_bar = GroupBar(language, summary_box)
        self.group_bar.undo_requested.connect(self._undo_group)
        summary_layout.addWidget(self.group_bar)
        self.summary = DiffView(self.tr("Samenvatting van de wijzigingen"), summary_box)
        summary_layout.addWidget(self.summary, 1)
        self.summary.setToolTip(self.tr("Wat er is veranderd, per veld en per sectie"))
        raw_box = QWidget(splitter)
        raw_layout = QVBoxLayout(raw_box)
        raw_layout.setContentsMargins(0, 0, 0, 0)
        self.raw = DiffView(self.tr("Tekstverschil"), raw_box)
        self.raw.setToolTip(self.tr("Het verschil in de tekst van het bestand; gewijzigde woorden zijn gemarkeerd"))
        raw_layout.addWidget(self.raw, 1)
        self.show_large = QPushButton(self.tr("Tekstverschil toch tonen"), raw_box)
        self.show_large.setAccessibleName(self.tr("Tekstverschil toch tonen"))
        self.show_large.setToolTip(self.tr("Dit bestand is groot; het verschil wordt pas berekend als u erom vraagt"))
        self.show_large.clicked.connect(self._show_large_diff)
        self.show_large.hide()
        raw_layout.addWidget(self.show_large)
        splitter.setSizes([280, 460, 460])
        layout.addWidget(splitter, 1)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(self.tr("Fouten en waarschuwingen"))
        self.problems.setToolTip(self.tr("Dubbelklik om het veld te openen. Fouten moeten eerst worden opgelost"))
        self.problems.setMaximumHeight(120)
        self.problems.itemActivated.connect(self._open_problem)
        layout.addWidget(self.problems)
        self.accept_warnings = QCheckBox(self.tr("Ik heb de waarschuwingen gezien en wil toch vastleggen"), self)
        self.accept_warnings.setAccessibleName(self.tr("Waarschuwingen accepteren"))
        self.accept_warnings.toggled.connect(self._update_buttons)
        layout.addWidget(self.accept_warnings)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Beschrijving"), self)  # Alt+B jumps to the description
        row.addWidget(label)
        self.message = QLineEdit(self)
        label.setBuddy(self.message)
        self.message.setAccessibleName(self.tr("Beschrijving van de wijziging"))
        self.message.setToolTip(self.tr("Beschrijf kort wat u hebt veranderd; dit is verplicht en blijft bij de "
                                        "wijziging bewaard"))
        self.message.textChanged.connect(self._update_buttons)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Resultaat"))
        layout.addWidget(self.result)
        buttons = QHBoxLayout()
        self.commit_button = self._button(self.tr("Vastleggen"), self.tr("Leg de aangevinkte bestanden vast met "
                                                                        "deze beschrijving"), self.commit)
        self.sync_button = self._button(self.tr("Synchroniseren"), self.tr("Haal wijzigingen van anderen op en zet "
                                                                          "de uwe erbovenop"), sharing.sync)
        self.propose_button = self._button(self.tr("Voorstel indienen"), self.tr("Deel uw versie en open de pagina "
                                                                               "om haar ter beoordeling voor te "
                                                                               "stellen"), sharing.propose)
        self.close_button = self._button(self.tr("Sluiten"), self.tr("Dit venster sluiten"), self.reject)
        self.why_not = QLabel(self)
        self.why_not.setWordWrap(True)
        self.why_not.setAccessibleName(self.tr("Waarom niet vastleggen"))
        self.why_not.setStyleSheet("color: #8a1f11;")
        buttons.addWidget(self.commit_button)
        buttons.addWidget(self.why_not, 1)
        for button in (self.sync_button, self.propose_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.commit_button.setDefault(True)
        sharing.message.connect(self.result.setText)
        self.loading = False
        self.reload()

    def _button(self, text: str, tooltip: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setToolTip(tooltip)
        button.clicked.connect(slot)
        return button

    @property
    def service(self) -> GitService | None:
        """The repository's git service."""
        return self.sharing.service

    def reload(self) -> None:
        """Read the changes and check the changed documents, in the background."""
        service, repo, language = self.service, self.repo, self.language
        if service is None and self.sharing.monitor.opening:  # opened in the moment after the start
            self.sharing.monitor.when_open(lambda: shiboken6.isValid(self) and self.reload())
            return
        if service is None:
            self.intro.setText(self.sharing.monitor.problem.localized(language) if self.sharing.monitor.problem
                               else "")
            return
        self.loading = True
        self.commit_button.setEnabled(False)

        def work(task: Task) -> tuple[list[FileReview], list[Finding], list[Group]]:
            with service.lock:
                reviews = collect(service, repo, language)
            documents = {ref.path for ref in repo.documents}
            paths = [r.path for r in reviews if r.new is not None and r.path in documents]
            findings = validate_repository(repo, paths) if paths else []
            return reviews, findings, load_groups(repo.root, [r.path for r in reviews])

        self.runner.run("review", work, self._loaded, self._failed, label=self.tr("Wijzigingen lezen…"))

    def _failed(self, error: Exception) -> None:
        self.loading = False
        self.intro.setText(error.localized(self.language) if isinstance(error, GitProblem) else str(error))

    def _loaded(self, result: tuple[list[FileReview], list[Finding], list[Group]]) -> None:
        self.loading = False
        self.reviews, self.findings, self.groups = result
        self.files.blockSignals(True)
        self.files.clear()
        self.rows = arrange([r.path for r in self.reviews], self.groups)
        self.row_by_path = {path: row for row, (_, path) in enumerate(self.rows) if path is not None}
        by_path = self.review_by_path = {r.path: r for r in self.reviews}
        guide = member_icon()
        for group, path in self.rows:
            if path is None:
                assert group is not None
                self.group_bar.group_row(self.files, group)
                continue
            review = by_path[path]
            kind = KIND_NL.get(review.change.kind, review.change.kind) if self.language != "en" else review.change.kind
            label = f"{review.type_label}: {review.title or review.code}" if review.type_label else review.path
            item = QListWidgetItem(f"{label} — {kind}", self.files)
            item.setToolTip(review.path)
            if review.change.committable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                # Redactie's own schema file is the user's choice to share, never ticked for them.
                item.setCheckState(Qt.CheckState.Unchecked if review.path == SCHEMA_FILE else Qt.CheckState.Checked)
            else:
                # A submodule, a nested repository or a folder of new files: shown, never staged here.
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setText(f"{review.path} — {review.items[0].label}")
                item.setToolTip(self.tr("%1: Redactie legt dit niet vast").replace("%1", review.path))
            item.setData(Qt.ItemDataRole.UserRole, review.path)
            if group is not None:  # a file of a bulk change, under its group row
                item.setIcon(guide)
                item.setText(self.group_bar.member_text(group, path, item.text()))
        self.files.blockSignals(False)
        if self.reviews:
            count = len(self.reviews)
            # Qt's plural forms: the Dutch singular comes from redactie_nl.qm, the English forms from redactie_en.qm
            self.intro.setText(self.tr("%n gewijzigde bestanden. Bekijk ze en vink aan wat u wilt vastleggen.", "",
                                       count))
            self.files.setCurrentRow(0)
            self._show_file(0)  # also when row 0 was already current: the list under it changed
        else:
            self.intro.setText(self.tr("Er zijn geen wijzigingen om vast te leggen."))
            self.group_bar.show_group(None)
            self.summary.clear()
            self.raw.clear()
            self.parts.clear()
        self._selection_changed()

    def _review_at(self, row: int) -> FileReview | None:
        """The review shown on a row of the file list; None for a group row."""
        if not 0 <= row < len(self.rows) or self.rows[row][1] is None:
            return None
        return self.review_by_path.get(self.rows[row][1] or "")

    def _row_of(self, path: str) -> int:
        return self.row_by_path[path]

    def _show_file(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.group_bar.show_group(self.rows[row][0])
        review = self._review_at(row)
        if review is None and 0 <= row < len(self.rows) and self.rows[row][0] is not None:
            self.summary.setHtml(self.group_bar.overview_html(self.rows[row][0]))
            self.raw.setPlainText(self.tr("Kies een bestand van deze bulkwijziging om zijn tekstverschil te zien."))
            self.parts.clear()
            self.show_large.hide()
        if review is not None:
            self.summary.setHtml(summary_html(review.items, self.language))
            shown = review.shown_as
            self.show_large.setVisible(shown == LARGE)
            if shown == TEXT:
                self.raw.setHtml(diff_html(review.raw_diff()))
            elif shown == LARGE:
                self.raw.setPlainText(self.tr("Dit bestand is groot. Kies 'Tekstverschil toch tonen' om het "
                                              "verschil te berekenen."))
            elif shown == BINARY:
                self.raw.setPlainText(self.tr("%1 is een binair bestand (geen tekst); de inhoud wordt niet "
                                              "getoond.").replace("%1", review.path))
            else:
                self.raw.setPlainText(review.items[0].label if review.items else "")
            self._show_parts(review)

    def _show_large_diff(self) -> None:
        row = self.files.currentRow()
        review = self._review_at(row)
        if review is None:
            return
        self.show_large.setEnabled(False)
        self.raw.setPlainText(self.tr("Verschil wordt berekend…"))

        def shown(lines: list[DiffLine]) -> None:
            self.show_large.setEnabled(True)
            if self.files.currentRow() == row:
                self.show_large.hide()
                self.raw.setHtml(diff_html(lines))

        def failed(error: Exception) -> None:
            self.show_large.setEnabled(True)
            self.raw.setPlainText(str(error))

        self.runner.run("review-diff", lambda task: review.raw_diff(force=True), shown, failed,
                        label=self.tr("Verschil berekenen…"))

    def _show_parts(self, review: FileReview) -> None:
        self.parts.blockSignals(True)
        self.parts.clear()
        off = self.unticked.get(review.path, set())
        # Parts can be left out only when every change in the file is a field or a section edit.
        partial_ok = review.old is not None and review.new is not None and all(selectable(i) for i in review.items)
        for item in review.items:
            key = f"{item.kind}:{item.name}"
            entry = QListWidgetItem(item.describe(self.language), self.parts)
            entry.setData(Qt.ItemDataRole.UserRole, key)
            if partial_ok:
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked if key in off else Qt.CheckState.Checked)
            else:
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                entry.setToolTip(self.tr("Dit onderdeel kan alleen met het hele bestand worden vastgelegd"))
        self.parts.blockSignals(False)

    def _part_changed(self, entry: QListWidgetItem) -> None:
        review = self._review_at(self.files.currentRow())
        if review is None:
            return
        path = review.path
        off = self.unticked.setdefault(path, set())
        key = entry.data(Qt.ItemDataRole.UserRole)
        if entry.checkState() == Qt.CheckState.Checked:
            off.discard(key)
        else:
            off.add(key)
        self._selection_changed()

    def set_part(self, path: str, key: str, checked: bool) -> None:
        """Tick or untick one part (`field:status_vereiste`, `section:Risico`) of a file."""
        off = self.unticked.setdefault(path, set())
        (off.discard if checked else off.add)(key)
        row = self._row_of(path)
        review = self._review_at(row)
        if self.files.currentRow() == row and review is not None:
            self._show_parts(review)
        self._selection_changed()

    def _as_committed(self, review: FileReview) -> FileReview:
        off = self.unticked.get(review.path)
        if not off:
            return review
        return replace(review, items=[i for i in review.items if f"{i.kind}:{i.name}" not in off])

    def chosen(self) -> list[FileReview]:
        """The reviews the user ticked."""
        return [review for review in self.reviews
                if review.change.committable
                and self.files.item(self._row_of(review.path)).checkState() == Qt.CheckState.Checked
                and not {f"{i.kind}:{i.name}" for i in review.items} <= self.unticked.get(review.path, set())]

    def set_checked(self, path: str, checked: bool) -> None:
        """Tick or untick a file."""
        if any(review.path == path for review in self.reviews):
            self.files.item(self._row_of(path)).setCheckState(Qt.CheckState.Checked if checked
                                                               else Qt.CheckState.Unchecked)

    def set_group_checked(self, ident: str, checked: bool) -> None:
        """Tick or untick a bulk change's group row (and so all its files)."""
        for row in range(self.files.count()):
            if group_ident(self.files.item(row)) == ident:
                self.files.item(row).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _item_changed(self, item: QListWidgetItem) -> None:
        """A group's tick box ticks all its files; a file's box sets its group's box to all, none or some."""
        ident = group_ident(item)
        self.files.blockSignals(True)
        try:
            if ident is not None:
                state = item.checkState()
                if state == Qt.CheckState.PartiallyChecked:  # a click on a partly ticked group ticks all
                    state = Qt.CheckState.Checked
                    item.setCheckState(state)
                for row, (group, path) in enumerate(self.rows):
                    if group is not None and group.ident == ident and path is not None:
                        member = self.files.item(row)
                        if member.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                            member.setCheckState(state)
            else:
                group = group_of(self.groups, item.data(Qt.ItemDataRole.UserRole) or "")
                if group is not None:
                    rows = [i for i, (g, p) in enumerate(self.rows) if g is group]
                    head = next(i for i in rows if self.rows[i][1] is None)
                    self.files.item(head).setCheckState(tick_state(
                        [self.files.item(i).checkState() for i in rows if i != head]))
        finally:
            self.files.blockSignals(False)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = {r.path for r in self.chosen()}
        relevant = sorted((f for f in self.findings if f.path in chosen and f.severity != INFO),
                          key=lambda f: (f.severity != ERROR, f.path, f.line))
        self.problems.clear()
        for finding in relevant:
            kind = self.tr("Fout") if finding.severity == ERROR else self.tr("Waarschuwing")
            field = f" — {self._field_label(finding.path, finding.field)}" if finding.field else ""
            item = QListWidgetItem(f"{kind}: {finding.path}{field}: {finding.message(self.language)}", self.problems)
            item.setData(Qt.ItemDataRole.UserRole, (finding.path, finding.field or ""))
        self.problems.setVisible(bool(relevant))
        self.accept_warnings.setVisible(any(f.severity == WARNING for f in relevant))
        suggestion = suggest_message([self._as_committed(r) for r in self.chosen()], self.language)
        suggestion = group_message(self.groups, chosen, self.language) or suggestion
        if not self.message.text() or self.message.text() == self._suggested:
            self.message.setText(suggestion)
        self._suggested = suggestion
        self._update_buttons()

    def _field_label(self, path: str, key: str) -> str:
        doc_type = self.repo.schema.type_for(path)
        for definition in self.repo.schema.fields_of(doc_type) if doc_type else []:
            if definition.key == key:
                return definition.label.get(self.language)
        return key

    def blocking_errors(self) -> list[Finding]:
        """Errors in the chosen files: they stop the commit."""
        chosen = {r.path for r in self.chosen()}
        return [f for f in self.findings if f.path in chosen and f.severity == ERROR]

    def _update_buttons(self) -> None:
        chosen = {r.path for r in self.chosen()}
        warnings = any(f.path in chosen and f.severity == WARNING for f in self.findings)
        ready = (bool(chosen) and bool(self.message.text().strip()) and not self.blocking_errors()
                 and (not warnings or self.accept_warnings.isChecked()) and not self.loading)
        self.commit_button.setEnabled(ready)
        why = "" if ready else self._why_not(chosen, warnings)
        self.why_not.setText(why)
        self.commit_button.setToolTip(why or self.tr("Leg de aangevinkte bestanden vast met deze beschrijving"))

    def _why_not(self, chosen: set[str], warnings: bool) -> str:
        """Why Vastleggen cannot be used now, named next to the button."""
        errors = self.blocking_errors()
        if self.loading:
            return self.tr("Wijzigingen worden nog gelezen…")
        if not self.reviews:
            return ""
        if not chosen:
            return self.tr("Vink ten minste één bestand aan.")
        if errors:
            first = errors[0]
            text = self.tr("Kan niet vastleggen: %1 heeft een fout (%2).").replace("%1", first.path) \
                .replace("%2", first.message(self.language))
            if len(errors) > 1:
                text += " " + self.tr("En nog %n fouten; zie de lijst hierboven.", "", len(errors) - 1)
            return text
        if not self.message.text().strip():
            return self.tr("Vul een beschrijving in.")
        if warnings and not self.accept_warnings.isChecked():
            return self.tr("Bekijk de waarschuwingen en vink aan dat u ze hebt gezien.")
        return ""

    def _undo_group(self, group: Group) -> None:
        """Undo a whole bulk change (confirmed in the group bar), in the background, then read the changes again."""
        root, journal, unsaved = self.repo.root, group.journal, self.unsaved()

        def work(task: Task) -> None:
            undo(root, journal, unsaved)

        def done(_: None) -> None:
            self.result.setText(self.tr("Ongedaan gemaakt: %1").replace("%1", group.message(self.language)))
            self.bulk_undone.emit(journal)
            self.sharing.monitor.refresh()
            self.reload()

        def failed(error: Exception) -> None:
            text = error.localized(self.language) if isinstance(error, BulkError) else str(error)
            self.result.setText(self.tr("Niet ongedaan gemaakt: %1").replace("%1", text))

        self.runner.run("review-bulk-undo", work, done, failed, label=self.tr("Bulkwijziging ongedaan maken…"))

    def _open_problem(self, item: QListWidgetItem) -> None:
        path, field = item.data(Qt.ItemDataRole.UserRole)
        self.show_field.emit(path, field)

    def commit(self) -> None:
        """Commit exactly the ticked files as reviewed."""
        if not self.commit_button.isEnabled():
            return
        reviewed: dict[str, bytes | None] = {}
        contents: dict[str, bytes] = {}
        for review in self.chosen():
            reviewed[review.path] = review.new
            if review.change.old_path:
                reviewed[review.change.old_path] = None
            off = self.unticked.get(review.path)
            if off and review.old is not None and review.new is not None:
                keep = {f"{i.kind}:{i.name}" for i in review.items} - off
                try:
                    contents[review.path] = partial_bytes(review.old, review.new, review.items, keep)
                except (ValueError, FrontMatterError):
                    self.result.setText(self.tr("%1 kan alleen in zijn geheel worden vastgelegd; vink alle "
                                                "onderdelen aan en probeer het opnieuw.").replace("%1", review.path))
                    return
        message = self.message.text()
        service = self.service
        if service is None:
            return

        def work(task: Task) -> str:
            with service.lock:
                if contents:
                    return service.commit_contents(contents, reviewed, message)
                return service.commit(reviewed, message)

        self.commit_button.setEnabled(False)
        self.runner.run("commit", work, self._committed, self._commit_failed, label=self.tr("Vastleggen…"))

    def _committed(self, sha: str) -> None:
        self.unticked.clear()
        self.result.setText(self.tr("Vastgelegd (%1). U kunt nu synchroniseren of een voorstel indienen.")
                            .replace("%1", sha[:8]))
        self._suggested = ""
        self.message.clear()
        self.committed.emit(sha)
        self.sharing.monitor.refresh()
        self.reload()

    def _commit_failed(self, error: Exception) -> None:
        if isinstance(error, GitProblem) and error.code == "author-missing":
            self.sharing.ask_author(self.commit)
            self._update_buttons()
            return
        self.sharing.explain(error)
        if isinstance(error, GitProblem) and error.code == "changed-during-review":
            self.reload()
        else:
            self._update_buttons()
