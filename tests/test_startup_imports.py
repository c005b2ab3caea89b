"""What the start imports (counted, never timed): the heavy libraries wait until they are first needed or
until the window has painted its first document."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import CONTENT

# Never imported by the modules that build and show the window: each is only needed for one action (a rich
# paste, a git operation, the preview, a dialog) or in the background after the first paint.
HEAVY = ("git", "gitdb", "bs4", "soupsieve", "markdownify", "markdown_it", "mdit_py_plugins", "hunspell",
         "urllib.request", "importlib.metadata", "redactie.gitservice.service", "redactie.gitservice.remote",
         "redactie.gitservice.branches", "redactie.gitservice.conflicts", "redactie.merge", "redactie.pastehtml",
         "redactie.preview_html", "redactie.licences", "redactie.gui.review_dialog", "redactie.gui.conflict_dialog",
         "redactie.gui.diff_view", "redactie.gui.small_dialogs", "redactie.gui.update_check",
         "redactie.gui.history_panel", "redactie.history", "redactie.review", "redactie.mdtable",
         "redactie.gui.table_editor")


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REDACTIE_HOME": str(home),
            "REDACTIE_NO_UPDATE_CHECK": "1"}


def test_the_start_modules_import_no_heavy_library(tmp_path: Path) -> None:
    """Importing the command line, the app and the main window loads none of the heavy modules."""
    script = ("import json, sys, redactie.cli, redactie.gui.app, redactie.gui.main_window; "
              f"print(json.dumps([name for name in {HEAVY!r} if name in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env=_env(tmp_path / "home"))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []


def test_the_first_document_paints_before_git_markdown_it_and_the_paste_converter(tmp_path: Path) -> None:
    """The smoke mode lists what was imported when the first document had painted: GitPython (opened for the
    status after the list) and markdown-it (the first preview render) come after it."""
    sample = tmp_path / "sample"
    shutil.copytree(CONTENT, sample)
    subprocess.run(["git", "init", "-q", str(sample)], check=True)
    out = subprocess.run([sys.executable, "-m", "redactie", "--quit-when-loaded", str(sample)], capture_output=True,
                         text=True, timeout=120, env=_env(tmp_path / "home"))
    assert out.returncode == 0, out.stderr
    line = json.loads(out.stdout.strip().splitlines()[-1])
    assert line["first_document"] and line["imported_before_paint"] == []
    timeline = line["timeline"]
    assert timeline["shown_ms"] <= timeline["listed_ms"] <= timeline["opened_ms"] <= timeline["painted_ms"]


# Not even the window's first paint (its frame: menus, status bar, splitter) waits for these: YAML, the document
# and schema core, the list, the editor and the preview, git's state, validation, spelling and every dialog.
FRAME_HEAVY = (*HEAVY, "ruamel.yaml", "hunspell", "redactie.schema", "redactie.schema.loader", "redactie.document",
               "redactie.repository", "redactie.index", "redactie.catalogue", "redactie.validation",
               "redactie.spelling", "redactie.gitservice", "redactie.gui.editor", "redactie.gui.document_list",
               "redactie.gui.form_view", "redactie.gui.monitor", "redactie.gui.settings_dialog",
               "redactie.gui.clone_dialog", "redactie.gui.help_dialog", "redactie.gui.small_dialogs")


def _smoke(tmp_path: Path, flag: str) -> dict:
    sample = tmp_path / "sample"
    shutil.copytree(CONTENT, sample)
    subprocess.run(["git", "init", "-q", str(sample)], check=True)
    out = subprocess.run([sys.executable, "-m", "redactie", flag, str(sample)], capture_output=True, text=True,
                         timeout=120, env=_env(tmp_path / "home"))
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_frame_s_rule_names_every_heavy_module() -> None:
    """The smoke modes report what was loaded before the first paint by app.py's rule: it covers this list."""
    from redactie.gui.app import before_first_paint

    assert before_first_paint(list(FRAME_HEAVY)) == sorted(FRAME_HEAVY)
    assert before_first_paint(["redactie.gui.new_dialog", "redactie.gui.menus", "json"]) == ["redactie.gui.new_dialog"]


def test_the_window_paints_its_frame_before_any_heavy_module_is_imported(tmp_path: Path) -> None:
    """`--quit-when-painted` ends right after the window's first paint: by then none of the heavy modules, nor
    PySide6's Qt namespace (all its enums), were loaded, and the repository was not looked at."""
    line = _smoke(tmp_path, "--quit-when-painted")
    assert line["imported_before_first_paint"] == []
    assert list(line["timeline"]) == ["window_ms", "shown_ms", "first_paint_ms"]  # in the order they happened


