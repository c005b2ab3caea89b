"""Running git: through GitPython for quick commands, streamed with progress and cancel for network work."""

from __future__ import annotations

import os
import re
import subprocess
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from .gitenv import GitMissingError, git_module
from .problems import GitProblem, classify

MINIMUM_VERSION = (2, 25)

# progress(phase, percent or None); phase is git's own words ("Receiving objects").
Progress = Callable[[str, int | None], None]

_PROGRESS = re.compile(r"(?P<phase>[A-Za-z][A-Za-z ]+):\s+(?P<percent>\d+)%")


def git_environment() -> dict[str, str]:
    """The environment for every git process: no prompts, English messages (we explain them ourselves)."""
    return {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
            "LANGUAGE": "C", "GIT_EDITOR": "true", "GIT_MERGE_AUTOEDIT": "no"}


def git_executable() -> str:
    """The git program GitPython runs (bundled or system); GitProblem('git-missing') when there is none."""
    try:
        git = git_module()
    except GitMissingError as exc:
        raise GitProblem("git-missing") from exc
    return git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git"


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
        out = subprocess.run([git_executable(), "version"], capture_output=True, text=True, check=True,
                             env=git_environment()).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise GitProblem("git-missing", str(exc)) from exc
    return check_version(out)


def problem_from(exc: Exception) -> GitProblem:
    """Turn a GitPython or subprocess failure into a GitProblem."""
    stderr = getattr(exc, "stderr", "") or ""
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", "replace")
    return GitProblem(classify(str(stderr)), str(stderr).strip())


def stream(args: Sequence[str], cwd: Path | None, progress: Progress | None = None,
           cancel: threading.Event | None = None) -> str:
    """Run a long git command, reporting progress and stopping when `cancel` is set; returns stderr."""
    try:
        proc = subprocess.Popen([git_executable(), *args], cwd=cwd, env=git_environment(), stdin=subprocess.DEVNULL,
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
