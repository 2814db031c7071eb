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

Hostile values (issue 9) are findings with their line and column, never exceptions: numbers
of more than :data:`MAX_NUMBER_DIGITS` digits (Python refuses to print ints over 4,300
digits, and a float cannot hold them), NaN and infinity, lone surrogates (replaced by U+FFFD
so that no later stage fails to encode them), control characters (ESC sequences would drive
the terminal that shows the report), nesting deeper than :data:`MAX_DEPTH`. Impossible dates
(``2026-02-30``) stay text, which the date checks then report. These *value findings* do not
stop a dossier's other checks (:attr:`LoadedDocument.findings`); a file that is a symlink is
never opened (:mod:`ocop_docs.confined`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ocop_docs.catalogue.parsers import parser_problem
from ocop_docs.confined import Refused, open_inside, open_named, read_opened
from ocop_docs.errors import Issue
from ocop_docs.files import read_reason
from ocop_docs.text.decoding import decode_bytes
from ocop_docs.text.escapes import lone_escapes
from ocop_docs.text.pointers import pointer_from_path
from ocop_docs.text.positions import Position, key_positions, node_position, node_positions

_RAW_SURROGATE = re.compile("[\ud800-\udfff]")

MAX_DATA_FILE_BYTES = 1_000_000  # a data file holds data only; attachments are separate
MAX_NODES = 100_000  # bounds alias expansion; a real dossier has a few hundred nodes
# A real dossier nests six levels deep; 64 keeps every later recursive walk (schema, text,
# reports) far from Python's recursion limit.
MAX_DEPTH = 64
# The longest identifier is 13 digits; 300 digits stays below a float's range (1.8e308), so
# no later comparison or conversion of a number read here can overflow.
MAX_NUMBER_DIGITS = 300
_MAX_BITS = math.ceil(MAX_NUMBER_DIGITS * math.log2(10))
# C0 controls except tab, line feed and carriage return; DEL; C1 controls (ECMA-48).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_CONSTANTS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}

# What a repeated mapping key means: a broken file (dossiers, round files: the author meant
# one of the two values and we cannot tell which), or the last one counts and the repeat is
# recorded (scorecards: the scorer reports the repeated criterion in its own words).
RepeatedKeys = Literal["refuse", "keep-last"]

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """libyaml's composer with PyYAML's safe resolver, memoised.

    libyaml composes the nodes (with their marks) in C but asks the Python resolver for the
    tag of every scalar: a quarter of composing a dossier. Without path resolvers (the safe
    loader has none) the tag depends only on the kind, the text and whether it was plain,
    and dossiers repeat the same keys and short values, so short scalars are looked up
    once per process.
    """

    _tags: ClassVar[dict[tuple[str, tuple[bool, bool]], str]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not ScalarNode or len(value) > 40:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._tags) >= 8192:  # bounded: a file of many distinct values
                self._tags.clear()
            self._tags[key] = tag
        return tag

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None  # only path resolvers use it, and there are none

    def ascend_resolver(self) -> None:
        return None


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
    # Findings about values (long numbers, NaN, surrogates, control characters): errors that
    # do not stop the other checks of a dossier, unlike ``issues`` (the file as a whole).
    findings: list[Issue] = field(default_factory=list)
    # Dates such as 2026-02-30, kept as text: a dossier's schema reports them itself.
    impossible_dates: list[Issue] = field(default_factory=list)
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
    def __init__(self, limit: str, limit_en: str) -> None:
        super().__init__(limit)
        self.limit = limit
        self.limit_en = limit_en


class _Duplicate(Exception):
    def __init__(self, key: str, first: Position, node: Node) -> None:
        super().__init__(key)
        self.key = key
        self.first = first
        self.node = node


def _scalar(node: ScalarNode, walk: _Walk) -> Any:
    try:
        return _constructed(node, walk)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError, OverflowError) as exc:
        # An explicit tag the value does not fit (``!!float abc``, ``!!bool maybe``,
        # ``!!timestamp x``, ``!!int ""``): PyYAML's constructors raise plain exceptions.
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        raise yaml.constructor.ConstructorError(
            None, None, f"thẻ YAML không được hỗ trợ: {node.tag} «{shown}»", node.start_mark
        ) from exc


