"""The id check of a few documents answers from a table kept current from the index's changes, and gives the
same findings as validating the whole repository."""

from __future__ import annotations

import os
import re
from pathlib import Path

from redactie.index import LOG_LIMIT, DocumentIndex
from redactie.repository import ContentRepository
from redactie.schema import load_schema
from redactie.validation import validate_repository
from redactie.validation.ids import IdTable

from .conftest import OLD_NS

SCHEMAS = Path(__file__).resolve().parents[1] / "resources" / "schemas"


def _age(path: Path, step: int = 0) -> None:
    os.utime(path, ns=(OLD_NS + step, OLD_NS + step))


def _set_id(path: Path, new: str, step: int) -> None:
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^id: .*$", f"id: {new}", text, count=1)
    assert count == 1, path
    path.write_text(text, encoding="utf-8")
    _age(path, step)  # an old time, but another one: the index sees the change


def test_checking_a_few_files_gives_the_whole_repository_findings_for_them_as_ids_change(
        corpus_2026_copy: Path) -> None:
    schema = load_schema(SCHEMAS / "algoritmekader-2026.yaml")
    measures = sorted((corpus_2026_copy / "docs/voldoen-aan-wetten-en-regels/maatregelen").glob("*.md"))
    assert len(measures) > 6
    rel = [p.relative_to(corpus_2026_copy).as_posix() for p in measures]
    repo = ContentRepository(corpus_2026_copy, schema)
    ids = {}
    for path in measures[:6]:
        found = re.search(r"(?m)^id: (.*)$", path.read_text(encoding="utf-8"))
        assert found, path
        ids[path] = found.group(1).strip()
    steps = [  # each step changes ids on disk, then checks a few files; the index learns of it as the app does
        [(measures[1], ids[measures[0]])],  # a duplicate appears (of a file not checked)
        [(measures[2], ids[measures[0]])],  # a third holder
        [(measures[1], ids[measures[1]])],  # one goes back
        [(measures[3], ids[measures[4]]), (measures[4], ids[measures[3]])],  # two swap: no duplicate
        [(measures[5], ids[measures[2]])],
    ]
    for number, changes in enumerate(steps, start=1):
        for path, new in changes:
            _set_id(path, new, number)
            repo.index.update(path.relative_to(corpus_2026_copy).as_posix())
        full = validate_repository(ContentRepository(corpus_2026_copy, schema))
        for chosen in (rel[:3], rel[2:6], [rel[0]], rel[4:5]):
            assert validate_repository(repo, chosen) == [f for f in full if f.path in chosen], (number, chosen)
    assert any(f.code == "id-duplicate" for f in validate_repository(repo, rel[:3]))


def test_the_table_follows_only_what_changed(corpus_2026_copy: Path) -> None:
    repo = ContentRepository(corpus_2026_copy, load_schema(SCHEMAS / "algoritmekader-2026.yaml"))
    repo.sync_index()
    index = repo.index
    version, changed = index.changes_since(-1)
    assert changed is None  # a first reader builds everything
    first = next(ref.path for ref in repo.documents)
    index.forget(first)
    again, changed = index.changes_since(version)
    assert changed == {first} and again > version
    assert index.update(first) is not None
    assert index.changes_since(again)[1] == {first}
    assert index.changes_since(index.changes_since(-1)[0])[1] == set()
    table = IdTable.of(index, "id")
    assert IdTable.of(index, "id") is table
    assert table.version == index.changes_since(-1)[0]


def test_a_flood_of_changes_makes_readers_rebuild(tmp_path: Path) -> None:
    index = DocumentIndex(tmp_path)
    version, _ = index.changes_since(-1)
    for n in range(LOG_LIMIT + 5):
        (tmp_path / f"d{n}.md").write_bytes(b"---\ntitle: t\n---\n")
    index.sync([f"d{n}.md" for n in range(LOG_LIMIT + 5)])
    assert index.changes_since(version)[1] is None


def test_a_prepared_table_answers_a_later_check_from_the_changes_only(corpus_2026_copy: Path) -> None:
    """After the background validation's `prepare_id_check`, checking one file looks at no other entry."""
    from redactie.validation.context import RuleContext
    from redactie.validation.rules import prepare_id_check

    schema = load_schema(SCHEMAS / "algoritmekader-2026.yaml")
    repo = ContentRepository(corpus_2026_copy, schema)
    repo.sync_index()
    prepare_id_check(repo)
    table = IdTable.of(repo.index, *RuleContext(repo).unique_keys)
    assert table.version == repo.index.changes_since(-1)[0]
    looked: list[str] = []
    original = repo.index.peek

    def peek(relpath: str):  # noqa: ANN202
        looked.append(relpath)
        return original(relpath)

    repo.index.peek = peek  # type: ignore[method-assign]
    one = next(ref.path for ref in repo.documents if "/maatregelen/" in ref.path)
    _set_id(corpus_2026_copy / one, "een-nieuw-id", 7)
    validate_repository(repo, [one])
    assert looked == [one]


def test_a_saved_duplicate_id_marks_the_other_holder_too_and_unmarks_it(qtbot, corpus_2026_copy: Path) -> None:  # noqa: ANN001
    """The window's check after a save (`RepositoryMonitor.validate_paths`) also checks the documents that shared
    an id with the saved one before, or share one now: both holders of a duplicate get (and lose) their mark."""
    from redactie.gui.monitor import RepositoryMonitor
    from redactie.gui.tasks import TaskRunner
    from redactie.validation.rules import prepare_id_check

    schema = load_schema(SCHEMAS / "algoritmekader-2026.yaml")
    repo = ContentRepository(corpus_2026_copy, schema)
    repo.sync_index()
    prepare_id_check(repo)  # as the background validation leaves it
    measures = sorted((corpus_2026_copy / "docs/voldoen-aan-wetten-en-regels/maatregelen").glob("*.md"))
    first, second = measures[0], measures[1]
    rel = [p.relative_to(corpus_2026_copy).as_posix() for p in (first, second)]
    own = re.search(r"(?m)^id: (.*)$", second.read_text(encoding="utf-8")).group(1).strip()
    taken = re.search(r"(?m)^id: (.*)$", first.read_text(encoding="utf-8")).group(1).strip()
    runner = TaskRunner()
    monitor = RepositoryMonitor(runner)
    monitor.repo = repo
    results: list[tuple[dict[str, str], list[str]]] = []
    monitor.validated_some.connect(lambda found, paths: results.append((found, paths)))

    _set_id(second, taken, 1)  # saved with the first one's id
    monitor.validate_paths([rel[1]])
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20000)
    found, checked = results[-1]
    assert set(checked) == set(rel) and found.get(rel[0]) == "error" and found.get(rel[1]) == "error"

    _set_id(second, own, 2)  # and back
    monitor.validate_paths([rel[1]])
    qtbot.waitUntil(lambda: len(results) == 2, timeout=20000)
    found, checked = results[-1]
    assert set(checked) == set(rel)  # the former partner is checked again: its mark goes
    assert not any(f.code == "id-duplicate" for f in validate_repository(repo, rel))
    runner.shutdown()
