"""Running git: the one place that builds every git command line and environment.

Read-only work (open, status, diff, review) runs no program the repository configures: no fsmonitor, no
hooks (`core.hooksPath` points at an empty folder), no clean/smudge/process filters, no external diff or
textconv, and no opportunistic index writes. The user's own actions (commit, sync, share, switching
versions, resolving conflicts) run as git itself would: with the hooks and filters the user chose.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .gitenv import GitSetup, locate, with_config
from .problems import GitProblem, classify

MINIMUM_VERSION = (2, 25)

# progress(phase, percent or None); phase is git's own words ("Receiving objects").
Progress = Callable[[str, int | None], None]

_PROGRESS = re.compile(r"(?P<phase>[A-Za-z][A-Za-z ]+):\s+(?P<percent>\d+)%")

# Commands that carry out something the user asked for: they run hooks and filters as git itself would.
USER_ACTIONS = frozenset({"add", "am", "checkout", "cherry-pick", "clone", "commit", "fetch", "merge", "pull",
                          "push", "rebase", "reset", "restore", "revert", "rm", "stash", "switch"})
# Commands that can show differences: never through an external diff program or textconv filter.
DIFFS = frozenset({"diff", "diff-files", "diff-index", "diff-tree", "log", "show"})
# Never useful to the app, and a program named by the repository's configuration.
ALWAYS = ("core.fsmonitor=false",)

_EMPTY_HOOKS: list[str] = []


def empty_hooks_dir() -> str:
    """A folder of this process holding no hooks, for `core.hooksPath` in read-only work."""
    if not _EMPTY_HOOKS:
        folder = tempfile.mkdtemp(prefix="redactie-nohooks-")  # private (0700) and new: nobody put hooks in it
        atexit.register(shutil.rmtree, folder, True)
        _EMPTY_HOOKS.append(folder)
    return _EMPTY_HOOKS[0]


def setup() -> GitSetup:
    """The git to run and its environment; GitProblem('git-missing') when there is none."""
    found = locate()
    if found is None:
        raise GitProblem("git-missing")
    return found


def git_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for every git process: no prompts, English messages (we explain them ourselves)."""
    found = locate()
    env = {**os.environ, **(found.env if found else {}), "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
           "LANGUAGE": "C", "GIT_EDITOR": "true", "GIT_MERGE_AUTOEDIT": "no"}
    env.update(extra or {})
    return env


def git_executable() -> str:
    """The git program every command runs (bundled or system); GitProblem('git-missing') when there is none."""
    return str(setup().executable)


def is_user_action(args: Sequence[str]) -> bool:
    """True for a command that does what the user asked (hooks and filters run as git would run them)."""
    return bool(args) and args[0] in USER_ACTIONS


def read_only_options(filter_drivers: Iterable[str] = ()) -> list[str]:
    """Global options that keep a command from running any program the repository configures."""
    options = ["--no-optional-locks", "-c", f"core.hooksPath={empty_hooks_dir()}"]
    for name in filter_drivers:
        if "=" in name or "\n" in name:
            continue  # cannot be written as `-c`; filter_environment() covers it
        for key in ("clean", "smudge", "process"):
            options += ["-c", f"filter.{name}.{key}="]
        options += ["-c", f"filter.{name}.required=false"]
    return options


def filter_environment(filter_drivers: Iterable[str]) -> dict[str, str]:
    """Environment switching off filter drivers whose names `-c` cannot carry (git 2.31+)."""
    odd = [name for name in filter_drivers if "=" in name or "\n" in name]
    pairs = [(f"filter.{name}.{key}", "") for name in odd for key in ("clean", "smudge", "process")]
    pairs += [(f"filter.{name}.required", "false") for name in odd]
    if not pairs:
        return {}
    # Numbered after the configuration git_environment() already carries (the credential helper).
    return {k: v for k, v in with_config(git_environment(), pairs).items() if k.startswith("GIT_CONFIG_")}