def _constructed(node: ScalarNode, walk: _Walk) -> Any:
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
        digits = sum(1 for c in raw if c.isdigit())
        # (!!int abc raises ValueError: a syntax error, in _scalar.)
        number = None if digits > MAX_NUMBER_DIGITS else _CONSTRUCTOR.construct_yaml_int(node)
        # YAML 1.1 sexagesimal ints (1:30:00) grow by 60 a part: bound the value, not the text.
        if not isinstance(number, int) or number.bit_length() > _MAX_BITS:
            walk.finding(
                "number-too-long", node, digits=f"{max(digits, 1):,}", limit=MAX_NUMBER_DIGITS
            )
            return raw
        return number
    if kind == "float":
        real: float = _CONSTRUCTOR.construct_yaml_float(node)
        if not math.isfinite(real):
            walk.finite = False
            walk.finding("number-not-finite", node, value=node.value)
        return real
    if kind == "timestamp":
        try:
            value = _CONSTRUCTOR.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            # 2026-02-30 matches YAML's timestamp pattern but is no day: keep the text as
            # written; a dossier's schema reports it (format "ngay"), other files (round
            # files and cards, whose schemas leave "date" unasserted) by this finding.
            walk.dates.append(walk.issue("round-date-impossible", node, value=node.value))
            return node.value
        if isinstance(value, dt.datetime):
            return value.isoformat()
        return value.isoformat() if isinstance(value, dt.date) else node.value
    return node.value


def _json_number(node: ScalarNode, walk: _Walk) -> Any:
    """A JSON number the YAML 1.1 resolver left as text: ``1e5``, ``1E+400``, ``NaN``."""
    raw = node.value
    if raw in _JSON_CONSTANTS:
        walk.finite = False
        walk.finding("number-not-finite", node, value=raw)
        return _JSON_CONSTANTS[raw]
    digits = sum(1 for c in raw if c.isdigit())
    if digits > MAX_NUMBER_DIGITS and re.fullmatch(r"-?\d+", raw):
        walk.finding("number-too-long", node, digits=f"{digits:,}", limit=MAX_NUMBER_DIGITS)
        return raw
    try:
        number = int(raw) if re.fullmatch(r"-?\d+", raw) else float(raw)
    except ValueError:
        return raw  # pragma: no cover - json.loads accepted the text, so it is a number
    if isinstance(number, float) and not math.isfinite(number):
        walk.finite = False
        walk.finding("number-not-finite", node, value=raw)
    return number


def _nfc(text: str, path: list[str | int], non_nfc: list[str]) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    non_nfc.append(pointer_from_path(path))  # the pointer only for the rare non-NFC text
    return unicodedata.normalize("NFC", text)


_STR = _TAG + "str"
_SEQ_MAP = frozenset({_TAG + "seq", _TAG + "map", _TAG + "omap"})


@dataclass(slots=True)
class _Walk:
    """What converting one node tree learns besides the data."""

    non_nfc: list[str]
    repeated: list[str] | None = None  # None: a repeated key is refused
    budget: int = MAX_NODES
    finite: bool = True
    findings: list[Issue] = field(default_factory=list)
    json: bool = False  # plain NaN/Infinity scalars are JSON's constants, not text
    path: list[str | int] = field(default_factory=list)
    lone: list[int] = field(default_factory=list)  # offsets of JSON's lone \\uD800 escapes
    source: str = ""  # the JSON text those offsets are in

    dates: list[Issue] = field(default_factory=list)  # impossible dates kept as text

    def issue(self, code: str, node: Node | None, **params: Any) -> Issue:
        line, column = node_position(node) if node is not None else (None, None)
        pointer = pointer_from_path(self.path)
        return Issue(code, pointer=pointer, line=line, column=column, params=params)

    def finding(self, code: str, node: Node | None, **params: Any) -> None:
        self.findings.append(self.issue(code, node, **params))

    def lone_escape(self, node: Node) -> None:
        """Report a lone surrogate escape of the JSON text inside ``node`` (the composer
        saw U+FFFD there: YAML refuses such escapes, and the positions would be lost)."""
        start, end = node.start_mark.index, node.end_mark.index
        for offset in self.lone:
            if start <= offset < end:
                self.finding(
                    "text-surrogate", node, char="\\u" + self.source[offset + 2 : offset + 6]
                )
                return

    def text(self, value: str, node: Node | None) -> str:
        """A string as read, checked for what no document holds; ``str.isprintable`` (C)
        passes nearly every string at once, so only odd ones pay for the searches."""
        if value.isprintable():
            return value
        bad = _CONTROL.search(value)
        if bad is not None:
            self.finding("text-control-character", node, char=f"U+{ord(bad.group()):04X}")
        lone = _SURROGATE.search(value)
        if lone is not None:
            self.finding("text-surrogate", node, char=f"U+{ord(lone.group()):04X}")
            value = _SURROGATE.sub("\ufffd", value)
        return value


