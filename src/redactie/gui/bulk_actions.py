"""The "Meerdere documenten" menu: opens the bulk dialogs and undoes a whole bulk change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from ..bulk import BulkError, Journal, pending, undo
from .bulk_plan import BulkDialog
from .bulk_replace import ReplaceDialog
from .bulk_values import LabelDialog, RenameValueDialog, RetireValueDialog
from .menus import add_actions

if TYPE_CHECKING:
    from .main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("BulkActions", text)


def unsaved_paths(window: MainWindow) -> set[str]:
    """The document with unsaved edits in the editor, if any."""
    session = window.editor.session
    return {session.relpath} if session is not None and window.editor.modified else set()


def _open(window: MainWindow, dialog: BulkDialog) -> None:
    dialog.applied.connect(lambda journal: after_change(window))
    window.bulk_dialog = dialog
    dialog.show()


def after_change(window: MainWindow) -> None:
    """Files changed on disk: reload the open document (if it has no unsaved work), the list and git state."""
    window.editor.check_disk()
    if window.repo is not None:
        window.repo.refresh()
        window.documents.load(window.repo, window.language)
    window.monitor.refresh()


def open_dialog(window: MainWindow, kind: str) -> BulkDialog | None:
    """Open one of the bulk dialogs: rename, retire, label, replace."""
    if window.repo is None:
        return None
    args = (window.repo, window.runner, window.language, lambda: unsaved_paths(window))
    selection = window.documents.selected_paths()
    if kind == "rename":
        dialog: BulkDialog = RenameValueDialog(*args, parent=window)
    elif kind == "retire":
        dialog = RetireValueDialog(*args, parent=window)
    elif kind == "label":
        dialog = LabelDialog(*args, paths=selection, parent=window)
    else:
        dialog = ReplaceDialog(*args, selection=selection, parent=window)
    _open(window, dialog)
    return dialog


def undo_last(window: MainWindow) -> None:
    """Undo the most recent bulk change that is not committed yet (in the background)."""
    if window.repo is None:
        return
    root, unsaved = window.repo.root, unsaved_paths(window)

    def work(task: object) -> Journal | None:
        journals = pending(root)
        if not journals:
            return None
        undo(root, journals[-1], unsaved)
        return journals[-1]

    def done(journal: Journal | None) -> None:
        if journal is None:
            window.statusBar().showMessage(_tr("Er is geen bulkwijziging om ongedaan te maken"), 8000)
            return
        window.statusBar().showMessage(_tr("Ongedaan gemaakt: %1").replace("%1", journal.message.get(
            window.language)), 8000)
        after_change(window)

    def failed(error: Exception) -> None:
        text = error.localized(window.language) if isinstance(error, BulkError) else str(error)
        window.bulk_message = QMessageBox(QMessageBox.Icon.Warning, _tr("Niet ongedaan gemaakt"), text,
                                          QMessageBox.StandardButton.Ok, window)
        window.bulk_message.open()

    window.runner.run("bulk-undo", work, done, failed, label=_tr("Bulkwijziging ongedaan maken…"))


def bulk_menu(window: MainWindow, menu: QMenu) -> dict[str, QAction]:
    """Fill the menu for changes across many documents."""
    return add_actions(window, menu, [
        ("bulk-rename", _tr("Waarde &hernoemen of samenvoegen…"),
         _tr("Hernoem een waarde van een keuzeveld in alle documenten, of voeg haar samen met een andere"), None,
         lambda: open_dialog(window, "rename")),
        ("bulk-retire", _tr("Waarde &uitfaseren…"),
         _tr("Toon elk document met een waarde en kies per document een vervanging of verwijdering"), None,
         lambda: open_dialog(window, "retire")),
        ("bulk-label", _tr("Selectie &labelen…"),
         _tr("Voeg een waarde toe aan of haal haar weg uit alle geselecteerde documenten"), None,
         lambda: open_dialog(window, "label")),
        ("bulk-replace", _tr("&Zoeken en vervangen…"),
         _tr("Zoek en vervang tekst in de secties en tekstvelden van alle of de geselecteerde documenten"),
         QKeySequence.StandardKey.Replace, lambda: open_dialog(window, "replace")),
        None,
        ("bulk-undo", _tr("Laatste bulkwijziging &ongedaan maken"),
         _tr("Zet alle bestanden van de laatste bulkwijziging terug zoals ze waren (alleen voor het vastleggen)"),
         None, lambda: undo_last(window)),
    ])
