"""The conflicting fields and sections of one document, in form terms: base, mine and theirs, and a choice.

The document's other fields and sections were already merged (redactie.merge); only parts changed
differently on both sides are shown. The file is written and staged only when every part is decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..document import Document, EditError, FrontMatterError
from ..gitservice import conflicts
from ..merge import BASE, FIELD, OURS, SECTION, THEIRS, Conflict, MergeResult
from ..repository import ContentRepository
from ..review.summary import flat, parse_or_none
from .sharing import SharingController


@dataclass
class PartView:
    """One conflicting part as the editor sees it: its label and the text on each side (None: absent)."""

    conflict: Conflict
    label: str
    values: dict[str, Any]  # side -> the field's value or the section's Markdown (None: absent)


@dataclass
class FileParts:
    """A conflicted document's merge and its conflicting parts, computed off the GUI thread."""

    path: str
    result: MergeResult
    parts: list[PartView]


def _value(doc: Document | None, conflict: Conflict) -> Any:
    if doc is None:
        return None
    if conflict.kind == FIELD:
        return doc.fields.get(conflict.name)
    if conflict.kind == SECTION and conflict.name in doc.section_names:
        return doc.section(conflict.name)
    return None


def as_text(value: Any) -> str:
    """A value as the editor reads and edits it: list items one per line, sections as Markdown."""
    return flat(value, "\n")


def load_parts(service: Any, repo: ContentRepository | None, path: str, language: str) -> FileParts | None:
    """The per-part merge of a conflicted file, or None when it is not a document on every side."""
    result = conflicts.document_merge(service, path)
    if result is None:
        return None
    base, mine, theirs = (parse_or_none(data) for data in conflicts.versions(service, path))
    labels: dict[str, str] = {}
    doc_type = repo.schema.type_for(path) if repo is not None else None
    if repo is not None and doc_type is not None:
        labels = {f.key: f.label.get(language) for f in repo.schema.fields_of(doc_type)}
    parts = []
    for conflict in result.parts:
        if conflict.kind in (FIELD, SECTION):
            values = {BASE: _value(base, conflict), OURS: _value(mine, conflict), THEIRS: _value(theirs, conflict)}
        else:  # text outside fields and sections: shown as it is
            values = {BASE: conflict.base, OURS: conflict.ours, THEIRS: conflict.theirs}
        label = labels.get(conflict.name, conflict.name) if conflict.kind == FIELD else conflict.name
        parts.append(PartView(conflict, label, values))
    return FileParts(path, result, parts)


class UnusableResult(ValueError):
    """An edited result that cannot be written without changing other parts of the document."""


def editable(kind: str, value: Any) -> bool:
    """True when the editor may type the result: a section, or a field holding text or a list of texts.

    Numbers, yes/no values, nested values (`sources: {ADR: [..]}`) and text outside fields and sections are
    chosen, not typed, so a typed result never changes a value's kind.
    """
    if kind == SECTION:
        return value is not None
    if kind != FIELD:
        return False
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def resolved_bytes(parts: FileParts, choices: dict[str, str], edited: dict[str, str], language: str = "nl") -> bytes:
    """The file with each part from the chosen side, then any text the editor changed applied to it."""
    data = parts.result.resolve(choices)
    if not edited:
        return data
    try:
        return _apply_edits(Document.parse(data), parts, choices, edited)
    except (EditError, FrontMatterError) as exc:
        raise UnusableResult(("The edited result cannot be written without changing other parts; choose a "
                              f"version or adjust the text ({exc})") if language == "en" else
                             ("Het aangepaste resultaat kan niet worden geschreven zonder andere onderdelen te "
                              f"veranderen; kies een versie of pas de tekst aan ({exc})")) from exc


def _apply_edits(doc: Document, parts: FileParts, choices: dict[str, str], edited: dict[str, str]) -> bytes:
    for view in parts.parts:
        text = edited.get(view.conflict.id)
        if text is None:
            continue
        original = view.values[choices[view.conflict.id]]
        if view.conflict.kind == SECTION:
            doc.set_section(view.conflict.name, text)
        elif isinstance(original, list):
            doc.set_field(view.conflict.name, [line.strip() for line in text.splitlines() if line.strip()])
        else:
            doc.set_field(view.conflict.name, text)
    return doc.dump()


