"""Changes across many documents, on git copies of both corpus snapshots: exactly the expected lines change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from redactie.bulk import BulkRefused, apply_plan, pending, plan_rename, undo
from redactie.cli import main
from redactie.repository import ContentRepository
from redactie.validation import ERROR, validate_repository

from .conftest import CORPUS, copy_writable, git

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (../shared/corpus) is absent")


def corpus_repo(tmp_path: Path, snapshot: str) -> Path:
    """A git repository holding a copy of one corpus snapshot, committed."""
    repo = tmp_path / snapshot
    copy_writable(CORPUS / snapshot, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "snapshot")
    return repo


def changed_lines(repo: Path) -> tuple[dict[tuple[str, int], str], list[tuple[str, str]], list[str]]:
    """From `git diff` against HEAD: removed lines by (old path, line), added lines by (new path, text), renames."""
    git(repo, "add", "-A")
    out = git(repo, "diff", "--cached", "-U0", "-M", "--no-color", "HEAD")
    removed: dict[tuple[str, int], str] = {}
    added: list[tuple[str, str]] = []
    renames: list[str] = []
    old_path = new_path = ""
    line = 0
    for text in out.splitlines():
        if text.startswith("--- "):
            old_path = text[6:].rstrip("\t") if text != "--- /dev/null" else ""
        elif text.startswith("+++ "):
            new_path = text[6:].rstrip("\t") if text != "+++ /dev/null" else ""
        elif text.startswith("rename to "):
            renames.append(text[10:])
        elif text.startswith("@@"):
            line = int(re.match(r"@@ -(\d+)", text).group(1))
        elif text.startswith("-") and not text.startswith("---"):
            removed[(old_path, line)] = text[1:]
            line += 1
        elif text.startswith("+") and not text.startswith("+++"):
            added.append((new_path, text[1:]))
    return removed, added, renames


NOT_THE_VALUE = re.compile(r"!\[[^\]]*\]|[\w./-]+\.(?:png|jpe?g|svg|gif)\b|https?://\S+")


def grep_lines(repo: Path, needle: str) -> dict[tuple[str, int], str]:
    """Every line of the committed snapshot that names `needle` (what should change): as a list item, a link
    target or a hook argument; not where it is only part of an image's alt text or file name or a web address."""
    out = git(repo, "grep", "-n", "-F", "-e", needle, "HEAD", "--", "*.md")
    found = {}
    for text in out.splitlines():
        _, path, number, rest = text.split(":", 3)
        if needle in NOT_THE_VALUE.sub("", rest):
            found[(path, int(number))] = rest
    return found


def errors(repo: Path) -> tuple[set[tuple[str, str]], int]:
    """(code, field) of every error `redactie validate` finds (ignoring which file: files are renamed), and
    how many there are."""
    found = [f for f in validate_repository(ContentRepository(repo)) if f.severity == ERROR]
    return {(f.code, f.field or "") for f in found}, len(found)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def run_cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["rename-value", *args])
    return code, capsys.readouterr().out


CASES = [
    # snapshot, field, old, new, defining file before, after (None: removed by the merge)
    ("algoritmekader-2026", "levenscyclus", "monitoring-en-beheer", "beheer",
     "docs/levenscyclus/monitoring-en-beheer.md", "docs/levenscyclus/beheer.md"),
    ("algoritmekader-2024", "levenscyclus", "monitoring-en-beheer", "beheer",
     "docs/levenscyclus/monitoring-en-beheer.md", "docs/levenscyclus/beheer.md"),
    ("algoritmekader-2026", "onderwerp", "menselijke-controle", "transparantie",
     "docs/onderwerpen/menselijke-controle.md", None),
    ("algoritmekader-2024", "bouwblok", "menselijke-controle", "transparantie",
     "docs/bouwblokken/menselijke-controle/index.md", None),
    ("algoritmekader-2026", "vereiste", "aia-18-corrigerende-maatregelen-voor-non-conforme-ai",
     "aia-18-corrigerende-maatregelen",
     "docs/voldoen-aan-wetten-en-regels/vereisten/aia-18-corrigerende-maatregelen-voor-non-conforme-ai.md",
     "docs/voldoen-aan-wetten-en-regels/vereisten/aia-18-corrigerende-maatregelen.md"),
    ("algoritmekader-2024", "vereiste", "bevorder_ai_geletterdheid_personeel", "ai_geletterdheid",
     "docs/vereisten/bevorder_ai_geletterdheid_personeel.md", "docs/vereisten/ai_geletterdheid.md"),
]


