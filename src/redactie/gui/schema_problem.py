"""The message for a repository whose schema cannot be used: which file, which line and what is wrong in plain words,
the technical detail behind "Details", and the ways forward as buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

from ..folders import SCHEMA_FILE
from ..schema import SchemaError

REPAIR, FOLDER, WITHOUT_FILE, OTHER = "repair", "folder", "without-file", "other"


def schema_path(error: Exception, root: Path) -> Path | None:
    """The schema file the error is about (inside `root` when its path is relative), or None when it is not one."""
    if not isinstance(error, SchemaError):
        return None
    path = Path(error.path or SCHEMA_FILE)
    return path if path.is_absolute() else root / path


def can_repair(error: Exception, root: Path) -> bool:
    """Whether the schema file can be shown as text to repair it (a readable text file)."""
    from ..schema.repair import read_source

    path = schema_path(error, root)
    if path is None:
        return False
    try:
        read_source(path)
    except SchemaError:
        return False
    return True


class SchemaProblem(QMessageBox):
    """Says why the repository at `root` cannot be opened; `chosen(way)` tells which way forward was picked
    (`REPAIR`, `FOLDER`, `WITHOUT_FILE`, `OTHER`); Close picks none."""

    chosen = Signal(str)

    def __init__(self, error: Exception, root: Path, language: str, kept: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error, self.root = error, root
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Schema onbruikbaar"))
        self.setAccessibleName(self.tr("Schema onbruikbaar"))
        path = schema_path(error, root)
        if path is not None and isinstance(error, SchemaError):
            self.setText(self.tr("De documenten in ‘%1’ kunnen niet worden geopend: het schemabestand %2 is "
                                 "onbruikbaar.").replace("%1", root.name).replace("%2", path.name))
            where = self.tr("Regel %1: %2").replace("%1", str(error.line)).replace("%2", error.plain(language))
            detail = error.detail
        else:
            self.setText(self.tr("De documenten in ‘%1’ kunnen niet worden geopend.").replace("%1", root.name))
            where = self.tr("Er ging iets mis bij het lezen van de map.")
            detail = f"{type(error).__name__}: {error}"
        lines = [where]
        if path is not None:
            lines.append(self.tr("Bestand: %1").replace("%1", str(path)))
        if kept:
            lines.append(self.tr("U werkt verder in ‘%1’; daar is niets veranderd.").replace("%1", kept))
        lines.append(self.tr("Wat wilt u doen?"))
        self.setInformativeText("\n\n".join(lines))
        if detail:
            self.setDetailedText(self.tr("Technische details (voor een beheerder):") + "\n" + detail)
        self._ways: dict[QAbstractButton, str] = {}
        if can_repair(error, root):
            first = self._way(REPAIR, self.tr("Schema herstellen…"),
                      self.tr("Open het schemabestand als tekst in Redactie, met de fout aangewezen, om het te "
                              "herstellen; daarna worden de documenten opnieuw geopend"))
        else:
            first = self._way(FOLDER, self.tr("Map tonen"),
                      self.tr("Toon de map met het schemabestand in het bestandsbeheer, om het bestand daar te "
                              "herstellen of door een beheerder te laten herstellen"))
        self._way(WITHOUT_FILE, self.tr("Tijdelijk zonder schemabestand"),
                  self.tr("Open de documenten nu met een schema dat Redactie uit de documenten zelf afleidt. Dit is "
                          "tijdelijk: het schemabestand blijft zoals het is en er wordt niets opgeslagen; bij het "
                          "volgende openen wordt het schemabestand weer gelezen"))
        self._way(OTHER, self.tr("Andere map openen…"), self.tr("Kies een andere map met documenten om te openen"))
        close = self.addButton(self.tr("Sluiten"), QMessageBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Sluiten"))
        close.setToolTip(self.tr("Sluit deze melding; via de knop ‘Schemaprobleem’ onderin komt u erop terug"))
        self.setEscapeButton(close)
        self.setDefaultButton(first)  # Enter repairs (or shows the folder), not "Details"
        self.buttonClicked.connect(self._clicked)

    def _way(self, way: str, text: str, tip: str) -> QPushButton:
        button = self.addButton(text, QMessageBox.ButtonRole.ActionRole)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(tip)
        self._ways[button] = way
        return button

    def button_for(self, way: str) -> QAbstractButton | None:
        """The button of a way forward, or None when it is not offered."""
        return next((button for button, name in self._ways.items() if name == way), None)

    def _clicked(self, button: QAbstractButton) -> None:
        way = self._ways.get(button)
        if way is not None:
            self.chosen.emit(way)
