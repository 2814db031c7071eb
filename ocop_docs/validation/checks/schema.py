"""Schema check: JSON Schema (draft 2020-12) violations → catalogued issues.

Two engines, each compiled once per schema and cached, not per dossier:

* **jsonschema-rs** answers the yes/no question "is this valid?" for every document. Valid
  data (the common case) never reaches anything slower.
* **jsonschema** runs only on invalid data, to list what is wrong. Its errors are what the
  translation below was written against; a jsonschema-rs error list was tried and did not
  give the same issues (it sorts a type list such as ``["string", "integer"]`` into its own
  order, so "chuỗi văn bản hoặc số nguyên" would read "số nguyên hoặc chuỗi văn bản", and it
  wraps ``propertyNames`` failures), so the error path stays on jsonschema.

Both engines must judge alike, so jsonschema-rs is given jsonschema's semantics where they
differ: ``format`` and ``pattern`` are our own keyword validators (below) instead of the
engine's. Formats: jsonschema-rs applies a format to strings only, but our formats also
judge the unquoted integers the schemas allow (``ma_so_thue: 4700123456`` must still fail
on a wrong check digit), and only our formats are asserted (like jsonschema's
``FormatChecker(formats=())``; ``date``, ``email`` of the standard vocabulary stay
annotations unless we define them). Patterns: jsonschema-rs follows ECMA-262 regular
expressions, where ``\\S`` matches U+001C–U+001F and U+0085, which Python's ``re`` (and so
jsonschema) treats as white space; we match with ``re.search`` as jsonschema does. Non-finite
numbers (YAML ``.nan``, ``.inf``) are not JSON and jsonschema-rs does not read them as
numbers, so data holding one goes to jsonschema (:func:`quick_valid`).
``tests/unit/test_schema_engines.py`` cross-checks the two engines on the samples, the
acceptance examples, thousands of mutants and the JSON-Schema-Test-Suite.

Every jsonschema error is translated into a catalogue code whose message names the field by
the schema's Vietnamese ``title`` (or ``x-title-en``); raw validator English never reaches
the user (architecture §4.4).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from ocop_docs.catalogue import Lang
from ocop_docs.errors import DataError, Issue
from ocop_docs.resources import schemas_dir
from ocop_docs.rules.identifiers import FORMAT_PROBLEMS, Problem
from ocop_docs.text.documents import LoadedDocument, all_finite
from ocop_docs.text.pointers import pointer_from_path, split_pointer

if TYPE_CHECKING:
    # jsonschema (and referencing) are imported only when data is invalid or a schema must
    # be explained: valid data never pays their import (~0.1 s of a CLI start).
    from jsonschema import Draft202012Validator, FormatChecker, ValidationError
    from referencing import Registry

_TYPE_NAMES: dict[str, tuple[str, str]] = {
    "string": ("chuỗi văn bản", "text"),
    "integer": ("số nguyên", "a whole number"),
    "number": ("số", "a number"),
    "boolean": ("có/không (true/false)", "true/false"),
    "object": ("một nhóm trường (khóa: giá trị)", "a mapping of fields"),
    "array": ("một danh sách (các dòng bắt đầu bằng «-»)", "a list"),
    "null": ("để trống", "empty"),
}

_FORMAT_HINTS: dict[str, str] = {
    "ngay": "YYYY-MM-DD hoặc DD/MM/YYYY",
}


@lru_cache(maxsize=1)
def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, problem in FORMAT_PROBLEMS.items():

        def check(value: Any, _problem: Any = problem) -> bool:
            return value is None or _problem(value) is None

        checker.checks(name)(check)
    return checker


class _Format:
    """``format`` for jsonschema-rs with jsonschema's semantics: every type, our formats only."""

    def __init__(self, parent_schema: dict[str, Any], value: Any, schema_path: list[Any]) -> None:
        self.problem: Any = FORMAT_PROBLEMS.get(value) if isinstance(value, str) else None
        self.name = value

    def validate(self, instance: Any) -> None:
        if self.problem is None or instance is None:
            return
        found: Problem = self.problem(instance)
        if found is not None:
            raise ValueError(f"format {self.name}")  # the message is never shown


class _Pattern:
    """``pattern`` for jsonschema-rs with jsonschema's semantics: Python ``re.search``."""

    def __init__(self, parent_schema: dict[str, Any], value: Any, schema_path: list[Any]) -> None:
        self.regex = re.compile(value)

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and self.regex.search(instance) is None:
            raise ValueError("pattern")  # the message is never shown


_KEYWORDS: dict[str, Any] = {"format": _Format, "pattern": _Pattern}


def _no_retrieval(uri: str) -> Any:
    # No network and no file outside the schemas folder at run time (architecture §5.8);
    # jsonschema's registry, which reports the errors, cannot fetch either.
    raise ValueError(f"not in the schema registry: {uri}")


