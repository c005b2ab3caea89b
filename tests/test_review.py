"""Change summaries in the editor's terms, word-level diffs and suggested commit messages."""

from __future__ import annotations

from pathlib import Path

from redactie.document import Document
from redactie.gitservice.service import GitService
from redactie.repository import open_repository
from redactie.review import collect, line_diff, suggest_message

from .conftest import git

DOC = "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"


def edit(repo: Path, path: str, **fields: object) -> None:
    doc = Document.parse((repo / path).read_bytes())
    for key, value in fields.items():
        doc.set_field(key, value)
    (repo / path).write_bytes(doc.dump())


def test_field_and_list_changes_in_editor_terms(content_repo: Path) -> None:
    doc = Document.parse((content_repo / DOC).read_bytes())
    phases = list(doc.fields["levenscyclus"])
    edit(content_repo, DOC, levenscyclus=[*phases[1:], "uitfaseren"], title="Nieuwe titel")
    repo = open_repository(content_repo)
    [review] = collect(GitService(content_repo), repo)
    lines = [item.describe("nl") for item in review.items]
    old_label = repo.vocabularies()["levenscyclus"].label(phases[0], "nl")
    assert old_label != phases[0]  # values are shown by their labels, not as raw keys
    assert f"Fases van de levenscyclus: + Uitfaseren, − {old_label}" in lines
    old_title = doc.fields["title"]
    assert f"Titel: {old_title} → Nieuwe titel" in lines
    assert review.type_label == "Vereiste"
    message = suggest_message([review])
    assert message.startswith("Vereiste ") and message.endswith(": titel en fases van de levenscyclus aangepast")


def test_section_change_has_its_text_diff(content_repo: Path) -> None:
    doc = Document.parse((content_repo / DOC).read_bytes())
    name = doc.section_names[1]
    text = doc.section(name)
    first_word = text.split()[0]
    doc.set_section(name, text.replace(first_word, "Anders", 1))
    (content_repo / DOC).write_bytes(doc.dump())
    [review] = collect(GitService(content_repo), open_repository(content_repo))
    [item] = review.items
    assert item.describe("nl") == f"{name}: gewijzigd" and item.describe("en") == f"{name}: changed"
    removed = [line for line in item.diff if line.kind == "-"]
    added = [line for line in item.diff if line.kind == "+"]
    assert len(removed) == len(added) == 1
    assert (first_word, True) in removed[0].segments and ("Anders", True) in added[0].segments
    assert any(not changed for _, changed in added[0].segments)  # the rest of the line is not highlighted
    assert suggest_message([review]).endswith(f": {name.lower()} aangepast")


def test_new_deleted_and_several_files(content_repo: Path) -> None:
    (content_repo / "docs/vereisten/nieuw.md").write_text("---\ntitle: Nieuw\n---\n", encoding="utf-8")
    gone = sorted((content_repo / "docs/maatregelen").glob("*.md"))[0]
    gone.unlink()
    reviews = {r.path: r for r in collect(GitService(content_repo), open_repository(content_repo), "en")}
    new = reviews["docs/vereisten/nieuw.md"]
    assert [i.describe("en") for i in new.items] == ["New document"]
    assert suggest_message([new], "en") == "Requirement nieuw added"
    deleted = reviews[gone.relative_to(content_repo).as_posix()]
    assert suggest_message([deleted]).endswith(" verwijderd")
    assert suggest_message(list(reviews.values())).startswith("2 documenten aangepast: ")


def test_unreadable_front_matter_still_reviews(content_repo: Path) -> None:
    path = content_repo / DOC
    path.write_bytes(path.read_bytes().replace(b"title:", b"title: [", 1))
    [review] = collect(GitService(content_repo), open_repository(content_repo))
    assert "tekstweergave" in review.items[0].describe("nl")
    assert any(line.kind == "+" for line in review.raw_diff())


def test_line_diff_hunks_and_word_highlights() -> None:
    old = "\n".join(f"regel {i}" for i in range(20))
    new = old.replace("regel 3", "regel drie").replace("regel 17", "regel zeventien")
    diff = line_diff(old, new, context=1)
    assert [line.kind for line in diff] == [" ", "-", "+", " ", "@", " ", "-", "+", " "]
    assert diff[2].segments == [("regel ", False), ("drie", True)]
    assert diff[1].old_no == 4 and diff[2].new_no == 4


def test_renamed_file_is_reviewed_as_a_rename(content_repo: Path) -> None:
    src = sorted((content_repo / "docs/maatregelen").glob("*.md"))[0]
    src.rename(src.with_name("nieuwe-naam.md"))
    [review] = collect(GitService(content_repo), open_repository(content_repo))
    assert review.change.old_path == src.relative_to(content_repo).as_posix()
    assert review.items[0].describe("nl").startswith("Hernoemd van ")
    assert suggest_message([review]).endswith("hernoemd")
    GitService(content_repo).commit({review.change.old_path: None, review.path: review.new}, "Hernoemd")
    assert git(content_repo, "show", "-M", "--name-status", "--format=", "HEAD").startswith("R100")


def test_commit_part_of_a_file_leaves_the_rest_in_the_work_tree(content_repo: Path) -> None:
    from redactie.review.partial import partial_bytes, selectable

    path = content_repo / DOC
    original = path.read_bytes()
    doc = Document.parse(original)
    doc.set_field("status_vereiste", ["geldend"])
    doc.set_section("Risico", doc.section("Risico").replace("derden.", "derden en de organisatie."))
    path.write_bytes(doc.dump())
    edited = path.read_bytes()
    service = GitService(content_repo)
    [review] = collect(service, open_repository(content_repo))
    assert all(selectable(item) for item in review.items)
    part = partial_bytes(review.old, review.new, review.items, {"field:status_vereiste"})
    assert b"- geldend" in part and b"en de organisatie" not in part
    service.commit_contents({DOC: part}, {DOC: edited}, "Vereiste: status aangepast")
    assert path.read_bytes() == edited  # the work tree keeps the section change
    committed = git(content_repo, "show", f"HEAD:{DOC}").encode()
    assert committed == part
    assert git(content_repo, "show", "--name-only", "--format=", "HEAD").split() == [DOC]
    assert git(content_repo, "status", "--porcelain").strip() == f"M {DOC}"
    remaining = git(content_repo, "diff", "HEAD", "--", DOC)
    assert "en de organisatie" in remaining and "geldend" not in remaining.replace("nog-niet-geldend", "")
    git(content_repo, "fsck", "--strict")
    [rest] = collect(service, open_repository(content_repo))
    assert [item.describe("nl") for item in rest.items] == ["Risico: gewijzigd"]


def test_one_helper_shows_a_value_as_the_reader_sees_it() -> None:
    from redactie.gui.conflict_parts import as_text
    from redactie.review.summary import flat

    value = {"ADR": ["a", "b"], "ARK": None}
    assert flat(value) == "ADR: a, b, ARK: "
    assert flat(["x", 3, None]) == "x, 3, " and flat(None) == ""
    assert as_text(["x", {"k": ["y", "z"]}]) == "x\nk: y\nz"
