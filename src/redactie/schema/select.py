"""Which schema a repository uses: its schema file, a recognised known format, the user's choice, or inference.

The user's choice is remembered per repository in the user's settings (never in the repository itself).
"""

from __future__ import annotations

import json
from pathlib import Path

from .formats import FORMATS, format_schema, read_layout, recognise
from .loader import SchemaError, load_schema
from .model import SCHEMA_FILE, Schema, Text

AUTO, FILE, INFERRED = "auto", "file", "inferred"
# What `--schema` accepts besides a path (Dutch and English words for the same choice).
CHOICE_WORDS = {"auto": AUTO, "automatisch": AUTO, "file": FILE, "bestand": FILE, "inferred": INFERRED,
                "afgeleid": INFERRED}


def _store() -> Path:
    from ..workspace import schema_choices_file

    return schema_choices_file()


def _key(root: Path) -> str:
    return str(root.resolve())


def _load() -> dict[str, str]:
    try:
        data = json.loads(_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def saved_choice(root: Path) -> str:
    """The schema the user chose for this repository (`auto` when none)."""
    choice = _load().get(_key(root), AUTO)
    return choice if choice in (AUTO, FILE, INFERRED) or choice in FORMATS else AUTO


def save_choice(root: Path, choice: str) -> None:
    """Remember the user's schema choice for this repository (`auto` forgets it)."""
    from ..fileio import atomic_write

    data = _load()
    if choice == AUTO:
        data.pop(_key(root), None)
    else:
        data[_key(root)] = choice
    _store().parent.mkdir(parents=True, exist_ok=True)
    atomic_write(_store(), json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))


def choices(root: Path) -> list[tuple[str, Text]]:
    """The choices offered for a repository: automatic, its schema file (if any), each known format, inferred."""
    offered = [(AUTO, Text("Automatisch (aanbevolen)", "Automatic (recommended)"))]
    if (root / SCHEMA_FILE).is_file():
        offered.append((FILE, Text(f"Schemabestand {SCHEMA_FILE}", f"Schema file {SCHEMA_FILE}")))
    offered += [(fid, fmt.name) for fid, fmt in FORMATS.items()]
    offered.append((INFERRED, Text("Afgeleid uit de documenten", "Inferred from the documents")))
    return offered


def select_schema(root: Path, choice: str | None = None) -> Schema:
    """The schema for the repository at `root` by `choice` (default: the remembered one, else automatic).

    Automatic: the repository's schema file when it has one, else the known format its structure shows,
    else a schema inferred from the documents. Raises SchemaError for an unusable schema file.
    """
    choice = saved_choice(root) if choice is None else CHOICE_WORDS.get(choice, choice)
    if choice in FORMATS:
        return format_schema(root, choice, origin="chosen")
    if choice == INFERRED:
        return _inferred(root)
    if choice not in (AUTO, FILE):
        path = Path(choice)
        if not path.is_file():
            raise SchemaError(choice, 1, "no such schema file or known format; known formats: "
                              + ", ".join(FORMATS), "geen bestaand schemabestand of bekend formaat; bekende "
                              "formaten: " + ", ".join(FORMATS))
        return load_schema(path)
    path = root / SCHEMA_FILE
    if path.is_file() or path.is_dir() or path.is_symlink():  # a folder or link there is reported, not passed over
        return load_schema(path)
    return without_schema_file(root)


def without_schema_file(root: Path) -> Schema:
    """The schema of the repository at `root` as if it had no schema file: the known format its structure shows,
    else one inferred from its documents (also what an editor works with for now when the file is unusable)."""
    layout = read_layout(root)  # read once: recognising and fitting both use it
    fmt = recognise(root, layout)
    if fmt is not None:
        return format_schema(root, fmt.id, layout=layout)
    return _inferred(root)


def _inferred(root: Path) -> Schema:
    from .infer import infer_schema

    return infer_schema(root)
