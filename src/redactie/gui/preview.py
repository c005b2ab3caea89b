"""Preview of a document's Markdown rendered like the site (admonitions, tabs, attribute lists)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from .tasks import Task, TaskRunner

if TYPE_CHECKING:
    from ..repository import ContentRepository

FIRST_RENDER_DELAY_MS = 100
# Work started for an open waits this long: a real timer runs after the open's own layout and painting, a zero
# one with them (as in form_view).
NEXT_TURN_MS = 1


def to_html(markdown: str, macro_text: dict[str, str] | None = None, language: str = "nl") -> str:
    """The preview's HTML (redactie.preview_html, imported with markdown-it on the first render)."""
    from ..preview_html import to_html as render

    return render(markdown, macro_text, language)


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
        self._context: tuple[ContentRepository, str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.render_now)
        # The first render imports markdown-it (~50 ms, in a worker): it waits until the window has painted.
        self._first_timer = QTimer(self)
        self._first_timer.setSingleShot(True)
        self._first_timer.setInterval(FIRST_RENDER_DELAY_MS)
        self._first_timer.timeout.connect(self.render_now)
        self._macro_timer = QTimer(self)
        self._macro_timer.setSingleShot(True)
        self._macro_timer.setInterval(NEXT_TURN_MS)
        self._macro_timer.timeout.connect(self._resolve_macros)
        self._soon_timer = QTimer(self)
        self._soon_timer.setSingleShot(True)
        self._soon_timer.setInterval(NEXT_TURN_MS)
        self._soon_timer.timeout.connect(self.render_now)
        self._rendered_once = False
        self._render_with_macros = False  # a newly opened document's page waits for its macros
        self._shown_for: str | None = None  # the document whose page is shown (its scroll position is for it)

    def set_context(self, repo: ContentRepository, relpath: str, runner: TaskRunner | None = None) -> None:
        """Resolve the document's macros (labels, related documents) from the repository's index in the background.

        With a runner the work starts in the next turn of the event loop: a worker started now would compete
        for the interpreter with the open's own layout and painting, and stall it.
        """
        self.runner = runner or self.runner
        self._context = (repo, relpath)
        if runner is None:
            from ..macros import macro_texts

            self._apply_macros(repo, relpath, macro_texts(repo, relpath, self.language))
        else:
            self._macro_timer.start()  # a newer document's context before then replaces this one

    def _resolve_macros(self) -> None:
        from ..macros import macro_texts

        if self._context is None or self.runner is None:
            return
        (repo, relpath), language = self._context, self.language
        self.runner.run("preview-macros", lambda task: macro_texts(repo, relpath, language),
                        lambda texts: self._apply_macros(repo, relpath, texts),
                        lambda _error: self._apply_macros(repo, relpath, None))

    def _apply_macros(self, repo: ContentRepository, relpath: str, texts: dict[str, str] | None) -> None:
        """The macros of the shown document (None: they could not be resolved): the page waiting for them is
        rendered now, else after a pause as after typing."""
        if self._context is not None and (self._context[0] is not repo or self._context[1] != relpath):
            return  # resolved for a document that is no longer shown
        if texts is not None:
            self._macros = texts
        if self._render_with_macros:
            self._render_with_macros = False
            self.render_now()
        elif texts is not None:
            self.schedule(self._pending, texts)

    def clear(self) -> None:
        """Show nothing (no document is open)."""
        self._timer.stop()
        self._first_timer.stop()
        if self.runner is not None:
            self.runner.cancel("preview-render")
            self.runner.cancel("preview-macros")
        self._context, self._pending, self._macros, self._shown_for = None, "", {}, None
        self.setHtml("")

    def set_fields(self, fields: dict[str, object]) -> None:
        """Show the labels of the fields as they are now, saved or not (the rest of the macros stay)."""
        if self._context is None:
            return
        from ..macros import tag_texts
        from ..schema import SchemaError

        repo, relpath = self._context
        try:
            tags = tag_texts(repo, relpath, fields, self.language)
        except SchemaError:
            return  # a broken vocabulary is reported where the schema is loaded
        if any(self._macros.get(key) != text for key, text in tags.items()):
            self._macros = {**self._macros, **tags}
            self._timer.start()

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 - Qt override
        """Load nothing remote or local: the preview shows text only."""
        return None

    def schedule(self, markdown: str, macros: dict[str, str] | None = None) -> None:
        """Render `markdown` after a short pause in typing."""
        self._pending = markdown
        if macros is not None:
            self._macros = macros
        self._timer.start()

    def render_soon(self) -> None:
        """Render a newly opened document: when its macros are resolved (they are being), else in the next turn of
        the event loop (after the open's own layout and painting); the very first one a moment after the window
        has painted; at once without a task runner."""
        if self.runner is None:
            self.render_now()
        elif not self._rendered_once:
            self._first_timer.start()
        elif self._macro_timer.isActive() or self.runner.running("preview-macros"):
            self._render_with_macros = True  # one render with the new document's macros, not one before them too
        else:
            self._soon_timer.start()

    def render_now(self) -> None:
        """Render the pending Markdown now: in the background when a task runner is known, else here."""
        self._timer.stop()
        self._first_timer.stop()
        self._soon_timer.stop()
        self._render_with_macros = False
        markdown, macros, language = self._pending, dict(self._macros), self.language
        relpath = self._context[1] if self._context is not None else None
        if self.runner is None:
            self._show(to_html(markdown, macros, language), relpath)
            return

        def work(task: Task) -> str | None:
            return None if task.cancel.is_set() else to_html(markdown, macros, language)

        self.runner.run("preview-render", work, lambda page: self._show(page, relpath), lambda error: None)

    def _show(self, page: str | None, relpath: str | None = None) -> None:
        """Only the widget update happens on the GUI thread; the same document keeps its place, another one is
        shown from its top."""
        if page is None:
            return
        self._rendered_once = True
        position = self.verticalScrollBar().value() if relpath == self._shown_for else 0
        self._shown_for = relpath
        self.setHtml(page)
        self.verticalScrollBar().setValue(position)
        self.rendered.emit()

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
