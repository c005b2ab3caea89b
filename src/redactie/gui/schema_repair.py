"""Repairing an unusable schema file as text: the line at fault marked, whether the text now reads said as one
types, and saved (only when changed) before the documents are opened again."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QTextEdit, QVBoxLayout, QWidget

from ..schema.repair import SchemaSource, check, save
from .banner import name_buttons
from .faithful_edit import FaithfulEdit
from .section_edit import monospace_hint

CHECK_DELAY_MS = 300


class SchemaRepair(QDialog):
    """The schema file's text to repair; `saved` follows a save (written or unchanged), then the window reopens."""

    saved = Signal()

    def __init__(self, source: SchemaSource, line: int, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source, self.language = source, language
        self.setWindowTitle(self.tr("Schema herstellen — %1").replace("%1", source.path.name))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Herstel het schemabestand hieronder; de regel met de fout is gemarkeerd. Onder de "
                               "tekst staat steeds of het schema nu bruikbaar is. Opslaan schrijft het bestand en "
                               "opent de documenten opnieuw."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # Faithful: the characters a plain text box loses (a no-break space, a lone CR) come back as they were.
        self.edit = FaithfulEdit(self, crlf=source.crlf)
        monospace_hint(self.edit)
        self.edit.set_original(source.text)
        self.edit.setAccessibleName(self.tr("Tekst van het schemabestand"))
        self.edit.setToolTip(self.tr("De inhoud van %1, het bestand dat beschrijft welke documentsoorten, velden "
                                     "en keuzelijsten de documenten hebben").replace("%1", source.path.name))
        layout.addWidget(self.edit, 1)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Toestand van het schema"))
        self.state.setToolTip(self.tr("Of de tekst hierboven een bruikbaar schema is, en anders op welke regel "
                                      "wat er mis is"))
        layout.addWidget(self.state)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Opslaan en opnieuw openen"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Sla het schemabestand op (alleen als u iets veranderde) en open de "
                                            "documenten opnieuw"))
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip(self.tr("Sluit zonder iets op te slaan"))
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.edit.textChanged.connect(self._timer.start)
        self.check_now()
        self.go_to_line(line)

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of `line` (1-based) and show it."""
        block = self.edit.document().findBlockByNumber(max(line - 1, 0))
        if block.isValid():
            cursor = QTextCursor(block)
            self.edit.setTextCursor(cursor)
            self.edit.centerCursor()

    def check_now(self) -> None:
        """Say whether the text reads as a schema, and mark the line at fault."""
        self._timer.stop()
        problem = check(self.edit.original(), self.source.path)
        selections = []
        if problem is None:
            self.state.setText(self.tr("Het schema is nu bruikbaar."))
        else:
            self.state.setText(self.tr("Regel %1: %2").replace("%1", str(problem.line))
                               .replace("%2", problem.plain(self.language)))
            block = self.edit.document().findBlockByNumber(max(problem.line - 1, 0))
            if block.isValid():
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(QColor(255, 220, 220))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(block)
                selections.append(selection)
        self.edit.setExtraSelections(selections)
        self.problem = problem

    def reject(self) -> None:
        """Close without saving; asked first when the text was changed (Cancel, Escape, the window's close)."""
        if self.edit.document().isModified() and self.source.encode(self.edit.original()) != self.source.original:
            answer = QMessageBox.question(
                self, self.tr("Wijzigingen weggooien?"),
                self.tr("U hebt het schemabestand hier veranderd. Sluiten zonder op te slaan gooit die wijzigingen "
                        "weg."), QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def _save(self) -> None:
        from ..fileio import FileRefused
        from ..schema import SchemaError

        try:
            save(self.source, self.edit.original())
        except (OSError, UnicodeError, SchemaError) as exc:
            if isinstance(exc, FileRefused):
                reason = exc.localized(self.language)
            elif isinstance(exc, SchemaError):
                reason = exc.plain(self.language)
            else:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.warning(self, self.tr("Schema niet opgeslagen"),
                                self.tr("Het schema kon niet worden opgeslagen: %1").replace("%1", reason))
            return
        self.accept()
        self.saved.emit()

