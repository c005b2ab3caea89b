"""The identifier field shows an example an editor can read, never the regular expression it is checked with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QLineEdit

from redactie.repository import ContentRepository
from redactie.schema import FieldDef, Text
from redactie.schema.example import example_for
from redactie.validation import validate_repository

from .conftest import git, wait_idle

REGEX_SYNTAX = re.compile(r"[\^$\\\[\]()*+?{}|]")

PATTERNS = [
    r"^urn:nl:ak:ver:[a-z0-9]+(-[a-z0-9]+)*$",  # the 2026 schema's
    r"^urn\:nl\:ak\:mtr\:[a-z0-9]+(?:-[a-z0-9]+)*$",  # as an inferred schema escapes it
    r"^urn:nl:ak:[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$",
    r"^[a-z]+-\d+$",
    r"^(?:\d+-)?aia-\d{2}$",
    r"[A-Z]{2}-\d{4}",
    r"^\w+$",
    r"^\d+$",
    r"^[^-/]+$",
    r"^.{3,5}$",
    r"^ver-\d{2,3}(?:\.\d+)?$",
    r"^(?=abc)abc\d$",
    r"^(mtr|ver)-[0-9]{2}$",
    r"^[A-Z][a-z]+ \d+$",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_an_example_fits_its_pattern_and_holds_no_regex_syntax(pattern: str) -> None:
    example = example_for(pattern)
    assert example is not None
    assert re.fullmatch(pattern, example)
    assert not REGEX_SYNTAX.search(example), example


def test_an_example_reads_like_the_repository_s_codes() -> None:
    assert example_for(r"^urn:nl:ak:ver:[a-z0-9]+(-[a-z0-9]+)*$") == "urn:nl:ak:ver:abc-01"
    assert example_for(r"^[a-z]+-\d+$") == "abc-01"


@pytest.mark.parametrize("pattern", [None, "", "[", r"(x)\1", "^$", "^x{500}$", r"^(?<=a)b$"])
def test_a_pattern_no_example_can_be_made_for_gives_none(pattern: str | None) -> None:
    assert example_for(pattern) is None


def _field(pattern: str) -> FieldDef:
    return FieldDef("id", "identifier", Text("Code", "Code"), Text("De vaste code.", "The permanent code."),
                    pattern=pattern)


@pytest.mark.parametrize("pattern", [*PATTERNS, r"(x)\1", "["])
def test_the_field_shows_no_regex_as_placeholder_or_tooltip(qtbot, pattern: str) -> None:  # noqa: ANN001
    from redactie.gui.form import TextField

    widget = TextField(_field(pattern), "nl")
    qtbot.addWidget(widget)
    edit = widget.findChild(QLineEdit)
    assert edit is not None and edit.accessibleName() == "Code"
    assert pattern not in edit.placeholderText() and pattern not in edit.toolTip()
    example = example_for(pattern)
    if example:
        assert example in edit.placeholderText() and example in edit.toolTip()
    else:
        assert edit.placeholderText() == ""
        assert "vaste vorm" in edit.toolTip()  # said in words


def test_the_id_pattern_message_shows_an_example_not_the_pattern(corpus_2026_copy: Path) -> None:
    root = corpus_2026_copy
    target = root / "docs/voldoen-aan-wetten-en-regels/vereisten/aia-01-ai-geletterdheid.md"
    target.write_bytes(target.read_bytes().replace(b"id: urn:nl:ak:ver:aia-01", b"id: urn:nl:ak:mtr:aia-01", 1))
    repo = ContentRepository(root)
    found = [f for f in validate_repository(repo) if f.code == "id-pattern"]
    assert [f.path for f in found] == [target.relative_to(root).as_posix()]
    for language in ("nl", "en"):
        message = found[0].message(language)
        assert not REGEX_SYNTAX.search(message.replace("(", "").replace(")", "")), message
        assert "urn:nl:ak:ver:abc-01" in message and "urn:nl:ak:mtr:aia-01" in message


def test_the_code_field_of_a_real_vereiste_shows_a_readable_example(qtbot, corpus_2026_copy: Path) -> None:  # noqa: ANN001
    from redactie.gui.main_window import MainWindow

    root = corpus_2026_copy
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    win = MainWindow("nl")
    qtbot.addWidget(win)
    assert win.load_repository(root)
    win.show()
    qtbot.waitUntil(lambda: win.documents.ready)
    vereiste = next(p for p in sorted((root / "docs/voldoen-aan-wetten-en-regels/vereisten").glob("*.md"))
                    if p.name != "index.md")
    win.open_document(vereiste.relative_to(root).as_posix())
    wait_idle(qtbot, win)
    codes = [e for e in win.findChildren(QLineEdit) if e.accessibleName() == "Code"]
    assert codes
    for edit in codes:
        assert not REGEX_SYNTAX.search(edit.placeholderText()), edit.placeholderText()
        assert edit.placeholderText().endswith("urn:nl:ak:ver:abc-01")
    if win.editor.session is not None:
        win.editor.session.saved_bytes = win.editor.session.current()
    win.close()


def test_a_new_document_s_code_that_does_not_fit_is_explained_by_an_example(corpus_2026_copy: Path) -> None:
    from dataclasses import replace

    from redactie import newdoc
    from redactie.schema import load_schema

    schema = load_schema(Path(__file__).resolve().parents[1] / "resources" / "schemas" / "algoritmekader-2026.yaml")
    pattern = r"^urn:nl:ak:ver:[a-z]+-\d{2}$"  # stricter than the code check: letters, a dash, two digits
    schema.fields["id-vereiste"] = replace(schema.fields["id-vereiste"], pattern=pattern)
    repo = ContentRepository(corpus_2026_copy, schema)
    proposal = newdoc.propose(repo, schema.types["vereiste"], "Een nieuwe vereiste", "abc", used_ids=set())
    said = [text for pair in proposal.problems for text in pair if "urn:nl:ak:ver:abc" in text]
    assert len(said) == 2 and all(pattern not in text and "abc-01" in text for text in said), proposal.problems


_PARTS = st.sampled_from([r"[a-z]", r"[A-Z0-9]", r"\d", r"\w", r"[^-]", ".", "-", ":", "urn:", r"\.", r"[a-z0-9]",
                          r"[^\W\d_]", "x", r"\s", r"(?:-\d+)", r"(a|bc)", r"\b", r"(?=a)", r"(?!z)"])
_QUANTIFIERS = st.sampled_from(["", "+", "*", "?", "{2}", "{1,3}", "{0,2}", "+?", "{2,}"])


@given(st.lists(st.tuples(_PARTS, _QUANTIFIERS), min_size=1, max_size=8), st.booleans())
def test_any_pattern_gives_a_fitting_example_or_none(parts: list[tuple[str, str]], anchored: bool) -> None:
    pattern = "".join(part + (quantifier if not part.startswith(("(?=", "(?!", r"\b")) else "")
                      for part, quantifier in parts)
    if anchored:
        pattern = f"^{pattern}$"
    example = example_for(pattern)
    assert example is None or re.fullmatch(pattern, example) is not None
