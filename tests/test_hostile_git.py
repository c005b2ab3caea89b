"""Hostile git work trees: binaries, big untracked trees, submodules, nested repositories, stale temporaries,
an interrupted rebase."""

from __future__ import annotations

import os
from pathlib import Path

from redactie.gitservice.problems import GitProblem
from redactie.gitservice.service import GitService
from redactie.gitservice.status import FOLDER, REPOSITORY, SUBMODULE
from redactie.repository import open_repository
from redactie.review import BINARY, LARGE, MAX_DIFF_BYTES, OTHER, collect

from .conftest import git

DOC = "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"


def test_a_binary_file_is_named_never_diffed(content_repo: Path) -> None:
    (content_repo / "plaatje.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0" + os.urandom(200_000))
    [review] = collect(GitService(content_repo), open_repository(content_repo))
    assert review.shown_as == BINARY
    assert review.raw_diff() == [] and review.raw_diff(force=True) == []
    assert "Binair bestand" in review.items[0].label


def test_a_large_text_diff_is_drawn_only_on_request_and_bounded(content_repo: Path) -> None:
    path = content_repo / "groot.txt"
    path.write_text("".join(f"regel {n}\n" for n in range(40_000)))
    git(content_repo, "add", "groot.txt")
    git(content_repo, "commit", "-qm", "groot")
    path.write_text("".join(f"regel {n} anders\n" for n in range(40_000)))
    [review] = collect(GitService(content_repo), open_repository(content_repo))
    assert len(path.read_bytes()) * 2 > MAX_DIFF_BYTES
    assert review.shown_as == LARGE and review.raw_diff() == []
    from redactie.review import MAX_DIFF_LINES

    forced = review.raw_diff(force=True)
    assert 0 < len(forced) <= MAX_DIFF_LINES + 1


def test_many_untracked_files_are_one_folder_entry(content_repo: Path) -> None:
    folder = content_repo / "export" / "diep"
    folder.mkdir(parents=True)
    for n in range(3000):
        (folder / f"{n}.txt").write_bytes(b"x")
    changes = GitService(content_repo).status()
    assert [(c.path, c.what) for c in changes] == [("export", FOLDER)]
    [review] = collect(GitService(content_repo), open_repository(content_repo), changes=changes)
    assert review.shown_as == OTHER and not review.change.committable


def test_submodule_and_nested_repository_are_shown_and_never_staged(content_repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "ander"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "a.txt").write_text("a\n")
    git(other, "add", "a.txt")
    git(other, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "a")
    git(content_repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(other), "sub")
    git(content_repo, "commit", "-qm", "submodule")
    (content_repo / "sub" / "a.txt").write_text("gewijzigd\n")
    nested = content_repo / "genest"
    nested.mkdir()
    git(nested, "init", "-q")
    (nested / "b.txt").write_text("b\n")
    service = GitService(content_repo)
    changes = {c.path: c.what for c in service.status()}
    assert changes == {"sub": SUBMODULE, "genest": REPOSITORY}
    reviews = collect(service, open_repository(content_repo))
    assert all(not r.change.committable and r.shown_as == OTHER for r in reviews)
    assert any("Submodule" in r.items[0].label for r in reviews)
    # A document is committed as usual beside them; they stay as they were, unstaged.
    doc = content_repo / DOC
    doc.write_bytes(doc.read_bytes().replace(b"## Risico", b"## Risico\n\nNieuw.", 1))
    [review] = [r for r in collect(service, open_repository(content_repo)) if r.change.committable]
    service.commit({review.path: review.new}, "Vereiste aangepast")
    assert git(content_repo, "show", "--name-only", "--format=", "HEAD").split() == [DOC]
    assert {c.path: c.what for c in service.status()} == {"sub": SUBMODULE, "genest": REPOSITORY}
    assert git(content_repo, "diff", "--cached", "--name-only").strip() == ""


def test_temporaries_are_never_offered_for_commit(content_repo: Path) -> None:
    (content_repo / "docs" / "vereisten" / ".a.md.k3j_x9q2.tmp").write_bytes(b"half")
    (content_repo / "echt-nieuw.md").write_bytes(b"---\ntitle: Nieuw\n---\n")
    assert [c.path for c in GitService(content_repo).status()] == ["echt-nieuw.md"]


def test_an_interrupted_rebase_is_explained_as_a_rebase(shared: tuple[Path, Path], tmp_path: Path) -> None:
    bare, mine = shared
    theirs = tmp_path / "theirs"
    git(tmp_path, "clone", "-q", str(bare), str(theirs))
    for repo, text in ((theirs, "van hen"), (mine, "van mij")):
        path = repo / DOC
        path.write_bytes(path.read_bytes().replace(b"## Risico", f"## Risico\n\n{text}".encode(), 1))
        git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", text)
    git(theirs, "push", "-q")
    git(mine, "fetch", "-q")
    try:
        git(mine, "rebase", "origin/main")
    except Exception:  # noqa: BLE001 - the conflict is what the test needs
        pass
    service = GitService(mine)
    state = service.state()
    assert "detached-head" not in state.problems
    assert state.problems[0] == "rebase-in-progress"
    assert state.branch == "main"
    assert state.conflicts == [DOC]
    assert "Los de conflicten op" in GitProblem("rebase-in-progress").localized("nl")


