"""Reading a schema file, with one clear message and its location for every problem."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .model import KINDS, SCHEMA_FILE, DocType, FieldDef, Schema, Text, Vocabulary


class SchemaError(ValueError):
    """The schema file cannot be used; `path`, `line` (1-based), messages in Dutch and English in plain words and
    `detail`: the technical cause (a parser's or the system's own text, English), shown apart and marked as such."""

    def __init__(self, path: str, line: int, en: str, nl: str, detail: str = "") -> None:
        self.path, self.line, self.message, self.message_nl, self.detail = path, line, en, nl, detail
        super().__init__(f"{path}:{line}: {en}")

    def plain(self, language: str) -> str:
        """The message without its location, in `language`."""
        return self.message_nl if language.startswith("nl") else self.message

    def localized(self, language: str) -> str:
        """The message with its location, in `language`."""
        return f"{self.path}:{self.line}: {self.plain(language)}"


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
        if isinstance(node, dict):
            return node
        if where == "schema":
            raise self.fail(line, "the schema file must consist of names with values (such as 'types:'), not of "
                            "loose text or a list", "het schemabestand moet bestaan uit namen met waarden (zoals "
                            "'types:'), niet uit losse tekst of een opsomming")
        if node is None:
            raise self.fail(line, f"'{where}' is missing or empty", f"'{where}' ontbreekt of is leeg")
        raise self.fail(line, f"'{where}' must be a mapping (name: value)", f"'{where}' moet een lijst van "
                        "namen met waarden zijn (naam: waarde)")

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
        vocabulary = Vocabulary(name, open=bool(spec.get("open", False)), extra=tuple(_list(spec.get("also"))),
                                line=line)
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
        if max_words is not None and (isinstance(max_words, bool) or not str(max_words).strip().isdigit()):
            raise self.fail(_line(spec, "max_words"), f"field '{name}': 'max_words' must be a whole number, not "
                            f"'{max_words}'", f"veld '{name}': 'max_words' moet een heel getal zijn, niet "
                            f"'{max_words}'")
        if spec.get("pattern"):
            try:
                re.compile(str(spec["pattern"]))
            except (re.error, RecursionError, OverflowError) as exc:
                raise SchemaError(self.path, _line(spec, "pattern"), f"field '{name}': 'pattern' is not a valid "
                                  "regular expression", f"veld '{name}': 'pattern' is geen geldige reguliere "
                                  "expressie (zoekpatroon)", detail=f"{type(exc).__name__}: {exc}") from None
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
        en, nl = _yaml_problem(str(exc.problem or ""), str(exc.context or ""))
        raise SchemaError(path, line, en, nl, detail=str(exc).replace("<unicode string>", path)) from None
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:  # ruamel's other errors (a bad character...)
        en, nl = _yaml_problem(str(exc), "")
        raise SchemaError(path, 1, en, nl, detail=f"{type(exc).__name__}: {exc}") from None
    if data is None or (isinstance(data, str) and not data.strip()):
        raise SchemaError(path, 1, "the schema file is empty: it describes no document types, fields or "
                          "vocabularies", "het schemabestand is leeg: het beschrijft geen documentsoorten, velden "
                          "of woordenlijsten")
    try:
        return _Reader(path).read(data)
    except SchemaError:
        raise
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        # A value of a type the reader does not expect where it does not check each one: said as such, never a
        # traceback.
        raise SchemaError(path, 1, "the schema file holds a value of an unexpected kind (for instance a list "
                          "where a name or a number belongs)", "het schemabestand bevat een waarde van een soort "
                          "die hier niet past (bijvoorbeeld een lijst waar een naam of getal hoort)",
                          detail=f"{type(exc).__name__}: {exc}") from None


# What ruamel.yaml's problem texts mean, in plain words (the first whose words occur in the problem or its
# context); the parser's own text follows as the technical detail.
_YAML_PROBLEMS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("special characters", "unacceptable character", "control character", "non-printable"),
     "the file holds a character that is not allowed in YAML (a control character)",
     "het bestand bevat een teken dat in YAML niet mag (een stuurteken)"),
    (("'\\t'", " tab"), "a tab is used for indentation or inside the structure; YAML allows only spaces there",
     "er staat een tab in de inspringing of tussen de onderdelen; YAML staat daar alleen spaties toe"),
    (("duplicate key",), "a name occurs twice in the same list of names",
     "een naam komt twee keer voor in dezelfde lijst van namen"),
    (("end of stream", "end of the stream"),
     "the file ends before a quotation mark or bracket that was opened is closed",
     "het bestand houdt op voordat een geopend aanhalingsteken of haakje is gesloten"),
    (("expected ','", "expected ',' or", "flow sequence", "flow mapping"),
     "a bracket [ or { is not closed properly, or a comma is missing between the values inside it",
     "een haakje [ of { is niet goed gesloten, of er ontbreekt een komma tussen de waarden erin"),
    (("mapping values are not allowed",),
     "a colon stands where no name can begin (a value with a colon needs quotation marks, or the indentation "
     "is wrong)", "er staat een dubbele punt waar geen naam kan beginnen (een waarde met een dubbele punt moet "
     "tussen aanhalingstekens, of de inspringing klopt niet)"),
    (("could not find expected ':'", "simple key"), "a line misses the colon between a name and its value",
     "op een regel ontbreekt de dubbele punt tussen een naam en de waarde"),
    (("block end", "block mapping", "block sequence", "indentation"),
     "the indentation is not consistent: a line is indented more or less than the lines it belongs with",
     "de inspringing klopt niet: een regel springt verder of minder in dan de regels waar hij bij hoort"),
    (("alias", "anchor"), "a reference (& or *) points to nothing or is not allowed here",
     "een verwijzing (& of *) wijst naar niets of mag hier niet staan"),
)


def _yaml_problem(problem: str, context: str) -> tuple[str, str]:
    """The English and Dutch plain-words description of a YAML parser's problem."""
    words = f"{problem} {context}".lower()
    for needles, en, nl in _YAML_PROBLEMS:
        if any(needle in words for needle in needles):
            return (f"the schema file is not valid YAML: {en}", f"het schemabestand is geen geldige YAML: {nl}")
    return ("the schema file is not valid YAML: its structure is broken at this line",
            "het schemabestand is geen geldige YAML: de opbouw klopt niet op deze regel")


