"""Plans that change vocabulary values: rename or merge a value, retire it, label a selection."""

from __future__ import annotations

import functools
import os
import posixpath
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

from ..document import Document, EditError, FrontMatterError
from ..gitservice.runner import git_environment
from ..repository import ContentRepository, markdown_files
from ..schema import FieldDef, SchemaError, Text
from ..validation import ERROR, check_document
from .errors import BulkCancelled, BulkError
from .files import edit_body, file_change, parsed, plan_each
from .links import Move, rewrite_hooks, rewrite_line, rewrite_site_config
from .plan import FileChange, FolderRename, LineChange, Plan, documents

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
_BAD_VALUE = re.compile(r'[/\\<>:"|?*\x00-\x1f\x7f]')


def field_def(repo: ContentRepository, name: str) -> FieldDef:
    """The schema's field called `name` (or stored under that front-matter key); BulkError if none."""
    fields = repo.schema.fields
    found = fields.get(name) or next((f for f in fields.values() if f.key == name), None)
    if found is None:
        known = ", ".join(sorted(fields))
        raise BulkError(f"the schema has no field '{name}' (fields: {known})",
                        f"het schema kent geen veld '{name}' (velden: {known})")
    return found


def related_keys(repo: ContentRepository, field: FieldDef) -> list[str]:
    """Front-matter keys of every field that shares this field's vocabulary or relation target."""
    keys = []
    for other in repo.schema.fields.values():
        if other is field or (field.vocabulary and other.vocabulary == field.vocabulary) or (
                field.target and other.kind == "relation" and other.target == field.target):
            keys.append(other.key)
    return sorted(set(keys))


def _label(field: FieldDef) -> Text:
    nl, en = field.label.nl or field.name, field.label.en or field.name
    return Text(nl[:1].upper() + nl[1:], en[:1].upper() + en[1:])


def _message(field: FieldDef, value: str, done_nl: str, done_en: str, count: int) -> Text:
    """'Levenscyclus: monitoring-en-beheer hernoemd naar beheer in 37 documenten' (singular for one)."""
    label, counted = _label(field), documents(count)
    return Text(f"{label.nl}: {value} {done_nl} {counted.nl}", f"{label.en}: {value} {done_en} {counted.en}")


def defining_path(repo: ContentRepository, field: FieldDef, value: str) -> tuple[str, bool] | None:
    """Where a value is defined: (repository path, is a folder), when the vocabulary comes from files.

    Vocabularies read from a folder of files or sub-folders, and relations (values are the file names of
    documents of a type); a list field named after a document type (`vereiste`, type `vereisten`) counts as
    a relation to that type.
    """
    vocabulary = repo.schema.vocabularies.get(field.vocabulary or "")
    kind, _, arg = vocabulary.source.partition(":") if vocabulary else ("", "", "")
    if kind == "files":
        return f"{arg}/{value}.md", False
    if kind == "folders":
        return f"{arg}/{value}", True
    targets = [arg] if kind == "documents" else [field.target] if field.target else []
    if not targets:
        key = field.key
        targets = [t for t in repo.schema.types if t in (key, key + "s", key + "en", key + "n")]
    for target in targets:
        for ref in repo.documents_of(target):
            if ref.stem == value:
                return ref.path, False
    return None


def check_value(value: str) -> None:
    """A value must be usable as a YAML scalar and as a file name; BulkError otherwise."""
    if not value or value != value.strip() or _BAD_VALUE.search(value) or value.startswith("."):
        raise BulkError(f"'{value}' cannot be a value: use letters, digits and dashes, no / \\ : or spaces "
                        "at the ends", f"'{value}' kan geen waarde zijn: gebruik letters, cijfers en streepjes, "
                        "geen / \\ : of spaties aan het begin of eind")


_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def value_labels(repo: ContentRepository, field: FieldDef, language: str) -> dict[str, str]:
    """The field's known values with their labels as the form shows them (a relation's: the document titles)."""
    try:
        vocabulary = repo.vocabulary(field.vocabulary) if field.vocabulary in repo.schema.vocabularies else None
    except SchemaError:
        vocabulary = None
    if vocabulary is not None:
        return {value: vocabulary.label(value, language) for value in vocabulary.values}
    targets = [field.target] if field.kind == "relation" and field.target else []
    return {ref.stem: repo.title(ref.path) or ref.stem for t in targets for ref in repo.documents_of(t)}


