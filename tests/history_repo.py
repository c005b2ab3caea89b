"""A generated repository with a long history of one document, built in one `git fast-import` run."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import git

NAMES = ["docs/vereisten/eerste-naam.md", "docs/vereisten/tweede-naam.md", "docs/vereisten/aia-01-derde naam.md"]
STATUSES = ["nog-niet-geldend", "geldend"]


def version_text(n: int) -> str:
    """The document after commit n: the status alternates; the Risico section grows by one line."""
    risks = "".join(f"Risico {k}.\n" for k in range(n // 2 + 1))
    return (f"---\ntitle: Document {n % 7}\nstatus_vereiste:\n- {STATUSES[n % 2]}\nhide:\n- navigation\n---\n\n"
            f"## Vereiste\n\nDe vereiste.\n\n## Risico\n\n{risks}")


def name_at(n: int, commits: int) -> str:
    """The file's name after commit n: renamed at one third and two thirds of the history."""
    return NAMES[min(2, 3 * n // commits)]


def history_repo(path: Path, commits: int = 500) -> Path:
    """A repository whose one document has `commits` commits and two renames; returns its root."""
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Test Redacteur")
    git(path, "config", "user.email", "redacteur@example.org")
    chunks: list[bytes] = []
    for n in range(commits):
        data = version_text(n).encode()
        message = f"Wijziging {n}".encode()
        name, previous = name_at(n, commits), name_at(n - 1, commits) if n else None
        chunks.append(b"commit refs/heads/main\n")
        chunks.append(f"committer Redacteur {n % 3} <r{n % 3}@example.org> {1700000000 + n * 60} +0000\n".encode())
        chunks.append(b"data %d\n%s\n" % (len(message), message))
        if previous and previous != name:
            chunks.append(f'D "{previous}"\n'.encode())
        chunks.append(f'M 100644 inline "{name}"\n'.encode() + b"data %d\n%s\n" % (len(data), data))
        if n == 0:
            other = b"---\ntitle: Ander document\n---\n"
            chunks.append(b"M 100644 inline docs/vereisten/ander.md\ndata %d\n%s\n" % (len(other), other))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=path, input=b"".join(chunks), check=True)
    git(path, "checkout", "-q", "-f", "main")
    return path
