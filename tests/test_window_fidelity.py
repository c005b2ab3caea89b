"""(Runs near the end of the suite: its three big windows leave work behind for later GUI tests.)

Every byte through the window: real files opened in the real window, edited through its widgets, saved.

For every file of both corpus snapshots and for constructed files with each character a text widget cannot
hold (no-break space, lone CR, U+2028/U+2029, control characters, CRLF among LF, a BOM, a last heading
without newline): Ctrl+S on the untouched document writes nothing; a switch to the Tekst tab and back writes
nothing; an edit of the title, of each editable section and of the raw text writes exactly what the lossless
model writes for that edit (so only that field's or section's lines change).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from redactie.document import Document, FrontMatterError
from redactie.gui.main_window import MainWindow
from redactie.repository import markdown_files

from .conftest import CONTENT, CORPUS, copy_writable

ODD = {
    "nbsp": "Tekst\u00a0met een vaste spatie",
    "lone-cr": "Regel met een losse\rCR erin",
    "u2028": "Regel\u2028met een regelscheiding",
    "u2029": "Alinea\u2029met een alineascheiding",
    "control": "Met een \x01 stuurteken en een \x0b verticale tab",
    "c1": "Met een \x85 NEL",
}


def _constructed() -> dict[str, bytes]:
    """Small vereisten, each with one odd character in its title and body, plus odd line-ending shapes."""
    files: dict[str, bytes] = {}
    for name, odd in ODD.items():
        title = odd.replace("\r", " ").replace("\x0b", " ").replace("\x85", " ").replace("\x01", " ")
        files[f"odd-{name}.md"] = (
            f'---\ntitle: "{title}"\ntoelichting: Korte toelichting\nstatus_vereiste:\n- geldend\n---\n\n'
            f"## Vereiste\n\n{odd}\n\n## Toelichting\n\nGewoon.\n\n## Risico\n\nOok {odd}\n").encode()
    files["odd-crlf-line.md"] = (b"---\ntitle: Een regel met CRLF\ntoelichting: Kort\n---\n\n## Vereiste\r\n\n"
                                 b"Tekst\r\nmeer\n\n## Toelichting\n\nNog\r\n")
    files["odd-crlf-all.md"] = (b"---\r\ntitle: Alles CRLF\r\ntoelichting: Kort\r\n---\r\n\r\n## Vereiste\r\n\r\n"
                                b"Tekst\r\n\r\n## Risico\r\n\r\nRisico\r\n")
    files["odd-bom.md"] = b"\xef\xbb\xbf---\ntitle: Met BOM\ntoelichting: Kort\n---\n\n## Vereiste\n\nTekst\n"
    files["odd-last-heading.md"] = b"---\ntitle: Laatste kop zonder regeleinde\ntoelichting: Kort\n---\n\n## Risico"
    files["odd-no-final-newline.md"] = b"---\ntitle: Zonder slot\ntoelichting: Kort\n---\n\n## Vereiste\n\nTekst"
    files["odd-trailing-space-heading.md"] = (b"---\ntitle: Kop met spatie\ntoelichting: Kort\n---\n\n"
                                              b"## Toelichting \n\nTekst \t\n")
    return files


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Temporary copies: both corpus snapshots (when present) and the sample content with constructed files."""
    base = tmp_path_factory.mktemp("fidelity")
    repos: dict[str, Path] = {}
    if CORPUS.is_dir():
        for snapshot in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
            repos[snapshot.name] = copy_writable(snapshot, base / snapshot.name)
    sample = Path(shutil.copytree(CONTENT, base / "sample"))
    for name, data in _constructed().items():
        (sample / "docs" / "vereisten" / name).write_bytes(data)
    repos["sample"] = sample
    return repos


def _cases() -> list[tuple[str, str]]:
    cases = [("sample", f"docs/vereisten/{name}") for name in _constructed()]
    cases += [("sample", p) for p in markdown_files(CONTENT) if p.startswith("docs/vereisten/")]
    if CORPUS.is_dir():
        for snapshot in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
            cases += [(snapshot.name, p) for p in markdown_files(snapshot)]
    return cases


WINDOWS: dict[str, MainWindow] = {}


@pytest.fixture(scope="module", autouse=True)
def _close_windows(qapp: QApplication):  # noqa: ANN202
    yield
    for win in WINDOWS.values():
        deadline = time.monotonic() + 60
        while win.runner.busy and time.monotonic() < deadline:  # no background work left for later tests
            qapp.processEvents()
            time.sleep(0.01)
        if win.editor.session is not None:
            win.editor.discard_draft()
            win.editor.session.saved_bytes = win.editor.session.current()
        win.close()
        win.deleteLater()
    WINDOWS.clear()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, with their timers and watchers


