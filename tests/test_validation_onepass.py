"""Validation in one pass (issue #12): the same findings as checking every document on its own, each file read
once, and no parsed document kept beyond its own checks."""

from __future__ import annotations

import gc
import io
import json
import re
from pathlib import Path

import pytest

from redactie.cli import main, write_json_list
from redactie.document import Document
from redactie.fileio import read_document
from redactie.index import IndexEntry
from redactie.repository import ContentRepository
from redactie.validation import Finding, check_document, validate_repository
from redactie.validation.findings import finding
from redactie.validation.rules import check_unique_ids, unreadable_detail

from .conftest import CORPUS, ROOT

SNAPSHOTS = ["algoritmekader-2024", "algoritmekader-2026"]
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def reference(repo: ContentRepository) -> list[Finding]:
    """The findings as each document alone gives them: vocabularies resolved with every title, a fresh set of
    rules per document, and every parsed document kept for the id check at the end."""
    repo.vocabularies()
    docs: dict[str, Document] = {}
    found: list[Finding] = []
    for ref in repo.documents:
        try:
            data = read_document(repo.root / ref.path)
        except OSError as exc:
            found.append(finding(ref.path, 1, "", "unreadable", detail=unreadable_detail(exc)))
            continue
        findings, doc = check_document(repo, ref.path, data)
        found += findings
        if doc is not None:
            docs[ref.path] = doc
    found += check_unique_ids(repo, docs)
    return sorted(found, key=lambda f: (f.path, f.line, f.code))


def generated(target: Path, count: int) -> Path:
    """A 2026-format repository of `count` real documents of both snapshots, copied under unique names; every
    tenth copy keeps its original id, so ids are used twice."""
    new = CORPUS / "algoritmekader-2026" / "docs"
    sources = [p for folder in ("vereisten", "maatregelen", "hulpmiddelen")
               for base in (new / "voldoen-aan-wetten-en-regels" / folder, CORPUS / "algoritmekader-2024/docs" / folder)
               for p in sorted(base.glob("*.md")) if p.name != "index.md"]
    (target / "docs").mkdir(parents=True)
    (target / "redactie-schema.yaml").write_bytes((ROOT / "resources/schemas/algoritmekader-2026.yaml").read_bytes())
    for folder in ("levenscyclus", "onderwerpen", "rollen"):
        (target / "docs" / folder).mkdir()
        for path in (new / folder).glob("*.md"):
            (target / "docs" / folder / path.name).write_bytes(path.read_bytes())
    for n in range(count):
        source = sources[n % len(sources)]
        copy = n // len(sources)
        folder = target / "docs/voldoen-aan-wetten-en-regels" / source.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        if copy and n % 10:
            data = re.sub(rb"(?m)^(id:[ \t]*\S+?)([ \t]*)$", rb"\g<1>-%d\g<2>" % copy, data, count=1)
        (folder / f"{source.stem}-{copy}-{n}.md").write_bytes(data)
    return target


@needs_corpus
@pytest.mark.parametrize("snapshot", SNAPSHOTS)
def test_findings_are_those_of_each_document_alone_on_the_corpus(snapshot: str, isolated_home: Path) -> None:
    root = CORPUS / snapshot
    one_pass = validate_repository(ContentRepository(root))
    assert one_pass, "the corpus has findings; an empty list would prove nothing"
    assert one_pass == reference(ContentRepository(root))


@needs_corpus
def test_findings_are_those_of_each_document_alone_on_a_generated_repository(tmp_path: Path,
                                                                            isolated_home: Path) -> None:
    root = generated(tmp_path / "groot", 1200)
    one_pass = validate_repository(ContentRepository(root))
    codes = {f.code for f in one_pass}
    assert {"id-duplicate", "vocabulary", "required", "relation-missing"} <= codes
    assert one_pass == reference(ContentRepository(root))


@needs_corpus
def test_checking_some_files_gives_their_part_of_the_whole_run(tmp_path: Path, isolated_home: Path) -> None:
    root = generated(tmp_path / "groot", 400)
    whole = validate_repository(ContentRepository(root))
    wanted = sorted({f.path for f in whole if f.code == "id-duplicate"})[:3] + [whole[0].path]
    some = validate_repository(ContentRepository(root), wanted)
    assert some == [f for f in whole if f.path in wanted]


@needs_corpus
def test_no_document_is_read_for_its_title_and_none_is_kept(tmp_path: Path, isolated_home: Path) -> None:
    root = generated(tmp_path / "groot", 300)
    marker = f"<!-- {tmp_path.name} -->\n"  # this run's documents only: other tests' background work may parse too
    for path in root.rglob("*.md"):
        data = path.read_bytes()
        path.write_bytes(data + (b"" if data.endswith(b"\n") else b"\n") + marker.encode())
    repo = ContentRepository(root)
    asked: list[int] = []
    alive: list[int] = []

    def live_documents() -> int:
        gc.collect()
        return sum(isinstance(o, Document) and o._lines and o._lines[-1] == marker for o in gc.get_objects())

    def count_documents() -> bool:  # asked before each document: how many parsed documents are still alive?
        asked.append(1)
        if len(asked) % 25 == 0:
            alive.append(live_documents())
        return False

    before = live_documents()  # whatever earlier tests left behind
    gc.collect()
    entries_before = sum(isinstance(o, IndexEntry) for o in gc.get_objects())  # other repositories' indexes
    validate_repository(repo, cancelled=count_documents)
    assert len(asked) == len(repo.documents) and len(alive) == len(asked) // 25
    assert max(alive) <= before + 1  # only the one the loop just checked
    documents = {ref.path for ref in repo.documents}
    assert not documents & set(repo.index.entries())  # relation values are file names: no title was read
    gc.collect()
    kept = sum(isinstance(o, IndexEntry) for o in gc.get_objects())
    assert kept - entries_before <= len(repo.index)  # the few vocabulary files whose titles set their order


@pytest.mark.parametrize("items", [[], [{}], [{"path": "a.md", "line": 3, "field": "", "message": "Één \"x\"\n"}],
                                   [{"a": None, "b": True, "c": 1.5}, {"d": [1, {"e": []}], "f": {"g": "h"}}]])
def test_json_written_one_finding_at_a_time_is_what_json_dumps_writes(items: list[dict[str, object]]) -> None:
    out = io.StringIO()
    write_json_list(items, out)
    assert out.getvalue() == json.dumps(items, ensure_ascii=False, indent=2) + "\n"


@needs_corpus
def test_the_command_line_prints_the_findings_as_json(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = CORPUS / "algoritmekader-2026"
    assert main(["validate", "--format", "json", "--lang", "en", str(root)]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed == [f.as_json("en") for f in validate_repository(ContentRepository(root))]
