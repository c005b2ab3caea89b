"""Drawing diffs: the raw line diff with word-level highlights, wrapped, and the change summary."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..review import MAX_DIFF_LINES, ChangeItem, DiffLine, line_diff
from .banner import name_buttons

_STYLE = {"-": ("#fde8e8", "#f4b4b4"), "+": ("#e6f6e6", "#a8e0a8"), " ": ("", ""), "@": ("#eef", "")}


def diff_html(lines: list[DiffLine]) -> str:
    """HTML for a line diff: removed and added lines tinted, the changed words inside them marked."""
    rows = []
    for line in lines:
        background, strong = _STYLE[line.kind]
        parts = []
        for text, changed in line.segments:
            piece = html.escape(text)
            if changed and strong and line.kind in "+-":
                tag = "del" if line.kind == "-" else "ins"
                piece = f'<{tag} style="background:{strong}; text-decoration:none;">{piece}</{tag}>'
            parts.append(piece)
        marker = {"-": "−", "+": "+", " ": " ", "@": "⋯"}[line.kind]
        number = line.new_no if line.new_no is not None else line.old_no
        style = f' style="background:{background};"' if background else ""
        cells = (f'<td style="color:#777; padding-right:6px;">{number or ""}</td><td style="color:#555;">{marker}</td>'
                 f'<td style="white-space:pre-wrap;">{"".join(parts)}</td>')
        rows.append(f"<tr{style}>{cells}</tr>")
    return '<table cellspacing="0" cellpadding="1" width="100%">' + "".join(rows) + "</table>"


def summary_html(items: list[ChangeItem], language: str) -> str:
    """HTML for a change summary: one line per field, and each changed section with its own diff."""
    out = []
    for item in items:
        out.append(f"<p><b>{html.escape(item.describe(language))}</b></p>")
        if item.diff and item.kind != "field":
            out.append(diff_html(item.diff))
    return "".join(out) or "<p>—</p>"


class DiffView(QTextBrowser):
    """A read-only, wrapping view of a diff; links are not followed."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setOpenLinks(False)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)


class DiffDialog(QDialog):
    """The difference between two versions of a file, as a dialog."""

    def __init__(self, title: str, old: bytes, new: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.view = DiffView(self.tr("Verschil"), self)
        self.view.setHtml(diff_html(line_diff(old.decode("utf-8", "replace"), new.decode("utf-8", "replace"),
                                              limit=MAX_DIFF_LINES)))
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        layout.addWidget(buttons)
