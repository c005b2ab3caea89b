"""A hostile schema file is refused with a message and a line, never a hang, a crash or gigabytes."""

from __future__ import annotations

import pytest

from redactie.schema import SchemaError
from redactie.schema.loader import parse_schema

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("text", [
    LAUGHS,
    "schema: 1\nfields: &x [*x]\n",
    "schema: 1\nfields: " + "[" * 500 + "]" * 500 + "\n",
], ids=["billion-laughs", "recursive-alias", "deep-nesting"])
def test_a_hostile_schema_is_refused_with_its_line(text: str) -> None:
    with pytest.raises(SchemaError) as raised:
        parse_schema(text)
    assert raised.value.line >= 1