def fast_validator_for(
    schema: dict[str, Any] | bool, registry: jsonschema_rs.Registry | None = None
) -> jsonschema_rs.Validator:
    """A jsonschema-rs draft 2020-12 validator with jsonschema's ``format``/``pattern``."""
    return jsonschema_rs.Draft202012Validator(
        schema, registry=registry, keywords=_KEYWORDS, retriever=_no_retrieval
    )


def _load(path: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    schema.setdefault("$id", path.resolve().as_uri())
    return schema


@lru_cache(maxsize=8)
def _resources(base: Path) -> tuple[tuple[str, dict[str, Any]], ...]:
    # Schema files carry no "$id": a relative "$ref" then resolves against the file's own
    # location, for us and for generic tools alike (check-jsonschema, editors). In memory we
    # give each one its file URI as "$id".
    loaded = (_load(path) for path in sorted(base.glob("**/*.schema.json")))
    return tuple((schema["$id"], schema) for schema in loaded)


@lru_cache(maxsize=8)
def _registry(base: Path) -> Registry:
    from referencing import Registry, Resource

    return Registry().with_resources(
        (uri, Resource.from_contents(schema)) for uri, schema in _resources(base)
    )


@lru_cache(maxsize=8)
def _fast_registry(base: Path) -> jsonschema_rs.Registry:
    return jsonschema_rs.Registry(_resources(base), retriever=_no_retrieval)


def _refs(node: Any) -> Iterator[tuple[str, Any]]:
    """Every ``$ref`` (and ``$id``, ``$dynamicRef``) keyword in a schema, with its value."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key in ("$ref", "$id", "$dynamicRef"):
                if key in item:
                    yield key, item[key]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _closure(base: Path, path: Path) -> tuple[tuple[str, dict[str, Any]], ...] | None:
    """The schemas of ``base`` that ``path`` refers to, itself included, or None when the
    references are not all plain relative file names (then every schema is registered).

    A dossier schema refers to one other file (``common.schema.json``): registering the 29
    files of ``schemas/`` read and parsed them all at every start (issue 15). Files outside
    what :func:`_resources` registers are left out alike, so a reference resolves, or fails,
    exactly as with the whole registry.
    """
    root = base.resolve()
    found: dict[Path, dict[str, Any]] = {}
    todo = [path.resolve()]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        if not (
            current.name.endswith(".schema.json")
            and current.is_relative_to(root)
            and current.is_file()
        ):
            return None  # not among the registered files: let the full registry say so
        schema = _load(current)
        found[current] = schema
        own_id = schema["$id"]
        for key, value in _refs(schema):
            if key == "$id" and value == own_id:
                continue  # the schema's own identifier (its file URI when it names none)
            if key != "$ref" or not isinstance(value, str):
                return None  # an identifier inside, a dynamic reference: the full registry
            target = value.partition("#")[0]
            if not target:
                continue  # within the same schema
            if ":" in target or target.startswith("/") or own_id != current.as_uri():
                return None  # a URI, an absolute path, a base of its own: the full registry
            todo.append((current.parent / target).resolve())
    return tuple((schema["$id"], schema) for schema in found.values())


@lru_cache(maxsize=32)
def _fast_registry_for(base: Path, name: str) -> jsonschema_rs.Registry:
    """The registry for the schema ``name``: only the files it refers to, when known."""
    resources = _closure(base, base / name)
    if resources is None:
        return _fast_registry(base)
    return jsonschema_rs.Registry(resources, retriever=_no_retrieval)


@lru_cache(maxsize=32)
def compiled(name: str, base: Path | None = None) -> tuple[Draft202012Validator, dict[str, Any]]:
    """The validator for ``schemas/<name>`` (e.g. ``dossier/nhom-1.schema.json``), cached."""
    from jsonschema import Draft202012Validator

    root = schemas_dir(base)
    path = root / name
    try:
        schema = _load(path)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as exc:
        raise DataError("schema-unreadable", path=str(path), reason=str(exc)) from exc
    except Exception as exc:  # jsonschema.SchemaError and friends
        raise DataError("schema-broken", path=str(path), reason=str(exc)) from exc
    validator = Draft202012Validator(
        schema, registry=_registry(root), format_checker=_format_checker()
    )
    return validator, schema


@lru_cache(maxsize=32)
def fast_validator(name: str, base: Path | None = None) -> jsonschema_rs.Validator | None:
    """The jsonschema-rs validator of ``schemas/<name>``, cached; None: it cannot compile
    the schema (an unresolvable ``$ref``, a regex it rejects), and jsonschema alone judges.

    The schema is read here without jsonschema: a file that is not a valid draft 2020-12
    schema gets None, so :func:`compiled` (jsonschema's ``check_schema``) says what is wrong.
    """
    path = schemas_dir(base) / name
    try:
        schema = _load(path)
    except (OSError, ValueError):
        return None  # compiled() reports the unreadable file
    try:
        if not jsonschema_rs.meta.is_valid(schema):
            return None
        return fast_validator_for(schema, _fast_registry_for(schemas_dir(base), name))
    except (ValueError, jsonschema_rs.ReferencingError):
        return None


def quick_valid(
    schema_name: str, data: Any, base: Path | None = None, *, finite: bool | None = None
) -> bool:
    """True when jsonschema-rs finds ``data`` valid; False: invalid, or not for it to judge.

    NaN and infinities (YAML ``.nan``/``.inf``) are numbers to jsonschema but not to
    jsonschema-rs, which would pass ``{"maximum": 100}`` for ``.inf``: such data goes to
    jsonschema. ``finite`` is what the reader found (``LoadedDocument.finite``), or None.
    """
    fast = fast_validator(schema_name, base)
    if fast is None or not (finite if finite is not None else all_finite(data)):
        return False
    return fast.is_valid(data)


class _Titles:
    """Finds the title of the schema that governs a data path (following $ref)."""

    def __init__(self, validator: Draft202012Validator, schema: dict[str, Any]) -> None:
        self.validator = validator
        self.schema = schema

    def _resolve(self, sub: dict[str, Any], resolver: Any) -> list[tuple[dict[str, Any], Any]]:
        """The subschema and what its $ref / allOf point to, outermost first."""
        out = [(sub, resolver)]
        ref = sub.get("$ref")
        if isinstance(ref, str):
            try:
                resolved = resolver.lookup(ref)
            except Exception:  # pragma: no cover - unresolved refs are a schema bug
                resolved = None
            if resolved is not None and isinstance(resolved.contents, dict):
                out.extend(self._resolve(resolved.contents, resolved.resolver))
        for part in sub.get("allOf", ()):
            if isinstance(part, dict):
                out.extend(self._resolve(part, resolver))
        return out

    def root(self) -> list[tuple[dict[str, Any], Any]]:
        return self._resolve(self.schema, self.validator._resolver)

    def chain(self, path: Iterable[str | int]) -> list[dict[str, Any]]:
        """For each step of ``path``, the merged view (title lookups) of its schemas."""
        current = self.root()
        out: list[dict[str, Any]] = []
        for step in path:
            nxt: list[tuple[dict[str, Any], Any]] = []
            for sub, resolver in current:
                if isinstance(step, int):
                    items = sub.get("items")
                    if isinstance(items, dict):
                        nxt.extend(self._resolve(items, resolver))
                else:
                    props = sub.get("properties")
                    if isinstance(props, dict) and isinstance(props.get(step), dict):
                        nxt.extend(self._resolve(props[step], resolver))
            current = nxt
            out.append(_merge([sub for sub, _ in current]))
        return out


def _merge(schemas: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for sub in schemas:  # outermost (property-level) titles win
        for key in ("title", "x-title-en", "x-enum-titles", "x-pattern-hint", "format"):
            if key in sub and key not in merged:
                merged[key] = sub[key]
    return merged


def _label(titles: list[dict[str, Any]], path: list[str | int], lang: Lang) -> str:
    key = "title" if lang == "vi" else "x-title-en"
    parts: list[str] = []
    for step, info in zip(path, titles, strict=False):
        if isinstance(step, int):
            parts.append(f"#{step + 1}")
        else:
            parts.append(str(info.get(key) or info.get("title") or step))
    return " › ".join(parts) if parts else ("hồ sơ" if lang == "vi" else "dossier")


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_schema(doc: LoadedDocument, schema_name: str, base: Path | None = None) -> list[Issue]:
    """All schema violations of ``doc.data`` as issues, one per place and problem."""
    if quick_valid(schema_name, doc.data, base, finite=doc.finite):
        return []  # the common case: valid data never reaches jsonschema's error machinery
    validator, schema = compiled(schema_name, base)
    titles = _Titles(validator, schema)
    issues: list[Issue] = []
    seen: set[str] = set()
    errors: list[ValidationError] = sorted(
        validator.iter_errors(doc.data),
        key=lambda e: (list(map(str, e.absolute_path)), _PRIORITY.get(str(e.validator), 9)),
    )
    for error in errors:
        for issue in _translate(error, doc, titles):
            # One finding per value: a number where a date belongs is a type problem, not
            # also a format problem. Missing and unknown fields are listed one by one.
            key = issue.pointer
            if issue.code in ("schema-required", "schema-unknown-field"):
                key = f"{issue.pointer}#{issue.code}#{issue.params.get('key')}"
            if key in seen:
                continue
            seen.add(key)
            issues.append(issue)
    return issues


_PRIORITY = {
    "required": 0,
    "additionalProperties": 1,
    "type": 2,
    "enum": 3,
    "const": 3,
    "minimum": 4,
    "maximum": 4,
    "minLength": 4,
    "maxLength": 4,
    "minItems": 4,
    "format": 5,
    "pattern": 6,
}


def _translate(error: ValidationError, doc: LoadedDocument, titles: _Titles) -> list[Issue]:
    path: list[str | int] = list(error.absolute_path)
    pointer = pointer_from_path(path)
    chain = titles.chain(path)
    here = chain[-1] if chain else _merge([sub for sub, _ in titles.root()])
    field_vi, field_en = _label(chain, path, "vi"), _label(chain, path, "en")
    value = error.instance
    kind = error.validator

    def make(code: str, at: str = pointer, **params: Any) -> Issue:
        issue = doc.issue(code, at, field=field_vi, **params)
        issue.params["field_en"] = field_en
        return issue

    if kind == "required":
        missing = [name for name in error.validator_value if name not in (value or {})]
        out = []
        for name in missing:
            sub_chain = titles.chain([*path, name])
            label = _label([*chain, sub_chain[-1]], [*path, name], "vi")
            parent = f"«{field_vi}»" if path else "hồ sơ"
            issue = doc.issue("schema-required", pointer, field=label, key=name, parent=parent)
            issue.params["field_en"] = _label([*chain, sub_chain[-1]], [*path, name], "en")
            issue.params["parent_en"] = f"'{field_en}'" if path else "the dossier"
            out.append(issue)
        return out
    if kind in ("additionalProperties", "unevaluatedProperties"):
        allowed = set(error.schema.get("properties", {}))
        extras = [k for k in (value or {}) if k not in allowed]
        parent = f"«{field_vi}»" if path else "hồ sơ"
        parent_en = f"'{field_en}'" if path else "the dossier"
        out = []
        for k in extras:
            # A near miss of a field of this object (difflib, as Python's own "did you
            # mean") is named: "dien_thoia" → «dien_thoai» (issue 12).
            close = difflib.get_close_matches(str(k), sorted(allowed - set(value or {})), 1, 0.75)
            params: dict[str, Any] = {"key": k, "parent": parent, "parent_en": parent_en}
            if close:
                params["suggestion"] = close[0]
            code = "schema-unknown-field-similar" if close else "schema-unknown-field"
            out.append(doc.issue(code, pointer_from_path([*path, k]), **params))
        return out
    if kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        names = [n for n in names if n != "null"] or names
        actual = _TYPE_NAMES.get(_type_name(value), ("?", "?"))
        return [
            make(
                "schema-type",
                expected=" hoặc ".join(_TYPE_NAMES.get(n, (n, n))[0] for n in names),
                expected_en=" or ".join(_TYPE_NAMES.get(n, (n, n))[1] for n in names),
                actual=actual[0],
                actual_en=actual[1],
            )
        ]
    if kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        enum_titles = here.get("x-enum-titles", {})
        choices = ", ".join(
            f"{o} ({enum_titles[o]})" if isinstance(o, str) and o in enum_titles else str(o)
            for o in options
        )
        return [make("schema-enum", value=_short(value), allowed=choices)]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        sign = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}
        return [
            make("schema-range", value=_short(value), limit=f"{sign[kind]} {error.validator_value}")
        ]
    if kind in ("minLength", "maxLength", "minItems", "maxItems"):
        if kind == "minLength" or (kind == "minItems" and not value):
            empty = {"limit": "không được để trống", "limit_en": "must not be empty"}
            return [make("schema-length", **empty)]
        return [make("schema-length", limit=f"{kind} {error.validator_value}")]
    if kind == "format":
        problem = FORMAT_PROBLEMS.get(str(error.validator_value), lambda _v: None)(value)
        if problem is not None:
            code, params = problem
            params.setdefault("value", _short(value))
            return [make(code, **params)]
        return [
            make(
                "schema-format",
                value=_short(value),
                expected=_FORMAT_HINTS.get(str(error.validator_value), str(error.validator_value)),
            )
        ]
    if kind == "pattern":
        return [
            make(
                "schema-format",
                value=_short(value),
                expected=here.get("x-pattern-hint", error.validator_value),
            )
        ]
    return [make("schema-invalid")]


def field_labels(schema_name: str, pointer: str, base: Path | None = None) -> tuple[str, str]:
    """The Vietnamese and English labels of the field at ``pointer`` ("Chủ thể › Tên chủ thể")."""
    validator, schema = compiled(schema_name, base)
    titles = _Titles(validator, schema)
    path = [int(p) if p.isdigit() else p for p in split_pointer(pointer)]
    chain = titles.chain(path)
    return _label(chain, path, "vi"), _label(chain, path, "en")
