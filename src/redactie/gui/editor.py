"""The open document: form on top, one editor per editable section, changes kept in the lossless model."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from ..document import Document, EditError, FrontMatterError
from ..fileio import atomic_write
from ..repository import ContentRepository
from ..validation import check_parsed
from .form import FieldForm


class DocumentEditor(QScrollArea):
    """Edits one document; `modified_changed` tells whether there is unsaved work."""

    modified_changed = Signal(bool)
    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Document"))
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
        self.repo: ContentRepository | None = None
        self.path: Path | None = None
        self.doc: Document | None = None
        self.saved_bytes = b""
        self.language = "nl"
        self.section_editors: dict[str, QPlainTextEdit] = {}
        # Validation waits for a pause in typing, so a keystroke never pays for it.
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(300)
        self._validate_timer.timeout.connect(self.revalidate)

    @property
    def modified(self) -> bool:
        """True when the document differs from the file as last read or saved."""
        return self.doc is not None and self.doc.dump() != self.saved_bytes

    def open(self, repo: ContentRepository, relpath: str, language: str) -> None:
        """Load a document from disk and build the form and section editors."""
        self.repo, self.language = repo, language
        self.path = repo.root / relpath
        data = self.path.read_bytes()
        self.saved_bytes = data
        self.error.hide()
        self._clear_sections()
        try:
            self.doc = Document.parse(data)
        except FrontMatterError as exc:
            self.doc = None
            self.error.setText(self.tr("Dit bestand kan niet als formulier worden geopend (regel %1, kolom %2): %3")
                               .replace("%1", str(exc.line)).replace("%2", str(exc.column))
                               .replace("%3", exc.localized(language)))
            self.error.show()
            return
        doc_type = repo.schema.type_for(relpath)
        self.header.setText(f"<h2>{self.doc.fields.get('title', relpath)}</h2><i>{relpath}</i>")
        fields = repo.schema.fields_of(doc_type) if doc_type else []
        self.form.build(fields, dict(self.doc.fields), language, repo.vocabularies())
        editable = doc_type.sections if doc_type else []
        for name in self.doc.section_names:
            box = QGroupBox(name, self)
            box_layout = QVBoxLayout(box)
            edit = QPlainTextEdit(box)
            edit.setPlainText(self.doc.section(name))
            edit.setAccessibleName(self.tr("Sectie %1").replace("%1", name))
            if name in editable:
                edit.setToolTip(self.tr("Tekst van de sectie '%1' (Markdown)").replace("%1", name))
                edit.textChanged.connect(lambda n=name, e=edit: self._section_changed(n, e))
            else:
                edit.setReadOnly(True)
                edit.setToolTip(self.tr("Deze sectie wordt door de website zelf gevuld en blijft ongewijzigd"))
            box_layout.addWidget(edit)
            self.sections_box.addWidget(box)
            self.section_editors[name] = edit
        self.revalidate()
        self.modified_changed.emit(False)
        self.text_changed.emit(self.doc.body)

    def _clear_sections(self) -> None:
        while self.sections_box.count():
            item = self.sections_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.section_editors.clear()

    def _field_changed(self, key: str) -> None:
        if self.doc is None:
            return
        widget = self.form.widgets[key]
        try:
            self.doc.set_field(key, widget.value())
            self.error.hide()
        except EditError:
            self.error.setText(self.tr("Deze waarde kan niet worden opgeslagen zonder ook iets anders in het "
                                       "bestand te veranderen; de wijziging is niet overgenomen."))
            self.error.show()
        self._after_edit()

    def _section_changed(self, name: str, edit: QPlainTextEdit) -> None:
        if self.doc is None:
            return
        try:
            self.doc.set_section(name, edit.toPlainText())
            self.error.hide()
        except EditError:
            self.error.setText(self.tr("Een kop van niveau 1 of 2 kan niet binnen een sectie staan; "
                                       "deze wijziging is nog niet overgenomen."))
            self.error.show()
        self._after_edit()

    def _after_edit(self) -> None:
        self._validate_timer.start()
        self.modified_changed.emit(self.modified)
        if self.doc is not None:
            self.text_changed.emit(self.doc.body)

    def revalidate(self) -> None:
        """Show the validation findings of the document as it is now next to its fields."""
        self._validate_timer.stop()
        if self.doc is None or self.repo is None or self.path is None:
            return
        relpath = self.path.relative_to(self.repo.root).as_posix()
        self.form.show_findings(check_parsed(self.repo, relpath, self.doc))

    def save(self) -> bool:
        """Write the document atomically; nothing is written when nothing changed."""
        if self.doc is None or self.path is None:
            return False
        data = self.doc.dump()
        written = atomic_write(self.path, data)
        self.saved_bytes = data
        self.modified_changed.emit(False)
        return written
