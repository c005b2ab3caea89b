"""The bulk core on real files in a real git repository: links, hostile front matter, retire, label, find and
replace, cancel, refusal, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from redactie.bulk import (
    BulkCancelled,
    BulkError,
    BulkRefused,
    apply_plan,
    find,
    pending,
    plan_label,
    plan_rename,
    plan_replace,
    plan_retire,
    undo,
)
from redactie.bulk.links import Move, rewrite_line, rewrite_target
from redactie.document import Document
from redactie.repository import ContentRepository

from .conftest import CORPUS, copy_writable, git

OLD = "docs/levenscyclus/monitoring-en-beheer.md"
MOVE = [Move(OLD, "docs/levenscyclus/beheer.md")]


@pytest.mark.parametrize(("page", "target", "expected"), [
    ("docs/vereisten/a.md", "../levenscyclus/monitoring-en-beheer.md", "../levenscyclus/beheer.md"),
    ("docs/vereisten/a.md", "../levenscyclus/monitoring-en-beheer.md#fase-7", "../levenscyclus/beheer.md#fase-7"),
    ("docs/levenscyclus/index.md", "monitoring-en-beheer.md", "beheer.md"),
    ("docs/levenscyclus/index.md", "./monitoring-en-beheer.md", "./beheer.md"),
    ("docs/levenscyclus/over.md", "../monitoring-en-beheer", "../beheer"),  # mkdocs page URL of over.md
    ("docs/levenscyclus/over.md", "../monitoring-en-beheer/", "../beheer/"),
    ("docs/levenscyclus/index.md", "monitoring-en-beheer/", "beheer/"),
    ("docs/vereisten/a.md", "https://example.org/levenscyclus/monitoring-en-beheer.md",
     "https://example.org/levenscyclus/monitoring-en-beheer.md"),
    ("docs/vereisten/a.md", "/levenscyclus/monitoring-en-beheer.md", "/levenscyclus/monitoring-en-beheer.md"),
    ("docs/vereisten/a.md", "#monitoring-en-beheer", "#monitoring-en-beheer"),
    ("docs/vereisten/a.md", "monitoring-en-beheer.md", "monitoring-en-beheer.md"),  # another folder's file
    ("docs/vereisten/a.md", "../levenscyclus/monitoring-en-beheer-2.md", "../levenscyclus/monitoring-en-beheer-2.md"),
])
def test_link_targets(page: str, target: str, expected: str) -> None:
    assert rewrite_target(page, target, MOVE) == expected


def test_links_in_a_line_and_folders() -> None:
    line = 'Zie [fase](../levenscyclus/monitoring-en-beheer.md) en <a href="../levenscyclus/monitoring-en-beheer.md">'
    assert rewrite_line("docs/vereisten/a.md", line, MOVE) == line.replace("monitoring-en-beheer", "beheer")
    folder = [Move("docs/bouwblokken/data", "docs/bouwblokken/gegevens")]
    assert rewrite_line("docs/bouwblokken/index.md", "[Data](../bouwblokken/data/index.md)", folder) \
        == "[Data](../bouwblokken/gegevens/index.md)"
    reference = rewrite_line("docs/x/y.md", "[ref]: ../../docs/bouwblokken/data/index.md", folder)
    assert reference.endswith("gegevens/index.md")


HOSTILE = {
    "crlf.md": b"---\r\ntitle: CRLF\r\nlevenscyclus:\r\n- ontwerp\r\n- monitoring-en-beheer\r\n---\r\n"
               b"\r\n## Vereiste\r\nTekst\r\n",
    "bom.md": b"\xef\xbb\xbf---\ntitle: BOM\nlevenscyclus:\n    - monitoring-en-beheer   \n---\n",
    "flow.md": b"---\ntitle: Flow\nlevenscyclus: [ontwerp, monitoring-en-beheer]  # fases\n---\n",
    "quoted.md": b"---\ntitle: Quoted\nlevenscyclus:\n- 'monitoring-en-beheer'\n- ontwerp # eerst\n---\n",
    "comment.md": b"---\ntitle: Comment\nlevenscyclus:\n# de fases\n- monitoring-en-beheer # later\n---\n",
    "dupe.md": b"---\ntitle: Dupe\nlevenscyclus:\n- ontwerp\nlevenscyclus:\n- monitoring-en-beheer\n---\n",
    "both.md": b"---\ntitle: Both\nlevenscyclus:\n- monitoring-en-beheer\n- beheer\n---\n",
    "link.md": b"---\ntitle: Link\nlevenscyclus:\n- monitoring-en-beheer\n---\n\n## Vereiste\n"
               b"Zie [fase 7](../levenscyclus/monitoring-en-beheer.md).\n\n"
               b"```\n[code](../levenscyclus/monitoring-en-beheer.md)\n```\n",
}


def hostile_repo(content_repo: Path) -> Path:
    for name, data in HOSTILE.items():
        (content_repo / "docs/vereisten" / name).write_bytes(data)
    git(content_repo, "add", "-A")
    git(content_repo, "commit", "-q", "-m", "vijandige bestanden")
    return content_repo


def front(data: bytes) -> dict:
    return yaml.safe_load(data.decode("utf-8-sig").replace("\r\n", "\n").split("---\n", 2)[1])


def test_hostile_files_change_only_the_value(content_repo: Path) -> None:
    repo = hostile_repo(content_repo)
    plan = plan_rename(ContentRepository(repo), "levenscyclus", "monitoring-en-beheer", "beheer")
    apply_plan(repo, plan)
    for name, before in HOSTILE.items():
        after = (repo / "docs/vereisten" / name).read_bytes()
        values = front(after)["levenscyclus"]
        assert "monitoring-en-beheer" not in values and "beheer" in values, name
        old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
        changed = [line for line in old_lines if line not in new_lines]
        assert all(b"monitoring-en-beheer" in line for line in changed), (name, changed)
    assert (repo / "docs/vereisten/crlf.md").read_bytes().count(b"\r\n") == HOSTILE["crlf.md"].count(b"\r\n")
    assert (repo / "docs/vereisten/bom.md").read_bytes().startswith(b"\xef\xbb\xbf---\n")
    assert b"- beheer   \n" in (repo / "docs/vereisten/bom.md").read_bytes()  # trailing spaces kept
    assert b"- 'beheer'\n" in (repo / "docs/vereisten/quoted.md").read_bytes()  # the quoting style kept
    assert front((repo / "docs/vereisten/both.md").read_bytes())["levenscyclus"] == ["beheer"]  # merged
    link = (repo / "docs/vereisten/link.md").read_text(encoding="utf-8")
    assert "[fase 7](../levenscyclus/beheer.md)" in link
    dupe = front((repo / "docs/vereisten/dupe.md").read_bytes())
    assert dupe["levenscyclus"] == ["beheer"]


def test_a_yaml_11_word_as_new_value_is_quoted(content_repo: Path) -> None:
    plan = plan_rename(ContentRepository(content_repo), "levenscyclus", "monitoring-en-beheer", "no")
    apply_plan(content_repo, plan)
    for change in plan.edited:
        data = (content_repo / change.final_path).read_bytes()
        values = front(data).get("levenscyclus")
        if values:
            assert "no" in values and False not in values


def test_cancel_before_writing_and_refusals(content_repo: Path) -> None:
    repo = ContentRepository(content_repo)
    plan = plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "beheer")
    with pytest.raises(BulkCancelled):
        apply_plan(content_repo, plan, cancel=lambda: True)
    assert git(content_repo, "status", "--porcelain") == ""
    with pytest.raises(BulkCancelled):
        plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "beheer", cancel=lambda: True)
    journal = apply_plan(content_repo, plan)
    edited = content_repo / journal.files[0].final
    edited.write_bytes(edited.read_bytes() + b"\nNog iets.\n")
    with pytest.raises(BulkRefused) as refused:
        undo(content_repo, journal)
    assert journal.files[0].final in refused.value.localized("en")
    assert pending(content_repo)  # refused: still there to undo after the edit is taken back


def test_retire_label_and_replace(content_repo: Path) -> None:
    repo = ContentRepository(content_repo)
    holding = [c.path for c in plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "x").edited
               if "levenscyclus" in {line.where for line in c.lines}]
    choices = {path: (None if index % 2 else "uitfaseren") for index, path in enumerate(holding)}
    retire = plan_retire(repo, "levenscyclus", "monitoring-en-beheer", choices)
    assert {c.path for c in retire.files} == set(holding)
    journal = apply_plan(content_repo, retire)
    for path, choice in choices.items():
        values = Document.parse((content_repo / path).read_bytes()).fields["levenscyclus"]
        assert "monitoring-en-beheer" not in values and (choice is None or choice in values)
    undo(content_repo, journal)
    assert git(content_repo, "status", "--porcelain") == ""

    chosen = holding[:3]
    label = plan_label(repo, chosen, "bouwblok", add="data")
    apply_plan(content_repo, label)
    diff = git(content_repo, "diff", "-U0")
    assert diff.count("\n+- data") + diff.count("\n+  - data") == len(label.files)
    assert {line[6:] for line in diff.splitlines() if line.startswith("+++ b/")} <= set(chosen)
    git(content_repo, "checkout", "--", ".")

    hits = find(repo, "algoritme", whole_word=True)
    assert hits and all(h.context.lower().count("[algoritme]") for h in hits)
    plan = plan_replace(repo, hits[1:], "algoritme", "rekenregel")
    apply_plan(content_repo, plan)
    first = hits[0]
    text = (content_repo / first.path).read_text(encoding="utf-8")
    if not first.in_field:
        assert text.splitlines()[first.line - 1][first.offset:first.offset + first.length].lower() == "algoritme"
    removed = [line for line in git(content_repo, "diff", "-U0").splitlines() if line.startswith("-") and
               not line.startswith("---")]
    assert removed and all("algoritme" in line.lower() for line in removed)


SCHEMA_2026 = """\
schema: 1
name: {nl: Algoritmekader, en: Algorithm framework}
vocabularies:
  vereisten: {documents: vereisten}