def _check_label(repo: ContentRepository, field: FieldDef, new: str) -> None:
    """A label typed where a value belongs ('Monitoring en beheer' for `monitoring-en-beheer`) is refused."""
    if _SLUG.fullmatch(new) and new == new.lower():
        return  # written like a value; labels (a relation's are every target's title) need not be read
    labels = value_labels(repo, field, "nl") | value_labels(repo, field, "en")
    if new in labels:
        return
    meant = sorted(v for v, label in labels.items() if label.casefold() == new.casefold() and label != v)
    if not meant:
        meant = sorted(v for v in labels if v.casefold() == new.casefold())
    if meant:
        raise BulkError(f"'{new}' is the label of the value '{meant[0]}'; type the value itself ({meant[0]}) to "
                        "merge into it", f"'{new}' is het label van de waarde '{meant[0]}'; typ de waarde zelf "
                        f"({meant[0]}) om ermee samen te voegen")


def _check_style(repo: ContentRepository, field: FieldDef, new: str, merge: bool) -> None:
    """A new value (often a new file name) is written like the values it joins: when every existing value is
    lower case with dashes (`monitoring-en-beheer`), a label such as 'Fase 1, probleemanalyse' is refused."""
    _check_label(repo, field, new)
    if merge:
        return
    vocabulary = repo.vocabulary(field.vocabulary) if field.vocabulary in repo.schema.vocabularies else None
    values = list(vocabulary.values) if vocabulary is not None else []
    if field.kind == "relation" and field.target:
        values = [ref.stem for ref in repo.documents_of(field.target)]
    if values and all(_KEBAB.fullmatch(str(v)) for v in values) and not _KEBAB.fullmatch(new):
        raise BulkError(f"'{new}' is not written like the other values: use lower case letters, digits and dashes "
                        f"(like '{values[0]}'); the value is also a file name",
                        f"'{new}' is niet geschreven zoals de andere waarden: gebruik kleine letters, cijfers en "
                        f"streepjes (zoals '{values[0]}'); de waarde is ook een bestandsnaam")


def _renamed_list(values: list[object], old: str, new: str | None) -> list[object]:
    """`old` replaced by `new` in place; removed when `new` is None or already present (a merge)."""
    if new is None or new in values:
        return [v for v in values if v != old]
    return [new if v == old else v for v in values]


_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_BOOLISH = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "ja", "nee"}
_ITEM = re.compile(r"(?P<dash>[ \t]*-[ \t]+)(?P<q>['\"]?)(?P<value>[^'\"#]*?)(?P=q)(?P<tail>[ \t]*(?:#.*)?)")


def _quick_list_edit(doc: Document, key: str, old: str, new: str | None, expected: list[object]) -> Document | None:
    """The common case done on the item lines alone, then verified by reading the file back with the lossless
    reader: every field must read as before except this one, which must read as `expected`. None otherwise."""
    if new is not None and (not _SLUG.fullmatch(new) or new.lower() in _BOOLISH):
        return None
    first = doc.field_line(key)
    if first is None:
        return None
    lines = doc.text.splitlines(keepends=True)
    index = first  # 0-based index of the line after the key
    changed = False
    while index < len(lines):
        text = lines[index].rstrip("\r\n")
        match = _ITEM.fullmatch(text)
        if match is None:
            break
        if match.group("value") == old:
            if new is not None and new not in doc.fields[key]:
                lines[index] = match.group("dash") + match.group("q") + new + match.group("q") \
                    + match.group("tail") + lines[index][len(text):]
            else:
                lines[index] = ""
            changed = True
        index += 1
    if not changed:
        return None
    data = "".join(lines).encode("utf-8")
    if doc.dump().startswith(b"\xef\xbb\xbf"):
        data = b"\xef\xbb\xbf" + data
    try:
        candidate = Document.parse(data)
    except FrontMatterError:  # any doubt: the careful path decides
        return None
    wanted = {**dict(doc.fields), key: expected}
    if repr(dict(candidate.fields)) != repr(wanted) or candidate.body != doc.body:
        return None
    return candidate


def set_value(doc: Document, key: str, old: str, new: str | None) -> Document | None:
    """The document with `old` replaced or removed in one field; None when the field does not hold it."""
    current = doc.fields.get(key)
    if isinstance(current, list) and old in current:
        expected = _renamed_list(current, old, new)
        quick = _quick_list_edit(doc, key, old, new, expected)
        if quick is not None:
            return quick
        doc.set_field(key, expected)
        return doc
    if isinstance(current, str) and current == old:
        if new is None:
            doc.remove_field(key)
        else:
            doc.set_field(key, new)
        return doc
    return None


