"""The preview's HTML is linear and bounded: many images, huge tables, long lines, backtracking bait."""

from __future__ import annotations

import os
import subprocess
import sys

from redactie.preview_html import MAX_CHARS, MAX_TABLE_CELLS, MAX_TABLE_ROWS, to_html

from .conftest import ROOT

_MEASURE = """
import sys, tracemalloc
from redactie.preview_html import to_html
text = sys.stdin.read()
tracemalloc.start()
to_html(text)
print(tracemalloc.get_traced_memory()[1])
"""


def _peak(markdown: str) -> tuple[str, int]:
    """The HTML, and the peak memory of rendering it, measured in a fresh process (no other threads)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", _MEASURE], input=markdown, capture_output=True, text=True,
                            env=env, check=True, timeout=120)
    return to_html(markdown), int(result.stdout.strip())


def test_images_are_described_never_loaded() -> None:
    text = "".join("![](b.png)\n" for n in range(10_000))  # 10k references in 110 KB
    out = to_html(text[:80_000] + "![laatste](c.png)\n")  # as in the sweep: 80 KB
    assert "<img" not in out
    assert out.count('class="image"') >= 80_000 // 11 and "[laatste]" in out


def test_a_huge_table_is_cut_with_a_notice() -> None:
    row = "|" + "|".join("x" for _ in range(200)) + "|\n"
    table = row + "|" + "|".join("-" for _ in range(200)) + "|\n" + row * 2000
    out, peak = _peak(table)
    assert "ingekort" in out
    assert out.count("<td>") <= MAX_TABLE_CELLS
    assert out.count("<tr>") <= MAX_TABLE_ROWS + 1
    assert peak < 50_000_000


def test_several_tables_share_one_cell_budget() -> None:
    row = "|" + "|".join("x" for _ in range(20)) + "|\n"
    table = row + "|" + "|".join("-" for _ in range(20)) + "|\n" + row * 90
    out = to_html("\n\n".join([table] * 20))
    assert out.count("<td>") <= MAX_TABLE_CELLS + 40


def test_a_long_text_is_cut_with_a_notice_in_the_language() -> None:
    text = ("Een zin met wat woorden. " * 40 + "\n\n") * 10_000
    out, peak = _peak(text)
    assert "eerste" in out and len(out) < 3 * MAX_CHARS
    assert "first" in to_html(text, language="en")
    assert peak < 50_000_000


def test_heading_attributes_are_stripped_without_backtracking() -> None:
    assert "<h2>Titel</h2>" in to_html("## Titel {#anker .klasse}\n")
    assert "<h2>Titel {x} y</h2>" in to_html("## Titel {x} y\n")
    out = to_html("## T" + " " * 40_000 + "x\n" + ("## T" + " " * 40_000 + "{\n") * 3)
    assert "<h2>" in out


def test_macro_bait_does_not_backtrack() -> None:
    out = to_html(("<!-- list_maatregelen" + " " * 5_000 + "x\n") * 20 + "REDACTIEMACRO " * 5_000)
    assert "macro" not in out.split("</style>", 1)[1]
    assert 'class="macro"' in to_html("<!-- tags -->\n", {"tags": "Labels: a"})


def test_macros_of_a_huge_relation_list_are_cut_and_read_each_document_once(tmp_path) -> None:  # noqa: ANN001
    import shutil

    from redactie.document import Document
    from redactie.macros import MAX_LISTED, macro_texts
    from redactie.repository import ContentRepository

    from .conftest import CONTENT

    root = tmp_path / "r"
    shutil.copytree(CONTENT, root)
    path = root / "docs/maatregelen/stopknop_inrichten.md"
    stems = sorted(p.stem for p in (root / "docs/vereisten").glob("*.md"))
    names = "".join(f"- {stems[n % len(stems)]}\n" for n in range(20_000))
    path.write_text(f"---\ntitle: Veel vereisten\nvereiste:\n{names}---\n\n## Maatregel\n", encoding="utf-8")
    assert len(Document.parse(path.read_bytes()).fields["vereiste"]) == 20_000
    texts = macro_texts(ContentRepository(root), "docs/maatregelen/stopknop_inrichten.md")
    listed = texts["list_vereisten_on_maatregelen_page"].splitlines()
    assert len(listed) == MAX_LISTED + 2  # the heading, the names, the count of the rest
    assert listed[-1].endswith(f"(+{20_000 - MAX_LISTED})")