@needs_corpus
@pytest.mark.parametrize(("snapshot", "field", "old", "new", "defined", "renamed"), CASES,
                         ids=[f"{c[0][-4:]}-{c[1]}" for c in CASES])
def test_rename_changes_exactly_the_lines_that_held_the_value(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], snapshot: str, field: str, old: str, new: str,
        defined: str, renamed: str | None) -> None:
    repo = corpus_repo(tmp_path, snapshot)
    expected = grep_lines(repo, old)
    errors_before, count_before = errors(repo)
    holders_of_new = {p for (p, _), text in grep_lines(repo, new).items() if text.strip() == f"- {new}"}

    code, out = run_cli(field, old, new, str(repo), "--dry-run", "--format", "json", capsys=capsys)
    assert code == 0
    plan = json.loads(out)
    assert git(repo, "status", "--porcelain") == ""  # a dry run writes nothing
    assert {(c["file"], c["line"]) for c in plan["changes"]} <= set(expected)

    code, _ = run_cli(field, old, new, str(repo), capsys=capsys)
    assert code == 0
    removed, added, renames = changed_lines(repo)
    if renamed is None:  # a merge removes the old value's own file: its lines are not compared one by one
        removed = {k: v for k, v in removed.items() if k[0] != defined}
        expected = {k: v for k, v in expected.items() if k[0] != defined}
    # Exactly the lines that held the value (in front matter, links, hook comments) changed, and nothing else.
    assert set(removed) == set(expected), set(removed) ^ set(expected)
    replaced = [text.replace(old, new) for text in removed.values()]
    for path, text in added:
        assert text in replaced, (path, text)
    dropped = len(removed) - len(added)  # a merge removes the old value where the new one was already listed
    assert dropped >= 0 and (renamed is not None or dropped <= len(holders_of_new))
    if renamed is None:
        assert not (repo / defined).exists()
        assert (repo / defined.replace(old, new)).exists()  # the target's own file stays
    else:
        assert not (repo / defined).exists() and (repo / renamed).is_file()
        assert renamed in renames
    # The work tree is edited; nothing is committed.
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "1"
    # redactie validate finds no new error, and the site's YAML reader (PyYAML) reads the new values.
    errors_after, count_after = errors(repo)
    assert errors_after <= errors_before and count_after <= count_before
    for (path, _), text in expected.items():
        final = renamed if path == defined and renamed else path
        if (repo / final).is_file() and text.strip() in (f"- {old}", f"- '{old}'", f'- "{old}"'):
            data = front_matter(repo / final)
            held = [v for k, v in data.items() if isinstance(v, list) and new in v]
            assert held and not any(old in v for v in data.values() if isinstance(v, list)), final


@needs_corpus
def test_nothing_to_do_and_unusable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = corpus_repo(tmp_path, "algoritmekader-2026")
    assert run_cli("levenscyclus", "bestaat-niet", "iets", str(repo), capsys=capsys)[0] == 1
    assert run_cli("geen-veld", "a", "b", str(repo), capsys=capsys)[0] == 2
    assert run_cli("levenscyclus", "ontwerp", "../weg", str(repo), capsys=capsys)[0] == 2
    assert "bestaat al" not in capsys.readouterr().err
    assert git(repo, "status", "--porcelain") == ""


@needs_corpus
def test_undo_and_refusal(tmp_path: Path) -> None:
    repo = corpus_repo(tmp_path, "algoritmekader-2026")
    content = ContentRepository(repo)
    plan = plan_rename(content, "levenscyclus", "ontwerp", "ontwerpen")
    target = repo / plan.edited[0].path
    with pytest.raises(BulkRefused) as unsaved:
        apply_plan(repo, plan, unsaved={plan.edited[0].path})
    assert plan.edited[0].path in unsaved.value.localized("nl")
    target.write_bytes(target.read_bytes() + b"\n")
    with pytest.raises(BulkRefused) as changed:
        apply_plan(repo, plan)
    assert "gewijzigd op schijf" in changed.value.localized("nl")
    git(repo, "checkout", "--", ".")
    assert git(repo, "status", "--porcelain") == ""  # refused: nothing written
    journal = apply_plan(repo, plan)
    assert [j.ident for j in pending(repo)] == [journal.ident]
    assert git(repo, "status", "--porcelain") != ""
    undo(repo, journal)
    assert git(repo, "status", "--porcelain") == ""
    assert pending(repo) == []
