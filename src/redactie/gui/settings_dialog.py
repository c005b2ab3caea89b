"""Settings: interface language, author name and e-mail, editor font size, the schema of this repository."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..schema.select import choices, save_choice, saved_choice
from .banner import name_buttons
from .preferences import FONT_KEY, LANGUAGE_KEY, saved_font_size, saved_language
from .update_consent import UpdatesCheckBox, set_updates_enabled, updates_enabled

if TYPE_CHECKING:
    from .sharing import SharingController


class SettingsDialog(QDialog):
    """Changes apply on OK; a new language applies at the next start (Qt's own dialogs included), which the
    dialog says and offers at once (`restart_requested`, after the settings are stored)."""

    restart_requested = Signal()

    def __init__(self, sharing: SharingController | None, language: str, parent: QWidget | None = None,
                 repository: Path | None = None, schema_name: str = "") -> None:
        super().__init__(parent)
        self.sharing = sharing
        self.repository = repository
        self.schema_changed = False
        self.setWindowTitle(self.tr("Instellingen"))
        layout = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Taal"))
        self.language.setToolTip(self.tr("De taal van Redactie; wordt gebruikt vanaf de volgende start (of nu, met "
                                         "Nu herstarten)"))
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(1 if (saved_language() or language) == "en" else 0)
        self.running_language = language
        self.language_note = QLabel(self.tr("Wordt actief na herstarten"), self)
        self.language_note.setAccessibleName(self.tr("Wanneer de taal verandert"))
        self.language_note.setToolTip(self.tr("Redactie gebruikt de gekozen taal vanaf de volgende start"))
        self.restart_button = QPushButton(self.tr("Nu herstarten"), self)
        self.restart_button.setAccessibleName(self.tr("Nu herstarten"))
        self.restart_button.setToolTip(self.tr("Bewaar de instellingen en start Redactie opnieuw in de gekozen taal. "
                                               "Niet-opgeslagen wijzigingen blijven bewaard en worden na de start "
                                               "weer aangeboden"))
        self.restart_button.clicked.connect(self._restart)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self._language_chosen()
        language_row = QHBoxLayout()
        language_row.addWidget(self.language, 1)
        language_row.addWidget(self.language_note)
        language_row.addWidget(self.restart_button)
        self.updates = UpdatesCheckBox(self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Naam van de auteur"))
        self.name.setToolTip(self.tr("Uw naam zoals die bij uw vastgelegde wijzigingen wordt bewaard"))
        self.email = QLineEdit(self)
        self.email.setAccessibleName(self.tr("E-mailadres van de auteur"))
        self.email.setToolTip(self.tr("Het e-mailadres waarmee u bij de gedeelde documenten bekend bent"))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(0, 32)
        self.font_size.setSpecialValueText(self.tr("standaard"))
        self.font_size.setAccessibleName(self.tr("Lettergrootte van de editor"))
        self.font_size.setToolTip(self.tr("De lettergrootte in punten van de tekstvakken voor secties"))
        self.font_size.setValue(saved_font_size())
        self.schema = QComboBox(self)
        self.schema.setAccessibleName(self.tr("Schema van deze documenten"))
        self.schema.setToolTip(self.tr("Welke regels Redactie gebruikt voor de documenten in deze map. "
                                       "Automatisch: het schemabestand bij de documenten, anders het herkende "
                                       "formaat van het Algoritmekader, anders afgeleid uit de documenten. De keuze "
                                       "wordt alleen op deze computer onthouden, niet bij de documenten."))
        if repository is not None:
            for choice, label in choices(repository):
                self.schema.addItem(label.get(language), choice)
            self.schema.setCurrentIndex(max(self.schema.findData(saved_choice(repository)), 0))
        self.schema.setEnabled(repository is not None)
        self.schema_in_use = QLabel(schema_name, self)
        self.schema_in_use.setWordWrap(True)
        self.schema_in_use.setAccessibleName(self.tr("Schema in gebruik"))
        self.schema_in_use.setToolTip(self.tr("Het schema dat nu voor deze documenten wordt gebruikt"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addRow(self.tr("Taal"), language_row)
        layout.addRow(self.tr("Naam"), self.name)
        layout.addRow(self.tr("E-mailadres"), self.email)
        layout.addRow(self.tr("Lettergrootte"), self.font_size)
        layout.addRow(self.tr("Schema"), self.schema)
        layout.addRow(self.tr("In gebruik"), self.schema_in_use)
        layout.addRow(self.tr("Nieuwe versies"), self.updates)
        layout.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        layout.addRow(buttons)
        self._author: tuple[str, str] | None = None
        service = sharing.service if sharing else None
        self.name.setEnabled(service is not None)
        self.email.setEnabled(service is not None)
        if sharing is not None and service is not None:
            def read(task: object) -> tuple[str, str] | None:
                with service.lock:
                    return service.author()

            sharing.runner.run("settings-author", read, self._author_read)

    def _language_chosen(self) -> None:
        changed = self.language.currentData() != self.running_language
        self.language_note.setVisible(changed)
        self.restart_button.setVisible(changed)

    def _restart(self) -> None:
        self.accept()
        self.restart_requested.emit()

    def _author_read(self, author: tuple[str, str] | None) -> None:
        self._author = author
        if author and not self.name.text() and not self.email.text():
            self.name.setText(author[0])
            self.email.setText(author[1])

    def accept(self) -> None:
        """Store the settings."""
        settings = QSettings("Redactie", "Redactie")
        settings.setValue(LANGUAGE_KEY, self.language.currentData())
        settings.setValue(FONT_KEY, self.font_size.value())
        if self.updates.isChecked() != updates_enabled():
            set_updates_enabled(self.updates.isChecked())
        if self.repository is not None:
            choice = str(self.schema.currentData())
            if choice != saved_choice(self.repository):
                try:
                    save_choice(self.repository, choice)
                    self.schema_changed = True
                except OSError as exc:
                    self.note.setText(self.tr("De schemakeuze kon niet worden bewaard: %1").replace("%1", str(exc)))
        name, email = self.name.text().strip(), self.email.text().strip()
        if self.sharing is not None and name and "@" in email and (name, email) != self._author:
            self.sharing._run("author", self.tr("Opslaan…"), lambda s, t: s.set_author(name, email), lambda _: None)
        super().accept()
