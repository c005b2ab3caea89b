"""Bulk dialogs for vocabulary values: rename or merge a value, retire it per document, label a selection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from ..bulk import holders, plan_label, plan_rename, plan_retire
from ..bulk.plan import Plan
from ..bulk.values import value_labels
from ..repository import ContentRepository
from ..schema import FieldDef
from .bulk_plan import BulkDialog
from .tasks import Task, TaskRunner

VALUE_KINDS = ("choice", "multichoice", "relation")


def shown(value: str, label: str) -> str:
    """'Monitoring en beheer (monitoring-en-beheer)': the label with the raw value, or the value alone."""
    return value if label == value or f"({value})" in label else f"{label} ({value})"


def value_fields(repo: ContentRepository) -> list[FieldDef]:
    """Fields whose values come from a vocabulary or name documents."""
    return [f for f in repo.schema.fields.values() if f.kind in VALUE_KINDS]


class _ValueDialog(BulkDialog):
    def field_box(self, fields: list[FieldDef]) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(self.tr("Veld"))
        box.setToolTip(self.tr("Het keuzeveld waarvan u een waarde wilt veranderen, bijvoorbeeld de fases van de "
                               "levenscyclus"))
        for field in fields:
            box.addItem(f"{field.label.get(self.language)} ({field.key})", field.name)
        self.form.addRow(self.tr("Veld"), box)
        return box

    def value_box(self, name: str, tooltip: str, label: str) -> QComboBox:
        box = QComboBox(self)
        box.setEditable(True)
        box.setAccessibleName(name)
        box.setToolTip(tooltip)
        self.form.addRow(label, box)
        return box

    def known_values(self, field_name: str) -> dict[str, str]:
        """The field's values with their labels, as the form shows them."""
        field = self.repo.schema.fields.get(field_name)
        if field is None:
            return {}
        try:
            return value_labels(self.repo, field, self.language)
        except OSError:  # a vocabulary folder that is gone: the editor types the value
            return {}

    def fill_values(self, box: QComboBox, field_name: str) -> None:
        """The value box lists every known value by its label with the raw value beside it."""
        current = self.value_of(box)
        box.clear()
        for value, label in self.known_values(field_name).items():
            box.addItem(shown(value, label), value)
        box.setEditText(current)

    @staticmethod
    def value_of(box: QComboBox) -> str:
        """The raw value chosen in a value box (a listed entry by its value, typed text as typed)."""
        index = box.findText(box.currentText())
        data = box.itemData(index) if index >= 0 else None
        return data if isinstance(data, str) else box.currentText().strip()


class RenameValueDialog(_ValueDialog):
    """Rename a value everywhere, or merge it into an existing value."""

    def __init__(self, repo: ContentRepository, runner: TaskRunner, language: str,
                 unsaved: Callable[[], set[str]], parent: QWidget | None = None) -> None:
        super().__init__(repo, runner, language, unsaved, parent)
        self.setWindowTitle(self.tr("Waarde hernoemen of samenvoegen"))
        self.field = self.field_box(value_fields(repo))
        self.old = self.value_box(self.tr("Huidige waarde"), self.tr("De waarde die verdwijnt, zoals ze in de "
                                                                     "documenten staat"), self.tr("Huidige waarde"))
        self.new = QLineEdit(self)
        self.new.setAccessibleName(self.tr("Nieuwe waarde"))
        self.new.setToolTip(self.tr("De nieuwe naam; is het een bestaande waarde, dan worden de twee samengevoegd"))
        self.form.addRow(self.tr("Nieuwe waarde"), self.new)
        self.meaning = QLabel(self)
        self.meaning.setWordWrap(True)
        self.meaning.setAccessibleName(self.tr("Betekenis van de waarden"))
        self.meaning.setToolTip(self.tr("Hoe de waarden in het formulier heten"))
        self.form.addRow("", self.meaning)
        self.field.currentIndexChanged.connect(lambda _: self.fill_values(self.old, self.field.currentData()))
        self.old.currentTextChanged.connect(lambda _: self._explain())
        self.new.textChanged.connect(lambda _: self._explain())
        self.fill_values(self.old, self.field.currentData())
        self._explain()

    def _explain(self) -> None:
        """Name both values by their labels: what goes, and whether the new value is new or a merge."""
        labels = self.known_values(self.field.currentData())
        old, new = self.value_of(self.old), self.new.text().strip()
        parts = [shown(old, labels[old])] if old in labels else []
        if new in labels:
            parts.append(self.tr("wordt samengevoegd met %1").replace("%1", shown(new, labels[new])))
        elif new:
            parts.append(self.tr("wordt hernoemd naar de nieuwe waarde %1").replace("%1", new))
        self.meaning.setText(" ".join(parts))

    def ready(self) -> str | None:
        """Both values are needed."""
        if not self.value_of(self.old) or not self.new.text().strip():
            return self.tr("Vul de huidige en de nieuwe waarde in.")
        return None

    def make(self) -> None:
        """Read the inputs on the GUI thread, then plan."""
        self._inputs = (self.field.currentData(), self.value_of(self.old), self.new.text().strip())
        super().make()

    def make_plan(self, task: Task) -> Plan:
        """Plan the rename or merge."""
        field, old, new = self._inputs
        return plan_rename(self.repo, field, old, new, cancel=task.cancel.is_set,
                           progress=lambda done, total: task.progress("", int(100 * done / max(total, 1))))


REMOVE = "\0remove"


