"""Every way a schema file can be unusable reaches the editor as a message in plain words, in Dutch and English,
with the file and line, the technical detail apart, and ways forward; the window says which repository it shows."""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pytest

from redactie.schema import SCHEMA_FILE, SchemaError

from .conftest import SAMPLE_DOC, git, wait_idle

GOOD = (Path(__file__).resolve().parents[1] / "content" / SCHEMA_FILE).read_text(encoding="utf-8")

# Each broken variant of the sample's schema file: its text (or bytes) and the line at fault (None: any).
TEXTS: dict[str, tuple[str | bytes, int | None]] = {
    "unclosed bracket": ("schema: 1\nfields: [\n  title: {kind: text\n", None),
    "tab indentation": ("schema: 1\nfields:\n\ttitle: {kind: text}\n", 3),
    "colon in a value": ("schema: 1\nname: een: twee\n", 2),
    "duplicate key": ("schema: 1\nschema: 2\n", 2),
    "open quote": ("schema: 1\nname: 'open\n", None),
    "bad indentation": ("types:\n  a:\n    files: x\n   b: 1\n", 4),
    "undefined alias": ("schema: 1\nname: *nergens\n", 2),
    "control character": ("schema: 1\x07\n", None),
    "empty": ("", 1),
    "only comments": ("# nog niets\n", 1),
    "a list": ("- types\n- fields\n", 1),
    "loose text": ("dit is geen schema\n", 1),
    "no types": ("schema: 1\nfields: {}\n", None),
    "types as a list": ("schema: 1\ntypes: [vereiste]\n", None),
    "unknown kind": (GOOD.replace("kind: text", "kind: tekst", 1), None),
    "words not a number": (GOOD.replace("max_words: 40", "max_words: veel", 1), None),
    "bad pattern": ("types:\n  a: {files: [x/*.md], fields: [x]}\nfields:\n  x: {kind: identifier, pattern: '([a-z'}\n",
                    4),
    "unknown vocabulary": (GOOD.replace("vocabulary: levenscyclus", "vocabulary: nergens", 1), None),
    "relation to nothing": ("types:\n  a: {files: [x/*.md], fields: [r]}\nfields:\n  r: {kind: relation, target: b}\n",
                            4),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),
    "windows-1252": ("schema: 1\nname: Caf\u00e9\n".encode("cp1252"), 2),
    "utf-16 without a mark": (GOOD.encode("utf-16-le"), None),
}


def _repo(tmp_path: Path, name: str = "kapot") -> Path:
    root = tmp_path / name
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", root)
    return root


def _break(root: Path, case: str) -> None:
    data, _ = TEXTS[case]
    path = root / SCHEMA_FILE
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def _failure(root: Path) -> SchemaError:
    from redactie.repository import ContentRepository

    with pytest.raises(SchemaError) as caught:
        ContentRepository(root).vocabularies()
    return caught.value


def _assert_plain(error: SchemaError) -> None:
    assert error.message_nl and error.message and error.message_nl != error.message
    for language in ("nl", "en"):
        text = error.plain(language)
        assert "Traceback" not in text and "<unicode string>" not in text and "codec" not in text
        if error.detail:  # the parser's own words are the detail, never the message
            first = error.detail.splitlines()[0]
            assert first not in text


@pytest.mark.parametrize("case", sorted(TEXTS))
def test_every_broken_schema_file_is_said_in_plain_words(tmp_path: Path, isolated_home: Path, case: str) -> None:
    root = _repo(tmp_path)
    _break(root, case)
    error = _failure(root)
    _assert_plain(error)
    assert Path(error.path).name == SCHEMA_FILE
    expected = TEXTS[case][1]
    if expected is not None:
        assert error.line == expected, error.localized("en")


