"""The document as a form: the front-matter fields on top, then one editor per body section."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from ..document import EditError
from ..document.model import same
from ..spelling import Speller
from ..validation import check_parsed
from .form import FieldForm
from .section_edit import SectionEdit
from .session import DocumentSession
from .undo_keys import route_undo


class FormView(QScrollArea):
    """Edits the open document through the form and the section editors; `edited` after each change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Formulier"))
        inner = QWidget(self)
        self.layout_ = QVBoxLayout(inner)
        self.header = QLabel(inner)
        self.header.setWordWrap(True)
        self.error = QLabel(inner)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.form = FieldForm(inner)
        self.form.changed.connect(self._field_changed)
        self.sections_box = QVBoxLayout()
        self.layout_.addWidget(self.header)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.form)
        self.layout_.addLayout(self.sections_box)
        self.layout_.addStretch(1)
        self.setWidget(inner)
        self.session: DocumentSession | None = None
        self.language = "nl"
        self.speller: Speller | None = None
        self.font_size = 0
        self.section_editors: dict[str, SectionEdit] = {}
        self._loading = False
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(300)  # validation waits for a pause in typing
        self._validate_timer.timeout.connect(self.revalidate)

    def show_session(self, session: DocumentSession, language: str) -> None:
        """Build the form and section editors for a document."""
        self.session, self.language = session, language
        self.rebuild()

    def rebuild(self) -> None:
        """Build widgets from the session's current document."""
        self._clear_sections()
        session = self.session
        if session is None or session.doc is None:
            self.form.build([], {}, self.language, {})
            return
        repo, doc = session.repo, session.doc
        doc_type = repo.schema.type_for(session.relpath)
        title = doc.fields.get("title", session.relpath)
        self.header.setText(f"<h2>{html.escape(str(title))}</h2><i>{html.escape(session.relpath)}</i>")
        fields = repo.schema.fields_of(doc_type) if doc_type else []
        self.form.build(fields, dict(doc.fields), self.language, repo.vocabularies())
        for widget in self.form.findChildren(QLineEdit) + self.form.findChildren(QPlainTextEdit):
            route_undo(widget)
        editable = doc_type.sections if doc_type else []
        for name in doc.section_names:
            box = QGroupBox(name, self)
            box_layout = QVBoxLayout(box)
            edit = SectionEdit(box)
            edit.set_original(doc.section(name))
            edit.setAccessibleName(self.tr("Sectie %1").replace("%1", name))
            edit.set_speller(self.speller)
            self._apply_font(edit)
            if name in editable:
                edit.setToolTip(self.tr("Tekst van de sectie '%1' (Markdown)").replace("%1", name))
                edit.edited.connect(lambda n=name, e=edit: self._section_changed(n, e))
            else:
                edit.setReadOnly(True)
                edit.setToolTip(self.tr("Deze sectie wordt door de website zelf gevuld en blijft ongewijzigd"))
            box_layout.addWidget(edit)
            self.sections_box.addWidget(box)
            self.section_editors[name] = edit
        self.revalidate()

    def refresh(self) -> None:
        """Show the session's document after undo, redo or reload, touching only what differs."""
        session = self.session
        if session is None or session.doc is None:
            self.rebuild()
            return
        doc = session.doc
        if list(self.section_editors) != doc.section_names:
            self.rebuild()
            return
        self._loading = True
        try:
            for key, widget in self.form.widgets.items():
                value = doc.fields.get(key)
                if not widget.fits(value):  # its shape changed (undo, the Tekst tab): a widget for the new shape
                    self._loading = False
                    self.rebuild()
                    return
                if not same(widget.value(), value):
                    widget.set_value(value)
            for name, edit in self.section_editors.items():
                edit.set_original(doc.section(name))
        finally:
            self._loading = False
        self.revalidate()

    def set_speller(self, speller: Speller | None) -> None:
        """Spell-check the section editors with this dictionary."""
        self.speller = speller
        for edit in self.section_editors.values():
            if isinstance(edit, SectionEdit):
                edit.set_speller(speller)

    def set_font_size(self, size: int) -> None:
        """The editors' font size in points (0: the system's)."""
        self.font_size = size
        for edit in self.section_editors.values():
            self._apply_font(edit)

    def _apply_font(self, edit: QPlainTextEdit) -> None:
        if self.font_size:
            font = edit.font()
            font.setPointSize(self.font_size)
            edit.setFont(font)

    def _clear_sections(self) -> None:
        while self.sections_box.count():
            item = self.sections_box.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone at once, also for code that looks for editors before deletion
                item.widget().deleteLater()
        self.section_editors.clear()

    def _field_changed(self, key: str) -> None:
        if self.session is None or self._loading:
            return
        widget = self.form.widgets[key]
        try:
            self.session.edit(f"field:{key}", self.tr("%1 wijzigen").replace("%1", widget.field.label.get(
                self.language)), lambda doc: doc.set_field(key, widget.value()))
            self.error.hide()
        except EditError:
            self.error.setText(self.tr("Deze waarde kan niet worden opgeslagen zonder ook iets anders in het "
                                       "bestand te veranderen; de wijziging is niet overgenomen."))
            self.error.show()
        self._after_edit()

    def _section_changed(self, name: str, edit: SectionEdit) -> None:
        if self.session is None or self._loading or self.section_editors.get(name) is not edit:
            return
        try:
            self.session.edit(f"section:{name}", self.tr("Sectie %1 bewerken").replace("%1", name),
                              lambda doc: doc.set_section(name, edit.original()))
            self.error.hide()
        except EditError:
            self.error.setText(self.tr("Een kop van niveau 1 of 2 kan niet binnen een sectie staan; "
                                       "deze wijziging is nog niet overgenomen."))
            self.error.show()
        self._after_edit()

    def _after_edit(self) -> None:
        self._validate_timer.start()
        self.edited.emit()

    def revalidate(self) -> None:
        """Show the validation findings of the document as it is now next to its fields."""
        self._validate_timer.stop()
        session = self.session
        if session is None or session.doc is None:
            return
        self.form.show_findings(check_parsed(session.repo, session.relpath, session.doc))

    def focus_field(self, key: str) -> bool:
        """Put the keyboard focus on a field (from a review's link); False when it is not in the form."""
        widget = self.form.widgets.get(key)
        if widget is None:
            return False
        self.ensureWidgetVisible(widget)
        inputs = [w for w in widget.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        target = inputs[0] if inputs else widget
        target.setFocus()
        return True
