"""Synchronising two editors' work per field: two clones of one bare remote, real git throughout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from redactie.document import Document
from redactie.gitservice import conflicts, remote
from redactie.gitservice.problems import GitProblem
from redactie.gitservice.service import GitService

from .conftest import ROOT, git

DOC = "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"


def edit(repo: Path, **fields: object) -> None:
    doc = Document.parse((repo / DOC).read_bytes())
    for key, value in fields.items():
        doc.set_field(key, value)
    (repo / DOC).write_bytes(doc.dump())


def editors(tmp_path: Path, shared: tuple[Path, Path]) -> tuple[Path, Path, GitService]:
    """Editor B (a second clone) changes and shares first; A (the `mine` clone) then has work to sync."""
    bare, a = shared
    b = tmp_path / "b"
    git(tmp_path, "clone", "-q", str(bare), str(b))
    git(b, "config", "user.name", "Redacteur B")
    git(b, "config", "user.email", "b@example.org")
    return a, b, GitService(a)


def test_neighbouring_fields_sync_without_conflict(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    a, b, service = editors(tmp_path, shared)
    edit(b, toelichting="Korte toelichting van B.",
         levenscyclus=["monitoring-en-beheer", "ontwerp", "implementatie", "verificatie-en-validatie"])
    git(b, "commit", "-qam", "Levenscyclus van B")
    git(b, "push", "-q")
    edit(a, title="Corrigerende maatregelen", status_vereiste=["geldend"])
    service.commit({DOC: (a / DOC).read_bytes()}, "Status van A")
    # git alone would stop here: the two changes touch neighbouring lines.
    probe = tmp_path / "probe"
    git(tmp_path, "clone", "-q", str(a), str(probe))
    git(probe, "fetch", "-q", str(b), "main:theirs")
    assert subprocess.run(["git", "merge-tree", "--write-tree", "HEAD", "theirs"], cwd=probe,
                          capture_output=True).returncode == 1
    result = remote.sync(service)
    assert (result.kind, result.ahead, result.behind, result.merged) == (remote.REBASED, 1, 0, (DOC,))
    assert "per veld samengevoegd: corrigerende_maatregelen_voor_non_conforme_ai.md" in result.explanation("nl")
    fields = Document.parse((a / DOC).read_bytes()).fields
    assert fields["status_vereiste"] == ["geldend"] and fields["title"] == "Corrigerende maatregelen"
    assert fields["toelichting"] == "Korte toelichting van B."
    assert fields["levenscyclus"][-1] == "verificatie-en-validatie"
    assert service.operation() is None and service.conflicted() == []
    assert git(a, "log", "--format=%s|%P", "-3").splitlines()[0].startswith("Status van A|")
    assert [line.split("|")[0] for line in git(a, "log", "--format=%s|%P", "-2").splitlines()] == [
        "Status van A", "Levenscyclus van B"]
    assert all(len(line.split("|")[1].split()) == 1 for line in git(a, "log", "--format=%s|%P", "-2").splitlines())
    remote.push(service)
    assert remote.sync(GitService(b)).kind == remote.FAST_FORWARD  # B syncs too and gets both changes
    assert (b / DOC).read_bytes() == (a / DOC).read_bytes()
    assert git(a, "status", "--porcelain") == ""


def test_same_field_changed_differently_is_the_only_conflict(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    a, b, service = editors(tmp_path, shared)
    edit(b, title="Titel van B", hide=["navigation", "toc"])
    git(b, "commit", "-qam", "B")
    git(b, "push", "-q")
    edit(a, title="Titel van A", status_vereiste=["geldend"])
    service.commit({DOC: (a / DOC).read_bytes()}, "A")
    with pytest.raises(GitProblem) as caught:
        remote.sync(service)
    assert caught.value.code == "conflicts" and caught.value.files == [DOC]
    result = conflicts.document_merge(service, DOC)
    assert result is not None and result.conflicts == ["title"]
    (part,) = result.parts
    assert Document.parse(result.resolve({part.id: "ours"})).fields["title"] == "Titel van A"
    conflicts.write_resolution(service, DOC, result.resolve({part.id: "theirs"}))
    conflicts.continue_operation(service)
    fields = Document.parse((a / DOC).read_bytes()).fields
    assert (fields["title"], fields["status_vereiste"], fields["hide"]) == ("Titel van B", ["geldend"],
                                                                           ["navigation", "toc"])
    assert git(a, "log", "--format=%s", "-2").splitlines() == ["A", "B"]


def test_merge_in_progress_uses_the_document_merge(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    a, b, service = editors(tmp_path, shared)
    edit(b, toelichting="Van B.")
    git(b, "commit", "-qam", "B")
    git(b, "push", "-q")
    edit(a, title="Van A")
    git(a, "commit", "-qam", "A")
    git(a, "fetch", "-q")
    subprocess.run(["git", "merge", "origin/main"], cwd=a, capture_output=True)
    assert service.conflicted() == [DOC]
    assert conflicts.settle(service) == []
    assert service.operation() is None
    assert len(git(a, "log", "-1", "--format=%P").split()) == 2
    fields = Document.parse((a / DOC).read_bytes()).fields
    assert (fields["toelichting"], fields["title"]) == ("Van B.", "Van A")


def test_merge_driver_for_git_users(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    a, b, _ = editors(tmp_path, shared)
    edit(b, toelichting="Van B.", title="Van B")
    git(b, "commit", "-qam", "B")
    git(b, "push", "-q")
    edit(a, levenscyclus=["ontwerp"], title="Van A")
    git(a, "commit", "-qam", "A")
    (a / ".git" / "info" / "attributes").write_text("*.md merge=redactie\n", encoding="utf-8")
    driver = f"'{sys.executable}' -m redactie merge-driver %O %A %B"
    git(a, "config", "merge.redactie.driver", driver)
    proc = subprocess.run(["git", "pull", "-q", "--no-rebase"], cwd=a, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode != 0  # the title conflicts
    text = (a / DOC).read_text(encoding="utf-8")
    assert text.count("<<<<<<<") == 1 and "title: Van A" in text and "title: Van B" in text
    assert "toelichting: Van B.\n" in text and "levenscyclus:\n- ontwerp\n" in text
    # Once the title is decided the document merge from the index finishes the job.
    result = conflicts.document_merge(GitService(a), DOC)
    assert result is not None and result.conflicts == ["title"]


def test_a_local_commit_that_merges_into_nothing_is_dropped(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    a, b, service = editors(tmp_path, shared)
    edit(b, title="Zelfde titel", toelichting="Zelfde toelichting.")
    data = (b / DOC).read_bytes().replace(b"status_vereiste:\n", b"status_vereiste:  \n", 1)
    (b / DOC).write_bytes(data)
    git(b, "commit", "-qam", "B")
    git(b, "push", "-q")
    edit(a, title="Zelfde titel", toelichting="Zelfde toelichting.")
    service.commit({DOC: (a / DOC).read_bytes()}, "A")
    result = remote.sync(service)
    assert service.operation() is None and (a / DOC).read_bytes() == data
    assert (result.ahead, result.behind) == (0, 0)
    assert git(a, "log", "--format=%s", "-1").strip() == "B"


def test_later_commits_merge_per_field_after_the_user_decided(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    a, b, service = editors(tmp_path, shared)
    edit(b, title="Titel van B", toelichting="Toelichting van B.")
    git(b, "commit", "-qam", "B")
    git(b, "push", "-q")
    edit(a, title="Titel van A")
    service.commit({DOC: (a / DOC).read_bytes()}, "A1")
    edit(a, status_vereiste=["geldend"])
    doc = Document.parse((a / DOC).read_bytes())
    doc.set_field("title", "Titel van A, herzien")  # next to B's toelichting: git's line merge conflicts
    doc.set_field("hide", ["toc"])
    (a / DOC).write_bytes(doc.dump())
    service.commit({DOC: (a / DOC).read_bytes()}, "A2")
    with pytest.raises(GitProblem) as caught:
        remote.sync(service)
    assert caught.value.files == [DOC]
    result = conflicts.document_merge(service, DOC)
    assert result is not None and result.conflicts == ["title"]
    conflicts.write_resolution(service, DOC, result.resolve({result.parts[0].id: "ours"}))
    conflicts.finish(service)  # A2 conflicts with git's line merge too, but not per field
    assert service.operation() is None
    fields = Document.parse((a / DOC).read_bytes()).fields
    assert (fields["title"], fields["toelichting"], fields["status_vereiste"], fields["hide"]) == (
        "Titel van A, herzien", "Toelichting van B.", ["geldend"], ["toc"])
    assert git(a, "log", "--format=%s", "-3").splitlines() == ["A2", "A1", "B"]


def test_a_document_added_on_both_sides_asks_only_about_its_differences(tmp_path: Path,
                                                                          shared: tuple[Path, Path]) -> None:
    a, b, service = editors(tmp_path, shared)
    new = "docs/vereisten/nieuw.md"
    text = "---\ntitle: {}\nhide:\n- toc\n---\n\n## Vereiste\n\n{}\n"
    (b / new).write_text(text.format("Nieuw", "Tekst van B."), encoding="utf-8")
    git(b, "add", new)
    git(b, "commit", "-qm", "B")
    git(b, "push", "-q")
    (a / new).write_text(text.format("Nieuw", "Tekst van A."), encoding="utf-8")
    service.commit({new: (a / new).read_bytes()}, "A")
    with pytest.raises(GitProblem):
        remote.sync(service)
    result = conflicts.document_merge(service, new)
    assert result is not None and result.conflicts == ["Vereiste"]


def test_a_file_name_with_pattern_characters_touches_only_that_file(tmp_path: Path,
                                                                    shared: tuple[Path, Path]) -> None:
    a, b, service = editors(tmp_path, shared)
    odd, plain = "docs/vereisten/a[1].md", "docs/vereisten/a1.md"
    for repo in (b,):
        (repo / odd).write_bytes((repo / DOC).read_bytes())
        (repo / plain).write_text("---\ntitle: Basis\n---\n", encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "nieuw")
        git(repo, "push", "-q")
    git(a, "pull", "-q")
    for repo, title, words in ((b, "Titel B", "Van B."), (a, "Titel A", "Van A.")):
        doc = Document.parse((repo / odd).read_bytes())
        doc.set_field("title" if repo == a else "toelichting", title if repo == a else words)
        (repo / odd).write_bytes(doc.dump())
        (repo / plain).write_text(f"---\ntitle: {title}\n---\n", encoding="utf-8")
        git(repo, "commit", "-qam", title)
    git(b, "push", "-q")
    with pytest.raises(GitProblem) as caught:
        remote.sync(service)
    assert caught.value.files == [plain]  # a[1].md merged per field; a1.md still needs the user
    assert service.conflicted() == [plain] and "<<<<<<<" in (a / plain).read_text(encoding="utf-8")
    fields = Document.parse((a / odd).read_bytes()).fields
    assert (fields["title"], fields["toelichting"]) == ("Titel A", "Van B.")
