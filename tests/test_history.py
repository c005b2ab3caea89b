"""A document's history in the editor's terms, over a generated repository with renames and 500 commits."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactie.gitservice.service import GitService
from redactie.history import load_page, version_bytes, versions
from redactie.repository import ContentRepository

from .history_repo import NAMES, history_repo, version_text

COMMITS = 500


@pytest.fixture(scope="module")
def long_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return history_repo(tmp_path_factory.mktemp("history") / "inhoud", COMMITS)


def test_every_commit_is_found_across_renames(long_history: Path) -> None:
    service = GitService(long_history)
    found = []
    start, path = "HEAD", NAMES[-1]
    while True:
        page = versions(service, path, start, 120)
        found += page
        if len(page) < 120 or page[-1].parent is None:
            break
        start, path = page[-1].parent, page[-1].old_path
    assert len(found) == COMMITS
    assert [v.message for v in found] == [f"Wijziging {n}" for n in reversed(range(COMMITS))]
    renames = [(v.old_path, v.path) for v in found if v.old_path and v.old_path != v.path]
    assert renames == [(NAMES[1], NAMES[2]), (NAMES[0], NAMES[1])]
    assert found[-1].old_path is None and found[-1].path == NAMES[0]
    for version in (found[0], found[200], found[-1]):
        n = int(version.message.split()[1])
        assert version_bytes(service, version.commit, version.path) == version_text(n).encode()


def test_a_page_summarises_each_version_in_form_terms(long_history: Path) -> None:
    service = GitService(long_history)
    repo = ContentRepository(long_history)
    page = load_page(service, repo, NAMES[-1], "HEAD", 10)
    assert len(page.entries) == 10 and page.more
    newest = page.entries[0]
    assert newest.version.message == f"Wijziging {COMMITS - 1}"
    summary = newest.summary("nl")
    assert "status_vereiste: + geldend, − nog-niet-geldend" in summary
    assert "Risico: gewijzigd" in page.entries[1].summary("nl")
    pages = [page]
    while pages[-1].more:
        pages.append(load_page(service, repo, pages[-1].next_path, pages[-1].next_start, 150))
    entries = [entry for p in pages for entry in p.entries]
    assert len(entries) == COMMITS and [len(p.entries) for p in pages] == [10, 150, 150, 150, 40]
    assert entries[-1].summary("nl") == "Nieuw document"
    assert sum("Hernoemd van" in entry.summary("nl") for entry in entries) == 2


def test_a_file_name_is_not_a_pattern(content_repo: Path) -> None:
    from .conftest import git

    (content_repo / "docs" / "a[1].md").write_text("---\ntitle: Haakjes\n---\n", encoding="utf-8")
    (content_repo / "docs" / "a1.md").write_text("---\ntitle: Een\n---\n", encoding="utf-8")
    git(content_repo, "add", "-A")
    git(content_repo, "commit", "-qm", "beide")
    (content_repo / "docs" / "a1.md").write_text("---\ntitle: Twee\n---\n", encoding="utf-8")
    git(content_repo, "commit", "-qam", "alleen a1")
    assert [v.message for v in versions(GitService(content_repo), "docs/a[1].md")] == ["beide"]
