"""The validation rules, per document and across the repository."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlparse

from ..document import Document, DocumentEncodingError, FrontMatterError
from ..fileio import FileRefused, read_document
from ..index import IndexEntry
from ..repository import ContentRepository, DocumentRef
from ..schema import DocType, FieldDef
from ..schema.example import example_for
from .context import RuleContext
from .findings import Finding, finding
from .ids import IdPlaces, IdTable, duplicate_ids, id_places
from .items import line_of_item
from .labels import expression_names, is_expression, yaml11_boolean
from .links import broken_links
from .yamlerrors import refine

_LINK_RE = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]*(?:\s[^)\"']*)?)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_WORD_RE = re.compile(r"\S+")
_SPACE_RE = re.compile(r"\s")
_NUMBER_PREFIX = re.compile(r"\d+-")


def _label(field: FieldDef) -> tuple[str, str]:
    return field.label.nl, field.label.en


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == [] or value == {}


def check_document(repo: ContentRepository, relpath: str, data: bytes,
                   context: RuleContext | None = None) -> tuple[list[Finding], Document | None]:
    """Findings for one document's bytes (without repository-wide rules), and the parsed document."""
    try:
        doc = Document.parse(data)
    except DocumentEncodingError as exc:
        return [finding(relpath, exc.line, "", "encoding", detail=(exc.message_nl, exc.message))], None
    except FrontMatterError as exc:
        line, _column, nl, en = refine(data, exc)
        return [finding(relpath, line, "", "front-matter", detail=(nl, en))], None
    return check_parsed(repo, relpath, doc, context), doc


def check_parsed(repo: ContentRepository, relpath: str, doc: Document,
                 context: RuleContext | None = None) -> list[Finding]:
    """Findings for a document already parsed (the editor's live checks use this)."""
    if context is None:
        context = RuleContext(repo)
    doc_type = context.type_for(relpath)
    findings: list[Finding] = []
    fm = doc._fm  # noqa: SLF001 - validation reads the model's own positions
    for line in fm.trailing_tab_lines if fm else []:
        findings.append(finding(relpath, line + 1, "", "trailing-tab", line=line + 1))
    for key, lines in doc.duplicate_keys().items():
        findings.append(finding(relpath, lines[-1], key, "duplicate-key", count=len(lines),
                                lines=", ".join(map(str, lines))))
    if doc_type is None:
        return findings
    defs, labels = context.fields(doc_type)
    for key, line in doc.empty_list_items():
        field = labels.get(key)
        findings.append(finding(relpath, line, key, "empty-item", label=_label(field) if field else key))
    for field in defs:
        findings += _check_field(context, relpath, doc, doc_type, field)
    for key in doc.fields:
        if key not in labels:
            findings.append(finding(relpath, doc.field_line(key) or 1, key, "unknown-field"))
    findings += _check_links(relpath, doc)
    findings += _check_body_links(context, relpath, doc)
    return findings


def _values(value: object) -> list[object]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _check_field(context: RuleContext, path: str, doc: Document, doc_type: DocType,
                 field: FieldDef) -> list[Finding]:
    out: list[Finding] = []
    value = doc.fields.get(field.key)
    if _is_empty(value) or (isinstance(value, list) and all(_is_empty(v) for v in value)):
        if field.required:
            out.append(finding(path, doc.field_line(field.key) or 1, field.key, "required", label=_label(field)))
        return out
    line = doc.field_line(field.key) or 1
    if field.kind in ("choice", "multichoice", "hidden") and field.vocabulary:
        out += _check_labels(context, path, doc, doc_type, field, value, line)
    elif field.kind == "relation" and field.target:
        known = context.stems(field.target)
        for position, item in enumerate(_values(value)):
            if not _is_empty(item) and str(item).strip() not in known:
                out.append(finding(path, line_of_item(doc, field.key, position), field.key, "relation-missing",
                                   value=str(item), label=_label(field)))
    elif field.kind == "identifier" and isinstance(value, str):
        value = value.strip()
        pattern = field.compiled
        if pattern is not None and not pattern.search(value):
            example = example_for(field.pattern)  # an editor cannot read the pattern itself
            out.append(finding(path, line, field.key, "id-pattern", value=value, pattern=field.pattern,
                               example=(f", zoals {example}", f", such as {example}") if example else ("", "")))
        code = doc_type.code_from_id(value)
        if doc_type.code_in_file_name and code:
            if not _starts_with_code(path.rsplit("/", 1)[-1], code):
                out.append(finding(path, line, field.key, "file-prefix", prefix=code, example=f"{code}-....md"))
    if field.kind in ("text", "multiline") and isinstance(value, str):
        if field.no_full_stop and value.rstrip().endswith("."):
            out.append(finding(path, line, field.key, "title-full-stop", value.rstrip().rstrip(".")))
        words = len(_WORD_RE.findall(value)) if field.max_words else 0
        if field.max_words and words > field.max_words:
            out.append(finding(path, line, field.key, "word-limit", label=_label(field), count=words,
                               limit=field.max_words))
    return out


