"""Small questions: the author's name and e-mail, and a name for an own version (branch)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ..gitservice.branches import branch_name
from .banner import name_buttons


class _Form(QDialog):
    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QFormLayout(self)
        intro = QLabel(explanation, self)
        intro.setWordWrap(True)
        self.layout_.addRow(intro)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setAccessibleName(self.tr("OK"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)

    def line(self, label: str, name: str, tooltip: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setAccessibleName(name)
        edit.setToolTip(tooltip)
        self.layout_.addRow(label, edit)
        return edit

    def finish(self) -> None:
        self.layout_.addRow(self.buttons)


class AuthorDialog(_Form):
    """Asks once for the name and e-mail address recorded with each commit."""

    def __init__(self, name: str = "", email: str = "", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Uw naam en e-mailadres"),
                         self.tr("Bij elke vastgelegde wijziging wordt bewaard wie die maakte. Dit wordt in deze "
                                 "repository opgeslagen en niet opnieuw gevraagd."), parent)
        self.name = self.line(self.tr("Naam"), self.tr("Naam van de auteur"),
                              self.tr("Uw naam zoals collega's die zien bij uw wijzigingen"), name)
        self.email = self.line(self.tr("E-mailadres"), self.tr("E-mailadres van de auteur"),
                               self.tr("Het e-mailadres waarmee u bij de gedeelde documenten bekend bent"), email)
        self.finish()
        for edit in (self.name, self.email):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.name.text().strip()) and "@" in self.email.text())


class BranchDialog(_Form):
    """Asks what the own version is for, and shows the name it will get."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Werk in een eigen versie"),
                         self.tr("Een eigen versie houdt uw wijzigingen apart tot ze zijn nagekeken. Beschrijf in "
                                 "een paar woorden waar u aan werkt."), parent)
        self.description = self.line(self.tr("Omschrijving"), self.tr("Omschrijving van de eigen versie"),
                                     self.tr("Bijvoorbeeld: levenscyclus aia-18 aanpassen"))
        self.preview = QLabel(self)
        self.preview.setAccessibleName(self.tr("Naam van de eigen versie"))
        self.layout_.addRow(self.tr("Naam"), self.preview)
        self.finish()
        self.description.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        name = branch_name(self.description.text())
        self.preview.setText(name or "—")
        self.ok.setEnabled(bool(name))
