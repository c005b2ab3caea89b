"""A schema read before is not parsed again at the next start; an edited, broken or foreign entry never counts."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from redactie.schema import SchemaError, cache, parse_schema
from redactie.schema.loader import _parse_schema

from .conftest import CONTENT

TEXT = (CONTENT / "redactie-schema.yaml").read_text(encoding="utf-8")


class Evil:
    """Unpickling this would run a command: the cache's unpickler must refuse it."""

    def __reduce__(self) -> tuple:
        return (print, ("ran",))


def counting(calls: list[str]):  # noqa: ANN201
    """The real parser, counting its calls."""
    def parse(text: str, path: str):  # noqa: ANN202
        calls.append(path)
        return _parse_schema(text, path)
    return parse


def test_a_schema_read_before_comes_from_the_cache_equal_to_a_fresh_read(isolated_home: Path) -> None:
    calls: list[str] = []
    first = cache.cached_parse(TEXT, "a/redactie-schema.yaml", counting(calls))
    second = cache.cached_parse(TEXT, "a/redactie-schema.yaml", counting(calls))
    assert calls == ["a/redactie-schema.yaml"]
    assert second == first == _parse_schema(TEXT, "a/redactie-schema.yaml") and second is not first
    assert second.describe() == first.describe()
    # Another text or another path is read anew.
    cache.cached_parse(TEXT + "\n# opmerking\n", "a/redactie-schema.yaml", counting(calls))
    cache.cached_parse(TEXT, "b/redactie-schema.yaml", counting(calls))
    assert calls == ["a/redactie-schema.yaml"] * 2 + ["b/redactie-schema.yaml"]
    # Reading a schema (the start's worker does) keeps it.
    assert parse_schema(TEXT, "c") == _parse_schema(TEXT, "c")
    assert cache._entry(TEXT, "c").is_file()  # noqa: SLF001


def test_a_damaged_or_foreign_entry_is_parsed_anew_and_never_run(isolated_home: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[str] = []
    path = "d/redactie-schema.yaml"
    cache.cached_parse(TEXT, path, counting(calls))
    entry = cache._entry(TEXT, path)  # noqa: SLF001
    for content in (b"", b"\x80\x04 kapot", pickle.dumps(Evil()), pickle.dumps(["geen schema"])):
        entry.write_bytes(content)
        assert cache.cached_parse(TEXT, path, counting(calls)) == _parse_schema(TEXT, path)
    assert len(calls) == 5 and "ran" not in capsys.readouterr().out
    # The last parse was kept again.
    assert cache.cached_parse(TEXT, path, counting(calls)) is not None and len(calls) == 5


def test_an_unusable_schema_is_never_kept(isolated_home: Path) -> None:
    broken = "documenttypes: [\n"
    for _ in range(2):
        with pytest.raises(SchemaError):
            parse_schema(broken, "e/redactie-schema.yaml")
    assert not cache._entry(broken, "e/redactie-schema.yaml").exists()  # noqa: SLF001


def test_an_unwritable_cache_still_reads_the_schema(isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar de cachemap zou staan")
    monkeypatch.setenv("REDACTIE_HOME", str(blocker))
    assert parse_schema(TEXT, "f") == _parse_schema(TEXT, "f")
