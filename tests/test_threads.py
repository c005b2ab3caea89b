"""The core is safe from any thread: parsing, editing and validating at once give single-threaded results."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from redactie.document import Document, EditError, FrontMatterError
from redactie.repository import ContentRepository
from redactie.validation import check_document, check_parsed

from .conftest import CORPUS

ROOT = CORPUS / "algoritmekader-2026"
pytestmark = pytest.mark.skipif(not ROOT.is_dir(), reason="../shared/corpus is not present next to this checkout")
THREADS = 4
ROUNDS = 3


def _files() -> list[Path]:
    """Vereisten and maatregelen: the fast reader takes some, ruamel.yaml the others (nested `sources:`)."""
    folder = ROOT / "docs" / "voldoen-aan-wetten-en-regels"
    return sorted(folder.glob("vereisten/*.md"))[:25] + sorted(folder.glob("maatregelen/*.md"))[:25]


def _work(repo: ContentRepository, path: Path) -> tuple:
    """Everything the app does with one file, as a comparable value."""
    data = path.read_bytes()
    relpath = path.relative_to(ROOT).as_posix()
    try:
        doc = Document.parse(data)
    except FrontMatterError as exc:
        return ("error", str(exc))
    fields = dict(doc.fields)
    findings, _ = check_document(repo, relpath, data)
    out: list[object] = [fields, [(f.line, f.code, f.field) for f in findings]]
    try:
        doc.set_field("title", f"{fields.get('title', '')} herzien: versie 2")
        out.append(doc.dump())
    except EditError as exc:
        out.append(("edit", str(exc)))
    if doc.section_names:
        name = doc.section_names[0]
        doc.set_section(name, "Een nieuwe alinea.\n\n" + doc.section(name))
    out.append(doc.dump())
    out.append([(f.line, f.code, f.field) for f in check_parsed(repo, relpath, doc)])
    out.append(dict(Document.parse(doc.dump()).fields))
    return tuple(out)


def test_parse_edit_and_validate_from_many_threads_at_once() -> None:
    files = _files()
    repo = ContentRepository(ROOT)
    repo.vocabularies()
    for type_name in repo.schema.types:
        repo.stems(type_name)
    expected = {path: _work(repo, path) for path in files}
    failures: list[str] = []
    barrier = threading.Barrier(THREADS)
    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show up in every run

    def worker(offset: int) -> None:
        barrier.wait()
        order = files[offset:] + files[:offset]
        for _ in range(ROUNDS):
            for path in order:
                try:
                    got = _work(repo, path)
                except Exception as exc:  # noqa: BLE001 - any exception is the failure being tested
                    failures.append(f"{path.name}: {type(exc).__name__}: {exc}")
                    continue
                if got != expected[path]:
                    failures.append(f"{path.name}: a different result than in a single thread")

    threads = [threading.Thread(target=worker, args=(n * 7,)) for n in range(THREADS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(old_interval)
    assert not failures, f"{len(failures)} failures, first: {failures[:5]}"
