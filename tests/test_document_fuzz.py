"""Fuzzing the document model with mutated real files: only FrontMatterError and EditError, and exact dumps.

A fixed number of cases from a seeded generator, so CI is stable and every mutation kind is drawn as often as
the others: byte flips, YAML specials, truncation, line-ending mixes, deep nesting, aliases and huge scalars,
applied to the corpus files (or the sample content when the corpus is absent). A failure names its case;
`FUZZ_CASE=<n> pytest tests/test_document_fuzz.py` replays one.
"""

from __future__ import annotations

import os
import random
import traceback
from pathlib import Path

import pytest

from redactie.document import Document, EditError, FrontMatterError
from redactie.repository import ContentRepository
from redactie.validation import check_document

from .conftest import CONTENT, CORPUS, corpus_files

CASES = 600
FILES = [p for p in corpus_files() if p.stat().st_size < 200_000] or sorted(CONTENT.rglob("*.md"))
KINDS = ["flip", "special", "truncate", "endings", "deep", "alias", "huge", "delete"]

SPECIALS = [
    b"&a ", b"*a", b"&a [*a]", b"!!python/object:os.system ", b"!tag ", b"? ", b": ", b"- ", b"[", b"]", b"{", b"}",
    b"|", b">-", b"%YAML 1.1\n", b"%TAG ! tag:x:\n", b"---\n", b"...\n", b"#", b"'", b'"', b"\\", b"\t", b"\r",
    b"\x00", b"\xef\xbb\xbf", b"\xc2\x85", b"\xe2\x80\xa8", b"\xed\xa0\x80", b"\xff", b"<<: *a\n", b"0x" + b"f" * 5000,
    b"1e400", b".nan", b"~", b"no", b"2024-13-45", b"\n  nested: [a, {b: c}]\n", b"\n- \n", b"a: &x [*x]\n",
]


def _line_starts(data: bytes, end: int) -> list[int]:
    return [i + 1 for i in range(3, end + 1) if data[i : i + 1] == b"\n"] or [0]


def mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """One mutation of `data`, mostly inside the front matter where the parser works hardest."""
    end = data.find(b"\n---", 3)
    limit = end + 4 if rng.random() < 0.75 and end > 0 else len(data)
    at = rng.randint(0, max(limit, 1))
    kind = rng.choice(KINDS)
    if kind in ("deep", "alias", "huge") and end > 0 and rng.random() < 0.75:
        at = rng.choice(_line_starts(data, end))  # at a line start these insertions are valid YAML
    if kind == "flip" and data:
        at = min(at, len(data) - 1)
        return kind, data[:at] + bytes([rng.randint(0, 255)]) + data[at + 1 :]
    if kind == "special":
        return kind, data[:at] + rng.choice(SPECIALS) + data[at:]
    if kind == "truncate":
        return kind, data[:at]
    if kind == "endings":
        ending = rng.choice([b"\r\n", b"\r", b"\n\n", b"\n\r"])
        return kind, data[:at] + data[at:].replace(b"\n", ending, rng.randint(1, 5))
    if kind == "deep":
        depth = rng.choice([10, 63, 64, 65, 500, 5000])
        opener, closer = rng.choice([(b"[", b"]"), (b"{a: ", b"}"), (b"- ", b"")])
        if opener == b"- ":
            return kind, data[:at] + b"x:\n" + b"".join(b"  " * i + b"-\n" for i in range(min(depth, 200))) + data[at:]
        return kind, data[:at] + b"x: " + opener * depth + closer * depth + b"\n" + data[at:]
    if kind == "alias":
        width, levels = rng.randint(1, 12), rng.randint(1, 9)
        lines = [b"l0: &l0 [" + b",".join([b"x"] * width) + b"]"]
        for n in range(1, levels):
            lines.append(b"l%d: &l%d [" % (n, n) + b",".join([b"*l%d" % (n - 1)] * width) + b"]")
        return kind, data[:at] + b"\n".join(lines) + b"\n" + data[at:]
    if kind == "huge":
        size = rng.choice([70_000, 1_100_000, 2_200_000])
        return kind, data[:at] + b"y: " + b"a" * size + b"\n" + data[at:]
    cut = rng.randint(1, 40)
    return "delete", data[:at] + data[at + cut :]


