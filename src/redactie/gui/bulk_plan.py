"""The common part of every bulk-change dialog: make the plan off the GUI thread, list every file and line
that will change, apply it only when the editor confirms, with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..bulk import BulkCancelled, BulkError, Journal, Plan, apply_plan
from ..repository import ContentRepository
from .tasks import Task, TaskRunner


class BulkDialog(QDialog):
    """Subclasses fill `self.form` and implement `make_plan(task)`; `applied(journal)` after writing."""

    applied = Signal(object)

    def __init__(self, repo: ContentRepository, runner: TaskRunner, language: str,
                 unsaved: Callable[[], set[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo, self.runner, self.language, self.unsaved = repo, runner, language, unsaved
        self.plan: Plan | None = None
        self.journal: Journal | None = None
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.plan_button = self.button(self.tr("Plan maken"), self.tr("Zoek uit welke bestanden en regels er "
                                                                      "veranderen; er wordt nog niets opgeslagen"),
                                       self.make)
        self.extra = QHBoxLayout()
        self.extra.addWidget(self.plan_button)
        self.extra.addStretch(1)
        layout.addLayout(self.extra)
        self.middle = QVBoxLayout()
        layout.addLayout(self.middle, 1)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Bestand en regel"), self.tr("Nu"), self.tr("Wordt")])
        self.tree.setAccessibleName(self.tr("Plan van de wijziging"))
        self.tree.setToolTip(self.tr("Elk bestand en elke regel die verandert; pas na 'Uitvoeren' wordt er iets "
                                     "opgeslagen"))
        layout.addWidget(self.tree, 2)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Toestand van de bulkwijziging"))
        layout.addWidget(self.status)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Voortgang"))
        self.progress.hide()
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        self.apply_button = self.button(self.tr("Uitvoeren"), self.tr("Voer het plan uit zoals het hierboven staat; "
                                                                      "u kunt het voor het vastleggen als geheel "
                                                                      "ongedaan maken"), self.apply)
        self.apply_button.setEnabled(False)
        self.cancel_button = self.button(self.tr("Annuleren"), self.tr("Stop het zoeken, of sluit zonder iets te "
                                                                       "veranderen"), self.cancel)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        runner.progress.connect(self._progressed)

    def button(self, text: str, tooltip: str, slot: Callable[[], object]) -> QPushButton:
        """A push button with accessible name and tooltip."""
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tooltip)
        button.clicked.connect(slot)
        return button

    def make_plan(self, task: Task) -> Plan:
        """Build the plan (runs off the GUI thread; must not touch widgets)."""
        raise NotImplementedError

    def ready(self) -> str | None:
        """A reason why no plan can be made yet (shown to the user), or None."""
        return None

    # -- planning ------------------------------------------------------------------------------------------

    def make(self) -> None:
        """Make the plan in the background."""
        reason = self.ready()
        if reason:
            self.status.setText(reason)
            return
        self.plan = None
        self.apply_button.setEnabled(False)
        self.tree.clear()
        self.status.setText(self.tr("Plan wordt gemaakt…"))
        self.runner.run("bulk-plan", self.make_plan, self._planned, self._failed, label=self.tr("Plan maken…"))

    def _planned(self, plan: Plan) -> None:
        self.plan = plan
        self.tree.clear()
        for change in plan.files:
            title = change.path
            if change.after is None:
                title += " — " + self.tr("wordt verwijderd (samengevoegd)")
            elif change.new_path:
                title += " → " + change.new_path
            top = QTreeWidgetItem(self.tree, [title])
            for line in change.lines:
                where = f" ({line.where})" if line.where else ""
                QTreeWidgetItem(top, [self.tr("regel %1").replace("%1", str(line.line)) + where,
                                      line.old if line.old is not None else "", line.new if line.new is not None
                                      else self.tr("(weg)")])
            top.setExpanded(len(plan.files) <= 30)
        for folder in plan.folders:
            QTreeWidgetItem(self.tree, [f"{folder.path}/ → {folder.new_path}/"])
        for note in plan.notes:
            QTreeWidgetItem(self.tree, ["⚠ " + note.get(self.language)])
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)
        if plan.empty:
            self.status.setText(self.tr("Niets te doen: geen document verandert."))
        else:
            self.status.setText(self.tr("%n bestanden veranderen: %2. Controleer het plan en kies Uitvoeren.", "",
                                        len(plan.files)).replace("%2", plan.message.get(self.language)))
        self.apply_button.setEnabled(not plan.empty)

    def _failed(self, error: Exception) -> None:
        self.progress.hide()
        self.status.setText(error.localized(self.language) if isinstance(error, BulkError) else str(error))
        if self.plan is not None and not isinstance(error, BulkCancelled):
            self.apply_button.setEnabled(False)  # refused: the plan no longer fits the files; make it again

    # -- applying ------------------------------------------------------------------------------------------

    def apply(self) -> None:
        """Apply the confirmed plan in the background; refused when a file changed or has unsaved edits."""
        plan = self.plan
        if plan is None or plan.empty:
            return
        root: Path = self.repo.root
        unsaved = self.unsaved()
        self.apply_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()

        phase = self.tr("bestanden schrijven")

        def work(task: Task) -> Journal:
            def report(done: int, total: int) -> None:
                task.progress(phase, int(100 * done / max(total, 1)))
            return apply_plan(root, plan, unsaved, cancel=task.cancel.is_set, progress=report)

        self.runner.run("bulk-apply", work, self._applied, self._failed, label=self.tr("Bulkwijziging uitvoeren…"))

    def _applied(self, journal: Journal) -> None:
        self.journal = journal
        self.progress.hide()
        self.plan = None
        self.status.setText(self.tr("Klaar: %1. Bekijk het bij Wijzigingen bekijken; tot het vastleggen zet "
                                    "Bewerken ▸ Meerdere documenten ▸ Laatste bulkwijziging ongedaan maken "
                                    "alles terug.")
                            .replace("%1", journal.message.get(self.language)))
        self.cancel_button.setText(self.tr("Sluiten"))
        self.cancel_button.setAccessibleName(self.tr("Sluiten"))
        self.applied.emit(journal)

    def _progressed(self, label: str, phase: str, percent: object) -> None:
        if isinstance(percent, int) and self.progress.isVisible():
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)

    def cancel(self) -> None:
        """Cancel a running plan (nothing has been written), or close."""
        for key in ("bulk-plan", "bulk-find"):
            if self.runner.running(key):
                self.runner.cancel(key)
                self.status.setText(self.tr("Geannuleerd; er is niets veranderd."))
                return
        if self.runner.running("bulk-apply"):
            self.runner.cancel("bulk-apply")  # honoured until the first file is written
            return
        self.reject()
