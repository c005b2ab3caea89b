"""Making a folder into a git repository with a first commit."""

from __future__ import annotations

from pathlib import Path

from .gitenv import GitMissingError
from .problems import GitProblem
from .runner import run


def _identity(folder: Path) -> tuple[str, str]:
    """The user's name and e-mail address from git's configuration, or Redactie's own stand-ins."""
    values = []
    for key, fallback in (("user.name", "Redactie"), ("user.email", "redactie@localhost")):
        try:
            values.append(run(["config", "--get", key], folder).strip() or fallback)
        except GitProblem:
            values.append(fallback)
    return values[0], values[1]


def init_with_commit(folder: Path, message: str) -> None:
    """`git init` the folder on branch main and commit everything in it (GitMissingError without git)."""
    try:
        run(["init", "--quiet", str(folder)])
        run(["symbolic-ref", "HEAD", "refs/heads/main"], folder)
        name, email = _identity(folder)
        run(["add", "--all"], folder)
        run(["-c", f"user.name={name}", "-c", f"user.email={email}", "-c", "commit.gpgsign=false",
             "commit", "--quiet", "--no-verify", "-m", message], folder)
    except GitProblem as exc:
        if exc.code == "git-missing":
            raise GitMissingError(exc.detail or "git is not installed") from exc
        raise
