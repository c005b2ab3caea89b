"""The licences of the Python packages Redactie runs on, read from their installed metadata (never hand-typed).

The build (packaging/licences.py) copies these texts into the app's licence folder; a source checkout shows them
where the packages keep them.
"""

from __future__ import annotations

import re
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.I)
QT_DISTRIBUTIONS = ("pyside6-essentials", "shiboken6")
# A licence's name or SPDX expression (`MIT`, `LGPL-3.0-only OR GPL-3.0-only`, `MIT + MPL 1.1/GPL 2.0`), not a
# sentence: a package's free-text License field ("See *.license file for each dictionary.") is not shown as one.
_LICENCE_NAME = re.compile(r"[\w.+\-/() ]{1,80}")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _name(requirement: str) -> str | None:
    """The distribution a requirement names, or None for one that only applies to an extra."""
    if "extra ==" in requirement.replace('"', "").replace("'", ""):
        return None
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return match.group(1) if match else None


def runtime_distributions(root: str = "redactie") -> list[metadata.Distribution]:
    """The installed distributions `root` needs at run time (not itself), followed recursively."""
    seen: dict[str, metadata.Distribution] = {}
    try:
        todo = [name for name in (_name(r) for r in metadata.requires(root) or []) if name]
    except metadata.PackageNotFoundError:
        return []
    while todo:
        name = todo.pop()
        if _key(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[_key(name)] = dist
        todo += [n for n in (_name(r) for r in dist.requires or []) if n]
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def licence_name(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, else its classifier or License field ('' if none)."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    text = (meta.get("License") or "").strip()
    line = text.splitlines()[0].strip() if text else ""
    if classifiers:
        return classifiers[0]
    return line if _LICENCE_NAME.fullmatch(line) and not line.endswith(".") else ""


def licence_files(dist: metadata.Distribution) -> list[Path]:
    """The licence texts a distribution installs: in its dist-info, and `*.license` beside shipped data."""
    found = []
    for file in dist.files or []:
        if (LICENCE_FILE.match(file.name) and ".dist-info" in str(file)) or file.name.endswith(".license"):
            found.append(Path(str(dist.locate_file(file))))
    return found


def is_qt(dist: metadata.Distribution) -> bool:
    """Qt's Python packages: their licence texts are the LGPL/GPL ones, not a dist-info file."""
    return _key(dist.metadata["Name"]) in QT_DISTRIBUTIONS


def python_licence() -> Path | None:
    """Python's own LICENSE.txt (it also lists the third-party code of a Windows or macOS build)."""
    for folder in (Path(sysconfig.get_paths()["stdlib"]), Path(sys.base_prefix)):
        if (folder / "LICENSE.txt").is_file():
            return folder / "LICENSE.txt"
    return None


def installed_licences(texts: Path) -> list[tuple[str, str, list[Path]]]:
    """(component, licence, licence files) for Python and every package Redactie runs on, as installed here.

    `texts` holds the licence texts no package ships (Qt's LGPL); empty when Redactie itself is not installed.
    """
    index = []
    for dist in runtime_distributions():
        files = licence_files(dist)
        if is_qt(dist):
            files = [texts / name for name in ("LGPL-3.0.txt", "GPL-3.0.txt", "Qt-replacing-the-libraries.txt")]
        index.append((f"{dist.metadata['Name']} {dist.version}", licence_name(dist), files))
    if index:
        python = python_licence()
        index.append((f"Python {sys.version.split()[0]}", "PSF-2.0", [python] if python else []))
    return index