def test_the_list_shows_before_the_other_panes_are_built_and_the_first_document_opens(tmp_path: Path) -> None:
    """The full start: the frame paints first, then the list is built and the repository (its schema, in a
    worker) opened and listed; only then the other panes are built (their modules imported in a worker
    meanwhile) and the first document opened and painted."""
    line = _smoke(tmp_path, "--quit-when-loaded")
    assert line["imported_before_first_paint"] == [] and line["first_document"]
    assert list(line["timeline"]) == ["window_ms", "shown_ms", "first_paint_ms", "list_built_ms", "repository_ms",
                                      "listed_ms", "built_ms", "opened_ms", "painted_ms"]  # in the order they happened
    timeline = line["timeline"]
    assert timeline["list_built_ms"] <= timeline["listed_ms"] <= timeline["built_ms"] <= timeline["opened_ms"]


def test_the_smoke_mode_for_the_list_ends_once_the_list_is_painted(tmp_path: Path) -> None:
    """`--quit-when-listed` ends when the list is shown and painted: every document of the sample is listed."""
    line = _smoke(tmp_path, "--quit-when-listed")
    assert line["imported_before_first_paint"] == []
    assert list(line["timeline"]) == ["window_ms", "shown_ms", "first_paint_ms", "list_built_ms", "repository_ms",
                                      "listed_ms", "list_painted_ms"]
    from redactie.repository import ContentRepository

    assert line["documents"] == len(ContentRepository(tmp_path / "sample").documents) > 0


def test_the_frame_without_its_panes_works_until_they_are_built(qtbot, content_repo: Path,  # noqa: ANN001
                                                                isolated_home: Path) -> None:
    """A window built as a frame (as app.run builds it) paints before its panes exist; a shortcut pressed in that
    moment, or closing it, works; its panes come after the paint and take the stand-ins' places."""
    from PySide6.QtWidgets import QApplication

    from redactie.gui.first_paint import after_first_paint
    from redactie.gui.main_window import MainWindow

    win = MainWindow("nl", panes=False)
    qtbot.addWidget(win)
    seen: list[tuple[bool, object]] = []
    after_first_paint(win, lambda: seen.append((win.built, win.repo)))
    win.show()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(False, None)]
    sizes = win.splitter.sizes()
    win.actions_["find"].trigger()  # Ctrl+F before the panes: they are built, and the filter has the focus
    assert win.built and win.splitter.sizes() == sizes
    assert [win.splitter.widget(i) for i in range(3)] == [win.documents, win.editor, win.preview]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert win.documents.isAncestorOf(QApplication.focusWidget())
    assert win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.documents.ready)
    win.close()
    frame = MainWindow("nl", panes=False)
    qtbot.addWidget(frame)
    frame.show()
    assert frame.close() and not frame.built


def test_the_window_still_shows_git_state_and_the_preview_after_the_first_paint(qtbot, content_repo: Path,  # noqa: ANN001
                                                                                isolated_home: Path) -> None:
    """Deferred is not dropped: git's state and the first preview arrive on their own."""
    from redactie.gui.main_window import MainWindow

    win = MainWindow("nl")
    qtbot.addWidget(win)
    win.show()
    assert win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.documents.ready)
    first = win.documents.first_document()
    assert first
    win.open_document(first)
    qtbot.waitUntil(lambda: win.monitor.snapshot is not None and win.monitor.snapshot.state is not None,
                    timeout=15000)
    qtbot.waitUntil(lambda: win.preview.toPlainText().strip() != "", timeout=15000)
    assert win.monitor.service is not None
    win.close()


def test_a_section_editor_looks_up_its_icon_files_once_per_process(qtbot, monkeypatch) -> None:  # noqa: ANN001
    """Every section editor of every document gets a dozen formatting actions: the icon files are found once
    (a path resolve and a stat per icon per editor made opening a document measurably slower)."""
    from redactie.gui.section_edit import SectionEdit

    qtbot.addWidget(SectionEdit())
    looked: list[Path] = []
    original_is_file, original_resolve = Path.is_file, Path.resolve

    def is_file(path: Path) -> bool:
        looked.append(path)
        return original_is_file(path)

    def resolve(path: Path, strict: bool = False) -> Path:
        looked.append(path)
        return original_resolve(path, strict)

    monkeypatch.setattr(Path, "is_file", is_file)
    monkeypatch.setattr(Path, "resolve", resolve)
    edit = SectionEdit()
    qtbot.addWidget(edit)
    assert edit.format_actions and not [path for path in looked if "icons" in path.parts or path.suffix == ".py"]


