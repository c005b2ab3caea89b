"""The licences of the Python packages Redactie runs on, read from their installed metadata (never hand-typed).

The build (packaging/licences.py) copies these texts into the app's licence folder; a source checkout shows them
where the packages keep them.
"""

from __future__ import annotations

import csv
import functools
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
# Words in a RECORD line that may name a licence text (a superset of what licence_files keeps; lines without
# any are never parsed).
_MAYBE_LICENCE = ("licence", "license", "copying", "notice", "authors")


class _ParsedOnce(metadata.Distribution):
    """A distribution whose METADATA is parsed once: importlib.metadata parses it anew on every access (name,
    version, requirements, licence), which made listing the licences cost tens of milliseconds."""

    def __init__(self, dist: metadata.Distribution) -> None:
        self._dist = dist

    def read_text(self, filename: str) -> str | None:
        """The wrapped distribution's file."""
        return self._dist.read_text(filename)

    def locate_file(self, path: str | Path) -> Path:
        """Where the wrapped distribution keeps `path`."""
        return Path(str(self._dist.locate_file(path)))

    @functools.cached_property
    def metadata(self):  # type: ignore[override]  # noqa: ANN201 - the stdlib's own (version-dependent) type
        """The parsed METADATA, kept."""
        return self._dist.metadata


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
            dist = _ParsedOnce(metadata.distribution(name))
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
    record = dist.read_text("RECORD")
    if record is None:  # not installed from a wheel: whatever file list the distribution has
        names = [str(file) for file in dist.files or []]
    else:  # only the lines that may name a licence text are parsed (PySide6's RECORD has thousands)
        lines = (line for line in record.splitlines() if any(word in line.lower() for word in _MAYBE_LICENCE))
        names = [row[0] for row in csv.reader(lines) if row]
    found = []
    for name in names:
        base = name.rsplit("/", 1)[-1]
        if (LICENCE_FILE.match(base) and ".dist-info" in name) or base.endswith(".license"):
            found.append(Path(str(dist.locate_file(name))))
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
