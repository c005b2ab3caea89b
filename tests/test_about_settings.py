"""Help ▸ About from a source checkout, the language setting's restart, and the update check's consent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from .conftest import SAMPLE_DOC


def by_name(root: QWidget, kind: type, name: str) -> QWidget:
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert matches, f"no {kind.__name__} named {name!r}"
    return matches[0]


def test_about_from_source_links_only_to_licence_texts_that_exist(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """No built licence folder: the texts are shown where the installed packages keep them, in Dutch words."""
    import re

    from redactie import resources
    from redactie.gui.about import AboutDialog

    monkeypatch.setattr(resources, "app_root", lambda: tmp_path)  # a checkout that was never built
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = by_name(dialog, QLabel, "Over Redactie").text()
    links = re.findall(r'href="(file:[^"]+)"', text)
    assert links, "no licence text linked"
    for link in links:
        assert Path(QUrl(link).toLocalFile()).exists(), link  # never a folder that does not exist
    assert "GitPython" in text and "LICENSE" in text
    assert "shipped as separate" not in text and "see the licence text" not in text
    assert "See *.license" not in text and "zie de licentietekst" in text  # a package's own prose is not a name
    assert "vanuit de broncode" in text


def test_about_without_package_metadata_names_the_licences_without_links(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from redactie import licences, resources
    from redactie.gui.about import AboutDialog

    monkeypatch.setattr(resources, "app_root", lambda: tmp_path)
    monkeypatch.setattr(licences, "runtime_distributions", lambda root="redactie": [])
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = by_name(dialog, QLabel, "Over Redactie").text()
    assert "EUPL-1.2" in text and "href=\"file:" not in text
    assert "the Qt libraries" not in text and "LGPL-3.0" in text


def test_a_new_language_says_it_needs_a_restart_and_offers_one(sample_window, qtbot,  # noqa: ANN001
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from redactie.gui import restart
    from redactie.gui.settings_dialog import SettingsDialog

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(restart, "START", lambda program, args: started.append((program, args)))
    win = sample_window
    title = by_name(win, QLineEdit, "Titel")
    title.setText("Een titel die nog niet is opgeslagen")
    title.textEdited.emit(title.text())
    assert win.editor.modified
    win.actions_["settings"].trigger()
    dialog = win.findChild(SettingsDialog)
    note = by_name(dialog, QLabel, "Wanneer de taal verandert")
    button = by_name(dialog, QPushButton, "Nu herstarten")
    assert note.isHidden() and button.isHidden()  # the language in use: nothing to restart
    by_name(dialog, QComboBox, "Taal").setCurrentIndex(1)
    assert not note.isHidden() and not button.isHidden() and "herstarten" in note.text()
    try:
        button.click()
        qtbot.waitUntil(lambda: bool(started))
        assert QSettings("Redactie", "Redactie").value("ui/language") == "en"
        assert not win.isVisible()  # closed without the unsaved-work question
        assert started == [(sys.executable, ["-m", "redactie", str(win.repo.root)])]
        draft = win.drafts.load(win.repo.root, SAMPLE_DOC)
        assert draft is not None and "Een titel die nog niet is opgeslagen" in draft.content.decode()
    finally:
        QSettings("Redactie", "Redactie").remove("ui/language")


def test_the_update_check_is_off_until_the_user_switches_it_on(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from redactie.gui.about import UPDATES_KEY, updates_enabled
    from redactie.gui.settings_dialog import SettingsDialog

    monkeypatch.delenv("REDACTIE_NO_UPDATE_CHECK")
    settings = QSettings("Redactie", "Redactie")
    settings.remove(UPDATES_KEY)
    try:
        assert not updates_enabled()  # a fresh installation contacts no server
        dialog = SettingsDialog(None, "nl")
        qtbot.addWidget(dialog)
        box = by_name(dialog, QCheckBox, "Zoeken naar nieuwe versies")
        assert not box.isChecked() and "toestemming" in box.toolTip()
        box.setChecked(True)
        dialog.accept()
        assert updates_enabled()
    finally:
        settings.remove(UPDATES_KEY)


def test_f1_opens_the_guide_and_about_stays_in_the_help_menu(sample_window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QTextBrowser

    from redactie.gui.help_dialog import HelpDialog, help_text

    win = sample_window
    f1 = QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert win.actions_["help"].shortcut() == f1 and win.actions_["about"].shortcut().isEmpty()
    win.activateWindow()
    qtbot.keyClick(win.editor, f1[0].key())
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(HelpDialog)))
    dialog = next(d for d in win.findChildren(HelpDialog) if d.isVisible())
    text = by_name(dialog, QTextBrowser, "Uitleg").toPlainText()
    assert "Wijzigingen bekijken" in text and "Ctrl+S" in text and "#" not in text.split("\n", 1)[0]
    dialog.close()
    english = help_text("en")
    assert "Review changes" in english and "How does Redactie work?" in english
    assert help_text("xx") == help_text("nl")