def command(args: Sequence[str], filter_drivers: Iterable[str] = (), config: Iterable[str] = ()) -> list[str]:
    """The full command line for `git ARGS`: the chosen git, the safety options this command needs, and
    `config` (`name=value` settings for this command)."""
    args = list(args)
    options: list[str] = []
    for item in (*ALWAYS, *config):
        options += ["-c", item]
    if not is_user_action(args):
        options += read_only_options(filter_drivers)
    if args and args[0] in DIFFS:
        args = [args[0], "--no-ext-diff", "--no-textconv", *args[1:]]
    return [git_executable(), *options, *args]


def filter_drivers(cwd: Path) -> tuple[str, ...]:
    """The names of every filter driver git's configuration defines for a repository (any scope)."""
    try:
        out = subprocess.run(command(["config", "--name-only", "--get-regexp", r"^filter\."]), cwd=cwd,
                             env=git_environment(), capture_output=True, check=False).stdout
    except OSError:
        return ()
    names = set()
    for line in out.decode("utf-8", "surrogateescape").splitlines():
        if line.count(".") >= 2:
            names.add(line.split(".", 1)[1].rsplit(".", 1)[0])
    return tuple(sorted(names))


def run(args: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None,
        filters: Iterable[str] = ()) -> str:
    """Run `git ARGS` to completion and return its output; GitProblem when it fails."""
    filters = tuple(filters)
    try:
        result = subprocess.run(command(args, filters), cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                                env={**git_environment(env), **filter_environment(filters)}, check=False)
    except OSError as exc:
        raise GitProblem("git-missing", str(exc)) from exc
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace")
        raise GitProblem(classify(stderr), stderr.strip())
    return result.stdout.decode("utf-8", "surrogateescape")


def check_version(text: str) -> tuple[int, int]:
    """Parse `git version X.Y.Z` and refuse versions older than MINIMUM_VERSION."""
    match = re.search(r"(\d+)\.(\d+)", text)
    if not match:
        raise GitProblem("git-missing", text)
    version = (int(match.group(1)), int(match.group(2)))
    if version < MINIMUM_VERSION:
        raise GitProblem("git-too-old", text, argument=f"{version[0]}.{version[1]}")
    return version


def check_git() -> tuple[int, int]:
    """Make sure a new enough git exists; returns its (major, minor) version."""
    try:
        out = subprocess.run(command(["version"]), capture_output=True, text=True, check=True,
                             env=git_environment()).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise GitProblem("git-missing", str(exc)) from exc
    return check_version(out)


def problem_from(exc: Exception) -> GitProblem:
    """Turn a GitPython or subprocess failure into a GitProblem."""
    if type(exc).__name__ == "GitCommandNotFound" or isinstance(exc, FileNotFoundError):
        return GitProblem("git-missing", str(exc))
    stderr = getattr(exc, "stderr", "") or ""
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", "replace")
    return GitProblem(classify(str(stderr)), str(stderr).strip())


def stream(args: Sequence[str], cwd: Path | None, progress: Progress | None = None,
           cancel: threading.Event | None = None) -> str:
    """Run a long git command, reporting progress and stopping when `cancel` is set; returns stderr."""
    try:
        proc = subprocess.Popen(command(args), cwd=cwd, env=git_environment(), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise GitProblem("git-missing", str(exc)) from exc
    collected: list[str] = []

    def read_stderr() -> None:
        assert proc.stderr is not None
        buffer = b""
        while chunk := proc.stderr.read1(4096):  # type: ignore[attr-defined]
            buffer += chunk
            *parts, buffer = re.split(rb"[\r\n]", buffer)
            for part in parts:
                line = part.decode("utf-8", "replace")
                collected.append(line)
                match = _PROGRESS.search(line)
                if progress is not None and match:
                    progress(match.group("phase").strip(), int(match.group("percent")))
        collected.append(buffer.decode("utf-8", "replace"))

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    assert proc.stdout is not None
    out_reader = threading.Thread(target=proc.stdout.read, daemon=True)
    out_reader.start()
    while proc.poll() is None:
        if cancel is not None and cancel.wait(0.05):
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            reader.join(1)
            raise GitProblem("cancelled")
        elif cancel is None:
            proc.wait()
    reader.join()
    out_reader.join()
    stderr = "\n".join(line for line in collected if line)
    if proc.returncode != 0:
        raise GitProblem(classify(stderr), stderr)
    return stderr
