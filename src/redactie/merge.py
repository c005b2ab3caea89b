"""Three-way merge of documents per front-matter key and body section, byte for byte (Qt-free).

A document is cut into parts: the opening fence, one part per top-level front-matter entry (with the
comment and blank lines just above it), the closing fence (with lines after the last entry), the text
before the first heading, and one part per heading of level 1 or 2 up to the next one. Each part is
merged on its own: taken from the side that changed it, once when both changed it alike, and a conflict
for that part alone when they changed it differently. Anything that does not cut cleanly (not UTF-8,
unreadable front matter, parts moved around on both sides) is left to git.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .document import DocumentEncodingError, FrontMatterError
from .document.body import scan_headings
from .document.frontmatter import CLOSE_RE, OPEN_RE, FrontMatter
from .document.model import same
from .document.text import content, decode, split_lines

OURS, THEIRS, BASE = "ours", "theirs", "base"
FIELD, SECTION, TEXT = "field", "section", "text"

_HEAD, _CLOSE, _INTRO = "@head", "@close", "@intro"

FALLBACK_REASONS = {
    "not-a-document": ("a version is not a readable document (not UTF-8 or front matter that does not parse)",
                       "een van de versies is geen leesbaar document (geen UTF-8 of onleesbare metadata)"),
    "order": ("both sides moved fields or sections around", "beide kanten hebben velden of secties verplaatst"),
    "unstable": ("the merged parts would not read back as the same parts",
                 "de samengevoegde delen zouden niet als dezelfde delen teruggelezen worden"),
}


@dataclass(frozen=True)
class Part:
    """One piece of a document: its id (`field:status`, `section:Risico`, `@head`, ...) and its text."""

    id: str
    text: str


@dataclass(frozen=True)
class Conflict:
    """A part changed differently on both sides: its kind, name, and the text on each side (None: absent)."""

    id: str
    kind: str  # FIELD, SECTION or TEXT
    name: str
    base: str | None
    ours: str | None
    theirs: str | None


@dataclass
class MergeResult:
    """The merged bytes (None when a part conflicts or git's result must be used) and the conflicting parts.

    `conflicts` names each conflicting part: a field key or a section name; text outside both (before the
    first section, under a level-1 heading, the fences) by its part id (`@intro`, `title:<heading>`, ...).
    """

    data: bytes | None
    conflicts: list[str] = field(default_factory=list)
    parts: list[Conflict] = field(default_factory=list)
    reason: str = ""  # a FALLBACK_REASONS key when the files could not be merged as documents
    _plan: list[tuple[str, dict[str, str | None]]] = field(default_factory=list, repr=False)
    _bom: bool = False

    @property
    def is_document_merge(self) -> bool:
        """True when the merge worked per part (with or without conflicts); False: use git's result."""
        return not self.reason

    def resolve(self, choices: Mapping[str, str]) -> bytes:
        """The merged bytes with every conflicting part taken from the chosen side (OURS, THEIRS or BASE).

        Keys of `choices` are Conflict ids; KeyError when a conflict has no choice.
        """
        if self.reason:
            raise ValueError(self.reason)
        out: list[str] = []
        for part_id, sides in self._plan:
            pick = sides.get("merged", None) if "merged" in sides else sides[choices[part_id]]
            if pick is not None:
                out.append(pick)
        text = "".join(out)
        return (b"\xef\xbb\xbf" if self._bom else b"") + text.encode("utf-8")


@dataclass
class _Cut:
    """A document cut into parts, with its front-matter values (key: value of the last occurrence)."""

    bom: bool
    fences: list[Part]
    fields: list[Part]
    body: list[Part]
    values: dict[str, Any]


@lru_cache(maxsize=64)
def split_parts(data: bytes) -> _Cut | None:
    """The document cut into its parts, or None when it is not readable (not UTF-8, bad front matter).

    Cached: a sync or a dialog asks for the same versions more than once. The result is read-only.
    """
    try:
        bom, text = decode(data)
    except DocumentEncodingError:
        return None
    lines = split_lines(text)
    fences: list[Part] = []
    fields: list[Part] = []
    values: dict[str, Any] = {}
    body_start = 0
    if lines and OPEN_RE.fullmatch(content(lines[0])):
        close = next((i for i in range(1, len(lines)) if CLOSE_RE.fullmatch(content(lines[i]))), None)
        if close is None:
            return None
        try:
            front = FrontMatter(lines, close)
        except (FrontMatterError, ValueError, RecursionError):  # hostile nesting is not a document to merge
            return None
        values = front.values
        fences.append(Part(_HEAD, lines[0]))
        start = 1
        seen: dict[str, int] = {}
        for entry in front.entries:
            seen[entry.key] = seen.get(entry.key, 0) + 1
            suffix = f"\x00{seen[entry.key]}" if seen[entry.key] > 1 else ""
            fields.append(Part(f"field:{entry.key}{suffix}", "".join(lines[start:entry.last + 1])))
            start = entry.last + 1
        fences.append(Part(_CLOSE, "".join(lines[start:close + 1])))
        body_start = close + 1
    body: list[Part] = []
    cuts = [h for h in scan_headings(lines, body_start) if h.level <= 2]
    first = cuts[0].line if cuts else len(lines)
    if first > body_start:
        body.append(Part(_INTRO, "".join(lines[body_start:first])))
    seen = {}
    for index, heading in enumerate(cuts):
        stop = cuts[index + 1].line if index + 1 < len(cuts) else len(lines)
        kind = "section" if heading.level == 2 else "title"
        seen[f"{kind}:{heading.name}"] = seen.get(f"{kind}:{heading.name}", 0) + 1
        count = seen[f"{kind}:{heading.name}"]
        body.append(Part(f"{kind}:{heading.name}" + (f"\x00{count}" if count > 1 else ""),
                         "".join(lines[heading.line:stop])))
    return _Cut(bom, fences, fields, body, values)


def _describe(part_id: str) -> tuple[str, str]:
    """(kind, name) of a part id for the conflict list."""
    if part_id.startswith("field:"):
        return FIELD, part_id[len("field:"):].split("\x00")[0]
    if part_id.startswith("section:"):
        return SECTION, part_id[len("section:"):].split("\x00")[0]
    return TEXT, part_id


def _order(base: list[str], ours: list[str], theirs: list[str], present: set[str]) -> list[str] | None:
    """The merged order of part ids, or None when both sides reordered the parts they share with the base."""
    base_set, ours_set, theirs_set = set(base), set(ours), set(theirs)

    def moved(side: list[str], side_set: set[str]) -> bool:
        return [i for i in side if i in base_set] != [i for i in base if i in side_set]

    ours_moved, theirs_moved = moved(ours, ours_set), moved(theirs, theirs_set)
    if ours_moved and theirs_moved and [i for i in ours if i in theirs_set] != [i for i in theirs if i in ours_set]:
        return None
    primary, other = (theirs, ours) if theirs_moved and not ours_moved else (ours, theirs)
    result = [i for i in primary if i in present]
    placed = set(result)
    known = base_set | set(other)
    for position, part_id in enumerate(other):
        if part_id in present and part_id not in placed:
            before = next((other[k] for k in range(position - 1, -1, -1) if other[k] in placed), None)
            at = result.index(before) + 1 if before is not None else 0
            while at < len(result) and result[at] not in known:  # the primary side's own additions come first
                at += 1
            result.insert(at, part_id)
            placed.add(part_id)
    return result


def _merge_region(base: list[Part], ours: list[Part], theirs: list[Part]
                  ) -> tuple[list[tuple[str, dict[str, str | None]]], list[str]] | None:
    """Per part: either {'merged': text or None} or the three sides; and the conflicting ids."""
    b = {p.id: p.text for p in base}
    o = {p.id: p.text for p in ours}
    t = {p.id: p.text for p in theirs}
    decided: dict[str, dict[str, str | None]] = {}
    conflicts: list[str] = []
    present: set[str] = set()
    for part_id in [*o, *(i for i in t if i not in o), *(i for i in b if i not in o and i not in t)]:
        bv, ov, tv = b.get(part_id), o.get(part_id), t.get(part_id)
        if ov == tv or tv == bv:
            decided[part_id] = {"merged": ov}
        elif ov == bv:
            decided[part_id] = {"merged": tv}
        else:
            decided[part_id] = {BASE: bv, OURS: ov, THEIRS: tv}
            conflicts.append(part_id)
        if ov is not None or tv is not None:
            present.add(part_id)
    order = _order([p.id for p in base], [p.id for p in ours], [p.id for p in theirs], present)
    if order is None:
        return None
    return [(part_id, decided[part_id]) for part_id in order], conflicts


def _fallback(reason: str) -> MergeResult:
    return MergeResult(None, reason=reason)


def merge_documents(base: bytes, ours: bytes, theirs: bytes) -> MergeResult:
    """Merge two changed versions of a document per front-matter key and body section."""
    cuts = [split_parts(data) for data in (base, ours, theirs)]
    if any(cut is None for cut in cuts):
        return _fallback("not-a-document")
    b, o, t = cuts  # type: ignore[misc]
    assert b is not None and o is not None and t is not None
    bom = t.bom if o.bom == b.bom else o.bom
    plan: list[tuple[str, dict[str, str | None]]] = []
    conflict_ids: list[str] = []

    def fence(cut: _Cut, part_id: str) -> list[Part]:
        return [p for p in cut.fences if p.id == part_id]

    # The fences frame the fields: the opening fence, the fields, then the closing fence.
    regions = [
        (fence(b, _HEAD), fence(o, _HEAD), fence(t, _HEAD)),
        (b.fields, o.fields, t.fields),
        (fence(b, _CLOSE), fence(o, _CLOSE), fence(t, _CLOSE)),
        (b.body, o.body, t.body),
    ]
    for region in regions:
        merged = _merge_region(*region)
        if merged is None:
            return _fallback("order")
        plan += merged[0]
        conflict_ids += merged[1]
    sides = {BASE: b, OURS: o, THEIRS: t}
    texts = {side: {p.id: p.text for p in [*cut.fences, *cut.fields, *cut.body]} for side, cut in sides.items()}
    result = MergeResult(None, _plan=plan, _bom=bom)
    for part_id in conflict_ids:
        kind, name = _describe(part_id)
        result.parts.append(Conflict(part_id, kind, name, texts[BASE].get(part_id), texts[OURS].get(part_id),
                                     texts[THEIRS].get(part_id)))
        result.conflicts.append(name)
    # Check that every way of resolving reads back as the same parts (a part that lost its final newline,
    # or an unclosed code fence, would swallow its neighbours); checking ours and theirs covers each text.
    for side in ([OURS, THEIRS] if conflict_ids else [OURS]):
        choices = {part_id: side for part_id in conflict_ids}
        if not _stable(result.resolve(choices), plan, choices, sides):
            return _fallback("unstable")
    if not conflict_ids:
        result.data = result.resolve({})
    return result


def _stable(data: bytes, plan: list[tuple[str, dict[str, str | None]]], choices: Mapping[str, str],
            sides: Mapping[str, _Cut]) -> bool:
    """True when `data` cuts into exactly the planned parts and each field reads as on its side."""
    cut = split_parts(data)
    if cut is None:
        return False
    got = [(p.id, p.text) for p in [*cut.fences[:1], *cut.fields, *cut.fences[1:], *cut.body]]
    wanted: list[tuple[str, str]] = []
    for part_id, options in plan:
        text = options["merged"] if "merged" in options else options[choices[part_id]]
        if text is not None:
            wanted.append((part_id, text))
    if got != wanted:
        return False
    # The text of each entry is kept; its value must read the same too (anchors and aliases cross entries).
    keys = [p.id[len("field:"):] for p in cut.fields]
    for part in cut.fields:
        key = part.id[len("field:"):]
        if "\x00" in key or keys.count(key) > 1 or any(k.startswith(key + "\x00") for k in keys):
            continue
        source = next((s for s in sides.values() if any(p.id == part.id and p.text == part.text for p in s.fields)),
                      None)
        if source is not None and key in source.values and not same(cut.values.get(key), source.values[key]):
            return False
    return True
def with_markers(result: MergeResult, ours_label: str = "ours", theirs_label: str = "theirs") -> bytes:
    """The merged bytes with git-style conflict markers around each conflicting part (for the merge driver)."""
    if result.reason:
        raise ValueError(result.reason)
    out: list[str] = []
    for _, sides in result._plan:  # noqa: SLF001 - the plan is this module's own
        if "merged" in sides:
            out.append(sides["merged"] or "")
            continue
        ours, theirs = sides[OURS] or "", sides[THEIRS] or ""
        eol = "\r\n" if (ours + theirs).endswith("\r\n") else "\n"
        out += [f"<<<<<<< {ours_label}{eol}", ours if not ours or ours.endswith("\n") else ours + eol,
                f"======={eol}", theirs if not theirs or theirs.endswith("\n") else theirs + eol,
                f">>>>>>> {theirs_label}{eol}"]
    return (b"\xef\xbb\xbf" if result._bom else b"") + "".join(out).encode("utf-8")  # noqa: SLF001
