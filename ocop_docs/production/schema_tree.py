"""One walker over the schemas the produce pipeline reads: context schemas and the round's.

A schema here is a JSON Schema file under ``schemas/`` (read through
:mod:`ocop_docs.resources`) whose ``$ref`` point to ``$defs``, of the same file
(``#/$defs/member``) or of a file beside it (``common.schema.json#/$defs/member``), as the
dossier schemas do. :class:`SchemaTree` resolves them and answers the three questions the
pipeline asks:

* :meth:`~SchemaTree.at`: the schema of a data path ("quyet_dinh.nguoi_ky.ho_ten"), for the
  spreadsheet reader converting a cell;
* :meth:`~SchemaTree.has`: whether a template variable ("hop.co_mat[].ho_ten") is defined,
  for ``templates check``;
* :meth:`~SchemaTree.paths`: every variable with its title, for docs/documents.md.

A node is seen *merged* with what its ``$ref`` points to: the node's own keywords win
(a property's ``title`` over the definition's), ``properties`` and ``required`` add up,
as JSON Schema applies a ``$ref`` beside other keywords (draft 2020-12 §8.2.3.1).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ocop_docs.errors import DataError
from ocop_docs.resources import load_data

Node = Mapping[str, Any]
ITEMS = "[]"  # the path step into an array's items


class SchemaTree:
    """A schema file and the files its ``$ref`` reach, walked by data path."""

    def __init__(self, relative: str, base: Path | None = None) -> None:
        self.relative = relative
        self.base = base
        self.root: Node = self._file(relative)

    def _file(self, relative: str) -> Node:
        try:
            data = load_data(relative, self.base)
        except (OSError, ValueError) as exc:
            raise DataError("schema-unreadable", path=relative, reason=str(exc)) from exc
        if not isinstance(data, dict):
            raise DataError("schema-unreadable", path=relative, reason="not a JSON object")
        return data

    def _target(self, ref: str, file: str) -> tuple[Node, str]:
        """The definition a ``$ref`` names, and the file it is in."""
        where, _, pointer = ref.partition("#")
        if where:
            file = str(Path(file).parent / where) if "/" in file else where
        node: Any = self._file(file)
        for step in (s for s in pointer.split("/") if s):
            node = node.get(step) if isinstance(node, Mapping) else None
        if not isinstance(node, Mapping):
            raise DataError("schema-broken", path=file, reason=f"$ref {ref!r} names nothing")
        return node, file

    def resolve(self, node: Node, file: str | None = None) -> tuple[dict[str, Any], str]:
        """``node`` merged with what its ``$ref`` (recursively) points to; and its file."""
        file = file or self.relative
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return dict(node), file
        target, where = self._target(ref, file)
        merged, _ = self.resolve(target, where)
        for key, value in node.items():
            if key == "$ref":
                continue
            if key == "properties" and isinstance(merged.get(key), Mapping):
                merged[key] = {**merged[key], **value}
            elif key == "required" and isinstance(merged.get(key), list):
                merged[key] = list(dict.fromkeys([*merged[key], *value]))
            else:
                merged[key] = value
        # Nested $refs of the target resolve against its own file; the merged node's
        # children keep pointing there.
        return merged, where

    def _child(self, node: Node, file: str, step: str) -> tuple[dict[str, Any], str] | None:
        if step == ITEMS:
            items = node.get("items")
            return self.resolve(items, file) if isinstance(items, Mapping) else None
        props = node.get("properties")
        if isinstance(props, Mapping) and isinstance(props.get(step), Mapping):
            return self.resolve(props[step], file)
        return None

    def at(self, steps: Iterable[str]) -> dict[str, Any] | None:
        """The merged schema at a path (property names, :data:`ITEMS` for array items)."""
        current: tuple[dict[str, Any], str] | None = self.resolve(self.root)
        for step in steps:
            if current is None:
                return None
            current = self._child(current[0], current[1], step)
        return current[0] if current is not None else None

    def has(self, variable: str) -> bool:
        """Whether a template variable ("a.b[].c", "x.length" of a list) is defined.

        ``x-any`` marks a node whose inside is free (any key below it is accepted).
        """
        current: tuple[dict[str, Any], str] | None = self.resolve(self.root)
        for step in split_variable(variable):
            if current is None:
                return False
            node, file = current
            if node.get("x-any"):
                return True
            found = self._child(node, file, step)
            if found is None:
                return step != ITEMS and node.get("type") == "array" and step == "length"
            current = found
        return current is not None

    def paths(self) -> list[tuple[str, str]]:
        """Every variable path of the schema with its title, in schema order."""
        return list(self._walk(*self.resolve(self.root), ""))

    def _walk(self, node: Node, file: str, prefix: str) -> Iterator[tuple[str, str]]:
        props = node.get("properties")
        if not isinstance(props, Mapping):
            return
        for key, raw in props.items():
            sub, where = self.resolve(raw, file)
            path = f"{prefix}.{key}" if prefix else key
            yield path, str(sub.get("title", ""))
            if sub.get("type") == "object":
                yield from self._walk(sub, where, path)
            elif sub.get("type") == "array":
                items = self._child(sub, where, ITEMS)
                if items is not None and items[0].get("type") == "object":
                    yield from self._walk(items[0], items[1], f"{path}[]")


def split_variable(variable: str) -> list[str]:
    """ "hop.co_mat[].ho_ten" → ["hop", "co_mat", "[]", "ho_ten"]; indexes count as "[]"."""
    steps: list[str] = []
    for part in variable.split("."):
        name, bracket, rest = part.partition("[")
        if name:
            steps.append(name)
        if bracket:
            steps.extend(ITEMS for _ in range(rest.count("]")))
    return steps


@lru_cache(maxsize=32)
def schema_tree(relative: str, base: Path | None = None) -> SchemaTree:
    """The :class:`SchemaTree` of ``schemas/<relative>``, read once per process."""
    return SchemaTree(relative, base)


__all__ = ["ITEMS", "SchemaTree", "schema_tree", "split_variable"]