def _edit(rng: random.Random, doc: Document, edit: str) -> None:
    fields = dict(doc.fields)
    if edit == "title":
        doc.set_field("title", rng.choice(["Nieuw: titel # x", "no", "", "a\nb", "x" * 2000, "\ud800"]))
    elif edit == "list":
        key = next((k for k, v in fields.items() if isinstance(v, list)), "rollen")
        doc.set_field(key, rng.sample(["a", "no", "", "- x", "1.0", "ë"], rng.randint(0, 3)))
    elif edit == "new":
        doc.set_field("nieuw", rng.choice([1e-07, 3, True, None, {"ADR": ["x"]}, ["a"], "t", 2 ** 70]))
    elif edit == "remove" and fields:
        doc.remove_field(rng.choice(sorted(fields)))
    elif edit == "section" and doc.section_names:
        name = rng.choice(doc.section_names)
        doc.set_section(name, rng.choice(["Tekst.\n", "", "## Kop\n", "a\r\nb", "```\n## x\n", "x\ud800"]))
    elif edit == "nested":
        doc.set_field("sources", {"ADR": ["SV.1", "SV.2"], "ARK": "1.07"})


def run_case(case: int, repo: ContentRepository | None = None) -> str | None:
    """Run one case (validating it against `repo` too); a description of what went wrong, or None."""
    rng = random.Random(case)
    path = rng.choice(FILES)
    data = path.read_bytes()
    kinds = []
    for _ in range(rng.randint(1, 3)):
        kind, data = mutate(rng, data)
        kinds.append(kind)
    where = f"case {case} ({path.name}, {'+'.join(kinds)})"
    try:
        if repo is not None:
            check_document(repo, "docs/voldoen-aan-wetten-en-regels/vereisten/aia-99-fuzz.md", data)
        try:
            doc = Document.parse(data)
        except FrontMatterError as exc:
            if exc.line < 1 or exc.column < 1 or not exc.message or not exc.message_nl:
                return f"{where}: a FrontMatterError without a position or message: {exc}"
            return None
        if doc.dump() != data:
            return f"{where}: the no-op dump differs from the input"
        str(dict(doc.fields))
        doc.duplicate_keys()
        doc.empty_list_items()
        for name in doc.section_names:
            doc.section(name)
        for edit in rng.sample(["title", "list", "new", "remove", "section", "nested"], rng.randint(0, 3)):
            before = doc.dump()
            try:
                _edit(rng, doc, edit)
            except EditError:
                if doc.dump() != before:
                    return f"{where}: a refused {edit} edit changed the document"
                continue
            Document.parse(doc.dump())
    except Exception as exc:  # noqa: BLE001 - any other exception is what this test looks for
        return f"{where}: {type(exc).__name__}: {exc!s:.200}\n{traceback.format_exc(limit=-3)}"
    return None


@pytest.mark.skipif(not FILES, reason="no Markdown files to mutate")
def test_mutated_files_parse_dump_and_edit_safely() -> None:
    cases = [int(os.environ["FUZZ_CASE"])] if "FUZZ_CASE" in os.environ else range(CASES)
    root = CORPUS / "algoritmekader-2026"
    repo = ContentRepository(root if root.is_dir() else CONTENT)
    failures = [failure for case in cases if (failure := run_case(case, repo)) is not None]
    assert not failures, f"{len(failures)} of {len(cases)} cases failed; first:\n" + "\n".join(failures[:3])


def test_every_mutation_kind_is_drawn() -> None:
    drawn = {mutate(random.Random(case), Path(__file__).read_bytes())[0] for case in range(200)}
    assert drawn == set(KINDS)
