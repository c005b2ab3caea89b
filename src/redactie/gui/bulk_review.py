"""Bulk changes in the review: which files belong to which change, and that change's suggested message."""

from __future__ import annotations

from pathlib import Path

from ..bulk import Journal, pending


def bulk_groups(root: Path) -> list[Journal]:
    """The applied, uncommitted bulk changes (read off the GUI thread)."""
    try:
        return pending(root)
    except OSError:
        return []


def group_of(groups: list[Journal], path: str) -> Journal | None:
    """The bulk change a changed file belongs to."""
    return next((g for g in groups if path in g.paths), None)


def group_message(groups: list[Journal], chosen: set[str], language: str) -> str:
    """The bulk change's own message when every ticked file belongs to that one change."""
    owners = {id(g): g for path in chosen if (g := group_of(groups, path)) is not None}
    if chosen and len(owners) == 1 and all(group_of(groups, p) is not None for p in chosen):
        return next(iter(owners.values())).message.get(language)
    return ""
