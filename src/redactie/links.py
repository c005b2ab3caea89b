"""Links between documents as the site (mkdocs) resolves them: writing a relative link, finding the links in a
text and whether their target exists (Qt-free).

mkdocs resolves a link's path relative to the folder of the Markdown file that holds it, after percent-decoding
it (`urllib.parse.unquote`), and drops the `#anchor` and `?query`. Writing a link does the reverse: the relative
path, with the characters that would end or break a Markdown link destination or a URL percent-encoded.
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .folders import SKIP_DIRS

# Characters a URL path may hold as they are (RFC 3986 unreserved, sub-delimiters, ":" and "@"), minus
# the parentheses, which end an inline Markdown link, and "&", which Markdown turns into an HTML entity.
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$'*+,;=:@/")


def _encode_char(char: str) -> str:
    if char in _SAFE:
        return char
    if ord(char) > 127 and unicodedata.category(char)[0] in "LMN":  # letters and digits read as themselves
        return char
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def encode_path(path: str) -> str:
    """A relative path as a link destination: spaces, parentheses, `#`, `?`, `%` … percent-encoded."""
    return "".join(_encode_char(char) for char in path)


def relative_link(from_file: str, to_file: str) -> str:
    """The link from one repository file to another (POSIX paths from the repository root), encoded for the site.

    Same folder: `other.md`; another folder: `../maatregelen/other.md`; the file itself: its own name.
    """
    start = posixpath.dirname(from_file) or "."
    return encode_path(posixpath.relpath(to_file, start))


def link_markdown(text: str, from_file: str, to_file: str) -> str:
    """`[text](relative/path.md)`, with `[`, `]` and backslashes in the text escaped so the link stays one link."""
    label = re.sub(r"([\\\[\]])", r"\\\1", text.replace("\n", " ").replace("\u2029", " "))
    return f"[{label}]({relative_link(from_file, to_file)})"


@dataclass(frozen=True)
class Link:
    """One inline link in a line: where it is, its text and its destination as written."""

    start: int  # of the "[" (or "!" of an image)
    end: int  # after the ")"
    text_start: int
    text_end: int
    target_start: int
    target_end: int
    target: str


# An inline link or image: [text](destination "title"); the destination may be <in angle brackets>.
_LINK = re.compile(r"!?\[(?P<text>(?:\\.|[^\]\\])*)\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<plain>(?:\([^)\s]*\)|[^()\s])*))"
                   r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


def find_links(line: str) -> Iterator[Link]:
    """The inline links and images of one line of Markdown."""
    for match in _LINK.finditer(line):
        group = "angled" if match.group("angled") is not None else "plain"
        yield Link(match.start(), match.end(), match.start("text"), match.end("text"), match.start(group),
                   match.end(group), match.group(group))


def is_internal(target: str) -> bool:
    """Whether a link points at a file of the site by a relative path (not a web address, e-mail or anchor)."""
    target = target.strip()
    if not target or target.startswith(("#", "/", "\\")) or "{{" in target or "{%" in target:
        return False
    parts = urlsplit(target)
    return not (parts.scheme or parts.netloc)


def resolve(from_file: str, target: str) -> str | None:
    """The repository path a relative link points at (None for external links, anchors and site macros).

    A path that leaves the repository resolves to a path starting with `../`.
    """
    if not is_internal(target):
        return None
    path = unquote(urlsplit(target.strip()).path)
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), path))
    return joined[2:] if joined.startswith("./") else joined


class KnownFiles:
    """The repository's files as found by one walk: answers "does this link's target exist" without the disk."""

    def __init__(self, files: frozenset[str] = frozenset()) -> None:
        self.files = files
        self.folders = frozenset(parent for f in files for parent in _parents(f))

    @classmethod
    def scan(cls, root: Path) -> KnownFiles:
        """Walk the repository once (no links to folders followed, tool folders skipped)."""
        found: set[str] = set()
        for folder, dirs, files in os.walk(root, onerror=lambda error: None):
            linked = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS and d not in linked]
            rel = Path(folder).relative_to(root).as_posix()
            found.update(name if rel == "." else f"{rel}/{name}" for name in [*files, *linked])
        return cls(frozenset(found))

    def exists(self, relpath: str) -> bool:
        """Whether a file or a folder (a link to `folder/` shows its index) with this path is known."""
        relpath = relpath.rstrip("/")
        return relpath in self.files or relpath in self.folders or relpath in ("", ".")

    def missing(self, from_file: str, target: str) -> str | None:
        """The path a relative link points at when no such file exists; None when it exists or is external."""
        resolved = resolve(from_file, target)
        if resolved is None or self.exists(resolved):
            return None
        return resolved


def _parents(path: str) -> Iterator[str]:
    folder = posixpath.dirname(path)
    while folder:
        yield folder
        folder = posixpath.dirname(folder)
