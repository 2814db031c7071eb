"""A YAML or JSON data file on disk → plain data, with the line and column of every value.

The one reader of the package's data files: dossiers (:mod:`ocop_docs.validation.loading`
adds what is particular to them), round files and scorecards. Nothing here raises for a bad
file: problems become :class:`~ocop_docs.errors.Issue` values, so one broken file
never stops a run over many.

Bytes are decoded by :mod:`ocop_docs.text.decoding` (UTF-8, UTF-16 with its BOM; anything else
is named, not guessed into text). YAML is composed (not constructed) with the C parser when
available, and the node tree is turned into plain data here, so that we keep positions, catch
duplicate keys (PyYAML silently keeps the last one), never instantiate arbitrary tags, bound
alias expansion ("billion laughs"), and keep identifiers such as ``0912000101`` as text
instead of YAML 1.1 integers that lose the leading zero. JSON is parsed by :mod:`json` and
composed as YAML for the positions. Text is NFC; the pointers of strings that were not are
kept, so the text check can tell the user.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ocop_docs.catalogue.parsers import parser_problem
from ocop_docs.errors import Issue
from ocop_docs.text.decoding import decode_bytes
from ocop_docs.text.pointers import child, pointer_from_path

MAX_DATA_FILE_BYTES = 1_000_000  # a data file holds data only; attachments are separate
MAX_NODES = 100_000  # bounds alias expansion; a real dossier has a few hundred nodes

Position = tuple[int, int]
# What a repeated mapping key means: a broken file (dossiers, round files: the author meant
# one of the two values and we cannot tell which), or the last one counts and the repeat is
# recorded (scorecards: the scorer reports the repeated criterion in its own words).
RepeatedKeys = Literal["refuse", "keep-last"]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = SafeConstructor()

_TAG = "tag:yaml.org,2002:"


@dataclass(slots=True)
class LoadedDocument:
    """A YAML/JSON document read from disk: its data, value positions and load issues."""

    path: Path
    data: Any = None
    issues: list[Issue] = field(default_factory=list)
    non_nfc: list[str] = field(default_factory=list)  # pointers of strings that were NFD
    node: Node | None = None  # the YAML node tree, kept to find positions when needed
    # Whether every number is finite: YAML's .nan/.inf are numbers to jsonschema but not to
    # JSON (nor to jsonschema-rs). None: not known (data given, not read by this module).
    finite: bool | None = None
    repeated: list[str] = field(default_factory=list)  # pointers of keys kept last ("keep-last")
    _positions: dict[str, Position] | None = None
    _key_positions: dict[str, Position] | None = None

    @property
    def positions(self) -> dict[str, Position]:
        """JSON Pointer → (line, column); built on first use, as valid dossiers never need it."""
        if self._positions is None:
            self._positions = node_positions(self.node) if self.node is not None else {}
        return self._positions

    @property
    def key_positions(self) -> dict[str, Position]:
        """JSON Pointer → (line, column) of the *key* of each mapping entry (of the item in a
        list), where a finding about the entry is best shown; a repeated key: the last."""
        if self._key_positions is None:
            self._key_positions = key_positions(self.node) if self.node is not None else {}
        return self._key_positions

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(i.severity == "error" for i in self.issues)

    def position(self, pointer: str) -> Position | None:
        """Line/column of the value at ``pointer``, or of its nearest ancestor."""
        while True:
            pos = self.positions.get(pointer)
            if pos is not None or not pointer:
                return pos
            pointer = pointer.rsplit("/", 1)[0]

    def issue(self, code: str, pointer: str = "", **params: Any) -> Issue:
        pos = self.position(pointer)
        return Issue(
            code,
            pointer=pointer,
            line=pos[0] if pos else None,
            column=pos[1] if pos else None,
            params=params,
        )


class _TooComplex(Exception):
    pass


class _Duplicate(Exception):
    def __init__(self, key: str, first: Position, node: Node) -> None:
        super().__init__(key)
        self.key = key
        self.first = first
        self.node = node


def _pos(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: ScalarNode) -> Any:
    tag = node.tag
    if not tag.startswith(_TAG):
        # Unknown or application tags (e.g. !!python/object) are never constructed.
        raise yaml.YAMLError(f"thẻ YAML không được hỗ trợ: {tag}")
    kind = tag[len(_TAG) :]
    if kind == "str":
        return node.value
    if kind == "null":
        return None
    if kind == "bool":
        return _CONSTRUCTOR.construct_yaml_bool(node)
    if kind == "int":
        raw = node.value
        # Leading zeros mark an identifier (phone, tax code), not a number: keep the text.
        if len(raw) > 1 and raw.lstrip("+-").startswith("0") and raw.lstrip("+-")[1:2].isdigit():
            return raw
        return _CONSTRUCTOR.construct_yaml_int(node)
    if kind == "float":
        return _CONSTRUCTOR.construct_yaml_float(node)
    if kind == "timestamp":
        value = _CONSTRUCTOR.construct_yaml_timestamp(node)
        if isinstance(value, dt.datetime):
            return value.isoformat()
        return value.isoformat() if isinstance(value, dt.date) else node.value
    return node.value


def _nfc(text: str, pointer: str, non_nfc: list[str]) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    non_nfc.append(pointer)
    return unicodedata.normalize("NFC", text)


_SEQ_MAP = frozenset({_TAG + "seq", _TAG + "map", _TAG + "omap"})


@dataclass(slots=True)
class _Walk:
    """What converting one node tree learns besides the data."""

    non_nfc: list[str]
    repeated: list[str] | None = None  # None: a repeated key is refused
    budget: int = MAX_NODES
    finite: bool = True


def _convert(node: Node, path: list[str | int], walk: _Walk) -> Any:
    """Node tree → plain data. Pointers are built only for the rare findings (speed)."""
    walk.budget -= 1
    if walk.budget < 0:
        raise _TooComplex
    if isinstance(node, ScalarNode):
        value = _scalar(node)
        if isinstance(value, str):
            return value if value.isascii() else _nfc(value, pointer_from_path(path), walk.non_nfc)
        if isinstance(value, float) and not math.isfinite(value):
            walk.finite = False
        return value
    if node.tag not in _SEQ_MAP:
        raise yaml.YAMLError(f"thẻ YAML không được hỗ trợ: {node.tag}")
    if isinstance(node, SequenceNode):
        out_list = []
        for i, item in enumerate(node.value):
            path.append(i)
            out_list.append(_convert(item, path, walk))
            path.pop()
        return out_list
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise yaml.YAMLError("khóa gộp «<<» không được hỗ trợ trong hồ sơ")
            if not key_node.tag.startswith(_TAG):
                raise yaml.YAMLError(f"thẻ YAML không được hỗ trợ: {key_node.tag}")
            # Keys stay as written, as in JSON and YAML 1.2: criterion "1.10" is not the
            # number 1.1, and "on:" is not True (and the positions use the same text).
            key = str(key_node.value)
            if not key.isascii():
                key = _nfc(key, pointer_from_path(path), walk.non_nfc)
            if key in seen:
                if walk.repeated is None:
                    raise _Duplicate(key, _pos(seen[key]), key_node)
                walk.repeated.append(pointer_from_path([*path, key]))
            seen[key] = key_node
            path.append(key)
            out[key] = _convert(value_node, path, walk)
            path.pop()
        return out
    raise yaml.YAMLError(f"nút YAML không rõ: {node!r}")  # pragma: no cover


def all_finite(value: Any) -> bool:
    """No NaN or infinity anywhere in ``value`` (for data that did not come from a file)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(all_finite(item) for item in value.values())
    if isinstance(value, list):
        return all(all_finite(item) for item in value)
    return True


