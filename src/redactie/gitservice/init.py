"""Making a folder into a git repository with a first commit."""

from __future__ import annotations

from pathlib import Path

from .gitenv import git_module


def init_with_commit(folder: Path, message: str) -> None:
    """`git init` the folder on branch main and commit everything in it."""
    git = git_module()
    repo = git.Repo.init(folder, initial_branch="main")
    try:
        with repo.config_reader() as reader:
            name = reader.get_value("user", "name", "")
            email = reader.get_value("user", "email", "")
    except Exception:  # noqa: BLE001 - an unreadable global config only means: no identity
        name = email = ""
    actor = git.Actor(name or "Redactie", email or "redactie@localhost")
    repo.git.add("-A")
    repo.index.commit(message, author=actor, committer=actor)
    repo.close()
