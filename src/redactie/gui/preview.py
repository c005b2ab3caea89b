"""Preview of a document's Markdown rendered like the site (admonitions, tabs, attribute lists)."""

from __future__ import annotations

import html
import re
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from .tasks import Task, TaskRunner

if TYPE_CHECKING:
    from ..repository import ContentRepository

_LOCAL = threading.local()  # one Markdown parser per thread: markdown-it's parser keeps state while rendering
_TAB_RE = re.compile(r'^=== "([^"]*)"[ \t]*$', re.M)
_HEADING_ATTR_RE = re.compile(r"^(#{1,6} .*?)[ \t]*\{[^{}]*\}[ \t]*$", re.M)
_MACRO_RE = re.compile(r"<!--\s*(tags(?:-ai-act)?|list_maatregelen[^>]*?|list_vereisten_on_maatregelen_page)\s*-->")
_STYLE = """<style>
body { font-family: sans-serif; }
.admonition { border-left: 4px solid #448aff; background: #f3f6ff; padding: 4px 10px; margin: 8px 0; }
.macro { border: 1px dashed #888; background: #f7f7f7; padding: 4px 8px; color: #333; }
.tab { font-weight: bold; border-bottom: 2px solid #448aff; margin-top: 8px; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 2px 6px; }
</style>"""


def _markdown() -> Any:
    """This thread's Markdown parser (markdown-it is imported when the first preview is rendered)."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.admon import admon_plugin
        from mdit_py_plugins.attrs import attrs_block_plugin

        parser = MarkdownIt("commonmark", {"html": False}).enable("table").use(admon_plugin).use(attrs_block_plugin)
        _LOCAL.parser = parser
    return parser


def to_html(markdown: str, macro_text: dict[str, str] | None = None) -> str:
    """Site-like HTML for Markdown: mkdocs-material syntax shown plainly, the site's macros as labelled blocks."""
    macro_text = macro_text or {}
    text = _HEADING_ATTR_RE.sub(r"\1", markdown)
    text = text.replace("??? ", "!!! ")
    text = _TAB_RE.sub(lambda m: f"\n**▸ {m.group(1)}**\n", text)
    text = re.sub(r"^(\t| {4})(?=<!--)", "", text, flags=re.M)

    def macro(match: re.Match[str]) -> str:
        name = match.group(1).split()[0]
        label = macro_text.get(name, name)
        return f"\n\nREDACTIEMACRO{html.escape(label).replace(chr(10), 'MACROBR')}ENDMACRO\n\n"

    text = _MACRO_RE.sub(macro, text)
    body = _markdown().render(text)
    body = re.sub(r"<p>REDACTIEMACRO(.*?)ENDMACRO</p>", r'<div class="macro">\1</div>', body)
    body = body.replace("MACROBR", "<br>")
    return _STYLE + body


class Preview(QTextBrowser):
    """A read-only preview; rendering is debounced and runs off the GUI thread, so typing never waits for it."""

    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setAccessibleName(self.tr("Voorbeeldweergave"))
        self.setToolTip(self.tr("Zo ongeveer ziet de pagina eruit op de website"))
        self._pending = ""
        self.language = "nl"
        self._macros: dict[str, str] = {}
        self.runner: TaskRunner | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.render_now)

    def set_context(self, repo: ContentRepository, relpath: str, runner: TaskRunner | None = None) -> None:
        """Resolve the document's macros (labels, related documents) from the repository's index in the background."""
        from ..macros import macro_texts

        language = self.language
        self.runner = runner or self.runner

        def apply(texts: dict[str, str]) -> None:
            self._macros = texts
            self.schedule(self._pending, texts)

        if runner is None:
            apply(macro_texts(repo, relpath, language))
        else:
            runner.run("preview-macros", lambda task: macro_texts(repo, relpath, language), apply, lambda e: None)

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 - Qt override
        """Load nothing remote or local: the preview shows text only."""
        return None

    def schedule(self, markdown: str, macros: dict[str, str] | None = None) -> None:
        """Render `markdown` after a short pause in typing."""
        self._pending = markdown
        if macros is not None:
            self._macros = macros
        self._timer.start()

    def render_now(self) -> None:
        """Render the pending Markdown now: in the background when a task runner is known, else here."""
        self._timer.stop()
        markdown, macros = self._pending, dict(self._macros)
        if self.runner is None:
            self._show(to_html(markdown, macros))
            return

        def work(task: Task) -> str | None:
            return None if task.cancel.is_set() else to_html(markdown, macros)

        self.runner.run("preview-render", work, self._show, lambda error: None)

    def _show(self, page: str | None) -> None:
        """Only the widget update happens on the GUI thread."""
        if page is None:
            return
        position = self.verticalScrollBar().value()
        self.setHtml(page)
        self.verticalScrollBar().setValue(position)
        self.rendered.emit()

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
