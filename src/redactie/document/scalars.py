"""Writing YAML scalars so that they read back as exactly the same value under YAML 1.1 and 1.2."""

from __future__ import annotations

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

STR_TAG = "tag:yaml.org,2002:str"
_RESOLVERS = (VersionedResolver(version=(1, 1)), VersionedResolver(version=(1, 2)))
for _resolver in _RESOLVERS:
    _resolver.versioned_resolver  # noqa: B018 - built now, so that threads only ever read it
# Words that some YAML readers (or people) take for booleans or null; always quoted.
_BOOLISH = {"y", "n", "yes", "no", "on", "off", "true", "false", "ja", "nee", "null", "none", "~"}
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_CHARS = set(",[]{}")


def _printable(ch: str) -> bool:
    code = ord(ch)
    if ch in "\t":
        return True
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return False
    if ch in "\u2028\u2029\ufeff" or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return False
    return True


def plain_ok(text: str, flow: bool = False) -> bool:
    """True when `text` may be written unquoted and still reads back as that string in YAML 1.1 and 1.2."""
    if not text or text != text.strip() or text.lower() in _BOOLISH:
        return False
    if text[0] in _INDICATORS or text.startswith(("---", "...")):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if flow and any(ch in _FLOW_CHARS for ch in text):
        return False
    if not all(_printable(ch) for ch in text):
        return False
    return all(str(r.resolve(ScalarNode, text, (True, False))) == STR_TAG for r in _RESOLVERS)


def single_ok(text: str) -> bool:
    """True when `text` can be written single-quoted on one line."""
    return "\n" not in text and "\r" not in text and all(_printable(ch) for ch in text)


def single_quoted(text: str) -> str:
    """`text` as a single-quoted YAML scalar."""
    return "'" + text.replace("'", "''") + "'"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}


def double_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar with escapes, always on one line."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif not _printable(ch):
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def candidates(value: object, style: str | None = None, flow: bool = False) -> list[str]:
    """Renderings of a scalar value, best first: the old `style` where possible, then plain, single, double."""
    if value is None:
        return ["null"] if flow else [""]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, float):
        return [float_text(value)]
    if isinstance(value, int):
        return [repr(value)]
    text = str(value)
    order: list[str] = []
    if style == "'" and single_ok(text):
        order.append(single_quoted(text))
    if style == '"':
        order.append(double_quoted(text))
    if plain_ok(text, flow):
        order.append(text)
    if single_ok(text):
        order.append(single_quoted(text))
    order.append(double_quoted(text))
    seen: list[str] = []
    for item in order:
        if item not in seen:
            seen.append(item)
    return seen


def float_text(value: float) -> str:
    """A float as YAML text that YAML 1.1 (PyYAML, the site) and 1.2 both read as this float.

    YAML 1.1 needs a dot in the mantissa and a sign in the exponent (`1e-07` and `1e+20` are strings there);
    infinity and NaN are `.inf`, `-.inf`, `.nan`.
    """
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    if exponent and exponent[0] not in "+-":
        exponent = "+" + exponent
    return mantissa + ("e" + exponent if exponent else "")


def key_text(key: str) -> str:
    """A mapping key as YAML text."""
    return candidates(key)[0]
