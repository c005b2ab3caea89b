"""New documents from a type's template: file name and id proposed by the schema's rules, checked unique."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .document import Document, FrontMatterError
from .fileio import atomic_write
from .repository import ContentRepository
from .schema import DocType

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
            value = Document.parse((repo.root / ref.path).read_bytes()).fields.get(key)
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
    slug = slugify(title, doc_type.slug_separator)
    name = doc_type.file_name.replace("{code}", code).replace("{slug}", slug or "nieuw")
    folder = folder_of(doc_type)
    path = f"{folder}/{name}" if folder else name
    if (repo.root / path).exists():
        problems.append((f"Er bestaat al een bestand {path}.", f"A file {path} already exists."))
    elif not doc_type.matches(path):
        problems.append((f"{path} zou niet als {doc_type.label.nl.lower()} worden herkend.",
                         f"{path} would not be recognised as a {doc_type.label.en.lower()}."))
    new_id = doc_type.id_format.replace("{code}", code) if doc_type.id_format else None
    if new_id:
        id_field = next((f for f in repo.schema.fields_of(doc_type) if f.kind == "identifier"), None)
        if id_field is not None:
            pattern = id_field.compiled
            if pattern is not None and code and not pattern.search(new_id):
                problems.append((f"{new_id} past niet in het patroon {id_field.pattern}.",
                                 f"{new_id} does not match the pattern {id_field.pattern}."))
            used = used_ids if used_ids is not None else ids_in_use(repo, id_field.key)
            if new_id in used:
                problems.append((f"Het id {new_id} wordt al gebruikt.", f"The id {new_id} is already in use."))
    return Proposal(path, new_id, problems)


def id_key(repo: ContentRepository, doc_type: DocType) -> str | None:
    """The front-matter key of the type's identifier field, if it has one."""
    return next((f.key for f in repo.schema.fields_of(doc_type) if f.kind == "identifier"), None)


def render(repo: ContentRepository, doc_type: DocType, proposal: Proposal, title: str, code: str = "") -> bytes:
    """The new document's bytes: the template with title, id and code filled in, values quoted as YAML needs."""
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
    return doc.dump()


def create(repo: ContentRepository, doc_type: DocType, title: str, code: str = "",
           used_ids: set[str] | None = None) -> str:
    """Write a new document (never over an existing file); returns its path. ValueError when not possible."""
    proposal = propose(repo, doc_type, title, code, used_ids)
    if not proposal.ok:
        raise ValueError(proposal.problems[0][1])
    data = render(repo, doc_type, proposal, title, code)
    target = repo.root / proposal.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise ValueError(f"A file {proposal.path} already exists.")
    atomic_write(target, data)
    repo.refresh()
    return proposal.path
