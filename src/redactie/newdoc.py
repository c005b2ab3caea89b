"""New documents from a type's template: file name and id proposed by the schema's rules, checked unique."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document, FrontMatterError
from .fileio import FileRefused, atomic_write, read_document, safe_target
from .repository import ContentRepository
from .schema import DocType, FieldDef
from .schema.example import example_for

_PLACEHOLDER = re.compile(r"\{(title|toelichting|id|code|slug|file_stem)\}")


@dataclass
class Proposal:
    """What creating a document would do, and why it cannot yet (problems in Dutch and English)."""

    path: str
    id: str | None
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the document can be created."""
        return not self.problems


def slugify(title: str, separator: str = "-", limit: int = 80) -> str:
    """A file-name slug from a title: ASCII, lower case, words joined by `separator`."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}{separator}{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug


MAX_CODE = 64
MAX_NAME = 120  # bytes of a file name: room under the 255 of most file systems and Windows' 260-character paths
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_BAD_CHARACTERS = re.compile(r'[<>:"\\|?*\x00-\x1f]')


def name_problems(path: str) -> list[tuple[str, str]]:
    """Why a repository path cannot be used on every system (Windows, macOS, Linux), in Dutch and English."""
    problems: list[tuple[str, str]] = []
    for part in path.split("/"):
        if not part or part in (".", ".."):
            problems.append((f"{path} bevat een lege of ongeldige mapnaam.", f"{path} has an empty or invalid "
                             "folder name."))
        elif _RESERVED.match(part):
            problems.append((f"'{part}' is een naam die Windows niet toestaat; kies een andere titel of code.",
                             f"'{part}' is a name Windows does not allow; choose another title or code."))
        elif part[-1] in ". ":
            problems.append((f"'{part}' eindigt met een punt of spatie; Windows staat dat niet toe.",
                             f"'{part}' ends in a full stop or space; Windows does not allow that."))
        elif _BAD_CHARACTERS.search(part):
            problems.append((f"'{part}' bevat een teken dat Windows of macOS niet toestaat (< > : \" \\ | ? *).",
                             f"'{part}' contains a character Windows or macOS does not allow (< > : \" \\ | ? *)."))
        elif part.encode("utf-8", "replace").decode("utf-8") != part:
            problems.append((f"'{part}' bevat een teken dat geen tekst is.", f"'{part}' contains a character that "
                             "is not text."))
        elif len(part.encode("utf-8")) > 255:
            problems.append((f"De naam {part[:40]}… is te lang.", f"The name {part[:40]}… is too long."))
    return problems


def existing_name(root: Path, relpath: str) -> str | None:
    """An existing path that is `relpath` on a file system that ignores case (Windows, macOS), or None."""
    current, found = root, []
    for part in relpath.split("/"):
        try:
            names = os.listdir(current)
        except OSError:
            return None
        match = part if part in names else next((n for n in names if n.casefold() == part.casefold()), None)
        if match is None:
            return None
        found.append(match)
        current = current / match
    return "/".join(found)


def needs_code(doc_type: DocType) -> bool:
    """True when the type's file name or id is formed with a code."""
    return "{code}" in doc_type.file_name or "{code}" in (doc_type.id_format or "")


def folder_of(doc_type: DocType) -> str:
    """The folder new documents of a type go into: the first files pattern up to its first wildcard."""
    pattern = doc_type.files[0] if doc_type.files else ""
    head = re.split(r"[*?\[]", pattern, maxsplit=1)[0]
    return head.rsplit("/", 1)[0] if "/" in head else ""


def ids_in_use(repo: ContentRepository, key: str) -> set[str]:
    """Every value of an id field across the repository (reads every document: run it off the GUI thread)."""
    used = set()
    for ref in repo.documents:
        try:
            value = Document.parse(read_document(repo.root / ref.path)).fields.get(key)
        except (OSError, FrontMatterError):
            continue
        if isinstance(value, str):
            used.add(value)
    return used


