"""Screenshots of a bulk rename with its plan, and of the review with the bulk change as one group, from the
real app, in Dutch and English.

Usage: xvfb-run -s "-screen 0 1366x768x24" python tools/bulk_screenshot.py
Writes docs/screenshot-bulk-{nl,en}.png and docs/screenshot-bulk-review-{nl,en}.png from a temporary copy of
the sample content (the review as it fits a 1366x768 screen).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import ROOT, prepare, wait  # noqa: E402


def shoot(language: str, out: Path) -> None:
    """The rename dialog with the plan listed."""
    from PySide6.QtWidgets import QApplication

    from redactie.gui import i18n
    from redactie.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app, language)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REDACTIE_HOME"] = str(Path(tmp) / "home")
        repo = prepare(Path(tmp))
        window = MainWindow(language)
        window.resize(1440, 900)
        window.load_repository(repo)
        window.show()
        wait(app, lambda: window.documents.ready and window.monitor.snapshot is not None)
        dialog = window.bulk.open_dialog("rename")
        assert dialog is not None
        dialog.field.setCurrentIndex(dialog.field.findData("levenscyclus"))
        dialog.old.setCurrentIndex(dialog.old.findData("monitoring-en-beheer"))  # listed by its label
        dialog.new.setText("beheer")
        dialog.resize(1100, 720)
        dialog.make()
        wait(app, lambda: dialog.plan is not None and not window.runner.busy)
        for index in range(dialog.tree.topLevelItemCount()):
            dialog.tree.topLevelItem(index).setExpanded(True)
        wait(app, lambda: False, 0.3)
        dialog.grab().save(str(out / f"screenshot-bulk-{language}.png"))
        dialog.apply()
        wait(app, lambda: not window.runner.busy)
        dialog.close()
        window.showMaximized()
        window.show_review()
        review = window.review
        assert review is not None
        review.resize(1340, 720)
        review.move(8, 8)
        wait(app, lambda: not review.loading and not window.runner.busy)
        review.files.setCurrentRow(0)  # the group row: its overview and "Ongedaan maken"
        wait(app, lambda: False, 0.5)
        review.grab().save(str(out / f"screenshot-bulk-review-{language}.png"))
        review.close()
        window.runner.wait(5000)
        window.close()


def main() -> None:
    """Both languages."""
    out = ROOT / "docs"
    for language in ("nl", "en"):
        shoot(language, out)
        print(f"wrote docs/screenshot-bulk-{language}.png and docs/screenshot-bulk-review-{language}.png")


if __name__ == "__main__":
    main()
