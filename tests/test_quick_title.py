"""The index's quick read of titles: exactly the full reader's title, or declined (then the file is read in full)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactie.index import IndexEntry, front_matter, quick_title

from .conftest import CORPUS, corpus_files


def full_title(data: bytes) -> tuple[bool, str | None]:
    """(readable, title) as the full reader and the index entry give it."""
    try:
        found = front_matter(data)
    except Exception:  # noqa: BLE001 - any refusal of the full reader: the quick read may then say anything
        return False, None
    if found is None:
        return False, None
    return True, IndexEntry("x.md", 0, 0, found[0]).title


def agrees(data: bytes) -> bool:
    """True when the quick read declines or gives the full reader's title."""
    certain, title = quick_title(data)
    if not certain:
        return True
    readable, expected = full_title(data)
    return not readable or title == expected


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not present")
@pytest.mark.parametrize("snapshot", ["algoritmekader-2024", "algoritmekader-2026"])
def test_the_quick_read_gives_the_full_title_of_every_corpus_file(snapshot: str) -> None:
    files = [p for p in corpus_files() if snapshot in p.parts]
    assert len(files) > 100
    certain = 0
    for path in files:
        data = path.read_bytes()
        assert agrees(data), path
        # The same files with Windows line ends and a byte-order mark: the same answer or a refusal.
        assert agrees(data.replace(b"\n", b"\r\n")), path
        assert agrees(b"\xef\xbb\xbf" + data), path
        certain += quick_title(data)[0]
    assert certain > 0.9 * len(files)  # the quick read is what almost every start uses


ODD = [
    'title: Gewoon een titel\n',
    'title: "Tussen aanhalingstekens"\n',
    "title: 'Het ''eigen'' werk'\n",
    'title: "Met \\" escape"\n',
    'title: 2024\n', 'title: 1.5\n', 'title: true\n', 'title: yes\n', 'title: ~\n', 'title: null\n',
    'title: 2024-05-01\n', 'title: .inf\n', 'title: 0x1F\n', 'title:\n', 'title:    \n', 'title: ""\n',
    'title: Een # met commentaar\n', 'title: Een#geen commentaar\n', 'title: a: b\n',
    'title: Eerste regel\n  gaat door\n', 'title: Eerste regel\n\n  gaat door na een lege regel\n',
    'title: Eerste\n# commentaar\n  gaat door?\n',
    'omschrijving: "begint hier\ntitle: en gaat door"\n',
    "omschrijving: 'begint hier\ntitle: en gaat door'\n",
    'lijst: [a,\ntitle: b]\n', 'map: {a: 1,\ntitle: x}\n',
    'tekst: |\n  regel\ntitle: Na een blok\n', 'tekst: >\n  regel\n  title: in het blok\n',
    '- item\ntitle: Na een lijst\n',
    'title: Eerste\ntitle: Tweede\n', '"title": Sleutel tussen aanhalingstekens\n', '? title\n: Complexe sleutel\n',
    'title : Spatie voor de dubbele punt\n', 'title:zonder spatie\n',
    'basis: &b Anker\ntitle: *b\n', 'title: &a Anker\n', 'title: !!str 2024\n', '<<: {title: Samengevoegd}\n',
    'title: Tab\tin de waarde\n', '\ttitle: tab ervoor\n', 'title: [een, lijst]\n', 'title: {a: 1}\n',
    'title: >-\n  Gevouwen\n', 'title: |\n  Letterlijk\n', "title: 'Open\n  quote'\n",
    'title: Met\u00a0harde spatie\n', 'title: Met \u2028 scheiding\n', 'title: Emoji 🎉\n',
    'a: b\r\ntitle: CRLF\r\n', 'title: CR\r alleen\n', 'title: Laatste\n...\n',
    'title: - streepje\n', 'title: -streepje\n', 'title: :dubbelepunt\n', 'title: @apenstaart\n',
    'title: `backtick`\n', 'title: %procent\n', 'title: |pipe\n', 'title: ?vraag\n', 'title: ,komma\n',
    'items:\n  - "a\ntitle: b"\n', 'items:\n- "a\ntitle: b"\n', 'sleutel: waarde\n  title: ingesprongen\n',
]


