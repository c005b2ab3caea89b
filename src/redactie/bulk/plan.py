"""A bulk change before it is applied: every file, every changed line, every renamed file."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..schema import Text


@dataclass(frozen=True)
class LineChange:
    """One changed line: 1-based line in the old file (0 for an added line), old and new text."""

    line: int
    old: str | None
    new: str | None
    where: str  # a field key or a section name ("" for text outside sections)


@dataclass
class FileChange:
    """One file of a plan: its bytes when planned and after the change; `new_path` when it is renamed."""

    path: str
    before: bytes
    after: bytes | None  # None: the file is removed (a merged value's defining file)
    lines: list[LineChange] = field(default_factory=list)
    new_path: str | None = None

    @property
    def final_path(self) -> str:
        """Where the file is after the change."""
        return self.new_path or self.path


@dataclass
class FolderRename:
    """A folder that defines a vocabulary value (`docs/bouwblokken/<value>/`), renamed as a whole."""

    path: str
    new_path: str


@dataclass
class Plan:
    """What a bulk change will do; nothing is written until it is applied."""

    kind: str  # rename, merge, retire, label, replace
    message: Text  # the suggested commit message
    files: list[FileChange] = field(default_factory=list)
    folders: list[FolderRename] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)  # warnings and files that were skipped

    @property
    def empty(self) -> bool:
        """True when the plan changes nothing."""
        return not self.files and not self.folders

    @property
    def edited(self) -> list[FileChange]:
        """Files whose content changes."""
        return [f for f in self.files if f.after is not None and f.after != f.before]

    def as_json(self, language: str = "nl") -> dict[str, object]:
        """The plan for `--format json`: file, line, old, new, renamed and removed files."""
        changes = [{"file": f.path, "line": c.line, "field": c.where, "old": c.old, "new": c.new}
                   for f in self.files for c in f.lines]
        renamed = [{"from": f.path, "to": f.new_path} for f in self.files if f.new_path]
        renamed += [{"from": d.path, "to": d.new_path} for d in self.folders]
        return {"kind": self.kind, "message": self.message.get(language), "changes": changes,
                "renamed": renamed, "removed": [f.path for f in self.files if f.after is None],
                "files": len({f.path for f in self.files}), "notes": [n.get(language) for n in self.notes]}


def documents(count: int) -> Text:
    """'1 document' or '37 documenten' (Dutch and English: the singular for exactly one)."""
    return Text(f"{count} document" if count == 1 else f"{count} documenten",
                f"{count} document" if count == 1 else f"{count} documents")


def line_changes(before: str, after: str, where_of: dict[int, str]) -> list[LineChange]:
    """The changed lines between two texts; `where_of` names the field or section of a 1-based old line."""
    old, new = before.splitlines(), after.splitlines()
    result: list[LineChange] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + k, j1 + k
            line = i + 1 if i < i2 else 0
            anchor = i + 1 if i < i2 else i1
            result.append(LineChange(line, old[i] if i < i2 else None, new[j] if j < j2 else None,
                                     where_of.get(anchor, "")))
    return result
