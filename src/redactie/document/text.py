"""Byte-exact line handling: decoding, splitting and line endings."""

from __future__ import annotations

from collections import Counter

from .errors import DocumentEncodingError

BOM = b"\xef\xbb\xbf"


def decode(data: bytes) -> tuple[bool, str]:
    """Decode UTF-8 strictly; return (has_bom, text) or raise DocumentEncodingError at the bad byte."""
    bom = data.startswith(BOM)
    raw = data[len(BOM):] if bom else data
    try:
        return bom, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(BOM) if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        start = max(data.rfind(b"\n", 0, offset) + 1, len(BOM) if bom else 0)
        # Everything before the first bad byte is valid UTF-8: count its characters, not its bytes.
        column = len(data[start:offset].decode("utf-8")) + 1
        raise DocumentEncodingError(line, column, offset) from None


def split_lines(text: str) -> list[str]:
    """Split on LF only, keeping each line's ending (CRLF stays inside the line)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def content(line: str) -> str:
    """The line without its ending."""
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith("\n"):
        return line[:-1]
    return line


def ending(line: str) -> str:
    """The line's ending: '\\r\\n', '\\n' or ''."""
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith("\n"):
        return "\n"
    return ""


def lf_text(lines: list[str]) -> str:
    """The lines joined with every ending as LF (a CR alone stays: it ends no line)."""
    # Lines are split on LF, so a CR before an LF can only be a line's own CRLF ending.
    return "".join(lines).replace("\r\n", "\n")


def dominant_ending(lines: list[str], default: str = "\n") -> str:
    """The most common line ending among `lines`."""
    counts = Counter(ending(line) for line in lines if ending(line))
    if not counts:
        return default
    return counts.most_common(1)[0][0]
