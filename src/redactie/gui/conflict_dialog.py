"""Resolving conflicts after a sync: per field or section of a document (in form terms), or per file keep
mine, take theirs, or repair it as text; then finish."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from ..gitservice.problems import GitProblem
from ..repository import ContentRepository
from .conflict_parts import ConflictParts
from .sharing import SharingController


class ConflictDialog(QDialog):
    """Lists the conflicted files; `open_as_text(path)` asks the window to show a file in the raw view."""

    open_as_text = Signal(str)

    def __init__(self, sharing: SharingController, files: list[str], parent: QWidget | None = None,
                 repo: ContentRepository | None = None) -> None:
        super().__init__(parent)
        self.sharing = sharing
        self.setWindowTitle(self.tr("Conflicten oplossen"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(GitProblem("conflicts").localized(sharing.language), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Bestanden met een conflict"))
        self.files.setToolTip(self.tr("Kies een bestand en daarna hoe het conflict wordt opgelost"))
        layout.addWidget(self.files)
        self.parts = ConflictParts(sharing, repo, self)
        layout.addWidget(self.parts, 1)
        self.files.currentTextChanged.connect(self.parts.show_file)
        row = QHBoxLayout()
        self.mine = self._button(row, self.tr("Mijn versie houden"),
                                 self.tr("Gebruik uw eigen versie van dit bestand; de andere wijziging vervalt"),
                                 lambda path: sharing.keep_mine(path))
        self.theirs = self._button(row, self.tr("Hun versie nemen"),
                                   self.tr("Gebruik de versie van de ander; uw wijziging in dit bestand vervalt"),
                                   lambda path: sharing.take_theirs(path))
        self.text = self._button(row, self.tr("Als tekst openen"),
                                 self.tr("Open het bestand als tekst om beide wijzigingen zelf samen te voegen"),
                                 self.open_as_text.emit)
        self.repaired = self._button(row, self.tr("Opgelost"),
                                     self.tr("Markeer het als tekst herstelde bestand als opgelost"),
                                     lambda path: sharing.mark_resolved(path))
        layout.addLayout(row)
        bottom = QHBoxLayout()
        self.finish = QPushButton(self.tr("Afronden"), self)
        self.finish.setAccessibleName(self.tr("Afronden"))
        self.finish.setToolTip(self.tr("Rond het synchroniseren af als alle conflicten zijn opgelost"))
        self.finish.clicked.connect(sharing.finish_operation)
        self.abort = QPushButton(self.tr("Afbreken"), self)
        self.abort.setAccessibleName(self.tr("Synchroniseren afbreken"))
        self.abort.setToolTip(self.tr("Zet alles terug zoals het was voor het synchroniseren; er gaat niets "
                                      "verloren"))
        self.abort.clicked.connect(sharing.abort_operation)
        close = QPushButton(self.tr("Sluiten"), self)
        close.clicked.connect(self.reject)
        for button in (self.finish, self.abort):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        sharing.finished.connect(self._after)
        sharing.monitor.refreshed.connect(self._refreshed)
        self.set_files(files)

    def _button(self, row: QHBoxLayout, text: str, tooltip: str, action: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setToolTip(tooltip)
        button.clicked.connect(lambda: self._on_current(action))
        row.addWidget(button)
        return button

    def _on_current(self, action: object) -> None:
        item = self.files.currentItem()
        if item is not None:
            action(item.text())  # type: ignore[operator]

    def set_files(self, files: list[str]) -> None:
        """Show the files that still have conflicts (the current one stays current)."""
        if files != [self.files.item(i).text() for i in range(self.files.count())]:
            self.files.clear()
            self.files.addItems(files)
            if files:
                self.files.setCurrentRow(0)
        for button in (self.mine, self.theirs, self.text, self.repaired):
            button.setEnabled(bool(files))
        self.finish.setEnabled(not files)

    def select(self, path: str) -> None:
        """Make a file the current one."""
        matches = self.files.findItems(path, Qt.MatchFlag.MatchExactly)
        if matches:
            self.files.setCurrentItem(matches[0])

    def _refreshed(self, snapshot: object) -> None:
        state = getattr(snapshot, "state", None)
        if state is not None:
            self.set_files(state.conflicts)
            if not {"rebase-in-progress", "merge-in-progress"} & set(state.problems):
                self.accept()

    def _after(self, name: str) -> None:
        if name in ("continue", "abort"):
            self.sharing.monitor.refresh()