def node_positions(node: Node) -> dict[str, Position]:
    """JSON Pointer → (line, column) of every value under ``node`` (computed on demand)."""
    positions: dict[str, Position] = {}
    stack: list[tuple[Node, str]] = [(node, "")]
    seen: set[int] = set()
    while stack:
        current, pointer = stack.pop()
        positions.setdefault(pointer, _pos(current))
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
                    positions[here] = _pos(key_node)
                    walk(value_node, here)
        elif isinstance(current, SequenceNode):
            for i, item in enumerate(current.value):
                here = child(pointer, i)
                positions[here] = _pos(item)
                walk(item, here)

    walk(node, "")
    return positions


def _nfc_tree(value: Any, pointer: str, non_nfc: list[str]) -> Any:
    if isinstance(value, str):
        return _nfc(value, pointer, non_nfc)
    if isinstance(value, list):
        return [_nfc_tree(v, child(pointer, i), non_nfc) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {
            _nfc(str(k), pointer, non_nfc): _nfc_tree(v, child(pointer, k), non_nfc)
            for k, v in value.items()
        }
    return value


def _problem(exc: yaml.YAMLError) -> tuple[dict[str, str], Position | None]:
    """The parser's problem as ``problem``/``problem_en`` parameters, and where it is."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    texts = parser_problem(str(problem), getattr(exc, "context", None))
    pos = (mark.line + 1, mark.column + 1) if mark is not None else None
    return {"problem": texts["vi"], "problem_en": texts["en"]}, pos


def parse_text(
    text: str,
    path: Path,
    doc: LoadedDocument,
    *,
    as_json: bool,
    repeated_keys: RepeatedKeys = "refuse",
) -> None:
    """Fill ``doc`` from ``text`` (YAML or JSON); syntax problems become issues."""
    parsed_json: Any = None
    if as_json:
        try:
            parsed_json = json.loads(text)
        except json.JSONDecodeError as exc:
            texts = parser_problem(exc.msg)
            doc.issues.append(
                Issue(
                    "json-syntax",
                    line=exc.lineno,
                    column=exc.colno,
                    params={"problem": texts["vi"], "problem_en": texts["en"]},
                )
            )
            return
        # JSON is (for our purposes) YAML, so the YAML composer gives the positions.
    try:
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            doc.data = None
            empty = {"actual": "rỗng", "actual_en": "empty"}
            doc.issues.append(Issue("dossier-not-mapping", params=empty))
            return
        walk = _Walk(doc.non_nfc, doc.repeated if repeated_keys == "keep-last" else None)
        doc.data = _convert(node, [], walk)
        doc.node = node
        doc.finite = walk.finite
    except _TooComplex:
        doc.issues.append(Issue("yaml-too-complex", params={"limit": f"{MAX_NODES:,}"}))
    except _Duplicate as dup:
        line, col = _pos(dup.node)
        doc.issues.append(
            Issue(
                "yaml-duplicate-key",
                line=line,
                column=col,
                params={"key": dup.key, "first_line": dup.first[0]},
            )
        )
    except yaml.YAMLError as exc:
        if as_json:
            # Valid JSON the YAML 1.1 composer rejects (e.g. tabs): keep the data, lose positions.
            doc.data = _nfc_tree(parsed_json, "", doc.non_nfc)
            doc.finite = all_finite(doc.data)  # json.loads reads NaN and Infinity
            return
        problem, pos = _problem(exc)
        code = "yaml-syntax"
        doc.issues.append(
            Issue(
                code,
                line=pos[0] if pos else None,
                column=pos[1] if pos else None,
                params=problem,
            )
        )
    except RecursionError:
        depth = {"limit": "độ sâu", "limit_en": "depth"}
        doc.issues.append(Issue("yaml-too-complex", params=depth))


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover


def read_document(
    path: Path,
    doc: LoadedDocument,
    *,
    limit: int = MAX_DATA_FILE_BYTES,
    repeated_keys: RepeatedKeys = "refuse",
) -> None:
    """Read and parse a YAML/JSON file into ``doc``; every failure becomes an issue."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            doc.issues.append(
                Issue(
                    "file-too-large",
                    params={"path": shown, "size": human_size(size), "limit": human_size(limit)},
                )
            )
            return
        raw = path.read_bytes()
    except OSError as exc:
        doc.issues.append(
            Issue("file-unreadable", params={"path": shown, "reason": exc.strerror or str(exc)})
        )
        return
    decoded = decode_bytes(raw)
    failure = decoded.failure
    if decoded.has_nul or (failure is not None and failure.likely_encoding == "binary"):
        doc.issues.append(Issue("file-binary", params={"path": shown, "offset": raw.find(b"\x00")}))
        return
    if decoded.text is None:
        line = failure.line if failure else None
        column = failure.column if failure else None
        guess = (failure.likely_encoding if failure else None) or "?"
        doc.issues.append(
            Issue(
                "file-not-utf8",
                line=line,
                column=column,
                params={"path": shown, "line": line, "guess": guess},
            )
        )
        return
    as_json = path.suffix.lower() == ".json"
    parse_text(decoded.text, path, doc, as_json=as_json, repeated_keys=repeated_keys)
    if doc.data is not None and not isinstance(doc.data, dict):
        actual = type(doc.data).__name__
        doc.issues.append(doc.issue("dossier-not-mapping", "", actual=actual))
        doc.data = None


def load_document(path: Path | str, *, repeated_keys: RepeatedKeys = "refuse") -> LoadedDocument:
    """Load a YAML/JSON document that is not a dossier (a round file, a scorecard)."""
    path = Path(path)
    doc = LoadedDocument(path=path)
    if not path.is_file():
        doc.issues.append(
            Issue(
                "file-unreadable",
                params={"path": str(path), "reason": "không tồn tại", "reason_en": "not found"},
            )
        )
        return doc
    read_document(path, doc, repeated_keys=repeated_keys)
    return doc
