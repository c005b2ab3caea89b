"""Working in an own version (a branch): name it, create it, switch between versions."""

from __future__ import annotations

import re
import unicodedata

from .problems import GitProblem
from .service import GitService

BASE_KEY = "redactiebase"


def branch_name(description: str) -> str:
    """A safe branch name from a free description: `Levenscyclus AIA-18 aangepast` → `levenscyclus-aia-18-aangepast`."""
    text = unicodedata.normalize("NFKD", description).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9/]+", "-", text)
    text = re.sub(r"-*/-*", "/", text).strip("-/")
    return re.sub(r"/+", "/", text)[:60].strip("-/")


def branches(service: GitService) -> list[str]:
    """The local branches, sorted."""
    return sorted(head.name for head in service.repo.heads)


def create_branch(service: GitService, description: str) -> str:
    """Create a branch for a change from the current state, switch to it (keeping unsaved edits); returns its name."""
    name = branch_name(description)
    if not name:
        raise GitProblem("bad-branch-name", argument=description)
    try:
        service.run("check-ref-format", "--branch", name)
    except GitProblem as exc:
        raise GitProblem("bad-branch-name", argument=description) from exc
    if name in branches(service):
        raise GitProblem("branch-exists", argument=name)
    base = service.branch()
    service.run("switch", "--quiet", "-c", name)
    if base:
        service.run("config", f"branch.{name}.{BASE_KEY}", base)
    return name


def switch(service: GitService, name: str) -> None:
    """Switch to another local branch; refused (with an explanation) when edits would be overwritten."""
    service.run("switch", "--quiet", name)


def base_branch(service: GitService, name: str) -> str:
    """The branch a proposal from `name` should go to: where it was made from, else the remote's default."""
    try:
        recorded = service.run("config", "--get", f"branch.{name}.{BASE_KEY}").strip()
        if recorded:
            return recorded
    except GitProblem:
        pass
    remote = service.remote_name() or "origin"
    try:
        ref = service.run("symbolic-ref", "--quiet", f"refs/remotes/{remote}/HEAD").strip()
        return ref.rsplit("/", 1)[-1]
    except GitProblem:
        pass
    names = branches(service)
    return "main" if "main" in names or "master" not in names else "master"
