"""Hostile files: links, pipes, devices, read-only files, stale temporaries, names other systems cannot hold."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from redactie import newdoc
from redactie.fileio import (
    FileRefused,
    atomic_write,
    clean_stale_temporaries,
    is_temporary,
    read_document,
    safe_target,
)
from redactie.repository import ContentRepository, markdown_files
from redactie.schema import load_schema
from redactie.summary import quick_fields
from redactie.validation import validate_repository

from .conftest import CONTENT

SCHEMA = CONTENT / "redactie-schema.yaml"


def _repo(tmp_path: Path) -> ContentRepository:
    import shutil

    root = tmp_path / "inhoud"
    shutil.copytree(CONTENT, root)
    return ContentRepository(root)


def _vereiste(repo: ContentRepository):
    doc_type = repo.schema.types["vereiste"]
    doc_type.file_name = "{code}-{slug}.md"  # as the real repository names them
    return doc_type


# -- item 2: nothing is written outside the repository ------------------------------------------------------

def test_schema_file_name_cannot_leave_the_repository(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    doc_type = _vereiste(repo)
    doc_type.file_name = "../../../" + str(tmp_path.name) + "/x_{slug}.sh"
    proposal = newdoc.propose(repo, doc_type, "Kwaadaardig", "aia-99", used_ids=set())
    assert not proposal.ok
    with pytest.raises(ValueError):
        newdoc.create(repo, doc_type, "Kwaadaardig", "aia-99", used_ids=set())
    assert not list(tmp_path.rglob("x_*.sh"))


def test_a_type_folder_that_is_a_link_is_not_written_through(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    doc_type = _vereiste(repo)
    folder = repo.root / newdoc.folder_of(doc_type)
    outside = tmp_path / "buiten"
    outside.mkdir()
    import shutil

    shutil.rmtree(folder)
    folder.symlink_to(outside, target_is_directory=True)
    proposal = newdoc.propose(repo, doc_type, "Via een link", "aia-98", used_ids=set())
    assert not proposal.ok
    with pytest.raises(ValueError):
        newdoc.create(repo, doc_type, "Via een link", "aia-98", used_ids=set())
    assert list(outside.iterdir()) == []


def test_safe_target_rules(tmp_path: Path) -> None:
    root = tmp_path / "r"
    (root / "docs").mkdir(parents=True)
    (tmp_path / "elders").mkdir()
    (root / "docs" / "uit").symlink_to(tmp_path / "elders")
    (root / "link.md").symlink_to(tmp_path / "elders" / "x.md")
    assert safe_target(root, "docs/nieuw.md") == root / "docs" / "nieuw.md"
    assert safe_target(root, "docs/a/b/nieuw.md") == root / "docs" / "a" / "b" / "nieuw.md"
    for bad in ("../x.md", "/etc/passwd", "docs/../../x.md", "docs/uit/x.md", "link.md", ""):
        with pytest.raises(FileRefused):
            safe_target(root, bad)


def test_write_schema_does_not_follow_a_link(tmp_path: Path) -> None:
    from redactie.schema.infer import infer_schema, write_inferred_schema

    root = _repo(tmp_path).root
    (root / "redactie-schema.yaml").unlink()
    victim = tmp_path / "slachtoffer.txt"
    (root / "redactie-schema.yaml").symlink_to(victim)
    with pytest.raises(OSError):
        write_inferred_schema(root, infer_schema(root))
    assert not victim.exists()


# -- item 4: documents are regular files; nothing else is read ----------------------------------------------

def _hostile_folder(root: Path, outside: Path) -> dict[str, Path]:
    folder = root / "docs" / "vereisten"
    outside.write_bytes(b"---\ntitle: Geheim van buiten\n---\n")
    made = {"zero": folder / "nul-apparaat.md", "fifo": folder / "pijp.md", "out": folder / "buiten.md",
            "loop": folder / "lus.md", "dangling": folder / "weg.md"}
    made["zero"].symlink_to("/dev/zero")
    os.mkfifo(made["fifo"])
    made["out"].symlink_to(outside)
    made["loop"].symlink_to(made["loop"])
    made["dangling"].symlink_to(folder / "bestaat-niet.md")
    return made


def test_special_files_are_listed_but_never_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    made = _hostile_folder(repo.root, tmp_path / "buiten.md")
    listed = markdown_files(repo.root)
    for path in made.values():
        assert path.relative_to(repo.root).as_posix() in listed
        for checked in (False, True):  # also when the caller's stat is taken as the check (the index's reading)
            with pytest.raises(FileRefused) as caught:
                read_document(path, checked=checked)
            assert caught.value.localized("nl") and caught.value.localized("en")
        assert quick_fields(path) == {}
    findings = validate_repository(repo)
    unreadable = {f.path for f in findings if f.code == "unreadable"}
    assert {p.relative_to(repo.root).as_posix() for p in made.values()} <= unreadable
    assert not any("Geheim" in f.message("nl") for f in findings)


def test_a_folder_link_loop_is_not_walked(tmp_path: Path) -> None:
    root = tmp_path / "r"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "a.md").write_text("---\ntitle: A\n---\n")
    (root / "docs" / "lus").symlink_to(root / "docs")
    assert markdown_files(root) == ["docs/a.md"]


def test_a_document_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "groot.md"
    big.write_bytes(b"---\ntitle: x\n---\n" + b"a" * 5000)
    with pytest.raises(FileRefused) as caught:
        read_document(big, limit=1000)
    assert "te groot" in caught.value.localized("nl")
    assert read_document(big, limit=10_000).startswith(b"---")


# -- item 14: read-only files, modes -------------------------------------------------------------------------

def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "alleen-lezen.md"
    path.write_bytes(b"oud\n")
    path.chmod(0o444)
    with pytest.raises(FileRefused) as caught:
        atomic_write(path, b"nieuw\n")
    assert "alleen-lezen" in caught.value.localized("nl")
    assert path.read_bytes() == b"oud\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_new_files_follow_the_umask_and_existing_modes_are_kept(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        new = tmp_path / "nieuw.md"
        atomic_write(new, b"x\n")
        assert stat.S_IMODE(new.stat().st_mode) == 0o640
    finally:
        os.umask(old)
    kept = tmp_path / "bestaand.md"
    kept.write_bytes(b"a\n")
    kept.chmod(0o664)
    atomic_write(kept, b"b\n")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o664


def test_a_link_is_never_replaced_by_a_copy(tmp_path: Path) -> None:
    target = tmp_path / "doel.md"
    target.write_bytes(b"doel\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    with pytest.raises(FileRefused):
        atomic_write(link, b"nieuw\n")
    assert link.is_symlink() and target.read_bytes() == b"doel\n"


# -- item 13: temporaries left by kill -9 ----------------------------------------------------------------------

def test_stale_temporaries_are_cleaned_and_fresh_ones_kept(tmp_path: Path) -> None:
    root = tmp_path / "r"
    (root / "docs").mkdir(parents=True)
    stale = root / "docs" / ".a.md.k3j_x9q2.tmp"
    fresh = root / "docs" / ".b.md.abcdefgh.tmp"
    other = root / "docs" / ".mijn-notities.tmp"
    for path in (stale, fresh, other):
        path.write_bytes(b"half")
    started = time.time()
    os.utime(stale, (started - 100, started - 100))
    os.utime(other, (started - 100, started - 100))
    os.utime(fresh, (started + 1, started + 1))
    assert clean_stale_temporaries(root, started) == ["docs/.a.md.k3j_x9q2.tmp"]
    assert not stale.exists() and fresh.exists() and other.exists()
    assert is_temporary("docs/.b.md.abcdefgh.tmp") and not is_temporary("docs/b.md")


# -- item 15: names other systems cannot hold ------------------------------------------------------------------

@pytest.mark.parametrize("code", ["con", "aux", "nul", "com1", "lpt1", "prn"])
def test_windows_reserved_names_are_refused(tmp_path: Path, code: str) -> None:
    repo = _repo(tmp_path)
    doc_type = _vereiste(repo)
    doc_type.file_name = "{code}.md"
    proposal = newdoc.propose(repo, doc_type, "Een titel", code, used_ids=set())
    assert any("Windows" in nl for nl, _en in proposal.problems)


@pytest.mark.parametrize("name", ["a.", "a ", "a:b", "a<b", "a|b", "a?b", "a*b", 'a"b'])
def test_names_with_trailing_dot_space_or_reserved_characters_are_refused(name: str) -> None:
    assert newdoc.name_problems(f"docs/{name}.md" if name[-1] not in ". " else f"docs/{name}")


def test_a_name_differing_only_in_case_is_refused(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    doc_type = _vereiste(repo)
    first = newdoc.create(repo, doc_type, "Eerste document", "aia-90", used_ids=set())
    upper = repo.root / first
    upper.rename(upper.with_name(upper.name.upper().replace(".MD", ".md")))
    proposal = newdoc.propose(repo, doc_type, "Eerste document", "aia-90", used_ids=set())
    assert not proposal.ok
    assert any("hoofd- en kleine letters" in nl for nl, _en in proposal.problems)


def test_a_300_character_code_does_not_raise(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    doc_type = _vereiste(repo)
    proposal = newdoc.propose(repo, doc_type, "Titel " * 80, "a" * 300, used_ids=set())
    assert not proposal.ok
    assert len(proposal.path.rsplit("/", 1)[-1].encode()) <= 255
    long_title = newdoc.propose(repo, doc_type, "Woord " * 200, "aia-91", used_ids=set())
    assert long_title.ok, long_title.problems
    assert len(long_title.path.rsplit("/", 1)[-1].encode()) <= newdoc.MAX_NAME


def test_the_sample_schema_still_loads() -> None:
    assert load_schema(SCHEMA).types


def test_a_vocabulary_folder_outside_the_repository_is_refused(tmp_path: Path) -> None:
    from redactie.schema import SchemaError

    repo = _repo(tmp_path)
    secret = tmp_path / "geheim"
    secret.mkdir()
    (secret / "sleutel.md").write_text("---\ntitle: Geheime sleutel\n---\n")
    name = next(n for n, v in repo.schema.vocabularies.items() if v.source.startswith(("files:", "folders:")))
    vocabulary = repo.schema.vocabularies[name]
    for source in ("files:../geheim", "files:docs/uit"):
        (repo.root / "docs" / "uit").unlink(missing_ok=True)
        (repo.root / "docs" / "uit").symlink_to(secret)
        repo.schema.vocabularies[name] = type(vocabulary)(vocabulary.name, {}, source, vocabulary.open)
        repo.refresh()
        with pytest.raises(SchemaError) as caught:
            repo.vocabularies()
        assert "buiten de repository" in caught.value.localized("nl")


def test_remembering_the_repository_never_fails_opening_it(isolated_home: Path, tmp_path: Path) -> None:
    from redactie.workspace import _state_file, load_state, remember_repository

    state = _state_file()
    state.parent.mkdir(parents=True, exist_ok=True)
    dotfiles = tmp_path / "dotfiles-state.json"
    dotfiles.write_text("{}")
    state.symlink_to(dotfiles)  # settings kept as a link: written where it points
    remember_repository(tmp_path)
    assert state.is_symlink() and load_state()["last"] == str(tmp_path)
    dotfiles.chmod(0o444)  # read-only: not remembered, and no exception
    remember_repository(tmp_path / "ander")
    assert load_state()["last"] == str(tmp_path)


def test_write_inside_refuses_a_folder_link_on_the_way(tmp_path: Path) -> None:
    from redactie.fileio import write_inside

    root = tmp_path / "r"
    (root / "docs").mkdir(parents=True)
    outside = tmp_path / "buiten"
    outside.mkdir()
    (root / "docs" / "uit").symlink_to(outside)
    with pytest.raises(FileRefused):
        write_inside(root, "docs/uit/x.md", b"x")
    assert list(outside.iterdir()) == []
    assert write_inside(root, "docs/x.md", b"x") and (root / "docs" / "x.md").read_bytes() == b"x"
