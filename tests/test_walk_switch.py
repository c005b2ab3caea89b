"""Switching between documents as an editor does: nothing of the last document's view or history stays."""

from __future__ import annotations

from pathlib import Path

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
