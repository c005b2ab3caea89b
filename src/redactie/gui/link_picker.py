"""The "Link naar document" dialog: pick a document by title or code as one types; it yields the Markdown link."""

from __future__ import annotations

import posixpath
import unicodedata

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..links import link_markdown
from ..repository import ContentRepository

PATH_ROLE = Qt.ItemDataRole.UserRole


def _fold(text: str) -> str:
    """Lower case without accents, so "categorieen" finds "categorieën"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def choices(repo: ContentRepository, current: str) -> list[tuple[str, str, str]]:
    """(title, code or id, path) of every readable document in the index but the open one, by title."""
    found = []
    for path, entry in repo.index.entries().items():
        if path == current or not entry.readable or not path.endswith(".md"):
            continue
        ident = entry.fields.get("id")
        code = str(ident).rsplit(":", 1)[-1] if ident else ""
        found.append((entry.title or posixpath.basename(path)[:-3], code, path))
    return sorted(found, key=lambda c: (_fold(c[0]), c[2]))


class LinkPicker(QDialog):
    """Filters the documents by every typed word (in the title, code or path); `chosen(markdown)`."""

    chosen = Signal(str)

    def __init__(self, repo: ContentRepository, current: str, selected: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current, self.selected = current, selected
        self.setWindowTitle(self.tr("Link naar document"))
        self.setAccessibleName(self.tr("Link naar document"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Typ een deel van de titel of de code van het document waarnaar u wilt linken."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Zoek document"))
        self.search.setToolTip(self.tr("Woorden uit de titel, de code (zoals aia-01) of de bestandsnaam; pijltjes "
                                       "omlaag en omhoog kiezen, Enter maakt de link"))
        self.search.setPlaceholderText(self.tr("Titel of code…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Documenten om naar te linken"))
        self.list.setToolTip(self.tr("De documenten die passen bij wat u typte; dubbelklik of Enter maakt de link"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Link invoegen"))
        self.ok.setAccessibleName(self.tr("Link invoegen"))
        self.ok.setToolTip(self.tr("Zet de link naar het gekozen document in de tekst"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuleren"))
        cancel.setAccessibleName(self.tr("Annuleren"))
        cancel.setToolTip(self.tr("Sluit zonder een link te maken"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self._all = [(title, code, path, _fold(f"{title} {code} {path}"))
                     for title, code, path in choices(repo, current)]
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.filter("")

    def filter(self, text: str) -> None:
        """Show the documents holding every typed word; the first one is chosen."""
        words = _fold(text).split()
        self.list.clear()
        for title, code, path, haystack in self._all:
            if all(word in haystack for word in words):
                item = QListWidgetItem(f"{title} ({code})" if code else title)
                item.setData(PATH_ROLE, path)
                item.setToolTip(path)
                self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.ok.setEnabled(self.list.count() > 0)
        self.count.setText(self.tr("Gevonden: %1").replace("%1", f"{self.list.count()}"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Up and down in the search box move through the list."""
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.list.keyPressEvent(event)  # noqa: SLF001 - the list moves its own current row
            return True
        return super().eventFilter(watched, event)

    def target(self) -> str | None:
        """The chosen document's path."""
        item = self.list.currentItem()
        return item.data(PATH_ROLE) if item is not None else None

    def markdown(self) -> str | None:
        """The link to write: the selected text (or the document's title) linked to the document's relative path."""
        item, path = self.list.currentItem(), self.target()
        if item is None or path is None:
            return None
        title = next((t for t, _c, p, _h in self._all if p == path), "")
        return link_markdown(self.selected if self.selected.strip() else title, self.current, path)

    def accept(self) -> None:
        """Emit the link and close (nothing when no document matches)."""
        text = self.markdown()
        if text is None:
            return
        super().accept()
        self.chosen.emit(text)
