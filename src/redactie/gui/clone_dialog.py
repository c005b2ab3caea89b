"""Clone a repository from a URL into a chosen folder, with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from ..gitservice import remote
from ..gitservice.problems import GitProblem
from .tasks import TaskRunner


class CloneDialog(QDialog):
    """Emits `cloned(folder)` when the clone is complete."""

    cloned = Signal(Path)

    def __init__(self, runner: TaskRunner, language: str, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.language = runner, language
        self.setWindowTitle(self.tr("Gedeelde documenten ophalen"))
        layout = QFormLayout(self)
        self.url = QLineEdit(self)
        self.url.setAccessibleName(self.tr("Adres van de gedeelde documenten"))
        self.url.setToolTip(self.tr("Het adres van de gedeelde documenten, bijvoorbeeld "
                                    "https://github.com/organisatie/inhoud.git"))
        self.folder = QLineEdit(str(default_folder), self)
        self.folder.setAccessibleName(self.tr("Map voor de kopie"))
        self.folder.setToolTip(self.tr("Een nieuwe of lege map waarin de kopie komt"))
        browse = QPushButton(self.tr("Bladeren…"), self)
        browse.setAccessibleName(self.tr("Map kiezen"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Voortgang van het klonen"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.start = QPushButton(self.tr("Klonen"), self)
        self.start.setAccessibleName(self.tr("Klonen"))
        self.start.clicked.connect(self.clone)
        self.cancel = QPushButton(self.tr("Annuleren"), self)
        self.cancel.setAccessibleName(self.tr("Annuleren"))
        self.cancel.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        layout.addRow(self.tr("Adres"), self.url)
        layout.addRow(self.tr("Map"), row)
        layout.addRow(self.progress)
        layout.addRow(self.status)
        layout.addRow(buttons)
        runner.progress.connect(self._progress)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map voor de kopie"))
        if folder:
            self.folder.setText(folder)

    def clone(self) -> None:
        """Start cloning in the background."""
        url, folder = self.url.text().strip(), Path(self.folder.text().strip()).expanduser()
        if not url or not self.folder.text().strip():
            self.status.setText(self.tr("Vul een adres en een map in."))
            return
        self.start.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Bezig met klonen…"))
        self.runner.run("clone", lambda task: remote.clone(url, folder, task.progress, task.cancel), self._done,
                        self._failed, label=self.tr("Klonen…"))

    def _progress(self, label: str, phase: str, percent: object) -> None:
        if self.runner.running("clone") and isinstance(percent, int):
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)
            self.status.setText(phase)

    def _cancel(self) -> None:
        if self.runner.running("clone"):
            self.runner.cancel("clone")
        else:
            self.reject()

    def _done(self, folder: Path) -> None:
        self.progress.hide()
        self.cloned.emit(folder)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.progress.hide()
        self.start.setEnabled(True)
        self.status.setText(error.localized(self.language) if isinstance(error, GitProblem) else str(error))
