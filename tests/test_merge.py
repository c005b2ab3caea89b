"""Field-level three-way merge of documents, on small cases and over every file of the corpus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactie.document import Document, EditError
from redactie.document.model import same
from redactie.merge import FIELD, SECTION, merge_documents

from .conftest import corpus_files

FILES = corpus_files()
BASE = b"""---
title: Een vereiste
status_vereiste:
- nog-niet-geldend
levenscyclus:
- ontwerp
- ontwikkelen
hide:
- navigation
---

## Vereiste

Tekst van de vereiste.

## Risico

Een risico.
"""

Edit = Callable[[Document], None]


def _changed(value: Any, variant: int) -> Any:
    """A different value of the same shape; `variant` makes two different edits of one key."""
    if isinstance(value, bool):
        return not value if variant == 0 else ("ja" if value else "nee")
    if isinstance(value, int | float):
        return value + 1 + variant
    if isinstance(value, str):
        return value + (" aangepast" if variant == 0 else " anders")
    if isinstance(value, list):
        return [*value, f"extra-{variant}"]
    if isinstance(value, dict):
        return {**value, f"extra-{variant}": "waarde"}
    return f"waarde-{variant}"


def field_edit(key: str, variant: int = 0) -> Edit:
    return lambda doc: doc.set_field(key, _changed(doc.fields[key], variant))


def section_edit(name: str, variant: int = 0) -> Edit:
    def edit(doc: Document) -> None:
        text = doc.section(name)
        words = ["Toegevoegde zin.", "Een andere zin."][variant]
        end = "\n" if text.endswith("\n") or not text else ""
        doc.set_section(name, (text.rstrip("\n") + "\n\n" + words + end) if text.strip() else words + end)
    return edit


def apply(data: bytes, *edits: Edit) -> bytes:
    doc = Document.parse(data)
    for edit in edits:
        edit(doc)
    return doc.dump()


def test_neighbouring_fields_merge() -> None:
    ours = apply(BASE, lambda d: d.set_field("status_vereiste", ["geldend"]))
    theirs = apply(BASE, lambda d: d.set_field("levenscyclus", ["ontwerp", "ontwikkelen", "verificatie"]))
    result = merge_documents(BASE, ours, theirs)
    assert result.conflicts == [] and result.data is not None
    merged = Document.parse(result.data)
    assert merged.fields["status_vereiste"] == ["geldend"]
    assert merged.fields["levenscyclus"] == ["ontwerp", "ontwikkelen", "verificatie"]
    assert result.data == apply(BASE, lambda d: d.set_field("status_vereiste", ["geldend"]),
                                lambda d: d.set_field("levenscyclus", ["ontwerp", "ontwikkelen", "verificatie"]))


def test_same_change_taken_once_and_different_change_conflicts() -> None:
    ours = apply(BASE, lambda d: d.set_field("title", "Nieuw"), section_edit("Risico"))
    same = merge_documents(BASE, ours, ours)
    assert same.data == ours and same.conflicts == []
    theirs = apply(BASE, lambda d: d.set_field("title", "Anders"), section_edit("Vereiste"))
    result = merge_documents(BASE, ours, theirs)
    assert result.data is None and result.conflicts == ["title"]
    (conflict,) = result.parts
    assert (conflict.kind, conflict.name) == (FIELD, "title")
    mine = Document.parse(result.resolve({conflict.id: "ours"}))
    assert mine.fields["title"] == "Nieuw"
    assert "Toegevoegde zin." in mine.section("Risico") and "Toegevoegde zin." in mine.section("Vereiste")
    assert Document.parse(result.resolve({conflict.id: "theirs"})).fields["title"] == "Anders"


def test_section_conflict_and_deletion() -> None:
    ours = apply(BASE, section_edit("Risico", 0))
    theirs = apply(BASE, section_edit("Risico", 1))
    result = merge_documents(BASE, ours, theirs)
    assert result.conflicts == ["Risico"] and result.parts[0].kind == SECTION
    removed = apply(BASE, lambda d: d.remove_field("hide"))
    retitled = apply(BASE, lambda d: d.set_field("title", "Nieuw"))
    result = merge_documents(BASE, removed, retitled)
    assert result.data is not None and "hide" not in Document.parse(result.data).fields
    assert Document.parse(result.data).fields["title"] == "Nieuw"


def test_added_keys_and_front_matter() -> None:
    ours = apply(BASE, lambda d: d.set_field("onderwerp", ["transparantie"]))
    theirs = apply(BASE, lambda d: d.set_field("hide", ["navigation", "toc"]))
    result = merge_documents(BASE, ours, theirs)
    assert result.data == apply(BASE, lambda d: d.set_field("hide", ["navigation", "toc"]),
                                lambda d: d.set_field("onderwerp", ["transparantie"]))
    plain = b"# Titel\n\n## Een\n\nTekst.\n"
    ours = apply(plain, lambda d: d.set_field("title", "Titel"))
    theirs = apply(plain, section_edit("Een"))
    result = merge_documents(plain, ours, theirs)
    assert result.data == apply(plain, lambda d: d.set_field("title", "Titel"), section_edit("Een"))


def test_keys_added_on_both_sides_come_in_the_order_of_sequential_edits() -> None:
    ours = apply(BASE, lambda d: d.set_field("onderwerp", ["transparantie"]))
    theirs = apply(BASE, lambda d: d.set_field("rollen", ["jurist"]))
    result = merge_documents(BASE, ours, theirs)
    assert result.data == apply(BASE, lambda d: d.set_field("onderwerp", ["transparantie"]),
                                lambda d: d.set_field("rollen", ["jurist"]))
    reverse = merge_documents(BASE, theirs, ours)
    assert reverse.data == apply(BASE, lambda d: d.set_field("rollen", ["jurist"]),
                                 lambda d: d.set_field("onderwerp", ["transparantie"]))


def test_unreadable_versions_fall_back_to_git() -> None:
    broken = b"---\ntitle: [unclosed\n---\n"
    result = merge_documents(BASE, broken, BASE)
    assert result.data is None and result.conflicts == [] and not result.is_document_merge
    assert merge_documents(b"\xff\xfe", BASE, BASE).reason == "not-a-document"


def test_crlf_and_bom_are_kept() -> None:
    data = b"\xef\xbb\xbf" + BASE.replace(b"\n", b"\r\n")
    ours = apply(data, lambda d: d.set_field("title", "Nieuw"))
    theirs = apply(data, section_edit("Risico"))
    result = merge_documents(data, ours, theirs)
    assert result.data == apply(data, lambda d: d.set_field("title", "Nieuw"), section_edit("Risico"))


def _parts(doc: Document) -> list[tuple[str, str]]:
    keys = [("field", k) for k in doc.fields if k not in doc.duplicate_keys()]
    names = [n for n in doc.section_names if doc.section_names.count(n) == 1]
    return keys + [("section", n) for n in names]


def _edit(kind: str, name: str, variant: int = 0) -> Edit:
    return field_edit(name, variant) if kind == "field" else section_edit(name, variant)


def _try(data: bytes, *edits: Edit) -> bytes | None:
    try:
        return apply(data, *edits)
    except (EditError, KeyError):
        return None


@pytest.mark.skipif(not FILES, reason="../shared/corpus is not present next to this checkout")
@pytest.mark.parametrize("path", FILES, ids=lambda p: "/".join(p.parts[-3:]))
def test_corpus_pairs_merge_like_sequential_edits(path: Path) -> None:
    data = path.read_bytes()
    parts = _parts(Document.parse(data))
    # Every part with its neighbour (where git's line merge conflicts) and with the one after that.
    pairs = {(i, j) for i in range(len(parts)) for j in (i + 1, i + 2) if j < len(parts)}
    checked = 0
    single = [_try(data, _edit(*part)) for part in parts]
    for i, j in sorted(pairs):
        ours, theirs = single[i], single[j]
        both = _try(ours, _edit(*parts[j])) if ours is not None and theirs is not None else None
        if ours is None or theirs is None or both is None:
            continue
        result = merge_documents(data, ours, theirs)
        assert result.conflicts == [], (parts[i], parts[j], result.reason)
        assert result.data == both, (parts[i], parts[j])
        checked += 1
    for kind, name in parts:
        if kind != "field":
            continue
        ours, theirs = single[parts.index((kind, name))], _try(data, _edit(kind, name, 1))
        if ours is None or theirs is None or ours == theirs:
            continue
        result = merge_documents(data, ours, theirs)
        assert result.data is None and result.conflicts == [name], (kind, name, result.reason)
    assert checked or len(parts) < 2 or None in single


VARIANTS = [
    BASE,
    BASE.replace(b"\n", b"\r\n"),
    BASE.replace(b"hide:\n", b"# verborgen delen\nhide:  \n")
    .replace(b"- ontwerp\n- ontwikkelen\n", b"    - ontwerp\n    - ontwikkelen\n"),
    BASE.replace(b"\n## Risico\n\nEen risico.\n", b"\n## Risico\n\nEen risico.\n```\n## geen kop\n```\n"),
]
NEW_KEYS = ["onderwerp", "rollen", "risicogroep"]


def _edits_for(data: bytes) -> list[tuple[str, Edit]]:
    """Every edit the editor can make by rule, keyed by the part it touches."""
    doc = Document.parse(data)
    edits: list[tuple[str, Edit]] = []
    for key in doc.fields:
        edits.append((key, field_edit(key)))
        edits.append((key, lambda d, k=key: d.remove_field(k)))
    for key in NEW_KEYS:
        edits.append((key, lambda d, k=key: d.set_field(k, [f"{k}-waarde"])))
    for name in doc.section_names:
        edits.append(("§" + name, section_edit(name)))
    return edits


@given(st.sampled_from(range(len(VARIANTS))), st.integers(0, 10_000), st.integers(0, 10_000))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_two_edits_of_different_parts_merge_like_sequential_edits(variant: int, i: int, j: int) -> None:
    data = VARIANTS[variant]
    edits = _edits_for(data)
    (part_a, a), (part_b, b) = edits[i % len(edits)], edits[j % len(edits)]
    if part_a == part_b:
        return
    ours, theirs, both = _try(data, a), _try(data, b), _try(data, a, b)
    if ours is None or theirs is None or both is None:
        return
    result = merge_documents(data, ours, theirs)
    assert result.conflicts == [] and result.data is not None, (part_a, part_b, result.reason)
    if result.data in (both, _try(data, b, a)):
        return
    # A new key takes the list style most of the front matter has, so the editor's own bytes for it depend
    # on what the other edit did; the merge takes each part's bytes from its side. The content must agree.
    merged, expected = Document.parse(result.data), Document.parse(both)
    assert same(dict(merged.fields), dict(expected.fields)) and list(merged.fields) == list(expected.fields)
    assert merged.body == expected.body and (part_a in NEW_KEYS or part_b in NEW_KEYS), (part_a, part_b)


def test_a_document_with_ten_thousand_sections_merges() -> None:
    body = "".join(f"## Sectie {i}\n\nTekst {i}.\n\n" for i in range(10_000))
    base = ("---\ntitle: T\n---\n\n" + body).encode()
    ours = base.replace(b"Tekst 5.", b"Tekst vijf.")
    theirs = base.replace(b"Tekst 9000.", b"Tekst negenduizend.")
    result = merge_documents(base, ours, theirs)
    assert result.data == ours.replace(b"Tekst 9000.", b"Tekst negenduizend.")


def test_a_duplicated_key_merges_like_sequential_edits() -> None:
    base = b"---\ntitle: T\nhide:\n- toc\nlevenscyclus:\n- ontwerp\nhide:\n- navigation\n---\n\n## A\n\na\n"
    hide = field_edit("hide")  # writing a duplicated key keeps its last occurrence only
    for other in (field_edit("levenscyclus"), field_edit("title"), section_edit("A")):
        for first, second in ((hide, other), (other, hide)):
            result = merge_documents(base, apply(base, first), apply(base, second))
            assert result.conflicts == [] and result.data == apply(base, first, second)