def _starts_with_code(name: str, code: str) -> bool:
    r"""Upstream's own pattern `^(?:\d+-)?<code>-`, without compiling a pattern for every document's code."""
    if name.startswith(f"{code}-"):
        return True
    number = _NUMBER_PREFIX.match(name)
    return number is not None and name[number.end():].startswith(f"{code}-")


def _check_labels(context: RuleContext, path: str, doc: Document, doc_type: DocType, field: FieldDef,
                  value: object, line: int) -> list[Finding]:
    """Label values against their vocabulary, as the site's CI reads them (YAML 1.1, expressions)."""
    out: list[Finding] = []
    allowed, known = context.values(field.vocabulary or "")
    plain = context.plain_values(field.vocabulary or "")
    is_open = context.is_open(field.vocabulary or "")
    items = _values(value)
    if field.kind == "choice" and len([v for v in items if not _is_empty(v)]) > 1:
        out.append(finding(path, line, field.key, "too-many-values", label=_label(field)))
    if isinstance(value, dict) or any(isinstance(v, (list, dict)) for v in items):
        return out + [finding(path, line, field.key, "wrong-shape", label=_label(field),
                              expected=("een lijst van waarden", "a list of values"))]
    for position, item in enumerate(items):
        if item.__class__ is str and item in plain:
            continue  # the most common case of all, decided by one look-up
        if _is_empty(item):
            continue
        boolean = yaml11_boolean(item)
        text = str(item).strip()
        if boolean is None and (text in known or (is_open and is_expression(text) and all(
                name in context.expression_names(doc_type) for name in expression_names(text)))):
            continue  # the common case: no finding, so no need to locate the item
        where = line_of_item(doc, field.key, position) if isinstance(value, list) else line
        if boolean is not None:
            out.append(finding(path, where, field.key, "yaml-boolean", value=str(item).strip(), label=_label(field),
                               boolean=("waar (true)", "true") if boolean else ("onwaar (false)", "false")))
            continue
        if is_open and is_expression(text):
            names = context.expression_names(doc_type)
            for name in expression_names(text):
                if name not in names:
                    hint = context.suggest(name, context.sorted_expression_names(doc_type))
                    out.append(finding(path, where, field.key, "expression-name", hint, value=name,
                                       label=_label(field),
                                       hint=(f"; bedoelt u '{hint}'?", f"; did you mean '{hint}'?") if hint else ""))
            continue
        hint = context.suggest(text, allowed)
        out.append(finding(path, where, field.key, "vocabulary", hint, value=text, label=_label(field),
                           hint=(f"; bedoelt u '{hint}'?", f"; did you mean '{hint}'?") if hint else ""))
    return out


def _check_body_links(context: RuleContext, path: str, doc: Document) -> list[Finding]:
    return [finding(path, line, "", "broken-link", value=link)
            for line, link in broken_links(path, doc, context.file_exists, context.folder_exists)]


