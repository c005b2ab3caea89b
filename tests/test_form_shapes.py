"""Typing into the form never changes a value's YAML type: every field of every corpus document, edited for real."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from redactie.document import Document
from redactie.gui.form import (
    ChoiceField,
    FieldForm,
    ListField,
    MultiChoiceField,
    ReadOnlyField,
    TextField,
    make_field,
)
from redactie.repository import ContentRepository
from redactie.schema import FieldDef, Text, Vocabulary
from redactie.schema.select import select_schema

from .conftest import CORPUS

SNAPSHOTS = ["algoritmekader-2024", "algoritmekader-2026"]


def _type_name(value: Any) -> str:
    if isinstance(value, list):
        return "list[" + ",".join(sorted({type(v).__name__ for v in value if v is not None})) + "]"
    return type(value).__name__


def _type_after(before: Any, after: Any) -> bool:
    """True when `after` has the YAML type of `before` (an absent or empty value may become anything)."""
    if before is None:
        return True
    if isinstance(before, list):
        kinds = {type(v) for v in before if v is not None}
        return isinstance(after, list) and all(v is None or type(v) in (kinds or {str}) for v in after)
    return type(after) is type(before)


def _type_into(qtbot, widget: Any) -> None:  # noqa: ANN001
    """Edit the widget as a user would: one keystroke, one pick, one tick."""
    if isinstance(widget, TextField):
        if isinstance(widget.edit, QLineEdit):
            qtbot.keyClicks(widget.edit, "x")
        else:
            widget.edit.moveCursor(widget.edit.textCursor().MoveOperation.End)
            qtbot.keyClicks(widget.edit, "x")
    elif isinstance(widget, ListField):
        widget.edit.moveCursor(widget.edit.textCursor().MoveOperation.End)
        qtbot.keyClicks(widget.edit, "x")
    elif isinstance(widget, ChoiceField):
        widget.combo.setCurrentIndex(widget.combo.count() - 1)
        widget.combo.activated.emit(widget.combo.currentIndex())
    elif isinstance(widget, MultiChoiceField):
        model, role = widget.model, Qt.ItemDataRole.CheckStateRole
        items = [model.index(row) for row in range(model.rowCount())]

        def state(index):  # noqa: ANN001, ANN202
            return Qt.CheckState(model.data(index, role))

        unchecked = [i for i in items if state(i) != Qt.CheckState.Checked]
        if isinstance(widget.value(), list) and unchecked:
            model.setData(unchecked[0], Qt.CheckState.Checked, role)
        elif items:  # a single text value stays text: untick and tick it again
            checked = [i for i in items if state(i) == Qt.CheckState.Checked] or items[:1]
            model.setData(checked[0], Qt.CheckState.Unchecked, role)
            model.setData(checked[0], Qt.CheckState.Checked, role)


@pytest.mark.parametrize("schema", ["recognised", "inferred", "all-text"])
@pytest.mark.parametrize("snapshot", SNAPSHOTS)
def test_typing_in_every_field_of_every_document_keeps_its_yaml_type(qtbot, snapshot: str,  # noqa: ANN001
                                                                      schema: str) -> None:
    """The recognised format, the inferred schema, and a schema that calls every field text (as a hand-written
    schema may): whatever widget a field gets, typing into it keeps the value's YAML type."""
    root = CORPUS / snapshot
    if not root.is_dir():
        pytest.skip(f"corpus snapshot {snapshot} not present at {root}")
    repo = ContentRepository(root, select_schema(root, "inferred" if schema == "inferred" else "auto"))
    if schema == "all-text":
        repo.schema.fields = {name: replace(f, kind="text") for name, f in repo.schema.fields.items()}
    vocabularies = repo.vocabularies()
    form = FieldForm()
    qtbot.addWidget(form)
    checked, changed = 0, []
    for ref in repo.documents:
        data = (root / ref.path).read_bytes()
        doc = Document.parse(data)
        values = dict(doc.fields)
        assert ref.doc_type is not None
        form.build(repo.schema.fields_of(ref.doc_type), values, "nl", vocabularies)
        for key, widget in list(form.widgets.items()):
            before = values.get(key)
            _type_into(qtbot, widget)
            after = widget.value()
            edited = Document.parse(data)
            edited.set_field(key, after)
            stored = Document.parse(edited.dump()).fields.get(key)
            checked += 1
            if not _type_after(before, stored):
                changed.append(f"{ref.path}: {key}: {_type_name(before)} -> {_type_name(stored)} ({stored!r:.60})")
    assert checked >= 4 * len(repo.documents), checked
    assert not changed, "\n".join(changed[:20])


def test_hide_list_in_a_text_field_stays_a_list(qtbot) -> None:  # noqa: ANN001
    """The reported case: `hide: [navigation]` shown in a text field became the text "['navigation']x"."""
    field = FieldDef("hide", "text", Text("Weergave", "Display"), Text("", ""))
    widget = make_field(field, "nl", {}, ["navigation"])
    qtbot.addWidget(widget)
    widget.set_value(["navigation"])
    assert isinstance(widget, ListField)
    widget.edit.moveCursor(widget.edit.textCursor().MoveOperation.End)
    qtbot.keyClick(widget.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(widget.edit, "toc")
    assert widget.value() == ["navigation", "toc"]


@pytest.mark.parametrize("value", [{"ADR": ["a"], "ARK": ["b"]}, [{"impactvol": "Ja"}], 2024, True])
def test_a_value_of_another_shape_is_read_only_with_a_remark(qtbot, value: Any) -> None:  # noqa: ANN001
    field = FieldDef("x", "text", Text("Veld", "Field"), Text("", ""))
    widget = make_field(field, "nl", {}, value)
    qtbot.addWidget(widget)
    widget.set_value(value)
    assert isinstance(widget, ReadOnlyField) and widget.remark.text() and widget.value() == value


def test_multichoice_keeps_the_file_s_own_items(qtbot) -> None:  # noqa: ANN001
    field = FieldDef("levenscyclus", "multichoice", Text("Fases", "Phases"), Text("", ""), vocabulary="v")
    vocabulary = Vocabulary("v", {"ontwerp": Text("Ontwerp", "Design"), "ontwikkelen": Text("Ontw", "Dev")})
    widget = make_field(field, "nl", {"v": vocabulary}, "ontwerp")
    qtbot.addWidget(widget)
    widget.set_value("ontwerp")
    widget.check("ontwerp", False)
    widget.check("ontwerp", True)
    assert widget.value() == "ontwerp"  # a single text value stays text
    widget.set_value(["ontwerp"])
    widget.check("ontwikkelen")
    assert widget.value() == ["ontwerp", "ontwikkelen"]


def test_choice_with_several_values_gets_a_list_widget(qtbot) -> None:  # noqa: ANN001
    field = FieldDef("status", "choice", Text("Status", "Status"), Text("", ""), vocabulary="v")
    vocabulary = Vocabulary("v", {"geldend": Text("Geldend", "In force")})
    widget = make_field(field, "nl", {"v": vocabulary}, ["geldend", "nog-niet-geldend"])
    qtbot.addWidget(widget)
    assert isinstance(widget, MultiChoiceField)


