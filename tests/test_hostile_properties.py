"""Properties over hostile input: proposals never raise and stay inside the repository; safe_target never
returns a path outside it; the preview and the diff take any text."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactie import newdoc
from redactie.fileio import FileRefused, safe_target
from redactie.preview_html import to_html
from redactie.repository import ContentRepository
from redactie.review import line_diff

from .conftest import CONTENT

NASTY = st.text(alphabet=st.sampled_from(list("aZ09 .-_/\\:<>|?*\"'\t\n\x00\x1b{}[]#|!é\u202e\udce9")), max_size=80)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(title=st.one_of(NASTY, st.text(max_size=400)), code=st.one_of(NASTY, st.text(max_size=400)))
def test_propose_never_raises_and_stays_inside(tmp_path_factory, title: str, code: str) -> None:  # noqa: ANN001
    root = _repo(tmp_path_factory)
    repo = _REPOS.setdefault("repo", ContentRepository(root))  # type: ignore[arg-type]
    doc_type = repo.schema.types["vereiste"]
    doc_type.file_name = "{code}-{slug}.md"
    proposal = newdoc.propose(repo, doc_type, title, code, used_ids=set())
    if proposal.ok:
        assert not newdoc.name_problems(proposal.path)
        target = safe_target(root, proposal.path)
        assert os.path.realpath(target).startswith(os.path.realpath(root) + os.sep)


@SETTINGS
@given(relpath=NASTY)
def test_safe_target_never_leaves_the_root(tmp_path_factory, relpath: str) -> None:  # noqa: ANN001
    root = _repo(tmp_path_factory)
    try:
        target = safe_target(root, relpath)
    except FileRefused:
        return
    assert os.path.realpath(target).startswith(os.path.realpath(root) + os.sep)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=3000))
def test_the_preview_takes_any_text(text: str) -> None:
    assert to_html(text).startswith("<style>")


@settings(max_examples=100, deadline=None)
@given(old=st.text(alphabet="ab \n", max_size=400), new=st.text(alphabet="ab \n", max_size=400))
def test_the_diff_accounts_for_every_line(old: str, new: str) -> None:
    lines = line_diff(old, new, context=10_000)
    if old.splitlines() == new.splitlines():
        assert lines == []
        return
    assert [line.text for line in lines if line.kind in " -"] == old.splitlines()
    assert [line.text for line in lines if line.kind in " +"] == new.splitlines()


_REPOS: dict[str, object] = {}


def _repo(factory) -> Path:  # noqa: ANN001
    """One copy of the sample content per test function (hypothesis runs the body many times)."""
    root = _REPOS.get("root")
    if not isinstance(root, Path) or not root.exists():
        root = factory.mktemp("hostile") / "inhoud"
        shutil.copytree(CONTENT, root)
        (root / "docs" / "uit").symlink_to(factory.getbasetemp())
        _REPOS.clear()
        _REPOS["root"] = root
    return root
