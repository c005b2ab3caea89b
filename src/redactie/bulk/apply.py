"""Applying a plan (refused when a file changed since it was planned), its journal, and undo as a whole."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import time
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ..fileio import atomic_write
from ..gitservice.runner import git_environment
from ..schema import Text
from .errors import BulkCancelled, BulkRefused
from .plan import Plan

Progress = Callable[[int, int], None]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class JournalFile:
    """One file of an applied change: where it was, where it is, its old bytes and the hash of its new ones."""

    path: str
    final: str
    before: bytes
    after_sha: str | None  # None: the change removed the file


@dataclass
class Journal:
    """An applied bulk change that can be undone as a whole until it is committed."""

    ident: str
    message: Text
    head: str | None
    files: list[JournalFile] = field(default_factory=list)
    folders: list[tuple[str, str]] = field(default_factory=list)

    @property
    def paths(self) -> set[str]:
        """Every path the change touched (old and new names)."""
        return {f.path for f in self.files} | {f.final for f in self.files}

    def to_json(self) -> dict[str, object]:
        """The journal as JSON data."""
        return {"id": self.ident, "message": {"nl": self.message.nl, "en": self.message.en}, "head": self.head,
                "folders": self.folders,
                "files": [{"path": f.path, "final": f.final, "before": base64.b64encode(f.before).decode(),
                           "after": f.after_sha} for f in self.files]}

    @classmethod
    def from_json(cls, data: dict) -> Journal:
        """A journal read back."""
        files = [JournalFile(f["path"], f["final"], base64.b64decode(f["before"]), f["after"]) for f in data["files"]]
        return cls(data["id"], Text(data["message"]["nl"], data["message"]["en"]), data["head"], files,
                   [tuple(x) for x in data.get("folders", [])])


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, env=git_environment(), capture_output=True, text=True)


def _git_dir(root: Path) -> Path | None:
    dot = root / ".git"
    if dot.is_dir():
        return dot
    if dot.is_file():
        text = dot.read_text(encoding="utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            found = Path(text[len("gitdir:"):].strip())
            return found if found.is_absolute() else (root / found).resolve()
    return None


def journal_dir(root: Path) -> Path:
    """Where journals of applied, uncommitted bulk changes are kept (inside .git, never in the content)."""
    base = _git_dir(root)
    return (base / "redactie-bulk") if base is not None else (root / ".redactie-bulk")


def _head(root: Path) -> str | None:
    if _git_dir(root) is None:
        return None
    result = _git(root, "rev-parse", "--verify", "-q", "HEAD")
    return result.stdout.strip() or None


def _move(root: Path, old: str, new: str) -> None:
    """Rename with `git mv` semantics: the index records the rename when the file is tracked."""
    (root / new).parent.mkdir(parents=True, exist_ok=True)
    if _git_dir(root) is not None and _git(root, "mv", "-k", "--", old, new).returncode == 0 \
            and not (root / old).exists() and (root / new).exists():
        return
    os.replace(root / old, root / new)


_AGAIN = ("Nothing was changed; make the plan again.", "Er is niets veranderd; maak het plan opnieuw.")
_KEPT = ("Nothing was put back and your edits are kept; undo them yourself first, or commit the change as it is.",
         "Er is niets teruggezet en uw bewerkingen blijven staan; maak ze eerst zelf ongedaan, of leg de wijziging "
         "vast zoals ze is.")


def _refuse(reason_nl: str, reason_en: str, paths: list[str], way: tuple[str, str] = _AGAIN) -> BulkRefused:
    listed = ", ".join(paths[:10]) + (f" (+{len(paths) - 10})" if len(paths) > 10 else "")
    return BulkRefused(f"{reason_en}: {listed}. {way[0]}", f"{reason_nl}: {listed}. {way[1]}", paths)


def check(root: Path, plan: Plan, unsaved: Collection[str] = ()) -> None:
    """BulkRefused when a file of the plan has unsaved edits in the editor or changed on disk since planning."""
    touched = {f.path for f in plan.files} | {f.final_path for f in plan.files}
    busy = sorted(touched & set(unsaved))
    if busy:
        raise _refuse("niet opgeslagen wijzigingen in de editor", "unsaved edits in the editor", busy)
    changed = []
    for f in plan.files:
        try:
            if (root / f.path).read_bytes() != f.before:
                changed.append(f.path)
        except OSError:
            changed.append(f.path)
        if f.new_path and (root / f.new_path).exists():
            changed.append(f.new_path)
    changed += [d.new_path for d in plan.folders if (root / d.new_path).exists()]
    changed += [d.path for d in plan.folders if not (root / d.path).is_dir()]
    if changed:
        raise _refuse("gewijzigd op schijf sinds het plan werd gemaakt", "changed on disk since the plan was made",
                      changed)


def _final(path: str, folders: list[tuple[str, str]]) -> str:
    for old, new in folders:
        if path.startswith(old + "/"):
            return new + path[len(old):]
    return path


def apply_plan(root: Path, plan: Plan, unsaved: Collection[str] = (), cancel: Callable[[], bool] | None = None,
               progress: Progress | None = None) -> Journal:
    """Write the plan: check everything first (cancellable until then), keep a journal, then change the files."""
    check(root, plan, unsaved)
    if cancel is not None and cancel():
        raise BulkCancelled()
    folders = [(d.path, d.new_path) for d in plan.folders]
    journal = Journal(f"{time.time_ns()}", plan.message, _head(root), folders=folders)
    for f in plan.files:
        final = _final(f.final_path, folders)
        journal.files.append(JournalFile(f.path, final, f.before, None if f.after is None else _sha(f.after)))
    folder = journal_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / f"{journal.ident}.json", json.dumps(journal.to_json()).encode("utf-8"))
    total = len(plan.files) + len(folders)
    for number, (old, new) in enumerate(folders):
        _move(root, old, new)
        if progress is not None:
            progress(number + 1, total)
    writes: list[tuple[Path, bytes]] = []
    for f in plan.files:
        current = _final(f.path, folders)
        if f.after is None:
            (root / current).unlink()
            if (root / current).parent != root and not any((root / current).parent.iterdir()):
                (root / current).parent.rmdir()  # a merged value's folder that held only its index page
            continue
        final = _final(f.final_path, folders)
        if final != current:
            _move(root, current, final)
        writes.append((root / final, f.after))
    # Each write is atomic (a whole new file renamed over the old one). Where the system can flush every
    # file to disk in one call, that is done once after the last write instead of once per file; the journal
    # that can put everything back was flushed before the first write.
    once = hasattr(os, "sync")
    with ThreadPoolExecutor(max_workers=16) as pool:
        futures = [pool.submit(atomic_write, path, data, not once) for path, data in writes]
        for number, future in enumerate(as_completed(futures), start=total - len(writes) + 1):
            future.result()
            if progress is not None and (number % 50 == 0 or number == total):
                progress(number, total)
    if once:
        os.sync()
    return journal


def pending(root: Path) -> list[Journal]:
    """Applied bulk changes that are still in the work tree and not committed, oldest first."""
    folder = journal_dir(root)
    if not folder.is_dir():
        return []
    head = _head(root)
    found = []
    for item in sorted(folder.glob("*.json")):
        try:
            journal = Journal.from_json(json.loads(item.read_bytes()))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if journal.head != head or all(file_state(root, f) == UNDONE for f in journal.files):
            item.unlink(missing_ok=True)  # committed, or undone by hand: nothing left to undo
            continue
        found.append(journal)
    return found


APPLIED, UNDONE, EDITED = "applied", "undone", "edited"


def file_state(root: Path, f: JournalFile) -> str:
    """APPLIED (as the bulk change wrote it), UNDONE (back as it was before) or EDITED (changed since)."""
    if _still_applied(root, f):
        return APPLIED
    try:
        back = (root / f.path).read_bytes() == f.before
    except OSError:
        back = False
    return UNDONE if back and (f.final == f.path or not (root / f.final).exists()) else EDITED


def _still_applied(root: Path, f: JournalFile) -> bool:
    target = root / f.final
    if f.after_sha is None:
        return not (root / f.path).exists()
    try:
        return _sha(target.read_bytes()) == f.after_sha
    except OSError:
        return False


def undo(root: Path, journal: Journal, unsaved: Collection[str] = ()) -> None:
    """Put every file of the change back as it was; refused when one was edited since the change."""
    busy = sorted(journal.paths & set(unsaved))
    if busy:
        raise _refuse("niet opgeslagen wijzigingen in de editor", "unsaved edits in the editor", busy)
    changed = [f.final for f in journal.files if not _still_applied(root, f)]
    changed += [old for old, _ in journal.folders if (root / old).exists()]
    if changed:
        raise _refuse("gewijzigd na de bulkwijziging (met de hand of door een ander programma)",
                      "changed after the bulk change (by hand or by another program)", changed, _KEPT)
    for f in journal.files:
        if f.after_sha is None:
            (root / f.path).parent.mkdir(parents=True, exist_ok=True)
            atomic_write(root / f.path, f.before)
            continue
        atomic_write(root / f.final, f.before)
        original = _final(f.path, journal.folders)
        if original != f.final:
            _move(root, f.final, original)
    for old, new in reversed(journal.folders):
        _move(root, new, old)
    (journal_dir(root) / f"{journal.ident}.json").unlink(missing_ok=True)
