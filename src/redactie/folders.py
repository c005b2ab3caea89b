"""Where a content repository is and which Markdown files it holds: folder walks only, no YAML and no schema, so
the window can use them before those load."""

from __future__ import annotations

import os
from pathlib import Path

SCHEMA_FILE = "redactie-schema.yaml"
SKIP_DIRS = frozenset({".git", "node_modules", ".venv", "site", "__pycache__"})


def find_root(start: Path) -> Path:
    """The content repository containing `start`: the nearest folder with a schema file or `.git`."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_FILE).is_file() or (candidate / ".git").exists():
            return candidate
    # No git and no schema file (a download, a copy): the site's root is where mkdocs.yml or docs/ is.
    for candidate in (folder, *folder.parents):
        if (candidate / "mkdocs.yml").is_file() or (candidate / "docs").is_dir():
            return candidate
    return folder


def markdown_files(root: Path, folders: dict[str, int] | None = None) -> list[str]:
    """Repository-relative POSIX paths of every Markdown file, sorted, skipping tool folders.

    The walk never follows a link to a folder (no loops, nothing outside the repository) and never opens
    a file; links, pipes and devices named `*.md` are listed too, so the user sees them with a remark
    (see `fileio.file_problem`), but no reader opens them (`fileio.read_document`).

    `folders`, when given, receives each walked folder's modification time (relative path, "." for the root),
    taken before the folder is listed: a file added, removed or renamed in it later changes that time.
    """
    found: list[str] = []
    if folders is not None:
        folders["."] = _mtime(root)
    for folder, dirs, files in os.walk(root, onerror=lambda error: None):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                         and not os.path.islink(os.path.join(folder, d)))
        rel = Path(folder).relative_to(root).as_posix()
        if folders is not None:
            for name in dirs:  # listed by the walk after this
                folders[name if rel == "." else f"{rel}/{name}"] = _mtime(Path(folder) / name)
        for name in files:
            if name.endswith(".md"):
                found.append(name if rel == "." else f"{rel}/{name}")
    return sorted(found)


def _mtime(folder: Path) -> int:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return -1


def folders_unchanged(root: Path, folders: dict[str, int]) -> bool:
    """True when every folder of `folders` (from `markdown_files`) still has its modification time: no file
    was added, removed or renamed in any of them (nor a folder in them, which would be walked too)."""
    return bool(folders) and all(_mtime(root / rel) == mtime for rel, mtime in folders.items())
