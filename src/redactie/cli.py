"""Command line: `redactie [PATH]` opens the editor; `redactie validate` checks a content repository."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO


class _Version(argparse.Action):
    """`--version`, reading the package's version only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from . import __version__

        print(f"redactie {__version__}")
        parser.exit()

SUBCOMMANDS = {"validate": "check documents against the schema (exit 0: no errors, 1: errors, 2: unusable)",
               "spelling": "print the spelling dictionaries used and the unknown words of a text (exit 2: none)",
               "rename-value": "rename or merge a vocabulary value in every document (exit 0: done, 1: nothing "
                               "to do, 2: unusable)",
               "merge-driver": "git merge driver: merge %O %A %B per field and section (see README)"}


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redactie",
        description="Redactie: edit the requirement documents of a git-backed documentation site.",
        epilog="subcommands:\n" + "\n".join(f"  {name:<10} {text}" for name, text in SUBCOMMANDS.items())
        + "\n\nRun 'redactie validate --help' for its options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", type=Path, help="a content repository or a file in it "
                        "(default: the last one used; on first start the sample content)")
    parser.add_argument("--quit-when-loaded", action="store_true",
                        help="load, open the first document, paint it, print load timings as JSON and exit")
    parser.add_argument("--quit-when-listed", action="store_true",
                        help="load, exit right after the document list is shown and painted, print the timings as JSON")
    parser.add_argument("--quit-when-painted", action="store_true",
                        help="show the window, exit right after its first paint, print the timings as JSON")
    parser.add_argument("--lang", choices=["nl", "en"], help="user interface language (default: nl)")
    parser.add_argument("--version", action=_Version)
    return parser


def _validate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="redactie validate", description="Check documents against the schema.")
    parser.add_argument("paths", nargs="*", type=Path, help="a repository or files in it (default: current folder)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the messages")
    parser.add_argument("--repo", type=Path, help="the repository the files belong to (default: found by walking "
                        "up from the first path to the folder with .git, a schema file, mkdocs.yml or docs/)")
    parser.add_argument("--schema", help="a schema file, or a known format (algoritmekader-2024, "
                        "algoritmekader-najaar-2024, algoritmekader-2026), or 'auto' or 'inferred' "
                        "(default: the choice made in Instellingen for this repository, else the repository's "
                        "schema file, else the format recognised, else inferred)")
    parser.add_argument("--write-schema", action="store_true",
                        help="when the repository has no schema file, write the schema in use as a starting point")
    return parser


def _say(text: str) -> None:
    print(f"redactie validate: {text}", file=sys.stderr)


def validate_main(argv: list[str]) -> int:
    """`redactie validate`: print findings; exit 0 without errors, 1 with errors, 2 when unusable."""
    args = _validate_parser().parse_args(argv)
    try:
        return _validate(args)
    except Exception as exc:  # noqa: BLE001 - the command line never shows a traceback
        nl = args.lang == "nl"
        _say(("kon niet controleren: " if nl else "could not check: ") + f"{type(exc).__name__}: {exc}")
        return 2