class ConflictParts(QWidget):
    """Per conflicting field or section: what it was, mine, theirs, a choice, and the result (editable).

    Nothing is chosen for the editor: "Keuzes opslaan" is enabled once every part has a choice."""

    def __init__(self, sharing: SharingController, repo: ContentRepository | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.sharing, self.repo = sharing, repo
        self.current: FileParts | None = None
        self.path = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(self.tr("Velden en secties met een conflict"))
        layout.addWidget(self.scroll, 1)
        self.save = QPushButton(self.tr("Keuzes opslaan"), self)
        self.save.setAccessibleName(self.tr("Keuzes opslaan"))
        self.save.setToolTip(self.tr("Schrijf het document met uw keuzes; alle andere velden en secties zijn al "
                                     "samengevoegd"))
        self.save.clicked.connect(self.apply)
        layout.addWidget(self.save)
        self.groups: dict[str, QGroupBox] = {}
        self.choices: dict[str, QComboBox] = {}
        self.results: dict[str, QPlainTextEdit] = {}
        self._clear()

    def _clear(self) -> None:
        self.current = None
        self.groups, self.choices, self.results = {}, {}, {}
        self.scroll.setWidget(QWidget())
        self.save.setEnabled(False)
        self.save.hide()
        self.scroll.hide()
        self.intro.setText("")

    def show_file(self, path: str) -> None:
        """Work out, in the background, which fields and sections of this file conflict."""
        if path == self.path:
            return
        self.path = path
        self._clear()
        service = self.sharing.service
        if not path or service is None:
            return
        repo, language = self.repo, self.sharing.language

        def work(task: Any) -> FileParts | None:
            with service.lock:
                return load_parts(service, repo, path, language)

        self.sharing.runner.run("conflict-parts", work, lambda parts: self._show(path, parts))

    def _show(self, path: str, parts: object) -> None:
        if path != self.path:
            return
        if not isinstance(parts, FileParts):
            self.intro.setText(self.tr("Dit bestand kan niet per veld worden samengevoegd. Kies hieronder welke "
                                       "versie u houdt, of open het als tekst."))
            return
        self.current = parts
        self.intro.setText(self.tr("Alle andere wijzigingen zijn samengevoegd. Alleen hieronder hebben u en de "
                                   "ander hetzelfde onderdeel verschillend gewijzigd: kies per onderdeel.")
                           if parts.parts else
                           self.tr("U en de ander hebben verschillende velden of secties gewijzigd; die zijn "
                                   "samengevoegd. Sla het resultaat op met Keuzes opslaan."))
        body = QWidget()
        column = QVBoxLayout(body)
        for view in parts.parts:
            column.addWidget(self._group(view))
        column.addStretch(1)
        self.scroll.setWidget(body)
        self.scroll.show()
        self.save.show()
        self._update_save()

    def _text_label(self, part_id: str) -> str:
        """A name for a part that is neither a field nor a section."""
        if part_id in ("@head", "@close"):
            return self.tr("begin of einde van de metadata")
        if part_id == "@intro":
            return self.tr("tekst vóór de eerste sectie")
        return self.tr("kop %1").replace("%1", part_id.split(":", 1)[-1].split("\x00")[0])

    def _group(self, view: PartView) -> QGroupBox:
        if view.conflict.kind not in (FIELD, SECTION):
            view.label = self._text_label(view.conflict.id)
        kind = self.tr("Veld") if view.conflict.kind == FIELD else self.tr("Sectie") \
            if view.conflict.kind == SECTION else self.tr("Tekst")
        group = QGroupBox(f"{kind}: {view.label}")
        group.setAccessibleName(self.tr("Conflict in %1").replace("%1", view.label))
        form = QFormLayout(group)
        empty = self.tr("(niet aanwezig)")
        for side, text in ((BASE, self.tr("Oorspronkelijk")), (OURS, self.tr("Mijn versie")),
                           (THEIRS, self.tr("Hun versie"))):
            value = view.values[side]
            shown = QLabel(as_text(value) if value is not None else empty, group)
            shown.setWordWrap(True)
            shown.setAccessibleName(f"{text}: {view.label}")
            shown.setToolTip(self.tr("De waarde van %1 in deze versie").replace("%1", view.label))
            form.addRow(text, shown)
        choice = QComboBox(group)
        choice.setAccessibleName(self.tr("Keuze voor %1").replace("%1", view.label))
        choice.setToolTip(self.tr("Welke versie van %1 het document krijgt").replace("%1", view.label))
        choice.addItem(self.tr("Kies een versie…"), None)
        choice.addItem(self.tr("Mijn versie"), OURS)
        choice.addItem(self.tr("Hun versie"), THEIRS)
        choice.addItem(self.tr("Oorspronkelijk"), BASE)
        form.addRow(self.tr("Keuze"), choice)
        result = QPlainTextEdit(group)
        result.setAccessibleName(self.tr("Resultaat voor %1").replace("%1", view.label))
        result.setToolTip(self.tr("De waarde die het document krijgt; u kunt haar aanpassen"))
        result.setMaximumHeight(120)
        result.setEnabled(False)
        choice.currentIndexChanged.connect(
            lambda _: self._chosen(view, choice, result))
        form.addRow(self.tr("Resultaat"), result)
        self.groups[view.conflict.id] = group
        self.choices[view.conflict.id] = choice
        self.results[view.conflict.id] = result
        return group

    def _chosen(self, view: PartView, choice: QComboBox, result: QPlainTextEdit) -> None:
        side = choice.currentData()
        value = view.values[side] if side is not None else None
        result.setPlainText(as_text(value))
        result.setEnabled(side is not None and editable(view.conflict.kind, value))
        self._update_save()

    def _update_save(self) -> None:
        """Saving is possible once every conflicting part has a choice."""
        self.save.setEnabled(self.current is not None
                             and all(combo.currentData() is not None for combo in self.choices.values()))

    def apply(self) -> None:
        """Write the document with the chosen (and possibly edited) parts and mark it resolved."""
        parts = self.current
        if parts is None or any(combo.currentData() is None for combo in self.choices.values()):
            return
        choices = {part_id: combo.currentData() for part_id, combo in self.choices.items()}
        edited = {}
        for view in parts.parts:
            text = self.results[view.conflict.id].toPlainText()
            if self.results[view.conflict.id].isEnabled() and text != as_text(view.values[choices[view.conflict.id]]):
                edited[view.conflict.id] = text
        language = self.sharing.language
        self.sharing.resolve_parts(parts.path, lambda: resolved_bytes(parts, choices, edited, language))
