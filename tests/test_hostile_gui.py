"""The window with a repository holding every kind of hostile file: it loads, stays responsive, opens none of
them, and the review names what it cannot commit."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from redactie.gui.main_window import MainWindow
from redactie.review import BINARY, OTHER

from .conftest import git
from .test_gui_workflow import OPEN, close_windows, open_review, settle  # noqa: F401 - the fixture closes windows

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="links, FIFOs and byte file names are POSIX")

FOLDER = "docs/vereisten"


def _make_hostile(repo: Path, outside: Path) -> dict[str, str]:
    folder = repo / FOLDER
    outside.write_bytes(b"---\ntitle: Geheim van buiten\n---\n")
    links = {"nul-apparaat.md": "/dev/zero", "buiten.md": str(outside), "weg.md": str(repo / "bestaat-niet.md")}
    for name, target in links.items():
        (folder / name).symlink_to(target)
    (folder / "lus.md").symlink_to(folder / "lus.md")
    os.mkfifo(folder / "pijp.md")
    sample = folder / "corrigerende_maatregelen_voor_non_conforme_ai.md"
    Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.md")).write_bytes(sample.read_bytes())
    (repo / "plaatje.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0" + os.urandom(300_000))
    (repo / "grote-map" / "diep").mkdir(parents=True)
    for n in range(500):
        (repo / "grote-map" / "diep" / f"{n}.txt").write_bytes(b"x")
    nested = repo / "genest"
    nested.mkdir()
    git(nested, "init", "-q")
    (folder / "te-groot.md").write_bytes(b"---\ntitle: Groot\n---\n" + b"tekst " * 500_000)
    row = "|" + "|".join("x" for _ in range(200)) + "|\n"
    bait = "".join(f"![{n}](b)\n" for n in range(3000)) + row + row.replace("x", "-") + row * 500
    (folder / "aas.md").write_text("---\ntitle: Aas voor het voorbeeld\n---\n\n## Vereiste\n\n" + bait)
    stale = folder / ".iets.md.ab12cd34.tmp"
    stale.write_bytes(b"half geschreven")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    return {"stale": stale.relative_to(repo).as_posix()}


def test_the_window_stays_responsive_with_hostile_files(qtbot, content_repo: Path, isolated_home: Path,  # noqa: ANN001
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _make_hostile(content_repo, tmp_path / "buiten.md")
    warnings: list[str] = []
    monkeypatch.setattr("redactie.gui.main_window.QMessageBox.warning",
                        lambda parent, title, text, *args: warnings.append(text))
    win = MainWindow("nl")
    OPEN.append(win)
    assert win.load_repository(content_repo)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready and win.monitor.snapshot is not None, timeout=15000)
    settle(qtbot, win)
    assert win.documents.error is None
    for name in ("nul-apparaat.md", "buiten.md", "weg.md", "lus.md", "pijp.md", "te-groot.md"):
        row = win.documents.row(f"{FOLDER}/{name}")
        assert row is not None, name
        assert "niet te openen" in row.state
        assert "Geheim" not in row.title
        win.open_document(f"{FOLDER}/{name}")
        assert win.editor.session is None or win.editor.session.relpath != f"{FOLDER}/{name}"
    assert len(warnings) == 6 and all("kan niet worden geopend" in w for w in warnings)
    assert "te groot" in win.documents.row(f"{FOLDER}/te-groot.md").tooltip
    win.open_document(f"{FOLDER}/aas.md")  # many images and a 200x500 table: a bounded preview
    with qtbot.waitSignal(win.preview.rendered, timeout=15000):  # rendered off the GUI thread
        win.preview.render_now()
    assert "ingekort" in win.preview.toPlainText() and "[2999]" in win.preview.toPlainText()
    cafe = os.fsdecode(FOLDER.encode() + b"/caf\xe9.md")  # a name that is not UTF-8 opens, and its draft is kept
    win.open_document(cafe)
    assert win.editor.session is not None and win.editor.session.relpath == cafe
    win.drafts.save(content_repo, cafe, b"", b"x")
    assert win.drafts.load(content_repo, cafe) is not None
    assert not (content_repo / made["stale"]).exists()  # cleaned when the repository opened

    dialog = open_review(win, qtbot)
    by_path = {r.path: r for r in dialog.reviews}
    assert "plaatje.png" in by_path, (dialog.intro.text(), list(by_path))
    assert by_path["plaatje.png"].shown_as == BINARY
    assert by_path["genest"].shown_as == OTHER and by_path["grote-map"].shown_as == OTHER
    assert made["stale"] not in by_path
    for name in ("nul-apparaat.md", "buiten.md", "lus.md"):  # links: shown as links, never committed from here
        assert by_path[f"{FOLDER}/{name}"].shown_as == OTHER
        assert "Koppeling" in by_path[f"{FOLDER}/{name}"].items[0].label
    assert f"{FOLDER}/pijp.md" not in by_path  # git has no pipes
    row = [r.path for r in dialog.reviews].index("plaatje.png")
    dialog.files.setCurrentRow(row)
    assert "binair bestand" in dialog.raw.toPlainText()
    row = [r.path for r in dialog.reviews].index("genest")
    assert not dialog.files.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "genest" not in {r.path for r in dialog.chosen()}
    dialog.close()


def test_an_interrupted_rebase_shows_a_rebase_banner(qtbot, shared: tuple[Path, Path], isolated_home: Path,  # noqa: ANN001
                                                     tmp_path: Path) -> None:
    bare, mine = shared
    theirs = tmp_path / "theirs"
    git(tmp_path, "clone", "-q", str(bare), str(theirs))
    doc = "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"
    for repo, text in ((theirs, "van hen"), (mine, "van mij")):
        path = repo / doc
        path.write_bytes(path.read_bytes().replace(b"## Risico", f"## Risico\n\n{text}".encode(), 1))
        git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", text)
    git(theirs, "push", "-q")
    git(mine, "fetch", "-q")
    with pytest.raises(Exception):  # noqa: B017, PT011 - the conflict is the point
        git(mine, "rebase", "origin/main")
    win = MainWindow("nl")
    OPEN.append(win)
    assert win.load_repository(mine)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready and win.monitor.snapshot is not None, timeout=15000)
    qtbot.waitUntil(lambda: win.state_banner() is not None)
    banner = win.state_banner()
    assert "bovenop de nieuwste versie" in banner.label.text()
    assert set(banner.buttons) == {"Conflicten oplossen", "Afbreken"}
    assert "Versie: main" in win.git_status.label.text()
    git(mine, "checkout", "--theirs", "--", doc)  # resolved by hand, not yet continued
    git(mine, "add", "--", doc)
    win.monitor.refresh()
    qtbot.waitUntil(lambda: win.state_banner() is not None and "Afronden" in win.state_banner().buttons)
    assert set(win.state_banner().buttons) == {"Afronden", "Afbreken"}
