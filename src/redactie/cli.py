"""Command line: `redactie [PATH]` opens the editor; `redactie validate` checks a content repository."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


class _Version(argparse.Action):
    """`--version`, reading the package's version only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from . import __version__

        print(f"redactie {__version__}")
        parser.exit()

SUBCOMMANDS = {"validate": "check documents against the schema (exit 0: no errors, 1: errors, 2: unusable)"}


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
                        help="load, paint the window once, print load timings as JSON and exit")
    parser.add_argument("--lang", choices=["nl", "en"], help="user interface language (default: nl)")
    parser.add_argument("--version", action=_Version)
    return parser


def _validate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="redactie validate", description="Check documents against the schema.")
    parser.add_argument("paths", nargs="*", type=Path, help="a repository or files in it (default: current folder)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the messages")
    parser.add_argument("--schema", type=Path, help="use this schema file instead of the repository's")
    parser.add_argument("--write-schema", action="store_true",
                        help="when the repository has no schema file, write the inferred one as a starting point")
    return parser


def validate_main(argv: list[str]) -> int:
    """`redactie validate`: print findings; exit 0 without errors, 1 with errors, 2 when unusable."""
    from .repository import ContentRepository, find_root
    from .schema import SchemaError, load_schema
    from .validation import ERROR, validate_repository

    args = _validate_parser().parse_args(argv)
    nl = args.lang == "nl"
    paths = [p.resolve() for p in args.paths] or [Path.cwd()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"redactie validate: {'bestaat niet' if nl else 'does not exist'}: {missing[0]}", file=sys.stderr)
        return 2
    root = find_root(paths[0])
    outside = [p for p in paths if not p.is_relative_to(root)]
    if outside:
        text = f"ligt niet in de repository {root}" if nl else f"is not inside the repository {root}"
        print(f"redactie validate: {outside[0]} {text}", file=sys.stderr)
        return 2
    try:
        schema = load_schema(args.schema) if args.schema else None
        repo = ContentRepository(root, schema)
        files = [p for p in paths if p.is_file()]
        wanted = [p.relative_to(root).as_posix() for p in files] if files else None
        findings = validate_repository(repo, wanted)
    except SchemaError as exc:
        print(f"redactie validate: {exc.localized(args.lang)}", file=sys.stderr)
        return 2
    if repo.schema.inferred:
        from .schema.infer import write_inferred_schema

        if args.write_schema:
            written = write_inferred_schema(root, repo.schema)
            print(f"redactie validate: {'schema geschreven naar' if nl else 'schema written to'} {written}",
                  file=sys.stderr)
        else:
            print("redactie validate: " + ("geen schemabestand; het schema is afgeleid uit de documenten "
                                           "(--write-schema schrijft het uit als startpunt)" if nl else
                                           "no schema file; the schema was inferred from the documents "
                                           "(--write-schema writes it out as a starting point)"), file=sys.stderr)
    if args.format == "json":
        print(json.dumps([f.as_json(args.lang) for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            field = f"{f.field}: " if f.field else ""
            print(f"{f.path}:{f.line}: {f.severity} [{f.code}] {field}{f.message(args.lang)}")
        errors = sum(f.severity == ERROR for f in findings)
        summary = (f"{len(findings)} bevindingen, {errors} fouten" if args.lang == "nl"
                   else f"{len(findings)} findings, {errors} errors")
        print(summary, file=sys.stderr)
    return 1 if any(f.severity == ERROR for f in findings) else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `redactie` and `python -m redactie`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "validate":
        return validate_main(argv[1:])
    args = _gui_parser().parse_args(argv)
    from .gui.app import run

    return run(args.path, quit_when_loaded=args.quit_when_loaded, language=args.lang)