def _containing(root: Path, needle: str) -> set[str] | None:
    """The Markdown files of the work tree whose bytes contain `needle`, found by `git grep` (tracked, untracked
    and ignored files alike); None when git cannot answer (no repository, no git): then every file is read."""
    if not (root / ".git").exists():
        return None
    try:
        result = subprocess.run(["git", "grep", "--untracked", "--no-exclude-standard", "-l", "-z", "-F",
                                 "--no-color", "-e", needle, "--", "*.md"], cwd=root, env=git_environment(),
                                capture_output=True, timeout=600)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode not in (0, 1):
        return None
    return {os.fsdecode(name) for name in result.stdout.split(b"\0") if name}


def _scan(repo: ContentRepository, needle: str, cancel: Cancel | None,
          progress: Progress | None) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every Markdown file of the repository that contains `needle` at all."""
    paths = markdown_files(repo.root)
    if cancel is not None and cancel():
        raise BulkCancelled()
    found = _containing(repo.root, needle)
    if found is not None:
        paths = [p for p in paths if p in found]
    raw = needle.encode("utf-8")
    for number, path in enumerate(paths):
        if cancel is not None and cancel():
            raise BulkCancelled()
        if progress is not None and number % 200 == 0:
            progress(number, len(paths))
        if (repo.root / path).is_symlink():
            continue  # writing would replace the link by a file; such files are edited where they live
        try:
            data = (repo.root / path).read_bytes()
        except OSError:
            continue
        if raw in data:
            yield path, data


@functools.lru_cache(maxsize=4096)
def _entry_value(entry: str, key: str) -> tuple[object, ...] | None:
    """The list one front-matter entry holds, read with the lossless reader; None when it is not a list or
    unreadable. Cached: the same few lists of values recur in many documents of a catalogue."""
    try:
        value = Document.parse(entry.encode("utf-8")).fields.get(key)
    except FrontMatterError:
        return None
    return tuple(value) if isinstance(value, list) else None


def quick_rename(path: str, data: bytes, keys: list[str], old: str, new: str) -> FileChange | None:
    """The common case of a rename without parsing twice: `old` is only a block-list item of top-level keys.

    Only item lines right under a `key:` line at column 0 of the front matter are touched (such a line
    cannot be inside another value, and what it holds does not depend on the other entries); that entry is
    read back with the lossless reader and must hold exactly the expected list. Anything else (flow lists,
    quoting, duplicate keys, other mentions such as links) returns None and takes the careful path.
    """
    if not _SLUG.fullmatch(new) or new.lower() in _BOOLISH:
        return None
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3 if bom else 0:].decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if close is None:
        return None
    changes: list[LineChange] = []
    expected: dict[str, list[str]] = {}
    entries: dict[str, tuple[int, int]] = {}
    for key in keys:
        head = re.compile(re.escape(key) + r":[ \t]*(?:#.*)?")
        found = [i for i in range(1, close) if head.fullmatch(lines[i].rstrip("\r\n"))]
        if len(found) > 1:
            return None
        if not found:
            continue
        items: list[tuple[int, re.Match[str]]] = []
        index = found[0] + 1
        while index < close:
            match = _ITEM.fullmatch(lines[index].rstrip("\r\n"))
            if match is None:
                break
            items.append((index, match))
            index += 1
        if index < close and lines[index][:1] in (" ", "\t"):
            return None  # something more complex follows: the careful path decides
        values = [m.group("value") for _, m in items]
        if old not in values:
            continue
        entries[key] = (found[0], index)
        merge = new in values
        expected[key] = [v for v in values if v != old] if merge else [new if v == old else v for v in values]
        for i, match in items:
            if match.group("value") != old:
                continue
            before = lines[i].rstrip("\r\n")
            if merge:
                lines[i] = ""
                changes.append(LineChange(i + 1, before, None, key))
            else:
                after = match.group("dash") + match.group("q") + new + match.group("q") + match.group("tail")
                lines[i] = after + lines[i][len(before):]
                changes.append(LineChange(i + 1, before, after, key))
    if not changes:
        return None
    result = "".join(lines)
    if old in result:
        return None  # mentioned elsewhere too (a link, a hook comment): the careful path handles the whole file
    for key, (first, stop) in entries.items():
        entry = "---\n" + "".join(line.rstrip("\r\n") + "\n" for line in lines[first:stop] if line) + "---\n"
        if _entry_value(entry, key) != tuple(expected[key]):
            return None
    return FileChange(path, data, (b"\xef\xbb\xbf" if bom else b"") + result.encode("utf-8"), changes)


def plan_rename(repo: ContentRepository, field_name: str, old: str, new: str, cancel: Cancel | None = None,
                progress: Progress | None = None) -> Plan:
    """Rename `old` to `new` (a merge when `new` exists) in every document, its defining file and links."""
    field = field_def(repo, field_name)
    check_value(new)
    if old == new:
        raise BulkError("the old and new value are the same", "de oude en de nieuwe waarde zijn gelijk")
    keys = related_keys(repo, field)
    defined = defining_path(repo, field, old)
    target = defining_path(repo, field, new)
    if defined is not None and not (repo.root / defined[0]).exists():
        defined = None
    merge = target is not None and (repo.root / target[0]).exists()
    vocabulary = repo.schema.vocabularies.get(field.vocabulary or "")
    merge = merge or bool(vocabulary and vocabulary.source == "inline" and new in vocabulary.values)
    _check_style(repo, field, new, merge)
    moves: list[Move] = []
    plan = Plan("merge" if merge else "rename", Text("", ""))
    if defined is not None:
        path, folder = defined
        new_path = posixpath.join(posixpath.dirname(path), new + ("" if folder else ".md"))
        if merge and target is not None and (repo.root / target[0]).exists():
            moves.append(Move(path, target[0]))
            if folder:
                _merge_folder(repo, plan, path)
        else:
            moves.append(Move(path, new_path))
            if folder:
                plan.folders.append(FolderRename(path, new_path))
    elif vocabulary is not None and vocabulary.source.startswith(("files:", "folders:", "documents:")):
        plan.notes.append(Text(f"'{old}' heeft geen eigen bestand; alleen de documenten worden aangepast",
                               f"'{old}' has no file of its own; only the documents are changed"))
    if vocabulary is not None and vocabulary.source == "inline" and not vocabulary.open and not merge \
            and not repo.schema.inferred:
        plan.notes.append(Text(f"'{new}' staat niet in de woordenlijst van het schema; voeg het daar toe",
                               f"'{new}' is not in the schema's vocabulary; add it there"))
    holders = 0
    removed = {f.path for f in plan.files}
    for path, data in _scan(repo, old, cancel, progress):
        if path in removed:
            continue  # a merged value's index page that goes away
        is_document = repo.schema.type_for(path) is not None  # as repo.documents decides, for this file only
        quick = quick_rename(path, data, keys, old, new) if is_document else None
        if quick is not None:
            plan.files.append(quick)
            holders += 1
            continue
        loaded = parsed(path, data)
        if loaded.doc is None:
            if loaded.problem is not None:
                plan.notes.append(loaded.problem)
            continue
        doc = loaded.doc
        held = False
        try:
            if is_document:
                for key in keys:
                    edited_doc = set_value(doc, key, old, new)
                    if edited_doc is not None:
                        doc, held = edited_doc, True
            edited = edit_body(doc, lambda _n, text, page=loaded.path: rewrite_hooks(
                rewrite_line(page, text, moves), keys, old, new))
        except EditError as exc:
            plan.notes.append(Text(f"{loaded.path}: overgeslagen, kan niet zonder andere wijzigingen worden "
                                   f"aangepast ({exc})", f"{loaded.path}: skipped, cannot be changed without "
                                   f"changing other content ({exc})"))
            continue
        holders += held
        change = file_change(loaded, edited or doc)
        if change is not None:
            plan.files.append(change)
    _add_moves(repo, plan, moves, merge)
    _site_config(repo, plan, moves)
    if merge:
        plan.message = _message(field, old, f"samengevoegd met {new} in", f"merged into {new} in", holders)
    else:
        plan.message = _message(field, old, f"hernoemd naar {new} in", f"renamed to {new} in", holders)
    return plan


def _add_moves(repo: ContentRepository, plan: Plan, moves: list[Move], merge: bool) -> None:
    """Rename (or, for a merge, remove) the defining file; folders are renamed as a whole."""
    for move in moves:
        if move.old in {f.path for f in plan.folders} or move.old.endswith("/"):
            continue
        if not move.old.endswith(".md") or not (repo.root / move.old).is_file():
            continue
        existing = next((f for f in plan.files if f.path == move.old), None)
        if existing is not None and existing.after is None:
            continue
        if existing is None:
            data = (repo.root / move.old).read_bytes()
            existing = FileChange(move.old, data, data)
            plan.files.append(existing)
        if merge:
            existing.after, existing.lines = None, []
        else:
            if (repo.root / move.new).exists():
                raise BulkError(f"{move.new} already exists", f"{move.new} bestaat al")
            existing.new_path = move.new
            plan.notes += _new_errors(repo, move.old, move.new, existing.after or existing.before)
    for folder in plan.folders:
        if (repo.root / folder.new_path).exists():
            raise BulkError(f"{folder.new_path} already exists", f"{folder.new_path} bestaat al")


def _site_config(repo: ContentRepository, plan: Plan, moves: list[Move]) -> None:
    """The site's `mkdocs.yml` follows renamed pages (its `nav:` names them by path)."""
    config = repo.root / "mkdocs.yml"
    if not moves or not config.is_file():
        return
    data = config.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    found = re.search(r"^docs_dir:[ \t]*['\"]?([^'\"\s#]+)", text, re.MULTILINE)
    lines = text.splitlines(keepends=True)
    changes: list[LineChange] = []
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        new = rewrite_site_config(body, moves, found.group(1) if found else "docs")
        if new != body:
            lines[index] = new + line[len(body):]
            changes.append(LineChange(index + 1, body, new, "mkdocs.yml"))
    if changes:
        plan.files.append(FileChange("mkdocs.yml", data, "".join(lines).encode("utf-8"), changes))


