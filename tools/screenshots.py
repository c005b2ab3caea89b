"""Screenshots of the real app, offscreen: the main window and the review screen, in Dutch and English.

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
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REDACTIE_HOME"] = str(Path(tmp) / "home")
        repo = prepare(Path(tmp))
        path = repo / DOC
        doc = Document.parse(path.read_bytes())
        doc.set_field("status_vereiste", ["geldend"])
        doc.set_field("levenscyclus", [*doc.fields["levenscyclus"], "uitfaseren"])
        doc.set_section("Risico", doc.section("Risico").replace("derden.", "derden en voor de organisatie zelf."))
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