def test_a_yaml_error_is_dutch_in_dutch_and_its_parser_text_is_the_detail(tmp_path: Path,
                                                                          isolated_home: Path) -> None:
    root = _repo(tmp_path)
    _break(root, "colon in a value")
    error = _failure(root)
    assert "dubbele punt" in error.plain("nl") and "colon" in error.plain("en")
    assert "mapping values are not allowed" not in error.plain("nl")
    assert "mapping values are not allowed" in error.detail


def test_a_folder_a_dangling_link_and_an_unreadable_file_are_reported(tmp_path: Path, isolated_home: Path) -> None:
    root = _repo(tmp_path)
    path = root / SCHEMA_FILE
    path.unlink()
    path.mkdir()  # before: silently passed over (the schema then inferred as if there were none)
    error = _failure(root)
    assert "map" in error.plain("nl") and "folder" in error.plain("en")
    path.rmdir()
    path.symlink_to(root / "nergens.yaml")
    _assert_plain(_failure(root))
    path.unlink()
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    try:
        if os.geteuid() == 0:
            pytest.skip("root reads any file: permissions cannot be tested")
        error = _failure(root)
        assert "rechten" in error.plain("nl") and "permission" in error.plain("en")
    finally:
        path.chmod(0o644)


def test_a_vocabulary_folder_that_does_not_exist_is_said_in_both_languages(tmp_path: Path,
                                                                          isolated_home: Path) -> None:
    root = _repo(tmp_path)
    (root / SCHEMA_FILE).write_text(GOOD.replace("files: docs/levenscyclus", "files: docs/bestaat-niet", 1),
                                    encoding="utf-8")
    error = _failure(root)
    _assert_plain(error)
    assert "bestaat-niet" in error.plain("nl") and error.line == 7  # where the vocabulary is defined


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                           (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_a_schema_file_with_a_byte_order_mark_reads(tmp_path: Path, isolated_home: Path, bom: bytes,
                                                    encoding: str) -> None:
    from redactie.schema.repair import read_source, save

    root = _repo(tmp_path)
    (root / SCHEMA_FILE).write_bytes(bom + GOOD.replace("\n", "\r\n").encode(encoding))
    from redactie.repository import ContentRepository

    assert ContentRepository(root).schema.types
    source = read_source(root / SCHEMA_FILE)
    assert source.crlf and source.encode(source.text) == source.original
    assert save(source, source.text) is False  # unchanged: not written
    assert save(source, source.text + "# nagekeken\r\n") is True
    assert (root / SCHEMA_FILE).read_bytes() == source.original + "# nagekeken\r\n".encode(encoding)


# -- the window ------------------------------------------------------------------------------------------------------


def _visible_problem(win):  # noqa: ANN001, ANN202
    from redactie.gui.schema_problem import SchemaProblem

    boxes = [box for box in win.findChildren(SchemaProblem) if box.isVisible()]
    return boxes[-1] if boxes else None


def _window(qtbot, root: Path, language: str = "nl"):  # noqa: ANN001, ANN202
    from redactie.gui.main_window import MainWindow

    win = MainWindow(language)
    qtbot.addWidget(win)
    win.load_repository(root)
    win.show()
    qtbot.waitUntil(lambda: win.documents.error is not None or (win.documents.ready and win.repo is not None),
                    timeout=20000)
    return win


def _button(box, name: str):  # noqa: ANN001, ANN202
    from PySide6.QtWidgets import QAbstractButton

    return next(b for b in box.findChildren(QAbstractButton) if b.accessibleName() == name)


@pytest.mark.parametrize("case", ["colon in a value", "binary", "empty"])
def test_a_start_on_a_broken_schema_says_which_file_line_and_what_in_dutch(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                           isolated_home: Path, case: str) -> None:
    root = _repo(tmp_path)
    _break(root, case)
    win = _window(qtbot, root)
    qtbot.waitUntil(lambda: _visible_problem(win) is not None, timeout=20000)
    box = _visible_problem(win)
    error = win.documents.error
    assert isinstance(error, SchemaError)
    assert "kapot" in box.text() and SCHEMA_FILE in box.text()
    assert f"Regel {error.line}: {error.plain('nl')}" in box.informativeText()
    assert error.plain("en") not in box.informativeText()
    if error.detail:
        assert error.detail.splitlines()[0] not in box.informativeText()
        assert box.detailedText().startswith("Technische details")
    ways = {b.accessibleName() for b in box.buttons()}
    assert {"Tijdelijk zonder schemabestand", "Andere map openen", "Sluiten"} <= ways
    assert ("Schema herstellen" in ways) == (case != "binary")  # a binary file cannot be shown: its folder can
    assert ("Map tonen" in ways) == (case == "binary")
    # The title names the repository, as a good start does; the status bar says its schema is unusable.
    assert win.windowTitle().replace("[*]", "") == "Redactie — kapot"
    assert win.format_label.text() == "Schema onbruikbaar"
    assert win.problem_button.isVisibleTo(win) and win.repo is None and win.documents.count() == 0
    box.reject()
    win.problem_button.click()  # the message comes back from the status bar
    qtbot.waitUntil(lambda: _visible_problem(win) is not None)
    _visible_problem(win).reject()
    win.close()


def test_the_message_is_english_when_the_window_is(qtbot, tmp_path: Path, isolated_home: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from redactie.gui import i18n

    root = _repo(tmp_path)
    _break(root, "tab indentation")
    i18n.install(QApplication.instance(), "en")
    try:
        win = _window(qtbot, root, "en")
        qtbot.waitUntil(lambda: _visible_problem(win) is not None, timeout=20000)
        box = _visible_problem(win)
        assert box.windowTitle() == "Schema unusable"
        assert "Line 3: the schema file is not valid YAML: a tab" in box.informativeText()
        assert "Regel" not in box.informativeText() and "schemabestand" not in box.informativeText()
        assert {"Repair schema", "Without the schema file for now", "Open another folder", "Close"} <= {
            b.accessibleName() for b in box.buttons()}
        assert box.detailedText().startswith("Technical details")
        assert win.format_label.text() == "Schema unusable"
        box.reject()
        win.close()
    finally:
        i18n.install(QApplication.instance(), "nl")


def test_repairing_the_schema_as_text_saves_it_and_opens_the_documents(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                      isolated_home: Path) -> None:
    from redactie.gui.schema_repair import SchemaRepair

    root = _repo(tmp_path)
    _break(root, "words not a number")
    win = _window(qtbot, root)
    qtbot.waitUntil(lambda: _visible_problem(win) is not None, timeout=20000)
    _button(_visible_problem(win), "Schema herstellen").click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(SchemaRepair)))
    dialog = next(d for d in win.findChildren(SchemaRepair) if d.isVisible())
    state = next(label for label in dialog.findChildren(type(dialog.state)) if label.accessibleName()
                 == "Toestand van het schema")
    line = win.documents.error.line
    assert state.text().startswith(f"Regel {line}: ")
    assert dialog.edit.textCursor().blockNumber() == line - 1  # the cursor at the line at fault
    cursor = dialog.edit.textCursor()
    cursor.select(cursor.SelectionType.LineUnderCursor)
    cursor.insertText(cursor.selectedText().replace("veel", "40"))
    dialog.check_now()
    assert state.text() == "Het schema is nu bruikbaar."
    _button(dialog, "Opslaan en opnieuw openen").click()
    assert (root / SCHEMA_FILE).read_text(encoding="utf-8") == GOOD
    qtbot.waitUntil(lambda: win.repo is not None and win.documents.ready and win.documents.error is None,
                    timeout=20000)
    wait_idle(qtbot, win)
    assert win.documents.count() > 0 and not win.problem_button.isVisibleTo(win)
    assert "onbruikbaar" not in win.format_label.text()
    win.close()


