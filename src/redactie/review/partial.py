"""Committing part of a file: the last commit's version with only the chosen fields and sections applied."""

from __future__ import annotations

from ..document import Document, EditError
from .summary import FIELD, SECTION, ChangeItem


def selectable(item: ChangeItem) -> bool:
    """True for a change that can be committed on its own: a field, or a section present in both versions."""
    return item.kind == FIELD or (item.kind == SECTION and item.new == "changed")


def partial_bytes(old: bytes, new: bytes, items: list[ChangeItem], chosen: set[str]) -> bytes:
    """The old file with only the chosen changes (by `kind:name`) from the new one, each line-exact.

    ValueError when a change cannot be applied on its own (the caller then commits the whole file).
    """
    before, after = Document.parse(old), Document.parse(new)
    for item in items:
        if f"{item.kind}:{item.name}" not in chosen:
            continue
        if not selectable(item):
            raise ValueError(f"{item.name} can only be committed with the whole file")
        try:
            if item.kind == FIELD and item.name in after.fields:
                before.set_field(item.name, after.fields[item.name])
            elif item.kind == FIELD:
                before.remove_field(item.name)
            else:
                before.set_section(item.name, after.section(item.name))
        except EditError as exc:
            raise ValueError(str(exc)) from exc
    return before.dump()