def _validate(args: argparse.Namespace) -> int:
    from .fileio import FileRefused
    from .repository import ContentRepository, find_root
    from .schema import SCHEMA_FILE, SchemaError
    from .schema.select import select_schema
    from .validation import ERROR, validate_repository

    nl = args.lang == "nl"
    _safe_output()
    try:
        paths = [p.resolve() for p in args.paths] or [Path.cwd()]
    except (OSError, RuntimeError) as exc:  # a link loop among the arguments
        print(f"redactie validate: {'kan niet worden gelezen' if nl else 'cannot be read'}: {one_line(str(exc))}",
              file=sys.stderr)
        return 2
    missing = [p for p in paths if not p.exists()]
    if missing:
        _say(f"{'bestaat niet' if nl else 'does not exist'}: {one_line(missing[0])}")
        return 2
    root = args.repo.resolve() if args.repo else find_root(paths[0])
    if not root.is_dir():
        _say(f"{'geen map' if nl else 'not a folder'}: {root}")
        return 2
    outside = [p for p in paths if not p.is_relative_to(root)]
    if outside:
        text = f"ligt niet in de repository {root}" if nl else f"is not inside the repository {root}"
        _say(f"{one_line(outside[0])} {text}")
        return 2
    try:
        repo = ContentRepository(root, select_schema(root, args.schema))  # default: the remembered choice
        files = [p for p in paths if p.is_file()]
        wanted = [p.relative_to(root).as_posix() for p in files] if files else None
        if not repo.documents:
            _say((f"het schema past op geen enkel document in {root}; kies een ander schema met --schema"
                  if nl else f"the schema matches no document in {root}; choose another schema with --schema")
                 + f" ({repo.schema.describe().get(args.lang)})")
            return 2
        unmatched = [w for w in wanted or [] if repo.schema.type_for(w) is None]
        if unmatched:
            _say(f"{unmatched[0]}: " + ("geen document volgens het schema (geen bekend documenttype)" if nl
                                        else "not a document by the schema (no known document type)"))
            return 2
        findings = validate_repository(repo, wanted)
    except SchemaError as exc:
        _say(one_line(exc.localized(args.lang), newlines=True))
        return 2
    _say(repo.schema.describe().get(args.lang))
    if not (root / SCHEMA_FILE).is_file():
        if args.write_schema:
            from .schema.infer import write_inferred_schema

            try:
                written = write_inferred_schema(root, repo.schema)
            except OSError as exc:
                reason = exc.localized(args.lang) if isinstance(exc, FileRefused) else exc.strerror or str(exc)
                _say(f"{'schema niet geschreven' if nl else 'schema not written'}: {one_line(reason)}")
                return 2
            _say(f"{'schema geschreven naar' if nl else 'schema written to'} {one_line(written)}")
        else:
            _say("geen schemabestand in de repository; --write-schema schrijft dit schema uit als startpunt" if nl
                 else "no schema file in the repository; --write-schema writes this schema out as a starting point")
    if args.format == "json":
        # A file name that is not UTF-8 is shown with U+FFFD: the JSON stays valid UTF-8.
        write_json_list(({k: v if not isinstance(v, str) or v.isascii() else printable(v)
                          for k, v in f.as_json(args.lang).items()} for f in findings), sys.stdout)
    else:
        for f in findings:
            field = f"{f.field}: " if f.field else ""
            print(one_line(f"{f.path}:{f.line}: {f.severity} [{f.code}] {field}{f.message(args.lang)}"))
        errors = sum(f.severity == ERROR for f in findings)
        summary = (f"{len(findings)} bevindingen, {errors} fouten in {len(wanted or repo.documents)} documenten"
                   if nl else f"{len(findings)} findings, {errors} errors in {len(wanted or repo.documents)} documents")
        print(summary, file=sys.stderr)
    return 1 if any(f.severity == ERROR for f in findings) else 0


