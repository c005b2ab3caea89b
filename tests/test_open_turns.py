"""Opening a document does only what the window shows (issue #12, stalls while opening): the hidden Tekst tab
is filled when it is opened, and nothing of the user's changes on the way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QPlainTextEdit

from .conftest import SAMPLE_DOC


def _raw(win) -> QPlainTextEdit:  # noqa: ANN001
    return win.editor.raw_view.edit


def test_the_hidden_text_tab_is_filled_when_it_is_opened(sample_window, content_repo: Path) -> None:  # noqa: ANN001
    win = sample_window
    editor = win.editor
    assert editor.tabs.currentIndex() == 0
    assert _raw(win).document().isEmpty()  # before: the whole file, coloured, in a tab nobody looked at
    editor.tabs.setCurrentIndex(1)
    assert _raw(win).original() == (content_repo / SAMPLE_DOC).read_text(encoding="utf-8")
    other = next(p.relative_to(content_repo).as_posix() for p in sorted((content_repo / "docs").rglob("*.md"))
                 if p.relative_to(content_repo).as_posix() != SAMPLE_DOC)
    win.open_document(other)  # a document that reads opens in the form; the Tekst tab follows it when opened
    assert editor.tabs.currentIndex() == 0
    editor.tabs.setCurrentIndex(1)
    assert _raw(win).original() == (content_repo / other).read_text(encoding="utf-8")
    editor.tabs.setCurrentIndex(0)
    mtime = (content_repo / other).stat().st_mtime_ns
    assert editor.save() is False and not editor.modified  # nothing changed: nothing written
    assert (content_repo / other).stat().st_mtime_ns == mtime


def test_spelling_waits_until_the_opens_own_turn_is_done(sample_window, qtbot) -> None:  # noqa: ANN001
    """The open's own turn (showing, laying out and painting the form: Qt's posted events) holds no spelling:
    a zero timer ran the first editor's spelling with it, in one stall; a real timer lets the window answer."""
    win = sample_window
    qtbot.waitUntil(lambda: win.editor.form_view.speller is not None and not win.runner.busy, timeout=20000)
    speller = win.editor.form_view.speller
    other = next(p for p in sorted(win.documents.paths()) if p != SAMPLE_DOC)
    win.open_document(other)
    editors = list(win.editor.form_view.section_editors.values())
    assert editors
    QApplication.sendPostedEvents()  # what Qt does right after the open, before due timers and input
    assert not any(edit.highlighter.speller is speller for edit in editors)
    qtbot.waitUntil(lambda: all(edit.highlighter.speller is speller for edit in editors))


def test_another_document_of_the_same_type_is_shown_in_the_same_form(sample_window, content_repo: Path,
                                                                       qtbot) -> None:  # noqa: ANN001
    """The form's widgets are refilled, not made again, for a document whose values have the same shapes; what
    the user set for the last document's view (a filter) does not carry over, and nothing is written."""
    from redactie.gui.form import MultiChoiceField

    win = sample_window
    data = (content_repo / SAMPLE_DOC).read_bytes()
    copy = "docs/vereisten/ai_geletterdheid_kopie.md"
    (content_repo / copy).write_bytes(data.replace(b"title: Medewerkers", b"title: Kopie van medewerkers", 1)
                                      .replace(b"- implementatie\n", b"- ontwerp\n", 1))
    win.repo.refresh()
    win.open_document(copy)
    widgets = dict(win.editor.form.widgets)
    phases = widgets["levenscyclus"]
    assert isinstance(phases, MultiChoiceField) and phases.value() == ["probleemanalyse", "ontwerp"]
    phases.filter.setText("impl")  # the user narrows the list of this document
    win.open_document(SAMPLE_DOC)
    assert win.editor.form.widgets == widgets  # the same widgets (before: all made again)
    assert all(a is b for a, b in zip(win.editor.form.widgets.values(), widgets.values(), strict=True))
    assert widgets["title"].value() == "Medewerkers die met AI werken beschikken over voldoende AI-geletterdheid"
    assert phases.value() == ["probleemanalyse", "implementatie"]
    assert phases.filter.text() == "" and len(phases.labels()) > 2  # the whole list again
    assert not win.editor.modified
    mtime = (content_repo / SAMPLE_DOC).stat().st_mtime_ns
    assert win.editor.save() is False and (content_repo / SAMPLE_DOC).stat().st_mtime_ns == mtime
    phases.check("ontwerp")  # an edit after the refill goes to this document, and only this one changes
    assert win.editor.modified
    assert win.editor.doc.fields["levenscyclus"] == ["probleemanalyse", "implementatie", "ontwerp"]
    assert win.editor.save()
    assert (content_repo / SAMPLE_DOC).read_bytes() == data.replace(b"- implementatie\n",
                                                                     b"- implementatie\n- ontwerp\n", 1)
    assert b"- ontwerp\n" in (content_repo / copy).read_bytes() and b"implementatie" not in (
        content_repo / copy).read_bytes()


VALUES = [None, "", "tekst", ["a"], ["a", "b"], [None], [None, "a"], {"a": "b"}, [{"a": "b"}], [["a"]], 3, True,
          [1, 2], ["a", 1]]
KINDS = ["text", "multiline", "identifier", "list", "choice", "multichoice", "relation", "readonly", "hidden",
         "onbekend"]


def test_the_plan_of_a_field_is_the_widget_make_field_makes(qtbot) -> None:  # noqa: ANN001
    """`field_plan` decides when a form's widgets are refilled: it must name exactly what `make_field` makes."""
    from redactie.gui.form import ReadOnlyField, field_plan, make_field
    from redactie.schema import FieldDef, Text, Vocabulary

    vocabularies = {"v": Vocabulary("v", {"a": Text("A", "A")})}
    for kind in KINDS:
        for vocabulary in ("v", None):
            field = FieldDef("veld", kind, Text("Veld", "Field"), Text("", ""), vocabulary=vocabulary)
            remarks: dict[object, str] = {}
            for value in VALUES:
                widget = make_field(field, "nl", vocabularies, value)
                plan = field_plan(field, value)
                assert plan[0] is type(widget), (kind, vocabulary, value)
                if isinstance(widget, ReadOnlyField):
                    assert remarks.setdefault(plan, widget.remark.text()) == widget.remark.text(), (kind, value)
                widget.deleteLater()
            assert len(set(remarks.values())) == len(remarks)  # a different plan: a different remark
