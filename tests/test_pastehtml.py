"""Rich text pasted from Word, LibreOffice and web browsers becomes the Markdown the documents are written in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from redactie.pastehtml import html_fragment, html_to_markdown

DATA = Path(__file__).parent / "data" / "paste"


def fixture(name: str) -> str:
    return (DATA / name).read_bytes().decode("utf-8")


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def test_word_on_windows() -> None:
    pasted = html_to_markdown(fixture("word-windows.html"))
    assert pasted.markdown == (
        "**Wat moet je doen?**\n"
        "\n"
        "Organisaties die **hoog-risico-AI-systemen** gebruiken, moeten een *grondrechteneffectbeoordeling* "
        "uitvoeren. Zie ook de [Verordening Artificiële Intelligentie](https://eur-lex.europa.eu/legal-content/"
        "NL/TXT/HTML/?uri=OJ:L_202401689#d1e4082-1-1).\n"
        "\n"
        "**Let op:** dit geldt ook voor \u2018bestaande\u2019 systemen en voor \u201cnieuwe\u201d.\n"
        "\n"
        "- Beschrijf het doel van het systeem\n"
        "    - ook de **doelgroep**\n"
        "- Leg vast wie verantwoordelijk is\n"
        "\n"
        "Stappen:\n"
        "\n"
        "1. Inventariseer de risico\u2019s\n"
        "2. Neem maatregelen\n"
        "\n"
        "| Bron | Toelichting |\n"
        "|------|-------------|\n"
        "| [Artikel 1 Grondwet](https://wetten.overheid.nl/jci1.3:c:BWBR0001840&hoofdstuk=1&artikel=1) | "
        "Gelijke behandeling in gelijke gevallen \\| altijd |")
    assert [note.nl.split()[0] for note in pasted.notes] == ["Geplakte", "Afbeeldingen"]
    assert pasted.notes[0].localized("en").startswith("Pasted headings became bold")


def test_word_without_its_header_or_its_conditional_comments() -> None:
    """What Qt hands over on Windows (the header gone) and Word's older `<![if !supportLists]>` form."""
    html, source = html_fragment(fixture("word-windows.html"))
    assert html.startswith("<html") and source is None
    older = html.replace("<!--[if !supportLists]-->", "<![if !supportLists]>").replace("<!--[endif]-->",
                                                                                     "<![endif]>")
    assert html_to_markdown(older).markdown == html_to_markdown(html).markdown


def test_libreoffice_writer() -> None:
    pasted = html_to_markdown(fixture("libreoffice-writer.html"))
    assert pasted.markdown == (
        "**Toelichting voor *teams***\n"
        "\n"
        "Een team legt de **keuzes** vast in het [algoritmeregister](https://www.digitaleoverheid.nl/). "
        "Kosten: 5 \\* 3 uur, zie bestand_v2.docx.\n"
        "\n"
        "- eerste punt met *nadruk*\n"
        "- tweede punt\n"
        "    - onderpunt\n"
        "- derde punt\n"
        "\n"
        "1. stap een\n"
        "2. stap twee\n"
        "\n"
        "Regel een\n"
        "Regel twee\n"
        "\n"
        "| Bron | Datum |\n"
        "|------|-------|\n"
        "| [Algemene wet bestuursrecht](https://wetten.overheid.nl/BWBR0005537/2024-01-01) | 1 januari 2024 |")


