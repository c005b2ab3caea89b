"""Rendering new YAML lines for an edited front-matter entry, following the file's own style."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from . import scalars

_DASH_RE = re.compile(r"^([ \t]*-[ \t]+)")


def common_dash(lines: list[str]) -> str:
    """The most common `- ` prefix (indentation included) of block-list items in these lines."""
    counts: Counter[str] = Counter()
    for line in lines:
        match = _DASH_RE.match(line)
        if match and not line.lstrip().startswith("---"):
            counts[match.group(1)] += 1
    return counts.most_common(1)[0][0] if counts else "- "


def is_scalar(value: Any) -> bool:
    """True for values written as one YAML scalar."""
    return value is None or isinstance(value, (str, int, float, bool))


def block_lines(value: Any, indent: str, dash: str) -> list[str]:
    """Lines (without endings) for a nested list or dict written in block style below a key."""
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{indent}{scalars.key_text(str(key))}:"
            if is_scalar(item):
                rendered = scalars.candidates(item)[0]
                out.append(f"{head} {rendered}" if rendered else head)
            elif not item:
                out.append(f"{head} {'[]' if isinstance(item, list) else '{}'}")
            else:
                out.append(head)
                out += block_lines(item, indent + "  " if isinstance(item, dict) else indent, dash)
        return out
    for item in value:
        prefix = indent + dash.lstrip(" \t") if indent else dash
        if is_scalar(item):
            out.append(prefix + scalars.candidates(item)[0])
        elif not item:
            out.append(prefix + ("[]" if isinstance(item, list) else "{}"))
        else:
            nested = block_lines(item, " " * len(prefix), "- ")
            first = nested[0][len(prefix):]
            out.append(prefix + first)
            out += nested[1:]
    return out


def flow_list(items: list[Any]) -> str:
    """A list of scalars in flow style: `[a, 'b c', ...]`."""
    return "[" + ", ".join(scalars.candidates(item, flow=True)[0] for item in items) + "]"


def literal_block(value: str, indent: str) -> list[str] | None:
    """A literal block scalar (`|`, `|-`, `|+`) for a multi-line string, or None when it cannot hold it."""
    if not value or value[0] in " \t\n" or "\r" in value:
        return None
    body = value.rstrip("\n")
    trailing = len(value) - len(body)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    lines = [f"|{chomp}"]
    for line in body.split("\n"):
        lines.append(indent + line if line else "")
    lines += [""] * max(0, trailing - 1)
    return lines
