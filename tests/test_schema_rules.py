"""Parity with the site's own CI, inference by rule, and a command line that never passes silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from redactie.cli import main
from redactie.repository import ContentRepository
from redactie.schema.model import glob_match
from redactie.schema.select import select_schema
from redactie.validation import validate_repository

from .conftest import git

NESTED = "docs/voldoen-aan-wetten-en-regels"
VEREISTE = """---
title: {title}
id: urn:nl:ak:ver:{code}
toelichting: Een korte toelichting
levenscyclus:
- ontwerp
onderwerp:
- governance
rollen:
- jurist
{extra}hide:
- navigation
---

## Vereiste

Tekst.
"""
MAATREGEL = """---
title: Een maatregel
id: urn:nl:ak:mtr:{code}
toelichting: Een korte toelichting
vereiste:
{vereisten}levenscyclus:
- ontwerp
onderwerp:
- governance
rollen:
- jurist
hide:
- navigation
---

## Maatregel

{body}
"""


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small repository in the 2026 layout (no git, no schema file), every document valid."""
    root = tmp_path / "site"
    for folder, names in (("levenscyclus", ["ontwerp", "index"]), ("onderwerpen", ["governance", "data", "index"]),
                          ("rollen", ["jurist", "index"])):
        for name in names:
            _write(root, f"docs/{folder}/{name}.md", f"---\ntitle: {name.capitalize()}\n---\n")
    for code in ("aia-01", "aia-02", "avg-01"):
        _write(root, f"{NESTED}/vereisten/{code}-iets.md", VEREISTE.format(title=f"Vereiste {code}", code=code,
                                                                            extra=""))
    _write(root, f"{NESTED}/maatregelen/0-org-01-iets.md",
           MAATREGEL.format(code="org-01", vereisten="- aia-01-iets\n", body="Zie [de vereiste](../vereisten/"
                            "aia-01-iets.md)."))
    _write(root, f"{NESTED}/maatregelen/1-pba-01-iets.md", MAATREGEL.format(code="pba-01", vereisten="- avg-01-iets\n",
                                                                            body="Tekst."))
    _write(root, f"{NESTED}/vereisten/index.md", "# Vereisten\n")
    _write(root, "templates/template-vereiste.md", VEREISTE.format(title="{title}", code="xxx", extra=""))
    return root


def _findings(root: Path) -> list[tuple[str, int, str, str]]:
    return [(f.path.rsplit("/", 1)[-1], f.line, f.code, f.field) for f in validate_repository(ContentRepository(root))
            if f.severity != "info"]


def test_the_site_is_recognised_and_clean(site: Path) -> None:
    assert ContentRepository(site).schema.format_id == "algoritmekader-2026"
    assert _findings(site) == []


def test_a_file_name_without_its_code_is_reported_not_a_crash(site: Path) -> None:
    """`finding(..., code=code)` used to collide with finding's own parameter: exit 1, no output."""
    _write(site, f"{NESTED}/vereisten/aia-03-goed.md", VEREISTE.format(title="T", code="aia-03", extra=""))
    _write(site, f"{NESTED}/vereisten/zonder-code.md", VEREISTE.format(title="T", code="aia-04", extra=""))
    assert ("zonder-code.md", 3, "file-prefix", "id") in _findings(site)


@pytest.mark.parametrize("name, ok", [("aia-05-x.md", True), ("12-aia-05-x.md", True), ("0-aia-05-x.md", True),
                                      ("aia-050-x.md", False), ("aia-05.md", False), ("x-aia-05-y.md", False)])
def test_file_prefix_is_upstream_s_pattern(site: Path, name: str, ok: bool) -> None:
    _write(site, f"{NESTED}/vereisten/{name}", VEREISTE.format(title="T", code="aia-05", extra=""))
    prefix = [f for f in _findings(site) if f[2] == "file-prefix"]
    assert (prefix == []) is ok, prefix


def test_ids_are_unique_across_maatregelen_and_vereisten(site: Path) -> None:
    text = (site / f"{NESTED}/vereisten/aia-02-iets.md").read_text(encoding="utf-8")
    _write(site, f"{NESTED}/vereisten/aia-02-iets.md", text.replace("urn:nl:ak:ver:aia-02", "urn:nl:ak:ver:aia-01"))
    found = [f for f in _findings(site) if f[2] == "id-duplicate"]
    assert {f[0] for f in found} == {"aia-01-iets.md", "aia-02-iets.md"}


