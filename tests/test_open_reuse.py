"""Opening a document refills what the last one showed (issue #12, stalls while opening): the form kept for its
type, the section boxes, only what differs made anew; nothing of the last document's view or values stays, and
nothing is written that the user did not change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit

from .conftest import SAMPLE_DOC

MAATREGEL = "docs/maatregelen/bias_toets_uitvoeren.md"


def _copy(content_repo: Path, name: str, old: bytes, new: bytes) -> str:
    data = (content_repo / SAMPLE_DOC).read_bytes()
    assert old in data
    relpath = f"docs/vereisten/{name}.md"
    (content_repo / relpath).write_bytes(data.replace(old, new, 1))
    return relpath


def _threads_asking(speller) -> list[str]:  # noqa: ANN001
    """The names of the threads that ask the spelling process anything from now on (filled as they ask)."""
    import threading

    asked: list[str] = []
    original = speller._ask

    def ask(request: dict) -> dict | None:
        asked.append(threading.current_thread().name)
        return original(request)

    speller._ask = ask
    return asked


def _untouched(win, content_repo: Path, relpath: str) -> None:  # noqa: ANN001
    mtime = (content_repo / relpath).stat().st_mtime_ns
    assert not win.editor.modified
    assert win.editor.save() is False and (content_repo / relpath).stat().st_mtime_ns == mtime


def test_fields_the_schema_does_not_know_leave_the_other_fields_widgets_in_place(sample_window, content_repo: Path,
                                                                                 qtbot) -> None:  # noqa: ANN001
    """A document with a field the schema does not know is shown in the same widgets as one without: only its
    rows under "Overige velden" are made (before: the whole form was made again for every such document)."""
    from redactie.gui.form import ReadOnlyField

    win = sample_window
    other = _copy(content_repo, "met_extra_veld", b"hide:\n", b"eigen-veld: een waarde\nhide:\n")
    win.repo.refresh()  # the vocabularies are found again: the next form is made for them
    win.open_document(other)
    win.open_document(SAMPLE_DOC)
    widgets = dict(win.editor.form.widgets)
    win.open_document(other)
    assert all(win.editor.form.widgets[key] is widget for key, widget in widgets.items())
    shown = [w for w in win.editor.form.findChildren(ReadOnlyField) if not w.isHidden()]
    assert [w.value() for w in shown if w.field.key == "eigen-veld"] == ["een waarde"]
    _untouched(win, content_repo, other)
    win.open_document(SAMPLE_DOC)
    assert all(win.editor.form.widgets[key] is widget for key, widget in widgets.items())
    assert not [w for w in win.editor.form.findChildren(ReadOnlyField) if w.field.key == "eigen-veld" and w.isVisible()]
    _untouched(win, content_repo, SAMPLE_DOC)


def test_rows_of_fields_the_schema_does_not_know_are_kept_and_named_for_the_next_documents_keys(
        sample_window, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    """The rows below "Overige velden" are kept from one document to the next: given the next one's keys and
    values (its name for screen readers too), hidden where it has fewer; nothing written that was not changed."""
    from PySide6.QtWidgets import QLabel

    from redactie.gui.form import ReadOnlyField

    win = sample_window
    two = _copy(content_repo, "twee_eigen", b"hide:\n", b"eigen-a: waarde a\neigen-b: waarde b\nhide:\n")
    one = _copy(content_repo, "een_eigen", b"hide:\n", b"eigen-c: waarde c\nhide:\n")
    win.repo.refresh()
    win.open_document(two)
    form = win.editor.form

    def shown() -> list[tuple[str, object, str]]:
        return [(w.field.key, w.value(), w.label.accessibleName()) for w in form.findChildren(ReadOnlyField)
                if w.isVisible()]

    def title_shown() -> bool:
        return any(label.isVisible() for label in form.findChildren(QLabel) if "Overige velden" in label.text())

    assert shown() == [("eigen-a", "waarde a", "eigen-a"), ("eigen-b", "waarde b", "eigen-b")] and title_shown()
    rows = set(form.findChildren(ReadOnlyField))
    win.open_document(one)
    assert win.editor.form is form and set(form.findChildren(ReadOnlyField)) == rows  # none made
    assert shown() == [("eigen-c", "waarde c", "eigen-c")] and title_shown()
    assert [label.text() for label in form.findChildren(QLabel) if label.isVisible() and label.text() == "eigen-c"]
    _untouched(win, content_repo, one)
    win.open_document(SAMPLE_DOC)
    assert shown() == [] and not title_shown()
    _untouched(win, content_repo, SAMPLE_DOC)
    win.open_document(two)
    assert shown() == [("eigen-a", "waarde a", "eigen-a"), ("eigen-b", "waarde b", "eigen-b")] and title_shown()
    _untouched(win, content_repo, two)


def test_a_field_whose_value_has_another_shape_gets_its_own_widget_and_the_rest_stay(
        sample_window, content_repo: Path, qtbot) -> None:  # noqa: ANN001
    """Only the row whose value needs another kind of widget is made anew; editing afterwards changes exactly
    that document."""
    from redactie.gui.form import ReadOnlyField

    win = sample_window
    other = _copy(content_repo, "getal_als_titel", b"title: Medewerkers die met AI werken beschikken over voldoende "
                  b"AI-geletterdheid\n", b"title: 12345\n")
    win.repo.refresh()
    win.open_document(other)
    win.open_document(SAMPLE_DOC)
    widgets = dict(win.editor.form.widgets)
    win.open_document(other)
    now = win.editor.form.widgets
    assert isinstance(now["title"], ReadOnlyField) and now["title"] is not widgets["title"]
    assert all(now[key] is widget for key, widget in widgets.items() if key != "title")
    _untouched(win, content_repo, other)
    before = (content_repo / other).read_bytes()
    now["toelichting"].edit.setFocus()
    qtbot.keyClicks(now["toelichting"].edit, "Vooraf ")  # the cursor at the start, as in a new box
    assert win.editor.save()
    assert (content_repo / other).read_bytes() == before.replace(b"toelichting: ", b"toelichting: Vooraf ", 1)


def test_switching_types_refills_the_form_kept_for_each_type(sample_window, content_repo: Path,
                                                             qtbot) -> None:  # noqa: ANN001
    """A vereiste, a maatregel and a vereiste again: the second vereiste is shown in the first one's widgets
    (before: a form made anew at every switch), the window holds only the shown form's fields, and an edit goes
    to the document shown."""
    win = sample_window
    vereiste = dict(win.editor.form.widgets)
    win.open_document(MAATREGEL)
    assert "vereiste" in win.editor.form.widgets and "status_vereiste" not in win.editor.form.widgets
    _untouched(win, content_repo, MAATREGEL)
    other = next(p for p in sorted(win.documents.paths()) if p.startswith("docs/vereisten/") and p != SAMPLE_DOC)
    win.open_document(other)
    assert all(win.editor.form.widgets[key] is widget for key, widget in vereiste.items())
    titles = [w for w in win.findChildren(QLineEdit) if w.accessibleName() == "Titel"]
    assert titles == [win.editor.form.widgets["title"].edit]  # no hidden copy of another type's form
    assert win.editor.form.isVisible() and all(w.isVisible() for w in win.editor.form.widgets.values())
    _untouched(win, content_repo, other)
    before = (content_repo / other).read_bytes()
    title = win.editor.form.widgets["title"].edit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " extra")
    assert win.editor.save()
    after = (content_repo / other).read_bytes()
    assert after.replace(b" extra\n", b"\n", 1) == before and after != before
    assert win.editor.doc is not None and win.editor.doc.fields["title"].endswith(" extra")


def test_a_new_form_is_shown_at_once(sample_window, content_repo: Path) -> None:  # noqa: ANN001
    """A form made for a document is visible when the open returns: it was filled while hidden and shown once
    (before, every widget added to the visible form showed itself in a later event, each laying the whole window
    out again)."""
    win = sample_window
    win.open_document(MAATREGEL)  # a form for another type, made now
    form = win.editor.form
    assert form.isVisible()
    assert all(widget.isVisible() for widget in form.widgets.values())
    assert all(edit.isVisible() for edit in win.editor.form_view.section_editors.values())


def test_section_boxes_are_refilled_and_show_the_next_document_from_its_start(sample_window, content_repo: Path,
                                                                              qtbot) -> None:  # noqa: ANN001
    """The section editors of the last document show the next one's sections: its text from the start, read-only
    where its type does not edit the section, editable (looking editable again) where it does; typing changes
    only the shown document."""
    win = sample_window
    other = _copy(content_repo, "andere_kop", b"## Vereiste\n", b"## Iets anders\n")
    win.repo.refresh()
    editors = list(win.editor.form_view.section_editors.values())
    first = editors[0]
    assert not first.isReadOnly()
    normal = first.palette().color(QPalette.ColorRole.Base)
    cursor = first.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    first.setTextCursor(cursor)
    win.open_document(other)
    now = win.editor.form_view.section_editors
    assert list(now.values()) == editors  # the same editors, refilled
    assert list(now)[0] == "Iets anders" and first.isReadOnly()  # not a section a vereiste edits
    assert first.textCursor().position() == 0 and first.verticalScrollBar().value() == 0
    assert first.palette().color(QPalette.ColorRole.Base) != normal
    assert win.editor.doc is not None
    assert all(edit.original() == win.editor.doc.section(name) for name, edit in now.items())
    _untouched(win, content_repo, other)
    win.open_document(SAMPLE_DOC)
    assert list(win.editor.form_view.section_editors.values()) == editors
    assert not first.isReadOnly() and first.palette().color(QPalette.ColorRole.Base) == normal
    assert first.parentWidget().title() == "Vereiste"
    _untouched(win, content_repo, SAMPLE_DOC)
    before = (content_repo / SAMPLE_DOC).read_bytes()
    first.setFocus()
    qtbot.keyClicks(first, "Let op: ")
    assert win.editor.save()
    assert (content_repo / SAMPLE_DOC).read_bytes() == before.replace(b"## Vereiste\n", b"## Vereiste\nLet op: ",
                                                                        1)
    assert b"Let op" not in (content_repo / other).read_bytes()


def test_no_worker_starts_in_the_opens_own_turn(sample_window, qtbot) -> None:  # noqa: ANN001
    """The preview's macros and render start in the next turn: a worker started during the open competes with the
    open's own layout and painting for the interpreter and stalls the window; the preview still follows."""
    win = sample_window
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=20000)
    other = next(p for p in sorted(win.documents.paths()) if p != SAMPLE_DOC)
    with qtbot.waitSignal(win.preview.rendered, timeout=20000):
        win.open_document(other)
        assert not win.runner.busy
    title = win.editor.doc.fields["title"] if win.editor.doc is not None else ""
    qtbot.waitUntil(lambda: str(title)[:20] in win.preview.toPlainText(), timeout=20000)


