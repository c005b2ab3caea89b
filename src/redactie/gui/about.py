"""Help ▸ About: version, licences, the source, and the once-a-day update check."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import SOURCE_URL, __version__
from ..resources import licence_index, licences_folder
from .banner import name_buttons
from .update_consent import UPDATES_KEY, UpdatesCheckBox, set_updates_enabled, updates_enabled

__all__ = ["UPDATES_KEY", "AboutDialog", "updates_enabled"]

MAX_LINKS = 6  # licence files linked per component; the others are in the folder the last link names


class AboutDialog(QDialog):
    """Shows what Redactie is, which licences apply, and where the source is."""

    def __init__(self, parent: QWidget | None = None, newer: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over Redactie"))
        layout = QVBoxLayout(self)
        text = QLabel(self)
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        text.setAccessibleName(self.tr("Over Redactie"))
        lines = [f"<h2>Redactie {__version__}</h2>",
                 "<p>" + self.tr("Een editor voor de documenten van een documentatiesite in git.") + "</p>",
                 "<p>" + self.tr("Broncode: %1").replace("%1", f'<a href="{SOURCE_URL}">{SOURCE_URL}</a>') + "</p>",
                 "<p><b>" + self.tr("Licenties") + "</b></p><ul>"]
        for name, licence, files in licence_index():
            links = self._links([f for f in files if f.is_file()])
            if not licence or licence == "see the licence text":  # a package that names no licence of its own
                licence = self.tr("zie de licentietekst")
            lines.append(f"<li>{html.escape(name)}: {html.escape(licence)}" + (f" ({links})" if links else "")
                         + "</li>")
        lines.append("</ul>")
        lines.append("<p>" + self.tr("De Qt-bibliotheken zijn losse bestanden, die u door een andere versie kunt "
                                     "vervangen (LGPL-3.0).") + "</p>")
        folder = licences_folder()
        if folder is not None:
            lines.append("<p>" + self.tr("De licentieteksten staan in %1.").replace(
                "%1", f'<a href="{QUrl.fromLocalFile(str(folder)).toString()}">{html.escape(str(folder))}</a>')
                + "</p>")
        else:
            lines.append("<p>" + self.tr("Redactie draait hier vanuit de broncode: de licentieteksten staan bij de "
                                         "geïnstalleerde onderdelen zelf (de links hierboven). Een gebouwde app "
                                         "verzamelt ze in één map.") + "</p>")
        if newer:
            lines.append("<p><b>" + self.tr("Er is een nieuwere versie: %1").replace("%1", newer) + "</b></p>")
        text.setText("".join(lines))
        text.setContentsMargins(8, 8, 8, 8)
        scroll = QScrollArea(self)  # the licence list is longer than a laptop screen is high
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(text)
        scroll.setMinimumWidth(min(640, text.sizeHint().width() + 40))
        layout.addWidget(scroll, 1)
        self.resize(680, 560)
        self.updates = UpdatesCheckBox(self)
        self.updates.toggled.connect(set_updates_enabled)
        layout.addWidget(self.updates)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        layout.addWidget(buttons)

    def _links(self, files: list[Path]) -> str:
        """Links to a component's licence texts; beyond a few, one link to the folder holding the rest."""
        shown = [f'<a href="{QUrl.fromLocalFile(str(f)).toString()}">{html.escape(f.name)}</a>'
                 for f in files[:MAX_LINKS]]
        rest = files[MAX_LINKS:]
        if rest:
            folder = rest[0].parent
            shown.append(self.tr("en %n meer in %1", "", len(rest)).replace(
                "%1", f'<a href="{QUrl.fromLocalFile(str(folder)).toString()}">{html.escape(folder.name)}</a>'))
        return ", ".join(shown)
