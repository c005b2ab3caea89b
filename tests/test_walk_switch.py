"""Switching between documents as an editor does: nothing of the last document's view or history stays."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from .conftest import SAMPLE_DOC


def _long_copy(content_repo: Path, words: int = 120) -> str:
    data = (content_repo / SAMPLE_DOC).read_bytes()
    long_text = " ".join(f"woord{i}" for i in range(words)).encode()
    start = data.index(b"toelichting: ") + len(b"toelichting: ")
    end = data.index(b"\n", start)
    copy = "docs/vereisten/ai_geletterdheid_lang.md"
    (content_repo / copy).write_bytes(data[:start] + long_text + data[end:])
    return copy


def test_a_refilled_text_box_shows_the_start_of_the_next_documents_text(sample_window, content_repo: Path,
                                                                         qtbot) -> None:  # noqa: ANN001
    """A long 'Korte toelichting' opened after another document of the same type shows its start, as a new box
    does (before: the box kept the last document's cursor and scroll and showed the middle of the text)."""
    from redactie.gui.form import TextField

    win = sample_window
    copy = _long_copy(content_repo)
    win.repo.refresh()
    win.open_document(copy)
    win.open_document(SAMPLE_DOC)
    box = win.editor.form.widgets["toelichting"]
    assert isinstance(box, TextField)
    cursor = box.edit.textCursor()
    cursor.setPosition(20)  # the editor clicked into the short text of this document
    box.edit.setTextCursor(cursor)
    win.open_document(copy)
    assert win.editor.form.widgets["toelichting"] is box  # refilled, not made again
    qtbot.wait(50)
    edit = box.edit
    assert edit.original().startswith("woord0 woord1")
    assert edit.textCursor().position() == 0
    assert edit.verticalScrollBar().maximum() > 0  # the text is longer than the box
    assert edit.verticalScrollBar().value() == 0


def test_the_text_tab_shows_a_documents_start_and_keeps_the_place_within_one(sample_window, content_repo: Path,
                                                                            qtbot) -> None:  # noqa: ANN001
    """The Tekst tab opened for a document shows the file from its first line (before: the cursor went to the
    last line on the first fill, and stayed at the last document's place after a switch); a form edit of the
    same document keeps the place the editor had in the text."""
    win = sample_window
    editor = win.editor
    edit = editor.raw_view.edit
    editor.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    assert edit.textCursor().position() == 0 and edit.verticalScrollBar().value() == 0
    cursor = edit.textCursor()
    cursor.setPosition(len(edit.toPlainText()) - 5)  # the editor reads the end of this document
    edit.setTextCursor(cursor)
    editor.tabs.setCurrentIndex(0)
    other = _long_copy(content_repo)
    win.repo.refresh()
    win.open_document(other)
    editor.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    assert edit.original().startswith("---\ntitle: ")
    assert edit.textCursor().position() == 0 and edit.verticalScrollBar().value() == 0
    cursor.setPosition(len(edit.toPlainText()) - 5)
    edit.setTextCursor(cursor)
    editor.tabs.setCurrentIndex(0)
    editor.form.widgets["title"].edit.setText("Nieuwe titel")  # a form edit of this same document
    editor.form.widgets["title"].edit.textEdited.emit("Nieuwe titel")
    editor.tabs.setCurrentIndex(1)
    assert "title: Nieuwe titel" in edit.original()
    assert edit.textCursor().position() > 0  # the editor's place in this document stays


def _long_body_copy(content_repo: Path, name: str) -> str:
    data = (content_repo / SAMPLE_DOC).read_bytes()
    paragraphs = b"".join(b"\nAlinea %d met genoeg woorden om de voorbeeldweergave te vullen.\n" % i for i in range(80))
    copy = f"docs/vereisten/{name}.md"
    (content_repo / copy).write_bytes(data + paragraphs)
    return copy


def test_the_preview_shows_another_document_from_its_top(sample_window, content_repo: Path,
                                                        qtbot) -> None:  # noqa: ANN001
    """The preview of a newly opened document starts at its top (before: it kept the scroll position of the last
    document, showing the middle of the new one); a new render of the same document keeps the place."""
    win = sample_window
    first, second = _long_body_copy(content_repo, "lang_een"), _long_body_copy(content_repo, "lang_twee")
    win.repo.refresh()
    preview = win.preview
    bar = preview.verticalScrollBar()
    from .conftest import wait_idle

    with qtbot.waitSignal(preview.rendered, timeout=10000):
        win.open_document(first)
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10000)
    wait_idle(qtbot, win)  # the macros' lists and their render are there too
    qtbot.wait(300)
    bar.setValue(bar.maximum())  # the editor reads the end of this document
    kept = bar.value()
    assert kept > 0
    with qtbot.waitSignal(preview.rendered, timeout=10000):
        preview.render_now()  # the same document again (after an edit): its place stays
    wait_idle(qtbot, win)
    assert bar.value() == min(kept, bar.maximum()) > 0
    with qtbot.waitSignal(preview.rendered, timeout=10000):
        win.open_document(second)
    assert bar.value() == 0
    qtbot.wait(400)  # any render that follows the open (macros) keeps the top
    assert bar.value() == 0


