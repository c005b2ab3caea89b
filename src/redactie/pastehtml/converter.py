"""markdownify in the documents' own style: `-` bullets, 4-space nesting, pipe tables like the Bronnen tables,
no trailing spaces (Qt-free)."""

from __future__ import annotations

import re

from bs4 import Tag
from markdownify import MarkdownConverter

from ..faithful import clean_new_text

_BOLD_CELL_RE = re.compile(r"^\*\*([^*]+)\*\*$")
# Characters that would end a Markdown link's address early.
_URL_ESCAPES = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\n": "", "\r": ""})


class Converter(MarkdownConverter):
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


def tidy(text: str) -> str:
    """No control characters or no-break-space runs, no trailing spaces, at most one empty line in a row."""
    text = clean_new_text(text).replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
