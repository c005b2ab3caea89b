"""The new-document dialog: type, title and code; the proposed file name and id are shown and checked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from ..newdoc import create_document, id_key, ids_in_use, needs_code, propose
from ..repository import ContentRepository
from .banner import name_buttons
from .tasks import TaskRunner


class NewDocumentDialog(QDialog):
    """Asks for what a new document needs; `created_path` holds the new file's path after accept."""

    def __init__(self, repo: ContentRepository, language: str, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo, self.language = repo, language
        self.used_ids: dict[str, set[str]] = {}
        self.created_path: str | None = None
        self.note = ""  # template values this repository does not accept, left out: the editor may choose
        self.setWindowTitle(self.tr("Nieuw document"))
        layout = QFormLayout(self)
        self.type_box = QComboBox(self)
        self.type_box.setAccessibleName(self.tr("Soort document"))
        self.type_box.setToolTip(self.tr("Welk soort document u maakt; dat bepaalt de velden en secties"))
        for name, doc_type in repo.schema.types.items():
            self.type_box.addItem(doc_type.label.get(language), name)
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Titel van het nieuwe document"))
        self.title.setToolTip(self.tr("De titel beschrijft het document in één zin, zonder punt aan het eind"))
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Code"))
        self.code.setToolTip(self.tr("De korte code van het document, bijvoorbeeld aia-18; die komt in de "
                                     "bestandsnaam en het id"))
        self.file_label = QLabel(self)
        self.file_label.setAccessibleName(self.tr("Voorgestelde bestandsnaam"))
        self.file_label.setTextInteractionFlags(self.file_label.textInteractionFlags())
        self.id_label = QLabel(self)
        self.id_label.setAccessibleName(self.tr("Voorgesteld id"))
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setAccessibleName(self.tr("Waarom het nog niet kan"))
        layout.addRow(self.tr("Soort"), self.type_box)
        layout.addRow(self.tr("Titel"), self.title)
        self.code_label = QLabel(self.tr("Code"), self)
        layout.addRow(self.code_label, self.code)
        layout.addRow(self.tr("Bestand"), self.file_label)
        self.id_row_label = QLabel(self.tr("Id"), self)
        layout.addRow(self.id_row_label, self.id_label)
        layout.addRow(self.problems)
        self._keep_size_while_typing()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Aanmaken"))
        self.create_button.setAccessibleName(self.tr("Aanmaken"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)
        layout.addRow(self.buttons)
        for signal in (self.type_box.currentIndexChanged, self.title.textChanged, self.code.textChanged):
            signal.connect(self.update_proposal)
        self.update_proposal()
        keys = {key for t in repo.schema.types.values() if (key := id_key(repo, t))}
        runner.run("new-document-ids", lambda task: {k: ids_in_use(repo, k) for k in keys}, self._ids_read)

    def _keep_size_while_typing(self) -> None:
        """Room for a long path and three lines of problems from the start, so the dialog never jumps."""
        lines = self.fontMetrics().lineSpacing()
        width = self.fontMetrics().horizontalAdvance("x") * 70
        for label in (self.file_label, self.id_label):
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumHeight(lines * 2)
        self.problems.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.problems.setMinimumHeight(lines * 3)
        self.setMinimumWidth(width)

    def _ids_read(self, used: dict[str, set[str]]) -> None:
        self.used_ids = used
        self.ready = True
        self.update_proposal()

    ready = False

    def doc_type(self):  # noqa: ANN201 - DocType
        """The chosen document type."""
        return self.repo.schema.types[self.type_box.currentData()]

    def update_proposal(self) -> None:
        """Show the file name and id the document would get, and what still stands in the way."""
        doc_type = self.doc_type()
        coded = needs_code(doc_type)
        self.code.setVisible(coded)
        self.code_label.setVisible(coded)
        key = id_key(self.repo, doc_type)
        waiting = key is not None and not self.ready
        proposal = propose(self.repo, doc_type, self.title.text(), self.code.text(),
                           self.used_ids.get(key or "", set()))
        self.file_label.setText(proposal.path)
        has_id = bool(doc_type.id_format)
        self.id_label.setVisible(has_id)
        self.id_row_label.setVisible(has_id)
        # live: the id's fixed part shows at once, the code's place is marked until it is typed
        self.id_label.setText((proposal.id or "") if self.code.text().strip() or not coded else
                              doc_type.id_format.replace("{code}", "…"))
        language = 1 if self.language == "en" else 0
        problems = [problem[language] for problem in proposal.problems]
        if waiting:
            problems.append(self.tr("De ids van de andere documenten worden nog gecontroleerd…"))
        self.problems.setText("\n".join(problems))
        self.create_button.setEnabled(proposal.ok and not waiting)

    def accept(self) -> None:
        """Create the document, then close."""
        if not self.create_button.isEnabled():
            return
        try:
            doc_type = self.doc_type()
            made = create_document(self.repo, doc_type, self.title.text(), self.code.text(),
                                   self.used_ids.get(id_key(self.repo, doc_type) or "", set()))
        except (OSError, ValueError) as exc:
            self.problems.setText(str(exc))
            return
        self.created_path, self.note = made.path, made.message(self.language)
        super().accept()