def propose(repo: ContentRepository, doc_type: DocType, title: str, code: str = "",
            used_ids: set[str] | None = None) -> Proposal:
    """The file name and id a new document would get, with any problem that stops it."""
    problems: list[tuple[str, str]] = []
    title, code = title.strip(), code.strip().lower()
    if not title:
        problems.append(("Vul een titel in.", "Fill in a title."))
    if title.endswith("."):
        problems.append(("Een titel eindigt niet met een punt.", "A title does not end with a full stop."))
    if needs_code(doc_type) and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code):
        problems.append(("Vul een code in van kleine letters, cijfers en streepjes (bijvoorbeeld aia-18).",
                         "Fill in a code of lower-case letters, digits and dashes (for example aia-18)."))
    if len(code) > MAX_CODE:
        problems.append((f"De code is te lang ({len(code)} tekens); het maximum is {MAX_CODE}.",
                         f"The code is too long ({len(code)} characters); the limit is {MAX_CODE}."))
        code = code[:MAX_CODE]
    template = doc_type.file_name.replace("{code}", code)
    room = MAX_NAME - len(template.replace("{slug}", "").encode("utf-8", "replace"))
    slug = slugify(title, doc_type.slug_separator, max(1, min(80, room)))
    name = template.replace("{slug}", slug or "nieuw")
    folder = folder_of(doc_type)
    path = f"{folder}/{name}" if folder else name
    naming = name_problems(path)
    if not naming:
        try:
            safe_target(repo.root, path)
        except FileRefused as exc:
            naming = [(exc.message_nl, exc.message_en)]
    problems += naming
    clash = None if naming else existing_name(repo.root, path)
    if naming:
        pass  # the name itself is unusable: said above
    elif clash is not None:
        problems.append((f"Er bestaat al een bestand {clash}" + (" (alleen hoofd- en kleine letters verschillen; "
                         "Windows en macOS zien dat als dezelfde naam)." if clash != path else "."),
                         f"A file {clash} already exists" + (" (only upper and lower case differ; Windows and "
                         "macOS see that as the same name)." if clash != path else ".")))
    elif not doc_type.matches(path):
        problems.append((f"{path} zou niet als {doc_type.label.nl.lower()} worden herkend.",
                         f"{path} would not be recognised as a {doc_type.label.en.lower()}."))
    new_id = doc_type.id_format.replace("{code}", code) if doc_type.id_format else None
    if new_id:
        id_field = next((f for f in repo.schema.fields_of(doc_type) if f.kind == "identifier"), None)
        if id_field is not None:
            pattern = id_field.compiled
            if pattern is not None and code and not pattern.search(new_id):
                example = example_for(id_field.pattern)  # an editor cannot read the pattern itself
                problems.append((f"{new_id} heeft niet de vaste vorm van een code" + (
                    f", zoals {example}." if example else "."), f"{new_id} does not have the required form of a code"
                    + (f", such as {example}." if example else ".")))
            used = used_ids if used_ids is not None else ids_in_use(repo, id_field.key)
            if new_id in used:
                problems.append((f"Het id {new_id} wordt al gebruikt.", f"The id {new_id} is already in use."))
    return Proposal(path, new_id, problems)


def id_key(repo: ContentRepository, doc_type: DocType) -> str | None:
    """The front-matter key of the type's identifier field, if it has one."""
    return next((f.key for f in repo.schema.fields_of(doc_type) if f.kind == "identifier"), None)


# Findings about a value the template put in a field (not about an empty or missing one).
TEMPLATE_VALUE_CODES = ("vocabulary", "expression-name", "yaml-boolean", "relation-missing", "too-many-values",
                        "wrong-shape")


@dataclass
class NewDocument:
    """A created document, and per field the template values this repository does not accept (left out)."""

    path: str
    left_out: list[tuple[FieldDef, list[str]]] = field(default_factory=list)

    def message(self, language: str = "nl") -> str:
        """Which template values were left out and that those fields may need a choice, in `language`."""
        if not self.left_out:
            return ""
        parts = "; ".join(f"{definition.label.get(language)}: {', '.join(values)}"
                          for definition, values in self.left_out)
        if language == "en":
            return (f"Left out of the template because this repository does not know them: {parts}. "
                    "Choose a value there if one applies.")
        return f"Uit het sjabloon weggelaten omdat deze repository ze niet kent: {parts}. Kies daar zo nodig " \
               "een waarde."


def _valid_items(repo: ContentRepository, definition: FieldDef, value: object) -> list[object]:
    """The items of a template value that this repository's schema accepts."""
    items = value if isinstance(value, list) else [value]
    if definition.kind == "relation" and definition.target:
        known = repo.stems(definition.target)
        return [v for v in items if isinstance(v, str) and v.strip() in known]
    if definition.vocabulary:
        allowed = repo.vocabulary(definition.vocabulary).values
        kept = [v for v in items if isinstance(v, str) and v.strip() in allowed]
        return kept[:1] if definition.kind == "choice" else kept
    return []


