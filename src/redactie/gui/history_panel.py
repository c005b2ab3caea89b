"""The "Geschiedenis" panel: every version of the open document, read page by page in the background.

Selecting a version shows it read-only (fields by label, sections rendered) beside a word-level comparison
with the current text; "Herstel" brings a field, a section or the whole document back as an ordinary,
undoable edit of the open document. Nothing is committed by restoring.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..document import Document, EditError
from ..history import PAGE_SIZE, HistoryEntry, HistoryPage, load_page, version_bytes
from ..review.summary import flat, parse_or_none, summarize
from .form_view import FormView
from .monitor import RepositoryMonitor
from .preview import to_html
from .session import DocumentSession
from .tasks import TaskRunner

FIELD_PREFIX, SECTION_PREFIX = "field:", "section:"


class HistoryPanel(QDockWidget):
    """A dock for the open document's history; `message(text)` reports restores and problems."""

    message = Signal(str)

    def __init__(self, runner: TaskRunner, monitor: RepositoryMonitor, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.monitor, self.language = runner, monitor, language
        self.setObjectName("history")
        self.setWindowTitle(self.tr("Geschiedenis"))
        self.setAccessibleName(self.tr("Geschiedenis"))
        self.session: DocumentSession | None = None
        self.page: HistoryPage | None = None
        self.selected: tuple[HistoryEntry, bytes | None] | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status = QLabel(self.tr("Open een document om zijn geschiedenis te zien."), body)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical, body)
        self.list = QListWidget(split)
        self.list.setAccessibleName(self.tr("Versies van het document"))
        self.list.setToolTip(self.tr("Elke keer dat dit document is vastgelegd: datum, auteur, bericht en wat er "
                                     "veranderde. Kies een versie om haar te bekijken"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._selected)
        self.list.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.tabs = QTabWidget(split)
        self.tabs.setAccessibleName(self.tr("Gekozen versie"))
        self.version_view = self._browser(self.tr("Versie"), self.tr("Het document zoals het in deze versie was "
                                                                    "(alleen lezen)"))
        self.compare_view = self._browser(self.tr("Vergelijking met nu"),
                                          self.tr("Wat er sindsdien is veranderd, per veld en per sectie, met de "
                                                  "gewijzigde woorden gemarkeerd"))
        self.version_form = FormView(self)
        self.version_form.setAccessibleName(self.tr("Versie als formulier"))
        self.version_form.setToolTip(self.tr("De velden en secties van deze versie, zoals in het formulier "
                                             "(alleen lezen)"))
        self.version_session: DocumentSession | None = None
        self.tabs.addTab(self.compare_view, self.tr("Vergelijking met nu"))
        self.tabs.addTab(self.version_form, self.tr("Formulier"))
        self.tabs.addTab(self.version_view, self.tr("Voorbeeld"))
        self.tabs.setTabToolTip(2, self.tr("Deze versie zoals de website haar ongeveer toont"))
        layout.addWidget(split, 1)
        self.more = QPushButton(self.tr("Oudere versies laden"), body)
        self.more.setAccessibleName(self.tr("Oudere versies laden"))
        self.more.setToolTip(self.tr("Haal de volgende %1 oudere versies op").replace("%1", str(PAGE_SIZE)))
        self.more.clicked.connect(self.load_more)
        self.more.hide()
        layout.addWidget(self.more)
        row = QHBoxLayout()
        self.part = QComboBox(body)
        self.part.setAccessibleName(self.tr("Onderdeel om te herstellen"))
        self.part.setToolTip(self.tr("Het veld of de sectie die u uit de gekozen versie wilt terughalen"))
        row.addWidget(self.part, 1)
        self.restore_part = QPushButton(self.tr("Herstel dit onderdeel"), body)
        self.restore_part.setAccessibleName(self.tr("Herstel dit veld of deze sectie"))
        self.restore_part.setToolTip(self.tr("Zet dit veld of deze sectie terug zoals het in de gekozen versie was. "
                                             "Dat is een gewone wijziging: u kunt haar ongedaan maken en ze wordt "
                                             "pas vastgelegd na het bekijken van de wijzigingen"))
        self.restore_part.clicked.connect(self.restore_selected_part)
        row.addWidget(self.restore_part)
        self.restore_all = QPushButton(self.tr("Herstel dit document"), body)
        self.restore_all.setAccessibleName(self.tr("Herstel dit document"))
        self.restore_all.setToolTip(self.tr("Zet het hele document terug zoals het in de gekozen versie was; u kunt "
                                            "dit ongedaan maken en er wordt niets vastgelegd"))
        self.restore_all.clicked.connect(self.restore_document)
        row.addWidget(self.restore_all)
        layout.addLayout(row)
        self.setWidget(body)
        self._set_restorable(False)
        self.visibilityChanged.connect(self._visibility)
        # Built when first shown: the head git had then is the one a later refresh compares with.
        self._head: str | None = getattr(getattr(monitor.snapshot, "state", None), "head", None)
        monitor.refreshed.connect(self._repository_refreshed)

    def _browser(self, name: str, tooltip: str) -> QTextBrowser:
        view = QTextBrowser(self)
        view.setAccessibleName(name)
        view.setToolTip(tooltip)
        view.setOpenLinks(False)
        return view

    def _set_restorable(self, enabled: bool) -> None:
        for widget in (self.part, self.restore_part, self.restore_all):
            widget.setEnabled(enabled)

    # -- loading -------------------------------------------------------------------------------------------

    def show_session(self, session: DocumentSession | None) -> None:
        """Follow the open document; its history is read when the panel is visible."""
        self.session = session
        self.page = None
        self.selected = None
        self.list.clear()
        self.version_view.clear()
        self.compare_view.clear()
        self.more.hide()
        self._set_restorable(False)
        if session is None:
            self.status.setText(self.tr("Open een document om zijn geschiedenis te zien."))
        elif self.isVisible():
            self._load(session.relpath, "HEAD")

    def _repository_refreshed(self, snapshot: object) -> None:
        """A new commit (a commit, a sync, a switch of version) brings the history up to date."""
        state = getattr(snapshot, "state", None)
        head = getattr(state, "head", None)
        changed, self._head = head != self._head and self._head is not None, head
        if changed and self.session is not None:
            self.show_session(self.session)
        elif self.isVisible() and self.session is not None and self.page is None and not self.runner.running("history"):
            self._load(self.session.relpath, "HEAD")  # shown while git was still being opened

    def _visibility(self, visible: bool) -> None:
        if visible and self.session is not None and self.page is None and not self.runner.running("history"):
            self._load(self.session.relpath, "HEAD")

    def load_more(self) -> None:
        """Read the next page of older versions."""
        page = self.page
        if page is not None and page.more and not self.runner.running("history") and page.next_path:
            self._load(page.next_path, page.next_start or "HEAD")

    def _scrolled(self, value: int) -> None:
        if value >= self.list.verticalScrollBar().maximum() - 2 and self.page is not None and self.page.more:
            self.load_more()

    def _load(self, path: str, start: str) -> None:
        service, session = self.monitor.service, self.session
        if service is None and session is not None and self.monitor.opening:
            self.status.setText(self.tr("Geschiedenis laden…"))  # git is being opened: the refresh loads it
            return
        if service is None or session is None:
            self.status.setText(self.tr("Deze map wordt niet met git bijgehouden; er is geen geschiedenis."))
            return
        repo, language = session.repo, self.language
        self.status.setText(self.tr("Geschiedenis laden…"))
        self.more.setEnabled(False)

        def work(task: Any) -> HistoryPage:
            return load_page(service, repo, path, start, PAGE_SIZE, language)

        def done(page: object) -> None:
            if self.session is not session:
                return
            assert isinstance(page, HistoryPage)
            self._add_page(page)

        def failed(error: Exception) -> None:
            self.status.setText(self.tr("De geschiedenis kon niet worden gelezen: %1").replace("%1", str(error)))

        self.runner.run("history", work, done, failed)

    def _add_page(self, page: HistoryPage) -> None:
        self.page = page
        for entry in page.entries:
            version = entry.version
            date = version.date[:16].replace("T", " ")
            summary = entry.summary(self.language) or self.tr("geen zichtbare wijziging")
            item = QListWidgetItem(f"{date} · {version.author}\n{version.message}\n{summary}")
            item.setToolTip(summary)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
        count = self.list.count()
        self.status.setText(self.tr("%n versies", "", count) if count else
                            self.tr("Dit document is nog nooit vastgelegd."))
        self.more.setVisible(page.more)
        self.more.setEnabled(True)

    # -- one version -----------------------------------------------------------------------------------------

    def _selected(self, item: QListWidgetItem | None) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        service, session = self.monitor.service, self.session
        if not isinstance(entry, HistoryEntry) or service is None or session is None:
            return
        self._set_restorable(False)
        current, repo, language = session.current(), session.repo, self.language
        doc_type = repo.schema.type_for(session.relpath)

        def work(task: Any) -> tuple[bytes | None, list[Any], Document | None]:
            # The version's bytes, its comparison with the current text and its parse: all off the GUI thread.
            with service.lock:
                data = version_bytes(service, entry.version.commit, entry.version.path)
            return data, summarize(repo.schema, doc_type, data, current, language), parse_or_none(data)

        def done(found: object) -> None:
            if self.session is session and isinstance(found, tuple):
                data, items, doc = found
                self._show_version(entry, data, items, doc, data == current)

        self.runner.run("history-version", work, done)

    def _labels(self) -> dict[str, str]:
        session = self.session
        if session is None:
            return {}
        doc_type = session.repo.schema.type_for(session.relpath)
        if doc_type is None:
            return {}
        return {f.key: f.label.get(self.language) for f in session.repo.schema.fields_of(doc_type)}

    def _show_version(self, entry: HistoryEntry, data: bytes | None, items: list[Any], doc: Document | None,
                      unchanged: bool) -> None:
        session = self.session
        assert session is not None
        self.selected = (entry, data)
        labels = self._labels()
        from .diff_view import summary_html  # with the review's diff helpers, when a version is first shown

        self.compare_view.setHtml(summary_html(items, self.language) if not unchanged
                                  else "<p>" + html.escape(self.tr("Gelijk aan de huidige tekst.")) + "</p>")
        self._show_form(data if doc is not None else None)
        if doc is None:
            text = (data or b"").decode("utf-8", "replace")
            self.version_view.setHtml(f"<pre>{html.escape(text)}</pre>")
        else:
            rows = "".join(f"<tr><td><b>{html.escape(labels.get(k, k))}</b></td><td>{html.escape(flat(v))}</td></tr>"
                           for k, v in doc.fields.items())
            self.version_view.setHtml(f"<table>{rows}</table>" + to_html(doc.body))
        self.part.clear()
        now = session.doc
        if doc is not None and now is not None:
            for key in [*doc.fields, *(k for k in now.fields if k not in doc.fields)]:
                self.part.addItem(self.tr("Veld: %1").replace("%1", labels.get(key, key)), FIELD_PREFIX + key)
            for name in doc.section_names:
                if name in now.section_names:
                    self.part.addItem(self.tr("Sectie: %1").replace("%1", name), SECTION_PREFIX + name)
        self._set_restorable(data is not None)
        self.part.setEnabled(self.part.count() > 0)
        self.restore_part.setEnabled(self.part.count() > 0)

    def _show_form(self, data: bytes | None) -> None:
        """The version in the form the editor knows, every control read-only."""
        session = self.session
        old, self.version_session = self.version_session, None
        if session is not None and data is not None:
            self.version_session = DocumentSession(session.repo, session.relpath, data, self)
            self.version_form.show_session(self.version_session, self.language)
        self.version_form.widget().setEnabled(self.version_session is None)
        self.tabs.setTabEnabled(1, self.version_session is not None)
        if old is not None:
            old.deleteLater()

    # -- restoring ---------------------------------------------------------------------------------------------

    def restore_selected_part(self) -> None:
        """Bring the chosen field or section back from the selected version (one undoable edit)."""
        target = self.part.currentData()
        if isinstance(target, str):
            self.restore(target)

    def restore(self, target: str) -> None:
        """Restore `field:<key>` or `section:<name>` from the selected version into the open document."""
        session, selected = self.session, self.selected
        if session is None or selected is None or session.doc is None:
            return
        old = parse_or_none(selected[1])
        if old is None:
            return
        label = self.part.currentText() or target
        if target.startswith(FIELD_PREFIX):
            key = target[len(FIELD_PREFIX):]

            def change(doc: Document) -> None:
                if key in old.fields:
                    doc.set_field(key, old.fields[key])
                elif key in doc.fields:
                    doc.remove_field(key)
        else:
            name = target[len(SECTION_PREFIX):]

            def change(doc: Document) -> None:
                doc.set_section(name, old.section(name))
        try:
            session.edit(f"history:{target}", self.tr("Herstellen: %1").replace("%1", label), change)
        except (EditError, KeyError) as exc:
            self.message.emit(self.tr("Herstellen lukte niet zonder iets anders te veranderen: %1")
                              .replace("%1", str(exc)))
            return
        session.replaced.emit()
        self.message.emit(self.tr("Hersteld: %1. U kunt dit ongedaan maken; het wordt vastgelegd bij de "
                                  "volgende keer wijzigingen vastleggen.").replace("%1", label))

    def restore_document(self) -> None:
        """Bring the whole document back as it was in the selected version (one undoable edit)."""
        session, selected = self.session, self.selected
        if session is None or selected is None or selected[1] is None:
            return
        session.set_text(selected[1], self.tr("Document herstellen"))
        session.replaced.emit()
        self.message.emit(self.tr("Het document is hersteld naar de gekozen versie. U kunt dit ongedaan maken."))
