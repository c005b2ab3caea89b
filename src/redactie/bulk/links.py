"""Relative links in bodies (Markdown, reference definitions, HTML href/src, mkdocs directory URLs) that
point to a renamed file or folder, rewritten to the new name; and the site's `<!-- list_... key/value -->`
hook comments."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

_INLINE = re.compile(r"(\]\(\s*<?)([^()\s<>]+)")
_REFERENCE = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+?)(?=>|\s|$)")
# HTML `href="..."`/`src='...'`, and mermaid's `click node href "..."`
_HTML = re.compile(r"""(\b(?:href|src)\s*=?\s*["'])([^"']+)""", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HOOK = re.compile(r"<!--\s*list_\w+[^>]*?-->")


@dataclass(frozen=True)
class Move:
    """A file (`.md`) or folder renamed from `old` to `new` (repository-relative POSIX paths)."""

    old: str
    new: str


def _pairs(move: Move) -> list[tuple[str, str, bool]]:
    """(old path, new last component, by file) for resolving links as files and as mkdocs page URLs."""
    old_name, new_name = posixpath.basename(move.old), posixpath.basename(move.new)
    if move.old.endswith(".md"):
        return [(move.old, new_name, True), (move.old[:-3], new_name[:-3], False)]
    return [(move.old, new_name, True), (move.old, new_name, False)] if old_name else []


def _page_url_dir(page: str) -> str:
    """The folder a mkdocs page URL is relative to (`a/b.md` is served as `a/b/`)."""
    if posixpath.basename(page) in ("index.md", "README.md"):
        return posixpath.dirname(page)
    return page[:-3] if page.endswith(".md") else page


def rewrite_target(page: str, target: str, moves: list[Move]) -> str:
    """The link target with the renamed component replaced, or the target unchanged."""
    if not target or target.startswith(("#", "/")) or _SCHEME.match(target):
        return target
    cut = min([i for i in (target.find("#"), target.find("?")) if i >= 0], default=len(target))
    path, suffix = target[:cut], target[cut:]
    if not path:
        return target
    trailing = path.endswith("/")
    parts = path.rstrip("/").split("/")
    decoded = unquote(path.rstrip("/"))
    for move in moves:
        for old, new_name, by_file in _pairs(move):
            if by_file and not decoded.endswith(".md") and old.endswith(".md"):
                continue
            base = posixpath.dirname(page) if by_file else _page_url_dir(page)
            resolved = posixpath.normpath(posixpath.join(base, decoded))
            if resolved != old and not resolved.startswith(old + "/"):
                continue
            depth = resolved[len(old):].count("/")
            index = len(parts) - 1 - depth
            if 0 <= index < len(parts) and unquote(parts[index]) == posixpath.basename(old):
                parts[index] = new_name
                return "/".join(parts) + ("/" if trailing else "") + suffix
    return target


def rewrite_line(page: str, text: str, moves: list[Move]) -> str:
    """Every link on one body line rewritten for the moves."""
    lowered = text.lower()
    if not moves or ("](" not in text and "]:" not in text and "href" not in lowered and "src" not in lowered):
        return text

    def fix(match: re.Match[str]) -> str:
        return match.group(1) + rewrite_target(page, match.group(2), moves)

    for pattern in (_INLINE, _REFERENCE, _HTML):
        text = pattern.sub(fix, text)
    return text


def rewrite_hooks(text: str, keys: list[str], old: str, new: str) -> str:
    """`<!-- list_maatregelen vereiste/OLD ... -->` names a value as `key/value`: rename it there too."""
    if "<!--" not in text or "list_" not in text:
        return text

    def fix(match: re.Match[str]) -> str:
        tokens = re.split(r"(\s+)", match.group(0))
        return "".join(f"{t.split('/', 1)[0]}/{new}" if "/" in t and t.split("/", 1)[0] in keys
                       and t.split("/", 1)[1] == old else t for t in tokens)

    return _HOOK.sub(fix, text)


def rewrite_site_config(text: str, moves: list[Move], docs_dir: str) -> str:
    """`mkdocs.yml` names pages by their path inside the docs folder (`nav:`, redirects): follow the moves.

    A path is replaced only as a whole token (after a space, colon, quote, bracket or comma and before the
    end, a quote, comma, bracket or comment), never as part of a longer name.
    """
    prefix = docs_dir.strip("/") + "/"
    for move in moves:
        if not move.old.startswith(prefix) or not move.new.startswith(prefix):
            continue
        old, new = move.old[len(prefix):], move.new[len(prefix):]
        tail = r"(?=$|[\s'\",\]#])" if old.endswith(".md") else r"(?=/|$|[\s'\",\]#])"
        text = re.sub(r"(?<=[\s:'\"\[,])" + re.escape(old) + tail, new.replace("\\", "\\\\"), text,
                      flags=re.MULTILINE)
    return text
