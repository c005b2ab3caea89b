"""The preview shows what the site shows: HTML comments hidden, label expressions in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactie.macros import macro_texts, readable_expression
from redactie.preview_html import to_html

from .conftest import CORPUS

TEMPLATE = CORPUS / "algoritmekader-2026" / "templates" / "template-vereiste.md"


def body(markdown: str) -> str:
    return to_html(markdown, {"tags": "Labels: x"}).split("</style>", 1)[1]


def test_html_comments_are_hidden_as_on_the_site() -> None:
    assert "verborgen" not in body("<!-- Hier staan de bronnen, verborgen -->\n- a\n")
    assert body("Tekst <!-- verborgen --> zichtbaar\n") == "<p>Tekst  zichtbaar</p>\n"
    assert "verborgen" not in body("<!-- een\n\nverborgen\n\nopmerking -->\nna\n") and "na" in body("<!-- a -->\nna\n")
    assert body("<!-- a --> rest\n") == "<p>rest</p>\n"
    assert 'class="macro"' in body("<!-- tags -->\n")  # the site's macros stay labelled blocks


def test_comments_in_code_and_unclosed_comments_stay_visible() -> None:
    assert "&lt;!-- code --&gt;" in body("`<!-- code -->`\n")
    assert "&lt;!-- fenced --&gt;" in body("```\n<!-- fenced -->\n```\n")
    typing = body("<!-- nog niet gesloten\n\n## Risico\n\nTekst\n")  # the editor is still typing the comment
    assert "Risico" in typing and "Tekst" in typing
    assert "&lt;span&gt;" in body("<span>geen html</span>\n")  # other HTML is never rendered


def test_a_label_expression_reads_in_words() -> None:
    names = {"risicogroep-verboden-ai": "Risicogroep: Verboden AI", "open-source-open-source": "Open source: Ja"}
    assert readable_expression('"risicogroep-verboden-ai" && !"open-source-open-source"', names) == (
        "Risicogroep: Verboden AI en niet Open source: Ja")
    assert readable_expression('("a" || "b") and not c', {}, "en") == "(a or b) and not c"
    assert readable_expression("x" * 5000, {}).endswith(" …")


@pytest.mark.skipif(not TEMPLATE.is_file(), reason="the shared corpus (../shared/corpus) is not here")
def test_the_template_and_an_expression_preview_as_the_site_shows_them() -> None:
    from redactie.repository import ContentRepository

    html = body(TEMPLATE.read_text(encoding="utf-8").split("---\n", 2)[2])
    assert "&lt;!--" not in html and "Onderstaande" not in html and "Hier staan, als lijstje" not in html
    repo = ContentRepository(CORPUS / "algoritmekader-2026")
    relpath = "docs/voldoen-aan-wetten-en-regels/vereisten/aia-36-melding-inbreuk-op-ai-verordening.md"
    if not (Path(repo.root) / relpath).is_file():
        pytest.skip(f"{relpath} is not in this corpus")
    tags = macro_texts(repo, relpath, "nl")["tags"]
    assert '"' not in tags and "&&" not in tags and "||" not in tags
    assert "Uitzondering: (Soort toepassing" in tags and " en Open source: Open source" in tags


def test_an_attribute_list_after_a_link_is_read_as_the_site_reads_it() -> None:
    """`[Naar de handreiking](url){ .button .md-button--secondary }` is a button on the site (attr_list): the
    preview shows the link, never the braces as text; braces that are no attribute list stay text."""
    shown = body("[Direct naar de handreiking](https://example.org/h){ .button .md-button--secondary }\n")
    assert shown == '<p><a href="https://example.org/h" class="button md-button--secondary">Direct naar de ' \
                    'handreiking</a></p>\n'
    assert "{ een accolade }" in body("Gewone tekst { een accolade } blijft.\n")