def test_a_newly_opened_document_is_previewed_once_with_its_own_macros(sample_window, qtbot) -> None:  # noqa: ANN001
    """The preview of the next document waits for its macros and renders once (before: once at once, with the
    last document's macros, and again when its own came)."""
    win = sample_window
    qtbot.waitUntil(lambda: win.preview._rendered_once and not win.runner.busy, timeout=20000)
    pages: list[str] = []
    win.preview.rendered.connect(lambda: pages.append(win.preview.toPlainText()))
    win.open_document(MAATREGEL)
    qtbot.waitUntil(lambda: bool(pages), timeout=20000)
    assert "Vereisten bij deze maatregel" in pages[0] and "ongerechtvaardigd onderscheid" in pages[0]
    qtbot.waitUntil(lambda: not win.runner.busy and not win.preview._timer.isActive(), timeout=20000)
    assert len(pages) == 1


def test_a_closed_window_leaves_no_kept_form_behind(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """The forms kept for other document types live outside the window's widget tree; they go with the window
    (before this was seen to, every closed window left them alive as hidden top-level widgets)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from redactie.gui.form import FieldForm
    from redactie.gui.main_window import MainWindow

    def use_and_close() -> None:
        win = MainWindow("nl")
        assert win.load_repository(content_repo)
        win.show()
        qtbot.waitUntil(lambda: win.documents.ready)
        for relpath in (SAMPLE_DOC, MAATREGEL, "docs/vereisten/verwerkingsregister.md"):
            win.open_document(relpath)
        assert any(isinstance(w, FieldForm) for w in QApplication.topLevelWidgets())  # the maatregel's, kept
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=20000)
        win.close()
        win.deleteLater()

    use_and_close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, FieldForm)]


def test_the_font_size_applies_to_the_kept_section_editors(sample_window) -> None:  # noqa: ANN001
    """A font size set and then set back to the system's holds for the next document too, whose sections are
    shown in the same editors."""
    win = sample_window
    view = win.editor.form_view
    normal = next(iter(view.section_editors.values())).font().pointSize()
    view.set_font_size(normal + 7)
    assert {edit.font().pointSize() for edit in view.section_editors.values()} == {normal + 7}
    view.set_font_size(0)
    other = next(p for p in sorted(win.documents.paths()) if p.startswith("docs/vereisten/") and p != SAMPLE_DOC)
    win.open_document(other)
    assert {edit.font().pointSize() for edit in view.section_editors.values()} == {normal}
    view.set_font_size(normal + 3)
    win.open_document(SAMPLE_DOC)
    assert {edit.font().pointSize() for edit in view.section_editors.values()} == {normal + 3}


def test_the_spelling_process_is_asked_about_an_opened_document_off_the_gui_thread(sample_window,
                                                                                   qtbot) -> None:  # noqa: ANN001
    """Every line of a newly opened document goes to the spelling process from a worker; the editors' colouring
    on the GUI thread then finds the answers kept (before, each line waited there for the process, and a busy
    machine made that wait a stall)."""
    import threading

    from redactie.spelling.worker import RemoteSpeller

    win = sample_window
    qtbot.waitUntil(lambda: win.editor.form_view.speller is not None and not win.runner.busy, timeout=30000)
    speller = win.editor.form_view.speller
    assert isinstance(speller, RemoteSpeller)
    asked = _threads_asking(speller)
    other = next(p for p in sorted(win.documents.paths()) if p.startswith("docs/maatregelen/"))
    win.open_document(other)
    editors = list(win.editor.form_view.section_editors.values())
    qtbot.waitUntil(lambda: all(edit.highlighter.speller is speller for edit in editors) and not win.runner.busy,
                    timeout=30000)
    assert asked and threading.main_thread().name not in asked


def test_a_document_opened_while_the_last_ones_underlines_are_still_coming_waits_for_its_own(sample_window,
                                                                                             qtbot) -> None:  # noqa: ANN001
    """The last document's editors get their underlines one per turn; a document opened meanwhile must not have its
    editors coloured by that queue before the spelling process was asked about them in the background (the
    window then waited for the process, line by line: the longest stalls while documents opened)."""
    import threading

    from redactie.spelling.worker import RemoteSpeller

    win = sample_window
    view = win.editor.form_view
    qtbot.waitUntil(lambda: view.speller is not None and not win.runner.busy, timeout=30000)
    speller = view.speller
    assert isinstance(speller, RemoteSpeller)
    maatregelen = [p for p in sorted(win.documents.paths()) if p.startswith("docs/maatregelen/")]
    first, second = maatregelen[0], maatregelen[1]
    win.open_document(first)
    assert len(view.section_editors) > 1
    qtbot.waitUntil(lambda: not win.runner.busy and not view._spell_queue, timeout=30000)  # noqa: SLF001
    left_over = view._spell_round  # noqa: SLF001 - the round a timer of the first document's colouring carries
    asked = _threads_asking(speller)
    speller._lines.clear()  # noqa: SLF001 - nothing known: any colouring before the background asked would ask
    win.open_document(second)
    view._spell_next(left_over)  # noqa: SLF001 - a timer of the first document's colouring, firing now
    editors = list(view.section_editors.values())
    assert not any(edit.highlighter.speller is speller for edit in editors)
    qtbot.waitUntil(lambda: all(edit.highlighter.speller is speller for edit in editors) and not win.runner.busy,
                    timeout=30000)
    assert asked and threading.main_thread().name not in asked


def test_forms_and_section_boxes_are_made_ahead_while_the_window_is_idle(sample_window, qtbot) -> None:  # noqa: ANN001
    """Once the list is there and nothing opens, a form for every document type and spare section boxes are made
    ahead, one per turn: the first document of another type, or with more sections, then makes no widget."""
    from redactie.gui.form import FieldForm
    from redactie.gui.form_sections import SPARE_BOXES, SectionBox

    win = sample_window
    view = win.editor.form_view
    types = len(win.repo.schema.types)
    qtbot.waitUntil(lambda: len(view._sections.boxes) == SPARE_BOXES, timeout=30000)  # noqa: SLF001
    forms = set(view._forms.values())  # noqa: SLF001
    assert len(forms) >= types
    boxes = set(view._sections.boxes)  # noqa: SLF001
    made: list[object] = []
    original_form, original_box = FieldForm.__init__, SectionBox.__init__

    def form_init(self, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        made.append(self)
        original_form(self, *args, **kwargs)

    def box_init(self, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        made.append(self)
        original_box(self, *args, **kwargs)

    FieldForm.__init__, SectionBox.__init__ = form_init, box_init
    try:
        win.open_document(MAATREGEL)
        assert win.editor.form in forms and win.editor.form.isVisible()
        win.open_document(SAMPLE_DOC)
        assert win.editor.form in forms
    finally:
        FieldForm.__init__, SectionBox.__init__ = original_form, original_box
    assert made == []
    assert set(view._sections.boxes) == boxes  # noqa: SLF001
    shown = [box for box in boxes if box.isVisible()]
    assert len(shown) == len(view.section_editors) and all(box.edit in view.section_editors.values() for box in shown)


def test_a_long_section_heading_never_makes_the_form_wider_than_its_pane(sample_window, content_repo: Path,
                                                                         qtbot) -> None:  # noqa: ANN001
    """A group box is as wide as its title and a title never wraps: one long heading made the whole form wider
    than its pane (a sideways scroll bar, every field cut at the right). The box shows its title shortened in
    the middle, its end kept; the whole title stays its title, its tooltip and its name for screen readers."""
    win = sample_window
    heading = "Relatie tot het toetsingskader risicoprofilering van het College voor de Rechten van de Mens"
    data = (content_repo / SAMPLE_DOC).read_bytes() + f"\n## {heading}\n\nTekst.\n".encode()
    (content_repo / "docs/vereisten/lange_kop.md").write_bytes(data)
    win.resize(1200, 700)
    win.open_document("docs/vereisten/lange_kop.md")
    view = win.editor.form_view
    qtbot.waitUntil(lambda: heading in view.section_editors, timeout=10000)
    box = view.section_editors[heading].parentWidget()
    qtbot.waitUntil(lambda: box.width() > 0 and not view.horizontalScrollBar().isVisible(), timeout=10000)
    assert view.widget().width() <= view.viewport().width()
    full = box.title()
    assert full.startswith(heading) and box.accessibleName() == full and box.toolTip() == full
    shown = super(type(box), box).title()
    assert "…" in shown and shown.endswith(full[-12:]) and box.fontMetrics().horizontalAdvance(shown) < box.width()
    _untouched(win, content_repo, "docs/vereisten/lange_kop.md")


def test_a_speller_that_arrives_while_a_document_is_open_is_asked_in_the_background(sample_window,
                                                                                    qtbot) -> None:  # noqa: ANN001
    """The spelling process is ready seconds after the window (it learns the repository's words first): the open
    document's lines then go to it from a worker, and its editors are coloured from the kept answers; coloured
    at once, each line waited on the GUI thread for the process."""
    import threading

    from redactie.spelling.worker import RemoteSpeller

    win = sample_window
    view = win.editor.form_view
    qtbot.waitUntil(lambda: view.speller is not None and not win.runner.busy, timeout=30000)
    speller = view.speller
    assert isinstance(speller, RemoteSpeller)
    asked = _threads_asking(speller)
    speller._lines.clear()  # noqa: SLF001 - nothing known yet, as from a process just started
    view.set_speller(speller)
    editors = list(view.section_editors.values())
    qtbot.waitUntil(lambda: all(edit.highlighter.speller is speller for edit in editors) and not win.runner.busy,
                    timeout=30000)
    assert asked and threading.main_thread().name not in asked
    assert speller.alive  # the same speller given again is not ended
