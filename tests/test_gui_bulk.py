"""The bulk dialogs in the real window, driven by accessible name: rename (with review group and undo),
refusal when a file changed on disk, retire per document, label a selection, find and replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QWidget,
)

from redactie.document import Document
from redactie.gui.main_window import MainWindow
from redactie.gui.review_groups import GROUP_ROLE

from .conftest import git
from .test_gui_workflow import by_name, close_windows, open_window, settle  # noqa: F401 - fixture

VALUE = "monitoring-en-beheer"


def dialog_for(win: MainWindow, action: str):  # noqa: ANN201
    win.actions_[action].trigger()
    return win.bulk.dialog


def pick(box: QComboBox, data: str) -> None:
    box.setCurrentIndex(box.findData(data))


def plan_and_apply(qtbot, win: MainWindow, dialog) -> None:  # noqa: ANN001
    by_name(dialog, QPushButton, "Plan maken").click()
    settle(qtbot, win)
    assert by_name(dialog, QTreeWidget, "Plan van de wijziging").topLevelItemCount() > 0
    by_name(dialog, QPushButton, "Uitvoeren").click()
    settle(qtbot, win)


def holders(repo: Path, value: str) -> list[str]:
    return sorted(str(p.relative_to(repo)) for p in repo.rglob("*.md")
                  if value in (Document.parse(p.read_bytes()).fields.get("levenscyclus") or []))


def rename_in_window(qtbot, win: MainWindow, field: str = "levenscyclus", old: str = VALUE,  # noqa: ANN001
                     new: str = "beheer") -> None:
    dialog = dialog_for(win, "bulk-rename")
    pick(by_name(dialog, QComboBox, "Veld"), field)
    by_name(dialog, QComboBox, "Huidige waarde").setEditText(old)
    by_name(dialog, QLineEdit, "Nieuwe waarde").setText(new)
    plan_and_apply(qtbot, win, dialog)


def open_review(qtbot, win: MainWindow):  # noqa: ANN001, ANN201
    win.show_review()
    qtbot.waitUntil(lambda: not win.review.loading, timeout=15000)
    settle(qtbot, win)
    return win.review


def group_rows(review) -> list[int]:  # noqa: ANN001
    files = by_name(review, QListWidget, "Gewijzigde bestanden")
    return [i for i in range(files.count()) if files.item(i).data(GROUP_ROLE) is not None]


def confirm_undo(qtbot, win: MainWindow, review) -> None:  # noqa: ANN001
    by_name(review, QPushButton, "Bulkwijziging ongedaan maken").click()
    box = by_name(review, QMessageBox, "Bulkwijziging ongedaan maken?")
    qtbot.waitUntil(box.isVisible)
    by_name(box, QPushButton, "Ongedaan maken").click()
    settle(qtbot, win)
    qtbot.waitUntil(lambda: not review.loading, timeout=15000)


def test_rename_shows_in_review_as_one_group_and_undoes_as_a_whole(qtbot, content_repo: Path,  # noqa: ANN001
                                                                  isolated_home: Path) -> None:
    win = open_window(qtbot, content_repo)
    before = holders(content_repo, VALUE)
    dialog = dialog_for(win, "bulk-rename")
    pick(by_name(dialog, QComboBox, "Veld"), "levenscyclus")
    by_name(dialog, QComboBox, "Huidige waarde").setEditText(VALUE)
    by_name(dialog, QLineEdit, "Nieuwe waarde").setText("beheer")
    by_name(dialog, QPushButton, "Plan maken").click()
    settle(qtbot, win)
    assert git(content_repo, "status", "--porcelain") == ""  # the plan writes nothing
    plan = by_name(dialog, QTreeWidget, "Plan van de wijziging")
    listed = {plan.topLevelItem(i).text(0).split(" ")[0] for i in range(plan.topLevelItemCount())}
    assert set(before) <= listed
    by_name(dialog, QPushButton, "Uitvoeren").click()
    settle(qtbot, win)
    assert holders(content_repo, VALUE) == [] and holders(content_repo, "beheer") == before
    assert (content_repo / "docs/levenscyclus/beheer.md").is_file()
    message = f"Fases van de levenscyclus: {VALUE} hernoemd naar beheer in {len(before)} documenten"
    review = open_review(qtbot, win)
    assert by_name(review, QLineEdit, "Beschrijving van de wijziging").text() == message
    files = by_name(review, QListWidget, "Gewijzigde bestanden")
    assert group_rows(review) == [0]  # one group row, every changed file under it
    assert files.item(0).text().startswith(f"▾ {message}")
    members = {files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(1, files.count())}
    assert set(before) <= members and "docs/levenscyclus/beheer.md" in members
    renamed = next(r for r in review.reviews if r.path == "docs/levenscyclus/beheer.md")
    assert renamed.change.old_path == f"docs/levenscyclus/{VALUE}.md"  # a rename (git mv), not delete + add
    files.setCurrentRow(0)
    overview = by_name(review, QWidget, "Samenvatting van de wijzigingen").toPlainText()
    assert f"docs/levenscyclus/{VALUE}.md hernoemd naar docs/levenscyclus/beheer.md" in overview
    # the group's tick box ticks and unticks all its files; Vastleggen then says why it cannot be used
    files.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert review.chosen() == []
    assert not by_name(review, QPushButton, "Vastleggen").isEnabled()
    assert "Vink ten minste één bestand aan" in by_name(review, QLabel, "Waarom niet vastleggen").text()
    files.item(0).setCheckState(Qt.CheckState.Checked)
    assert {r.path for r in review.chosen()} == members
    files.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert files.item(0).checkState() == Qt.CheckState.PartiallyChecked
    files.item(1).setCheckState(Qt.CheckState.Checked)
    assert files.item(0).checkState() == Qt.CheckState.Checked
    confirm_undo(qtbot, win, review)
    assert git(content_repo, "status", "--porcelain") == ""
    assert "Ongedaan gemaakt" in by_name(review, QLabel, "Resultaat").text()
    assert review.reviews == [] and group_rows(review) == []
    review.close()


def test_undo_from_the_review_keeps_a_later_hand_edit(qtbot, content_repo: Path,  # noqa: ANN001
                                                      isolated_home: Path, capfd) -> None:  # noqa: ANN001
    win = open_window(qtbot, content_repo)
    before = holders(content_repo, VALUE)
    rename_in_window(qtbot, win)
    victim = content_repo / before[0]
    edited = victim.read_bytes() + b"\nMet de hand erbij geschreven.\n"
    victim.write_bytes(edited)
    review = open_review(qtbot, win)
    files = by_name(review, QListWidget, "Gewijzigde bestanden")
    rows = group_rows(review)
    assert len(rows) == 1
    group = review.rows[rows[0]][0]
    assert before[0] in group.paths and group.edited == [before[0]]  # still in its group, marked
    marked = files.item(review.row_by_path[before[0]]).text()
    assert marked.endswith("daarna met de hand gewijzigd")
    files.setCurrentRow(rows[0])
    assert before[0] in by_name(review, QLabel, "Bulkwijziging").text()
    status = git(content_repo, "status", "--porcelain")
    confirm_undo(qtbot, win, review)
    result = by_name(review, QLabel, "Resultaat").text()
    assert "Niet ongedaan gemaakt" in result and before[0] in result and "blijven staan" in result
    assert victim.read_bytes() == edited  # the hand edit is never lost
    assert git(content_repo, "status", "--porcelain") == status  # nothing was put back
    assert "Traceback" not in capfd.readouterr().err  # a refusal for the user, not a program error
    review.close()


def test_refused_when_a_file_changed_on_disk_after_the_plan(qtbot, content_repo: Path,  # noqa: ANN001
                                                            isolated_home: Path) -> None:
    win = open_window(qtbot, content_repo)
    dialog = dialog_for(win, "bulk-rename")
    pick(by_name(dialog, QComboBox, "Veld"), "levenscyclus")
    by_name(dialog, QComboBox, "Huidige waarde").setEditText(VALUE)
    by_name(dialog, QLineEdit, "Nieuwe waarde").setText("beheer")
    by_name(dialog, QPushButton, "Plan maken").click()
    settle(qtbot, win)
    victim = content_repo / holders(content_repo, VALUE)[0]
    victim.write_bytes(victim.read_bytes() + b"\nErbij geschreven door een ander programma.\n")
    by_name(dialog, QPushButton, "Uitvoeren").click()
    settle(qtbot, win)
    assert "gewijzigd op schijf" in by_name(dialog, QLabel, "Toestand van de bulkwijziging").text()
    assert git(content_repo, "status", "--porcelain").split() == ["M", str(victim.relative_to(content_repo))]


def test_retire_with_a_choice_per_document(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    win = open_window(qtbot, content_repo)
    before = holders(content_repo, VALUE)
    dialog = dialog_for(win, "bulk-retire")
    pick(by_name(dialog, QComboBox, "Veld"), "levenscyclus")
    by_name(dialog, QComboBox, "Uit te faseren waarde").setEditText(VALUE)
    by_name(dialog, QPushButton, "Documenten zoeken").click()
    settle(qtbot, win)
    first = by_name(dialog, QComboBox, f"Keuze voor {before[0]}")
    pick(first, "uitfaseren")
    plan_and_apply(qtbot, win, dialog)
    assert holders(content_repo, VALUE) == []
    assert holders(content_repo, "uitfaseren")[0:1] and before[0] in holders(content_repo, "uitfaseren")


def test_label_a_selection(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    win = open_window(qtbot, content_repo)
    by_name(win, QLineEdit, "Documenten filteren").setText("register")
    by_name(win, QPushButton, "Alle getoonde selecteren").click()
    chosen = win.documents.selected_paths()
    assert len(chosen) >= 2
    dialog = dialog_for(win, "bulk-label")
    pick(by_name(dialog, QComboBox, "Veld"), "bouwblok")
    pick(by_name(dialog, QComboBox, "Handeling"), "add")
    by_name(dialog, QComboBox, "Waarde").setEditText("data")
    plan_and_apply(qtbot, win, dialog)
    for path in chosen:
        assert "data" in Document.parse((content_repo / path).read_bytes()).fields["bouwblok"]
    changed = {line.split()[-1] for line in git(content_repo, "status", "--porcelain").splitlines()}
    assert changed <= set(chosen)


def test_find_and_replace_only_the_ticked_hits(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    win = open_window(qtbot, content_repo)
    dialog = dialog_for(win, "bulk-replace")
    by_name(dialog, QLineEdit, "Zoeken naar").setText("algoritmeregister")
    by_name(dialog, QLineEdit, "Vervangen door").setText("Register van algoritmes")
    by_name(dialog, QCheckBox, "Hele woorden").setChecked(True)
    by_name(dialog, QPushButton, "Zoeken").click()
    settle(qtbot, win)
    hits = by_name(dialog, QListWidget, "Treffers")
    assert hits.count() >= 2
    hits.item(0).setCheckState(Qt.CheckState.Unchecked)
    skipped = dialog.hits[0]
    plan_and_apply(qtbot, win, dialog)
    for hit in dialog.hits[1:]:
        assert "Register van algoritmes" in (content_repo / hit.path).read_text(encoding="utf-8")
    line = (content_repo / skipped.path).read_text(encoding="utf-8").splitlines()[skipped.line - 1]
    assert line[skipped.offset:skipped.offset + skipped.length].lower() == "algoritmeregister"


def test_refused_when_a_file_has_unsaved_edits_in_the_editor(qtbot, content_repo: Path,  # noqa: ANN001
                                                             isolated_home: Path) -> None:
    win = open_window(qtbot, content_repo)
    path = holders(content_repo, VALUE)[0]
    win.open_document(path)
    win.editor.session.edit("title", "Nieuwe titel", lambda doc: doc.set_field("title", "Nieuwe titel"))
    assert win.editor.modified
    dialog = dialog_for(win, "bulk-rename")
    pick(by_name(dialog, QComboBox, "Veld"), "levenscyclus")
    by_name(dialog, QComboBox, "Huidige waarde").setEditText(VALUE)
    by_name(dialog, QLineEdit, "Nieuwe waarde").setText("beheer")
    plan_and_apply(qtbot, win, dialog)
    status = by_name(dialog, QLabel, "Toestand van de bulkwijziging").text()
    assert "niet opgeslagen" in status and path in status
    assert git(content_repo, "status", "--porcelain") == ""


def test_the_open_document_follows_its_rename_and_back(qtbot, content_repo: Path,  # noqa: ANN001
                                                       isolated_home: Path) -> None:
    win = open_window(qtbot, content_repo)
    old = "docs/vereisten/verwerkingsregister.md"
    new = "docs/vereisten/register_van_verwerkingen.md"
    win.open_document(old)
    dialog = dialog_for(win, "bulk-rename")
    pick(by_name(dialog, QComboBox, "Veld"), "vereiste")
    by_name(dialog, QComboBox, "Huidige waarde").setEditText("verwerkingsregister")
    by_name(dialog, QLineEdit, "Nieuwe waarde").setText("register_van_verwerkingen")
    plan_and_apply(qtbot, win, dialog)
    assert (content_repo / new).is_file() and not (content_repo / old).exists()
    assert win.editor.session.relpath == new
    pointing = (content_repo / "docs/maatregelen/register_bijwerken_bij_wijziging.md").read_text(encoding="utf-8")
    assert "- register_van_verwerkingen\n" in pointing
    win.actions_["bulk-undo"].trigger()
    settle(qtbot, win)
    assert win.editor.session.relpath == old
    assert git(content_repo, "status", "--porcelain") == ""


def test_a_bulk_rename_commits_from_the_review(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    from redactie.bulk import pending

    win = open_window(qtbot, content_repo)
    dialog = dialog_for(win, "bulk-rename")
    pick(by_name(dialog, QComboBox, "Veld"), "levenscyclus")
    by_name(dialog, QComboBox, "Huidige waarde").setEditText(VALUE)
    by_name(dialog, QLineEdit, "Nieuwe waarde").setText("beheer")
    plan_and_apply(qtbot, win, dialog)
    win.show_review()
    review = win.review
    qtbot.waitUntil(lambda: not review.loading, timeout=15000)
    by_name(review, QCheckBox, "Waarschuwingen accepteren").setChecked(True)  # the sample content has one
    button = by_name(review, QPushButton, "Vastleggen")
    qtbot.waitUntil(button.isEnabled, timeout=15000)
    button.click()
    qtbot.waitUntil(lambda: "Vastgelegd" in by_name(review, QLabel, "Resultaat").text(), timeout=15000)
    settle(qtbot, win)
    assert git(content_repo, "status", "--porcelain") == ""
    tree = git(content_repo, "ls-tree", "-r", "--name-only", "HEAD")
    assert "docs/levenscyclus/beheer.md" in tree and f"docs/levenscyclus/{VALUE}.md" not in tree
    assert git(content_repo, "log", "-1", "--format=%s").strip().startswith("Fases van de levenscyclus:")
    assert pending(content_repo) == []
    review.close()


def test_refused_when_a_file_has_a_draft_from_a_crash(qtbot, content_repo: Path,  # noqa: ANN001
                                                      isolated_home: Path) -> None:
    win = open_window(qtbot, content_repo)
    path = holders(content_repo, VALUE)[-1]
    data = (content_repo / path).read_bytes()
    win.drafts.save(content_repo, path, data, data + b"\nNog niet opgeslagen.\n")
    dialog = dialog_for(win, "bulk-rename")
    pick(by_name(dialog, QComboBox, "Veld"), "levenscyclus")
    by_name(dialog, QComboBox, "Huidige waarde").setEditText(VALUE)
    by_name(dialog, QLineEdit, "Nieuwe waarde").setText("beheer")
    plan_and_apply(qtbot, win, dialog)
    assert path in by_name(dialog, QLabel, "Toestand van de bulkwijziging").text()
    assert git(content_repo, "status", "--porcelain") == ""
    win.drafts.discard(content_repo, path)


def test_the_review_says_why_it_cannot_commit(qtbot, content_repo: Path, isolated_home: Path) -> None:  # noqa: ANN001
    path = holders(content_repo, VALUE)[0]
    target = content_repo / path
    target.write_bytes(target.read_bytes().replace(f"- {VALUE}\n".encode(), b"- bestaat-niet\n", 1))
    win = open_window(qtbot, content_repo)
    review = open_review(qtbot, win)
    assert not by_name(review, QPushButton, "Vastleggen").isEnabled()
    why = by_name(review, QLabel, "Waarom niet vastleggen").text()
    assert path in why and "bestaat-niet" in why and "fout" in why
    review.close()


def test_the_rename_dialog_shows_labels_and_refuses_a_label_as_new_value(qtbot, content_repo: Path,  # noqa: ANN001
                                                                         isolated_home: Path) -> None:
    win = open_window(qtbot, content_repo)
    dialog = dialog_for(win, "bulk-rename")
    pick(by_name(dialog, QComboBox, "Veld"), "levenscyclus")
    old = by_name(dialog, QComboBox, "Huidige waarde")
    index = old.findData(VALUE)
    assert old.itemText(index) == f"Monitoring en beheer ({VALUE})"  # the form's label beside the raw value
    old.setCurrentIndex(index)
    new = by_name(dialog, QLineEdit, "Nieuwe waarde")
    new.setText("ontwerp")
    meaning = by_name(dialog, QLabel, "Betekenis van de waarden").text()
    assert f"Monitoring en beheer ({VALUE})" in meaning and "samengevoegd met Ontwerp (ontwerp)" in meaning
    new.setText("Ontwerp")  # the label of a value, typed where the value belongs
    by_name(dialog, QPushButton, "Plan maken").click()
    settle(qtbot, win)
    status = by_name(dialog, QLabel, "Toestand van de bulkwijziging").text()
    assert "is het label van de waarde 'ontwerp'" in status
    new.setText("Beheer en onderhoud")  # not written like the other values, which are file names
    by_name(dialog, QPushButton, "Plan maken").click()
    settle(qtbot, win)
    assert "kleine letters" in by_name(dialog, QLabel, "Toestand van de bulkwijziging").text()
    new.setText("ontwerp")  # the value chosen by its label is planned by its raw value: a merge
    by_name(dialog, QPushButton, "Plan maken").click()
    settle(qtbot, win)
    assert dialog.plan is not None and dialog.plan.kind == "merge"
    assert git(content_repo, "status", "--porcelain") == ""
