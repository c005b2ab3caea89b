"""Pasting into the window (#15 item 4): Word's HTML becomes Markdown in a section, Ctrl+Shift+V stays plain,
the form's fields stay plain, copying out of an editor gives its exact text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from redactie.gui.main_window import MainWindow
from redactie.gui.section_edit import SectionEdit

from .conftest import SAMPLE_DOC

DATA = Path(__file__).parent / "data" / "paste"
WORD_PLAIN = "Wat moet je doen?\r\nOrganisaties die hoog-risico-AI-systemen gebruiken\r\n"


def by_name(window: MainWindow, kind: type, name: str):  # noqa: ANN205
    found = [w for w in window.findChildren(kind) if w.accessibleName() == name and w.isVisible()]
    assert len(found) == 1, name
    return found[0]


def put_on_clipboard(html_file: str | None, text: str) -> None:
    data = QMimeData()
    if html_file:
        data.setHtml((DATA / html_file).read_bytes().decode("utf-8"))
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)


def at_end(edit: QPlainTextEdit) -> None:
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)


def test_word_paste_becomes_markdown_in_the_section_and_the_file(sample_window: MainWindow, qtbot,  # noqa: ANN001
                                                                  content_repo: Path) -> None:
    risico = by_name(sample_window, SectionEdit, "Sectie Risico")
    before = risico.original()
    at_end(risico)
    put_on_clipboard("word-windows.html", WORD_PLAIN)
    qtbot.keySequence(risico, QKeySequence.StandardKey.Paste)
    added = risico.original()[len(before):]
    assert before.endswith("hoofd.\n\n")  # the cursor on the empty line before the next heading
    assert added.startswith("**Wat moet je doen?**\n\nOrganisaties die **hoog-risico-AI-systemen**")
    assert "- Beschrijf het doel van het systeem\n    - ook de **doelgroep**\n" in added
    assert "| Bron | Toelichting |\n|------|-------------|\n" in added
    assert "Geplakte koppen zijn vet geworden" in sample_window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: sample_window.editor.modified)
    sample_window.save()
    text = (content_repo / SAMPLE_DOC).read_text(encoding="utf-8")
    assert "    - ook de **doelgroep**\n" in text and "<o:p>" not in text and "mso-" not in text
    assert " \n" not in text.split("## Risico")[1]
    assert "| altijd |\n\n## Maatregelen" in text  # the next heading stays a heading, not a table row


def test_ctrl_shift_v_and_the_context_menu_paste_plain_text(sample_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    risico = by_name(sample_window, SectionEdit, "Sectie Risico")
    before = risico.original()
    at_end(risico)
    put_on_clipboard("word-windows.html", WORD_PLAIN)
    qtbot.keyClick(risico, "V", QKeySequence("Ctrl+Shift+V")[0].keyboardModifiers())
    assert risico.original() == before + "Wat moet je doen?\nOrganisaties die hoog-risico-AI-systemen gebruiken\n"
    action = risico.paste_plain_action
    assert action.text() == "Plakken als platte tekst" and action.shortcut().toString() == "Ctrl+Shift+V"
    assert action.toolTip()
    menu = risico.createStandardContextMenu()
    from redactie.gui.paste import add_to_context_menu

    add_to_context_menu(menu, action, risico.isReadOnly())
    names = [a.objectName() for a in menu.actions()]
    assert names[names.index("edit-paste") + 1] == "paste-plain"
    menu.deleteLater()


def test_the_form_fields_paste_plain_text(sample_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    put_on_clipboard("firefox-web.html", "Wat houdt het in?")
    title = by_name(sample_window, QLineEdit, "Titel")
    title.setFocus()
    title.selectAll()
    qtbot.keySequence(title, QKeySequence.StandardKey.Paste)
    assert title.text() == "Wat houdt het in?"
    toelichting = [w for w in sample_window.editor.form.findChildren(QPlainTextEdit) if w.isVisible()]
    assert toelichting, "the form has a multi-line field"
    field = toelichting[0]
    field.setFocus()
    field.selectAll()
    qtbot.keySequence(field, QKeySequence.StandardKey.Paste)
    assert field.toPlainText() == "Wat houdt het in?"


def test_copy_from_a_section_is_its_exact_plain_text(sample_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """The highlighting's HTML is not copied: pasting it back would escape the Markdown (`\\*\\*`)."""
    risico = by_name(sample_window, SectionEdit, "Sectie Risico")
    at_end(risico)
    qtbot.keyClicks(risico, " **vet**\u00a0x")
    risico.selectAll()
    data = risico.createMimeDataFromSelection()
    assert not data.hasHtml() and data.text() == risico.original()
    before = risico.original()
    QGuiApplication.clipboard().setMimeData(data)
    at_end(risico)
    qtbot.keySequence(risico, QKeySequence.StandardKey.Paste)
    assert risico.original() == before + before


def test_a_phrase_from_a_web_page_joins_the_line(sample_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    risico = by_name(sample_window, SectionEdit, "Sectie Risico")
    risico.setFocus()
    cursor = risico.textCursor()
    cursor.setPosition(risico.original().index("Medewerkers") + len("Medewerkers "))
    risico.setTextCursor(cursor)
    data = QMimeData()
    data.setHtml('<meta charset="utf-8"><span>Let op: </span><b>belangrijk</b> ')
    data.setText("Let op: belangrijk ")
    risico.insertFromMimeData(data)
    assert risico.original().startswith("\nMedewerkers Let op: **belangrijk** zonder")  # no paragraph of its own


def test_a_paste_into_a_crlf_document_writes_crlf_lines(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    path = content_repo / SAMPLE_DOC
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    window = MainWindow("nl")
    qtbot.addWidget(window)
    assert window.load_repository(content_repo)
    window.show()
    qtbot.waitUntil(lambda: window.documents.ready)
    window.open_document(SAMPLE_DOC)
    qtbot.waitUntil(lambda: any(e.isVisible() for e in window.findChildren(SectionEdit)))
    risico = by_name(window, SectionEdit, "Sectie Risico")
    at_end(risico)
    put_on_clipboard("libreoffice-writer.html", "plain")
    qtbot.keySequence(risico, QKeySequence.StandardKey.Paste)
    qtbot.waitUntil(lambda: window.editor.modified)
    window.save()
    data = path.read_bytes()
    assert b"- tweede punt\r\n    - onderpunt\r\n" in data and b"|------|-------|\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")  # every line ending stays CRLF, new ones too
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15000)