@pytest.mark.parametrize("matter", ODD)
def test_odd_front_matter_is_read_exactly_or_declined(matter: str) -> None:
    for close in ("---\n", "---", "...\n", "--- \n"):
        data = ("---\n" + matter + close + "\n# Kop\n").encode("utf-8")
        assert agrees(data), (matter, close)


def test_what_the_quick_read_takes_and_declines() -> None:
    assert quick_title(b"---\ntitle: Gewoon\nid: x\n---\n") == (True, "Gewoon")
    assert quick_title(b"---\ntitle: 'Het ''eigen'' werk'\n---\n") == (True, "Het 'eigen' werk")
    assert quick_title(b"---\nid: x\n---\n") == (True, None)  # no title: the list shows the file name
    assert quick_title(b"# Geen metadata\n") == (False, None)
    assert quick_title(b"---\ntitle: nooit gesloten\n") == (False, None)
    assert quick_title(b"---\nomschrijving: \"open\ntitle: x\"\n---\n") == (False, None)
    assert quick_title(b"---\ntitle: x\n  verder\n---\n") == (False, None)
    assert quick_title(b"---\ntitle: a\ntitle: b\n---\n") == (False, None)
    assert quick_title(b"---\ntitle: \xff\n---\n") == (False, None)  # not UTF-8


LINES = st.sampled_from([
    "title: T", "title: 'q'", 'title: "d"', "title:", "id: x", "a: 'open", 'a: "open', "a: [x,", "a: {x:",
    "  vervolg", "  - item", "- item", "-", "# c", "", "  ", "a: |", "a: >", "  title: diep", "? k", ": v",
    "a: &x v", "b: *x", "title: 12", "title: true", "title: a # c", "'title': q", "title : x", "t\tx: y",
    "a: b\r", "title: x\r", "a: \"x\" y", "a: 'x' 'y'", "title: [a]", "a: ]", "...", "---",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, max_size=8))
def test_any_mix_of_lines_is_read_exactly_or_declined(lines: list[str]) -> None:
    data = ("---\n" + "\n".join(lines) + "\n---\nTekst\n").encode("utf-8")
    assert agrees(data), lines


def test_a_repository_listed_from_the_quick_read_is_completed_in_place(tmp_path: Path) -> None:
    """`glance` stores nothing provisional: the index's own entries come only from full readings."""
    from redactie.index import DocumentIndex

    (tmp_path / "a.md").write_text("---\ntitle: Snel\nstatus: x\n---\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: \"open\n  tot hier\"\n---\n", encoding="utf-8")
    index = DocumentIndex(tmp_path)
    stale = index.stale(["a.md", "b.md"])
    assert stale == ["a.md", "b.md"]
    glance = index.glance(stale)
    assert glance is not None
    assert glance["a.md"].title == "Snel" and "x" not in glance["a.md"].fields.get("status", "")
    assert glance["b.md"].title == "open tot hier"  # declined by the quick read, read in full
    assert set(index.entries()) == {"b.md"}  # only the full reading is kept
    assert index.glance(stale, cancelled=lambda: True) is None


def test_titles_of_a_quick_reading_serve_until_the_index_is_complete(content_repo: Path, isolated_home: Path) -> None:
    """Relation choices can be made from the quick titles (no file read on the GUI thread when a document opens
    before the index is complete); a whole sync makes the index the source again."""
    from redactie.repository import ContentRepository

    repo = ContentRepository(content_repo)
    path = repo.documents[0].path
    repo.use_titles({path: "Uit de snelle lezing"})
    assert repo.title(path) == "Uit de snelle lezing"
    assert repo.index.reads == 0
    assert repo.sync_index()
    assert repo.title(path) == repo.index.get(path).title != "Uit de snelle lezing"
