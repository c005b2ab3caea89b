"""The front-matter form, generated from the schema: one widget per field kind."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, overload

import shiboken6
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..schema import FieldDef, Text, Vocabulary
from ..schema.example import example_for
from ..validation import Finding
from ..validation.suggest import suggest
from .faithful_edit import FaithfulEdit


def _colour(label: QLabel, colour: str) -> None:
    """Text in a colour through the label's palette: a style sheet per label makes every form build and paint
    slower."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


class FieldWidget(QWidget):
    """A field editor: `value()` gives the plain value, `changed` fires on every user edit."""

    changed = Signal()

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.language = language
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        _colour(self.message, "#b00020")
        self.message.hide()
        self.setToolTip(field.help.get(language) or field.label.get(language))

    def show_findings(self, findings: list[Finding]) -> None:
        """Show validation messages for this field next to it."""
        text = "\n".join(f.message(self.language) for f in findings)
        if text == self.message.text() and self.message.isHidden() == (not text):
            return  # unchanged: a label given its text again lays the whole form out again
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def value(self) -> Any:
        """The field's value as the user set it."""
        raise NotImplementedError

    def fits(self, value: Any) -> bool:
        """True when this widget can show and edit `value` without changing its YAML type."""
        return shape_of(value) in self.shapes

    shapes: tuple[str, ...] = ("empty", "text")

    def set_value(self, value: Any) -> None:
        """Show `value` without emitting `changed`."""
        raise NotImplementedError

    def refill(self, value: Any) -> None:
        """Show another document's value as if this widget were new (nothing of the last one's view stays)."""
        self.set_value(value)


def _show_start(edit: FaithfulEdit) -> None:
    """Put the cursor and the view at the start of the text, as a new box has them."""
    cursor = edit.textCursor()
    cursor.setPosition(0)
    edit.setTextCursor(cursor)
    edit.verticalScrollBar().setValue(0)
    edit.horizontalScrollBar().setValue(0)


class StartShowingLineEdit(QLineEdit):
    """A one-line box that shows the start of its text again when the focus moves on (Tab selects all and puts
    the cursor at the end, which left a long title showing its end, cut off at the start)."""

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        """Back to the start, unless a menu or another window took the focus for a moment."""
        super().focusOutEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            self.setCursorPosition(0)


class TextField(FieldWidget):
    """Single-line or growing multi-line text, with a word count against its limit."""

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        multi = field.kind == "multiline"
        self.edit: QLineEdit | FaithfulEdit = FaithfulEdit(self) if multi else StartShowingLineEdit(self)
        self.edit.setAccessibleName(field.label.get(language))
        self.edit.setToolTip(field.help.get(language) or field.label.get(language))
        if multi:
            self.edit.setTabChangesFocus(True)  # Tab goes to the next field: a tab character has no place here
            self.edit.setMaximumHeight(90)
            self.edit.edited.connect(self._changed)
        else:
            self.edit.textEdited.connect(self._changed)
        if field.kind == "identifier" and field.pattern:  # an example an editor can read, never the pattern itself
            example = example_for(field.pattern)
            if example:
                self.edit.setPlaceholderText(self.tr("bijvoorbeeld %1").replace("%1", example))
            self.edit.setToolTip(self.edit.toolTip() + "\n" + (
                self.tr("Deze code heeft een vaste vorm, zoals %1.").replace("%1", example) if example else
                self.tr("Deze code heeft een vaste vorm; past een waarde daar niet in, dan staat onder het veld "
                        "wat er niet klopt.")))
        self.count = QLabel(self)
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.count)
        self.layout_.addWidget(self.message)
        self.count.setVisible(bool(field.max_words))
        self._loading = False

    def _changed(self) -> None:
        self._update_count()
        if not self._loading:
            self.changed.emit()

    def _update_count(self) -> None:
        if self.field.max_words:
            words = len(self.value().split())
            self.count.setText(self.tr("%1 van %2 woorden").replace("%1", str(words)).replace(
                "%2", str(self.field.max_words)))

    def value(self) -> str:
        return self.edit.original() if isinstance(self.edit, FaithfulEdit) else self.edit.text()

    def set_value(self, value: Any) -> None:
        self._loading = True
        text = "" if value is None else str(value)
        if isinstance(self.edit, FaithfulEdit):
            self.edit.set_original(text)
        else:
            self.edit.setText(text)
            self.edit.setCursorPosition(0)  # a long title shows its start, not its end
        self._loading = False
        self._update_count()

    def refill(self, value: Any) -> None:
        """Another document's text, shown from its start (the last document's cursor and scroll do not stay)."""
        self.set_value(value)
        if isinstance(self.edit, FaithfulEdit):
            _show_start(self.edit)


