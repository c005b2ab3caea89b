"""Fidelity of the document model on a folder of real Markdown files.

Usage: python bench/fidelity.py FOLDER [FOLDER ...]
Prints per folder: files, parsed, identical after a no-op, confined title/list/section edits, errors,
and the mean time per file (parse + dump), with the time of reading the bytes as a baseline ratio.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from common import time_each
from redactie.document import Document, EditError, FrontMatterError
from redactie.document.locality import touched_lines


def _confined(old: bytes, new: bytes, first: int, last: int) -> bool:
    return all(first <= line <= last + 1 for line in touched_lines(old, new))


def check_file(data: bytes) -> dict[str, bool | None]:
    """Run the four fidelity checks on one file's bytes; None means not applicable."""
    result: dict[str, bool | None] = {"parsed": False, "identity": None, "title": None, "list": None, "section": None}
    try:
        doc = Document.parse(data)
    except FrontMatterError:
        return result
    result["parsed"] = True
    result["identity"] = doc.dump() == data
    fields = dict(doc.fields)
    if "title" in fields:
        edited = Document.parse(data)
        line = edited.field_line("title") - 1
        first = min(doc.duplicate_keys().get("title", [line + 1])) - 1
        last = _entry_last(doc, "title")
        try:
            edited.set_field("title", f"{fields['title']} (herzien): versie 2")
            result["title"] = _confined(data, edited.dump(), first, last) and edited.fields["title"].endswith("2")
        except EditError:
            result["title"] = False
    list_key = next((k for k, v in fields.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)), None)
    if list_key:
        edited = Document.parse(data)
        value = list(fields[list_key])
        new_value = value[1:] + ["nieuwe-waarde"]
        first = min(doc.duplicate_keys().get(list_key, [doc.field_line(list_key)])) - 1
        try:
            edited.set_field(list_key, new_value)
            result["list"] = _confined(data, edited.dump(), first, _entry_last(doc, list_key)) and list(
                edited.fields[list_key]) == new_value
        except EditError:
            result["list"] = False
    if doc.section_names:
        name = doc.section_names[0]
        edited = Document.parse(data)
        first = doc.section_line(name) - 1
        text = doc.section(name)
        new_text = "Een nieuwe eerste alinea.\n\n" + text
        edited.set_section(name, new_text)
        last = first + text.count("\n")
        result["section"] = _confined(data, edited.dump(), first, last) and edited.section(name).startswith("Een")
    return result


def _entry_last(doc: Document, key: str) -> int:
    entries = doc._fm.occurrences(key) if doc._fm else []  # noqa: SLF001 - measuring the model itself
    return entries[-1].last if entries else 0


def run(folder: Path) -> None:
    """Print the fidelity figures for one folder."""
    files = sorted(folder.rglob("*.md"))
    counts = {"parsed": 0, "identity": 0, "title": 0, "list": 0, "section": 0}
    applicable = {"title": 0, "list": 0, "section": 0}
    failures: list[str] = []
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        result = check_file(data)
        for key in counts:
            if result[key]:
                counts[key] += 1
        for key in applicable:
            if result[key] is not None:
                applicable[key] += 1
                if result[key] is False:
                    failures.append(f"{key}: {path}")
        if result["parsed"] and not result["identity"]:
            failures.append(f"identity: {path}")
    checks = time.perf_counter() - start
    read = time_each(files, Path.read_bytes)
    parse = time_each(files, lambda path: Document.parse(path.read_bytes()).dump())
    n = max(len(files), 1)
    print(f"{folder}")
    print(f"  files {len(files)}, parsed {counts['parsed']}, identical after no-op {counts['identity']}")
    for key in applicable:
        print(f"  confined {key} edits {counts[key]}/{applicable[key]}")
    print(f"  errors {len(files) - counts['parsed']}")
    print(f"  parse+dump {parse / n * 1000:.2f} ms/file (reading bytes alone {read / n * 1000:.3f} ms/file, "
          f"ratio {parse / max(read, 1e-9):.0f}x); all checks {checks / n * 1000:.1f} ms/file")
    for line in failures[:20]:
        print("  FAIL", line)


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["../shared/corpus/algoritmekader-2024", "../shared/corpus/algoritmekader-2026"]:
        run(Path(arg))
