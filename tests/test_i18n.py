"""Translations: English is complete and compiled; the window speaks English when asked; Qt's dialogs Dutch."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from redactie.gui import i18n
from redactie.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n as i18n_tool  # noqa: E402

TS = ROOT / "resources" / "i18n" / "redactie_en.ts"


def test_every_string_in_the_code_has_an_english_translation(tmp_path: Path) -> None:
    copy = tmp_path / "redactie_en.ts"
    shutil.copy(TS, copy)
    i18n_tool.update(copy)  # what lupdate finds in today's code, merged with the committed translations
    messages = list(ET.parse(copy).getroot().iter("message"))
    assert len(messages) > 250
    untranslated = [m.find("source").text for m in messages
                    if m.find("translation").get("type") == "unfinished" or not m.find("translation").text]
    assert untranslated == [], "run `make i18n` and translate these in resources/i18n/redactie_en.ts"


def test_the_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "redactie_en.qm"
    i18n_tool.release(TS, qm)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run `make i18n`"


@pytest.fixture
def english(qapp: QApplication):  # noqa: ANN201
    yield i18n.install(qapp, "en")
    i18n.install(qapp, "nl")


def test_the_window_in_english(english: str, qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    window = MainWindow(english)
    qtbot.addWidget(window)
    window.load_repository(content_repo)
    qtbot.waitUntil(lambda: window.documents.ready and window.monitor.snapshot is not None)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Versions", "&Help"]
    assert window.documents.filter.placeholderText() == "Search by title, code or label"
    assert window.actions_["review"].text() == "&Review changes…"
    window.open_document("docs/vereisten/ai_geletterdheid.md")
    assert window.editor.tabs.tabText(0) == "Form"
    qtbot.waitUntil(lambda: not window.runner.busy)


def test_qt_dialogs_are_dutch_by_default(qapp: QApplication) -> None:
    i18n.install(qapp, "nl")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuleren"


TS_NL = ROOT / "resources" / "i18n" / "redactie_nl.ts"


def test_the_dutch_plural_forms_are_complete_and_compiled(tmp_path: Path) -> None:
    copy = tmp_path / "redactie_nl.ts"
    shutil.copy(TS_NL, copy)
    i18n_tool.update(copy, plurals_only=True)
    messages = list(ET.parse(copy).getroot().iter("message"))
    assert messages and all(m.get("numerus") == "yes" for m in messages)
    for message in messages:
        forms = [f.text for f in message.find("translation").iter("numerusform")]
        assert message.find("translation").get("type") != "unfinished" and len(forms) == 2 and all(forms), \
            message.findtext("source")
    qm = tmp_path / "redactie_nl.qm"
    i18n_tool.release(TS_NL, qm)
    assert qm.read_bytes() == TS_NL.with_suffix(".qm").read_bytes(), "run `make i18n`"


@pytest.mark.parametrize(("language", "one", "two"), [
    ("nl", "1 gewijzigd bestand. Bekijk het", "2 gewijzigde bestanden. Bekijk ze"),
    ("en", "1 changed file. Review it", "2 changed files. Review them"),
])
def test_counts_use_the_languages_plural_forms(qapp: QApplication, language: str, one: str, two: str) -> None:
    from PySide6.QtCore import QCoreApplication

    i18n.install(qapp, language)
    try:
        source = "%n gewijzigde bestanden. Bekijk ze en vink aan wat u wilt vastleggen."
        assert QCoreApplication.translate("ReviewDialog", source, "", 1).startswith(one)
        assert QCoreApplication.translate("ReviewDialog", source, "", 2).startswith(two)
        versions = QCoreApplication.translate("HistoryPanel", "%n versies", "", 1)
        assert versions == ("1 versie" if language == "nl" else "1 version")
        assert QCoreApplication.translate("HistoryPanel", "%n versies", "", 0) == (
            "0 versies" if language == "nl" else "0 versions")
    finally:
        i18n.install(qapp, "nl")


def test_no_count_is_glued_into_a_string_by_hand() -> None:
    """A number put into a translated string with .replace() cannot get its singular: use tr(text, "", n)."""
    glued = []
    for path in sorted((ROOT / "src" / "redactie" / "gui").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        glued += [f"{path.name}: {m.group()}" for m in re.finditer(r'\.replace\("%\d", str\((len\(|count)', text)]
    assert glued == []