def _window(qtbot, repositories: dict[str, Path], name: str) -> MainWindow:  # noqa: ANN001
    if name not in WINDOWS:
        win = MainWindow("nl")
        assert win.load_repository(repositories[name])
        win.show()
        qtbot.waitUntil(lambda: win.documents.ready, timeout=30000)
        WINDOWS[name] = win
    return WINDOWS[name]


def _open(win: MainWindow, path: Path, data: bytes) -> None:
    """Put the file back as it was and open it afresh."""
    session = win.editor.session
    if session is not None and session.modified:  # a failed step must not leave a question for the next
        win.editor.discard_draft()
        session.saved_bytes = session.current()
    if path.read_bytes() != data:
        path.write_bytes(data)
    relpath = path.relative_to(win.repo.root).as_posix()
    if win.editor.path == path:
        win.editor.open(win.repo, relpath, win.language)  # afresh: the window itself keeps an open document
    else:
        win.open_document(relpath)
    assert win.editor.path == path
    assert win.editor.session.saved_bytes == data
    QApplication.processEvents()  # new editors are shown by a queued event, as after a real click
    # The last document's editors go, as the event loop does between two clicks: left pending, they pile up
    # as children of the form (hundreds of documents in one window) and every rebuild walks them all.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _save_writes_nothing(win: MainWindow, path: Path, data: bytes) -> None:
    before = os.stat(path)
    win.actions_["save"].trigger()
    after = os.stat(path)
    assert path.read_bytes() == data
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), "the file was rewritten"


def by_name(root: QWidget, kind: type, name: str) -> QWidget | None:
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name and w.isVisibleTo(root)]
    return matches[0] if matches else None


@pytest.mark.parametrize(("repo", "relpath"), _cases())
def test_the_window_changes_only_what_the_user_edited(qtbot, repositories, repo: str, relpath: str) -> None:  # noqa: ANN001
    win = _window(qtbot, repositories, repo)
    assert win.actions_["save"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    path = win.repo.root / relpath
    data = path.read_bytes()
    try:
        model: Document | None = Document.parse(data)
    except FrontMatterError:
        model = None
    editor = win.editor

    # 1. Ctrl+S on the untouched document.
    _open(win, path, data)
    _save_writes_nothing(win, path, data)

    # 2. To the Tekst tab and back, then save.
    editor.tabs.setCurrentIndex(1)
    editor.tabs.setCurrentIndex(0 if model is not None else 1)
    _save_writes_nothing(win, path, data)
    assert not editor.modified

    # 3. Type in the Tekst tab at the very end: exactly those characters are added.
    raw = by_name(editor.raw_view, QPlainTextEdit, "Bestand als tekst")
    if not raw.isReadOnly():
        editor.tabs.setCurrentIndex(1)
        raw.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(raw, "Z")
        editor.tabs.setCurrentIndex(0 if model is not None else 1)
        win.actions_["save"].trigger()
        assert path.read_bytes() == data + b"Z"
        _open(win, path, data)
        editor.tabs.setCurrentIndex(0 if model is not None else 1)
    if model is None:
        return

    # 4. The title, typed into its field.
    title = model.fields.get("title")
    widget = editor.form.widgets.get("title")
    box = by_name(editor.form_view, QLineEdit, widget.field.label.get("nl")) if widget else None
    if isinstance(title, str) and box is not None and box.isEnabled() and not box.isReadOnly():
        box.setFocus()
        box.end(False)
        qtbot.keyClicks(box, "X")
        win.actions_["save"].trigger()
        expected = Document.parse(data)
        expected.set_field("title", title + "X")
        assert path.read_bytes().decode(errors="replace") == expected.dump().decode(errors="replace")
        _open(win, path, data)

    # 5. Each editable section, typed into at the end of its first line.
    for name in dict.fromkeys(model.section_names):
        edit = by_name(editor.form_view, QPlainTextEdit, f"Sectie {name}")
        assert edit is not None, f"no editor for section {name!r}"
        if edit.isReadOnly():
            continue
        cursor = edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        edit.setTextCursor(cursor)
        qtbot.keyClicks(edit, "Q")
        win.actions_["save"].trigger()
        section = model.section(name)
        cut = section.find("\n") if "\n" in section else len(section)
        expected = Document.parse(data)
        expected.set_section(name, section[:cut] + "Q" + section[cut:])
        assert path.read_bytes() == expected.dump(), f"section {name!r}"
        _open(win, path, data)