def write_json_list(items: Iterable[dict[str, object]], out: TextIO) -> None:
    """Write a list of objects as `json.dumps(..., ensure_ascii=False, indent=2)` prints it, one object
    at a time: the whole text is never held, and each value goes through the C encoder."""
    encode = json.JSONEncoder(ensure_ascii=False).encode

    def nested(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")

    first = True
    for item in items:
        fields = ",\n".join(f"    {encode(k)}: " + (encode(v) if not isinstance(v, (list, dict)) else nested(v))
                            for k, v in item.items())
        out.write(("[\n" if first else ",\n") + ("  {\n" + fields + "\n  }" if fields else "  {}"))
        first = False
    out.write("[]\n" if first else "\n]\n")


def printable(text: object) -> str:
    """Text that any output can hold: undecodable file-name bytes become U+FFFD."""
    from .fileio import printable as clean

    return clean(str(text))


def one_line(text: object, newlines: bool = False) -> str:
    """Printable text on one line: control characters (a newline or a terminal escape in a file name or a
    value) are shown as `\\xNN`, so they can neither break the line format nor steer the terminal."""
    pattern = r"[\x00-\x09\x0b-\x1f\x7f]" if newlines else r"[\x00-\x1f\x7f]"
    return re.sub(pattern, lambda m: f"\\x{ord(m.group()):02x}", printable(text))


def _safe_output() -> None:
    """Never a UnicodeEncodeError on output, whatever the locale's encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def spelling_main(argv: list[str]) -> int:
    """`redactie spelling [TEXT]`: which dictionaries are used, and the unknown words of TEXT, as JSON."""
    from .spelling import DictionaryMissing, Speller, dictionaries

    parser = argparse.ArgumentParser(prog="redactie spelling", description="Check the spelling dictionaries.")
    parser.add_argument("text", nargs="?", default="", help="a line of Markdown to check")
    parser.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the text")
    args = parser.parse_args(argv)
    try:
        speller = Speller(args.lang, None).load()
        found = {lang: str(Path(folder) / f"{stem}.dic") for lang in ("nl", "en")
                 for folder, stem in [dictionaries.find(lang)]}
    except DictionaryMissing as exc:
        print(f"redactie spelling: {exc.localized(args.lang)}", file=sys.stderr)
        return 2
    unknown = [args.text[a:a + n] for a, n in speller.misspelled(args.text)]
    print(json.dumps({"dictionaries": found, "misspelled": unknown}, ensure_ascii=False))
    return 0


def is_askpass_call(argv: list[str]) -> bool:
    """True when git runs the app as its askpass program: one argument, a question such as `Password for 'x':`."""
    if not (len(argv) == 1 and argv[0].rstrip().endswith(":")):
        return False  # every other start, `validate` among them, need not load the git environment module
    from .gitservice.gitenv import ASKPASS_MARK

    return bool(os.environ.get(ASKPASS_MARK))


def rename_value_main(argv: list[str]) -> int:
    """`redactie rename-value FIELD OLD NEW [PATH]`: edit the work tree (never commits); see bulk_cli."""
    from .bulk_cli import rename_value

    return rename_value(argv)




def merge_driver_main(argv: list[str]) -> int:
    """`redactie merge-driver BASE OURS THEIRS`: merge into OURS; exit 0 when clean, 1 with conflicts."""
    from .fileio import atomic_write
    from .gitservice.conflicts import has_markers
    from .gitservice.problems import GitProblem
    from .gitservice.runner import stream
    from .merge import merge_documents, with_markers

    parser = argparse.ArgumentParser(prog="redactie merge-driver",
                                     description="Three-way merge of a document per front-matter field and "
                                                 "body section; git's own line merge for other files.")
    for name in ("base", "ours", "theirs"):
        parser.add_argument(name, type=Path)
    args = parser.parse_args(argv)
    try:
        result = merge_documents(args.base.read_bytes(), args.ours.read_bytes(), args.theirs.read_bytes())
    except OSError as exc:
        print(f"redactie merge-driver: {exc}", file=sys.stderr)
        return 2
    if result.is_document_merge:
        atomic_write(args.ours, result.data if result.data is not None else with_markers(result))
        for name in result.conflicts:
            print(f"redactie merge-driver: conflict in {name}", file=sys.stderr)
        return 1 if result.conflicts else 0
    try:  # not a document on some side: git's own line merge, with markers
        stream(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                str(args.ours), str(args.base), str(args.theirs)], None)
    except GitProblem:
        return 1 if has_markers(args.ours.read_bytes()) else 2
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `redactie` and `python -m redactie`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if is_askpass_call(argv):
        from .gui.askpass import ask

        return ask(argv[0])
    if argv and argv[0] == "validate":
        return validate_main(argv[1:])
    if argv and argv[0] == "spelling":
        return spelling_main(argv[1:])
    if argv and argv[0] == "spell-worker":  # the editor's spelling process, not listed in --help
        from .spelling.worker import main as spell_worker

        return spell_worker(argv[1:])
    if argv and argv[0] == "index-worker":  # the editor's first full reading of the index, not listed in --help
        from .index_worker import main as index_worker

        return index_worker(argv[1:])
    if argv and argv[0] == "check-git":  # for build checks, not listed in --help
        from .gitservice.selfcheck import main as check_git

        return check_git(argv[1:])
    if argv and argv[0] == "rename-value":
        return rename_value_main(argv[1:])
    if argv and argv[0] == "merge-driver":
        return merge_driver_main(argv[1:])
    args = _gui_parser().parse_args(argv)
    from .gui.app import run

    return run(args.path, quit_when_loaded=args.quit_when_loaded, language=args.lang,
               quit_when_painted=args.quit_when_painted, quit_when_listed=args.quit_when_listed)
