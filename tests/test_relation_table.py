"""The preview's "measures for this requirement" come from a table of who names whom, kept current from the
index's changes: the same titles as looking at every document, at a cost in proportion to what changed."""

from __future__ import annotations

import os
from pathlib import Path

from redactie.macros import RelationTable, _naming, _naming_by_scan, macro_texts
from redactie.repository import ContentRepository
from redactie.schema import load_schema

from .conftest import OLD_NS

SCHEMAS = Path(__file__).resolve().parents[1] / "resources" / "schemas"


def _all_agree(repo: ContentRepository) -> int:
    named = 0
    for ref in repo.documents:
        stem = ref.path.rsplit("/", 1)[-1][:-3]
        fast = _naming(repo, ref.path, stem, ref.doc_type)
        slow = _naming_by_scan(repo, ref.path, stem, ref.doc_type) if ref.doc_type else []
        assert sorted(fast) == sorted(slow), ref.path
        named += bool(fast)
    return named


def test_every_document_gets_the_titles_a_look_at_every_document_gives(corpus_2026_copy: Path) -> None:
    repo = ContentRepository(corpus_2026_copy, load_schema(SCHEMAS / "algoritmekader-2026.yaml"))
    assert repo.sync_index()
    assert _all_agree(repo) > 20  # the corpus's requirements are named by its measures


def test_a_changed_relation_is_followed(corpus_2026_copy: Path) -> None:
    repo = ContentRepository(corpus_2026_copy, load_schema(SCHEMAS / "algoritmekader-2026.yaml"))
    assert repo.sync_index()
    requirement = next(ref for ref in repo.documents if "/vereisten/" in ref.path)
    stem = requirement.path.rsplit("/", 1)[-1][:-3]
    measure = next(ref for ref in repo.documents if "/maatregelen/" in ref.path
                   and f"- {stem}\n" not in (corpus_2026_copy / ref.path).read_text(encoding="utf-8"))
    title = repo.index.get(measure.path).title
    before = macro_texts(repo, requirement.path)["list_maatregelen"]
    assert title not in before
    path = corpus_2026_copy / measure.path
    text = path.read_text(encoding="utf-8")
    assert "\nvereiste:\n" in text
    path.write_text(text.replace("\nvereiste:\n", f"\nvereiste:\n- {stem}\n", 1), encoding="utf-8")
    os.utime(path, ns=(OLD_NS + 1, OLD_NS + 1))
    repo.index.update(measure.path)
    assert title in macro_texts(repo, requirement.path)["list_maatregelen"]
    path.unlink()
    repo.index.update(measure.path)
    assert title not in macro_texts(repo, requirement.path)["list_maatregelen"]
    assert _all_agree(repo)


def test_the_table_is_one_per_index_and_keys(corpus_2026_copy: Path) -> None:
    repo = ContentRepository(corpus_2026_copy, load_schema(SCHEMAS / "algoritmekader-2026.yaml"))
    assert repo.sync_index()
    first = RelationTable.of(repo.index, "vereiste")
    assert RelationTable.of(repo.index, "vereiste") is first
    assert RelationTable.of(repo.index, "maatregel") is not first