def test_a_web_page_from_firefox() -> None:
    pasted = html_to_markdown(fixture("firefox-web.html"))
    assert pasted.markdown == (
        "**Wat houdt het in?**\n"
        "\n"
        "Overheden moeten **transparant** zijn over algoritmes. Lees de [maatregel over expertise]"
        "(../maatregelen/0-org-01-benodigde-expertise/) of het [Algoritmeregister](https://algoritmes.overheid.nl/nl).\n"
        "\n"
        "- [Een \\[lastige\\] link](https://example.org/een%20pad%20%28met%20haakjes%29)\n"
        "- Gebruik `<!-- tags -->` niet zelf\n"
        "- Een *belangrijk* punt\n"
        "    - met een onderpunt\n"
        "\n"
        "| Bron | Toelichting |\n"
        "|------|-------------|\n"
        "| [Artikel 20 Verordening Artificiële Intelligentie](https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/"
        "?uri=OJ:L_202401689#d1e4082-1-1) | Verplichting voor aanbieders |\n"
        "| Geen toelichting |  |\n"
        "\n"
        "![Schema](https://minbzk.github.io/Algoritmekader/images/schema.png)")
    assert len(pasted.notes) == 1  # the heading; a web image is kept


def test_chrome_on_windows_links_resolve_against_the_page() -> None:
    pasted = html_to_markdown(fixture("chrome-windows.html"))
    assert pasted.markdown == (
        "**AI-geletterdheid**\n"
        "\n"
        "Aanbieders en gebruiksverantwoordelijken nemen **maatregelen** om te zorgen voor een toereikend niveau "
        "van [AI-geletterdheid](https://minbzk.github.io/Algoritmekader/voldoen-aan-wetten-en-regels/maatregelen/"
        "0-org-02-ai-geletterdheid/).\n"
        "\n"
        "1. Eerste stap\n"
        "2. Tweede stap")


def test_google_docs_outer_bold_is_no_bold() -> None:
    assert html_to_markdown(fixture("google-docs.html")).markdown == "**Vet** en gewoon en *schuin*"


def test_a_code_editor_is_pasted_as_its_plain_text() -> None:
    """VS Code puts coloured source text on the clipboard: its Markdown must not be escaped."""
    assert html_to_markdown(fixture("vscode.html")).markdown is None
    assert html_to_markdown("<meta charset='utf-8'><span style='color:red'>een woord</span>").markdown is None


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.html")))
def test_every_fixture_gives_clean_markdown(name: str) -> None:
    markdown = html_to_markdown(fixture(name)).markdown
    if markdown is None:
        return
    assert not re.search(r"[ \t]$", markdown, re.M), "no trailing spaces"
    assert "\r" not in markdown and not re.search("[\x00-\x08\x0b-\x1f\x7f\u00a0]", markdown)
    assert not re.search(r"<(?!!-- tags)[a-zA-Z/!]", markdown), "no HTML left"
    assert "mso" not in markdown and "o:p" not in markdown and "\n\n\n" not in markdown
    html = rendered(markdown)
    assert "<h1>" not in html and "<h2>" not in html  # a section holds no headings of its own


def test_the_markdown_renders_as_the_lists_and_tables_it_came_from() -> None:
    html = rendered(html_to_markdown(fixture("word-windows.html")).markdown or "")
    assert html.count("<ul>") == 2 and html.count("<ol>") == 1 and html.count("<table>") == 1
    assert "<li>ook de <strong>doelgroep</strong></li>" in html


def test_numbered_word_list_starting_later_and_lettered_items() -> None:
    def item(marker: str, text: str, level: int = 1) -> str:
        return (f"<p class=MsoListParagraphCxSpMiddle style='mso-list:l3 level{level} lfo4'><!--[if !supportLists]-->"
                f"<span style='mso-list:Ignore'>{marker}<span style='font:7.0pt'>&nbsp;&nbsp;</span></span>"
                f"<!--[endif]-->{text}<o:p></o:p></p>")
    html = item("3.", "drie") + item("4.", "vier") + item("a.", "onder a", 2) + item("§", "teken", 3)
    assert html_to_markdown(html).markdown == "3. drie\n4. vier\n    1. onder a\n        - teken"


def test_line_breaks_and_blank_paragraphs() -> None:
    html = "<p>een<br>twee<br/>\n   drie</p><p>&nbsp;</p><p><o:p>&nbsp;</o:p></p><p>vier&nbsp;&nbsp;&nbsp;</p>"
    assert html_to_markdown(html).markdown == "een\ntwee\ndrie\n\nvier"


