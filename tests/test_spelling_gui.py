"""Spelling in the section editor: underlines, a keystroke re-checks one line, the word-list choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from redactie.gui.section_edit import SectionEdit
from redactie.gui.spell_loader import load_speller
from redactie.gui.tasks import TaskRunner
from redactie.spelling import REPOSITORY_LIST, Speller


class CountingSpeller(Speller):
    """A real speller that counts the lines it is asked to check."""

    checked: list[str]

    def check(self, line: str, state: int = 0) -> tuple[list[tuple[int, int]], int]:
        self.checked.append(line)
        return super().check(line, state)


@pytest.fixture
def edit(qtbot, content_repo: Path) -> SectionEdit:  # noqa: ANN001
    widget = SectionEdit()
    qtbot.addWidget(widget)
    speller = CountingSpeller("nl", content_repo, user_list=content_repo.parent / "eigen.txt").load()
    speller.checked = []
    widget.set_speller(speller)
    return widget


def underlined(edit: SectionEdit) -> list[str]:
    found = []
    block = edit.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                found.append(block.text()[r.start:r.start + r.length])
        block = block.next()
    return found


def test_only_prose_is_underlined(edit: SectionEdit) -> None:
    edit.setPlainText('Een fuot in de tekst.\n```\nretrun codde\n```\n!!! example "Voorbeeld"\n<a href="x">tekst</a>')
    assert underlined(edit) == ["fuot"]


def test_a_keystroke_rechecks_only_its_own_line(edit: SectionEdit) -> None:
    edit.setPlainText("\n".join(f"Regel {n} van de toelichting." for n in range(40)))
    edit.highlighter.speller.checked.clear()
    cursor = QTextCursor(edit.document().findBlockByNumber(20))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText(" Extra")
    assert edit.highlighter.speller.checked == ["Regel 20 van de toelichting. Extra"]


def test_adding_to_the_repository_word_list_writes_the_file_and_clears_the_underline(
        edit: SectionEdit, content_repo: Path) -> None:
    edit.setPlainText("Het Octobox-dashboard en Octobox.")
    assert underlined(edit) == ["Octobox", "Octobox"] or underlined(edit) == ["Octobox-dashboard", "Octobox"]
    inside = QTextCursor(edit.document())
    inside.setPosition(edit.toPlainText().rindex("Octobox") + 3)
    cursor = edit.misspelled_at(edit.cursorRect(inside).center())
    assert cursor is not None and cursor.selectedText() == "Octobox"
    edit.accept_word("Octobox", "repository")
    assert (content_repo / REPOSITORY_LIST).read_text(encoding="utf-8") == "Octobox\n"
    assert underlined(edit) == []


def test_suggestions_replace_the_underlined_word(edit: SectionEdit) -> None:
    edit.setPlainText("De verseisten van de wet.")
    rect = edit.cursorRect(edit.document().find("verseisten"))
    cursor, suggestions = edit.suggestions_at(rect.center())
    assert cursor.selectedText() == "verseisten" and suggestions[0] == "vereisten"
    edit.replace_word(cursor, suggestions[0])
    assert edit.toPlainText() == "De vereisten van de wet." and underlined(edit) == []


def test_loading_and_learning_run_in_the_background(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    for n in range(3):
        (content_repo / "docs" / f"extra{n}.md").write_text("## Toelichting\n\nHet Octobox.\n", encoding="utf-8")
    runner = TaskRunner()
    ready: list[Speller] = []
    load_speller(runner, ready.append, repository=content_repo)
    qtbot.waitUntil(lambda: bool(ready), timeout=20000)
    assert ready[0].misspelled("Het Octobox.") == [] and ready[0].misspelled("Het Octobx.") == [(4, 6)]
    runner.wait()


def test_opening_a_code_fence_rechecks_the_lines_after_it(edit: SectionEdit) -> None:
    edit.setPlainText("Een fuot.\nnog een fuot\n```")
    assert underlined(edit) == ["fuot", "fuot"]
    cursor = QTextCursor(edit.document().findBlockByNumber(1))
    cursor.insertText("```\n")
    assert underlined(edit) == ["fuot"]


def test_a_missing_dictionary_reaches_the_failed_callback(qtbot) -> None:  # noqa: ANN001
    from redactie.spelling import DictionaryMissing

    runner = TaskRunner()
    errors: list[Exception] = []
    load_speller(runner, lambda speller: None, language="xx", failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert isinstance(errors[0], DictionaryMissing) and "xx" in errors[0].localized("nl")
    runner.wait()
