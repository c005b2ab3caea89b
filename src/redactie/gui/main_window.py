"""The main window: wires the document list, the editor and the preview together."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QPushButton, QSplitter, QWidget

from ..gitservice.branch import current_branch
from ..repository import ContentRepository, open_repository
from ..schema import SchemaError
from ..schema.infer import write_inferred_schema
from ..workspace import remember_repository
from .document_list import DocumentList
from .editor import DocumentEditor
from .preview import Preview


class MainWindow(QMainWindow):
    """Document list on the left, the open document in the middle, the preview on the right."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.repo: ContentRepository | None = None
        self.documents = DocumentList(self)
        self.editor = DocumentEditor(self)
        self.preview = Preview(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.documents, self.editor, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([280, 620, 420])
        self.setCentralWidget(self.splitter)
        self.branch_label = QLabel(self)
        self.branch_label.setAccessibleName(self.tr("Versie en synchronisatie"))
        self.statusBar().addPermanentWidget(self.branch_label)
        self.schema_button = QPushButton(self.tr("Schema opslaan als startpunt"), self)
        self.schema_button.setAccessibleName(self.tr("Afgeleid schema opslaan"))
        self.schema_button.setToolTip(self.tr("Deze repository heeft geen schemabestand. Sla het schema dat uit de "
                                              "documenten is afgeleid op, zodat een beheerder het kan nakijken"))
        self.schema_button.clicked.connect(self.write_schema)
        self.schema_button.hide()
        self.statusBar().addPermanentWidget(self.schema_button)
        self.documents.opened.connect(self.open_document)
        self.editor.modified_changed.connect(self._modified)
        self.editor.text_changed.connect(self.preview.schedule)
        self._actions()
        self._restore()

    def _actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.open_action = QAction(self.tr("Repository &openen…"), self)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.triggered.connect(self._choose_repository)
        self.save_action = QAction(self.tr("&Opslaan"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setToolTip(self.tr("Sla het geopende document op"))
        self.save_action.triggered.connect(self.save)
        self.quit_action = QAction(self.tr("&Afsluiten"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        for action in (self.open_action, self.save_action, self.quit_action):
            menu.addAction(action)

    def _restore(self) -> None:
        settings = QSettings("Redactie", "Redactie")
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 820)
        sizes = settings.value("window/splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)

    def load_repository(self, path: Path) -> bool:
        """Open a content repository (any folder inside it) and list its documents."""
        try:
            repo = open_repository(path)
            repo.vocabularies()
        except SchemaError as exc:
            QMessageBox.warning(self, self.tr("Schema onbruikbaar"), exc.localized(self.language))
            return False
        self.repo = repo
        remember_repository(repo.root)
        self.documents.load(repo, self.language)
        self.setWindowTitle(self.tr("Redactie — %1").replace("%1", repo.root.name))
        self.schema_button.setVisible(repo.schema.inferred)
        if repo.schema.inferred:
            self.statusBar().showMessage(self.tr("Geen schemabestand gevonden: het schema is afgeleid uit de "
                                                 "documenten"))
        self._show_branch()
        return True

    def write_schema(self) -> None:
        """Write the inferred schema to the repository as a starting point, then use it."""
        if self.repo is None or not self.repo.schema.inferred:
            return
        try:
            path = write_inferred_schema(self.repo.root, self.repo.schema)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Schema niet opgeslagen"),
                                self.tr("Het schema kon niet worden opgeslagen: %1").replace("%1", str(exc)))
            return
        self.load_repository(self.repo.root)
        self.statusBar().showMessage(self.tr("Schema opgeslagen in %1").replace("%1", path.name), 5000)

    def _show_branch(self) -> None:
        branch = current_branch(self.repo.root) if self.repo else None
        self.branch_label.setText(self.tr("Versie: %1").replace("%1", branch) if branch else "")

    def open_document(self, relpath: str) -> None:
        """Open a document, asking first when the current one has unsaved work."""
        if self.repo is None or not self._may_leave():
            return
        self.editor.open(self.repo, relpath, self.language)
        self.preview.render_now()

    def save(self) -> None:
        """Save the open document."""
        if self.editor.save():
            self.statusBar().showMessage(self.tr("Opgeslagen"), 3000)

    def _modified(self, modified: bool) -> None:
        self.setWindowModified(modified)
        title = self.windowTitle().rstrip(" *")
        self.setWindowTitle(title + (" *" if modified else ""))

    def _may_leave(self) -> bool:
        if not self.editor.modified:
            return True
        answer = QMessageBox.question(
            self, self.tr("Niet opgeslagen wijzigingen"),
            self.tr("Het document heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return True
        return answer == QMessageBox.StandardButton.Discard

    def _choose_repository(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Repository openen"))
        if folder and self._may_leave():
            self.load_repository(Path(folder))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Ask about unsaved work; remember window sizes."""
        if not self._may_leave():
            event.ignore()
            return
        settings = QSettings("Redactie", "Redactie")
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        event.accept()