def _convert(node: Node, path: list[str | int], walk: _Walk) -> Any:
    """Node tree → plain data. Pointers are built only for the rare findings (speed)."""
    walk.budget -= 1
    if walk.budget < 0:
        raise _TooComplex(f"{MAX_NODES:,}", f"{MAX_NODES:,}")
    if len(path) > MAX_DEPTH:
        raise _TooComplex(f"{MAX_DEPTH} tầng lồng nhau", f"{MAX_DEPTH} levels of nesting")
    if isinstance(node, ScalarNode):
        if node.tag == _STR and not walk.json:
            # Most values: plain printable ASCII text, nothing to check or convert.
            value = node.value
            if value.isascii() and value.isprintable():
                return value
        if walk.json and not node.style and node.tag == _TAG + "str":
            # Unquoted text in valid JSON is a number YAML 1.1 does not resolve (1e5, NaN).
            return _json_number(node, walk)
        value = _scalar(node, walk)
        if isinstance(value, str):
            value = walk.text(value, node)
            if walk.lone:
                walk.lone_escape(node)
            return value if value.isascii() else _nfc(value, path, walk.non_nfc)
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
            key = walk.text(str(key_node.value), key_node)
            if walk.lone:
                walk.lone_escape(key_node)
            if not key.isascii():
                key = _nfc(key, path, walk.non_nfc)
            if key in seen:
                if walk.repeated is None:
                    raise _Duplicate(key, node_position(seen[key]), key_node)
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
    walk = _Walk(doc.non_nfc, doc.repeated if repeated_keys == "keep-last" else None)
    walk.json = as_json
    if as_json:
        try:
            # Python refuses int() of over 4,300 digits (a ValueError json does not wrap):
            # a long number stays its text here; the walk below reports it with its place.
            parsed_json = json.loads(text, parse_int=_json_int)
        except RecursionError:
            doc.issues.append(Issue("yaml-too-complex", params=_DEPTH))
            return
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
    raw = _RAW_SURROGATE.search(text)
    if raw is not None:
        # Only a Python caller can pass these (bytes from a file never decode to them); the
        # YAML parser cannot encode them, so they become U+FFFD and one finding.
        line = text.count("\n", 0, raw.start()) + 1
        column = raw.start() - (text.rfind("\n", 0, raw.start()) + 1) + 1
        doc.issues.append(
            Issue(
                "text-surrogate",
                line=line,
                column=column,
                params={"char": f"U+{ord(raw.group()):04X}"},
            )
        )
        text = _RAW_SURROGATE.sub("\ufffd", text)
    try:
        yaml_text = text
        if as_json and "\\u" in text:
            yaml_text, walk.lone = lone_escapes(text)
            walk.source = text
        node = yaml.compose(yaml_text, Loader=_Loader)
        if node is None:
            doc.data = None
            empty = {"actual": "rỗng", "actual_en": "empty"}
            doc.issues.append(Issue("dossier-not-mapping", params=empty))
            return
        doc.data = _convert(node, walk.path, walk)
        doc.node = node
        doc.finite = walk.finite
        doc.findings.extend(walk.findings)
        doc.impossible_dates.extend(walk.dates)
    except _TooComplex as exc:
        limit = {"limit": exc.limit, "limit_en": exc.limit_en}
        doc.issues.append(Issue("yaml-too-complex", params=limit))
    except _Duplicate as dup:
        line, col = node_position(dup.node)
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
            # Valid JSON the YAML 1.1 composer rejects (e.g. tabs, or nesting past libyaml's
            # 1,000 levels): keep the data, lose positions; the same value checks apply.
            fallback = _Walk(doc.non_nfc)
            try:
                doc.data = _plain(parsed_json, fallback)
            except _TooComplex as too:
                limit = {"limit": too.limit, "limit_en": too.limit_en}
                doc.issues.append(Issue("yaml-too-complex", params=limit))
                return
            doc.finite = fallback.finite
            doc.findings.extend(fallback.findings)
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
        doc.issues.append(Issue("yaml-too-complex", params=_DEPTH))


