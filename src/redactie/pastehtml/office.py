"""Cleaning clipboard HTML before conversion: what Word, LibreOffice and web pages add around the content,
Word's list paragraphs and style-only emphasis made into the elements they stand for (Qt-free)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

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
_WEB_IMAGE_RE = re.compile(r"^https?://", re.I)


def drop_noise(soup: BeautifulSoup) -> None:
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


def is_plain(soup: BeautifulSoup) -> bool:
    """True when the HTML holds only text and inline styling (a code editor, a terminal, one unformatted
    phrase): the clipboard's plain text is then better, with its own line breaks."""
    if soup.find(["pre", "code"]) or soup.find(style=_PRE_STYLE_RE):
        return not soup.find(["b", "strong", "i", "em", "a", "ul", "ol", "table"])
    for tag in soup.find_all(True):
        if tag.name in _RICH or _BOLD_STYLE_RE.search(tag.get("style", "")) or \
                _ITALIC_STYLE_RE.search(tag.get("style", "")):
            return False
    return True


def close_list_items(soup: BeautifulSoup) -> None:
    """An `<li>` left open holds the next items (the parser knows no implied end tags): make them siblings."""
    for item in soup.find_all("li"):
        parent = item.parent
        while parent is not None and parent.name not in ("li", "ul", "ol"):
            parent = parent.parent
        if parent is not None and parent.name == "li":
            parent.insert_after(item.extract())


def word_lists(soup: BeautifulSoup) -> None:
    """Word's list paragraphs (`mso-list:l0 level1` with a typed bullet) become nested `<ul>`/`<ol>`."""
    for paragraph in soup.find_all("p"):
        if paragraph.parent is None or not list_level(paragraph):
            continue
        run = [paragraph]
        node = paragraph.next_sibling
        while node is not None:
            if isinstance(node, NavigableString) and not node.strip():
                node = node.next_sibling
                continue
            if isinstance(node, Tag) and node.name == "p" and list_level(node):
                run.append(node)
                node = node.next_sibling
                continue
            break
        build_list(soup, run)


def list_level(paragraph: Tag) -> int:
    """The Word list level of a paragraph (1, 2, …), or 0 for a paragraph outside a list."""
    match = _MSO_LIST_RE.search(paragraph.get("style", ""))
    if match:
        return int(match.group(2))
    return 1 if any(c.startswith("MsoListParagraph") for c in paragraph.get("class", [])) else 0


def build_list(soup: BeautifulSoup, run: list[Tag]) -> None:
    """Replace a run of list paragraphs by a list, nested by level, ordered where the typed marker is a number."""
    stack: list[tuple[int, Tag]] = []  # (level, list element)
    top: Tag | None = None
    for paragraph in run:
        level = list_level(paragraph)
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


def style_emphasis(soup: BeautifulSoup) -> None:
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


def headings_to_bold(soup: BeautifulSoup) -> int:
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


def images(soup: BeautifulSoup) -> int:
    """Drop images that live on the user's machine or in the clipboard (Word's `file:` and `data:`); their count."""
    dropped = 0
    for image in soup.find_all("img"):
        if not _WEB_IMAGE_RE.match(image.get("src", "")):
            image.decompose()
            dropped += 1
    return dropped