fields:
  title: {kind: text, label: {nl: Titel, en: Title}}
  id: {kind: identifier, label: {nl: Id, en: Id}}
  vereiste: {kind: relation, target: vereisten, multiple: true, label: {nl: Vereisten, en: Requirements}}
types:
  vereisten:
    files: [docs/voldoen-aan-wetten-en-regels/vereisten/*.md]
    fields: [title, id]
    id: "urn:nl:ak:ver:{code}"
    code_in_file_name: true
  maatregelen:
    files: [docs/voldoen-aan-wetten-en-regels/maatregelen/*.md]
    fields: [title, id, vereiste]
"""


def test_a_relation_rename_warns_when_the_new_file_name_breaks_a_rule(tmp_path: Path) -> None:


    if not (CORPUS / "algoritmekader-2026").is_dir():
        pytest.skip("the shared corpus (../shared/corpus) is absent")
    repo = tmp_path / "r"
    copy_writable(CORPUS / "algoritmekader-2026" / "docs", repo / "docs")
    (repo / "redactie-schema.yaml").write_text(SCHEMA_2026, encoding="utf-8")
    old = "aia-18-corrigerende-maatregelen-voor-non-conforme-ai"
    content = ContentRepository(repo)
    fine = plan_rename(content, "vereiste", old, "aia-18-corrigerende-maatregelen")
    broken = plan_rename(content, "vereiste", old, "corrigerende-maatregelen")
    assert [f.new_path for f in fine.files if f.new_path] == \
        ["docs/voldoen-aan-wetten-en-regels/vereisten/aia-18-corrigerende-maatregelen.md"]
    assert not [n for n in fine.notes if "corrigerende-maatregelen.md" in n.en]
    assert [n for n in broken.notes if "corrigerende-maatregelen.md" in n.en]


def test_the_site_navigation_follows_a_renamed_page(content_repo: Path) -> None:
    nav = ("site_name: Algoritmekader\nnav:\n  - Levenscyclus:\n    - levenscyclus/index.md\n"
           "    - Monitoring en beheer: levenscyclus/monitoring-en-beheer.md\r\n"
           "    - Extra: levenscyclus/monitoring-en-beheer-extra.md\n"
           "plugins:\n  - redirects:\n      redirect_maps:\n        'oud.md': 'levenscyclus/monitoring-en-beheer.md'\n")
    (content_repo / "mkdocs.yml").write_text(nav, encoding="utf-8", newline="")
    git(content_repo, "add", "-A")
    git(content_repo, "commit", "-q", "-m", "site")
    plan = plan_rename(ContentRepository(content_repo), "levenscyclus", "monitoring-en-beheer", "beheer")
    apply_plan(content_repo, plan)
    after = (content_repo / "mkdocs.yml").read_bytes().decode()
    assert after == nav.replace("levenscyclus/monitoring-en-beheer.md", "levenscyclus/beheer.md")
    assert "monitoring-en-beheer-extra.md" in after


def test_a_label_typed_as_the_new_value_of_a_file_vocabulary_is_refused(tmp_path: Path) -> None:
    from redactie.bulk.errors import BulkError
    from redactie.bulk.values import plan_rename
    from redactie.repository import ContentRepository

    repo = tmp_path / "r"
    copy_writable(CORPUS / "algoritmekader-2026" / "docs", repo / "docs")
    content = ContentRepository(repo)
    with pytest.raises(BulkError) as refused:
        plan_rename(content, "levenscyclus", "implementatie", "Fase 1, probleemanalyse (test)")
    assert "kleine letters" in refused.value.localized("nl")
    assert plan_rename(content, "levenscyclus", "implementatie", "invoering").files


def test_messages_count_documents_in_dutch_and_english(content_repo: Path) -> None:
    repo = ContentRepository(content_repo)
    holding = [c.path for c in plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "x").edited
               if "levenscyclus" in {line.where for line in c.lines}]
    one = plan_label(repo, holding[:1], "bouwblok", add="extra")
    assert one.message.nl.endswith("toegevoegd aan 1 document") and one.message.en.endswith("added to 1 document")
    two = plan_label(repo, holding[:2], "bouwblok", add="extra")
    assert two.message.nl.endswith("aan 2 documenten") and two.message.en.endswith("to 2 documents")
    rename = plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "beheer")
    assert rename.message.nl == f"Fases van de levenscyclus: monitoring-en-beheer hernoemd naar beheer in " \
                                f"{len(holding)} documenten"


def test_review_groups_keep_a_hand_edited_file_and_order_the_rows(content_repo: Path) -> None:
    from redactie.bulk.groups import arrange, group_message, load_groups

    repo = ContentRepository(content_repo)
    journal = apply_plan(content_repo, plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "beheer"))
    other = content_repo / "README.md"
    other.write_text("los van de bulkwijziging\n", encoding="utf-8")
    changed = ["README.md", *sorted(journal.paths)]
    groups = load_groups(content_repo, changed)
    assert len(groups) == 1 and groups[0].renamed == {"docs/levenscyclus/beheer.md":
                                                      "docs/levenscyclus/monitoring-en-beheer.md"}
    rows = arrange(changed, groups)
    assert rows[0] == (None, "README.md") and rows[1] == (groups[0], None)
    assert [p for g, p in rows[2:]] == groups[0].paths and all(g is groups[0] for g, _ in rows[1:])
    assert group_message(groups, set(groups[0].paths), "nl") == journal.message.nl
    assert group_message(groups, {"README.md", *groups[0].paths}, "nl") == ""
    # every file edited by hand afterwards: the group stays (undo refuses, the edits are kept)
    for entry in journal.files:
        target = content_repo / entry.final
        if target.exists():
            target.write_bytes(target.read_bytes() + b"\nMet de hand.\n")
    again = load_groups(content_repo, changed)
    assert len(again) == 1 and set(again[0].edited) >= {f.final for f in journal.files if f.after_sha}
    with pytest.raises(BulkRefused) as refused:
        undo(content_repo, journal)
    assert "blijven staan" in refused.value.localized("nl")


def test_a_label_of_an_existing_value_typed_as_the_new_value_is_refused(content_repo: Path) -> None:
    from redactie.bulk.errors import BulkError

    repo = ContentRepository(content_repo)
    for typed in ("Ontwerp", "Verificatie en validatie", "ONTWERP"):
        with pytest.raises(BulkError) as refused:
            plan_rename(repo, "levenscyclus", "monitoring-en-beheer", typed)
        assert "ontwerp" in refused.value.localized("nl") or "verificatie-en-validatie" in refused.value.localized("nl")
    assert plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "ontwerp").kind == "merge"


def test_untracked_and_ignored_documents_are_renamed_too(content_repo: Path) -> None:
    seed = (content_repo / "docs/vereisten/menselijk_toezicht_hoog_risico.md").read_text(encoding="utf-8")
    assert "- monitoring-en-beheer\n" in seed
    (content_repo / "docs/vereisten/nieuw_en_niet_gevolgd.md").write_text(seed, encoding="utf-8")
    (content_repo / "docs/vereisten/genegeerd.md").write_text(seed, encoding="utf-8")
    (content_repo / ".gitignore").write_text("docs/vereisten/genegeerd.md\n", encoding="utf-8")
    plan = plan_rename(ContentRepository(content_repo), "levenscyclus", "monitoring-en-beheer", "beheer")
    planned = {f.path for f in plan.files}
    assert {"docs/vereisten/nieuw_en_niet_gevolgd.md", "docs/vereisten/genegeerd.md"} <= planned
    everything = {p.relative_to(content_repo).as_posix() for p in content_repo.rglob("*.md")
                  if ".git" not in p.parts and b"monitoring-en-beheer" in p.read_bytes()}
    assert everything <= planned | {"docs/levenscyclus/monitoring-en-beheer.md"}


def test_a_rename_resolves_only_its_own_vocabulary(content_repo: Path) -> None:
    """Another vocabulary whose folder is gone (or whose titles would mean reading every document) is not read."""
    import shutil

    shutil.rmtree(content_repo / "docs/bouwblokken")
    repo = ContentRepository(content_repo)
    plan = plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "beheer")
    assert plan.files and plan.kind == "rename"
    with pytest.raises(BulkError):
        plan_rename(repo, "levenscyclus", "monitoring-en-beheer", "Ontwerp")  # labels of this field still read
