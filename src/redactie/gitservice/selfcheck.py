"""`redactie check-git FOLDER`: the app's git work end to end, for checking an installed or frozen app.

In a new folder it makes a shared (bare) repository from the sample content, then as an editor would: opens
a clone, reads its state and status, reviews a change, commits, synchronises with someone else's change and
shares. Every git process goes through `runner`, so a build check can put a logging git where the bundled
git goes, take git off PATH, and see that every call went through the bundled one.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from ..resources import sample_content
from .gitenv import GitMissingError
from .init import init_with_commit
from .problems import GitProblem
from .runner import run, setup


def _edit(service_root: Path) -> str:
    """Append a sentence to the first Markdown document; returns its path in the repository."""
    path = sorted(p for p in service_root.rglob("*.md") if ".git" not in p.parts)[0]
    path.write_bytes(path.read_bytes() + b"\nEen zin van de zelftest.\n")
    return path.relative_to(service_root).as_posix()


def exercise(folder: Path) -> dict[str, object]:
    """Open, status, review, commit, sync and share against a local bare remote; returns what happened."""
    from ..review import collect
    from . import remote
    from .service import GitService

    folder.mkdir(parents=True, exist_ok=True)
    seed, bare = folder / "bron", folder / "gedeeld.git"
    shutil.copytree(sample_content(), seed)
    init_with_commit(seed, "Voorbeeldinhoud")
    run(["clone", "--quiet", "--bare", str(seed), str(bare)])
    mine = remote.clone(str(bare), folder / "mijn")
    other = remote.clone(str(bare), folder / "ander")
    steps: dict[str, object] = {}
    service = GitService(mine)
    service.set_author("Zelftest", "zelftest@example.org")
    steps["open"] = service.state().branch
    edited = _edit(mine)
    steps["status"] = [c.path for c in service.status()]
    reviews = collect(service, None)
    steps["review"] = sum(len(r.raw_diff()) for r in reviews)
    steps["commit"] = service.commit({edited: (mine / edited).read_bytes()}, "Zelftest: een zin")
    # Someone else shares a change to another file; sync puts mine on top of it, then mine is shared.
    theirs = GitService(other)
    theirs.set_author("Ander", "ander@example.org")
    their_file = (other / "README.md") if (other / "README.md").exists() else other / "ander.md"
    their_file.write_bytes((their_file.read_bytes() if their_file.exists() else b"") + b"\nAnder\n")
    rel = their_file.relative_to(other).as_posix()
    theirs.commit({rel: their_file.read_bytes()}, "Ander: een regel")
    remote.push(theirs)
    steps["sync"] = remote.sync(service).kind
    steps["share"] = remote.push(service).branch
    steps["synced-state"] = [service.state().ahead, service.state().behind]
    service.close()
    theirs.close()
    return {"git": str(setup().executable), "bundled": setup().bundled, "steps": steps}


def main(argv: list[str]) -> int:
    """Run the exercise in the given (new or empty) folder and print it as JSON; exit 1 on a git problem."""
    if len(argv) != 1:
        print("usage: redactie check-git FOLDER", file=sys.stderr)
        return 2
    try:
        try:
            report = exercise(Path(argv[0]))
        except GitMissingError as exc:
            raise GitProblem("git-missing") from exc
    except GitProblem as exc:
        print(f"redactie check-git: {exc.localized('en')} {exc.detail}", file=sys.stderr)
        return 1
    print(json.dumps(report))
    return 0
