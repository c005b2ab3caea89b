"""Screenshots of the real app, offscreen: the main window and the review screen, in Dutch and English.

The main window shows the section editor as an editor sees it: the cursor in the Risico section (so the
formatting toolbar above the sections is enabled), with bold text and a link to another document highlighted.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots.py   (also `make screenshots`)
Writes docs/screenshot-{main,review}-{nl,en}.png from a temporary copy of the sample content.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"
RISICO_OLD = "risico's voor gebruikers en derden."
RISICO_NEW = ("**risico's voor gebruikers en derden** en voor de organisatie zelf. Zie ook "
              "[Hoog-risico-AI-systemen staan onder menselijk toezicht](menselijk_toezicht_hoog_risico.md).")


def wait(app: object, condition: object, seconds: float = 15) -> None:
    """Process events until `condition()` holds."""
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def prepare(folder: Path) -> Path:
    """A git repository with the sample content and one edited document."""
    repo = folder / "voorbeeld-inhoud"
    shutil.copytree(ROOT / "content", repo)
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redacteur", "GIT_AUTHOR_EMAIL": "redacteur@example.org",
           "GIT_COMMITTER_NAME": "Redacteur", "GIT_COMMITTER_EMAIL": "redacteur@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Eerste versie"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)
    subprocess.run(["git", "config", "user.name", "Redacteur"], cwd=repo, check=True)
    subprocess.run(["git", "config", "user.email", "redacteur@example.org"], cwd=repo, check=True)
    return repo


def shoot(language: str, out: Path) -> None:
    """Make both screenshots in one language."""
    from PySide6.QtWidgets import QApplication

    from redactie.document import Document
    from redactie.gui import i18n
    from redactie.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app, language)
    with tempfile.TemporaryDirectory(prefix="redactie-") as tmp:
        os.environ["REDACTIE_HOME"] = str(Path(tmp) / "home")
        repo = prepare(Path(tmp))
        path = repo / DOC
        doc = Document.parse(path.read_bytes())
        doc.set_field("status_vereiste", ["geldend"])
        doc.set_field("levenscyclus", [*doc.fields["levenscyclus"], "uitfaseren"])
        doc.set_section("Risico", doc.section("Risico").replace(RISICO_OLD, RISICO_NEW))
        path.write_bytes(doc.dump())
        window = MainWindow(language)
        window.resize(1440, 900)
        window.load_repository(repo)
        window.show()
        wait(app, lambda: window.documents.ready and window.monitor.snapshot is not None)
        window.open_document(DOC)
        window._background_checks()
        wait(app, lambda: window.editor.form_view.speller is not None and not window.runner.busy)
        window.preview.render_now()
        focus_section(app, window, "Risico", "gebruikers")
        wait(app, lambda: False, 0.5)
        wait(app, lambda: not window.runner.busy)
        wait(app, lambda: False, 0.5)
        window.grab().save(str(out / f"screenshot-main-{language}.png"))
        window.show_review()
        review = window.review
        wait(app, lambda: review is not None and not review.loading and not window.runner.busy)
        review.resize(1300, 800)
        wait(app, lambda: False, 0.3)
        review.grab().save(str(out / f"screenshot-review-{language}.png"))
        review.close()
        window.editor.discard_draft()
        window.runner.wait(5000)
        window.hide()
        window.deleteLater()
        app.processEvents()


def focus_section(app: object, window: object, name: str, word: str) -> None:
    """Put the cursor in section `name` at `word`, scrolled into view, so the formatting toolbar is enabled."""
    from redactie.gui.section_edit import SectionEdit

    edit = next(e for e in window.findChildren(SectionEdit)  # type: ignore[attr-defined]
                if e.parentWidget().title() == name)
    window.activateWindow()  # type: ignore[attr-defined]
    wait(app, window.isActiveWindow, 5)  # type: ignore[attr-defined]
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index(word) + 2)
    edit.setTextCursor(cursor)
    view = window.editor.form_view  # type: ignore[attr-defined]
    box = edit.parentWidget()
    view.verticalScrollBar().setValue(box.mapTo(view.widget(), box.rect().topLeft()).y() - 8)
    wait(app, edit.hasFocus, 5)


def main() -> None:
    """Write the four screenshots."""
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="redactie-shots-")  # the user's window sizes stay out
    os.environ["REDACTIE_NO_UPDATE_CHECK"] = "1"
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    for language in ("nl", "en"):
        shoot(language, out)
        print(f"docs/screenshot-main-{language}.png, docs/screenshot-review-{language}.png")


if __name__ == "__main__":
    main()
