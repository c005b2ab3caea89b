"""Known formats recognised by structure, on both corpus snapshots and on layouts built from them by rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from redactie.cli import main
from redactie.repository import ContentRepository
from redactie.schema.formats import recognise
from redactie.schema.select import save_choice, saved_choice, select_schema
from redactie.validation import validate_repository

from .conftest import CORPUS

AK24, AK26 = CORPUS / "algoritmekader-2024", CORPUS / "algoritmekader-2026"
NESTED = "docs/voldoen-aan-wetten-en-regels"

# Every error on the two snapshots as they are (no schema file), with why it is real.
REAL_ERRORS = {
    "algoritmekader-2024": {
        # 'Geldend' (capital) is not a status; the site's list of vereisten filters on 'geldend'.
        ("beschrijven_en_toewijzen_van_verantwoordelijkheden_bij_verwerking_persoonsgegevens.md", "vocabulary",
         "status_vereiste", "Geldend"),
        ("beveiliging_informatie_en_informatiesystemen.md", "vocabulary", "status_vereiste", "Geldend"),
    },
    "algoritmekader-2026": {
        # maatregelen renamed since: 7-mon-04-evaluatieplan, 2-owp-11-gebruikte-data, 2-owp-19-beoordeel-...
        ("standaarden.md", "relation-missing", "maatregel", "7-mon-04-evalueer-bij-veranderingen-in-data"),
        ("standaarden.md", "relation-missing", "maatregel", "2-owp-11-duurzaam-inkopen"),
        ("standaarden.md", "relation-missing", "maatregel", "2-owp-19-ruimte-voor-samenwerking-met-aanbieder"),
        # no docs/onderwerpen/grondrechten.md (the topic is fundamentele-rechten)
        ("standaarden.md", "vocabulary", "onderwerp", "grondrechten"),
        # `toelichting:` left empty
        ("0-org-02-beleid-opstellen-inzet-algoritmes.md", "required", "toelichting", ""),
        ("3-dat-02-toetsen-geschiktheid-variabelen.md", "required", "toelichting", ""),
        # vereisten that were renumbered or renamed (aia-06-technische-documentatie, aia-08-...-gebruiks...,
        # aia-28-transparantieverplichtingen, aia-35-melding-ernstige-incidenten, aia-20-gebruiks..., aia-09-menselijk-)
        ("2-owp-05-soort-algoritme.md", "relation-missing", "vereiste",
         "aia-06-documentatie-beoordeling-niet-hoog-risico-ai"),
        ("2-owp-30-informeer-betrokkenen.md", "relation-missing", "vereiste",
         "aia-08-transparantie-aan-gebruikersverantwoordelijken"),
        ("2-owp-30-informeer-betrokkenen.md", "relation-missing", "vereiste",
         "aia-28-transparantieverplichtingen-richting-natuurlijke-personen"),
        ("2-owp-31-pas-vastgestelde-beleidskaders-zijn-nageleefd.md", "relation-missing", "vereiste",
         "aia-37-melding-ernstige-incidenten"),
        ("2-owp-31-pas-vastgestelde-beleidskaders-zijn-nageleefd.md", "relation-missing", "vereiste",
         "aia-20-verstrekken-van-informatie-op-verzoek"),
        ("2-owp-35-genereren-bronvermelding.md", "relation-missing", "vereiste", "aia-09-menselijke-toezicht"),
        # `hide: - tocs` is not a display switch (toc)
        ("2-owp-28-maak-vereisten-onderdeel-van-service-level-agreement.md", "vocabulary", "hide", "tocs"),
    },
}


def _need(path: Path) -> Path:
    if not path.is_dir():
        pytest.skip(f"corpus snapshot not present at {path}")
    return path


def _errors(root: Path) -> set[tuple[str, str, str, str]]:
    out = set()
    for f in validate_repository(ContentRepository(root)):
        if f.severity == "error":
            value = f.message_en.split("'")[1] if f.code in ("vocabulary", "relation-missing") else ""
            out.add((f.path.rsplit("/", 1)[-1], f.code, f.field, value))
    return out


@pytest.mark.parametrize("snapshot, format_id", [("algoritmekader-2024", "algoritmekader-2024"),
                                                 ("algoritmekader-2026", "algoritmekader-2026")])
def test_each_snapshot_is_recognised_and_every_error_is_real(snapshot: str, format_id: str) -> None:
    root = _need(CORPUS / snapshot)
    fmt = recognise(root)
    assert fmt is not None and fmt.id == format_id
    repo = ContentRepository(root)
    assert repo.schema.origin == "recognised"
    assert not any(ref.path.startswith("templates/") or ref.path.endswith("/index.md") for ref in repo.documents)
    assert _errors(root) == REAL_ERRORS[snapshot]


def test_2026_vocabularies_are_derived_from_the_repository() -> None:
    repo = ContentRepository(_need(AK26))
    onderwerpen = {p.stem for p in (AK26 / "docs/onderwerpen").glob("*.md")} - {"index"}
    assert set(repo.vocabulary("onderwerp").values) == onderwerpen
    vereisten = {p.stem for p in (AK26 / NESTED / "vereisten").glob("*.md")} - {"index"}
    assert repo.stems("vereiste") == vereisten
    assert {"factsheet", "roadmap", "self-assessment"} <= set(repo.vocabulary("categorie").values)
    assert repo.vocabulary("levenscyclus").values["ontwerp"].nl != "ontwerp"  # labelled by the page's title


def _move(root: Path, old: str, new: str) -> None:
    (root / new).parent.mkdir(parents=True, exist_ok=True)
    shutil.move(root / old, root / new)


def test_2026_content_in_the_autumn_2024_layout_is_recognised_with_the_same_errors(tmp_path: Path) -> None:
    """Built by rule from the 2026 snapshot: flat docs/vereisten, docs/maatregelen, docs/instrumenten."""
    root = tmp_path / "najaar"
    shutil.copytree(_need(AK26), root)
    _move(root, f"{NESTED}/vereisten", "docs/vereisten")
    _move(root, f"{NESTED}/maatregelen", "docs/maatregelen")
    _move(root, f"{NESTED}/hulpmiddelen", "docs/instrumenten")
    fmt = recognise(root)
    assert fmt is not None and fmt.id == "algoritmekader-najaar-2024"
    repo = ContentRepository(root)
    assert {t: len(repo.documents_of(t)) for t in repo.schema.types} == {"vereiste": 63, "maatregel": 108,
                                                                         "hulpmiddel": 28}
    assert _errors(root) == REAL_ERRORS["algoritmekader-2026"]


def test_2024_content_in_the_2025_layout_is_recognised_with_the_same_errors(tmp_path: Path) -> None:
    root = tmp_path / "genest"
    shutil.copytree(_need(AK24), root)
    _move(root, "docs/vereisten", f"{NESTED}/vereisten")
    _move(root, "docs/maatregelen", f"{NESTED}/maatregelen")
    assert recognise(root) is not None
    assert _errors(root) == REAL_ERRORS["algoritmekader-2024"]


def test_topics_as_folders_and_a_topic_with_its_own_section(tmp_path: Path) -> None:
    """Autumn 2024: docs/onderwerpen/<topic>/index.md, and `governance` moved to docs/governance/."""
    root = tmp_path / "mappen"
    shutil.copytree(_need(AK26), root)
    for page in sorted((root / "docs/onderwerpen").glob("*.md")):
        if page.name != "index.md":
            (root / "docs/onderwerpen" / page.stem).mkdir()
            shutil.move(page, root / "docs/onderwerpen" / page.stem / "index.md")
    shutil.move(root / "docs/onderwerpen/governance", root / "docs/governance")
    repo = ContentRepository(root)
    assert repo.vocabulary("onderwerp").source == "folders:docs/onderwerpen"
    assert "governance" in repo.vocabulary("onderwerp").values  # shared by many documents and has its own page
    assert _errors(root) == REAL_ERRORS["algoritmekader-2026"]


def test_no_known_structure_is_inferred(tmp_path: Path) -> None:
    root = tmp_path / "eigen"
    shutil.copytree(_need(AK26) / "docs" / "voldoen-aan-wetten-en-regels", root / "teksten")
    assert recognise(root) is None
    assert ContentRepository(root).schema.inferred


def test_the_choice_is_remembered_per_repository_in_the_user_settings(tmp_path: Path, isolated_home: Path) -> None:
    root = _need(AK26)
    assert saved_choice(root) == "auto"
    save_choice(root, "inferred")
    assert (isolated_home / "config" / "schema-choices.json").is_file()
    assert saved_choice(root) == "inferred" and saved_choice(tmp_path) == "auto"
    assert ContentRepository(root).schema.inferred
    save_choice(root, "auto")
    assert ContentRepository(root).schema.origin == "recognised"
    assert select_schema(root, "algoritmekader-2024").origin == "chosen"


def test_cli_names_the_recognised_format(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    assert main(["validate", str(_need(AK26)), "--lang", "nl"]) == 1
    assert "Algoritmekader, formaat 2026, herkend" in capsys.readouterr().err
    assert main(["validate", str(AK26), "--lang", "en", "--schema", "algoritmekader-2026"]) == 1
    assert "Algoritmekader, 2026 format, chosen" in capsys.readouterr().err


V, M = f"{NESTED}/vereisten", f"{NESTED}/maatregelen"
# (file, text to replace, replacement, the finding expected in that file)
MISTAKES = [
    (f"{V}/aia-01-ai-geletterdheid.md", "- organisatieverantwoordelijkheden", "- organisatie", "vocabulary"),
    (f"{V}/aia-01-ai-geletterdheid.md", "- ai-systeem\n", "- no\n", "yaml-boolean"),
    (f"{V}/aia-01-ai-geletterdheid.md", "id: urn:nl:ak:ver:aia-01", "id: urn:nl:ak:ver:aia-02", "id-duplicate"),
    (f"{V}/aia-01-ai-geletterdheid.md", "id: urn:nl:ak:ver:aia-01", "id: urn:nl:ak:mtr:aia-01", "id-pattern"),
    (f"{V}/aia-01-ai-geletterdheid.md", "title: Personeel", 'title: "Personeel', "front-matter"),
    (f"{V}/aia-01-ai-geletterdheid.md", "onderwerp:\n- menselijke-controle", "onderwerp:\n\t- menselijke-controle",
     "front-matter"),
    (f"{V}/aia-01-ai-geletterdheid.md", "title: Personeel en gebruikers zijn voldoende AI-geletterd", "title:",
     "required"),
    (f"{V}/aia-01-ai-geletterdheid.md", "- risicogroep-uitzondering-van-toepassing",
     '- ("risicogroep-hoog-risico-ai-systeem") && "rol-ai-act-aanbeider"', "expression-name"),
    (f"{V}/aia-01-ai-geletterdheid.md", "- risicogroep-uitzondering-van-toepassing",
     "- risicogroep-uitzondering-van-toepasing", "vocabulary"),
    (f"{V}/aia-01-ai-geletterdheid.md", "- navigation", "- navigatie", "vocabulary"),
    (f"{M}/0-org-01-benodigde-expertise-en-capaciteit.md", "rollen:\n", "rollen:\n- jurist-x\n", "vocabulary"),
    (f"{M}/0-org-01-benodigde-expertise-en-capaciteit.md", "toelichting:", "toelichting:\t", None),
]


@pytest.fixture(scope="module")
def copy_2026(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One temporary copy of the 2026 snapshot for the mistake tests (each restores what it changed)."""
    root = tmp_path_factory.mktemp("fout") / "ak"
    shutil.copytree(_need(AK26), root)
    return root


