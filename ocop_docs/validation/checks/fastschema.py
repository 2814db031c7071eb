"""A compiled yes/no validator for the JSON Schema keywords our dossier schemas use.

jsonschema stays the authority for *what* is wrong: it alone produces errors and messages.
This module only answers "is this instance valid?" several times faster, so that the common
case (a valid dossier) skips jsonschema's generic machinery: validators are compiled once per
schema into nested closures, with every ``$ref`` resolved at compile time.

It is conservative by construction: a schema that uses any keyword not implemented here
cannot be compiled (``Unsupported``) and the caller falls back to jsonschema for every
instance. The semantics follow draft 2020-12 as jsonschema implements them (integers
include 5.0, booleans are not numbers, ``pattern`` is a search, lengths count code points);
a test cross-checks both validators on the samples, the examples and thousands of mutants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from jsonschema import FormatChecker

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}
)


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not implement."""


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float))
    raise Unsupported(f"type {name}")


def _scalar_option(option: Any) -> None:
    if not (option is None or isinstance(option, (str, int, float, bool))):
        raise Unsupported("non-scalar enum")


def _equal(value: Any, option: Any) -> bool:
    """jsonschema's equality against a scalar option: booleans are not numbers."""
    if isinstance(value, bool) or isinstance(option, bool):
        return type(value) is type(option) and value == option
    if isinstance(value, (dict, list)):
        return False
    return bool(value == option)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class Compiler:
    def __init__(self, resolver: Any, format_checker: FormatChecker) -> None:
        self.resolver = resolver
        self.formats = format_checker
        self.depth = 0

    def compile(self, schema: Any, resolver: Any | None = None) -> Check:
        resolver = resolver or self.resolver
        if schema is True:
            return lambda _v: True
        if schema is False:
            return lambda _v: False
        if not isinstance(schema, Mapping):
            raise Unsupported("schema is not an object")
        self.depth += 1
        if self.depth > 64:
            raise Unsupported("recursive $ref")
        try:
            return self._compile(schema, resolver)
        finally:
            self.depth -= 1

    def _compile(self, schema: Mapping[str, Any], resolver: Any) -> Check:
        checks: list[Check] = []
        for key, value in schema.items():
            if key in _ANNOTATIONS or key.startswith("x-"):
                continue
            checks.append(self._keyword(key, value, schema, resolver))
        if not checks:
            return lambda _v: True
        if len(checks) == 1:
            return checks[0]
        frozen = tuple(checks)

        def every(v: Any) -> bool:
            for check in frozen:  # noqa: SIM110 - a plain loop is measurably faster than all()
                if not check(v):
                    return False
            return True

        return every

    def _keyword(self, key: str, value: Any, schema: Mapping[str, Any], resolver: Any) -> Check:
        if key == "$ref":
            resolved = resolver.lookup(value)
            return self.compile(resolved.contents, resolved.resolver)
        if key == "allOf":
            parts = tuple(self.compile(s, resolver) for s in value)
            return lambda v: all(p(v) for p in parts)
        if key == "type":
            names = (value,) if isinstance(value, str) else tuple(value)
            for name in names:
                _is_type(None, name)  # raises Unsupported for unknown names
            if names == ("string",):
                return lambda v: isinstance(v, str)
            if names == ("object",):
                return lambda v: isinstance(v, dict)
            return lambda v: any(_is_type(v, n) for n in names)
        if key == "enum":
            options = tuple(value)
            for option in options:
                _scalar_option(option)
            if all(isinstance(o, str) for o in options):
                strings = frozenset(options)  # the common case: O(1) membership
                return lambda v: isinstance(v, str) and v in strings
            return lambda v: any(_equal(v, o) for o in options)
        if key == "const":
            _scalar_option(value)
            return lambda v: _equal(v, value)
        if key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            limit = value
            compare: Callable[[Any], bool] = {
                "minimum": lambda v: v >= limit,
                "maximum": lambda v: v <= limit,
                "exclusiveMinimum": lambda v: v > limit,
                "exclusiveMaximum": lambda v: v < limit,
            }[key]
            return lambda v: not _is_number(v) or compare(v)
        if key == "minLength":
            return lambda v: not isinstance(v, str) or len(v) >= value
        if key == "maxLength":
            return lambda v: not isinstance(v, str) or len(v) <= value
        if key == "pattern":
            regex = re.compile(value)
            return lambda v: not isinstance(v, str) or regex.search(v) is not None
        if key == "format":
            formats = self.formats
            return lambda v: formats.conforms(v, value)
        if key == "minItems":
            return lambda v: not isinstance(v, list) or len(v) >= value
        if key == "maxItems":
            return lambda v: not isinstance(v, list) or len(v) <= value
        if key == "items":
            item = self.compile(value, resolver)

            def items(v: Any) -> bool:
                if isinstance(v, list):
                    for x in v:
                        if not item(x):
                            return False
                return True

            return items
        if key == "required":
            names = tuple(value)
            return lambda v: not isinstance(v, dict) or all(n in v for n in names)
        if key == "properties":
            props = tuple((name, self.compile(sub, resolver)) for name, sub in value.items())

            def properties(v: Any) -> bool:
                if isinstance(v, dict):
                    for name, check in props:
                        if name in v and not check(v[name]):
                            return False
                return True

            return properties
        if key == "additionalProperties":
            if "patternProperties" in schema:
                raise Unsupported("patternProperties")
            known = frozenset(schema.get("properties", {}))
            if value is False:
                return lambda v: not isinstance(v, dict) or known.issuperset(v)
            extra = self.compile(value, resolver)
            return lambda v: (
                not isinstance(v, dict)
                or all(extra(item) for name, item in v.items() if name not in known)
            )
        if key == "propertyNames":
            names_check = self.compile(value, resolver)
            return lambda v: not isinstance(v, dict) or all(names_check(n) for n in v)
        raise Unsupported(key)


def compile_fast(
    schema: Mapping[str, Any], resolver: Any, format_checker: FormatChecker
) -> Check | None:
    """A fast validity check for ``schema``, or None when it uses unsupported keywords."""
    try:
        return Compiler(resolver, format_checker).compile(schema)
    except Unsupported:
        return None
