"""The recognised format in the window, the schema choice in Instellingen, the schema file unticked in review."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPushButton

from redactie.gui.main_window import MainWindow
from redactie.gui.settings_dialog import SettingsDialog
from redactie.schema.select import saved_choice

from .conftest import CORPUS, git
from .test_gui_workflow import OPEN, by_name, close_windows, open_review, open_window, settle  # noqa: F401


@pytest.fixture
def bare_repo(content_repo: Path) -> Path:
    """The sample content without its schema file, committed (as the real repository has none)."""
    (content_repo / "redactie-schema.yaml").unlink()
    git(content_repo, "commit", "-qam", "Zonder schemabestand")
    return content_repo


def test_the_schema_choice_is_made_in_settings_and_remembered_per_repository(qtbot, bare_repo: Path,  # noqa: ANN001
                                                                               isolated_home: Path) -> None:
    win = open_window(qtbot, bare_repo)
    assert by_name(win, QLabel, "Schema in gebruik").text() == "Algoritmekader, formaat 2024, herkend"
    win.actions_["settings"].trigger()
    dialog = win.findChild(SettingsDialog)
    settle(qtbot, win)
    combo = by_name(dialog, QComboBox, "Schema van deze documenten")
    assert combo.currentData() == "auto"
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "auto", "algoritmekader-2024", "algoritmekader-najaar-2024", "algoritmekader-2026", "inferred"]
    combo.setCurrentIndex(combo.findData("inferred"))
    dialog.accept()
    qtbot.waitUntil(lambda: win.repo is not None and win.repo.schema.inferred and win.documents.ready)
    assert saved_choice(bare_repo) == "inferred"
    assert "afgeleid" in by_name(win, QLabel, "Schema in gebruik").text()
    assert not (bare_repo / "redactie-schema.yaml").exists()  # a choice is the user's, never the repository's
    again = open_window(qtbot, bare_repo)
    assert again.repo.schema.inferred


def test_a_written_schema_file_is_an_ordinary_change_shown_unticked(qtbot, bare_repo: Path,  # noqa: ANN001
                                                                     isolated_home: Path) -> None:
    win = open_window(qtbot, bare_repo)
    qtbot.mouseClick(by_name(win, QPushButton, "Schema opslaan bij de documenten"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.documents.ready)
    settle(qtbot, win)
    assert (bare_repo / "redactie-schema.yaml").is_file()
    dialog = open_review(win, qtbot)
    files = by_name(dialog, QListWidget, "Gewijzigde bestanden")
    rows = {files.item(i).data(Qt.ItemDataRole.UserRole): files.item(i).checkState() for i in range(files.count())}
    assert rows == {"redactie-schema.yaml": Qt.CheckState.Unchecked}
    assert "redactie-schema" not in dialog.message.text()
    dialog.close()


# The documents of the 2026 snapshot with a real error (see the list in tests/test_schema_corpus.py).
REAL_ERRORS_2026 = {
    "docs/voldoen-aan-wetten-en-regels/hulpmiddelen/standaarden.md",
    "docs/voldoen-aan-wetten-en-regels/maatregelen/0-org-02-beleid-opstellen-inzet-algoritmes.md",
    "docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-05-soort-algoritme.md",
    "docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-28-maak-vereisten-onderdeel-van-service-level-agreement.md",
    "docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-30-informeer-betrokkenen.md",
    "docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-31-pas-vastgestelde-beleidskaders-zijn-nageleefd.md",
    "docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-35-genereren-bronvermelding.md",
    "docs/voldoen-aan-wetten-en-regels/maatregelen/3-dat-02-toetsen-geschiktheid-variabelen.md",
}


def test_the_2026_corpus_shows_its_format_and_real_vocabularies(qtbot, isolated_home: Path) -> None:  # noqa: ANN001
    repo = CORPUS / "algoritmekader-2026"
    if not repo.is_dir():
        pytest.skip(f"corpus snapshot not present at {repo}")
    win = MainWindow("nl")  # opened in place, as it is (no schema file); nothing is edited
    OPEN.append(win)
    assert win.load_repository(repo)
    win.show()
    qtbot.waitUntil(lambda: win.repo is not None and win.documents.ready, timeout=20000)
    assert by_name(win, QLabel, "Schema in gebruik").text() == "Algoritmekader, formaat 2026, herkend"
    # The window's own background check of every document (started shortly after the list is there); the
    # document is opened after it, as the shared YAML reader of the document model is not thread-safe.
    qtbot.waitUntil(lambda: bool(win.documents._validation), timeout=30000)  # noqa: SLF001
    settle(qtbot, win)
    red = {path for path, severity in win.documents._validation.items() if severity == "error"}  # noqa: SLF001
    assert red == REAL_ERRORS_2026
    onderwerp = win.repo.vocabulary("onderwerp").values
    assert "governance" in onderwerp and onderwerp["governance"].nl != "governance"  # labelled by its page title
    win.open_document("docs/voldoen-aan-wetten-en-regels/vereisten/aia-18-corrigerende-maatregelen-voor-non-"
                      "conforme-ai.md")
    assert win.editor.form.widgets["onderwerp"].model.rowCount() == len(onderwerp)