_DEPTH = {"limit": f"{MAX_DEPTH} tầng lồng nhau", "limit_en": f"{MAX_DEPTH} levels of nesting"}


def _json_int(text: str) -> int | str:
    return text if len(text) > MAX_NUMBER_DIGITS else int(text)


def _plain(value: Any, walk: _Walk) -> Any:
    """JSON data (from :func:`json.loads`, no positions) checked as :func:`_convert` checks
    node trees: NFC, text, long numbers (left as text by :func:`_json_int`), NaN, depth."""
    if len(walk.path) > MAX_DEPTH:
        raise _TooComplex(_DEPTH["limit"], _DEPTH["limit_en"])
    if isinstance(value, str):
        return _nfc(walk.text(value, None), walk.path, walk.non_nfc)
    if isinstance(value, float) and not math.isfinite(value):
        walk.finite = False
        walk.finding("number-not-finite", None, value=repr(value))
        return value
    if isinstance(value, list):
        out_list = []
        for i, item in enumerate(value):
            walk.path.append(i)
            out_list.append(_plain(item, walk))
            walk.path.pop()
        return out_list
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            key = _nfc(walk.text(key, None), walk.path, walk.non_nfc)
            walk.path.append(key)
            out[key] = _plain(item, walk)
            walk.path.pop()
        return out
    return value


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
    inside: tuple[Path, str] | None = None,
) -> None:
    """Read and parse a YAML/JSON file into ``doc``; every failure becomes an issue.

    ``inside=(folder, relative)``: the file is ``relative`` under ``folder`` and is opened
    from the folder without following any link (a dossier's data file, issue 9): a symlink
    is refused before anything is read, so none of its target's content can reach a
    message. Without it the path is opened as the user named it. Either way the file is
    opened once and its type, size and bytes all come from that one descriptor.
    """
    shown = str(path)
    try:
        opened = open_inside(*inside) if inside is not None else open_named(path)
    except Refused as exc:
        doc.issues.append(_refusal(exc, shown))
        return
    try:
        raw = b"" if opened.size > limit else read_opened(opened, limit)
    except OSError as exc:
        vi, en = read_reason(exc)
        doc.issues.append(
            Issue("file-unreadable", params={"path": shown, "reason": vi, "reason_en": en})
        )
        return
    finally:
        os.close(opened.fd)
    size = max(opened.size, len(raw))
    if size > limit:
        doc.issues.append(
            Issue(
                "file-too-large",
                params={"path": shown, "size": human_size(size), "limit": human_size(limit)},
            )
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
    if doc.issues:
        return
    if doc.data is None:
        # A file holding only ``null`` or ``~`` has no content: never a valid dossier.
        doc.issues.append(doc.issue("dossier-not-mapping", "", actual="null"))
    elif not isinstance(doc.data, dict):
        actual = type(doc.data).__name__
        doc.issues.append(doc.issue("dossier-not-mapping", "", actual=actual))
        doc.data = None
        doc.findings.clear()


_NOT_FOUND = {"reason": "không tồn tại", "reason_en": "not found"}
_NOT_FILE = {"reason": "không phải một tệp thường", "reason_en": "not a regular file"}


def _refusal(exc: Refused, shown: str) -> Issue:
    """Why a data file was not opened, as the loading codes say it."""
    if exc.code in ("attachment-symlink", "attachment-path-escapes"):
        return Issue("file-symlink", params={"path": shown})
    if exc.code == "attachment-missing":
        return Issue("file-unreadable", params={"path": shown, **_NOT_FOUND})
    if exc.code == "attachment-not-file":
        return Issue("file-unreadable", params={"path": shown, **_NOT_FILE})
    reason = {"reason": exc.reason, "reason_en": exc.reason_en} if exc.reason else {}
    return Issue("file-unreadable", params={"path": shown, **(reason or _NOT_FILE)})


def load_document(path: Path | str, *, repeated_keys: RepeatedKeys = "refuse") -> LoadedDocument:
    """Load a YAML/JSON document that is not a dossier (a round file, a scorecard).

    Its value findings join ``issues``: a round file or card with a NaN or a control
    character is not used (a dossier's other checks go on; see :attr:`LoadedDocument.findings`).
    """
    path = Path(path)
    doc = LoadedDocument(path=path)
    read_document(path, doc, repeated_keys=repeated_keys)
    doc.issues.extend([*doc.findings, *doc.impossible_dates])
    doc.findings.clear()
    return doc
