"""The git service on real temporary repositories with a bare remote; every commit checked with the git CLI."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from redactie.gitservice import branches, conflicts, remote
from redactie.gitservice.problems import EXPLANATIONS, GitProblem, classify
from redactie.gitservice.runner import check_version
from redactie.gitservice.service import GitService
from redactie.gitservice.status import DELETED, MODIFIED, NEW, RENAMED

from .conftest import git

DOC = "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"


def other_commit(tmp_path: Path, bare: Path, path: str, text: str, name: str = "other") -> None:
    """Someone else clones, changes a file and pushes."""
    theirs = tmp_path / name
    if not theirs.exists():
        git(tmp_path, "clone", "-q", str(bare), str(theirs))
    else:
        git(theirs, "pull", "-q")
    (theirs / path).write_text(text, encoding="utf-8")
    git(theirs, "commit", "-q", "-am", f"Wijziging van {name}")
    git(theirs, "push", "-q")


def replace_in(path: Path, old: str, new: str) -> None:
    data = path.read_text(encoding="utf-8")
    assert old in data
    path.write_text(data.replace(old, new, 1), encoding="utf-8")


def fsck_ok(repo: Path) -> None:
    git(repo, "fsck", "--strict", "--no-progress")


def test_opens_from_a_folder_inside(content_repo: Path) -> None:
    service = GitService(content_repo / "docs" / "vereisten")
    assert service.root == content_repo
    assert service.branch() == "main"


def test_outside_a_repository_is_explained(tmp_path: Path) -> None:
    (tmp_path / "los").mkdir()
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    try:
        with pytest.raises(GitProblem) as caught:
            GitService(tmp_path / "los")
    finally:
        del os.environ["GIT_CEILING_DIRECTORIES"]
    assert caught.value.code == "not-a-repository"
    assert "repository" in caught.value.localized("nl")


def test_status_new_modified_deleted_renamed(content_repo: Path) -> None:
    replace_in(content_repo / DOC, "title:", "title:")  # identical write: no change
    (content_repo / "docs/vereisten/nieuw.md").write_text("---\ntitle: Nieuw\n---\n", encoding="utf-8")
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")
    maatregelen = sorted((content_repo / "docs/maatregelen").glob("*.md"))
    maatregelen[0].unlink()
    maatregelen[1].rename(content_repo / "docs/maatregelen/hernoemd.md")
    changes = {c.path: c for c in GitService(content_repo).status()}
    assert changes["docs/vereisten/nieuw.md"].kind == NEW
    assert changes[DOC].kind == MODIFIED
    deleted = maatregelen[0].relative_to(content_repo).as_posix()
    assert changes[deleted].kind == DELETED
    renamed = changes["docs/maatregelen/hernoemd.md"]
    assert renamed.kind == RENAMED and renamed.old_path == maatregelen[1].relative_to(content_repo).as_posix()
    assert len(changes) == 4


def test_commit_takes_only_the_reviewed_files(content_repo: Path) -> None:
    service = GitService(content_repo)
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")
    other = sorted((content_repo / "docs/maatregelen").glob("*.md"))[0]
    replace_in(other, "title:", "title: X")
    git(content_repo, "add", str(other))  # staged by someone, but not reviewed in Redactie
    sha = service.commit({DOC: (content_repo / DOC).read_bytes()}, "Vereiste: titel aangepast")
    assert git(content_repo, "log", "-1", "--format=%H %an <%ae>%n%s").splitlines() == [
        f"{sha} Test Redacteur <redacteur@example.org>", "Vereiste: titel aangepast"]
    assert git(content_repo, "show", "--stat", "--format=", "HEAD").strip().splitlines()[0].strip().startswith(DOC)
    assert git(content_repo, "show", "--name-only", "--format=", "HEAD").split() == [DOC]
    assert other.relative_to(content_repo).as_posix() in git(content_repo, "diff", "--cached", "--name-only")
    fsck_ok(content_repo)


def test_commit_new_and_deleted_files(content_repo: Path) -> None:
    service = GitService(content_repo)
    (content_repo / "docs/vereisten/nieuw.md").write_text("---\ntitle: Nieuw\n---\n", encoding="utf-8")
    gone = sorted((content_repo / "docs/maatregelen").glob("*.md"))[0]
    gone.unlink()
    gone_rel = gone.relative_to(content_repo).as_posix()
    service.commit({"docs/vereisten/nieuw.md": b"---\ntitle: Nieuw\n---\n", gone_rel: None}, "Nieuw en weg")
    stat = git(content_repo, "show", "--name-status", "--format=", "HEAD").split("\n")
    assert "A\tdocs/vereisten/nieuw.md" in stat and f"D\t{gone_rel}" in stat
    assert git(content_repo, "status", "--porcelain") == ""
    fsck_ok(content_repo)


def test_file_changed_during_review_stops_the_commit(content_repo: Path) -> None:
    service = GitService(content_repo)
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")
    reviewed = (content_repo / DOC).read_bytes()
    replace_in(content_repo / DOC, "Herstellende", "Andere")  # another program writes during review
    before = git(content_repo, "rev-parse", "HEAD")
    with pytest.raises(GitProblem) as caught:
        service.commit({DOC: reviewed}, "Titel")
    assert caught.value.code == "changed-during-review" and caught.value.files == [DOC]
    assert git(content_repo, "rev-parse", "HEAD") == before
    assert "Andere" in (content_repo / DOC).read_text(encoding="utf-8")


def test_commit_needs_a_message_and_a_choice(content_repo: Path) -> None:
    service = GitService(content_repo)
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")
    with pytest.raises(GitProblem, match="empty-message"):
        service.commit({DOC: (content_repo / DOC).read_bytes()}, "  ")
    with pytest.raises(GitProblem, match="nothing-to-commit"):
        service.commit({}, "Iets")


def test_author_is_asked_once_and_stored_in_the_repository(content_repo: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    git(content_repo, "config", "--unset", "user.name")
    git(content_repo, "config", "--unset", "user.email")
    service = GitService(content_repo)
    assert service.author() is None
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")
    with pytest.raises(GitProblem, match="author-missing"):
        service.commit({DOC: (content_repo / DOC).read_bytes()}, "Titel")
    with pytest.raises(GitProblem, match="author-missing"):
        service.set_author("Anne", "geen-adres")
    service.set_author("Anne de Vries", "anne@example.org")
    assert git(content_repo, "config", "--local", "user.email").strip() == "anne@example.org"
    service.commit({DOC: (content_repo / DOC).read_bytes()}, "Titel")
    assert git(content_repo, "log", "-1", "--format=%an <%ae>").strip() == "Anne de Vries <anne@example.org>"


def test_repository_without_commits(tmp_path: Path) -> None:
    repo = tmp_path / "leeg"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "A")
    git(repo, "config", "user.email", "a@example.org")
    (repo / "a.md").write_text("---\ntitle: A\n---\n", encoding="utf-8")
    (repo / "b.md").write_text("---\ntitle: B\n---\n", encoding="utf-8")
    service = GitService(repo)
    state = service.state()
    assert "no-commits" in state.problems and state.head is None
    assert {c.path for c in service.status()} == {"a.md", "b.md"}
    assert service.head_bytes("a.md") is None
    service.commit({"a.md": (repo / "a.md").read_bytes()}, "Eerste versie")
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == ["a.md"]
    assert "no-commits" not in service.state().problems
    fsck_ok(repo)


def test_detached_head_and_a_way_back(content_repo: Path) -> None:
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")
    git(content_repo, "commit", "-qam", "tweede")
    git(content_repo, "checkout", "-q", "HEAD~1")
    service = GitService(content_repo)
    state = service.state()
    assert "detached-head" in state.problems and state.branch is None
    with pytest.raises(GitProblem, match="detached-head"):
        remote.sync(service)
    name = branches.create_branch(service, "Herstel vanaf oude versie")
    assert name == "herstel-vanaf-oude-versie"
    assert git(content_repo, "branch", "--show-current").strip() == name
    assert "detached-head" not in service.state().problems


def test_branch_create_switch_and_refusals(content_repo: Path) -> None:
    service = GitService(content_repo)
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")  # unsaved-in-git work travels along
    name = branches.create_branch(service, "Levenscyclus AIA-18 é aangepast")
    assert name == "levenscyclus-aia-18-e-aangepast"
    assert service.branch() == name and "Herstellende" in (content_repo / DOC).read_text(encoding="utf-8")
    assert git(content_repo, "config", f"branch.{name}.redactiebase").strip() == "main"
    with pytest.raises(GitProblem) as caught:
        branches.create_branch(service, "levenscyclus aia 18 e aangepast")
    assert caught.value.code == "branch-exists"
    with pytest.raises(GitProblem, match="bad-branch-name"):
        branches.create_branch(service, "!!!")
    branches.switch(service, "main")
    assert service.branch() == "main"
    assert branches.branches(service) == ["levenscyclus-aia-18-e-aangepast", "main"]


def test_switch_refused_when_work_would_be_overwritten(content_repo: Path) -> None:
    service = GitService(content_repo)
    branches.create_branch(service, "ander")
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")
    git(content_repo, "commit", "-qam", "op ander")
    replace_in(content_repo / DOC, "Herstellende", "Mijn onopgeslagen werk")
    with pytest.raises(GitProblem) as caught:
        branches.switch(service, "main")
    assert caught.value.code == "uncommitted-changes"
    assert "Mijn onopgeslagen werk" in (content_repo / DOC).read_text(encoding="utf-8")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://github.com/MinBZK/Algoritmekader.git",
     "https://github.com/MinBZK/Algoritmekader/compare/main...mijn-versie?expand=1"),
    ("git@github.com:MinBZK/Algoritmekader.git",
     "https://github.com/MinBZK/Algoritmekader/compare/main...mijn-versie?expand=1"),
    ("https://gitlab.com/groep/sub/project.git",
     "https://gitlab.com/groep/sub/project/-/merge_requests/new?merge_request%5Bsource_branch%5D=mijn-versie"
     "&merge_request%5Btarget_branch%5D=main"),
    ("ssh://git@gitlab.example.nl:2222/groep/project.git",
     "https://gitlab.example.nl/groep/project/-/merge_requests/new?merge_request%5Bsource_branch%5D=mijn-versie"
     "&merge_request%5Btarget_branch%5D=main"),
    ("https://codeberg.org/redactie/inhoud.git", "https://codeberg.org/redactie/inhoud/compare/main...mijn-versie"),
    ("git@git.overheid.example:team/inhoud.git", "https://git.overheid.example/team/inhoud/compare/main...mijn-versie"),
    ("https://org@dev.azure.com/org/Project/_git/inhoud",
     "https://dev.azure.com/org/Project/_git/inhoud/pullrequestcreate?sourceRef=mijn-versie&targetRef=main"),
    ("git@ssh.dev.azure.com:v3/org/Project/inhoud",
     "https://dev.azure.com/org/Project/_git/inhoud/pullrequestcreate?sourceRef=mijn-versie&targetRef=main"),
])
def test_proposal_url(url: str, expected: str) -> None:
    from redactie.gitservice.proposal import proposal_url

    assert proposal_url(url, "mijn-versie", "main") == expected


def test_push_a_branch_and_propose(shared: tuple[Path, Path]) -> None:
    bare, mine = shared
    service = GitService(mine)
    git(mine, "remote", "set-url", "--push", "origin", str(bare))
    git(mine, "remote", "set-url", "origin", str(bare))
    name = branches.create_branch(service, "mijn voorstel")
    replace_in(mine / DOC, "Corrigerende", "Herstellende")
    service.commit({DOC: (mine / DOC).read_bytes()}, "Titel aangepast")
    phases: list[str] = []
    result = remote.push(service, progress=lambda phase, pct: phases.append(phase))
    assert result.branch == name and result.base == "main"
    assert git(bare, "rev-parse", f"refs/heads/{name}") == git(mine, "rev-parse", "HEAD")
    assert service.upstream() == f"origin/{name}"
    fsck_ok(bare)
    # the URL form for a GitHub remote
    git(mine, "remote", "set-url", "origin", "https://github.com/MinBZK/Algoritmekader.git")
    from redactie.gitservice.proposal import proposal_url

    assert proposal_url(service.remote_url() or "", name, result.base) == (
        "https://github.com/MinBZK/Algoritmekader/compare/main...mijn-voorstel?expand=1")


def test_sync_up_to_date_then_fast_forward(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    bare, mine = shared
    service = GitService(mine)
    assert remote.sync(service).kind == remote.UP_TO_DATE
    other_commit(tmp_path, bare, DOC, "---\ntitle: Van een ander\n---\n")
    result = remote.sync(service)
    assert result.kind == remote.FAST_FORWARD and "opgehaald" in result.explanation("nl")
    assert (mine / DOC).read_text(encoding="utf-8") == "---\ntitle: Van een ander\n---\n"


def test_sync_rebases_when_both_moved(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    bare, mine = shared
    service = GitService(mine)
    other = sorted((mine / "docs/maatregelen").glob("*.md"))[0].relative_to(mine).as_posix()
    other_commit(tmp_path, bare, other, "---\ntitle: Van een ander\n---\n")
    replace_in(mine / DOC, "Corrigerende", "Herstellende")
    service.commit({DOC: (mine / DOC).read_bytes()}, "Mijn wijziging")
    result = remote.sync(service)
    assert (result.kind, result.ahead, result.behind) == (remote.REBASED, 1, 0)
    log = git(mine, "log", "--format=%s", "-3").splitlines()
    assert log[:2] == ["Mijn wijziging", "Wijziging van other"]
    remote.push(service)
    assert git(bare, "rev-parse", "main") == git(mine, "rev-parse", "HEAD")
    fsck_ok(mine)


def conflict_after_sync(tmp_path: Path, shared: tuple[Path, Path]) -> GitService:
    bare, mine = shared
    service = GitService(mine)
    other_commit(tmp_path, bare, DOC, "---\ntitle: Hun titel\n---\n")
    (mine / DOC).write_text("---\ntitle: Mijn titel\n---\n", encoding="utf-8")
    service.commit({DOC: (mine / DOC).read_bytes()}, "Mijn titel")
    with pytest.raises(GitProblem) as caught:
        remote.sync(service)
    assert caught.value.code == "conflicts" and caught.value.files == [DOC]
    state = service.state()
    assert {"rebase-in-progress", "conflicts"} <= set(state.problems) and state.conflicts == [DOC]
    return service


def test_conflict_keep_mine(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    service = conflict_after_sync(tmp_path, shared)
    conflicts.keep_mine(service, DOC)
    conflicts.continue_operation(service)
    mine = shared[1]
    assert (mine / DOC).read_text(encoding="utf-8") == "---\ntitle: Mijn titel\n---\n"
    assert service.operation() is None
    assert git(mine, "log", "--format=%s", "-2").splitlines() == ["Mijn titel", "Wijziging van other"]
    fsck_ok(mine)


def test_conflict_take_theirs(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    service = conflict_after_sync(tmp_path, shared)
    conflicts.take_theirs(service, DOC)
    conflicts.continue_operation(service)
    assert (shared[1] / DOC).read_text(encoding="utf-8") == "---\ntitle: Hun titel\n---\n"
    assert service.operation() is None


def test_conflict_repaired_as_text_or_aborted(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    service = conflict_after_sync(tmp_path, shared)
    mine = shared[1]
    with pytest.raises(GitProblem, match="conflicts"):
        conflicts.mark_resolved(service, DOC)  # markers still in the file
    with pytest.raises(GitProblem, match="conflicts"):
        conflicts.continue_operation(service)
    conflicts.abort_operation(service)
    assert service.operation() is None
    assert (mine / DOC).read_text(encoding="utf-8") == "---\ntitle: Mijn titel\n---\n"
    assert git(mine, "log", "-1", "--format=%s").strip() == "Mijn titel"


def test_merge_in_progress_is_recognised(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    bare, mine = shared
    other_commit(tmp_path, bare, DOC, "---\ntitle: Hun titel\n---\n")
    (mine / DOC).write_text("---\ntitle: Mijn titel\n---\n", encoding="utf-8")
    git(mine, "commit", "-qam", "mijn")
    git(mine, "fetch", "-q")
    subprocess.run(["git", "merge", "origin/main"], cwd=mine, capture_output=True)
    service = GitService(mine)
    assert {"merge-in-progress", "conflicts"} <= set(service.state().problems)
    conflicts.keep_mine(service, DOC)
    conflicts.continue_operation(service)
    assert (mine / DOC).read_text(encoding="utf-8") == "---\ntitle: Mijn titel\n---\n"
    assert len(git(mine, "log", "-1", "--format=%P").split()) == 2
    fsck_ok(mine)


def test_push_rejected_when_the_remote_moved_never_forced(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    bare, mine = shared
    service = GitService(mine)
    other_commit(tmp_path, bare, DOC, "---\ntitle: Hun titel\n---\n")
    theirs = git(bare, "rev-parse", "main")
    other = sorted((mine / "docs/maatregelen").glob("*.md"))[0]
    replace_in(other, "title:", "title: X")
    service.commit({other.relative_to(mine).as_posix(): other.read_bytes()}, "Mijn wijziging")
    with pytest.raises(GitProblem) as caught:
        remote.push(service)
    assert caught.value.code == "push-rejected"
    assert "Synchroniseren" in caught.value.localized("nl")
    assert git(bare, "rev-parse", "main") == theirs


def test_no_remote(content_repo: Path) -> None:
    service = GitService(content_repo)
    assert "no-remote" in service.state().problems
    for action in (remote.sync, remote.push):
        with pytest.raises(GitProblem, match="no-remote"):
            action(service)


def test_network_down(shared: tuple[Path, Path]) -> None:
    _, mine = shared
    git(mine, "remote", "set-url", "origin", "http://127.0.0.1:9/inhoud.git")
    with pytest.raises(GitProblem) as caught:
        remote.sync(GitService(mine))
    assert caught.value.code == "network"
    assert "internetverbinding" in caught.value.localized("nl")


class _Unauthorised(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="git"')
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_authentication_failure_is_explained(shared: tuple[Path, Path], monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    server = http.server.HTTPServer(("127.0.0.1", 0), _Unauthorised)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _, mine = shared
        git(mine, "remote", "set-url", "origin", f"http://127.0.0.1:{server.server_port}/inhoud.git")
        with pytest.raises(GitProblem) as caught:
            remote.fetch(GitService(mine))
    finally:
        server.shutdown()
    assert caught.value.code == "authentication"
    assert "Aanmelden" in caught.value.localized("nl")


def test_index_lock_left_behind(content_repo: Path) -> None:
    service = GitService(content_repo)
    (content_repo / ".git" / "index.lock").write_bytes(b"")
    assert "index-locked" in service.state().problems
    replace_in(content_repo / DOC, "Corrigerende", "Herstellende")
    with pytest.raises(GitProblem) as caught:
        service.commit({DOC: (content_repo / DOC).read_bytes()}, "Titel")
    assert caught.value.code == "index-locked"
    service.remove_stale_lock()
    service.commit({DOC: (content_repo / DOC).read_bytes()}, "Titel")
    assert git(content_repo, "log", "-1", "--format=%s").strip() == "Titel"


def test_git_too_old_and_missing() -> None:
    assert check_version("git version 2.39.5") == (2, 39)
    with pytest.raises(GitProblem) as caught:
        check_version("git version 2.17.1")
    assert caught.value.code == "git-too-old" and "2.17" in caught.value.localized("nl")
    script = ("from redactie.gitservice.service import GitService\n"
              "from redactie.gitservice.problems import GitProblem\n"
              "try:\n    GitService('.')\nexcept GitProblem as e:\n    print(e.code)\n")
    env = {k: v for k, v in os.environ.items() if k != "GIT_PYTHON_GIT_EXECUTABLE"}
    env["PATH"] = ""
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "git-missing"


def test_clone_with_progress_and_cancel(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    bare, _ = shared
    target = tmp_path / "kloon"
    remote.clone(bare.as_uri(), target)
    assert (target / DOC).is_file() and GitService(target).branch() == "main"
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(GitProblem, match="cancelled"):
        remote.clone(bare.as_uri(), tmp_path / "afgebroken", cancel=cancel)
    assert not (tmp_path / "afgebroken").exists()
    with pytest.raises(GitProblem, match="destination-exists"):
        remote.clone(bare.as_uri(), target)


def test_every_problem_is_explained_in_both_languages() -> None:
    for code in EXPLANATIONS:
        problem = GitProblem(code, argument="x")
        assert problem.explanation("nl") and problem.explanation("en")
        assert problem.explanation("nl") != problem.explanation("en")
    assert classify("error: failed to push some refs to 'x'\nhint: Updates were rejected") == "push-rejected"
    assert classify("something odd") == "git-failed"


def test_git_problems_name_only_menu_items_that_exist() -> None:
    """A way forward that names a menu item names it as the menu shows it (it named 'Repository klonen')."""
    import re as _re

    from redactie.gitservice.problems import EXPLANATIONS

    sources = (Path(__file__).resolve().parents[1] / "src" / "redactie" / "gui").glob("*.py")
    menus = " ".join(p.read_text(encoding="utf-8") for p in sources).replace("&", "")
    for code, (_nl, _en, way_nl, _way_en) in EXPLANATIONS.items():
        for named in _re.findall(r"'([^']+)' in het menu", way_nl):
            assert named in menus, (code, named)
    assert "Repository klonen" not in " ".join(way for *_, way, _ in EXPLANATIONS.values())
