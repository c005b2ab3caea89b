"""Bulk changes in the review (Qt-free): which changed files belong to which applied bulk change, in what
order the review lists them, which were edited by hand afterwards, and the group's suggested message."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .apply import EDITED, Journal, file_state, pending


@dataclass
class Group:
    """One applied, uncommitted bulk change as the review shows it."""

    journal: Journal
    paths: list[str] = field(default_factory=list)  # its changed files, in the review's order
    edited: list[str] = field(default_factory=list)  # of those, edited by hand after the bulk change
    renamed: dict[str, str] = field(default_factory=dict)  # new path -> path before the bulk change
    members: set[str] = field(default_factory=set)  # the same paths, to look up

    @property
    def ident(self) -> str:
        """The bulk change's journal id."""
        return self.journal.ident

    def message(self, language: str) -> str:
        """The bulk change's suggested commit message."""
        return self.journal.message.get(language)


def find_groups(root: Path, journals: list[Journal], changed: list[str]) -> list[Group]:
    """The groups of the changed files (paths as the review lists them); files of no group are left out."""
    groups = []
    claimed: set[str] = set()
    for journal in journals:
        group = Group(journal)
        touched = journal.paths
        for path in changed:
            if path in touched and path not in claimed:
                group.paths.append(path)
                group.members.add(path)
                claimed.add(path)
        for entry in journal.files:
            if file_state(root, entry) == EDITED:
                group.edited.append(entry.final)
            if entry.after_sha is not None and entry.final != entry.path:
                group.renamed[entry.final] = entry.path
        if group.paths:
            groups.append(group)
    return groups


def load_groups(root: Path, changed: list[str]) -> list[Group]:
    """The applied, uncommitted bulk changes among the changed files (reads files: off the GUI thread)."""
    try:
        return find_groups(root, pending(root), changed)
    except OSError:
        return []


def group_of(groups: list[Group], path: str) -> Group | None:
    """The group a changed file belongs to."""
    return next((g for g in groups if path in g.members), None)


def arrange(changed: list[str], groups: list[Group]) -> list[tuple[Group | None, str | None]]:
    """The review's rows: a group row `(group, None)` where its first file would be, followed by all its files
    `(group, path)`; files of no group stay where they were as `(None, path)`."""
    rows: list[tuple[Group | None, str | None]] = []
    placed: set[str] = set()
    for path in changed:
        group = group_of(groups, path)
        if group is None:
            rows.append((None, path))
        elif group.ident not in placed:
            placed.add(group.ident)
            rows.append((group, None))
            rows += [(group, member) for member in group.paths]
    return rows


def group_message(groups: list[Group], chosen: set[str], language: str) -> str:
    """The bulk change's own message when the ticked files are exactly the files of one group."""
    for group in groups:
        if chosen and chosen == set(group.paths):
            return group.message(language)
    return ""
