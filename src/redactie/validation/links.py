"""Relative links in a document's body that point at a document that does not exist."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlparse

from ..document import Document

_INLINE = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def relative_link_targets(doc: Document) -> list[tuple[int, str, str]]:
    """(1-based line, link as written, repository path candidate) for every relative `.md` link in the body."""
    body = doc.body
    if ".md" not in body:  # the common case: no link to a document at all
        return []
    lines = body.splitlines()
    first = 0  # the body's first line in the file, counted only when a link is found
    out: list[tuple[int, str, str]] = []
    fenced = False
    for offset, text in enumerate(lines):
        if ("```" in text or "~~~" in text) and _FENCE.match(text):
            fenced = not fenced
            continue
        if fenced:
            continue
        if ".md" not in text:
            continue
        for match in _INLINE.finditer(text):
            link = match.group(1)
            parsed = urlparse(link)
            if parsed.scheme or parsed.netloc or link.startswith(("#", "/")):
                continue
            path = unquote(parsed.path)
            if path.endswith(".md"):
                first = first or len(doc.text.splitlines()) - len(lines) + 1
                out.append((first + offset, link, path))
    return out


def broken_links(relpath: str, doc: Document, exists: Callable[[str], bool],
                 folder_exists: Callable[[str], bool]) -> list[tuple[int, str]]:
    """(line, link) of relative `.md` links to a missing file in a folder that exists (as mkdocs resolves them).

    A link into a folder that is not there at all is left alone: a partial checkout or copy of the site
    (only the documents' folders) must not fill the list with warnings about pages outside it.
    """
    folder = posixpath.dirname(relpath)
    out: list[tuple[int, str]] = []
    for line, link, path in relative_link_targets(doc):
        target = posixpath.normpath(posixpath.join(folder, path))
        if target.startswith("../"):
            out.append((line, link))
        elif not exists(target) and folder_exists(posixpath.dirname(target)):
            out.append((line, link))
    return out
