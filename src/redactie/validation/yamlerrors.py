"""Front matter that YAML cannot read, reported where the editor made the mistake and in one language.

YAML notices an unclosed quote only where the file (or the front matter) ends, lines later, in its own
English words. This finds the line whose quote is never closed and words the problem for the editor.
"""

from __future__ import annotations

import re

from ..document import FrontMatterError

_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+|[^\s#:'\"][^:#]*:\s+))(?P<value>.*)$")
_ENGLISH_DETAIL = re.compile(r"\s*\([^()]*\)\s*$")


def _closes(quote: str, rest: str) -> bool:
    """True when `rest` (after an opening quote) holds its closing quote."""
    if quote == "'":
        return re.search(r"(?<!')'(?!')|^'(?!')", rest.replace("''", "")) is not None
    escaped = False
    for ch in rest:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            return True
    return False


def unclosed_quote(lines: list[str]) -> tuple[int, int] | None:
    """(1-based line, column) of a quote opened in the front matter and never closed, or None."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        text = lines[index].rstrip("\r\n")
        if text.rstrip() in ("---", "..."):
            return None
        match = _VALUE.match(text)
        if not match:
            continue
        value = match.group("value")
        if value[:1] in ("'", '"') and not _closes(value[0], value[1:]):
            # A quoted value may go on over lines; it is unclosed when no later line closes it before
            # the next field or the end of the front matter.
            for later in range(index + 1, len(lines)):
                nxt = lines[later].rstrip("\r\n")
                if nxt.rstrip() in ("---", "...") or re.match(r"^[^\s#-][^:]*:(\s|$)", nxt):
                    return index + 1, len(match.group("lead")) + 1
                if _closes(value[0], nxt):
                    break
            else:
                return index + 1, len(match.group("lead")) + 1
    return None


def refine(data: bytes, error: FrontMatterError) -> tuple[int, int, str, str]:
    """(line, column, Dutch, English) for a front-matter error: the mistake's own line, no mixed languages."""
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        lines = []
    found = unclosed_quote(lines)
    if found is not None:
        line, column = found
        return (line, column, f"Op regel {line} begint een waarde met een aanhalingsteken dat nergens wordt "
                "gesloten; zet het sluitende aanhalingsteken aan het eind van de waarde",
                f"On line {line} a value starts with a quote that is never closed; put the closing quote at the "
                "end of the value")
    nl = error.message_nl
    if nl != error.message:  # keep the Dutch text free of YAML's English wording
        nl = _ENGLISH_DETAIL.sub("", nl)
    return error.line, error.column, nl, error.message
