"""The document index: read once, updated per file, cached between runs (counting file reads, never time)."""

from __future__ import annotations

import datetime
import marshal
import os
import shutil
from pathlib import Path

import pytest

from redactie.catalogue import entries
from redactie.collection import YOUNG_LIMIT, gc_paused
from redactie.index import FORMAT, MAGIC, DocumentIndex, IndexEntry, cache_file_for, plain
from redactie.macros import macro_texts
from redactie.repository import ContentRepository
from redactie.schema import load_schema
from redactie.validation import validate_repository

from .conftest import CONTENT, CORPUS

SCHEMAS = Path(__file__).resolve().parents[1] / "resources" / "schemas"
VEREISTE = "docs/vereisten/menselijk_toezicht_hoog_risico.md"
MAATREGEL = "docs/maatregelen/stopknop_inrichten.md"


@pytest.fixture
def repo_path(tmp_path: Path, isolated_home: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(CONTENT, target)
    _age(target)
    return target


def _age(root: Path) -> None:
    """Date every file back, as files that were not just written (the index re-reads very recent files)."""
    for path in root.rglob("*"):
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def _rewrite(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_each_document_is_read_once_for_list_titles_and_macros(repo_path: Path) -> None:
    repo = ContentRepository(repo_path)
    assert repo.sync_index()
    reads = repo.index.reads
    assert reads == len(repo.documents)
    listed = entries(repo, "nl")
    repo.vocabularies()
    macro_texts(repo, VEREISTE)
    macro_texts(repo, MAATREGEL)
    # Only the vocabularies' own files (lifecycle phases, building-block index pages) are read in addition.
    assert repo.index.reads - reads == len(repo.index) - len(repo.documents)
    titles = {e.path: e.title for e in listed}
    assert titles[VEREISTE] == "Hoog-risico-AI-systemen staan onder menselijk toezicht"


def test_second_start_reads_no_unchanged_file(repo_path: Path) -> None:
    first = ContentRepository(repo_path)
    first.sync_index()
    first.vocabularies()
    first.index.save()
    assert cache_file_for(repo_path).is_file()
    second = ContentRepository(repo_path)
    second.sync_index()
    second.vocabularies()
    entries(second, "nl")
    assert second.index.reads == 0
    assert {p: e.fields for p, e in second.index.entries().items()} == \
        {p: e.fields for p, e in first.index.entries().items()}


def test_a_changed_file_is_read_again_and_only_that_one(repo_path: Path) -> None:
    repo = ContentRepository(repo_path)
    repo.sync_index()
    _rewrite(repo_path / VEREISTE, "title: Hoog-risico", "title: Gewijzigd hoog-risico")
    again = ContentRepository(repo_path)
    again.sync_index()
    assert again.index.reads == 1
    assert again.title(VEREISTE) == "Gewijzigd hoog-risico-AI-systemen staan onder menselijk toezicht"
    assert {e.path: e.title for e in entries(again, "nl")}[VEREISTE].startswith("Gewijzigd")


def test_same_size_and_time_after_a_racy_read_is_still_seen(repo_path: Path) -> None:
    """A file changed within the file system's time resolution of its read keeps its stat: read it again."""
    path = repo_path / VEREISTE
    _rewrite(path, "title: Hoog-risico", "title: Hoog-risicO")
    index = DocumentIndex(repo_path)
    index.sync([VEREISTE])
    stamp = path.stat().st_mtime_ns
    _rewrite(path, "title: Hoog-risicO", "title: Hoog-risicX")
    os.utime(path, ns=(stamp, stamp))
    index.sync([VEREISTE])
    assert index.get(VEREISTE).title.startswith("Hoog-risicX")


def test_update_of_one_file_and_removal(repo_path: Path) -> None:
    repo = ContentRepository(repo_path)
    repo.sync_index()
    reads = repo.index.reads
    _rewrite(repo_path / MAATREGEL, "vereiste:", "vereiste:\n- ai_geletterdheid")
    (repo_path / VEREISTE).unlink()
    assert repo.index.get(VEREISTE) is not None  # stale until told: no disk access per question
    assert repo.index.update(MAATREGEL).fields["vereiste"][0] == "ai_geletterdheid"
    assert repo.index.update(VEREISTE) is None
    assert repo.index.reads == reads + 1
    repo.refresh()
    repo.sync_index()
    assert VEREISTE not in repo.index.entries()


def test_macros_follow_an_updated_relation(repo_path: Path) -> None:
    repo = ContentRepository(repo_path)
    repo.sync_index()
    target = "docs/vereisten/ai_geletterdheid.md"
    title = repo.index.get(MAATREGEL).title
    assert title not in macro_texts(repo, target)["list_maatregelen"]
    _rewrite(repo_path / MAATREGEL, "vereiste:\n", "vereiste:\n- ai_geletterdheid\n")
    repo.index.update(MAATREGEL)
    assert title in macro_texts(repo, target)["list_maatregelen"]


def test_a_broken_or_foreign_cache_is_ignored(repo_path: Path) -> None:
    cache = cache_file_for(repo_path)
    cache.parent.mkdir(parents=True, exist_ok=True)
    for junk in (b"\x00not json", b'{"format": %d, "root": "/elders", "entries": {}}' % FORMAT,
                 b'{"format": 0, "entries": {"x.md": [1, 2, {}, {}, true, false]}}', b"[]",
                 marshal.dumps((MAGIC, FORMAT, "/elders", [])), marshal.dumps((MAGIC, FORMAT - 1, str(repo_path), [])),
                 marshal.dumps((MAGIC, FORMAT, str(repo_path), [b"\xff\x00", marshal.dumps([("x.md", 1)])])),
                 marshal.dumps((MAGIC, FORMAT, str(repo_path), [marshal.dumps([1, 2])]))[:-3]):
        cache.write_bytes(junk)
        repo = ContentRepository(repo_path)
        assert repo.sync_index()
        assert repo.index.reads == len(repo.documents)


def test_unreadable_and_special_files_are_kept_out(repo_path: Path) -> None:
    broken = repo_path / "docs/vereisten/kapot.md"
    broken.write_bytes(b"---\ntitle: [niet gesloten\n---\n")
    fifo = repo_path / "docs/vereisten/pijp.md"
    os.mkfifo(fifo)
    repo = ContentRepository(repo_path)
    assert repo.sync_index()  # a FIFO is never opened, so this does not hang
    assert not repo.index.get("docs/vereisten/kapot.md").readable
    assert not repo.index.get("docs/vereisten/pijp.md").readable
    assert {e.path: e.title for e in entries(repo, "nl")}["docs/vereisten/kapot.md"] == "kapot"


def test_validating_one_file_reads_only_that_file_and_still_finds_duplicate_ids(tmp_path: Path,
                                                                                   isolated_home: Path) -> None:
    source = CORPUS / "algoritmekader-2026"
    if not source.is_dir():
        pytest.skip("../shared/corpus is not present")
    root = tmp_path / "repo"
    shutil.copytree(source, root)
    measures = root / "docs/voldoen-aan-wetten-en-regels/maatregelen"
    first = sorted(measures.glob("*.md"))[0]
    second = measures / f"{first.stem}-kopie.md"  # the same code and id under another name
    shutil.copy(first, second)
    _age(root)
    schema = load_schema(SCHEMAS / "algoritmekader-2026.yaml")
    repo = ContentRepository(root, schema)
    full = validate_repository(repo)
    changed = second.relative_to(root).as_posix()
    assert any(f.code == "id-duplicate" and f.path == changed for f in full)
    repo.sync_index()
    again = ContentRepository(root, schema)
    one = validate_repository(again, [changed])
    assert again.index.reads == 0  # the changed file itself is read by validation, not by the index
    assert one == [f for f in full if f.path == changed]


def test_the_cache_keeps_every_value_as_shown_and_reads_back_the_same(repo_path: Path) -> None:
    """Texts with any character (an unpaired surrogate from a non-UTF-8 file too), nested values, dates as text."""
    odd = {"title": "Titel \udcff met \u00e9", "n": 3, "x": 1.5, "ja": True, "leeg": None,
           "lijst": ["a", {"b": [1, 2]}], "datum": datetime.date(2024, 5, 1)}
    cache = repo_path.parent / "odd.index"
    saved = DocumentIndex(repo_path, cache)
    saved._entries = {"docs/a.md": IndexEntry("docs/a.md", 10, 20, odd, {"title": 2})}  # as a reading would leave it
    saved._dirty = True
    assert saved.save()
    again = DocumentIndex(repo_path, cache)
    again._load_cache()
    back = again.entries()["docs/a.md"]
    assert back == IndexEntry("docs/a.md", 10, 20, {**odd, "datum": "2024-05-01"}, {"title": 2})
    assert plain(odd) == back.fields and back.title == odd["title"]


def _saved_in_parts(repo_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[DocumentIndex, Path, list[str]]:
    from redactie import index as module

    monkeypatch.setattr(module, "CHUNK", 4)
    cache = repo_path.parent / "cache.index"
    first = DocumentIndex(repo_path, cache)
    paths = sorted(p.relative_to(repo_path).as_posix() for p in repo_path.rglob("*.md"))
    first.sync(paths)
    assert first.save()
    assert not first.save()  # nothing changed: nothing written
    return first, cache, paths


def test_a_large_cache_is_stored_in_parts_decoded_when_first_needed(repo_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A start lists every document from the stored titles; each part's details decode on their own, when asked."""
    first, cache, paths = _saved_in_parts(repo_path, monkeypatch)
    assert len(paths) > 8
    second = DocumentIndex(repo_path, cache)
    second.sync(paths)
    assert second.reads == 0
    entries = second.entries()
    assert {p: e.title for p, e in entries.items()} == {p: e.title for p, e in first.entries().items()}
    assert not any(entry.decoded for entry in entries.values())
    one = entries[paths[0]]
    assert one.fields == first.get(paths[0]).fields and one.lines == first.get(paths[0]).lines
    assert sum(entry.decoded for entry in entries.values()) == 4  # its part, no other
    assert entries == first.entries()
    assert all(entry.decoded for entry in entries.values())


def test_a_damaged_part_of_the_cache_reads_its_files_again(repo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, cache, paths = _saved_in_parts(repo_path, monkeypatch)
    data = bytearray(cache.read_bytes())
    data[-5:] = b"\xff" * 5  # inside the last part; the heads and every length are intact
    cache.write_bytes(bytes(data))
    second = DocumentIndex(repo_path, cache)
    second.sync(paths)
    assert second.reads == 0  # listed from the heads
    assert second.entries() == first.entries()  # the last part's details come from its files
    assert second.reads == len(paths) - (len(paths) - 1) // 4 * 4


def test_a_cut_short_or_grown_cache_is_ignored(repo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, cache, paths = _saved_in_parts(repo_path, monkeypatch)
    data = cache.read_bytes()
    for junk in (data[:-1], data + b"\x00", data[:8], b"\xff" * 8 + data[8:]):
        cache.write_bytes(junk)
        second = DocumentIndex(repo_path, cache)
        second.sync(paths)
        assert second.reads == len(paths)
        assert second.entries() == first.entries()


@pytest.mark.skipif(CORPUS is None or not CORPUS.is_dir(), reason="the shared corpus is not present")
def test_the_index_reads_every_corpus_file_as_the_document_model_does() -> None:
    """The index reads only the front matter; its fields and key lines are the document model's."""
    from redactie.document import Document, FrontMatterError
    from redactie.index import front_matter

    files = sorted(CORPUS.rglob("*.md"))
    assert len(files) > 300
    for path in files:
        data = path.read_bytes()
        try:
            doc = Document.parse(data)
        except (FrontMatterError, RecursionError, ValueError) as exc:
            try:
                assert front_matter(data) is None, path
            except (FrontMatterError, RecursionError, ValueError) as again:
                assert type(again) is type(exc), path
            continue
        fields, lines = front_matter(data)
        assert fields == dict(doc.fields), path
        assert lines == {key: doc.field_line(key) for key in doc.fields}, path


def test_the_collector_is_paused_only_while_the_cache_is_decoded(automatic_gc: None, repo_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    cache = repo_path.parent / "cache.index"
    first = DocumentIndex(repo_path, cache)
    first.sync(sorted(p.relative_to(repo_path).as_posix() for p in repo_path.rglob("*.md")))
    first.save()
    seen: list[bool] = []
    original = IndexEntry._stored

    def watching(*args: object) -> IndexEntry:
        seen.append(gc.isenabled())
        return original(*args)

    monkeypatch.setattr(IndexEntry, "_stored", staticmethod(watching))
    assert gc.isenabled()
    second = DocumentIndex(repo_path, cache)
    second.sync([])
    assert seen and not any(seen)
    assert gc.isenabled()
    assert len(second) == len(first)
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a collector that was off stays off
    finally:
        gc.enable()


def test_a_sync_after_stale_stats_each_file_once_and_still_sees_changes(repo_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The list's start asks which files are stale, then syncs: the stats of the first are used by the second."""
    import redactie.index as index_module

    first = ContentRepository(repo_path)
    first.sync_index()
    _rewrite(repo_path / VEREISTE, "title: Hoog-risico", "title: Gewijzigd hoog-risico")
    gone = next(ref.path for ref in first.documents if ref.path not in (VEREISTE, MAATREGEL))
    (repo_path / gone).unlink()
    stats: list[str] = []
    original = index_module._signature

    def counting(full: str) -> tuple[int, int, bool] | None:
        stats.append(full)
        return original(full)

    monkeypatch.setattr(index_module, "_signature", counting)
    again = ContentRepository(repo_path)
    seen: dict[str, tuple[int, int, bool] | None] = {}
    assert again.index.stale((ref.path for ref in again.documents), seen) == [VEREISTE]
    assert again.sync_index(seen=seen)
    assert len(stats) == len(set(stats))  # no file stat'ed twice
    assert again.index.reads == 1
    assert again.title(VEREISTE).startswith("Gewijzigd")
    assert again.index.get(gone) is None and gone not in again.index.entries()


def test_a_documents_vocabulary_labels_each_document_by_its_title_as_title_gives_it(repo_path: Path) -> None:
    """The labels come from one snapshot of the index: quick titles first, a file the index lacks is read."""
    repo = ContentRepository(repo_path)
    repo.sync_index()
    name, vocabulary = next((n, v) for n, v in repo.schema.vocabularies.items() if v.source.startswith("documents:"))
    refs = repo.documents_of(vocabulary.source.partition(":")[2])
    quick, missing = refs[0].path, refs[1].path
    repo.index.forget(missing)
    repo.use_titles({quick: "Uit de snelle lezing"})
    reads = repo.index.reads
    values = repo.vocabulary(name).values
    assert repo.index.reads == reads + 1  # only the file the index lacked
    assert values[refs[0].stem].nl == f"Uit de snelle lezing ({refs[0].stem})"
    for ref in refs[1:]:
        title = repo.title(ref.path)
        assert values[ref.stem].nl == (f"{title} ({ref.stem})" if title else ref.stem)
    assert list(values)[: len(refs)] == sorted(ref.stem for ref in refs)


def test_any_damaged_byte_of_the_cache_gives_the_files_own_entries(repo_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever byte is damaged (the length, the header, the heads or a part), the entries are those of the files:
    the cache is ignored, or the damaged part's files are read again. Never a wrong value, never an error."""
    first, cache, paths = _saved_in_parts(repo_path, monkeypatch)
    data = cache.read_bytes()
    expected = first.entries()
    step = max(1, len(data) // 150)
    for position in range(0, len(data), step):
        for value in (0x00, 0xFF, data[position] ^ 0x01):
            if value == data[position]:
                continue
            cache.write_bytes(data[:position] + bytes([value]) + data[position + 1:])
            again = DocumentIndex(repo_path, cache)
            again.sync(paths)
            assert again.entries() == expected, position


def test_entries_of_one_part_asked_from_many_threads_decode_it_once(repo_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    first, cache, paths = _saved_in_parts(repo_path, monkeypatch)
    second = DocumentIndex(repo_path, cache)
    second.sync(paths)
    entries_now = second.entries()
    start = threading.Barrier(8)
    seen: list[object] = []

    def ask() -> None:
        start.wait()
        seen.extend(id(entries_now[path].fields) for path in paths[:4])

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 32 and len(set(seen)) == 4  # one decoded mapping per entry, shared by every thread
    assert entries_now == first.entries()


def test_a_paused_collector_can_take_what_was_built_out_of_its_passes(automatic_gc: None) -> None:
    """`gc_paused(freeze=True)`: what is alive at the end is frozen (no pass over it), and the collector runs again."""
    import gc

    before = gc.get_freeze_count()
    with gc_paused(freeze=True):
        built = [[n] for n in range(YOUNG_LIMIT + 1000)]
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(built)
    frozen = gc.get_freeze_count()
    with gc_paused():
        more = [[n] for n in range(YOUNG_LIMIT + 1000)]
    assert gc.get_freeze_count() == frozen and len(more) > YOUNG_LIMIT  # a plain pause freezes nothing
    gc.collect(0)
    with gc_paused(freeze=True):
        few = [[n] for n in range(100)]
    assert gc.get_freeze_count() == frozen and len(few) == 100  # nor does a small one: its pass is cheap
