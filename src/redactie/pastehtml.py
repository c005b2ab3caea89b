"""Rich text from the clipboard (Word, LibreOffice, a web page) as the Markdown a section holds (Qt-free).

The conversion itself is markdownify's; this module cleans what word processors add around the content
first (Office namespaces, `mso-` list paragraphs, conditional comments, styles), turns Word's list
paragraphs and style-only bold/italic into the HTML elements they stand for, and writes the result the way
the documents are written: `-` bullets, 4-space nesting, pipe tables like the Bronnen tables, no trailing
spaces, no control characters and no HTML for what Markdown can say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag
from markdownify import MarkdownConverter

from .faithful import clean_new_text

# Windows' CF_HTML header ("Version:1.0", "StartHTML:…", …, "SourceURL:…") before the HTML itself.
_CF_HEADER_RE = re.compile(r"\A(?:[A-Za-z]+:[^\r\n<]*\r?\n)+")
_SOURCE_URL_RE = re.compile(r"^SourceURL:(\S+)", re.M)
_MSO_LIST_RE = re.compile(r"mso-list\s*:\s*(l\d+)\s+level(\d+)", re.I)
_ORDERED_MARKER_RE = re.compile(r"^\(?([0-9]{1,4}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]$")
_BOLD_STYLE_RE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)\b", re.I)
_NOT_BOLD_STYLE_RE = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-4]00)\b", re.I)
_ITALIC_STYLE_RE = re.compile(r"font-style\s*:\s*(italic|oblique)\b", re.I)
_PRE_STYLE_RE = re.compile(r"white-space\s*:\s*pre(?![-\w])", re.I)
_HEADING_RE = re.compile(r"^h[1-6]$")
# Elements that carry something plain text cannot: a paste without any of them is taken as plain text.
_RICH = {"b", "strong", "i", "em", "a", "ul", "ol", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "p",
         "br", "blockquote", "img"}
_DROP = {"head", "style", "script", "meta", "title", "link", "xml", "template", "noscript", "object", "embed",
         "iframe", "svg", "math", "button", "input", "select", "textarea", "form"}
_BOLD_CELL_RE = re.compile(r"^\*\*([^*]+)\*\*$")
_WEB_IMAGE_RE = re.compile(r"^https?://", re.I)
# Characters that would end a Markdown link's address early.
_URL_ESCAPES = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\n": "", "\r": ""})


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
    _drop_noise(soup)
    if _is_plain(soup):
        return Pasted(None)
    _close_list_items(soup)
    _word_lists(soup)
    _style_emphasis(soup)
    headings = _headings_to_bold(soup)
    images = _images(soup)
    if source:
        for link in soup.find_all("a", href=True):
            link["href"] = urljoin(source, link["href"])
    text = _Converter().convert_soup(soup)
    notes = []
    if headings:
        notes.append(Note("Geplakte koppen zijn vet geworden (de sectie heeft al een kop).",
                          "Pasted headings became bold text (the section has a heading of its own)."))
    if images:
        notes.append(Note("Afbeeldingen van uw computer zijn weggelaten.",
                          "Images from your computer were left out."))
    return Pasted(_tidy(text), tuple(notes))


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


def _drop_noise(soup: BeautifulSoup) -> None:
    """Remove comments (Word's conditional ones too), declarations, styles, metadata and Office's `o:p`."""
    for node in soup.find_all(string=lambda s: isinstance(s, (Comment, Declaration, Doctype,
                                                                ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        name = tag.name.lower()
        if name in _DROP or (":" in name and name != "o:p"):  # v:shape, w:sdt …: Office's own markup
            tag.decompose()
        elif name == "o:p":
            tag.unwrap()
    for text in soup.find_all(string=re.compile("\u00a0")):
        text.replace_with(text.replace("\u00a0", " "))  # Word's and LibreOffice's runs of no-break spaces
    for tag in soup.find_all("span", style=re.compile(r"mso-list\s*:\s*ignore", re.I)):
        tag["data-list-marker"] = "1"  # Word's typed bullet or number, taken out by _word_lists


def _is_plain(soup: BeautifulSoup) -> bool:
    """True when the HTML holds only text and inline styling (a code editor, a terminal, one unformatted
    phrase): the clipboard's plain text is then better, with its own line breaks."""
    if soup.find(["pre", "code"]) or soup.find(style=_PRE_STYLE_RE):
        return not soup.find(["b", "strong", "i", "em", "a", "ul", "ol", "table"])
    for tag in soup.find_all(True):
        if tag.name in _RICH or _BOLD_STYLE_RE.search(tag.get("style", "")) or \
                _ITALIC_STYLE_RE.search(tag.get("style", "")):
            return False
    return True


def _close_list_items(soup: BeautifulSoup) -> None:
    """An `<li>` left open holds the next items (the parser knows no implied end tags): make them siblings."""
    for item in soup.find_all("li"):
        parent = item.parent
        while parent is not None and parent.name not in ("li", "ul", "ol"):
            parent = parent.parent
        if parent is not None and parent.name == "li":
            parent.insert_after(item.extract())


def _word_lists(soup: BeautifulSoup) -> None:
    """Word's list paragraphs (`mso-list:l0 level1` with a typed bullet) become nested `<ul>`/`<ol>`."""
    for paragraph in soup.find_all("p"):
        if paragraph.parent is None or not _list_level(paragraph):
            continue
        run = [paragraph]
        node = paragraph.next_sibling
        while node is not None:
            if isinstance(node, NavigableString) and not node.strip():
                node = node.next_sibling
                continue
            if isinstance(node, Tag) and node.name == "p" and _list_level(node):
                run.append(node)
                node = node.next_sibling
                continue
            break
        _build_list(soup, run)


def _list_level(paragraph: Tag) -> int:
    match = _MSO_LIST_RE.search(paragraph.get("style", ""))
    if match:
        return int(match.group(2))
    return 1 if any(c.startswith("MsoListParagraph") for c in paragraph.get("class", [])) else 0


def _build_list(soup: BeautifulSoup, run: list[Tag]) -> None:
    """Replace a run of list paragraphs by a list, nested by level, ordered where the typed marker is a number."""
    stack: list[tuple[int, Tag]] = []  # (level, list element)
    top: Tag | None = None
    for paragraph in run:
        level = _list_level(paragraph)
        markers = paragraph.find_all(attrs={"data-list-marker": True})
        marker = (markers[0].get_text(" ").split() or [""])[0] if markers else ""
        for found in markers:
            found.decompose()
        ordered = bool(_ORDERED_MARKER_RE.match(marker)) and marker not in ("o", "O")
        while stack and stack[-1][0] > level:
            stack.pop()
        if not stack or stack[-1][0] < level:
            new = soup.new_tag("ol" if ordered else "ul")
            if ordered and marker[:-1].isdigit() and int(marker[:-1]) != 1:
                new["start"] = marker[:-1]
            if stack:
                items = stack[-1][1].find_all("li", recursive=False)
                if items:
                    items[-1].append(new)
                else:
                    stack[-1][1].append(new)
            else:
                top = new
            stack.append((level, new))
        item = soup.new_tag("li")
        for child in list(paragraph.contents):
            item.append(child.extract())
        stack[-1][1].append(item)
    if top is not None:
        run[0].replace_with(top)
        for paragraph in run[1:]:
            paragraph.decompose()


def _style_emphasis(soup: BeautifulSoup) -> None:
    """Bold and italic given only by a style (Word, Google Docs) become `<strong>`/`<em>`; Google Docs' outer
    `<b style="font-weight:normal">` is no bold at all."""
    for tag in soup.find_all(["b", "strong"], style=_NOT_BOLD_STYLE_RE):
        tag.unwrap()
    for tag in soup.find_all("span", style=True):
        style = tag["style"]
        if _ITALIC_STYLE_RE.search(style) and not tag.find_parent(["i", "em"]):
            tag.wrap(soup.new_tag("em"))
        if _BOLD_STYLE_RE.search(style) and not tag.find_parent(["b", "strong"]) and not \
                tag.find_parent(_HEADING_RE):
            tag.wrap(soup.new_tag("strong"))


def _headings_to_bold(soup: BeautifulSoup) -> int:
    """Headings become a paragraph of bold text (a section holds no headings of its own); their count."""
    headings = soup.find_all(_HEADING_RE)
    for heading in headings:
        heading.name = "p"
        if heading.get_text().strip():
            strong = soup.new_tag("strong")
            for child in list(heading.contents):
                strong.append(child.extract())
            for inner in strong.find_all(["b", "strong"]):
                inner.unwrap()
            heading.append(strong)
    return len(headings)


def _images(soup: BeautifulSoup) -> int:
    """Drop images that live on the user's machine or in the clipboard (Word's `file:` and `data:`); their count."""
    dropped = 0
    for image in soup.find_all("img"):
        if not _WEB_IMAGE_RE.match(image.get("src", "")):
            image.decompose()
            dropped += 1
    return dropped


class _Converter(MarkdownConverter):
    """markdownify in the documents' own style."""

    def __init__(self) -> None:
        # wrap without a width: the HTML source's own line breaks become spaces, as a browser shows them
        super().__init__(bullets="-", heading_style="atx", strong_em_symbol="*", escape_underscores=False,
                         autolinks=False, wrap=True, wrap_width=None)

    def escape(self, text: str, parent_tags: set[str]) -> str:
        """Escape what Markdown would read as markup: `*`, `_` at a word's edge, and a tag-like `<`."""
        if not text:
            return ""
        text = text.replace("\\", "\\\\").replace("*", r"\*")
        text = re.sub(r"(?<!\w)_|_(?!\w)", r"\_", text)
        text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)
        if "td" in parent_tags or "th" in parent_tags:
            text = text.replace("|", r"\|")
        if "a" in parent_tags:
            text = text.replace("[", r"\[").replace("]", r"\]")
        return text

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A link with a usable address: spaces and parentheses in it encoded, so Markdown keeps it whole."""
        href = el.get("href", "")
        if href and not href.startswith("#"):
            el["href"] = href.strip().translate(_URL_ESCAPES)
        elif href:  # an anchor inside the copied page leads nowhere from the section
            del el["href"]
            if not any(c.isalnum() for c in text):  # a heading's permalink sign (¶, #, §)
                return ""
        return super().convert_a(el, text, parent_tags)

    def convert_br(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A line break: a new line of the paragraph (no trailing spaces, no HTML); a space in a table cell."""
        if "_inline" in parent_tags:
            return " "
        return "\n"

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A list item; its further lines and nested lists indented by 4 spaces, as the site's Markdown needs."""
        text = re.sub(r"\n\n+(?=[ \t]*(?:-|\d+\.) )", "\n", (text or "").strip())  # item text, then its sub-list
        item = super().convert_li(el, text, parent_tags)
        first, _, rest = item.partition("\n")
        rest = re.sub(r"^ +", lambda m: " " * (len(m.group()) - _bullet_width(first) + 4), rest, flags=re.M)
        return first + "\n" + rest

    def convert_table(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A pipe table like the documents' Bronnen tables: `| Bron |`, `|------|`, `| cell |`."""
        rows = []
        for row in el.find_all("tr"):
            if row.find_parent("table") is not el:
                continue
            cells = []
            for cell in row.find_all(["td", "th"], recursive=False):
                value = self.process_tag(cell, parent_tags={"_inline", "td"})
                cells.append(" ".join(value.split()))
                span = cell.get("colspan", "1")
                cells += [""] * (max(1, min(50, int(span))) - 1 if str(span).isdigit() else 0)
            if any(cells):
                rows.append(cells)
        if not rows:
            return ""
        if all(_BOLD_CELL_RE.match(cell) for cell in rows[0] if cell):  # Word bolds a header row by hand
            rows[0] = [_BOLD_CELL_RE.sub(r"\1", cell) for cell in rows[0]]
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("-" * max(3, len(c) + 2) for c in rows[0]) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n\n" + "\n".join(lines) + "\n\n"

    def convert_td(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A cell's text (the table puts the pipes)."""
        return text

    convert_th = convert_td

    def convert_p(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A paragraph; inside a table cell only its text, so a cell's paragraphs share its one line."""
        if "td" in parent_tags or "th" in parent_tags:
            return " " + text.strip() + " "
        return super().convert_p(el, re.sub(r"\n[ \t]+", "\n", text), parent_tags)


def _bullet_width(first_line: str) -> int:
    match = re.match(r"(?:-|\d+\.) ", first_line)
    return len(match.group()) if match else 2


def _tidy(text: str) -> str:
    """No control characters or no-break-space runs, no trailing spaces, at most one empty line in a row."""
    text = clean_new_text(text).replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
