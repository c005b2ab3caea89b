"""The sample content repository: it validates and every document round-trips byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactie.document import Document
from redactie.repository import ContentRepository
from redactie.validation import ERROR, validate_repository

from .conftest import CONTENT


def test_content_validates_without_errors() -> None:
    repo = ContentRepository(CONTENT)
    assert not repo.schema.inferred
    assert len(repo.documents_of("vereiste")) >= 9 and len(repo.documents_of("maatregel")) >= 4
    errors = [f for f in validate_repository(repo) if f.severity == ERROR]
    assert errors == []


@pytest.mark.parametrize("path", sorted(CONTENT.rglob("*.md")), ids=lambda p: p.name)
def test_content_round_trips(path: Path) -> None:
    data = path.read_bytes()
    assert Document.parse(data).dump() == data


def test_seed_document_is_the_users_own() -> None:
    seed = CONTENT.parent.parent / "shared" / "seed" / "000_83355e80725ce0e1.txt"
    if not seed.is_file():
        pytest.skip("../shared/seed is not present")
    ours = CONTENT / "docs/vereisten/corrigerende_maatregelen_voor_non_conforme_ai.md"
    assert ours.read_bytes() == seed.read_bytes()