class ListField(FieldWidget):
    """A list of free texts, one item per line: a list stays a list whatever is typed."""

    shapes = ("empty", "list")

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        self.edit = FaithfulEdit(self)
        self.edit.setAccessibleName(field.label.get(language))
        self.edit.setToolTip((field.help.get(language) or field.label.get(language)) + "\n"
                             + self.tr("Eén waarde per regel"))
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(110)
        self.edit.edited.connect(self._changed)
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.message)
        self._loading = False

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def value(self) -> list[str]:
        return [line.strip() for line in self.edit.original().split("\n") if line.strip()]

    def set_value(self, value: Any) -> None:
        self._loading = True
        items = value if isinstance(value, list) else []
        self.edit.set_original("\n".join("" if v is None else str(v) for v in items))
        self._loading = False

    def refill(self, value: Any) -> None:
        """Another document's items, shown from the first (the last document's cursor and scroll do not stay)."""
        self.set_value(value)
        _show_start(self.edit)


class ChoiceField(FieldWidget):
    """A dropdown for a single choice; a value outside the vocabulary is shown, flagged and fixable."""

    shapes = ("empty", "text", "list-of-one")

    def __init__(self, field: FieldDef, language: str, vocabulary: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        self.vocabulary = vocabulary
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(field.label.get(language))
        self.combo.setToolTip(field.help.get(language) or field.label.get(language))
        self.combo.activated.connect(lambda _i: self.changed.emit())
        self.fix = QPushButton(self)
        self.fix.setAccessibleName(self.tr("Voorgestelde waarde gebruiken"))
        self.fix.hide()
        self.fix.clicked.connect(self._apply_fix)
        self.layout_.addWidget(self.combo)
        self.layout_.addWidget(self.fix)
        self.layout_.addWidget(self.message)
        self._as_list = field.store == "list"
        self._suggestion: str | None = None

    def value(self) -> Any:
        data = self.combo.currentData()
        if data in (None, ""):
            return [] if self._as_list else None
        return [data] if self._as_list else data

    def set_value(self, value: Any) -> None:
        if self.field.store == "auto":
            self._as_list = isinstance(value, list)
        current = value[0] if isinstance(value, list) and value else (None if isinstance(value, list) else value)
        self.combo.clear()
        self.combo.addItem(self.tr("(geen keuze)"), "")
        for key in self.vocabulary.values:
            self.combo.addItem(self.vocabulary.label(key, self.language), key)
        if current not in (None, "") and str(current) not in self.vocabulary.values:
            self.combo.addItem(self.tr("%1 (niet toegestaan)").replace("%1", str(current)), str(current))
            self._suggestion = suggest(str(current), list(self.vocabulary.values))
        else:
            self._suggestion = None
        index = self.combo.findData("" if current is None else str(current))
        self.combo.setCurrentIndex(max(index, 0))
        self.fix.setVisible(self._suggestion is not None)
        if self._suggestion:
            self.fix.setText(self.tr("Vervangen door '%1'").replace("%1", self._suggestion))

    def _apply_fix(self) -> None:
        if self._suggestion is not None:
            self.combo.setCurrentIndex(self.combo.findData(self._suggestion))
            self.fix.hide()
            self.changed.emit()


class _ChoiceModel(QAbstractListModel):
    """The values of a vocabulary as checkable rows, without an item object per value.

    A relation can offer thousands of documents: only the rows the view shows are ever drawn, and
    filtering keeps a list of row numbers instead of hiding widgets one by one.
    """

    toggled = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys: list[str] = []
        self.labels: Sequence[str] = []
        self.checked: set[str] = set()
        self._rows: list[int] = []
        self._needle = ""

    def fill(self, keys: list[str], labels: Sequence[str], checked: set[str]) -> None:
        self.beginResetModel()
        self.keys, self.labels, self.checked = keys, labels, checked
        self._rows = self._matching()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._needle = text.lower()
        self._rows = self._matching()
        self.endResetModel()

    def _matching(self) -> list[int]:
        needle = self._needle
        if not needle:  # every row (a vocabulary of documents may hold thousands)
            return list(range(len(self.labels)))
        return [n for n, label in enumerate(self.labels) if needle in label.lower()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Rows shown (after the filter)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Label, check state and key of a row."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        n = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.labels[n]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.keys[n] in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return self.keys[n]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Every row can be checked."""
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Check or uncheck a row (the view calls this for a click or the space bar)."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value.value if hasattr(value, "value") else value
        self.set_checked(self.keys[self._rows[index.row()]], state == Qt.CheckState.Checked.value)
        return True

    def set_checked(self, key: str, checked: bool) -> None:
        if (key in self.checked) == checked or key not in self.keys:
            return
        (self.checked.add if checked else self.checked.discard)(key)
        n = self.keys.index(key)
        if n in self._rows:
            row = self.index(self._rows.index(n))
            self.dataChanged.emit(row, row, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(key, checked)


class _Labels(Sequence[str]):
    """A vocabulary's labels in its order, each made when first asked for: a vocabulary of documents may hold
    thousands, and a list view asks only for the rows it shows (a filter asks for all, once)."""

    def __init__(self, keys: list[str], values: Mapping[str, Any], language: str,
                 outside: Mapping[str, str] | None = None) -> None:
        self.keys, self.values, self.language = keys, values, language
        self.outside = outside or {}  # labels of keys the vocabulary does not hold
        self._made: list[str | None] = [None] * len(keys)

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, n: int) -> str: ...

    @overload
    def __getitem__(self, n: slice) -> list[str]: ...

    def __getitem__(self, n: int | slice) -> str | list[str]:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        label = self._made[n]
        if label is None:
            key = self.keys[n]
            text = self.values.get(key)
            label = self._made[n] = self.outside.get(key) or (text.get(self.language) if text else key)
        return label


_ROWS: dict[tuple[int, str], tuple[Mapping[str, Any], list[str], _Labels]] = {}


def _rows_of(values: Mapping[str, Any], language: str) -> tuple[list[str], _Labels]:
    """A vocabulary's keys and labels in its order, kept per vocabulary and language (a vocabulary of documents may
    hold thousands, and every open of a document shows it again). Callers never change them."""
    found = _ROWS.get((id(values), language))
    if found is None or found[0] is not values:
        if len(_ROWS) > 32:  # vocabularies are resolved anew when files change: the old ones go
            _ROWS.clear()
        keys = list(values)
        found = _ROWS[(id(values), language)] = (values, keys, _Labels(keys, values, language))
    return found[1], found[2]


class MultiChoiceField(FieldWidget):
    """A checkable list with type-ahead filter; values outside the vocabulary stay visible and flagged."""

    def __init__(self, field: FieldDef, language: str, vocabulary: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        self.vocabulary = vocabulary
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Typ om te zoeken"))
        self.filter.setAccessibleName(self.tr("Zoeken in %1").replace("%1", field.label.get(language)))
        self.filter.setToolTip(self.tr("Typ een deel van een waarde om de lijst korter te maken"))
        self.model = _ChoiceModel(self)
        self.model.toggled.connect(self._toggled)
        self.filter.textChanged.connect(self.model.set_filter)
        self.list = QListView(self)
        self.list.setUniformItemSizes(True)
        # laid out a hundred rows per turn of the event loop: a relation may offer thousands of documents
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.list.setModel(self.model)
        self.list.setAccessibleName(field.label.get(language))
        self.list.setToolTip(field.help.get(language) or field.label.get(language))
        self.list.setMaximumHeight(140)
        self.layout_.addWidget(self.filter)
        self.layout_.addWidget(self.list)
        self.layout_.addWidget(self.message)
        self._order: list[str] = []
        self._originals: dict[str, Any] = {}  # key -> the value as the file has it (never retyped)
        self._scalar = False
        self._loading = False

    shapes = ("empty", "text", "list", "list-of-one")

    def _toggled(self, key: str, checked: bool) -> None:
        if self._loading:
            return
        if checked and key not in self._order:
            self._order.append(key)
        elif not checked and key in self._order:
            self._order.remove(key)
        self.changed.emit()

    def value(self) -> Any:
        items = [self._originals.get(key, key) for key in self._order]
        if self._scalar and len(items) == 1:
            return items[0]
        return items

    def set_value(self, value: Any) -> None:
        self._loading = True
        self._scalar = isinstance(value, str)
        values = [value] if isinstance(value, str) else [v for v in (value or []) if v is not None]
        self._order = [str(v) for v in values]
        self._originals = {str(v): v for v in values}
        allowed = self.vocabulary.values
        keys, labels = _rows_of(allowed, self.language)
        extra = [v for v in dict.fromkeys(self._order) if v not in allowed]
        if extra:
            outside = self.tr("%1 (niet toegestaan)")
            keys = keys + extra
            labels = _Labels(keys, allowed, self.language, {key: outside.replace("%1", key) for key in extra})
        self.model.fill(keys, labels, set(self._order))
        self._loading = False

    def refill(self, value: Any) -> None:
        """Another document's value, with the whole list shown from its top (a filter typed for the last
        document does not apply to this one)."""
        self.filter.clear()
        self.set_value(value)
        self.list.scrollToTop()

    def labels(self) -> list[str]:
        """The labels of the rows shown."""
        return [self.model.data(self.model.index(row)) for row in range(self.model.rowCount())]

    def check(self, key: str, checked: bool = True) -> None:
        """Check or uncheck a value as a user would."""
        self.model.set_checked(key, checked)


class ReadOnlyField(FieldWidget):
    """A value shown but not editable (read-only fields, fields the schema does not know, values of a shape
    the schema's widget cannot edit without changing it); `remark` says why."""

    shapes = ("empty", "text", "list", "list-of-one", "mapping", "nested", "other")

    def __init__(self, field: FieldDef, language: str, parent: QWidget | None = None, remark: str = "") -> None:
        super().__init__(field, language, parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(field.label.get(language))
        self.label.setToolTip(field.help.get(language) or field.label.get(language))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.label)
        self.remark = QLabel(remark, self)
        self.remark.setWordWrap(True)
        self.remark.setAccessibleName(self.tr("Toelichting bij %1").replace("%1", field.label.get(language)))
        self.remark.setToolTip(self.tr("Waarom dit veld hier niet bewerkt kan worden"))
        _colour(self.remark, "#555555")
        font = self.remark.font()
        font.setItalic(True)
        self.remark.setFont(font)
        self.remark.setVisible(bool(remark))
        self.layout_.addWidget(self.remark)
        self.layout_.addWidget(self.message)
        self._value: Any = None

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self.label.setText(_display(value))

    def show_field(self, field: FieldDef) -> None:
        """Show another field's value in this widget (a row of the form kept for the next document)."""
        self.field = field
        name, help_ = field.label.get(self.language), field.help.get(self.language) or field.label.get(self.language)
        self.setToolTip(help_)
        self.label.setAccessibleName(name)
        self.label.setToolTip(help_)
        self.remark.setAccessibleName(self.tr("Toelichting bij %1").replace("%1", name))


def _other_field(key: str) -> FieldDef:
    """The read-only field that shows a key the schema does not know."""
    return FieldDef(key, "readonly", Text(key, key), Text("", ""))


def _display(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_display(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_display(v) for v in value)
    return "" if value is None else str(value)


def shape_of(value: Any) -> str:
    """The YAML shape of a value as the form sees it: empty, text, list, list-of-one, mapping, nested, other."""
    if value is None or value == "":
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        if any(isinstance(v, (list, dict)) for v in value):
            return "nested"
        if not all(v is None or isinstance(v, str) for v in value):
            return "other"
        return "list-of-one" if len([v for v in value if v is not None]) <= 1 else "list"
    return "other"  # numbers, booleans, dates: typing would turn them into text


def _remark(widget: QWidget, value: Any) -> str:
    shape = shape_of(value)
    if shape in ("mapping", "nested"):
        return widget.tr("Deze waarde is een samengestelde lijst; pas haar aan op het tabblad Tekst, zodat haar vorm "
                         "niet verandert")
    if shape == "other":
        return widget.tr("Deze waarde is geen tekst (bijvoorbeeld een getal, datum of ja/nee); pas haar aan op het "
                         "tabblad Tekst, zodat haar soort niet verandert")
    return widget.tr("Deze waarde heeft een vorm die dit veld niet verwacht; pas haar aan op het tabblad Tekst")


def make_field(field: FieldDef, language: str, vocabularies: dict[str, Vocabulary], value: Any = None) -> FieldWidget:
    """The widget for a field of any kind that can edit `value` in its own shape (else read-only, with a remark)."""
    widget = _widget_for_kind(field, language, vocabularies, value)
    if not widget.fits(value) or (field.kind == "list" and shape_of(value) == "text"):
        if field.kind not in ("readonly", "hidden") and shape_of(value) in ("list", "list-of-one"):
            if isinstance(widget, ChoiceField):
                return MultiChoiceField(field, language, widget.vocabulary)
            return ListField(field, language)
        if field.kind == "list" and shape_of(value) == "text":
            return TextField(field, language)
        widget.deleteLater()
        return ReadOnlyField(field, language, remark=_remark(widget, value))
    return widget


def field_plan(field: FieldDef, value: Any) -> tuple[type[FieldWidget], str]:
    """The class of the widget `make_field` makes for `value` (the same vocabularies given), and for a read-only
    one what its remark is about: two values with the same plan are shown by the same kind of widget."""
    shape = shape_of(value)
    if field.kind in ("choice", "multichoice", "relation") and (field.vocabulary or field.target):
        kind: type[FieldWidget] = ChoiceField if field.kind == "choice" and shape != "list" else MultiChoiceField
    elif field.kind in ("text", "multiline", "identifier"):
        kind = TextField
    else:
        kind = ListField if field.kind == "list" else ReadOnlyField
    if shape not in kind.shapes or (field.kind == "list" and shape == "text"):
        if field.kind not in ("readonly", "hidden") and shape in ("list", "list-of-one"):
            return (MultiChoiceField if kind is ChoiceField else ListField), ""
        if field.kind == "list" and shape == "text":
            return TextField, ""
        return ReadOnlyField, {"mapping": "compound", "nested": "compound", "other": "other"}.get(shape, "shape")
    return kind, ""


def _widget_for_kind(field: FieldDef, language: str, vocabularies: dict[str, Vocabulary], value: Any) -> FieldWidget:
    if field.kind in ("choice", "multichoice", "relation") and (field.vocabulary or field.target):
        name = field.vocabulary or next((v.name for v in vocabularies.values()
                                         if v.source == f"documents:{field.target}"), "")
        vocabulary = vocabularies.get(name, Vocabulary(name))
        if field.kind == "choice" and shape_of(value) != "list":
            return ChoiceField(field, language, vocabulary)
        return MultiChoiceField(field, language, vocabulary)
    if field.kind in ("text", "multiline", "identifier"):
        return TextField(field, language)
    if field.kind == "list":
        return ListField(field, language)
    return ReadOnlyField(field, language)


class FieldForm(QWidget):
    """All fields of one document type, plus the fields the schema does not know ("Overige velden")."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.widgets: dict[str, FieldWidget] = {}
        self.elsewhere: QLabel | None = None
        self.language = "nl"
        # what the rows were made for: the fields, language and vocabularies; and per field its `field_plan`
        self._made_for: tuple[list[FieldDef], str, dict[str, Vocabulary]] | None = None
        self._plans: dict[str, object] = {}
        self._fields: dict[str, FieldDef] = {}
        self._others_title: QLabel | None = None  # "Overige velden", made with its first row
        self._other_rows: list[tuple[QLabel, ReadOnlyField]] = []  # below it: shown ones first, then hidden ones
        self._others_at = 0  # the form's row where "Overige velden" starts
        self._adding = False  # hidden while rows are added (`_hide_while_adding`)
        self._focus: QWidget | None = None  # the form's widget that had the keyboard then

    def build(self, fields: list[FieldDef], values: dict[str, Any], language: str,
              vocabularies: dict[str, Vocabulary]) -> bool:
        """Show a document's values; True when new widgets were made, False when the form's own were refilled.

        A field whose value the same kind of widget shows as for the last document (`field_plan`) keeps its
        widget, refilled; only the rows that differ are made again (and the fields the schema does not know,
        below "Overige velden"): making, showing and laying out the whole form again was most of what an open
        held the window for.
        """
        self._adding = False
        try:
            if not self.fits(fields, language, vocabularies):
                self._make(fields, values, language, vocabularies)
                return True
            made = False
            for key, widget in list(self.widgets.items()):
                value = values.get(key)
                plan = field_plan(self._fields[key], value)
                if plan == self._plans[key]:
                    widget.refill(value)
                else:
                    self._replace(key, value, vocabularies)
                    made = True
            return self._show_others(values) or made
        finally:
            self._show_again()

    def _hide_while_adding(self) -> None:
        """Hide the form while rows are added, to show it once after: a widget added to a visible form shows
        itself in a later event, and each of those showings lays the whole window out again (at the start of
        the application, with the first form, that was over 100 ms)."""
        if not self._adding and not self.isHidden():
            focus = QApplication.focusWidget()
            self._adding, self._focus = True, focus if focus is not None and self.isAncestorOf(focus) else None
            self.hide()

    def _show_again(self) -> None:
        if not self._adding:
            return
        focus, self._adding, self._focus = self._focus, False, None
        self.show()
        if focus is not None and shiboken6.isValid(focus) and self.isAncestorOf(focus) and focus.isVisible():
            focus.setFocus()  # the field being typed in keeps the keyboard (hiding the form had moved it)

    def fits(self, fields: list[FieldDef], language: str, vocabularies: dict[str, Vocabulary]) -> bool:
        """Whether `build` would refill this form's widgets for these fields (not make the form anew)."""
        made = self._made_for
        if made is None:
            return False
        made_fields, made_language, made_vocabularies = made
        return (len(made_fields) == len(fields) and all(a is b for a, b in zip(made_fields, fields, strict=True))
                and made_language == language and made_vocabularies is vocabularies)

    def _field_widget(self, field: FieldDef, value: Any, vocabularies: dict[str, Vocabulary]) -> FieldWidget:
        widget = make_field(field, self.language, vocabularies, value)
        widget.set_value(value)
        widget.changed.connect(lambda key=field.key: self.changed.emit(key))
        self._plans[field.key] = field_plan(field, value)
        self.widgets[field.key] = widget
        return widget

    def _replace(self, key: str, value: Any, vocabularies: dict[str, Vocabulary]) -> None:
        """Another kind of widget for one field (its value has another shape); the rest of the form stays.

        The new widget is shown here, in this turn: added to a visible form it would show itself in a later event
        and lay the window out again then; hiding the whole form around it costs more (every row shown again)."""
        old = self.widgets[key]
        widget = self._field_widget(self._fields[key], value, vocabularies)
        label = self.form.labelForField(old)
        self.form.replaceWidget(old, widget)
        if isinstance(label, QLabel):
            label.setBuddy(widget)
        old.hide()  # gone at once, also for code that looks for widgets before deletion
        old.deleteLater()
        if not self.isHidden():
            widget.show()

    def _make(self, fields: list[FieldDef], values: dict[str, Any], language: str,
              vocabularies: dict[str, Vocabulary]) -> None:
        """Make the widgets for a document anew."""
        self._hide_while_adding()
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets.clear()
        self._plans.clear()
        self._others_title, self._other_rows = None, []
        self.language = language
        # Errors in a field the form does not show (a hidden one like `hide`): said here, so that nothing
        # that blocks a commit is invisible.
        self.elsewhere = QLabel(self)
        self.elsewhere.setWordWrap(True)
        _colour(self.elsewhere, "#b00020")
        self.elsewhere.setAccessibleName(self.tr("Fouten buiten de getoonde velden"))
        self.elsewhere.setToolTip(self.tr("Fouten in velden die het formulier niet toont; los ze op in het "
                                          "tabblad Tekst"))
        self.elsewhere.hide()
        self.form.addRow(self.elsewhere)
        self._fields = {field.key: field for field in fields}
        for field in fields:
            if field.kind == "hidden":
                continue  # kept exactly as it is, never shown
            widget = self._field_widget(field, values.get(field.key), vocabularies)
            label = QLabel(field.label.get(language) + ("*" if field.required else ""), self)
            label.setToolTip(field.help.get(language) or field.label.get(language))
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self._others_at = self.form.rowCount()
        self._made_for = (list(fields), language, vocabularies)
        self._show_others(values)

    def _show_others(self, values: dict[str, Any]) -> bool:
        """The values of fields the schema does not know, read-only below the form's own; True when rows were
        added for them (more such fields than any document shown in this form had).

        Their rows are kept from one document to the next, given the next document's keys, and hidden when it
        has fewer: documents of one type often differ in such keys, and making their rows again (the form
        hidden and shown around it) was a large part of an open."""
        others = [key for key in values if key not in self._fields]  # unknown to the schema: shown, kept as is
        rows = self._other_rows
        added = len(others) > len(rows)
        if added:
            self._hide_while_adding()
            if self._others_title is None:
                self._others_title = QLabel("<b>" + self.tr("Overige velden") + "</b>", self)
                self._others_title.setToolTip(self.tr("Velden die het schema niet kent; ze blijven ongewijzigd "
                                                      "bewaard"))
                self.form.addRow(self._others_title)
            while len(rows) < len(others):
                key = others[len(rows)]
                widget = ReadOnlyField(_other_field(key), self.language)
                label = QLabel(key, self)
                self.form.addRow(label, widget)
                rows.append((label, widget))
        if self._others_title is not None:
            self._show_row(self._others_at, bool(others))
        for number, (label, widget) in enumerate(rows):
            shown = number < len(others)
            if shown:
                key = others[number]
                if widget.field.key != key:
                    label.setText(key)
                    widget.show_field(_other_field(key))
                widget.set_value(values[key])
            self._show_row(self._others_at + 1 + number, shown)
        return added

    def _show_row(self, row: int, shown: bool) -> None:
        if self.form.isRowVisible(row) != shown:
            self.form.setRowVisible(row, shown)

    def show_findings(self, findings: list[Finding]) -> None:
        """Put findings next to their fields; errors in a field without a widget above the form."""
        for key, widget in self.widgets.items():
            widget.show_findings([f for f in findings if f.field == key])
        if self.elsewhere is None:
            return
        unplaced = [f for f in findings if f.field and f.field not in self.widgets and f.severity == "error"]
        text = "\n".join(f"{f.field}: {f.message(self.language)}" for f in unplaced)
        self.elsewhere.setText(text)
        self.elsewhere.setVisible(bool(text))
