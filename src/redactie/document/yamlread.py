"""Composing front-matter YAML with ruamel.yaml: a fresh reader per call, with limits checked while it reads.

A new loader per call means no parser state is shared between threads or between documents (a `%YAML 1.1`
directive in one file cannot change how another is read). The limits keep every input bounded in time and
memory: the text's size is checked before reading (ruamel.yaml reads at most MAX_YAML_TEXT; larger front
matter must be of the fast reader's plain subset), flow nesting while scanning (the scanner's work per token
grows with it), nesting depth and scalar size on the event stream before a node is composed, and aliases
before they are expanded (an alias counts as a copy of everything it refers to).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.composer import Composer
from ruamel.yaml.docinfo import DocInfo
from ruamel.yaml.events import AliasEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.parser import RoundTripParser
from ruamel.yaml.reader import Reader
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scanner import RoundTripScanner

MAX_TEXT = 2 * 1024 * 1024  # characters of front matter (about 100,000 short fields)
MAX_YAML_TEXT = 256 * 1024  # characters that ruamel.yaml reads (some 50-100 KB a second) when the fast reader cannot
MAX_SCALAR = 1024 * 1024  # characters in one value
MAX_DEPTH = 64  # lists and mappings inside each other, aliases included
MAX_ALIAS_NODES = 10_000  # values that aliases copy, counted over the whole front matter


class LimitError(Exception):
    """The front matter is over a limit; `index` is the character position in the front-matter text."""

    def __init__(self, index: int, message: str, message_nl: str) -> None:
        super().__init__(message)
        self.index = index
        self.message = message
        self.message_nl = message_nl


def check_text(text: str) -> None:
    """Refuse front matter too large to read in bounded time, before any parsing."""
    if len(text) > MAX_TEXT:
        raise LimitError(
            MAX_TEXT,
            f"the front matter is too large ({len(text):,} characters; at most {MAX_TEXT:,})",
            f"de metadata bovenaan is te groot ({len(text):,} tekens; hoogstens {MAX_TEXT:,})".replace(",", "."),
        )
    if len(text) > MAX_SCALAR:
        start = 0
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if end - start > MAX_SCALAR:
                raise _too_long(start + MAX_SCALAR, end - start)
            start = end + 1


def _too_long(index: int, size: int) -> LimitError:
    return LimitError(
        index,
        f"a value is too long ({size:,} characters; at most {MAX_SCALAR:,})",
        f"een waarde is te lang ({size:,} tekens; hoogstens {MAX_SCALAR:,})".replace(",", "."),
    )


class _LimitedComposer(Composer):
    """ruamel.yaml's composer, refusing too deep nesting, recursive aliases and too many alias copies."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader=loader)
        self._sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes including alias copies, height)
        self._alias_nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        mark = event.start_mark.index
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if isinstance(target, (SequenceNode, MappingNode)) and target.end_mark is None:
                raise LimitError(
                    mark,
                    "an alias refers to the value it is part of (an endless repetition)",
                    "een alias verwijst naar de waarde waar hij zelf in staat (een eindeloze herhaling)",
                )
            if target is not None:
                size, height = self._measure(target)
                self._alias_nodes += size
                if self._alias_nodes > MAX_ALIAS_NODES:
                    raise LimitError(
                        mark,
                        f"aliases repeat too many values (more than {MAX_ALIAS_NODES:,})",
                        f"aliassen herhalen te veel waarden (meer dan {MAX_ALIAS_NODES:,})".replace(",", "."),
                    )
                if self.depth + height > MAX_DEPTH:
                    raise _too_deep(mark)
            return super().compose_node(parent, index)
        if isinstance(event, ScalarEvent):
            if len(event.value) > MAX_SCALAR:
                raise _too_long(mark, len(event.value))
        elif self.depth >= MAX_DEPTH:
            raise _too_deep(mark)
        return super().compose_node(parent, index)

    def _measure(self, node: Node) -> tuple[int, int]:
        """(nodes, levels of lists and mappings) of a finished node, aliases counted in full wherever they occur."""
        known = self._sizes.get(id(node))
        if known is not None:
            return known
        size, height = 1, 0
        if isinstance(node, SequenceNode):
            children: list[Node] = list(node.value)
        elif isinstance(node, MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = []
        for child in children:
            child_size, child_height = self._measure(child)
            size += child_size
            height = max(height, child_height + 1)
        self._sizes[id(node)] = (size, height)
        return size, height


def _too_deep(index: int) -> LimitError:
    return LimitError(
        index,
        f"lists or fields are nested too deeply (more than {MAX_DEPTH} levels)",
        f"lijsten of velden zijn te diep in elkaar genest (meer dan {MAX_DEPTH} niveaus)",
    )


def _tables() -> dict[tuple[int, int], dict[str, list[Any]]]:
    """Implicit-tag tables per YAML version, built once; loaders only read them."""
    tables = {}
    for version in ((1, 1), (1, 2)):
        tables[version] = VersionedResolver(version=version).versioned_resolver
    return tables


_TABLES = _tables()


class _Loader(Reader, RoundTripScanner, RoundTripParser, _LimitedComposer, VersionedResolver):
    """One use only: everything a read needs, owned by that read."""

    def __init__(self, text: str) -> None:
        self.comment_handling = None
        self.version = None
        self.tags: dict[str, str] = {}
        self.doc_infos = [DocInfo(requested_version=None)]
        self.max_depth = 0
        Reader.__init__(self, text, loader=self)
        RoundTripScanner.__init__(self, loader=self)
        RoundTripParser.__init__(self, loader=self)
        _LimitedComposer.__init__(self, loader=self)
        self.warn_double_anchors = False  # legal YAML: the later anchor counts
        VersionedResolver.__init__(self, None, loader=self)

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: str) -> None:  # noqa: N803 - ruamel's name
        """Refuse `[` or `{` nested too deeply while scanning: the scanner's work per token grows with the depth."""
        if len(self.flow_context) >= MAX_DEPTH:
            raise _too_deep(self.reader.index)
        super().fetch_flow_collection_start(TokenClass, to_push)

    @property
    def versioned_resolver(self) -> Any:
        """The shared read-only table of this document's YAML version (building it per read costs 15%)."""
        version = self.processing_version
        if isinstance(version, str):
            version = tuple(map(int, version.split(".")))
        table = _TABLES.get(version)
        return table if table is not None else VersionedResolver.versioned_resolver.fget(self)


def compose(text: str) -> Node | None:
    """The node tree of one YAML document; raises LimitError or ruamel.yaml's YAMLError."""
    check_text(text)
    if len(text) > MAX_YAML_TEXT:
        raise LimitError(
            MAX_YAML_TEXT,
            f"the front matter is too large for the layout it uses ({len(text):,} characters; at most "
            f"{MAX_YAML_TEXT:,} when it holds more than plain fields and lists)",
            f"de metadata bovenaan is te groot voor de opmaak die ze gebruikt ({len(text):,} tekens; hoogstens "
            f"{MAX_YAML_TEXT:,} als ze meer bevat dan gewone velden en lijsten)".replace(",", "."),
        )
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
