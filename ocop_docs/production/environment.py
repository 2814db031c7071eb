"""The template environment: Jinja sandboxed and strict, over data that knows its paths.

Shared by rendering (:mod:`ocop_docs.production.rendering`, :mod:`~ocop_docs.production.prepared`)
and by the template checks (:mod:`ocop_docs.production.lint`), so that ``templates check``
parses templates exactly as rendering does.

* Data is wrapped (:func:`wrap`) into :class:`PathDict` / :class:`PathList`, which know where
  they sit ("hop.co_mat[2]"), so a missing value is named in full; strings are NFC and
  stripped of characters XML forbids; ``None`` means absent.
* :class:`StrictUndefined` raises :class:`MissingVariable` when a missing value (or a child
  of one) is printed or iterated, and is falsy, so ``{% if x %}`` marks optional fields and
  ``default`` applies below a missing parent; :class:`DraftUndefined`
  prints ``[[name]]`` instead (``--draft``).
* Every template runs in Jinja's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`
  with autoescape on, and within the time and size limits of
  :mod:`ocop_docs.production.limits` (issue 9: a template cannot run forever).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, NoReturn

from jinja2 import Undefined, nodes
from jinja2.exceptions import UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing
from markupsafe import Markup, escape

from ocop_docs.production.limits import (
    BINOPS,
    CONCAT_FILTER,
    LOOP_FILTER,
    WIDTH_FILTERS,
    BoundedTemplate,
    bound_tree,
    bounded_concat,
    bounded_filter,
    bounded_loop,
    check_binop,
    check_call,
    safe_range,
)

DRAFT_MARK = "[[{}]]"

# XML 1.0 forbids C0 controls except tab, LF, CR; docxtpl's listing pass would also turn
# \a and \f into paragraph and page breaks, which data must never do.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


# --- data wrapping ----------------------------------------------------------------------------


class PathDict(dict[str, Any]):
    """A mapping that knows where it sits in the context ("hop.co_mat[2]")."""

    __slots__ = ("path",)

    def __init__(self, path: str, items: Mapping[str, Any]) -> None:
        super().__init__(items)
        self.path = path


class PathList(list[Any]):
    __slots__ = ("path",)

    def __init__(self, path: str, items: list[Any]) -> None:
        super().__init__(items)
        self.path = path


def clean_text(text: str) -> str:
    """NFC, Unix line breaks, no characters that XML or docxtpl would misread."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _BAD_CHARS.sub("", text)


def wrap(value: Any, path: str = "") -> Any:
    """Wrap a context for rendering: tracked paths, clean strings, ``None`` = absent."""
    if isinstance(value, Mapping):
        return PathDict(
            path,
            {
                str(k): wrap(v, f"{path}.{k}" if path else str(k))
                for k, v in value.items()
                if v is not None
            },
        )
    if isinstance(value, list | tuple):
        return PathList(path, [wrap(v, f"{path}[{i}]") for i, v in enumerate(value)])
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


# --- undefined values -------------------------------------------------------------------------


class MissingVariable(UndefinedError):
    """A value the template prints is not in the data (strict mode)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path!r} is undefined")
        self.path = path


def _path_of(obj: Any, name: Any) -> str:
    base = obj.path if isinstance(obj, (PathDict | PathList, _TrackedUndefined)) else ""
    if isinstance(name, int):
        return f"{base}[{name}]"
    return f"{base}.{name}" if base else str(name)


class _TrackedUndefined(Undefined):
    __slots__ = ()

    @property
    def path(self) -> str:
        obj = self._undefined_obj
        return _path_of(None if obj is missing else obj, self._undefined_name)


class StrictUndefined(_TrackedUndefined):
    """Fails when printed or iterated; falsy in tests so ``{% if x %}`` works."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise MissingVariable(self.path)

    def __str__(self) -> str:
        self._fail_with_undefined_error()

    def __iter__(self) -> Iterator[Any]:
        self._fail_with_undefined_error()

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__":
            raise AttributeError(name)
        # A child of a missing value is missing too, and fails only when printed: so
        # ``{{ bao_cao.ke_hoach | default(cham, true) }}`` prints the default when the
        # dossier has no ``bao_cao`` at all (issue 12: a dossier ``validate`` accepts
        # renders Mẫu 02), while ``{{ bao_cao.ke_hoach }}`` still names "bao_cao.ke_hoach".
        return type(self)(name=f"{self.path}.{name}")

    def __bool__(self) -> bool:
        return False


