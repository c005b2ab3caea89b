"""Rich text from the clipboard (Word, LibreOffice, a web page) as the Markdown a section holds (Qt-free).

The conversion itself is markdownify's. `office` first cleans what word processors add around the content
(Office namespaces, `mso-` list paragraphs, conditional comments, styles) and turns Word's list paragraphs
and style-only bold/italic into the HTML elements they stand for; `converter` writes the result the way the
documents are written: `-` bullets, 4-space nesting, pipe tables like the Bronnen tables, no trailing
spaces, no control characters and no HTML for what Markdown can say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from . import office
from .converter import Converter, tidy

# Windows' CF_HTML header ("Version:1.0", "StartHTML:…", …, "SourceURL:…") before the HTML itself.
_CF_HEADER_RE = re.compile(r"\A(?:[A-Za-z]+:[^\r\n<]*\r?\n)+")
_SOURCE_URL_RE = re.compile(r"^SourceURL:(\S+)", re.M)


@dataclass(frozen=True)
class Note:
    """Something the paste changed that the editor should hear about (Dutch and English)."""

    nl: str
    en: str

    def localized(self, language: str) -> str:
        """The note in `language` ("nl" or "en")."""
        return self.nl if language.startswith("nl") else self.en


@dataclass(frozen=True)
class Pasted:
    """Markdown for pasted rich text (LF line endings), or None when the HTML adds nothing to the plain text."""

    markdown: str | None
    notes: tuple[Note, ...] = ()


def html_fragment(data: str) -> tuple[str, str | None]:
    """The HTML of clipboard data without Windows' CF_HTML header, and the page address that header names."""
    source = None
    header = _CF_HEADER_RE.match(data) if data.startswith("Version:") else None
    if header:
        found = _SOURCE_URL_RE.search(header.group())
        source = found.group(1) if found else None
        data = data[header.end():]
    return data, source


def html_to_markdown(data: str) -> Pasted:
    """Convert clipboard HTML to section Markdown; see the module docstring for what is kept and how."""
    try:
        return _convert(data)
    except RecursionError:  # nesting deeper than any document has: the plain text is all that is sensible
        return Pasted(None, (Note("De opmaak van de geplakte tekst is te diep genest; de tekst is zonder opmaak "
                                  "geplakt.", "The pasted text's formatting is nested too deeply; the text was "
                                  "pasted without formatting."),))


def _convert(data: str) -> Pasted:
    html, source = html_fragment(data)
    soup = BeautifulSoup(html, "html.parser")
    office.drop_noise(soup)
    if office.is_plain(soup):
        return Pasted(None)
    office.close_list_items(soup)
    office.word_lists(soup)
    office.style_emphasis(soup)
    headings = office.headings_to_bold(soup)
    images = office.images(soup)
    if source:
        for link in soup.find_all("a", href=True):
            link["href"] = urljoin(source, link["href"])
    text = Converter().convert_soup(soup)
    notes = []
    if headings:
        notes.append(Note("Geplakte koppen zijn vet geworden (de sectie heeft al een kop).",
                          "Pasted headings became bold text (the section has a heading of its own)."))
    if images:
        notes.append(Note("Afbeeldingen van uw computer zijn weggelaten.",
                          "Images from your computer were left out."))
    return Pasted(tidy(text), tuple(notes))


def spaced_blocks(markdown: str, before: str, after: str) -> str:
    """`markdown` as inserted between `before` and `after` (the section's text around the cursor): pasted
    paragraphs, lists or tables get an empty line before them when text precedes, and always one after them,
    also at the section's end, where the next heading follows (a table line would take it in); a pasted phrase
    joins its line."""
    if "\n" not in markdown:
        return markdown
    lead = 0 if not before.strip() else max(0, 2 - (len(before) - len(before.rstrip("\n"))))
    trail = max(0, 2 - (len(after) - len(after.lstrip("\n"))))
    return "\n" * lead + markdown + "\n" * trail


def keep_edge_spaces(markdown: str, plain: str) -> str:
    """A pasted phrase keeps the space the copied text began or ended with (the conversion trims lines), so
    it does not stick to the words around it."""
    if "\n" in markdown or not markdown:
        return markdown
    return (" " if plain[:1] in (" ", "\t", "\u00a0") else "") + markdown + \
        (" " if plain[-1:] in (" ", "\t", "\u00a0") else "")