@pytest.mark.parametrize("index", range(len(MISTAKES)))
def test_an_injected_editor_mistake_is_caught(copy_2026: Path, index: int) -> None:
    path, old, new, code = MISTAKES[index]
    target = copy_2026 / path
    original = target.read_bytes()
    text = original.decode("utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        repo = ContentRepository(copy_2026)
        codes = {f.code for f in validate_repository(repo, [path]) if f.path == path and f.severity == "error"}
    finally:
        target.write_bytes(original)
    assert (code in codes) if code else codes, codes


def test_a_renamed_document_is_caught_twice(tmp_path: Path) -> None:
    """Renaming a vereiste breaks the maatregelen that name it, and its name no longer starts with its code."""
    root = tmp_path / "hernoemd"
    shutil.copytree(_need(AK26), root)
    (root / V / "aia-01-ai-geletterdheid.md").rename(root / V / "ai-geletterdheid.md")
    codes = {(f.path.rsplit("/", 1)[-1], f.code) for f in validate_repository(ContentRepository(root))}
    assert ("ai-geletterdheid.md", "file-prefix") in codes
    assert any(code == "relation-missing" and name.startswith(("0-", "1-", "2-", "3-", "4-", "5-", "6-", "7-"))
               for name, code in codes - {(n, c) for n, c in codes if n == "standaarden.md"})


def test_the_repository_s_own_templates_feed_new_documents(copy_2026: Path) -> None:
    from redactie.document import Document
    from redactie.newdoc import create

    repo = ContentRepository(copy_2026)
    assert "voorbeeld voor een MAATREGEL" in repo.schema.types["maatregel"].template
    path = create(repo, repo.schema.types["maatregel"], "Een nieuwe maatregel", "owp-99")
    try:
        doc = Document.parse((copy_2026 / path).read_bytes())
        assert (doc.fields["title"], doc.fields["id"]) == ("Een nieuwe maatregel", "urn:nl:ak:mtr:owp-99")
        assert path.startswith(M + "/owp-99-")
    finally:
        (copy_2026 / path).unlink()


def test_cli_follows_the_choice_made_in_the_settings(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    save_choice(_need(AK24), "inferred")
    main(["validate", str(AK24)])
    assert "afgeleid" in capsys.readouterr().err
    main(["validate", str(AK24), "--schema", "auto"])
    assert "formaat 2024, herkend" in capsys.readouterr().err


def test_the_docs_folder_alone_is_recognised_too() -> None:
    """A copy of only docs/ (no git, no mkdocs.yml): the folder itself is the site's source."""
    root = _need(AK26) / "docs"
    fmt = recognise(root)
    assert fmt is not None and fmt.id == "algoritmekader-2026"
    assert _errors(root) == REAL_ERRORS["algoritmekader-2026"]