def test_every_lazy_import_is_one_a_frozen_build_can_see() -> None:
    """PyInstaller follows `import` statements, also inside functions, but not module names in strings: a
    module imported only through importlib.import_module would be missing from the installed app."""
    import ast

    spec = (CONTENT.parent / "packaging" / "redactie.spec").read_text(encoding="utf-8")
    hidden = ast.literal_eval(spec.split("hiddenimports=", 1)[1].split("\n", 1)[0].rstrip(","))
    unseen = []
    for path in sorted((CONTENT.parent / "src" / "redactie").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                    "import_module", "__import__"):
                name = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
                if name not in hidden:
                    unseen.append(f"{path.name}:{node.lineno} {name}")
    assert unseen == []


def test_the_history_shown_before_git_is_open_loads_when_it_is(qtbot, content_repo: Path,  # noqa: ANN001
                                                                isolated_home: Path) -> None:
    """Git opens a moment after the list: a history asked for before then waits for it instead of saying
    the folder has no git."""
    from PySide6.QtWidgets import QListWidget

    from redactie.gui.main_window import MainWindow

    win = MainWindow("nl")
    qtbot.addWidget(win)
    win.show()
    assert win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.documents.ready)
    win.open_document(win.documents.first_document())
    assert win.monitor.opening
    win.show_history()
    assert "git" not in win.history.status.text()
    versions = win.history.findChild(QListWidget)
    qtbot.waitUntil(lambda: versions.count() > 0, timeout=15000)
    win.close()


def test_the_review_and_a_sync_asked_for_before_git_is_open_run_when_it_is(qtbot, content_repo: Path,  # noqa: ANN001
                                                                             isolated_home: Path) -> None:
    """In the moment between the list and git being open, "Wijzigingen bekijken" and "Synchroniseren" wait for
    git (and open it at once) instead of reporting that the folder is not a repository."""
    from redactie.gitservice.problems import GitProblem
    from redactie.gui.main_window import MainWindow

    changed = sorted((content_repo / "docs").rglob("*.md"))[0]
    changed.write_bytes(changed.read_bytes() + b"\nEen extra regel.\n")
    win = MainWindow("nl")
    qtbot.addWidget(win)
    messages: list[str] = []
    win.sharing.message.connect(messages.append)
    win.show()
    assert win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.documents.ready)
    assert win.monitor.opening
    win.show_review()
    win.sharing.sync()
    qtbot.waitUntil(lambda: win.review is not None and len(win.review.reviews) == 1, timeout=15000)
    qtbot.waitUntil(lambda: bool(messages), timeout=15000)
    assert GitProblem("not-a-repository").localized("nl") not in messages
    win.review.close()
    win.close()


def test_the_licence_list_reads_each_package_s_metadata_once_and_finds_the_same_texts(monkeypatch) -> None:  # noqa: ANN001
    """The smoke mode counts the licence texts: each package's METADATA is parsed once (importlib.metadata
    parses it again on every access) and only RECORD lines that may name a licence are parsed, with the same
    texts found as from the full file list."""
    from importlib import metadata

    from redactie import licences
    from redactie.resources import app_root

    dists = licences.runtime_distributions()
    assert dists
    for dist in dists:
        full = [Path(str(dist.locate_file(f))) for f in dist.files or []
                if (licences.LICENCE_FILE.match(f.name) and ".dist-info" in str(f)) or f.name.endswith(".license")]
        assert licences.licence_files(dist) == full
    reads: list[str] = []
    original = metadata.PathDistribution.read_text

    def read_text(self: metadata.PathDistribution, filename: str) -> str | None:
        reads.append(filename)
        return original(self, filename)

    monkeypatch.setattr(metadata.PathDistribution, "read_text", read_text)
    index = licences.installed_licences(app_root() / "packaging" / "licenses")
    assert len(index) == len(dists) + 1  # and Python itself
    assert reads.count("METADATA") <= len(dists) + 1  # once each, and redactie's own requirements


def test_work_waiting_for_a_first_paint_runs_once_also_when_the_window_never_paints(qtbot) -> None:  # noqa: ANN001
    """A window that is never painted (minimised, on a screen that is off) still gets its panes built; one that
    is painted many times runs the work once."""
    from PySide6.QtWidgets import QWidget

    from redactie.gui.first_paint import after_first_paint

    hidden, shown = QWidget(), QWidget()
    qtbot.addWidget(hidden)
    qtbot.addWidget(shown)
    runs: list[str] = []
    after_first_paint(hidden, lambda: runs.append("hidden"))
    after_first_paint(shown, lambda: runs.append("shown"))
    shown.show()
    qtbot.waitUntil(lambda: "shown" in runs)
    shown.repaint()
    shown.hide()
    shown.show()
    qtbot.waitUntil(lambda: "hidden" in runs, timeout=5000)
    qtbot.wait(50)
    assert sorted(runs) == ["hidden", "shown"]
