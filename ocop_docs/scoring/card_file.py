"""Reading a scorecard from a file: YAML or JSON text → :class:`~ocop_docs.scoring.card.Scorecard`.

The card's values keep the line and column they were written at (JSON Pointer → position),
so that :func:`~ocop_docs.scoring.card.score_card` can place each problem in the file, and
repeated keys are remembered (YAML would silently keep the last one). A file that cannot be
read or parsed raises :class:`CardReadError` (exit code 1); a card that parses is data, and
its problems are the scorer's business.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ocop_docs.catalogue.parsers import parser_problem
from ocop_docs.errors import InputError
from ocop_docs.scoring.card import Scorecard, escape_token

__all__ = ["CardReadError", "parse_card", "read_card"]


class CardReadError(InputError):
    """The card file cannot be read or parsed (exit code 1)."""

    def __init__(
        self,
        path: Path,
        detail: str,
        line: int | None = None,
        column: int | None = None,
        detail_en: str | None = None,
    ) -> None:
        super().__init__(
            "scorecard-unreadable",
            path=str(path),
            where=f", dòng {line}, cột {column}" if line is not None else "",
            where_en=f", line {line}, column {column}" if line is not None else "",
            reason=detail,
            reason_en=detail_en or detail,
        )
        self.path = path
        self.detail = detail
        self.line = line
        self.column = column


class _CardLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps mapping keys exactly as written.

    Criterion numbers must stay strings: plain YAML reads ``1.1:`` as the float 1.1 and
    ``7:`` as the int 7, and would read ``1.10`` as 1.1.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key: Any = key_node.value
            else:
                key = self.construct_object(key_node, deep=True)
            out[key] = self.construct_object(value_node, deep=deep)
        return out


def _positions(text: str) -> tuple[dict[str, tuple[int, int]], tuple[str, ...]]:
    """JSON Pointer → 1-based (line, column) of each mapping key, and repeated keys."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}, ()
    positions: dict[str, tuple[int, int]] = {}
    duplicates: list[str] = []

    def walk(node: yaml.Node | None, pointer: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                child = f"{pointer}/{escape_token(str(key_node.value))}"
                if child in positions:
                    duplicates.append(child)
                mark = key_node.start_mark
                positions[child] = (mark.line + 1, mark.column + 1)
                walk(value_node, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                mark = item.start_mark
                positions[f"{pointer}/{i}"] = (mark.line + 1, mark.column + 1)
                walk(item, f"{pointer}/{i}")

    walk(root, "")
    return positions, tuple(duplicates)


def parse_card(text: str, path: Path | None = None, fmt: str | None = None) -> Scorecard:
    """Parse a scorecard from YAML or JSON text (``fmt`` "json"/"yaml", else by suffix).

    Raises :class:`CardReadError` with the line and column of a syntax error.
    """
    name = path if path is not None else Path("<phiếu chấm>")
    fmt = fmt or ("json" if name.suffix.lower() == ".json" else "yaml")
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            texts = parser_problem(exc.msg)
            raise CardReadError(name, texts["vi"], exc.lineno, exc.colno, texts["en"]) from exc
    else:
        try:
            data = yaml.load(text, Loader=_CardLoader)  # a SafeLoader subclass
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            column = mark.column + 1 if mark is not None else None
            texts = parser_problem(str(exc.problem or ""), exc.context)
            raise CardReadError(name, texts["vi"], line, column, texts["en"]) from exc
        except yaml.YAMLError as exc:
            texts = parser_problem(str(exc))
            raise CardReadError(name, texts["vi"], detail_en=texts["en"]) from exc
    positions, duplicates = _positions(text)
    return Scorecard(data, path, positions, duplicates)


def read_card(path: Path) -> Scorecard:
    """Read a scorecard file (YAML or JSON, UTF-8)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CardReadError(path, "không có tệp này", detail_en="no such file") from None
    except UnicodeDecodeError as exc:
        raise CardReadError(path, "tệp không phải UTF-8", detail_en="not UTF-8 text") from exc
    except OSError as exc:
        raise CardReadError(path, exc.strerror or str(exc)) from exc
    return parse_card(text, path)