def test_control_characters_and_line_separators_are_dropped() -> None:
    html = "<p>a\x00b\x07c\u2028d</p><p>e\x0bf</p>"
    assert html_to_markdown(html).markdown == "abc\nd\n\ne\nf"


def test_markup_like_text_stays_text() -> None:
    markdown = html_to_markdown("<p>Gebruik &lt;b&gt; niet, wel *sterren* en _lage_ streepjes_in_woorden</p>").markdown
    assert markdown == r"Gebruik &lt;b> niet, wel \*sterren\* en \_lage\_ streepjes_in_woorden"
    assert "<b>" not in rendered(markdown)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/ab pliuoltd=\"'&;#!-[]*_|\n\x00\u00a0")), max_size=200))
def test_any_html_gives_text_or_nothing_never_an_error(html: str) -> None:
    markdown = html_to_markdown(html).markdown
    assert markdown is None or not re.search(r"[ \t]$|[\x00\u00a0]", markdown, re.M)


@pytest.mark.parametrize("html", ["<p>" + "<b>" * 3000 + "x", "<ul>" + "<li><ul>" * 2000 + "x",
                                  "<table><tr><td>" * 500 + "x"])
def test_absurd_nesting_falls_back_to_plain_text_with_a_note(html: str) -> None:
    pasted = html_to_markdown(html)
    assert pasted.markdown is None and "te diep genest" in pasted.notes[0].nl


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("", "", "- a\n- b\n\n"),
    ("Tekst", "", "Tekst\n\n- a\n- b\n\n"),
    ("Tekst\n", "\n", "Tekst\n\n- a\n- b\n\n"),
    ("Tekst\n\n", "meer", "Tekst\n\n- a\n- b\n\nmeer"),
    ("Tekst ", " meer\nnog", "Tekst \n\n- a\n- b\n\n meer\nnog"),
    ("\n\n", "\n\n", "\n\n- a\n- b\n\n"),
])
def test_pasted_blocks_stand_apart_from_the_text_around_them(before: str, after: str, expected: str) -> None:
    from redactie.pastehtml import spaced_blocks

    assert before + spaced_blocks("- a\n- b", before, after) + after == expected
    assert spaced_blocks("een woord", before, after) == "een woord"


def test_the_real_documents_survive_a_copy_from_the_site_and_a_paste() -> None:
    """Each corpus document as the site shows it (its Markdown rendered), pasted back: the same text, lists,
    tables, code and links (in-page anchors and empty addresses aside: they lead nowhere from a section)."""
    from bs4 import BeautifulSoup

    from .conftest import CORPUS

    files = sorted(CORPUS.rglob("docs/**/*.md")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("the shared corpus is not on this machine")
    differences = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        body = text.split("\n---", 2)[-1] if text.startswith("---") else text
        html = rendered(body)
        markdown = html_to_markdown(html).markdown
        if markdown is None:
            continue
        before, after = BeautifulSoup(html, "html.parser"), BeautifulSoup(rendered(markdown), "html.parser")
        if "".join(before.get_text().split()) != "".join(after.get_text().split()):
            differences.append(f"{path.name}: text")
        for tag in ("ul", "ol", "li", "table", "td", "blockquote", "code"):
            if len(before.find_all(tag)) != len(after.find_all(tag)):
                differences.append(f"{path.name}: {tag}")
        links = [a for a in before.find_all("a") if a.get("href") and not a["href"].startswith("#")]
        if len(links) != len(after.find_all("a")):
            differences.append(f"{path.name}: links")
    assert len(files) > 100 and differences == []


def test_a_pasted_phrase_keeps_its_edge_spaces() -> None:
    from redactie.pastehtml import keep_edge_spaces

    assert keep_edge_spaces("**vet**", " vet ") == " **vet** "
    assert keep_edge_spaces("**vet**", "vet\n") == "**vet**"
    assert keep_edge_spaces("- a\n- b", " a\nb ") == "- a\n- b"
