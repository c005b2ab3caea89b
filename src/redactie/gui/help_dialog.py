"""Help ▸ Hoe werkt het (F1): a short guide for editors, bundled with the app and shown offline."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..preview_html import to_html
from ..resources import resource
from .banner import name_buttons


def help_text(language: str) -> str:
    """The guide's Markdown in `language` (Dutch when there is none in that language)."""
    for name in (f"hoe-werkt-het.{language}.md", "hoe-werkt-het.nl.md"):
        try:
            return resource("help", name).read_text(encoding="utf-8")
        except OSError:
            continue
    return ""


class HelpDialog(QDialog):
    """The guide, rendered from its bundled Markdown; links open in the browser only when clicked."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hoe werkt Redactie?"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._open_link)
        self.text.setAccessibleName(self.tr("Uitleg"))
        self.text.setToolTip(self.tr("Hoe u met Redactie documenten bewerkt, vastlegt en deelt"))
        markdown = help_text(language)
        self.text.setHtml(to_html(markdown, {}, language) if markdown else
                          "<p>" + self.tr("De uitleg ontbreekt in deze installatie.") + "</p>")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        layout.addWidget(buttons)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