def _new_errors(repo: ContentRepository, old: str, new: str, data: bytes) -> list[Text]:
    """Errors the renamed document would have under its new name that it did not have before (a file name
    that no longer starts with the code of its id, for instance)."""
    if repo.schema.type_for(new) is None:
        return []
    before = {f.code for f in check_document(repo, old, data)[0] if f.severity == ERROR}
    return [Text(f"{new}: {f.message('nl')}", f"{new}: {f.message('en')}")
            for f in check_document(repo, new, data)[0] if f.severity == ERROR and f.code not in before]


def _merge_folder(repo: ContentRepository, plan: Plan, path: str) -> None:
    """A merged value's folder goes when it holds only its index page; otherwise it stays, with a note."""
    folder = repo.root / path
    inside = [p for p in folder.rglob("*") if p.is_file()]
    if [p.name for p in inside] == ["index.md"]:
        data = inside[0].read_bytes()
        plan.files.append(FileChange(f"{path}/index.md", data, None))
    else:
        plan.notes.append(Text(f"De map {path} blijft bestaan (er staan meer bestanden in); ruim haar zelf op",
                               f"The folder {path} stays (it holds more files); tidy it up yourself"))


def holders(repo: ContentRepository, field_name: str, value: str) -> list[str]:
    """The documents whose field (or a field sharing its vocabulary) holds `value`."""
    field = field_def(repo, field_name)
    keys = related_keys(repo, field)
    documents = {ref.path for ref in repo.documents}
    found = []
    for path, data in _scan(repo, value, None, None):
        loaded = parsed(path, data)
        if loaded.doc is None or loaded.path not in documents:
            continue
        for key in keys:
            current = loaded.doc.fields.get(key)
            if current == value or (isinstance(current, list) and value in current):
                found.append(loaded.path)
                break
    return found