def test_working_without_the_schema_file_for_now_writes_nothing(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                isolated_home: Path) -> None:
    root = _repo(tmp_path)
    _break(root, "unclosed bracket")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "kapot")
    before = (root / SCHEMA_FILE).read_bytes()
    win = _window(qtbot, root)
    qtbot.waitUntil(lambda: _visible_problem(win) is not None, timeout=20000)
    _button(_visible_problem(win), "Tijdelijk zonder schemabestand").click()
    qtbot.waitUntil(lambda: win.repo is not None and win.documents.ready and win.documents.error is None,
                    timeout=30000)
    wait_idle(qtbot, win)
    assert win.documents.count() > 0
    assert win.format_label.text().startswith("Tijdelijk: ")
    assert win.problem_button.isVisibleTo(win) and not win.schema_button.isVisibleTo(win)
    assert win.windowTitle().replace("[*]", "") == "Redactie — kapot"
    assert (root / SCHEMA_FILE).read_bytes() == before
    assert git(root, "status", "--porcelain") == ""
    win.close()
    win.deleteLater()


def test_opening_a_broken_repository_from_a_good_one_keeps_the_good_one_and_says_so(  # noqa: ANN001
        qtbot, sample_window, content_repo: Path, tmp_path: Path) -> None:
    win = sample_window
    wait_idle(qtbot, win)
    rows = win.documents.count()
    broken = _repo(tmp_path)
    _break(broken, "duplicate key")
    win.load_repository(broken)
    qtbot.waitUntil(lambda: _visible_problem(win) is not None, timeout=20000)
    box = _visible_problem(win)
    assert "kapot" in box.text() and "inhoud" in box.informativeText()
    assert win.windowTitle().replace("[*]", "") == "Redactie — inhoud"
    assert win.repo is not None and win.repo.root == content_repo.resolve()
    assert win.documents.count() == rows and win.editor.session is not None
    assert win.editor.session.relpath == SAMPLE_DOC
    assert "kapot" in win.statusBar().currentMessage() and "inhoud" in win.statusBar().currentMessage()
    box.reject()