def _check_links(path: str, doc: Document) -> list[Finding]:
    if "Bronnen" not in doc.section_names:
        return []
    out: list[Finding] = []
    first = doc.section_line("Bronnen") or 1
    for offset, text in enumerate(doc.section("Bronnen").split("\n")):
        for match in _LINK_RE.finditer(text):
            url = match.group(1).strip()
            if not _url_ok(url):
                out.append(finding(path, first + offset, "", "bad-url", value=url))
    return out


def _url_ok(url: str) -> bool:
    if not url or _SPACE_RE.search(url):
        return False
    parsed = urlparse(url)
    if parsed.scheme in ("http", "https"):
        return bool(parsed.netloc) and "." in parsed.netloc
    if parsed.scheme == "mailto":
        return "@" in parsed.path
    if parsed.scheme:
        return False
    return True  # a relative link to another page of the site


def check_unique_ids(repo: ContentRepository, docs: Mapping[str, Document | IndexEntry]) -> list[Finding]:
    """Ids that more than one document uses, one finding per document."""
    keys = RuleContext(repo).unique_keys
    return duplicate_ids({path: id_places(keys, doc) for path, doc in docs.items()})


def unreadable_detail(exc: OSError) -> tuple[str, str]:
    """Why a document could not be read, in Dutch and English."""
    if isinstance(exc, FileRefused):
        return exc.message_nl, exc.message_en
    reason = exc.strerror or str(exc)
    return f"het bestand kan niet worden gelezen ({reason})", f"the file cannot be read ({reason})"


def validate_repository(repo: ContentRepository, paths: list[str] | None = None,
                        cancelled: Callable[[], bool] = lambda: False) -> list[Finding]:
    """All findings for the repository's documents (or only `paths`, still checking ids repository-wide).

    One pass: each file is read and parsed once, checked, and dropped; only its ids are kept for the check
    across documents. With `paths`, only those files are read; the other documents' ids come from the
    document index.
    """
    context = RuleContext(repo)
    wanted = frozenset(paths) if paths is not None else None
    # The documents to read: every one, or the wanted ones among them (looked up, in the listing's path order).
    documents = repo.documents if wanted is None else [
        DocumentRef(path, repo.type_of(path)) for path in sorted(wanted & repo.document_paths)]
    context.types.update((ref.path, ref.doc_type) for ref in documents)
    keys = context.unique_keys
    findings: list[Finding] = []
    places: dict[str, IdPlaces] = {}
    if wanted is not None:
        # The other documents' ids come from the index: checked against the disk once per process, then kept
        # current by whoever changes files (the window re-checks it after every save and git refresh). The id
        # table follows the index's changes, so this costs no pass over every document.
        if not repo.index.synced:
            repo.sync_index(cancelled)
        for path in sorted(wanted):
            repo.index.update(path)
        table: IdTable = IdTable.of(repo.index, *keys)
    for ref in documents:
        if cancelled():
            return []
        try:
            data = read_document(repo.root / ref.path)
        except OSError as exc:
            findings.append(finding(ref.path, 1, "", "unreadable", detail=unreadable_detail(exc)))
            continue
        found, doc = check_document(repo, ref.path, data, context)
        findings += found
        if doc is not None:
            places[ref.path] = id_places(keys, doc)
    if wanted is None:
        findings += duplicate_ids({path: found for path, found in places.items() if found})
    else:
        findings += table.duplicates({path: found for path, found in places.items() if found}, wanted,
                                     repo.document_paths)
    return sorted(findings, key=lambda f: (f.path, f.line, f.code))


def prepare_id_check(repo: ContentRepository) -> None:
    """Build the repository's id table from its index now (in the background, after a full validation), so the
    first check of a few files (a review, a save) does not pay for it."""
    IdTable.of(repo.index, *RuleContext(repo).unique_keys)


def relpath_in(repo: ContentRepository, path: Path) -> str:
    """A path as repository-relative POSIX text."""
    return path.resolve().relative_to(repo.root.resolve()).as_posix()
