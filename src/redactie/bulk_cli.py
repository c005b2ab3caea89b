"""`redactie rename-value FIELD OLD NEW [PATH]`: rename or merge a vocabulary value from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redactie rename-value",
        description="Rename a value of a choice, multichoice or relation field in every document (a merge when "
                    "NEW exists); rename its defining file and update links. Edits the work tree; never commits.")
    parser.add_argument("field", help="the field (as in the schema or the front matter), e.g. levenscyclus")
    parser.add_argument("old", help="the value to rename")
    parser.add_argument("new", help="the new value (an existing value: merge)")
    parser.add_argument("path", nargs="?", type=Path, default=None,
                        help="the repository or a folder in it (default: current folder)")
    parser.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the messages")
    return parser


def rename_value(argv: list[str]) -> int:
    """Exit 0 when done (or, with --dry-run, when there is something to do), 1 nothing to do, 2 unusable."""
    from .bulk import BulkError, apply_plan, plan_rename
    from .repository import ContentRepository, find_root
    from .schema import SchemaError

    args = _parser().parse_args(argv)
    lang = args.lang
    start = (args.path or Path.cwd()).resolve()
    if not start.exists():
        print(f"redactie rename-value: {'bestaat niet' if lang == 'nl' else 'does not exist'}: {start}",
              file=sys.stderr)
        return 2
    try:
        repo = ContentRepository(find_root(start))
        plan = plan_rename(repo, args.field, args.old, args.new)
    except (SchemaError, BulkError) as exc:
        print(f"redactie rename-value: {exc.localized(lang)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"redactie rename-value: {exc}", file=sys.stderr)
        return 2
    for note in plan.notes:
        print(f"redactie rename-value: {note.get(lang)}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(plan.as_json(lang), ensure_ascii=False, indent=2))
    else:
        for f in plan.files:
            if f.after is None:
                print(f"{f.path}: {'verwijderd' if lang == 'nl' else 'removed'}")
            elif f.new_path:
                print(f"{f.path} -> {f.new_path}")
            for c in f.lines:
                print(f"{f.path}:{c.line}: {c.old!r} -> {c.new!r}")
        for d in plan.folders:
            print(f"{d.path}/ -> {d.new_path}/")
    if plan.empty:
        print("redactie rename-value: " + ("niets te doen: geen document heeft deze waarde" if lang == "nl"
                                           else "nothing to do: no document holds this value"), file=sys.stderr)
        return 1
    if args.dry_run:
        return 0
    try:
        apply_plan(repo.root, plan)
    except BulkError as exc:
        print(f"redactie rename-value: {exc.localized(lang)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"redactie rename-value: {exc}", file=sys.stderr)
        return 2
    print(f"redactie rename-value: {plan.message.get(lang)}", file=sys.stderr)
    return 0
