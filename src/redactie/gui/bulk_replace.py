"""Find and replace across documents: every hit in context with a checkbox; the ticked ones are replaced."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ..bulk import Hit, find, plan_replace
from ..bulk.plan import Plan
from ..repository import ContentRepository
from .bulk_plan import BulkDialog
from .tasks import Task, TaskRunner


class ReplaceDialog(BulkDialog):
    """Zoeken en vervangen in secties en tekstvelden, in alle documenten of in de selectie."""

    def __init__(self, repo: ContentRepository, runner: TaskRunner, language: str,
                 unsaved: Callable[[], set[str]], selection: list[str], parent: QWidget | None = None) -> None:
        super().__init__(repo, runner, language, unsaved, parent)
        self.selection = list(selection)
        self.setWindowTitle(self.tr("Zoeken en vervangen"))
        self.needle = self._line(self.tr("Zoeken naar"), self.tr("De tekst die u zoekt"))
        self.replacement = self._line(self.tr("Vervangen door"), self.tr("De tekst die ervoor in de plaats komt"))
        row = QHBoxLayout()
        self.whole = self._check(self.tr("Hele woorden"), self.tr("Alleen treffers die een heel woord zijn"), row)
        self.case = self._check(self.tr("Hoofdlettergevoelig"), self.tr("Hoofdletters en kleine letters tellen "
                                                                       "als verschillend"), row)
        self.only_selection = self._check(self.tr("Alleen de selectie"), self.tr("Zoek alleen in de documenten die "
                                                                                 "in de lijst geselecteerd zijn"), row)
        self.only_selection.setChecked(bool(self.selection))
        self.only_selection.setEnabled(bool(self.selection))
        self.form.addRow(row)
        self.search_button = self.button(self.tr("Zoeken"), self.tr("Toon elke treffer met zijn omgeving"),
                                         self.search)
        self.extra.insertWidget(0, self.search_button)
        self.hits_list = QListWidget(self)
        self.hits_list.setAccessibleName(self.tr("Treffers"))
        self.hits_list.setToolTip(self.tr("Vink de treffers aan die vervangen moeten worden"))
        self.middle.addWidget(self.hits_list)
        self.hits: list[Hit] = []

    def _line(self, label: str, tooltip: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(label)
        edit.setToolTip(tooltip)
        self.form.addRow(label, edit)
        return edit

    def _check(self, label: str, tooltip: str, row: QHBoxLayout) -> QCheckBox:
        box = QCheckBox(label, self)
        box.setAccessibleName(label)
        box.setToolTip(tooltip)
        row.addWidget(box)
        return box

    def search(self) -> None:
        """Find every hit in the background."""
        needle = self.needle.text()
        if not needle:
            self.status.setText(self.tr("Vul in waar u naar zoekt."))
            return
        paths = self.selection if self.only_selection.isChecked() else None
        whole, case = self.whole.isChecked(), self.case.isChecked()
        self.runner.run("bulk-find", lambda task: find(self.repo, needle, paths, whole, case,
                                                       cancel=task.cancel.is_set),
                        self._found, self._failed, label=self.tr("Zoeken…"))

    def _found(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.hits_list.clear()
        for hit in hits:
            where = hit.where or self.tr("tekst")
            item = QListWidgetItem(f"{hit.path}:{hit.line} ({where}): {hit.context}", self.hits_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.status.setText(self.tr("%n treffers.", "", len(hits)))

    def ticked(self) -> list[Hit]:
        """The hits that are ticked."""
        return [hit for index, hit in enumerate(self.hits)
                if self.hits_list.item(index).checkState() == Qt.CheckState.Checked]

    def ready(self) -> str | None:
        """At least one ticked hit."""
        return None if self.ticked() else self.tr("Zoek eerst en vink de treffers aan die u wilt vervangen.")

    def make(self) -> None:
        """Read the ticked hits on the GUI thread, then plan."""
        self._inputs = (self.ticked(), self.needle.text(), self.replacement.text())
        super().make()

    def make_plan(self, task: Task) -> Plan:
        """Plan the replacement of the ticked hits."""
        hits, needle, replacement = self._inputs
        return plan_replace(self.repo, hits, needle, replacement)