def test_a_huge_file_is_named_never_read(content_repo: Path) -> None:
    from redactie.review import MAX_REVIEW_BYTES

    with open(content_repo / "enorm.bin", "wb") as handle:
        handle.truncate(MAX_REVIEW_BYTES + 1)  # sparse: no disk space used
    [review] = collect(GitService(content_repo), open_repository(content_repo))
    assert review.new is None and review.old is None
    assert not review.change.committable and review.shown_as == OTHER
    assert "Te groot" in review.items[0].label


def test_diffs_of_repetitive_or_huge_input_stay_bounded_and_correct() -> None:
    from redactie.review import line_diff
    from redactie.review.worddiff import MATCH_BUDGET, opcodes

    # One word changed in a 120 KB line: the word is marked, the rest is not (took 193 s before).
    old_line = "woord " * 20_000
    new_line = "woord " * 10_000 + "x " + "woord " * 10_000
    removed, added = line_diff(old_line, new_line)
    assert [text for text, changed in added.segments if changed] == ["x "]
    assert not any(changed for _text, changed in removed.segments)
    # Thousands of identical lines with one inserted (17 s at 8,000 lines before): one added line.
    lines = line_diff("x\n" * 8000, "x\n" * 4000 + "y\n" + "x\n" * 4000)
    assert [(line.kind, line.text) for line in lines if line.kind != " "] == [("+", "y")]
    # Beyond the budget the differing middle is one replaced block, still exact about what is equal.
    n = int(MATCH_BUDGET ** 0.5) + 10
    a = [f"r{i % 2}" for i in range(n)]
    b = [f"r{(i // 3) % 2}" for i in range(n)]
    codes = opcodes(["kop", *a, "staart"], ["kop", *b, "staart"])
    assert codes[0][:2] == ("equal", 0) and codes[-1][0] == "equal" and codes[-1][2] == n + 2
    assert all(tag in ("equal", "replace") for tag, *_ in codes)


def test_a_small_new_folder_is_listed_file_by_file(content_repo: Path) -> None:
    folder = content_repo / "docs" / "nieuwe-soort"
    folder.mkdir()
    (folder / "eerste.md").write_bytes(b"---\ntitle: Eerste\n---\n")
    (folder / ".eerste.md.ab12cd34.tmp").write_bytes(b"half")
    nested = folder / "genest"
    nested.mkdir()
    git(nested, "init", "-q")
    changes = {c.path: c.what for c in GitService(content_repo).status()}
    assert changes == {"docs/nieuwe-soort/eerste.md": "file", "docs/nieuwe-soort/genest": REPOSITORY}


def test_a_review_holds_at_most_its_total_budget(content_repo: Path, monkeypatch) -> None:  # noqa: ANN001
    import redactie.review as review_module

    monkeypatch.setattr(review_module, "MAX_REVIEW_TOTAL", 250_000)
    for n in range(5):
        (content_repo / f"bijlage-{n}.bin").write_bytes(b"\0" * 100_000)
    reviews = collect(GitService(content_repo), open_repository(content_repo))
    held = [r for r in reviews if r.change.committable]
    assert len(held) == 2 and sum(len(r.new or b"") for r in reviews) == 200_000
    assert all("Te groot" in r.items[0].label for r in reviews if not r.change.committable)


def test_sync_is_not_stopped_by_a_changed_submodule(tmp_path: Path, shared: tuple[Path, Path]) -> None:
    from redactie.gitservice import remote

    bare, mine = shared
    other = tmp_path / "ander"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "a.txt").write_text("a\n")
    git(other, "add", "a.txt")
    git(other, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "a")
    git(mine, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(other), "sub")
    git(mine, "commit", "-qm", "submodule")
    git(mine, "push", "-q")
    theirs = tmp_path / "theirs"
    git(tmp_path, "clone", "-q", str(bare), str(theirs))
    (theirs / "van-hen.md").write_text("---\ntitle: Van hen\n---\n")
    git(theirs, "add", "van-hen.md")
    git(theirs, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "van hen")
    git(theirs, "push", "-q")
    doc = mine / DOC
    doc.write_bytes(doc.read_bytes().replace(b"## Risico", b"## Risico\n\nVan mij.", 1))
    service = GitService(mine)
    service.commit({DOC: doc.read_bytes()}, "Van mij")
    (mine / "sub" / "a.txt").write_text("gewijzigd\n")
    assert remote.sync(service).kind == remote.REBASED
    assert (mine / "van-hen.md").exists() and (mine / "sub" / "a.txt").read_text() == "gewijzigd\n"
