"""Suggesting the intended vocabulary value for a free-typed one (`Geldend` -> `geldend`)."""

from __future__ import annotations

import difflib
import re


def normalize(value: str) -> str:
    """Lower case, spaces and underscores as dashes, trimmed."""
    return re.sub(r"[\s_]+", "-", value.strip().lower())


def suggest(value: str, allowed: list[str]) -> str | None:
    """The allowed value most likely meant, or None when nothing is close."""
    if not allowed:
        return None
    norm = normalize(value)
    if norm in allowed:
        return norm
    best, best_score = None, 0.0
    for candidate in allowed:
        score = difflib.SequenceMatcher(None, norm, candidate).ratio()
        prefix = len(_common_prefix(norm, candidate))
        if prefix >= 5:
            score = max(score, prefix / len(norm))
        if len(norm) >= 5 and norm in candidate:
            score = max(score, 0.9)
        if score > best_score:
            best, best_score = candidate, score
    return best if best_score >= 0.6 else None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