def test_a_yaml_11_boolean_label_is_an_error_saying_the_site_reads_false(site: Path) -> None:
    _write(site, f"{NESTED}/vereisten/aia-03-x.md", VEREISTE.format(
        title="T", code="aia-03", extra="open-source:\n- no\nrol-ai-act:\n- ja\n"))
    findings = validate_repository(ContentRepository(site))
    boolean = [f for f in findings if f.code == "yaml-boolean"]
    assert len(boolean) == 1 and boolean[0].line == 12 and "false" in boolean[0].message_en
    assert "onwaar" in boolean[0].message_nl
    assert [f.code for f in findings if f.field == "rol-ai-act"] == ["vocabulary"]  # `ja` is text: just unknown


def test_uitzondering_expressions_are_accepted_and_their_names_checked(site: Path) -> None:
    good = '- ("soort-toepassing-ai-systeem" || "soort-toepassing-ai-model-voor-algemene-doeleinden") && ' \
           '"open-source-open-source"\n'
    _write(site, f"{NESTED}/vereisten/aia-03-x.md", VEREISTE.format(title="T", code="aia-03",
                                                                    extra="uitzondering:\n" + good))
    assert _findings(site) == []
    bad = '- ("soort-toepassing-ai-systeem") && not "open-source-opensource"\n'
    _write(site, f"{NESTED}/vereisten/aia-03-x.md", VEREISTE.format(title="T", code="aia-03",
                                                                    extra="uitzondering:\n" + bad))
    findings = [f for f in validate_repository(ContentRepository(site)) if f.code == "expression-name"]
    assert len(findings) == 1 and "'open-source-opensource'" in findings[0].message_en
    assert findings[0].suggestion == "open-source-open-source"


def test_a_finding_on_a_list_item_names_the_item_s_line(site: Path) -> None:
    _write(site, f"{NESTED}/maatregelen/1-pba-02-x.md", MAATREGEL.format(
        code="pba-02", vereisten="- aia-01-iets\n- aia-09-bestaat-niet\n", body="x"))
    assert ("1-pba-02-x.md", 7, "relation-missing", "vereiste") in _findings(site)


def test_hide_values_are_checked(site: Path) -> None:
    text = (site / f"{NESTED}/vereisten/aia-02-iets.md").read_text(encoding="utf-8")
    _write(site, f"{NESTED}/vereisten/aia-02-iets.md", text.replace("- navigation", "- tocs"))
    assert ("aia-02-iets.md", 12, "vocabulary", "hide") in _findings(site)


def test_a_relative_link_to_a_missing_document_is_a_warning(site: Path) -> None:
    _write(site, f"{NESTED}/maatregelen/1-pba-03-x.md", MAATREGEL.format(
        code="pba-03", vereisten="- aia-01-iets\n", body="Zie [weg](../vereisten/aia-99-weg.md#kop) en [goed]("
        "../vereisten/aia-02-iets.md) en [site](https://example.org/x.md) en ![beeld](plaatje.png)."))
    links = [f for f in validate_repository(ContentRepository(site)) if f.code == "broken-link"]
    assert [(f.line, f.severity) for f in links] == [(19, "warning")]
    assert "aia-99-weg.md" in links[0].message_nl


def test_globs_keep_star_within_a_folder() -> None:
    assert glob_match("docs/vereisten/a.md", "docs/vereisten/*.md")
    assert not glob_match("docs/vereisten/oud/a.md", "docs/vereisten/*.md")
    assert glob_match("docs/vereisten/oud/a.md", "docs/vereisten/**/*.md")
    assert glob_match("docs/vereisten/a.md", "docs/**/*.md")
    assert not glob_match("docs/vereistenx/a.md", "docs/vereisten*/b.md")


