"""Reading the repository's files for a plan, and line-confined edits of a document's body."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..document import Document, EditError, FrontMatterError
from ..schema import Text
from .plan import FileChange, Plan, line_changes


@dataclass
class Loaded:
    """A file's bytes and, when readable, its document."""

    path: str
    data: bytes
    doc: Document | None
    problem: Text | None = None


def load(root: Path, relpath: str) -> Loaded:
    """Read and parse one file; an unreadable file is reported, never raised."""
    try:
        data = (root / relpath).read_bytes()
    except OSError as exc:
        return Loaded(relpath, b"", None, Text(f"{relpath}: kan niet worden gelezen ({exc.strerror})",
                                               f"{relpath}: cannot be read ({exc.strerror})"))
    return parsed(relpath, data)


def parsed(relpath: str, data: bytes) -> Loaded:
    """Parse a file's bytes; unreadable front matter is reported, never raised."""
    try:
        return Loaded(relpath, data, Document.parse(data))
    except FrontMatterError as exc:
        return Loaded(relpath, data, None, Text(f"{relpath}: overgeslagen, de metadata is onleesbaar ({exc})",
                                               f"{relpath}: skipped, its front matter is unreadable ({exc})"))


def body_start(doc: Document) -> int:
    """0-based index of the first body line."""
    lines = doc.text.splitlines(keepends=True)
    return len(lines) - len(doc.body.splitlines(keepends=True))


def where_map(doc: Document) -> dict[int, str]:
    """For every 1-based line: the field key or section name it belongs to ("" outside both)."""
    marks = sorted([(doc.field_line(k) or 0, k) for k in doc.fields]
                   + [(doc.section_line(n) or 0, n) for n in doc.section_names])
    first_body = body_start(doc) + 1
    result: dict[int, str] = {}
    current = ""
    for number in range(1, len(doc.text.splitlines()) + 1):
        if number == first_body:
            current = ""
        for line, name in marks:
            if line == number:
                current = name
        result[number] = current
    return result


def edit_body(doc: Document, change: Callable[[int, str], str]) -> Document | None:
    """Apply `change(line_number, text)` to every body line (endings kept); None when nothing changed.

    The edit is line-confined by construction; it is checked by reading the result back: the front matter
    and the list of sections must be exactly as before, otherwise EditError.
    """
    lines = doc.text.splitlines(keepends=True)
    start = body_start(doc)
    changed = False
    for index in range(start, len(lines)):
        line = lines[index]
        text = line.rstrip("\r\n")
        new = change(index + 1, text)
        if new != text:
            lines[index] = new + line[len(text):]
            changed = True
    if not changed:
        return None
    bom = b"\xef\xbb\xbf" if doc.dump().startswith(b"\xef\xbb\xbf") else b""
    candidate = Document.parse(bom + "".join(lines).encode("utf-8"))
    if repr(dict(candidate.fields)) != repr(dict(doc.fields)) or candidate.section_names != doc.section_names:
        raise EditError("the body edit would change the document's structure")
    return candidate


def file_change(loaded: Loaded, doc: Document) -> FileChange | None:
    """The FileChange from a loaded file to its edited document, or None when the bytes are equal."""
    after = doc.dump()
    if after == loaded.data:
        return None
    assert loaded.doc is not None
    before_doc = loaded.doc if loaded.doc.dump() == loaded.data else Document.parse(loaded.data)
    return FileChange(loaded.path, loaded.data, after,
                      line_changes(before_doc.text, doc.text, where_map(before_doc)))


def plan_each(root: Path, plan: Plan, paths: Iterable[str], edit: Callable[[str, Document], Document]) -> None:
    """For every path: read it, `edit(path, document)`, and add the change to the plan; an unreadable file or
    an edit that cannot be made line-confined (EditError) becomes a note and the file is left out."""
    for path in paths:
        loaded = load(root, path)
        if loaded.doc is None:
            if loaded.problem is not None:
                plan.notes.append(loaded.problem)
            continue
        try:
            doc = edit(path, loaded.doc)
        except EditError as exc:
            plan.notes.append(Text(f"{path}: overgeslagen ({exc})", f"{path}: skipped ({exc})"))
            continue
        change = file_change(loaded, doc)
        if change is not None:
            plan.files.append(change)