def test_a_broken_repository_whose_list_was_saved_does_not_leave_an_empty_list(  # noqa: ANN001
        qtbot, sample_window, content_repo: Path, tmp_path: Path) -> None:
    win = sample_window
    broken = _repo(tmp_path)
    win.load_repository(broken)  # opened once while good: its list is saved for the next start
    qtbot.waitUntil(lambda: win.repo is not None and win.repo.root == broken.resolve() and win.documents.complete,
                    timeout=20000)
    wait_idle(qtbot, win)
    win.load_repository(content_repo)
    qtbot.waitUntil(lambda: win.repo is not None and win.repo.root == content_repo.resolve()
                    and win.documents.ready and win.editor.session is not None
                    and win.editor.session.repo is win.repo, timeout=20000)
    wait_idle(qtbot, win)
    rows = win.documents.count()
    _break(broken, "open quote")
    win.load_repository(broken)
    qtbot.waitUntil(lambda: _visible_problem(win) is not None, timeout=20000)
    wait_idle(qtbot, win)
    assert win.repo.root == content_repo.resolve()
    assert win.documents.count() == rows  # the kept repository's list, not the broken one's saved rows, nor none
    assert win.windowTitle().replace("[*]", "") == "Redactie — inhoud"
    _visible_problem(win).reject()


def test_the_same_repository_with_its_schema_now_broken_shows_nothing_of_the_old_schema(  # noqa: ANN001
        qtbot, sample_window, content_repo: Path) -> None:
    win = sample_window
    wait_idle(qtbot, win)
    _break(content_repo, "tab indentation")
    win.load_repository(content_repo)
    qtbot.waitUntil(lambda: _visible_problem(win) is not None, timeout=20000)
    assert win.repo is None and win.documents.count() == 0 and win.editor.session is None
    assert win.windowTitle().replace("[*]", "") == "Redactie — inhoud"
    assert win.format_label.text() == "Schema onbruikbaar"
    _visible_problem(win).reject()


