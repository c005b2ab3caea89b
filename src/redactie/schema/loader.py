"""Reading a schema file, with one clear message and its location for every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .model import KINDS, SCHEMA_FILE, DocType, FieldDef, Schema, Text, Vocabulary


class SchemaError(ValueError):
    """The schema file cannot be used; `path`, `line` (1-based) and messages in Dutch and English."""

    def __init__(self, path: str, line: int, en: str, nl: str) -> None:
        self.path, self.line, self.message, self.message_nl = path, line, en, nl
        super().__init__(f"{path}:{line}: {en}")

    def localized(self, language: str) -> str:
        """The message with its location, in `language`."""
        text = self.message_nl if language.startswith("nl") else self.message
        return f"{self.path}:{self.line}: {text}"


def _line(node: Any, key: Any = None) -> int:
    try:
        if key is not None and isinstance(node, CommentedMap):
            return node.lc.key(key)[0] + 1
        return node.lc.line + 1
    except (AttributeError, KeyError, TypeError):
        return 1


def _text(value: Any, fallback: str = "") -> Text:
    if isinstance(value, dict):
        nl = str(value.get("nl") or value.get("en") or fallback)
        return Text(nl, str(value.get("en") or nl))
    if value is None:
        return Text(fallback, fallback)
    return Text(str(value), str(value))


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, line: int, en: str, nl: str) -> SchemaError:
        return SchemaError(self.path, line, en, nl)

    def mapping(self, node: Any, where: str, line: int) -> CommentedMap:
        if not isinstance(node, dict):
            raise self.fail(line, f"'{where}' must be a mapping (name: value)", f"'{where}' moet een lijst van "
                            "namen met waarden zijn")
        return node

    def read(self, data: Any) -> Schema:
        root = self.mapping(data, "schema", 1)
        vocabularies = {
            str(name): self.vocabulary(str(name), spec, _line(root["vocabularies"], name))
            for name, spec in self.mapping(root.get("vocabularies") or CommentedMap(), "vocabularies",
                                           _line(root, "vocabularies")).items()
        }
        fields = {
            str(name): self.field(str(name), spec or CommentedMap(), _line(root["fields"], name), vocabularies)
            for name, spec in self.mapping(root.get("fields") or CommentedMap(), "fields",
                                           _line(root, "fields")).items()
        }
        types_node = self.mapping(root.get("types"), "types", _line(root, "types") if "types" in root else 1)
        types = {str(name): self.doc_type(str(name), spec, _line(types_node, name), fields)
                 for name, spec in types_node.items()}
        for vocabulary in vocabularies.values():
            if vocabulary.source.startswith("documents:") and vocabulary.source[10:] not in types:
                raise self.fail(_line(root["vocabularies"], vocabulary.name),
                                f"vocabulary '{vocabulary.name}' refers to unknown document type "
                                f"'{vocabulary.source[10:]}'",
                                f"woordenlijst '{vocabulary.name}' verwijst naar onbekend documenttype "
                                f"'{vocabulary.source[10:]}'")
        for field_def in fields.values():
            if field_def.kind == "relation" and field_def.target not in types:
                raise self.fail(field_def.line, f"field '{field_def.name}' relates to unknown document type "
                                f"'{field_def.target}'", f"veld '{field_def.name}' verwijst naar onbekend "
                                f"documenttype '{field_def.target}'")
        return Schema(_text(root.get("name"), "Schema"), types, fields, vocabularies, self.path)

    def vocabulary(self, name: str, spec: Any, line: int) -> Vocabulary:
        spec = self.mapping(spec, f"vocabularies.{name}", line)
        vocabulary = Vocabulary(name, open=bool(spec.get("open", False)), extra=tuple(_list(spec.get("also"))))
        if "values" in spec:
            values = spec["values"]
            if isinstance(values, dict):
                vocabulary.values = {str(k): _text(v, str(k)) for k, v in values.items()}
            else:
                vocabulary.values = {v: Text(v, v) for v in _list(values)}
        elif "files" in spec:
            vocabulary.source = f"files:{spec['files']}"
        elif "folders" in spec:
            vocabulary.source = f"folders:{spec['folders']}"
        elif "documents" in spec:
            vocabulary.source = f"documents:{spec['documents']}"
        else:
            raise self.fail(line, f"vocabulary '{name}' needs 'values', 'files', 'folders' or 'documents'",
                            f"woordenlijst '{name}' heeft 'values', 'files', 'folders' of 'documents' nodig")
        return vocabulary

    def field(self, name: str, spec: Any, line: int, vocabularies: dict[str, Vocabulary]) -> FieldDef:
        spec = self.mapping(spec, f"fields.{name}", line)
        kind = str(spec.get("kind", "text"))
        if kind not in KINDS:
            raise self.fail(_line(spec, "kind") if "kind" in spec else line,
                            f"field '{name}' has unknown kind '{kind}'; use one of: {', '.join(KINDS)}",
                            f"veld '{name}' heeft onbekende soort '{kind}'; kies uit: {', '.join(KINDS)}")
        vocabulary = spec.get("vocabulary")
        if kind in ("choice", "multichoice") and vocabulary is None:
            vocabulary = name if name in vocabularies else None
            if vocabulary is None:
                raise self.fail(line, f"field '{name}' is a choice but names no vocabulary",
                                f"veld '{name}' is een keuzeveld maar noemt geen woordenlijst")
        if vocabulary is not None and str(vocabulary) not in vocabularies:
            raise self.fail(_line(spec, "vocabulary") if "vocabulary" in spec else line,
                            f"field '{name}' uses unknown vocabulary '{vocabulary}'",
                            f"veld '{name}' gebruikt onbekende woordenlijst '{vocabulary}'")
        max_words = spec.get("max_words")
        return FieldDef(
            name=name, kind=kind, label=_text(spec.get("label"), name), help=_text(spec.get("help")),
            required=bool(spec.get("required", False)), default=spec.get("default"),
            vocabulary=str(vocabulary) if vocabulary is not None else None,
            max_words=int(max_words) if max_words is not None else None,
            pattern=str(spec["pattern"]) if spec.get("pattern") else None, unique=bool(spec.get("unique", False)),
            target=str(spec["target"]) if spec.get("target") else None,
            multiple=bool(spec.get("multiple", kind == "multichoice")), store=str(spec.get("store", "auto")),
            no_full_stop=bool(spec.get("no_full_stop", False)), line=line, key=str(spec.get("key") or name),
        )

    def doc_type(self, name: str, spec: Any, line: int, fields: dict[str, FieldDef]) -> DocType:
        spec = self.mapping(spec, f"types.{name}", line)
        if not spec.get("files"):
            raise self.fail(line, f"document type '{name}' needs 'files' (a folder pattern such as docs/x/*.md)",
                            f"documenttype '{name}' heeft 'files' nodig (een patroon zoals docs/x/*.md)")
        field_names = _list(spec.get("fields"))
        for field_name in field_names:
            if field_name not in fields:
                raise self.fail(_line(spec, "fields"), f"document type '{name}' lists unknown field '{field_name}'",
                                f"documenttype '{name}' noemt onbekend veld '{field_name}'")
        return DocType(
            name=name, label=_text(spec.get("label"), name), files=_list(spec.get("files")), fields=field_names,
            sections=_list(spec.get("sections")), exclude=_list(spec.get("exclude", ["index.md"])),
            file_name=str(spec.get("file_name", "{slug}.md")), slug_separator=str(spec.get("slug_separator", "-")),
            id_format=str(spec["id"]) if spec.get("id") else None,
            code_in_file_name=bool(spec.get("code_in_file_name", False)), template=str(spec.get("template") or ""),
            line=line,
        )


def parse_schema(text: str, path: str = SCHEMA_FILE) -> Schema:
    """Read a schema from YAML text; raises SchemaError with a location. A schema read before (same text,
    path and code) comes from the cache instead (see schema/cache.py)."""
    from .cache import cached_parse

    return cached_parse(text, path, _parse_schema)


def _parse_schema(text: str, path: str) -> Schema:
    from ruamel.yaml.constructor import RoundTripConstructor

    from ..document.yamlread import LimitError, compose

    try:  # the same limits as a document's front matter (size, nesting, aliases); one read, no second parse
        node = compose(text)
        data = RoundTripConstructor(loader=YAML(typ="rt", pure=True)).construct_document(node) if node else None
    except LimitError as exc:
        raise SchemaError(path, text.count("\n", 0, exc.index) + 1,
                          "the schema file is too large or too deeply nested to be read safely",
                          "het schemabestand is te groot of te diep genest om veilig te lezen") from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise SchemaError(path, line, f"the schema is not valid YAML: {exc.problem}",
                          f"het schema is geen geldige YAML: {exc.problem}") from None
    except (YAMLError, RecursionError) as exc:
        raise SchemaError(path, 1, f"the schema cannot be read: {exc}", f"het schema kan niet gelezen worden: {exc}"
                          ) from None
    return _Reader(path).read(data)


def load_schema(path: Path) -> Schema:
    """Read a schema file; raises SchemaError with a location."""
    try:
        from ..fileio import read_document

        text = read_document(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(str(path), 1, f"the schema file cannot be read: {exc}",
                          f"het schemabestand kan niet gelezen worden: {exc}") from None
    return parse_schema(text, str(path))
