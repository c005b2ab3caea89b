"""Collect the licence texts of everything the app ships into one folder, with an index the About dialog shows.

Usage: python packaging/licences.py OUT   (packaging/build.py runs it before PyInstaller)

Python packages: every distribution Redactie needs at run time (its requirements, followed recursively),
with the licence files from its installed dist-info (importlib.metadata), never hand-typed. Components
without a dist-info licence file: Python itself (its LICENSE.txt), Qt/PySide6 (LGPL-3.0 with how to replace
the libraries), git (GPL-2.0 and its source offer, from fetch_git.py), OpenSSL (Apache-2.0) and Git
Credential Manager (MIT) from packaging/licenses/.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "licenses"
sys.path.insert(0, str(HERE.parent / "src"))  # the build runs from a checkout; the same rules as the About dialog
from redactie.licences import (  # noqa: E402
    is_qt,
    licence_files,
    licence_name,
    python_licence,
    runtime_distributions,
)


def _write(out: Path, name: str, data: bytes) -> str:
    (out / name).write_bytes(data)
    return name


def collect(out: Path, git_licences: Path | None = None) -> list[dict[str, object]]:
    """Write every licence text into `out` plus `index.json`; returns the index."""
    out.mkdir(parents=True, exist_ok=True)
    index: list[dict[str, object]] = []
    for dist in runtime_distributions():
        name, version = dist.metadata["Name"], dist.version
        files = [_write(out, f"{name}-{file.name}.txt", file.read_bytes()) for file in licence_files(dist)]
        if is_qt(dist):
            files = ["LGPL-3.0.txt", "GPL-3.0.txt", "Qt-replacing-the-libraries.txt"]
        index.append({"component": f"{name} {version}", "licence": licence_name(dist), "files": files})
    for text in ("LGPL-3.0.txt", "GPL-3.0.txt", "GPL-2.0.txt", "Apache-2.0.txt", "Qt-replacing-the-libraries.txt",
                 "Git-Credential-Manager-MIT.txt"):
        shutil.copyfile(TEXTS / text, out / text)
    python = python_licence()
    index.append({"component": f"Python {sys.version.split()[0]}", "licence": "PSF-2.0",
                  "files": [_write(out, "Python-LICENSE.txt", python.read_bytes())] if python else []})
    index.append({"component": "Qt 6", "licence": "LGPL-3.0-only",
                  "files": ["LGPL-3.0.txt", "GPL-3.0.txt", "Qt-replacing-the-libraries.txt"]})
    index.append({"component": "OpenSSL", "licence": "Apache-2.0", "files": ["Apache-2.0.txt"]})
    git_files = ["GPL-2.0.txt"]
    if git_licences is not None and git_licences.is_dir():
        for file in sorted(git_licences.iterdir()):
            if file.is_file():
                git_files.append(_write(out, file.name, file.read_bytes()))
    if "git-SOURCE-OFFER.txt" not in git_files:
        sys.path.insert(0, str(HERE))
        import fetch_git

        git_files.append(_write(out, "git-SOURCE-OFFER.txt", fetch_git.SOURCE_OFFER.encode("utf-8")))
    index.append({"component": "Git", "licence": "GPL-2.0-only", "files": git_files})
    index.append({"component": "Git Credential Manager (Windows, macOS)", "licence": "MIT",
                  "files": ["Git-Credential-Manager-MIT.txt"]})
    (out / "index.json").write_text(json.dumps(index, indent=1, ensure_ascii=False), encoding="utf-8")
    return index


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "build" / "licenses"
    git_dir = target.parent / "git-licenses"
    print(f"{len(collect(target, git_dir))} components, licence texts in {target}")
