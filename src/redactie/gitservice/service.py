"""The git service the editor uses: open, state, status, file contents at HEAD, author, commit (Qt-free).

Every method blocks; the GUI calls them from background tasks. Failures are GitProblem, never raw git errors.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import GitProblem
from .redact import redact
from .runner import ALWAYS, command, empty_hooks_dir, filter_drivers, filter_environment, problem_from, setup
from .status import DELETED, FOLDER, NEW, FileChange, parse_status


@dataclass
class RepoState:
    """Where the repository is: branch, remote, and any hard state that needs the user's attention."""

    branch: str | None
    head: str | None
    remote_url: str | None
    upstream: str | None
    ahead: int = 0
    behind: int = 0
    problems: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


FOLDER_FILES = 200  # a new folder with at most this many files is listed file by file


def _count_files(folder: Path, limit: int = FOLDER_FILES) -> int:
    """How many files `folder` holds, counting no further than `limit` + 1 (a folder of 50,000 stops early)."""
    count = 0
    for _dirpath, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".git"]
        count += len(files)
        if count > limit:
            break
    return count


def blob_hash(data: bytes) -> str:
    """Git's object id for a file's bytes (what `git hash-object` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()  # noqa: S324 - git's own id, not security


def literal(paths: list[str]) -> list[str]:
    """Pathspecs that match exactly these names: `a[1].md` is never a pattern that also takes `a1.md`.

    Per path rather than `--literal-pathspecs`, which git hands on to hooks through the environment.
    """
    return [f":(literal){path}" for path in paths]


_VERSION_CHECKED: list[bool] = []


def _check_version_once() -> None:
    """Refuse a git older than the service needs (checked once per process)."""
    if not _VERSION_CHECKED:
        from .runner import check_git

        check_git()
        _VERSION_CHECKED.append(True)


class GitService:
    """One git repository, opened from any folder inside it."""

    def __init__(self, path: Path) -> None:
        from .runner import git_executable

        git_executable()  # GitProblem('git-missing') before GitPython is touched
        _check_version_once()
        from .gitenv import git_module

        git = git_module()
        try:
            self.repo = git.Repo(path, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
            raise GitProblem("not-a-repository", str(path)) from exc
        if self.repo.working_tree_dir is None:
            raise GitProblem("not-a-repository", str(path))
        self.root = Path(self.repo.working_tree_dir)
        self.git_dir = Path(self.repo.git_dir)
        self.repo.git.update_environment(**setup().env, LC_ALL="C", LANGUAGE="C", GIT_EDITOR="true",
                                         GIT_MERGE_AUTOEDIT="no")
        # GitPython's own commands (the long-running `cat-file --batch`) run no repository programs either.
        self.repo.git.set_persistent_git_options(c=[*ALWAYS, f"core.hooksPath={empty_hooks_dir()}"])
        self._filters: tuple[int, tuple[str, ...]] | None = None
        self._git_error = git.CommandError  # also GitCommandNotFound: git gone
        # GitPython's long-running helper processes are not thread-safe: background tasks take this lock.
        self.lock = threading.RLock()

    def close(self) -> None:
        """Stop GitPython's helper processes."""
        self.repo.close()

    def filter_drivers(self) -> tuple[str, ...]:
        """The filter drivers configured for this repository (read again when its configuration changes)."""
        try:
            stamp = (self.git_dir / "config").stat().st_mtime_ns
        except OSError:
            stamp = -1
        if self._filters is None or self._filters[0] != stamp:
            self._filters = (stamp, filter_drivers(self.root))
        return self._filters[1]

    def _command(self, args: tuple[str, ...], kwargs: dict[str, Any]) -> list[str]:
        """The command line for one git command in this repository (see runner.command); a `config` keyword
        holds `name=value` settings for this command only."""
        filters = self.filter_drivers()
        odd = filter_environment(filters)
        if odd:
            kwargs["env"] = {**odd, **kwargs.get("env", {})}
        return command(args, filters, kwargs.pop("config", ()))

    def run(self, *args: str, **kwargs: Any) -> str:
        """Run one git command in the repository; GitProblem when it fails."""
        try:
            return self.repo.git.execute(self._command(args, kwargs), **kwargs)
        except self._git_error as exc:
            raise problem_from(exc) from exc

    def run_bytes(self, *args: str) -> bytes:
        """Run one git command and return its raw standard output."""
        kwargs: dict[str, Any] = {}
        try:
            return self.repo.git.execute(self._command(args, kwargs), stdout_as_string=False,
                                         strip_newline_in_stdout=False, **kwargs)
        except self._git_error as exc:
            raise problem_from(exc) from exc

    # -- where we are -------------------------------------------------------------------------------------

    def has_commits(self) -> bool:
        """False for a repository without any commit yet."""
        return self.repo.head.is_valid()

    def branch(self) -> str | None:
        """The current branch, or None when HEAD is detached."""
        return None if self.repo.head.is_detached else self.repo.head.ref.name

    def remote_url(self, remote: str = "origin") -> str | None:
        """The fetch URL of a remote (origin, else the only one) without any credentials in it, or None."""
        names = [r.name for r in self.repo.remotes]
        if not names:
            return None
        name = remote if remote in names else names[0]
        return redact(self.repo.remote(name).url)

    def remote_name(self) -> str | None:
        """The remote to share with: origin, else the only one."""
        names = [r.name for r in self.repo.remotes]
        return "origin" if "origin" in names else (names[0] if names else None)

    def upstream(self) -> str | None:
        """The remote branch the current branch tracks (`origin/main`), or None."""
        try:
            return self.run("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}").strip() or None
        except GitProblem:
            return None

    def ahead_behind(self, upstream: str) -> tuple[int, int]:
        """How many commits HEAD has that upstream lacks, and the other way round."""
        left, right = self.run("rev-list", "--left-right", "--count", f"HEAD...{upstream}").split()
        return int(left), int(right)

    def operation(self) -> str | None:
        """'merge' or 'rebase' when one is in progress."""
        if (self.git_dir / "rebase-merge").exists() or (self.git_dir / "rebase-apply").exists():
            return "rebase"
        if (self.git_dir / "MERGE_HEAD").exists():
            return "merge"
        return None

    def rebasing_branch(self) -> str | None:
        """The branch an interrupted rebase is replaying (`main`), or None."""
        for folder in ("rebase-merge", "rebase-apply"):
            try:
                name = (self.git_dir / folder / "head-name").read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                continue
            return name.removeprefix("refs/heads/") or None
        return None

    def conflicted(self) -> list[str]:
        """Files with unresolved conflicts."""
        out = self.run("diff", "--name-only", "--diff-filter=U", "-z")
        return sorted({p for p in out.split("\0") if p})

    def state(self) -> RepoState:
        """The repository's branch, remote and hard states (problem codes, see problems.EXPLANATIONS)."""
        problems: list[str] = []
        if (self.git_dir / "index.lock").exists():
            problems.append("index-locked")
        has_commits = self.has_commits()
        if not has_commits:
            problems.append("no-commits")
        branch = self.branch()
        operation = self.operation()
        if operation:
            problems.append(f"{operation}-in-progress")
        if branch is None and operation == "rebase":
            # git detaches HEAD while it replays commits: that is the rebase, not an old version being viewed.
            branch = self.rebasing_branch()
        elif branch is None:
            problems.append("detached-head")
        conflicts = self.conflicted() if has_commits else []
        if conflicts:
            problems.append("conflicts")
        url = self.remote_url()
        if url is None:
            problems.append("no-remote")
        upstream = self.upstream() if has_commits and branch else None
        ahead = behind = 0
        if upstream:
            ahead, behind = self.ahead_behind(upstream)
        head = self.repo.head.commit.hexsha[:8] if has_commits else None
        return RepoState(branch, head, url, upstream, ahead, behind, problems, conflicts)

    # -- what changed ---------------------------------------------------------------------------------------

    def status(self) -> list[FileChange]:
        """Changed files compared with HEAD: new, modified, deleted, renamed, conflicted."""
        # Untracked folders are summarised (one line for a folder of 50,000 files, or a nested repository).
        raw = self.run_bytes("status", "--porcelain=v2", "-z", "--untracked-files=normal", "--no-renames")
        raw += self._small_new_folders(parse_status(raw, root=self.root))
        changes = parse_status(raw, root=self.root)
        new = [c.path for c in changes if c.kind == NEW and c.committable]
        deleted = [c.path for c in changes if c.kind == DELETED and c.committable]
        if new and deleted and self.has_commits():
            new_hashes = {p: blob_hash(data) for p in new if (data := self._small_file(p)) is not None}
            old_hashes = self._head_hashes(deleted)
            changes = parse_status(raw, new_hashes, old_hashes, root=self.root)
        return changes

    def _small_new_folders(self, changes: list[FileChange]) -> bytes:
        """Porcelain records listing the files of each new folder of at most FOLDER_FILES files (a new type
        folder with its first documents); a bigger folder stays one summarised entry."""
        small = [c.path for c in changes if c.what == FOLDER and _count_files(self.root / c.path) <= FOLDER_FILES]
        if not small:
            return b""
        listed = self.run_bytes("ls-files", "--others", "--exclude-standard", "-z", "--", *(f"{p}/" for p in small))
        records = [b"? " + path for path in listed.split(b"\0") if path]
        # The folder's own summary record is dropped by parse_status when its files follow (see there).
        return b"\0" + b"\0".join(records) + b"\0" if records else b""

    def _small_file(self, path: str) -> bytes | None:
        from ..fileio import read_document

        try:
            return read_document(self.root / path)
        except OSError:
            return None

    def _head_hashes(self, paths: list[str]) -> dict[str, str]:
        out = self.run("ls-tree", "-z", "HEAD", "--", *paths)
        result = {}
        for record in out.split("\0"):
            if record:
                meta, path = record.split("\t", 1)
                result[path] = meta.split()[2]
        return result

    def head_bytes(self, path: str) -> bytes | None:
        """The file's bytes in the last commit, or None when it is not there."""
        if not self.has_commits():
            return None
        try:
            # One long-running `git cat-file --batch` answers every request: no tree parsing in Python.
            _, kind, _, data = self.repo.git.get_object_data(f"HEAD:{path}")
        except ValueError:
            return None
        return data if kind == b"blob" or kind == "blob" else None

    def work_bytes(self, path: str) -> bytes | None:
        """The file's bytes on disk as git would record them, or None when there is no such file.

        A symbolic link is its target's name (git records the link, never what it points at: a link to
        /dev/zero or a loop is never followed); a folder, a pipe or a device is no file to git.
        """
        full = self.root / path
        try:
            info = full.lstat()
            if stat.S_ISLNK(info.st_mode):
                return os.fsencode(os.readlink(full))
            if not stat.S_ISREG(info.st_mode):
                return None
            return full.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None

    # -- committing -----------------------------------------------------------------------------------------

    def author(self) -> tuple[str, str] | None:
        """The name and e-mail address git records, or None when either is missing."""
        try:
            out = self.run("config", "--get-regexp", r"^user\.(name|email)$")
        except GitProblem:
            return None
        found = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
        name, email = found.get("user.name", "").strip(), found.get("user.email", "").strip()
        return (name, email) if name and email else None

    def set_author(self, name: str, email: str) -> None:
        """Store the author in this repository's own configuration."""
        if not name.strip() or "@" not in email:
            raise GitProblem("author-missing")
        self.run("config", "--local", "user.name", name.strip())
        self.run("config", "--local", "user.email", email.strip())

    def _ready_to_commit(self, reviewed: dict[str, bytes | None], message: str, author: bool = True) -> None:
        """Refuse a commit without a message or author, or of files that changed since the review.

        `author` False leaves the author to the commit itself (see `_commit_tracked`).
        """
        if not message.strip():
            raise GitProblem("empty-message")
        if author and self.author() is None:
            raise GitProblem("author-missing")
        changed = sorted(p for p, data in reviewed.items() if self.work_bytes(p) != data)
        if changed:
            raise GitProblem("changed-during-review", files=changed, argument=", ".join(changed))

    def commit(self, reviewed: dict[str, bytes | None], message: str) -> str:
        """Commit exactly the reviewed files, as the bytes the user saw (None: deleted); returns the commit id.

        Other files, staged or not, stay out of the commit. A file that changed since the review stops the
        commit before anything is recorded.
        """
        if not reviewed:
            raise GitProblem("nothing-to-commit")
        self._ready_to_commit(reviewed, message, author=False)
        if self._commit_tracked(reviewed, message):
            return self.head_sha()
        if self.author() is None:
            raise GitProblem("author-missing")
        present = [p for p, data in reviewed.items() if data is not None]
        if present:
            self.run("add", "--", *literal(present))
        paths = sorted(reviewed)
        gone = [p for p, data in reviewed.items() if data is None]
        if gone:
            # A deleted file that was never committed has nothing to record.
            known = set(self.run("ls-files", "-z", "--", *literal(gone)).split("\0"))
            known |= set(self._head_hashes(gone)) if self.has_commits() else set()
            paths = [p for p in paths if p not in gone or p in known]
        if not paths:
            raise GitProblem("nothing-to-commit")
        self.run("commit", "--only", "--quiet", "-m", message.strip(), "--", *literal(paths))
        return self.head_sha()

    def _commit_tracked(self, reviewed: dict[str, bytes | None], message: str) -> bool:
        """Commit in one `git commit --include` when that records exactly the reviewed files; False when not.

        That holds when every reviewed file is tracked and present, nothing else differs between the index
        and HEAD, and no merge, rebase, cherry-pick or revert is under way. Then `--include` stages the files
        and commits the index in one process, with one index write, where `--only` builds a second index;
        hooks run as for any commit, and a failing commit leaves the index as it was. The commit itself
        refuses a missing name or e-mail address (`user.useConfigOnly`: git never guesses them), so no
        separate `git config` is needed.
        """
        paths = sorted(reviewed)
        if any(data is None for data in reviewed.values()):
            return False
        try:
            self.head_sha()
        except (ValueError, OSError):
            return False  # no commit yet
        if self.operation() is not None or any((self.git_dir / name).exists()
                                               for name in ("CHERRY_PICK_HEAD", "REVERT_HEAD", "sequencer")):
            return False
        # Both questions only read the index: asked at the same time, they cost the time of one.
        staged, tracked = self._run_together(("diff-index", "--cached", "--no-renames", "--name-only", "-z", "HEAD",
                                              "--"), ("ls-files", "-z", "--", *literal(paths)))
        if not set(filter(None, staged.split("\0"))) <= set(paths):
            return False  # someone staged another file: `--only` keeps it out of the commit
        if not set(tracked.split("\0")) >= set(paths):
            return False  # a new file: an older git's `--include` would leave it out without a word
        self.run("commit", "--include", "--quiet", "-m", message.strip(), "--", *literal(paths),
                 config=("user.useConfigOnly=true",))
        return True

    def _run_together(self, first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, str]:
        """The output of two read-only git commands run at the same time (GitProblem when either fails)."""
        results: dict[int, str | GitProblem] = {}

        def work() -> None:
            try:
                results[1] = self.run(*second)
            except GitProblem as exc:
                results[1] = exc

        helper = threading.Thread(target=work, daemon=True)
        helper.start()
        try:
            results[0] = self.run(*first)
        finally:
            helper.join()
        for result in (results[0], results[1]):
            if isinstance(result, GitProblem):
                raise result
        return str(results[0]), str(results[1])

    def head_sha(self) -> str:
        """The commit HEAD points at, read from the refs without starting a git process."""
        from git.refs.symbolic import SymbolicReference

        return SymbolicReference.dereference_recursive(self.repo, "HEAD")

    def commit_contents(self, contents: dict[str, bytes], reviewed: dict[str, bytes | None], message: str) -> str:
        """Commit given bytes for some files (part of what the user changed) plus whole reviewed files.

        `contents` maps a path to the bytes to record, which may differ from the file on disk: the rest of
        the user's change stays in the work tree, uncommitted. The work tree is never written; the commit
        is built in a temporary index, so hooks run as usual and other staged files stay out.
        """
        self._ready_to_commit(reviewed, message)
        entries = dict(contents)
        entries.update({p: data for p, data in reviewed.items() if p not in contents})
        if not entries:
            raise GitProblem("nothing-to-commit")
        from gitdb.base import IStream

        with tempfile.TemporaryDirectory() as tmp:
            index = str(Path(tmp) / "index")
            env = {"GIT_INDEX_FILE": index}
            if self.has_commits():
                self.run("read-tree", "HEAD", env=env)
            modes = self._head_modes(list(entries)) if self.has_commits() else {}
            for path, data in sorted(entries.items()):
                if data is None:
                    self.run("update-index", "--force-remove", "--", path, env=env)
                    continue
                stored = self.repo.odb.store(IStream(b"blob", len(data), io.BytesIO(data)))
                sha = stored.hexsha.decode() if isinstance(stored.hexsha, bytes) else stored.hexsha
                mode = modes.get(path, "100644")
                self.run("update-index", "--add", "--cacheinfo", f"{mode},{sha},{path}", env=env)
            self.run("commit", "--quiet", "-m", message.strip(), env=env)
        # The real index follows the new commit for these paths; the rest of the change stays unstaged.
        self.run("reset", "--quiet", "--", *literal(sorted(entries)))
        return self.head_sha()

    def _head_modes(self, paths: list[str]) -> dict[str, str]:
        out = self.run("ls-tree", "-z", "HEAD", "--", *paths)
        return {record.split("\t", 1)[1]: record.split()[0] for record in out.split("\0") if record}

    def remove_stale_lock(self) -> None:
        """Remove an `index.lock` left behind by a program that stopped (only after the user confirmed)."""
        (self.git_dir / "index.lock").unlink(missing_ok=True)