def load_schema(path: Path) -> Schema:
    """Read a schema file; raises SchemaError with a location."""
    return parse_schema(schema_text(path), str(path))


def schema_text(path: Path) -> str:
    """A schema file's text (UTF-8, or UTF-16/32 by their byte-order mark); SchemaError in plain words when it is
    not a readable text file: a folder, a link, unreadable, binary or of another encoding."""
    return decode_schema(schema_bytes(path), str(path))[0]


def schema_bytes(path: Path) -> bytes:
    """A schema file's bytes; SchemaError in plain words when it is a folder, a link, missing or unreadable."""
    from ..fileio import FileRefused, read_document

    where = str(path)
    if path.is_dir() and not path.is_symlink():
        raise SchemaError(where, 1, f"{path.name} is a folder, not a file", f"{path.name} is een map, geen bestand")
    try:
        return read_document(path)
    except FileRefused as exc:
        raise SchemaError(where, 1, f"the schema file cannot be read: {exc.message_en}",
                          f"het schemabestand kan niet gelezen worden: {exc.message_nl}", detail=str(exc)) from None
    except FileNotFoundError as exc:
        raise SchemaError(where, 1, "the schema file no longer exists", "het schemabestand bestaat niet meer",
                          detail=str(exc)) from None
    except PermissionError as exc:
        raise SchemaError(where, 1, "you are not allowed to read the schema file (its permissions forbid it)",
                          "u mag het schemabestand niet lezen (de rechten op het bestand staan het niet toe)",
                          detail=str(exc)) from None
    except OSError as exc:
        raise SchemaError(where, 1, "the schema file cannot be read (the system refused it)",
                          "het schemabestand kan niet gelezen worden (het systeem weigert het)",
                          detail=str(exc)) from None


def decode_schema(data: bytes, where: str) -> tuple[str, bytes, str]:
    """A schema file's bytes as text (without a byte-order mark), the mark and the encoding after it (UTF-8;
    UTF-16/32 and UTF-8 by their mark); SchemaError in plain words for binary data or another encoding."""
    boms = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
            (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # UTF-32's first: longer
    bom, encoding = next(((bom, name) for bom, name in boms if data.startswith(bom)), (b"", "utf-8"))
    if b"\0" in data and not bom:
        raise SchemaError(where, data.count(b"\n", 0, data.index(b"\0")) + 1,
                          "the schema file is not a text file (it holds binary data)",
                          "het schemabestand is geen tekstbestand (het bevat binaire gegevens)")
    try:
        return data[len(bom):].decode(encoding), bom, encoding
    except UnicodeDecodeError as exc:
        raise SchemaError(where, data.count(b"\n", 0, exc.start + len(bom)) + 1,
                          "the schema file is not saved as UTF-8 text (another character encoding, such as "
                          "Windows-1252); save it as UTF-8", "het schemabestand is niet als UTF-8-tekst opgeslagen "
                          "(een andere tekenset, zoals Windows-1252); sla het op als UTF-8",
                          detail=str(exc)) from None
