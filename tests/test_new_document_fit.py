"""A new document never starts with an error its editor did not make; an error is shown where it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from redactie import newdoc
from redactie.document import Document
from redactie.repository import ContentRepository
from redactie.validation.rules import check_parsed

from .conftest import CORPUS, copy_writable
from .test_gui import by_name, window  # noqa: F401 - the window fixture

SCHEMA = "redactie-schema.yaml"


def odd_template(repo: Path) -> None:
    """The sample's vereiste template with a status and a phase that this repository does not know."""
    schema = repo / SCHEMA
    text = schema.read_text(encoding="utf-8")
    text = text.replace("      status_vereiste:\n      - nog-niet-geldend\n",
                        "      status_vereiste:\n      - verlopen\n", 1)
    text = text.replace("      levenscyclus:\n      - ontwerp\n      bouwblok:",
                        "      levenscyclus:\n      - ontwerp\n      - onbekende-fase\n      bouwblok:", 1)
    schema.write_text(text, encoding="utf-8")


@pytest.fixture
def odd(content_repo: Path) -> Path:
    """The sample repository with that template (asked for before the window, which then reads it)."""
    odd_template(content_repo)
    return content_repo


def test_template_values_the_repository_does_not_accept_are_left_out(odd: Path) -> None:
    content_repo = odd
    repo = ContentRepository(content_repo)
    made = newdoc.create_document(repo, repo.schema.types["vereiste"], "Een nieuwe vereiste")
    doc = Document.parse((content_repo / made.path).read_bytes())
    assert doc.fields["levenscyclus"] == ["ontwerp"] and not doc.fields["status_vereiste"]
    assert [(f.key, values) for f, values in made.left_out] == [("status_vereiste", ["verlopen"]),
                                                                 ("levenscyclus", ["onbekende-fase"])]
    assert not [f for f in check_parsed(repo, made.path, doc) if f.code in newdoc.TEMPLATE_VALUE_CODES]
    assert "verlopen" in made.message("nl") and "Kies" in made.message("nl") and "Choose" in made.message("en")
    untouched = newdoc.create_document(ContentRepository(content_repo), repo.schema.types["maatregel"], "Maatregel")
    assert untouched.left_out == [] and untouched.message() == ""


@pytest.mark.skipif(not (CORPUS / "algoritmekader-2026").is_dir(), reason="the shared corpus is not here")
def test_a_document_from_upstreams_2026_template_starts_without_an_error(tmp_path: Path) -> None:
    root = copy_writable(CORPUS / "algoritmekader-2026", tmp_path / "ak")
    repo = ContentRepository(root)
    for name in ("vereiste", "maatregel", "hulpmiddel"):
        doc_type = repo.schema.types[name]
        made = newdoc.create_document(repo, doc_type, f"Nieuwe {name}",
                                      "zz-99" if newdoc.needs_code(doc_type) else "", used_ids=set())
        doc = Document.parse((root / made.path).read_bytes())
        errors = [f for f in check_parsed(repo, made.path, doc) if f.severity == "error"]
        assert errors == [], (name, [f.message("nl") for f in errors])
        if name == "vereiste":  # upstream's template lists `verboden-ai-systeem`; the documents use `verboden-ai`
            assert ("risicogroep", ["verboden-ai-systeem"]) in [(f.key, v) for f, v in made.left_out]
            assert "hoog-risico-ai-systeem" in doc.fields["risicogroep"]


def test_the_new_document_says_what_was_left_out(odd: Path, window, qtbot) -> None:  # noqa: ANN001, F811
    from redactie.gui.new_document import NewDocumentDialog

    window.actions_["new"].trigger()
    dialog = [d for d in window.findChildren(NewDocumentDialog) if d.isVisible()][-1]
    qtbot.waitUntil(lambda: dialog.ready)
    by_name(dialog, QComboBox, "Soort document").setCurrentIndex(0)
    by_name(dialog, QLineEdit, "Titel van het nieuwe document").setText("Uitlegbaarheid van besluiten")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor.banner("template-banner") is not None)
    text = window.editor.banner("template-banner").label.text()
    assert "verlopen" in text and "onbekende-fase" in text
    assert not window.editor.modified  # the file was written as it is shown


def test_an_error_in_a_field_the_form_does_not_show_is_said_above_the_form(window, content_repo: Path,  # noqa: ANN001, F811
                                                                           qtbot) -> None:
    from .test_gui import DOC

    path = content_repo / DOC
    path.write_bytes(path.read_bytes().replace(b"hide:\n- navigation", b"hide:\n- tocs", 1))
    window.open_document(DOC)
    label = by_name(window, QLabel, "Fouten buiten de getoonde velden")
    assert "hide" not in window.editor.form.widgets
    assert label.isVisibleTo(window) and "tocs" in label.text()
