"""The commit of reviewed files: only those files, by their exact names, hooks running, in the fewest git
processes (issue #12: a one-file commit costs about what a plain `git add` + `git commit` costs)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from redactie.gitservice.problems import GitProblem
from redactie.gitservice.service import GitService

from .conftest import git

DOC = "docs/vereisten/ai_geletterdheid.md"


def _edit(repo: Path, relpath: str, text: bytes = b"\nEen extra zin.\n") -> bytes:
    path = repo / relpath
    data = path.read_bytes() + text
    path.write_bytes(data)
    return data


def _committed(repo: Path) -> list[str]:
    return git(repo, "show", "--name-only", "--format=", "HEAD").split()


def _git_commands(trace: Path) -> list[str]:
    """The git commands a trace file shows, by their name (`commit`, `diff-index`, ...)."""
    text = trace.read_text(encoding="utf-8", errors="replace") if trace.exists() else ""
    return [m.group(1) for m in re.finditer(r"trace: built-in: git (?:-c \S+ )*(\S+)", text)]


def test_one_reviewed_file_is_committed_in_three_git_processes(content_repo: Path, tmp_path: Path) -> None:
    other = sorted((content_repo / "docs/maatregelen").glob("*.md"))[0]
    other_data = _edit(content_repo, other.relative_to(content_repo).as_posix())  # changed, not staged
    service = GitService(content_repo)
    trace = tmp_path / "trace.txt"
    service.repo.git.update_environment(GIT_TRACE=str(trace))
    sha = service.commit({DOC: _edit(content_repo, DOC)}, "Vereiste: een zin erbij")
    service.close()
    commands = [c for c in _git_commands(trace) if c not in ("maintenance", "gc")]  # git's own, after any commit
    assert sorted(commands) == ["commit", "diff-index", "ls-files"]  # no status, no config, no add, no rev-parse
    assert sha == git(content_repo, "rev-parse", "HEAD").strip()
    assert _committed(content_repo) == [DOC]
    assert git(content_repo, "diff", "--cached", "--name-only") == ""
    assert other.read_bytes() == other_data  # the other change stays in the work tree, unstaged
    assert git(content_repo, "status", "--porcelain", "--", DOC) == ""


def test_a_file_staged_by_someone_else_stays_out_of_the_commit(content_repo: Path) -> None:
    other = sorted((content_repo / "docs/maatregelen").glob("*.md"))[0].relative_to(content_repo).as_posix()
    _edit(content_repo, other)
    git(content_repo, "add", "--", other)
    service = GitService(content_repo)
    service.commit({DOC: _edit(content_repo, DOC)}, "Alleen de vereiste")
    service.close()
    assert _committed(content_repo) == [DOC]
    assert git(content_repo, "diff", "--cached", "--name-only").split() == [other]  # still staged


@pytest.mark.parametrize("staged_elsewhere", [False, True])
def test_a_name_that_looks_like_a_pattern_commits_only_that_file(content_repo: Path, staged_elsewhere: bool) -> None:
    folder = content_repo / "docs/vereisten"
    for name in ("a[1].md", "a1.md"):
        (folder / name).write_bytes(b"---\ntitle: A\n---\n")
    git(content_repo, "add", "-A")
    git(content_repo, "commit", "-q", "-m", "twee bestanden")
    if staged_elsewhere:  # the slower path, with `--only`
        _edit(content_repo, "docs/maatregelen/" + sorted(os.listdir(content_repo / "docs/maatregelen"))[0])
        git(content_repo, "add", "docs/maatregelen")
    reviewed = _edit(content_repo, "docs/vereisten/a[1].md")
    _edit(content_repo, "docs/vereisten/a1.md")  # changed too, but not reviewed
    service = GitService(content_repo)
    service.commit({"docs/vereisten/a[1].md": reviewed}, "Alleen a[1]")
    service.close()
    assert _committed(content_repo) == ["docs/vereisten/a[1].md"]
    assert "a1.md" in git(content_repo, "status", "--porcelain", "--", "docs/vereisten/a1.md")


def test_a_new_file_is_committed_with_a_changed_one(content_repo: Path) -> None:
    new = "docs/vereisten/nieuw.md"
    (content_repo / new).write_bytes(b"---\ntitle: Nieuw\n---\n")
    service = GitService(content_repo)
    service.commit({DOC: _edit(content_repo, DOC), new: b"---\ntitle: Nieuw\n---\n"}, "Nieuw en gewijzigd")
    service.close()
    assert sorted(_committed(content_repo)) == sorted([DOC, new])
    assert git(content_repo, "status", "--porcelain") == ""


@pytest.mark.skipif(sys.platform == "win32", reason="the hook is a POSIX shell script")
def test_a_refusing_hook_stops_the_commit_and_leaves_the_index_as_it_was(content_repo: Path) -> None:
    hook = content_repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'niet vandaag' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before = git(content_repo, "rev-parse", "HEAD")
    service = GitService(content_repo)
    with pytest.raises(GitProblem):
        service.commit({DOC: _edit(content_repo, DOC)}, "Wordt geweigerd")
    service.close()
    assert git(content_repo, "rev-parse", "HEAD") == before
    assert git(content_repo, "diff", "--cached", "--name-only") == ""  # nothing left staged


def test_without_a_name_the_commit_asks_for_it_and_stages_nothing(content_repo: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    git(content_repo, "config", "--unset", "user.name")
    before = git(content_repo, "rev-parse", "HEAD")
    service = GitService(content_repo)
    with pytest.raises(GitProblem) as caught:
        service.commit({DOC: _edit(content_repo, DOC)}, "Zonder naam")
    service.close()
    assert caught.value.code == "author-missing"
    assert git(content_repo, "rev-parse", "HEAD") == before
    assert git(content_repo, "diff", "--cached", "--name-only") == ""


def test_during_a_merge_only_the_reviewed_file_is_never_committed_as_a_merge(content_repo: Path) -> None:
    git(content_repo, "checkout", "-q", "-b", "zijtak")
    _edit(content_repo, "docs/maatregelen/" + sorted(os.listdir(content_repo / "docs/maatregelen"))[0])
    git(content_repo, "commit", "-q", "-am", "zijtak")
    git(content_repo, "checkout", "-q", "main")
    git(content_repo, "merge", "-q", "--no-commit", "--no-ff", "zijtak")
    before = git(content_repo, "rev-parse", "HEAD")
    service = GitService(content_repo)
    with pytest.raises(GitProblem):  # git refuses a commit of some paths while a merge is under way
        service.commit({DOC: _edit(content_repo, DOC)}, "Midden in een samenvoeging")
    service.close()
    assert git(content_repo, "rev-parse", "HEAD") == before