class RetireValueDialog(_ValueDialog):
    """Retire a value: every document that holds it is listed, with a replacement or removal for each."""

    def __init__(self, repo: ContentRepository, runner: TaskRunner, language: str,
                 unsaved: Callable[[], set[str]], parent: QWidget | None = None) -> None:
        super().__init__(repo, runner, language, unsaved, parent)
        self.setWindowTitle(self.tr("Waarde uitfaseren"))
        self.field = self.field_box(value_fields(repo))
        self.value = self.value_box(self.tr("Uit te faseren waarde"), self.tr("De waarde die niet meer gebruikt "
                                                                             "wordt"), self.tr("Waarde"))
        self.field.currentIndexChanged.connect(lambda _: self.fill_values(self.value, self.field.currentData()))
        self.fill_values(self.value, self.field.currentData())
        self.find_button = self.button(self.tr("Documenten zoeken"), self.tr("Toon elk document met deze waarde, "
                                                                             "zodat u per document kunt kiezen"),
                                       self.find)
        self.extra.insertWidget(0, self.find_button)
        self.documents = QTreeWidget(self)
        self.documents.setHeaderLabels([self.tr("Document"), self.tr("Keuze")])
        self.documents.setAccessibleName(self.tr("Documenten met deze waarde"))
        self.documents.setToolTip(self.tr("Kies per document een vervangende waarde, of verwijder de waarde"))
        self.middle.addWidget(self.documents)
        self.choices: dict[str, QComboBox] = {}

    def find(self) -> None:
        """List the documents that hold the value (in the background)."""
        field, value = self.field.currentData(), self.value_of(self.value)
        if not value:
            self.status.setText(self.tr("Vul de waarde in."))
            return
        self.runner.run("bulk-find", lambda task: holders(self.repo, field, value), self._found, self._failed,
                        label=self.tr("Documenten zoeken…"))

    def _found(self, paths: list[str]) -> None:
        self.documents.clear()
        self.choices.clear()
        labels = self.known_values(self.field.currentData())
        others = [v for v in labels if v != self.value_of(self.value)]
        for path in paths:
            item = QTreeWidgetItem(self.documents, [path])
            box = QComboBox(self.documents)
            box.setAccessibleName(self.tr("Keuze voor %1").replace("%1", path))
            box.setToolTip(self.tr("Verwijder de waarde uit dit document of vervang haar"))
            box.addItem(self.tr("verwijderen"), REMOVE)
            for other in others:
                box.addItem(self.tr("vervangen door %1").replace("%1", shown(other, labels[other])), other)
            self.documents.setItemWidget(item, 1, box)
            self.choices[path] = box
        self.documents.resizeColumnToContents(0)
        self.status.setText(self.tr("%n documenten hebben deze waarde.", "", len(paths)))

    def ready(self) -> str | None:
        """The documents must have been listed."""
        return None if self.choices else self.tr("Zoek eerst de documenten met deze waarde.")

    def make_plan(self, task: Task) -> Plan:
        """Plan the per-document choices."""
        return plan_retire(self.repo, self._field, self._value, self._chosen)

    def make(self) -> None:
        """Read the choices on the GUI thread, then plan."""
        self._chosen = {path: None if box.currentData() == REMOVE else box.currentData()
                        for path, box in self.choices.items()}
        self._field, self._value = self.field.currentData(), self.value_of(self.value)
        super().make()


ADD, DROP, SET = "add", "remove", "set"


class LabelDialog(_ValueDialog):
    """Add or remove a value of a multichoice field, or set a single-choice field, in the selected documents."""

    def __init__(self, repo: ContentRepository, runner: TaskRunner, language: str,
                 unsaved: Callable[[], set[str]], paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(repo, runner, language, unsaved, parent)
        self.paths = list(paths)
        self.setWindowTitle(self.tr("Label %n documenten", "", len(self.paths)))
        fields = [f for f in value_fields(repo) if f.kind in ("choice", "multichoice")]
        self.field = self.field_box(fields)
        self.action = QComboBox(self)
        self.action.setAccessibleName(self.tr("Handeling"))
        self.action.setToolTip(self.tr("Een waarde toevoegen aan of weghalen uit een lijst, of een enkelvoudige "
                                       "keuze instellen"))
        self.action.addItem(self.tr("toevoegen"), ADD)
        self.action.addItem(self.tr("verwijderen"), DROP)
        self.action.addItem(self.tr("instellen (één keuze)"), SET)
        self.form.addRow(self.tr("Handeling"), self.action)
        self.value = self.value_box(self.tr("Waarde"), self.tr("De waarde uit de woordenlijst van dit veld"),
                                    self.tr("Waarde"))
        self.field.currentIndexChanged.connect(lambda _: self._field_changed())
        self._field_changed()

    def _field_changed(self) -> None:
        self.fill_values(self.value, self.field.currentData())
        field = self.repo.schema.fields.get(self.field.currentData())
        if field is not None:
            self.action.setCurrentIndex(2 if field.kind == "choice" else 0)

    def ready(self) -> str | None:
        """A value and a selection are needed."""
        if not self.paths:
            return self.tr("Selecteer eerst documenten in de lijst.")
        return None if self.value_of(self.value) else self.tr("Kies een waarde.")

    def make(self) -> None:
        """Read the inputs on the GUI thread, then plan."""
        self._inputs = (self.field.currentData(), self.action.currentData(), self.value_of(self.value))
        super().make()

    def make_plan(self, task: Task) -> Plan:
        """Plan the label change."""
        field, action, value = self._inputs
        return plan_label(self.repo, self.paths, field, add=value if action == ADD else None,
                          remove=value if action == DROP else None, set_to=value if action == SET else None)