def test_a_schema_that_fails_once_the_list_is_read_clears_the_window(qtbot, sample_window,  # noqa: ANN001
                                                                     tmp_path: Path) -> None:
    win = sample_window
    wait_idle(qtbot, win)
    broken = _repo(tmp_path)
    (broken / SCHEMA_FILE).write_text(GOOD.replace("files: docs/levenscyclus", "files: docs/bestaat-niet", 1),
                                      encoding="utf-8")
    win.load_repository(broken)
    qtbot.waitUntil(lambda: _visible_problem(win) is not None, timeout=20000)
    wait_idle(qtbot, win)
    assert win.windowTitle().replace("[*]", "") == "Redactie — kapot"
    assert win.repo is None and win.documents.count() == 0 and win.editor.session is None
    assert win.format_label.text() == "Schema onbruikbaar"
    _visible_problem(win).reject()


def test_a_failure_that_is_not_the_schema_s_own_is_said_too(qtbot, tmp_path: Path,  # noqa: ANN001
                                                            isolated_home: Path) -> None:
    root = _repo(tmp_path)
    win = _window(qtbot, root)
    wait_idle(qtbot, win)
    win.documents.failed.emit(RuntimeError("index kapot"))  # any other reason a reading of the list failed
    qtbot.waitUntil(lambda: _visible_problem(win) is not None)
    box = _visible_problem(win)
    assert "kapot" in box.text() and "Er ging iets mis" in box.informativeText()
    assert "index kapot" not in box.informativeText() and "index kapot" in box.detailedText()
    assert "Map tonen" in {b.accessibleName() for b in box.buttons()}
    box.reject()
    win.close()



# -- by rule: any text, any bytes, any structure of the schema's own words ------------------------------------------


def _words() -> list[str]:
    from redactie.schema.model import KINDS

    return ["schema", "name", "types", "fields", "vocabularies", "kind", "files", "folders", "documents", "values",
            "vocabulary", "target", "max_words", "pattern", "required", "label", "nl", "en", "also", "open", "id",
            "file_name", "sections", "exclude", "key", "store", "default", "multiple", "a", "b", "x/*.md", "([",
            *KINDS]


def _structures():  # noqa: ANN202
    from hypothesis import strategies as st

    word = st.sampled_from(_words())
    leaf = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False, width=16), word,
                     st.text(max_size=6))
    return st.recursive(leaf, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(word, inner, max_size=4)), max_leaves=25)


def _reads_or_says_why(read) -> None:  # noqa: ANN001
    from redactie.schema import Schema

    try:
        schema = read()
    except SchemaError as error:
        _assert_plain(error)
        assert error.line >= 1
        return
    assert isinstance(schema, Schema)


def test_any_structure_of_schema_words_reads_or_is_said_plainly(isolated_home: Path) -> None:
    import json

    from hypothesis import given, settings

    from redactie.schema import parse_schema

    @settings(max_examples=150)
    @given(_structures())
    def check(data: object) -> None:
        _reads_or_says_why(lambda: parse_schema(json.dumps(data), SCHEMA_FILE))  # JSON is YAML

    check()


def test_any_bytes_in_the_schema_file_read_or_are_said_plainly(tmp_path: Path, isolated_home: Path) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from redactie.schema import load_schema

    path = tmp_path / SCHEMA_FILE

    @settings(max_examples=150)
    @given(st.one_of(st.binary(max_size=60), st.text(max_size=60).map(lambda t: t.encode("utf-8", "surrogatepass"))))
    def check(data: bytes) -> None:
        path.write_bytes(data)
        _reads_or_says_why(lambda: load_schema(path))

    check()


