"""Where each value of a YAML node tree is: JSON Pointer → (line, column), 1-based.

Computed on demand by :class:`~ocop_docs.text.documents.LoadedDocument` (valid dossiers never
need positions); aliases are one node in many places, and keep the position of the first.
"""

from __future__ import annotations

import unicodedata

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ocop_docs.text.pointers import child

Position = tuple[int, int]


def node_position(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def node_positions(node: Node) -> dict[str, Position]:
    """JSON Pointer → (line, column) of every value under ``node`` (computed on demand)."""
    positions: dict[str, Position] = {}
    stack: list[tuple[Node, str]] = [(node, "")]
    seen: set[int] = set()
    while stack:
        current, pointer = stack.pop()
        positions.setdefault(pointer, node_position(current))
        if id(current) in seen:  # aliases: one node, many places; position of the first
            continue
        seen.add(id(current))
        if isinstance(current, SequenceNode):
            stack.extend((item, child(pointer, i)) for i, item in enumerate(current.value))
        elif isinstance(current, MappingNode):
            for key_node, value_node in current.value:
                key = unicodedata.normalize("NFC", str(key_node.value))
                stack.append((value_node, child(pointer, key)))
    return positions


def key_positions(node: Node) -> dict[str, Position]:
    """JSON Pointer → (line, column) of each mapping key and list item under ``node``."""
    positions: dict[str, Position] = {}

    def walk(current: Node, pointer: str) -> None:
        if isinstance(current, MappingNode):
            for key_node, value_node in current.value:
                if isinstance(key_node, ScalarNode):
                    here = child(pointer, unicodedata.normalize("NFC", key_node.value))
                    positions[here] = node_position(key_node)
                    walk(value_node, here)
        elif isinstance(current, SequenceNode):
            for i, item in enumerate(current.value):
                here = child(pointer, i)
                positions[here] = node_position(item)
                walk(item, here)

    walk(node, "")
    return positions