def test_inference_by_rule(site: Path) -> None:
    """Nothing recognised: relations from file names, per-type fields, no templates, no typo in a vocabulary."""
    for folder in ("vereisten", "maatregelen"):
        (site / NESTED / folder).rename(site / "teksten" / folder) if (site / "teksten").exists() else (
            (site / "teksten").mkdir(), (site / NESTED / folder).rename(site / "teksten" / folder))
    _write(site, "teksten/maatregelen/2-x.md", MAATREGEL.format(code="x", vereisten="- aia-02-iets\n", body="x")
           .replace("- governance", "- governance\n- gouvernance"))
    _write(site, "teksten/maatregelen/3-y.md", MAATREGEL.format(code="y", vereisten="- avg-01-iets\n", body="x"))
    shutil.rmtree(site / "docs/onderwerpen")  # no defining folder: only shared values make the vocabulary
    repo = ContentRepository(site)
    assert repo.schema.inferred
    assert set(repo.schema.types) == {"vereisten", "maatregelen"}
    vereiste = next(f for f in repo.schema.fields_of(repo.schema.types["maatregelen"]) if f.key == "vereiste")
    assert vereiste.kind == "relation" and vereiste.target == "vereisten"
    assert all(not ref.path.startswith("templates/") for ref in repo.documents)
    onderwerp = next(f for f in repo.schema.fields_of(repo.schema.types["maatregelen"]) if f.key == "onderwerp")
    assert "gouvernance" not in repo.vocabulary(onderwerp.vocabulary).values  # seen once: not a vocabulary value
    findings = validate_repository(repo)
    assert [(f.path.rsplit("/", 1)[-1], f.code) for f in findings if f.severity == "error"] == [
        ("2-x.md", "vocabulary")]


def test_cli_exit_2_when_the_schema_matches_no_document(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(site, "leeg-schema.yaml", "types: {x: {files: [nergens/*.md]}}\n")
    assert main(["validate", str(site), "--schema", str(site / "leeg-schema.yaml")]) == 2
    assert "geen enkel document" in capsys.readouterr().err


def test_cli_validates_a_file_with_its_repository_s_rules_without_git(site: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    bad = site / f"{NESTED}/vereisten/aia-02-iets.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("- jurist", "- juristen"), encoding="utf-8")
    assert not (site / ".git").exists()
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr()
    assert "juristen" in out.out and "formaat 2026, herkend" in out.err
    assert main(["validate", str(bad), "--repo", str(site)]) == 1
    git(site, "init", "-q")
    assert main(["validate", str(bad)]) == 1


def test_cli_unclosed_quote_is_reported_on_its_line_in_one_language(site: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    broken = site / f"{NESTED}/vereisten/aia-02-iets.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title: Vereiste aia-02", 'title: "Vereiste'),
                      encoding="utf-8")
    assert main(["validate", str(broken), "--format", "json"]) == 1
    import json

    (item,) = json.loads(capsys.readouterr().out)
    assert item["line"] == 2 and "aanhalingsteken" in item["message"] and "found" not in item["message"]
    assert main(["validate", str(broken), "--format", "json", "--lang", "en"]) == 1
    (item,) = json.loads(capsys.readouterr().out)
    assert item["line"] == 2 and "quote" in item["message"]


@pytest.mark.parametrize("content", [b"\x00\xff\xfe binary", b"---\n- a\n- b\n---\n", b"---\n\ttitle: x\n---\n",
                                     b"---\ntitle: [\n---\n", b"---\ntitle: x\n", b""])
def test_cli_never_shows_a_traceback(site: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    (site / f"{NESTED}/vereisten/aia-07-x.md").write_bytes(content)
    assert main(["validate", str(site)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


def test_cli_unknown_schema_name(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(site), "--schema", "algoritmekader-1999"]) == 2
    assert "algoritmekader-2026" in capsys.readouterr().err


def test_select_schema_prefers_the_repository_s_file(site: Path) -> None:
    from redactie.schema.infer import write_inferred_schema

    write_inferred_schema(site, select_schema(site))
    assert ContentRepository(site).schema.origin == "file"
    assert _findings(site) == []


def test_typing_many_paths_at_once_gives_each_path_the_type_type_for_gives() -> None:
    """`Schema.typer` (used to list a whole repository) agrees with `type_for` on every file of the sample and
    the corpora, whatever schema they open with, and on paths a type excludes or a templates folder holds."""
    from redactie.repository import ContentRepository, markdown_files

    from .conftest import CONTENT, CORPUS

    roots = [CONTENT, *(sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else [])]
    for root in roots:
        schema = ContentRepository(root).schema
        paths = markdown_files(root)
        odd = [f"{p.rpartition('/')[0]}/index.md" for p in paths[:50]] + \
              [f"{p.rpartition('/')[0]}/templates/x.md" for p in paths[:50]] + \
              [f"templates/{p}" for p in paths[:50]] + ["index.md", "a.md", "docs/x.md"]
        typer = schema.typer()
        assert [typer(p) for p in paths + odd] == [schema.type_for(p) for p in paths + odd], root
        assert any(typer(p) is not None for p in paths), root  # a test that compares only Nones proves nothing
