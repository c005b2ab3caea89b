"""Resolving conflicts after a sync: keep mine, take theirs, or repair the text; then continue or abort."""

from __future__ import annotations

from .problems import GitProblem
from .service import GitService

MARKERS = ("<<<<<<< ", ">>>>>>> ")


def _stages(service: GitService, path: str) -> set[int]:
    out = service.run("ls-files", "-u", "-z", "--", path)
    return {int(rec.split()[2]) for rec in out.split("\0") if rec}


def _take(service: GitService, path: str, stage: int) -> None:
    if stage in _stages(service, path):
        side = "--ours" if stage == 2 else "--theirs"
        service.run("checkout", side, "--", path)
        service.run("add", "--", path)
    else:  # that side deleted the file
        service.run("rm", "--quiet", "--force", "--", path)


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
    service.run("add", "--", path)


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