class DraftUndefined(_TrackedUndefined):
    """Prints a visible placeholder "[[name]]" and records it (``--draft``)."""

    __slots__ = ()
    seen: ClassVar[list[str]] = []

    def __str__(self) -> str:
        if self.path not in self.seen:
            self.seen.append(self.path)
        return DRAFT_MARK.format(self.path)

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__":
            raise AttributeError(name)
        return type(self)(name=f"{self.path}.{name}")

    def __bool__(self) -> bool:
        return False


class TrackingEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, reading our wrapped data by key first and tracking missing paths, and
    counting what a template does against the limits of :mod:`~ocop_docs.production.limits`."""

    template_class = BoundedTemplate
    intercepted_binops = BINOPS

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = safe_range
        self.filters[LOOP_FILTER] = bounded_loop
        self.filters[CONCAT_FILTER] = bounded_concat
        for name in WIDTH_FILTERS:
            self.filters[name] = bounded_filter(name, self.filters[name])

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:
        # Loops and "~" are compiled through the limits; ``parse`` (what ``templates
        # check`` reads) still gives the template as written.
        return super()._generate(bound_tree(source), name, filename, defer_init)

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        template = super().from_string(source, *args, **kwargs)
        if isinstance(template, BoundedTemplate) and isinstance(source, str):
            template.source_text = source  # to name the line a limit stops at
        return template

    def wrap_str_format(self, value: Any) -> Any:
        if isinstance(getattr(value, "__self__", None), str):
            check_call(value, (), {})  # "{:>999999999}".format(…): refused before the call
        return super().wrap_str_format(value)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return check_binop(operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, PathDict):
            if attribute in obj:
                return obj[attribute]
            if hasattr(dict, attribute):
                return super().getattr(obj, attribute)
            return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, PathDict) and isinstance(argument, str):
            return obj[argument] if argument in obj else self.undefined(obj=obj, name=argument)
        if isinstance(obj, PathList) and isinstance(argument, int):
            try:
                return obj[argument]
            except IndexError:
                return self.undefined(obj=obj, name=argument)  # type: ignore[arg-type]
        return super().getitem(obj, argument)


def make_environment(*, draft: bool = False, seen: list[str] | None = None) -> TrackingEnvironment:
    """The Jinja environment for templates: sandboxed, autoescaped, strict or draft."""
    undefined: type[Undefined]
    if draft:
        undefined = type(
            "Draft", (DraftUndefined,), {"__slots__": (), "seen": seen if seen is not None else []}
        )
    else:
        undefined = StrictUndefined
    return TrackingEnvironment(
        autoescape=True, undefined=undefined, keep_trailing_newline=True, finalize=shield_brackets
    )


def shield_brackets(value: Any) -> Any:
    """Data printed exactly as given (issue 9): after Jinja, docxtpl turns ``{_{``, ``}_}``,
    ``{_%`` and ``%_}`` of the whole XML into Jinja brackets, data included. In data those
    underscores are written as the character reference ``&#95;``, which no replacement
    matches and every XML reader reads back as "_"."""
    if (
        isinstance(value, str)
        and not isinstance(value, Markup)
        and ("{_" in value or "_}" in value)
    ):
        shown = str(escape(value)).replace("{_", "{&#95;").replace("_}", "&#95;}")
        return Markup(shown)
    return value


__all__ = [
    "DRAFT_MARK",
    "DraftUndefined",
    "MissingVariable",
    "PathDict",
    "PathList",
    "StrictUndefined",
    "TrackingEnvironment",
    "clean_text",
    "make_environment",
    "wrap",
]
