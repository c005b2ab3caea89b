"""Sharing: clone, fetch, sync (fast-forward or rebase) and push. Never a force-push."""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from .branches import base_branch
from .conflicts import settle
from .problems import GitProblem
from .proposal import proposal_url
from .runner import Progress, stream
from .service import GitService

UP_TO_DATE, FAST_FORWARD, REBASED, AHEAD, NOT_SHARED = "up-to-date", "fast-forward", "rebased", "ahead", "not-shared"

SYNC_EXPLANATIONS = {
    UP_TO_DATE: ("Alles is bijgewerkt; er waren geen nieuwe wijzigingen.",
                 "Everything is up to date; there were no new changes."),
    FAST_FORWARD: ("De nieuwe wijzigingen van anderen zijn opgehaald; u had zelf niets nieuws vastgelegd.",
                   "The new changes by others were fetched; you had not committed anything new yourself."),
    REBASED: ("Zowel u als anderen hebben wijzigingen vastgelegd. Uw wijzigingen staan nu bovenop die van de "
              "anderen; deel ze om ze zichtbaar te maken.",
              "Both you and others committed changes. Your changes now sit on top of theirs; share them to make "
              "them visible."),
    AHEAD: ("Er waren geen nieuwe wijzigingen van anderen; uw vastgelegde wijzigingen zijn nog niet gedeeld.",
            "There were no new changes by others; your committed changes have not been shared yet."),
    NOT_SHARED: ("Deze versie bestaat nog niet op de gedeelde plek; deel haar om dat te doen.",
                 "This version does not exist in the shared place yet; share it to do so."),
}


@dataclass(frozen=True)
class SyncResult:
    """What a sync did, and how far the branch is from its remote afterwards."""

    kind: str
    ahead: int
    behind: int
    merged: tuple[str, ...] = ()  # documents both sides changed, merged per field and section

    def explanation(self, language: str) -> str:
        """What happened, in the user's language."""
        nl, en = SYNC_EXPLANATIONS[self.kind]
        if self.merged:
            names = ", ".join(path.rsplit("/", 1)[-1] for path in self.merged)
            nl += f" Door u en anderen gewijzigde documenten zijn per veld samengevoegd: {names}."
            en += f" Documents changed by you and others were merged per field: {names}."
        return en if language == "en" else nl


@dataclass(frozen=True)
class PushResult:
    """A shared branch and, when the host is known, the page to open a proposal."""

    branch: str
    base: str
    proposal_url: str | None


def clone(url: str, destination: Path, progress: Progress | None = None,
          cancel: threading.Event | None = None) -> Path:
    """Clone `url` into `destination` (new or empty); a cancelled or failed clone leaves nothing behind."""
    if destination.exists() and any(destination.iterdir()):
        raise GitProblem("destination-exists", argument=str(destination))
    created = not destination.exists()
    try:
        stream(["clone", "--progress", "--", url, str(destination)], None, progress, cancel)
    except GitProblem:
        if created:
            shutil.rmtree(destination, ignore_errors=True)
        elif destination.exists():
            for entry in destination.iterdir():
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
        raise
    return destination


def fetch(service: GitService, progress: Progress | None = None, cancel: threading.Event | None = None) -> None:
    """Fetch from the remote."""
    remote = service.remote_name()
    if remote is None:
        raise GitProblem("no-remote")
    stream(["fetch", "--progress", "--prune", remote], service.root, progress, cancel)


def sync(service: GitService, progress: Progress | None = None, cancel: threading.Event | None = None) -> SyncResult:
    """Fetch, then fast-forward when only the remote moved, or rebase local commits when both moved.

    Conflicted documents are merged per field and section (redactie.merge); a rebase that still has a
    conflict stops with GitProblem('conflicts') listing the files; nothing is lost.
    """
    if service.operation():
        raise GitProblem(f"{service.operation()}-in-progress")
    if service.branch() is None:
        raise GitProblem("detached-head")
    fetch(service, progress, cancel)
    upstream = service.upstream()
    if upstream is None:
        candidate = f"{service.remote_name()}/{service.branch()}"
        if service.run("branch", "-r", "--list", candidate).strip():
            service.run("branch", "--quiet", f"--set-upstream-to={candidate}")
            upstream = candidate
        else:
            return SyncResult(NOT_SHARED, 0, 0)
    ahead, behind = service.ahead_behind(upstream)
    if behind == 0:
        return SyncResult(AHEAD if ahead else UP_TO_DATE, ahead, 0)
    if ahead == 0:
        service.run("merge", "--ff-only", "--quiet", upstream)
        return SyncResult(FAST_FORWARD, 0, 0)
    # A changed submodule does not stop git's rebase, and the editor cannot commit it: it does not count.
    if [c for c in service.status() if c.kind != "new" and c.committable]:
        raise GitProblem("uncommitted-changes")
    merged: list[str] = []
    try:
        service.run("rebase", "--quiet", upstream)
    except GitProblem as exc:
        if not service.conflicted():
            raise
        # Documents whose sides changed different fields or sections merge per part; only real
        # conflicts (one part changed differently on both sides) are left to the user.
        remaining = settle(service, merged)
        if remaining:
            raise GitProblem("conflicts", exc.detail, files=remaining) from exc
    ahead, behind = service.ahead_behind(upstream)
    return SyncResult(REBASED, ahead, behind, tuple(merged))


def push(service: GitService, progress: Progress | None = None, cancel: threading.Event | None = None) -> PushResult:
    """Share the current branch (setting its upstream); refused, never forced, when the remote moved."""
    remote = service.remote_name()
    if remote is None:
        raise GitProblem("no-remote")
    branch = service.branch()
    if branch is None:
        raise GitProblem("detached-head")
    if not service.has_commits():
        raise GitProblem("no-commits")
    stream(["push", "--progress", "--set-upstream", remote, f"HEAD:refs/heads/{branch}"], service.root,
           progress, cancel)
    base = base_branch(service, branch)
    url = service.remote_url(remote)
    return PushResult(branch, base, proposal_url(url, branch, base) if url and base != branch else None)
