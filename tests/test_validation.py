"""Validation rules, schema errors and the `redactie validate` command."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from redactie.cli import main
from redactie.repository import ContentRepository
from redactie.schema import SchemaError, load_schema, parse_schema
from redactie.schema.infer import infer_schema, schema_to_yaml
from redactie.schema.select import select_schema
from redactie.validation import suggest, validate_repository

from .conftest import CONTENT, CORPUS

SCHEMAS = Path(__file__).resolve().parents[1] / "resources" / "schemas"


def _write(repo: Path, rel: str, text: str) -> None:
    (repo / rel).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(CONTENT, target)
    return target


def codes(repo: Path) -> Counter[str]:
    return Counter(f.code for f in validate_repository(ContentRepository(repo)))


def test_each_rule_fires(repo: Path) -> None:
    _write(repo, "docs/vereisten/fout.md", "---\ntitle: Een titel met punt.\ntoelichting: " + "woord " * 45
           + "\nstatus_vereiste:\n- Geldend\nlevenscyclus:\n- monitoren\n- \nbouwblok:\n- governance\nhide:\n- toc\n"
           "hide:\n- tocs\nextra: x\n---\n## Bronnen\n- [wet](url van wetsartikel)\n- [ok](https://wetten.overheid.nl/x)\n")
    _write(repo, "docs/maatregelen/rel.md", "---\ntitle: T\ntoelichting: t\nvereiste:\n- bestaat_niet\n"
           "levenscyclus:\n- ontwerp\nbouwblok:\n- data\n---\n")
    found = codes(repo)
    for code in ["title-full-stop", "word-limit", "vocabulary", "empty-item", "duplicate-key", "unknown-field",
                 "bad-url", "relation-missing"]:
        assert found[code] >= 1, code


def test_required_and_suggestions(repo: Path) -> None:
    _write(repo, "docs/vereisten/leeg.md", "---\ntitle: ''\n---\n")
    findings = [f for f in validate_repository(ContentRepository(repo)) if f.path.endswith("leeg.md")]
    assert {f.code for f in findings} == {"required"}
    assert suggest("Geldend", ["geldend", "nog-niet-geldend"]) == "geldend"
    assert suggest("Nog niet geldend", ["geldend", "nog-niet-geldend"]) == "nog-niet-geldend"
    assert suggest("monitoren", ["ontwerp", "monitoring-en-beheer"]) == "monitoring-en-beheer"
    assert suggest("ontwikkel", ["ontwerp", "ontwikkelen"]) == "ontwikkelen"
    assert suggest("tocs", ["navigation", "toc", "path"]) == "toc"
    assert suggest("iets heel anders", ["toc"]) is None


def test_broken_front_matter_is_a_finding_not_a_crash(repo: Path) -> None:
    _write(repo, "docs/vereisten/kapot.md", "---\ntitle: a: b\n---\n")
    (repo / "docs/vereisten/latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    found = codes(repo)
    assert found["front-matter"] == 1 and found["encoding"] == 1


@pytest.mark.parametrize("text, fragment", [
    ("types: {a: {files: [x/*.md], fields: [f]}}\nfields: {f: {kind: weird}}\n", "unknown kind"),
    ("types: [\n", "not valid YAML"),
    ("types: {a: {files: [x/*.md], fields: [g]}}\nfields: {}\n", "unknown field"),
    ("vocabularies: {v: {}}\ntypes: {a: {files: [x/*.md]}}\n", "needs 'values'"),
    ("fields: {f: {kind: relation, target: nergens}}\ntypes: {a: {files: [x/*.md]}}\n", "unknown document type"),
])
def test_bad_schema_gives_one_message_with_location(text: str, fragment: str) -> None:
    with pytest.raises(SchemaError) as info:
        parse_schema(text, "schema.yaml")
    assert fragment in info.value.message and info.value.line >= 1
    assert info.value.message_nl != info.value.message


def test_missing_vocabulary_folder(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(repo / "docs/levenscyclus")
    assert main(["validate", str(repo)]) == 2
    assert "docs/levenscyclus" in capsys.readouterr().err


def test_cli_exit_codes_and_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(repo)]) == 0
    _write(repo, "docs/vereisten/fout.md", "---\ntitle: T\nstatus_vereiste:\n- Geldend\n---\n")
    capsys.readouterr()
    assert main(["validate", str(repo), "--format", "json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert all(set(item) == {"path", "line", "field", "severity", "code", "message"} for item in data)
    vocab = next(item for item in data if item["code"] == "vocabulary")
    # the finding names the list item's own line (4), not the key's (3)
    assert vocab["path"] == "docs/vereisten/fout.md" and vocab["line"] == 4 and "geldend" in vocab["message"]
    assert main(["validate", str(repo / "docs/vereisten/fout.md")]) == 1
    assert main(["validate", str(repo / "docs/vereisten/menselijk_toezicht_hoog_risico.md")]) == 0
    assert main(["validate", str(repo / "bestaat-niet")]) == 2


def test_infer_schema_from_documents(repo: Path) -> None:
    (repo / "redactie-schema.yaml").unlink()
    repo_obj = ContentRepository(repo, select_schema(repo, "inferred"))
    assert repo_obj.schema.inferred
    assert set(repo_obj.schema.types) == {"vereisten", "maatregelen"}
    assert repo_obj.schema.fields["levenscyclus"].kind == "multichoice"
    assert repo_obj.vocabulary("levenscyclus").values.keys() >= {"ontwerp", "uitfaseren"}
    written = schema_to_yaml(infer_schema(repo))
    assert parse_schema(written).types.keys() == {"vereisten", "maatregelen"}


def test_cli_says_the_schema_was_inferred_and_writes_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "redactie-schema.yaml").unlink()
    main(["validate", str(repo)])
    assert "--write-schema" in capsys.readouterr().err
    assert not (repo / "redactie-schema.yaml").exists()
    main(["validate", str(repo), "--write-schema"])
    assert "redactie-schema.yaml" in capsys.readouterr().err
    assert parse_schema((repo / "redactie-schema.yaml").read_text(encoding="utf-8")).types


def _upstream_findings(root: Path, id_prefixes: dict[str, str]) -> set[tuple[str, str]]:
    """An independent reading of the upstream rules (DOMAIN.md): labels, unique ids, file prefixes."""
    import re

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = True
    vocab = {key: {p.stem for p in (root / "docs" / folder).glob("*.md") if p.name != "index.md"}
             for key, folder in (("levenscyclus", "levenscyclus"), ("onderwerp", "onderwerpen"), ("rollen", "rollen"))}
    expected: set[tuple[str, str]] = set()
    ids: dict[str, list[str]] = {}
    for folder in id_prefixes:
        for path in sorted((root / folder).glob("*.md")):
            if path.name == "index.md":
                continue
            rel = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            meta = yaml.load(text.split("\n---", 1)[0][3:]) or {}
            for key, allowed in vocab.items():
                values = meta.get(key) or []
                values = [values] if isinstance(values, str) else values
                if any(v and v not in allowed for v in values):
                    expected.add((rel, "vocabulary:" + key))
            urn = meta.get("id")
            if isinstance(urn, str):
                ids.setdefault(urn, []).append(rel)
                code = urn.rsplit(":", 1)[-1]
                if urn.startswith(id_prefixes[folder]) and not re.match(rf"(\d-)?{re.escape(code)}", path.name):
                    expected.add((rel, "file-prefix"))
    for places in ids.values():
        if len(places) > 1:
            expected.update((p, "id-duplicate") for p in places)
    return expected


@pytest.mark.skipif(not (CORPUS / "algoritmekader-2026").is_dir(), reason="../shared/corpus is not present")
def test_2026_schema_agrees_with_upstream_rules_file_by_file() -> None:
    root = CORPUS / "algoritmekader-2026"
    repo = ContentRepository(root, load_schema(SCHEMAS / "algoritmekader-2026.yaml"))
    base = "docs/voldoen-aan-wetten-en-regels/"
    expected = _upstream_findings(root, {base + "vereisten": "urn:nl:ak:ver:", base + "maatregelen": "urn:nl:ak:mtr:",
                                         base + "hulpmiddelen": "urn:nl:ak:"})
    ours = {(f.path, f"{f.code}:{f.field}" if f.code == "vocabulary" else f.code)
            for f in validate_repository(repo)
            if f.code in ("id-duplicate", "file-prefix") or (f.code == "vocabulary"
                                                             and f.field in ("levenscyclus", "onderwerp", "rollen"))}
    assert ours == expected


@pytest.mark.skipif(not (CORPUS / "algoritmekader-2024").is_dir(), reason="../shared/corpus is not present")
def test_seed_schema_on_2024_corpus() -> None:
    root = CORPUS / "algoritmekader-2024"
    repo = ContentRepository(root, load_schema(SCHEMAS / "algoritmekader-2024.yaml"))
    findings = validate_repository(repo)
    assert len(repo.documents) == 77
    labels = {(f.path, f.field) for f in findings if f.code == "vocabulary"}
    import re

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = True
    allowed = {"levenscyclus": {p.stem for p in (root / "docs/levenscyclus").glob("*.md") if p.name != "index.md"},
               "bouwblok": {p.name for p in (root / "docs/bouwblokken").iterdir() if p.is_dir()},
               "status_vereiste": {"geldend", "nog-niet-geldend"}}
    expected = set()
    for ref in repo.documents:
        text = (root / ref.path).read_text(encoding="utf-8")
        meta = yaml.load(re.split(r"\n---", text, maxsplit=1)[0][3:]) or {}
        for key, values in allowed.items():
            items = meta.get(key) or []
            items = [items] if isinstance(items, str) else items
            if any(v and v not in values for v in items):
                expected.add((ref.path, key))
    assert labels == expected


@pytest.mark.skipif(not (CORPUS / "algoritmekader-2026").is_dir(), reason="../shared/corpus is not present")
def test_a_file_name_without_its_code_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(CORPUS / "algoritmekader-2026", root)
    folder = root / "docs/voldoen-aan-wetten-en-regels/maatregelen"
    source = sorted(folder.glob("*.md"))[0]
    source.rename(folder / "zonder-code.md")
    repo = ContentRepository(root, load_schema(SCHEMAS / "algoritmekader-2026.yaml"))
    found = [f for f in validate_repository(repo) if f.path.endswith("/zonder-code.md")]
    assert any(f.code == "file-prefix" and "'" in f.message("nl") for f in found)
