"""A front matter YAML cannot read opens in the Tekst tab with the mistake's own line, in Dutch only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from redactie.gui.main_window import MainWindow


def test_an_unclosed_quote_is_shown_on_its_own_line(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    rel = "docs/vereisten/kapot.md"
    (content_repo / rel).write_bytes(b'---\ntitle: "Niet gesloten\ntoelichting: Kort\nstatus_vereiste:\n'
                                     b"- geldend\n---\n\n## Vereiste\n\nTekst\n")
    win = MainWindow("nl")
    try:
        assert win.load_repository(content_repo)
        qtbot.waitUntil(lambda: win.documents.ready)
        win.open_document(rel)
        assert win.editor.tabs.currentIndex() == 1
        [label] = [w for w in win.editor.raw_view.findChildren(QLabel) if w.accessibleName() == "Fout in het bestand"]
        assert "regel 2," in label.text()
        assert "found" not in label.text() and "while scanning" not in label.text()
        assert win.editor.raw_view.cursor_position()[0] == 2
    finally:
        win.close()
        win.deleteLater()
