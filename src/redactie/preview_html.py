"""The preview's HTML from a document's Markdown, in time and memory linear in the text and bounded (Qt-free).

Site syntax (admonitions, tabs, attribute lists, macros) is shown plainly. Images are shown as their
description, never loaded. A text, a table or a line too large for a quick preview is cut, with a notice.
"""

from __future__ import annotations

import html
import re
import threading
from typing import Any

MAX_CHARS = 100_000  # of Markdown rendered; the real documents are under 35 KB
MAX_TABLE_ROWS = 100
MAX_TABLE_COLUMNS = 20
MAX_TABLE_CELLS = 2500  # in the whole document: Qt lays out about 3,000 table cells a second
MAX_LINE = 10_000

_LOCAL = threading.local()  # one Markdown parser per thread: markdown-it's parser keeps state while rendering
_TAB_RE = re.compile(r'^=== "([^"]*)"[ \t]*$', re.M)
# Bounded repetitions: no pattern here can backtrack over a long run of text.
_MACRO_RE = re.compile(r"<!--[ \t\n]{0,20}(tags(?:-ai-act)?|list_maatregelen[^>]{0,200}?|"
                       r"list_vereisten_on_maatregelen_page)[ \t\n]{0,20}-->")
_MACRO_HTML_RE = re.compile(r"<p>REDACTIEMACRO([^<]*)ENDMACRO</p>")
_STYLE = """<style>
body { font-family: sans-serif; }
.admonition { border-left: 4px solid #448aff; background: #f3f6ff; padding: 4px 10px; margin: 8px 0; }
.macro { border: 1px dashed #888; background: #f7f7f7; padding: 4px 8px; color: #333; }
.tab { font-weight: bold; border-bottom: 2px solid #448aff; margin-top: 8px; }
.image { color: #555; font-style: italic; }
.notice { color: #8a4b00; font-style: italic; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 2px 6px; }
</style>"""


def _image(renderer: Any, tokens: list[Any], index: int, options: Any, env: Any) -> str:
    token = tokens[index]
    alt = "".join(child.content for child in token.children or []) or token.attrGet("src") or ""
    return f'<span class="image">[{html.escape(str(alt))}]</span>'


def _without_comments(text: str) -> str:
    """`text` with its HTML comments left out (by scanning: an unclosed one keeps the rest)."""
    out, pos = [], 0
    while True:
        start = text.find("<!--", pos)
        end = text.find("-->", start + 4) if start >= 0 else -1
        if end < 0:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:start])
        pos = end + 3


def _html_block(renderer: Any, tokens: list[Any], index: int, options: Any, env: Any) -> str:
    """A comment block is hidden, as the site's browser hides it; text after it on its line is shown as text."""
    rest = _without_comments(tokens[index].content).strip()
    return f"<p>{html.escape(rest)}</p>\n" if rest else ""


def _html_inline(renderer: Any, tokens: list[Any], index: int, options: Any, env: Any) -> str:
    """An inline comment is hidden; any other HTML tag is shown as the text it is (never rendered)."""
    content = tokens[index].content
    return "" if content.startswith("<!--") else html.escape(content)


def _comment_block(state: Any, start: int, end: int, silent: bool) -> bool:
    """Only comments start an HTML block (other HTML stays text in a paragraph), and only a closed comment:
    while the editor types `<!--`, the rest of the document stays visible."""
    from markdown_it.rules_block import html_block

    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("<!--", pos):
        return False
    last_close = state.env.get("last_close")
    if last_close is None:
        last_close = state.env["last_close"] = state.src.rfind("-->")
    return last_close >= pos + 4 and bool(html_block(state, start, end, silent))