def test_the_real_catalogue_with_a_broken_schema_file_is_said_and_recognised_without_it(
        corpus_2026_copy: Path) -> None:
    from redactie.schema.select import select_schema, without_schema_file

    (corpus_2026_copy / SCHEMA_FILE).write_text(TEXTS["tab indentation"][0], encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        select_schema(corpus_2026_copy)
    assert caught.value.line == 3 and "tab" in caught.value.plain("nl")
    schema = without_schema_file(corpus_2026_copy)  # what "Tijdelijk zonder schemabestand" opens with
    assert schema.format_id is not None and "2026" in schema.describe().nl
    assert (corpus_2026_copy / SCHEMA_FILE).read_text(encoding="utf-8") == TEXTS["tab indentation"][0]


def test_a_repair_never_overwrites_what_another_program_wrote_meanwhile(tmp_path: Path, isolated_home: Path) -> None:
    from redactie.fileio import FileRefused
    from redactie.schema.repair import read_source, save

    root = _repo(tmp_path)
    _break(root, "tab indentation")
    source = read_source(root / SCHEMA_FILE)
    (root / SCHEMA_FILE).write_text(GOOD, encoding="utf-8")  # repaired elsewhere meanwhile
    with pytest.raises(FileRefused) as refused:
        save(source, source.text.replace("\t", "  "))
    assert "ander programma" in refused.value.localized("nl") and "another program" in refused.value.localized("en")
    assert (root / SCHEMA_FILE).read_text(encoding="utf-8") == GOOD


def test_closing_the_repair_with_changes_asks_first(qtbot, tmp_path: Path, isolated_home: Path) -> None:  # noqa: ANN001
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from redactie.gui.schema_repair import SchemaRepair
    from redactie.schema.repair import read_source

    root = _repo(tmp_path)
    _break(root, "tab indentation")
    dialog = SchemaRepair(read_source(root / SCHEMA_FILE), 3, "nl")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edit.insertPlainText("  ")
    answers: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            answers.append(box.text())
            box.button(button).click()

    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Cancel))
    dialog.reject()
    assert answers and dialog.isVisible()  # asked, and kept open
    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Discard))
    dialog.reject()
    assert len(answers) == 2 and not dialog.isVisible()
    assert (root / SCHEMA_FILE).read_text(encoding="utf-8") == TEXTS["tab indentation"][0]  # nothing written


def test_a_repair_changes_only_what_the_user_changed(qtbot, tmp_path: Path, isolated_home: Path) -> None:  # noqa: ANN001
    """The repair's text box holds the file exactly: CRLF line ends, no-break spaces (in a label, in a comment) and a
    zero-width space come back byte for byte around the one line the user repaired (a plain text box gives a
    no-break space back as a space)."""
    from PySide6.QtGui import QTextCursor

    from redactie.gui.schema_repair import SchemaRepair
    from redactie.schema.repair import read_source

    root = _repo(tmp_path)
    broken = (GOOD.replace("schema: 1", "schema: 1\n\tfout: ja", 1) + "# het\u00a0kader, een\u200bnul-breedte\n"
              ).replace("\n", "\r\n").replace("{nl: Vereiste,", "{nl: Vereiste\u00a0eis,", 1)
    assert "\u00a0" in broken.split("# het")[0]  # a no-break space in a label too
    (root / SCHEMA_FILE).write_bytes(broken.encode("utf-8"))
    dialog = SchemaRepair(read_source(root / SCHEMA_FILE), 3, "nl")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problem is not None
    block = dialog.edit.document().firstBlock()
    while block.text() != "\tfout: ja":
        block = block.next()
    cursor = QTextCursor(block)
    cursor.deleteChar()  # the tab the problem is about
    dialog.edit.setTextCursor(cursor)
    dialog.check_now()
    assert dialog.problem is None
    dialog.save_button.click()
    assert (root / SCHEMA_FILE).read_bytes() == broken.replace("\tfout: ja", "fout: ja", 1).encode("utf-8")
