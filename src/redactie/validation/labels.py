"""Label values as the site's own CI reads them: YAML 1.1 booleans, and logical expressions in `uitzondering`."""

from __future__ import annotations

import re

# PyYAML (YAML 1.1, what the site reads front matter with) turns these plain words into booleans.
YAML11_TRUE = {"y", "yes", "true", "on"}
YAML11_FALSE = {"n", "no", "false", "off"}
_YAML11_WORDS = frozenset(YAML11_TRUE | YAML11_FALSE)
_TOKEN = re.compile(r'"([^"]*)"|\'([^\']*)\'|(\|\||&&|!|\(|\))|([^\s()!&|"\']+)')
_OPERATORS = {"and", "or", "not", "||", "&&", "!", "(", ")"}


def yaml11_boolean(value: object) -> bool | None:
    """True/False when the site reads this label as a boolean instead of text; None when it is text."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    word = value.strip()
    if word.lower() not in _YAML11_WORDS or word not in (word.lower(), word.capitalize(), word.upper()):
        return None
    return word.lower() in YAML11_TRUE


def is_expression(value: str) -> bool:
    """True when a label value is a logical expression rather than one name."""
    return any(tok in value for tok in ("&&", "||", "!", "(", '"')) or bool(
        re.search(r"\s(?:and|or)\s|^not\s", value))


def expression_names(value: str) -> list[str]:
    """The names inside a logical expression (`("a" || "b") && not c` gives a, b, c)."""
    names: list[str] = []
    for match in _TOKEN.finditer(value):
        quoted = match.group(1) if match.group(1) is not None else match.group(2)
        if quoted is not None:
            names.append(quoted.strip())
        elif match.group(4) and match.group(4).lower() not in _OPERATORS:
            names.append(match.group(4))
    return names