def _markdown() -> Any:
    """This thread's Markdown parser (markdown-it is imported when the first preview is rendered)."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.admon import admon_plugin
        from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

        # HTML is recognised only to hide comments (as the site's pages do); no tag is ever rendered. Attribute
        # lists (`[Naar de handreiking](url){ .button }`, as the site's attr_list reads them) are not shown as text.
        parser = (MarkdownIt("commonmark", {"html": True}).enable("table").use(admon_plugin)
                  .use(attrs_block_plugin).use(attrs_plugin))
        parser.block.ruler.at("html_block", _comment_block)
        parser.add_render_rule("image", _image)
        parser.add_render_rule("html_block", _html_block)
        parser.add_render_rule("html_inline", _html_inline)
        _LOCAL.parser = parser
    return parser


def _strip_heading_attrs(line: str) -> str:
    """`## Titel {#anker .klasse}` shows as `## Titel`; by scanning, never by a backtracking pattern."""
    if not line.startswith("#"):
        return line
    end = line.rstrip(" \t")
    if not end.endswith("}"):
        return line
    start = end.rfind("{")
    if start < 0 or "}" in end[start:-1]:
        return line
    head = end[:start].rstrip(" \t")
    hashes = len(head) - len(head.lstrip("#"))
    return head if 1 <= hashes <= 6 and head[hashes:hashes + 1] == " " else line


def _bounded(markdown: str, notices: list[tuple[str, str]]) -> str:
    """The Markdown cut to what previews quickly: its length, each line, each table's rows and columns."""
    if len(markdown) > MAX_CHARS:
        markdown = markdown[:MAX_CHARS]
        notices.append((f"Het voorbeeld toont de eerste {MAX_CHARS} tekens.",
                        f"The preview shows the first {MAX_CHARS} characters."))
    lines = markdown.split("\n")
    out: list[str] = []
    table_rows = cells = 0
    cut_table = cut_line = False
    for line in lines:
        if len(line) > MAX_LINE:
            line, cut_line = line[:MAX_LINE], True
        if "|" in line:
            table_rows += 1
            if table_rows > MAX_TABLE_ROWS or cells > MAX_TABLE_CELLS:
                cut_table = True
                continue
            if line.count("|") > MAX_TABLE_COLUMNS + 1:
                parts = line.split("|", MAX_TABLE_COLUMNS + 1)
                line, cut_table = "|".join(parts[:MAX_TABLE_COLUMNS + 1]) + "|", True
            cells += line.count("|")
        else:
            table_rows = 0
        out.append(_strip_heading_attrs(line))
    if cut_table:
        notices.append((f"Grote tabellen zijn ingekort tot {MAX_TABLE_ROWS} rijen en {MAX_TABLE_COLUMNS} kolommen.",
                        f"Large tables are cut to {MAX_TABLE_ROWS} rows and {MAX_TABLE_COLUMNS} columns."))
    if cut_line:
        notices.append((f"Zeer lange regels zijn ingekort tot {MAX_LINE} tekens.",
                        f"Very long lines are cut to {MAX_LINE} characters."))
    return "\n".join(out)


def to_html(markdown: str, macro_text: dict[str, str] | None = None, language: str = "nl") -> str:
    """Site-like HTML for Markdown: mkdocs-material syntax shown plainly, the site's macros as labelled blocks."""
    macro_text = macro_text or {}
    notices: list[tuple[str, str]] = []
    text = _bounded(markdown, notices)
    text = text.replace("??? ", "!!! ")
    text = _TAB_RE.sub(lambda m: f"\n**▸ {m.group(1)}**\n", text)
    text = re.sub(r"^(\t| {4})(?=<!--)", "", text, flags=re.M)

    def macro(match: re.Match[str]) -> str:
        name = match.group(1).split()[0]
        label = macro_text.get(name, name)
        return f"\n\nREDACTIEMACRO{html.escape(label).replace(chr(10), 'MACROBR')}ENDMACRO\n\n"

    text = _MACRO_RE.sub(macro, text)
    body = _markdown().render(text, {})
    body = _MACRO_HTML_RE.sub(r'<div class="macro">\1</div>', body)
    body = body.replace("MACROBR", "<br>")
    notice = "".join(f'<p class="notice">{html.escape(en if language == "en" else nl)}</p>' for nl, en in notices)
    return _STYLE + notice + body
