"""The "Meerdere documenten" menu: opens the bulk dialogs and undoes a whole bulk change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from .menus import add_actions

if TYPE_CHECKING:  # the bulk dialogs and their core are imported when first used, so the window appears sooner
    from ..bulk import Journal
    from .bulk_plan import BulkDialog
    from .main_window import MainWindow


class BulkActions(QObject):
    """Changes across many documents for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: BulkDialog | None = None
        self.message: QMessageBox | None = None

    def unsaved(self) -> set[str]:
        """Documents with unsaved work: the one open with edits, and any kept as a draft (after a crash)."""
        window = self.window
        editor = window.editor
        found = {editor.session.relpath} if editor.session is not None and editor.modified else set()
        if window.repo is not None:
            found |= {draft.path for draft in window.drafts.for_repository(window.repo.root)}
        return found

    def after_change(self, moved: dict[str, str] | None = None) -> None:
        """Files changed on disk: reload the open document (without unsaved work) or follow it when it was
        renamed, then the list and git state."""
        window = self.window
        session = window.editor.session
        if session is not None and moved and session.relpath in moved and window.repo is not None:
            window.editor.open(window.repo, moved[session.relpath], window.language)
            window.documents.select(moved[session.relpath])
        window.editor.check_disk()
        if window.repo is not None:
            window.repo.refresh()
            window.documents.load(window.repo, window.language)
        window.monitor.refresh()

    def open_dialog(self, kind: str) -> BulkDialog | None:
        """Open one of the bulk dialogs: rename, retire, label, replace."""
        window = self.window
        if window.repo is None:
            return None
        from .bulk_replace import ReplaceDialog
        from .bulk_values import LabelDialog, RenameValueDialog, RetireValueDialog

        args = (window.repo, window.runner, window.language, self.unsaved)
        selection = window.documents.selected_paths()
        if kind == "rename":
            dialog: BulkDialog = RenameValueDialog(*args, parent=window)
        elif kind == "retire":
            dialog = RetireValueDialog(*args, parent=window)
        elif kind == "label":
            dialog = LabelDialog(*args, paths=selection, parent=window)
        else:
            dialog = ReplaceDialog(*args, selection=selection, parent=window)
        dialog.applied.connect(lambda journal: self.after_change(
            {f.path: f.final for f in journal.files if f.after_sha is not None and f.final != f.path}))
        self.dialog = dialog
        dialog.show()
        return dialog

    def undo_last(self) -> None:
        """Undo the most recent bulk change that is not committed yet (in the background)."""
        window = self.window
        if window.repo is None:
            return
        root, unsaved = window.repo.root, self.unsaved()

        def work(task: object) -> Journal | None:
            from ..bulk import pending, undo

            journals = pending(root)
            if not journals:
                return None
            undo(root, journals[-1], unsaved)
            return journals[-1]

        window.runner.run("bulk-undo", work, self.undone, self._undo_failed,
                          label=self.tr("Bulkwijziging ongedaan maken…"))

    def undone(self, journal: Journal | None) -> None:
        """After a bulk change was undone: say so, and follow renamed files back."""
        bar = self.window.statusBar()
        if journal is None:
            bar.showMessage(self.tr("Er is geen bulkwijziging om ongedaan te maken"), 8000)
            return
        bar.showMessage(self.tr("Ongedaan gemaakt: %1").replace("%1", journal.message.get(self.window.language)),
                        8000)
        self.after_change({f.final: f.path for f in journal.files if f.after_sha is not None and f.final != f.path})

    def _undo_failed(self, error: Exception) -> None:
        from ..bulk import BulkError

        text = error.localized(self.window.language) if isinstance(error, BulkError) else str(error)
        self.message = QMessageBox(QMessageBox.Icon.Warning, self.tr("Niet ongedaan gemaakt"), text,
                                   QMessageBox.StandardButton.Ok, self.window)
        self.message.setAccessibleName(self.tr("Niet ongedaan gemaakt"))
        self.message.open()

    def fill(self, menu: QMenu) -> dict[str, QAction]:
        """Fill the menu for changes across many documents."""
        return add_actions(self.window, menu, [
            ("bulk-rename", self.tr("Waarde &hernoemen of samenvoegen…"),
             self.tr("Hernoem een waarde van een keuzeveld in alle documenten, of voeg haar samen met een andere"),
             None, lambda: self.open_dialog("rename")),
            ("bulk-retire", self.tr("Waarde &uitfaseren…"),
             self.tr("Toon elk document met een waarde en kies per document een vervanging of verwijdering"), None,
             lambda: self.open_dialog("retire")),
            ("bulk-label", self.tr("Selectie &labelen…"),
             self.tr("Voeg een waarde toe aan of haal haar weg uit alle geselecteerde documenten"), None,
             lambda: self.open_dialog("label")),
            ("bulk-replace", self.tr("&Zoeken en vervangen…"),
             self.tr("Zoek en vervang tekst in de secties en tekstvelden van alle of de geselecteerde documenten"),
             QKeySequence.StandardKey.Replace, lambda: self.open_dialog("replace")),
            None,
            ("bulk-undo", self.tr("Laatste bulkwijziging &ongedaan maken"),
             self.tr("Zet alle bestanden van de laatste bulkwijziging terug zoals ze waren (alleen voor het "
                     "vastleggen)"), None, self.undo_last),
        ])
