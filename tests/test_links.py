"""Links between documents as the site resolves them: writing them relative, finding missing targets (#15)."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote

import pytest

from redactie.links import KnownFiles, encode_path, find_links, link_markdown, relative_link, resolve

from .conftest import CORPUS

VER = "docs/voldoen-aan-wetten-en-regels/vereisten"
MAAT = "docs/voldoen-aan-wetten-en-regels/maatregelen"


@pytest.mark.parametrize(("source", "target", "expected"), [
    (f"{VER}/aia-01.md", f"{VER}/avg-02.md", "avg-02.md"),  # same folder
    (f"{VER}/aia-01.md", f"{MAAT}/1-pba-01.md", "../maatregelen/1-pba-01.md"),  # another type's folder
    (f"{VER}/aia-01.md", "docs/onderwerpen/bias.md", "../../onderwerpen/bias.md"),  # up two levels
    ("docs/onderwerpen/bias.md", f"{MAAT}/1-pba-01.md", "../voldoen-aan-wetten-en-regels/maatregelen/1-pba-01.md"),
    ("docs/index.md", "docs/rollen/jurist.md", "rollen/jurist.md"),  # down into a folder
    ("docs/a/b/c/d.md", "docs/a/x.md", "../../x.md"),  # nested
    (f"{VER}/aia-01.md", f"{VER}/aia-01.md", "aia-01.md"),  # itself
    (f"{VER}/a.md", f"{VER}/documenten/AIG self-assessment v4.xlsx", "documenten/AIG%20self-assessment%20v4.xlsx"),
    (f"{VER}/a.md", f"{VER}/wat (nu)?.md", "wat%20%28nu%29%3F.md"),
    (f"{VER}/a.md", f"{VER}/100% #1 <b>.md", "100%25%20%231%20%3Cb%3E.md"),
    (f"{VER}/a.md", f"{VER}/categorieën.md", "categorieën.md"),  # letters are kept readable
    (f"{VER}/a.md", f"{VER}/a&b [x].md", "a%26b%20%5Bx%5D.md"),
])
def test_relative_link_is_what_the_site_resolves(source: str, target: str, expected: str) -> None:
    link = relative_link(source, target)
    assert link == expected
    # mkdocs: unquote, then join with the folder of the page that holds the link
    assert posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(link))) == target
    assert resolve(source, link) == target


def test_encoded_path_survives_as_one_markdown_link() -> None:
    text = link_markdown("Wat [nu]?", f"{VER}/a.md", f"{VER}/b (oud).md")
    assert text == r"[Wat \[nu\]?](b%20%28oud%29.md)"
    [link] = find_links("Zie " + text + ".")
    assert resolve(f"{VER}/a.md", link.target) == f"{VER}/b (oud).md"


def test_encode_path_leaves_plain_names_alone() -> None:
    assert encode_path("../maatregelen/2-owp-05-soort_algoritme.md") == "../maatregelen/2-owp-05-soort_algoritme.md"


@pytest.mark.parametrize("target", ["https://example.org/x.md", "mailto:algoritmes@minbzk.nl", "#herken-bias",
                                    "//cdn.example.org/a.md", "/absoluut.md", "{{ page.url }}", "", "tel:0701234567"])
def test_external_links_and_anchors_are_not_files(target: str) -> None:
    assert resolve(f"{VER}/a.md", target) is None
    assert KnownFiles(frozenset()).missing(f"{VER}/a.md", target) is None


def test_missing_targets_by_rule() -> None:
    known = KnownFiles(frozenset({f"{VER}/a.md", f"{MAAT}/m.md", "docs/onderwerpen/index.md",
                                  f"{VER}/documenten/x y.pdf"}))
    source = f"{VER}/a.md"
    assert known.missing(source, "../maatregelen/m.md") is None
    assert known.missing(source, "../maatregelen/m.md#kop") is None  # the anchor is not part of the file
    assert known.missing(source, "./a.md") is None
    assert known.missing(source, "documenten/x%20y.pdf") is None
    assert known.missing(source, "documenten/x y.pdf") is None  # written unencoded, as some documents do
    assert known.missing(source, "../../onderwerpen/") is None  # a folder shows its index
    assert known.missing(source, "../maatregelen/weg.md") == f"{MAAT}/weg.md"
    assert known.missing(source, "../../../../../buiten.md") == "../../buiten.md"


def test_find_links_in_a_line() -> None:
    line = 'Zie [de maatregel](../m.md "titel") en ![beeld](<plaatje 1.png>) of [web](https://x.nl/a_(b)).'
    links = list(find_links(line))
    assert [link.target for link in links] == ["../m.md", "plaatje 1.png", "https://x.nl/a_(b)"]
    first = links[0]
    assert line[first.text_start:first.text_end] == "de maatregel"
    assert line[first.target_start:first.target_end] == "../m.md"
    assert line[first.start:first.end] == '[de maatregel](../m.md "titel")'


def test_known_files_scan_skips_git_and_follows_no_folder_links(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("x")
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "sub" / "a b.md").write_text("x")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs")
    known = KnownFiles.scan(tmp_path)
    assert known.files == {"docs/sub/a b.md", "docs/loop"}
    assert known.exists("docs/sub") and known.exists("docs/sub/a b.md") and not known.exists(".git/HEAD")


@pytest.mark.skipif(not (CORPUS / "algoritmekader-2026").is_dir(), reason="the shared corpus is not on this machine")
def test_most_relative_links_in_the_corpus_resolve() -> None:
    root = CORPUS / "algoritmekader-2026"
    known = KnownFiles.scan(root)
    checked = missing = 0
    for path in sorted((root / "docs").rglob("*.md")):
        relpath = path.relative_to(root).as_posix()
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            for link in find_links(line):
                if resolve(relpath, link.target) is not None:
                    checked += 1
                    missing += known.missing(relpath, link.target) is not None
    assert checked > 300
    assert missing < checked // 10, (missing, checked)
