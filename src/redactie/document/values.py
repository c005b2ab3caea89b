"""Converting composed YAML nodes to plain Python values, shared by both front-matter readers."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# Python cannot write an int of more than 4,300 decimal digits as text (str() raises), so a YAML integer
# that large is read as its text: nothing downstream (validation, the form, an edit) can then fail on it.
MAX_INT_BITS = 13_000


def _int(text: str) -> int | str:
    raw = text.replace("_", "")
    try:
        value = int(raw, 0) if raw[:2].lower() in ("0x", "0o", "0b") else int(raw)
    except ValueError:
        return text
    return text if value.bit_length() > MAX_INT_BITS else value


def _float(text: str) -> float | str:
    low = text.lower().replace("_", "")
    special = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
    if low in special:
        return special[low]
    try:
        return float(low)
    except ValueError:
        return text


def to_python(node: Node) -> Any:
    """A composed node as a plain Python value (str, int, float, bool, None, list, dict)."""
    if isinstance(node, ScalarNode):
        tag = str(node.tag)
        if node.style is not None:
            return node.value
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            return node.value.lower() in ("true", "yes", "on", "y")
        if tag.endswith(":int"):
            return _int(node.value)
        if tag.endswith(":float"):
            return _float(node.value)
        return node.value
    if isinstance(node, SequenceNode):
        return [to_python(child) for child in node.value]
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = to_python(key_node)
            if isinstance(key, (list, dict)):
                key = str(key)
            result[key] = to_python(value_node)
        return result
    return None
