"""The user's consent to the daily check for a newer version: off until switched on (About and Settings)."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QWidget

UPDATES_KEY = "updates/enabled"


def updates_enabled() -> bool:
    """Whether the daily check for a newer version may run: only once the user switched it on (never by default:
    Redactie works offline and contacts no server without consent), and never with REDACTIE_NO_UPDATE_CHECK."""
    if os.environ.get("REDACTIE_NO_UPDATE_CHECK"):
        return False
    return str(QSettings("Redactie", "Redactie").value(UPDATES_KEY, "false")).lower() in ("true", "1")


def set_updates_enabled(on: bool) -> None:
    """Remember the user's choice about the daily check for a newer version."""
    QSettings("Redactie", "Redactie").setValue(UPDATES_KEY, on)


class UpdatesCheckBox(QCheckBox):
    """Whether Redactie may look once a day for a newer version (off until the user switches it on)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Eén keer per dag kijken of er een nieuwere versie is"), parent)
        self.setAccessibleName(self.tr("Zoeken naar nieuwe versies"))
        self.setToolTip(self.tr("Staat uit tot u het aanzet: Redactie maakt zonder uw toestemming geen verbinding "
                                "met internet. Aan: Redactie vraagt eens per dag het nummer van de nieuwste versie "
                                "op en stuurt verder niets mee"))
        self.setChecked(updates_enabled())