def fit_template_values(repo: ContentRepository, doc_type: DocType, path: str,
                        doc: Document) -> list[tuple[FieldDef, list[str]]]:
    """Leave out every template value this repository's schema does not accept, so that a new document starts
    without an error its editor did not make; returns per field the values left out (it may need a choice)."""
    from .validation.rules import check_parsed

    wrong = {f.field for f in check_parsed(repo, path, doc) if f.code in TEMPLATE_VALUE_CODES}
    changed = []
    for definition in repo.schema.fields_of(doc_type):
        if definition.key not in wrong or definition.key not in doc.fields:
            continue
        value = doc.fields[definition.key]
        kept = _valid_items(repo, definition, value)
        if isinstance(value, list) and kept == value:
            continue
        doc.set_field(definition.key, (kept if isinstance(value, list) or definition.kind == "multichoice"
                                       else kept[0]) if kept else None)
        items = value if isinstance(value, list) else [value]
        changed.append((definition, [str(v) for v in items if v not in kept]))
    return changed


def render(repo: ContentRepository, doc_type: DocType, proposal: Proposal, title: str, code: str = "") -> bytes:
    """The new document's bytes: the template with title, id and code filled in, values quoted as YAML needs."""
    return _render(repo, doc_type, proposal, title, code)[0]


def _render(repo: ContentRepository, doc_type: DocType, proposal: Proposal, title: str,
            code: str = "") -> tuple[bytes, list[tuple[FieldDef, list[str]]]]:
    stem = proposal.path.rsplit("/", 1)[-1].removesuffix(".md")
    values = {"title": "__REDACTIE_TITLE__", "id": "__REDACTIE_ID__", "toelichting": "", "code": code.strip().lower(),
              "slug": slugify(title, doc_type.slug_separator), "file_stem": stem}
    template = doc_type.template or "---\ntitle: {title}\n---\n"
    text = re.sub(r"[ \t]+$", "", _PLACEHOLDER.sub(lambda m: values[m.group(1)], template), flags=re.MULTILINE)
    doc = Document.parse(text.encode("utf-8"))
    keys = {"title": title.strip()}
    id_field = next((f for f in repo.schema.fields_of(doc_type) if f.kind == "identifier"), None)
    if proposal.id and id_field is not None:
        keys[id_field.key] = proposal.id
    for key, value in keys.items():
        if key in doc.fields:
            doc.set_field(key, value)
    for definition in repo.schema.fields_of(doc_type):
        if definition.default is not None and definition.key in doc.fields and doc.fields[definition.key] is None:
            doc.set_field(definition.key, definition.default)
    left_out = fit_template_values(repo, doc_type, proposal.path, doc)
    return doc.dump(), left_out


def create(repo: ContentRepository, doc_type: DocType, title: str, code: str = "",
           used_ids: set[str] | None = None) -> str:
    """Write a new document (never over an existing file); returns its path. ValueError when not possible."""
    return create_document(repo, doc_type, title, code, used_ids).path


def create_document(repo: ContentRepository, doc_type: DocType, title: str, code: str = "",
                    used_ids: set[str] | None = None) -> NewDocument:
    """Write a new document (never over an existing file), saying which template values were left out."""
    proposal = propose(repo, doc_type, title, code, used_ids)
    if not proposal.ok:
        raise ValueError(proposal.problems[0][1])
    data, left_out = _render(repo, doc_type, proposal, title, code)
    try:
        target = safe_target(repo.root, proposal.path)
        _make_folders(repo.root, proposal.path)
        target = safe_target(repo.root, proposal.path)  # again: nothing may have swapped in a link meanwhile
    except FileRefused as exc:
        raise ValueError(exc.message_en) from exc
    if target.exists() or target.is_symlink():
        raise ValueError(f"A file {proposal.path} already exists.")
    atomic_write(target, data)
    repo.refresh()
    return NewDocument(proposal.path, left_out)


def _make_folders(root: Path, relpath: str) -> None:
    """Create the folders of `relpath` one by one, each checked to be a real folder inside `root`."""
    parts = relpath.split("/")[:-1]
    for count in range(1, len(parts) + 1):
        folder = safe_target(root, "/".join(parts[:count]), folder=True)
        folder.mkdir(exist_ok=True)
