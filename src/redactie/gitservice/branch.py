"""The current branch of a repository, read cheaply for a status bar."""

from __future__ import annotations

from pathlib import Path


def current_branch(root: Path) -> str | None:
    """The branch name, the short commit id when HEAD is detached, or None outside a git repository."""
    head = root / ".git" / "HEAD"
    try:
        text = head.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    if text.startswith("ref: refs/heads/"):
        return text[len("ref: refs/heads/"):]
    return text[:8] or None