def test_cancelling_the_question_on_leaving_keeps_the_open_document_selected(sample_window, qtbot) -> None:  # noqa: ANN001
    """A click on another document while this one has unsaved work asks first; 'Annuleren' keeps this one open and
    the list shows it as the chosen one again (before: the clicked row stayed highlighted while this one stayed
    open, so the list told another document than the form)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QMessageBox

    win = sample_window
    title = win.editor.form.widgets["title"].edit
    title.setText("Een nieuwe titel")
    title.textEdited.emit("Een nieuwe titel")
    assert win.editor.modified
    other = next(p for p in sorted(win.documents.paths()) if p != SAMPLE_DOC)
    tree = win.documents.tree
    index = win.documents.model.index_of(other)
    tree.scrollTo(index)
    answered = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            answered.append(box.text())
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            QTimer.singleShot(20, cancel)

    QTimer.singleShot(20, cancel)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    qtbot.waitUntil(lambda: bool(answered))
    assert win.editor.session.relpath == SAMPLE_DOC and win.editor.modified
    assert win.documents.current_path() == SAMPLE_DOC


def test_the_heading_above_the_form_follows_the_title(sample_window, qtbot) -> None:  # noqa: ANN001
    """The heading above the form shows the title as it is now: typed in the form, undone, or changed in the Tekst
    tab (before: it kept the title the document was opened with)."""
    win = sample_window
    editor = win.editor
    header = editor.form_view.header
    title = editor.form.widgets["title"].edit
    title.setText("Een nieuwe titel")
    title.textEdited.emit("Een nieuwe titel")
    assert "Een nieuwe titel" in header.text()
    win.undo_action.trigger()
    assert "Een nieuwe titel" not in header.text() and "Medewerkers die met AI werken" in header.text()
    editor.tabs.setCurrentIndex(1)
    raw = editor.raw_view.edit
    raw.setPlainText(raw.toPlainText().replace("title: Medewerkers", "title: Alle medewerkers", 1))
    editor.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: "Alle medewerkers" in header.text(), timeout=5000)
    assert editor.form.widgets["title"].value().startswith("Alle medewerkers")


def test_a_saved_document_gets_its_marker_in_the_list(sample_window, qtbot) -> None:  # noqa: ANN001
    """After a save the list's marker of that document follows its findings (before: the markers came from the
    validation at start only, so an error saved (an empty required title, a code another document has) showed
    no marker, and a fixed one kept its red mark); the other documents keep theirs."""
    from .conftest import wait_idle

    win = sample_window
    documents = win.documents
    wait_idle(qtbot, win)
    others = {path: mark for path, mark in documents._validation.items() if path != SAMPLE_DOC}
    assert documents._validation.get(SAMPLE_DOC) != "error"
    title = win.editor.form.widgets["title"].edit
    original = title.text()
    title.setText("")
    title.textEdited.emit("")
    assert win.editor.save()
    qtbot.waitUntil(lambda: documents._validation.get(SAMPLE_DOC) == "error", timeout=10000)
    title.setText(original)
    title.textEdited.emit(original)
    assert win.editor.save()
    qtbot.waitUntil(lambda: documents._validation.get(SAMPLE_DOC) != "error", timeout=10000)
    assert {path: mark for path, mark in documents._validation.items() if path != SAMPLE_DOC} == others
