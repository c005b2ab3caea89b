"""Resolving conflicts after a sync: keep mine, take theirs, or repair the text; then continue or abort."""

from __future__ import annotations

from ..fileio import atomic_write
from ..merge import MergeResult, merge_documents
from .problems import GitProblem
from .service import GitService

MARKERS = ("<<<<<<< ", ">>>>>>> ")
LITERAL = "--literal-pathspecs"  # a file name is a name: `a[1].md` must never also touch `a1.md`


def _stages(service: GitService, path: str) -> set[int]:
    out = service.run(LITERAL, "ls-files", "-u", "-z", "--", path)
    return {int(rec.split()[2]) for rec in out.split("\0") if rec}


def _take(service: GitService, path: str, stage: int) -> None:
    if stage in _stages(service, path):
        side = "--ours" if stage == 2 else "--theirs"
        service.run(LITERAL, "checkout", side, "--", path)
        service.run(LITERAL, "add", "--", path)
    else:  # that side deleted the file
        service.run(LITERAL, "rm", "--quiet", "--force", "--", path)


def keep_mine(service: GitService, path: str) -> None:
    """Resolve a conflicted file with the user's own version."""
    # During a rebase git calls upstream "ours" and the replayed local commit "theirs".
    _take(service, path, 3 if service.operation() == "rebase" else 2)


def take_theirs(service: GitService, path: str) -> None:
    """Resolve a conflicted file with the other side's version."""
    _take(service, path, 2 if service.operation() == "rebase" else 3)


def has_markers(data: bytes) -> bool:
    """True when the text still contains git's conflict markers."""
    text = data.decode("utf-8", "replace")
    return any(line.startswith(MARKERS) for line in text.splitlines())


def mark_resolved(service: GitService, path: str) -> None:
    """Accept a file the user repaired as text; refused while conflict markers remain."""
    data = service.work_bytes(path)
    if data is not None and has_markers(data):
        raise GitProblem("conflicts", files=[path])
    service.run(LITERAL, "add", "--", path)


def continue_operation(service: GitService) -> None:
    """Finish the merge or rebase once every conflict is resolved."""
    remaining = service.conflicted()
    if remaining:
        raise GitProblem("conflicts", files=remaining)
    operation = service.operation()
    if operation == "rebase":
        try:
            service.run("rebase", "--continue")
        except GitProblem as exc:
            remaining = service.conflicted()
            if remaining:  # the next local commit conflicts too
                raise GitProblem("conflicts", exc.detail, files=remaining) from exc
            raise
    elif operation == "merge":
        service.run("commit", "--no-edit", "--quiet")


def abort_operation(service: GitService) -> None:
    """Abandon the merge or rebase and return to the state before it started."""
    operation = service.operation()
    if operation:
        service.run(operation, "--abort")


# -- merging per field and section ------------------------------------------------------------------------

def _stage_bytes(service: GitService, path: str, stage: int) -> bytes | None:
    if stage not in _stages(service, path):
        return None
    return service.run_bytes("cat-file", "blob", f":{stage}:{path}")


def versions(service: GitService, path: str) -> tuple[bytes | None, bytes | None, bytes | None]:
    """(common base, mine, theirs) of a conflicted file, from the user's point of view (None: absent)."""
    mine, theirs = (3, 2) if service.operation() == "rebase" else (2, 3)
    return _stage_bytes(service, path, 1), _stage_bytes(service, path, mine), _stage_bytes(service, path, theirs)


def document_merge(service: GitService, path: str) -> MergeResult | None:
    """The per-field merge of a conflicted Markdown file (mine as `ours`), or None when it cannot apply."""
    if not path.lower().endswith(".md"):
        return None
    base, mine, theirs = versions(service, path)
    if mine is None or theirs is None:  # deleted on one side: keep mine or take theirs, per file
        return None
    # Added on both sides: every part is new on both, so equal parts are taken once, different ones asked.
    result = merge_documents(base if base is not None else b"", mine, theirs)
    return result if result.is_document_merge else None


def write_resolution(service: GitService, path: str, data: bytes) -> None:
    """Write a conflicted file's resolved bytes (atomically) and mark it resolved."""
    if has_markers(data):
        raise GitProblem("conflicts", files=[path])
    atomic_write(service.root / path, data)
    service.run(LITERAL, "add", "--", path)


def merge_conflicted_documents(service: GitService, merged: list[str] | None = None) -> list[str]:
    """Resolve every conflicted document whose two sides changed different fields or sections.

    Returns the files that still need the user (different changes to one part, or not a document); the
    files it merged are added to `merged` when given.
    """
    remaining = []
    for path in service.conflicted():
        result = document_merge(service, path)
        if result is not None and result.data is not None:
            write_resolution(service, path, result.data)
            if merged is not None and path not in merged:
                merged.append(path)
        else:
            remaining.append(path)
    return remaining


MAX_STEPS = 10_000  # a rebase replays one commit per step; this only guards against a git that never ends


def settle(service: GitService, merged: list[str] | None = None) -> list[str]:
    """Merge conflicted documents per field and continue the rebase or merge as far as that goes.

    Returns the files that still conflict (the operation then waits for the user); [] when it finished.
    """
    for _ in range(MAX_STEPS):
        if not service.operation():
            return []
        remaining = merge_conflicted_documents(service, merged)
        if remaining:
            return remaining
        try:
            continue_operation(service)
        except GitProblem as exc:
            if exc.code != "conflicts":
                raise
    return service.conflicted()


def finish(service: GitService) -> None:
    """Continue after the user resolved the conflicts; later commits that conflict are merged per field too.

    Raises GitProblem('conflicts') with the files that still need the user.
    """
    try:
        continue_operation(service)
    except GitProblem as exc:
        if exc.code != "conflicts" or not service.operation():
            raise
        remaining = settle(service)
        if remaining:
            raise GitProblem("conflicts", exc.detail, files=remaining) from exc
        return
    settle(service)