def plan_retire(repo: ContentRepository, field_name: str, value: str, choices: dict[str, str | None]) -> Plan:
    """Retire `value`: per document a replacement value, or None to remove it from the document."""
    field = field_def(repo, field_name)
    keys = related_keys(repo, field)
    for replacement in choices.values():
        if replacement is not None:
            check_value(replacement)
    plan = Plan("retire", Text("", ""))

    def edit(path: str, doc: Document) -> Document:
        replacement = choices[path]
        for key in keys:
            doc = set_value(doc, key, value, replacement) or doc
        return doc

    plan_each(repo.root, plan, sorted(choices), edit)
    plan.message = _message(field, value, "uitgefaseerd in", "retired in", len(plan.files))
    return plan


def plan_label(repo: ContentRepository, paths: list[str], field_name: str, add: str | None = None,
               remove: str | None = None, set_to: str | None = None) -> Plan:
    """Add or remove a value of a multichoice field, or set a single-choice field, in every selected document."""
    field = field_def(repo, field_name)
    plan = Plan("label", Text("", ""))

    def edit(_path: str, doc: Document) -> Document:
        current = doc.fields.get(field.key)
        if set_to is not None:
            as_list = isinstance(current, list) or (current is None and field.store == "list")
            doc.set_field(field.key, [set_to] if as_list else set_to)
            return doc
        values = list(current) if isinstance(current, list) else [] if current in (None, "") else [current]
        if add is not None and add not in values:
            values.append(add)
        if remove is not None:
            values = [v for v in values if v != remove]
        if current is not None or values:
            doc.set_field(field.key, values)
        return doc

    plan_each(repo.root, plan, paths, edit)
    count = len(plan.files)
    if set_to is not None:
        plan.message = _message(field, set_to, "ingesteld in", "set in", count)
    elif add is not None:
        plan.message = _message(field, add, "toegevoegd aan", "added to", count)
    else:
        plan.message = _message(field, remove or "", "verwijderd uit", "removed from", count)
    return plan
