"""Rendering: a template context → a .docx, with docxtpl in a sandboxed, strict Jinja.

Stage "rendering" of the produce pipeline (architecture §2). What it guarantees:

* **Strict by default.** Printing a value the data does not have raises
  :class:`~ocop_docs.production.rounds.InputError` (``render-missing-variable``, exit 1) naming the
  full variable (``chu_the.nguoi_dai_dien.ho_ten``, ``hop.co_mat[2].chuc_vu``) and where the
  template uses it. ``{% if x %}``, ``x | default(…)`` and ``x is defined`` stay allowed, so
  templates mark optional fields explicitly. ``draft=True`` prints ``[[name]]`` instead.
* **Safe text.** Autoescape is on, so ``& < > "`` in the data never break the XML; control
  characters that XML forbids are dropped; line breaks become Word line breaks (docxtpl's
  listing pass); text is NFC.
* **Sandboxed.** Every template (shipped or a user's ``--templates-dir`` copy) runs in
  Jinja's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`.
* **Deterministic.** The same input gives byte-identical output: document properties get
  the document's own date, zip entries a fixed timestamp and order (:func:`make_deterministic`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, NoReturn

from jinja2 import Undefined
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ocop_docs.errors import DataError, InputError, Issue
from ocop_docs.files import atomic_write_bytes

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
DEFAULT_DOC_TIME = dt.datetime(2026, 1, 1)
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
        from jinja2.utils import missing

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
        raise MissingVariable(f"{self.path}.{name}")

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
    """The sandbox, reading our wrapped data by key first and tracking missing paths."""

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
    return TrackingEnvironment(autoescape=True, undefined=undefined, keep_trailing_newline=True)


# --- output post-processing -------------------------------------------------------------------


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_LAST_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")


CORE_PART = "docProps/core.xml"
ZIP_LEVEL = 6  # deflate level of every entry (the batch renderer writes the same bytes)


def deterministic_core(blob: bytes, when: dt.datetime | None = None) -> bytes:
    """The core properties part with created/modified = ``when`` and no last-printed date."""
    stamp = (when or DEFAULT_DOC_TIME).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    blob = _CORE_DATES.sub(rb"\g<1>" + stamp + rb"\g<3>", blob)
    return _LAST_PRINTED.sub(b"", blob)


def make_deterministic(data: bytes, when: dt.datetime | None = None) -> bytes:
    """Rewrite a .docx so identical content gives identical bytes.

    Zip entries keep their order but get a fixed timestamp and attributes; the core
    properties' created/modified dates become ``when`` (the document's own date).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            blob = zin.read(item.filename)
            if item.filename == CORE_PART:
                blob = deterministic_core(blob, when)
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zout.writestr(info, blob, compresslevel=ZIP_LEVEL)
    return out.getvalue()


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fit_tables(document: Any) -> None:
    """Rebuild the column grid of tables whose cells were repeated with ``{%tc for %}``.

    docxtpl spreads the page width evenly over all columns after a column loop; the cells
    still carry the widths the template gave them, so the grid is rebuilt from them and
    scaled down to the text width when the row is too wide.
    """
    fit_table_grids(document.element.body, text_width(document))


def text_width(document: Any) -> int:
    """The width between the margins of the first section, in twips."""
    section = document.sections[0]
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def fit_table_grids(body: Any, available: int) -> None:
    """:func:`fit_tables` on a body element, for a text width known in advance."""
    for tbl in body.iter(f"{_W}tbl"):
        grid = tbl.find(f"{_W}tblGrid")
        rows = tbl.findall(f"{_W}tr")
        if grid is None or not rows:
            continue
        plain = [r for r in rows if not r.findall(f".//{_W}gridSpan")]
        if not plain:
            continue
        row = max(plain, key=lambda r: len(r.findall(f"{_W}tc")))
        cells = row.findall(f"{_W}tc")
        widths: list[int] = []
        for tc in cells:
            tcw = tc.find(f"{_W}tcPr/{_W}tcW")
            if tcw is None or tcw.get(f"{_W}type") != "dxa":
                break
            widths.append(int(tcw.get(f"{_W}w") or 0))
        if len(widths) != len(cells) or not sum(widths):
            continue
        cols = grid.findall(f"{_W}gridCol")
        if [int(c.get(f"{_W}w") or 0) for c in cols] == widths and sum(widths) <= available:
            continue
        scale = min(1.0, available / sum(widths))
        scaled = [int(w * scale) for w in widths]
        for c in cols:
            grid.remove(c)
        for w in scaled:
            col = grid.makeelement(f"{_W}gridCol", {f"{_W}w": str(w)})
            grid.append(col)
        for r in plain:
            tcs = r.findall(f"{_W}tc")
            if len(tcs) != len(scaled):
                continue
            for tc, w in zip(tcs, scaled, strict=True):
                tcw = tc.find(f"{_W}tcPr/{_W}tcW")
                if tcw is not None:
                    tcw.set(f"{_W}w", str(w))
                    tcw.set(f"{_W}type", "dxa")


# --- rendering --------------------------------------------------------------------------------


@dataclass(slots=True)
class RenderedDocument:
    """The bytes of a rendered .docx and what rendering noticed."""

    data: bytes
    template: Path
    placeholders: list[str] = field(default_factory=list)


Locator = Callable[[Path, str], tuple[str, str]]


def _where_missing(template: Path, path: str) -> tuple[str, str]:
    from ocop_docs.production.lint import locate_variable

    return locate_variable(template, path)


def render_template(
    template: Path,
    context: Mapping[str, Any],
    *,
    draft: bool = False,
    when: dt.datetime | None = None,
) -> RenderedDocument:
    """Fill one .docx template with ``context``; see the module docstring for guarantees."""
    from docxtpl import DocxTemplate

    if not template.is_file():
        raise DataError("template-missing", file=template.name, folder=str(template.parent))
    try:
        tpl = DocxTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors…
        raise DataError("template-unreadable", file=str(template), reason=str(exc)) from exc
    seen: list[str] = []
    env = make_environment(draft=draft, seen=seen)
    data = wrap(dict(context))
    with translate_errors(template):
        tpl.render(data, jinja_env=env, autoescape=True)
    fit_tables(tpl.docx)
    core = tpl.docx.core_properties
    stamp = document_time(when)
    core.created = stamp
    core.modified = stamp
    core.last_modified_by = "ocop-docs"
    core.revision = 1
    buffer = io.BytesIO()
    tpl.save(buffer)
    return RenderedDocument(make_deterministic(buffer.getvalue(), stamp), template, seen)


def document_time(when: dt.datetime | None) -> dt.datetime:
    """The time written into the core properties: the document's own date, naive."""
    return (when or DEFAULT_DOC_TIME).replace(tzinfo=None)


@contextlib.contextmanager
def translate_errors(template: Path) -> Iterator[None]:
    """Jinja errors while filling ``template`` → the catalogue's render/template errors."""
    try:
        yield
    except MissingVariable as exc:
        where, where_en = _where_missing(template, exc.path)
        raise InputError(
            "render-missing-variable",
            variable=exc.path,
            template=template.name,
            where=where,
            where_en=where_en,
        ) from exc
    except TemplateSyntaxError as exc:
        from ocop_docs.production.lint import lint_template

        problems = [i for i in lint_template(template) if i.severity == "error"]
        first: Issue | None = problems[0] if problems else None
        params = (
            dict(first.params)
            if first
            else {"file": template.name, "where": "?", "where_en": "?", "reason": exc.message}
        )
        raise DataError("template-syntax", issues=problems, **params) from exc
    except (SecurityError, TemplateError) as exc:
        raise DataError(
            "render-template-error",
            template=template.name,
            where="?",
            where_en="?",
            reason=str(exc),
        ) from exc


@dataclass(slots=True)
class RenderResult:
    """What :func:`render` produced: the .docx (and PDF), placeholders and warnings."""

    kind: str
    output: Path
    template: Path
    pdf: Path | None = None
    placeholders: list[str] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


def render(
    kind: str,
    source: Path | str,
    output: Path | str,
    *,
    product: int | None = None,
    draft: bool = False,
    pdf: bool = False,
    templates_dir: Path | None = None,
    assessment: Path | str | None = None,
    soffice: str | Path | None = None,
    timeout: float | None = None,
) -> RenderResult:
    """Render document ``kind`` from a dossier or round file to ``output`` (.docx).

    The library form of ``ocop-docs render``. Raises :class:`~ocop_docs.errors.InputError`
    (exit 1) for input problems, :class:`~ocop_docs.errors.DataError` (exit 3) for a broken
    template, :class:`~ocop_docs.errors.ConverterMissing` (exit 3) when ``pdf`` is asked
    and LibreOffice is missing.
    """
    from ocop_docs.production.contexts import KINDS, build_context
    from ocop_docs.resources import templates_dir as find_templates

    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; known: {', '.join(KINDS)}")
    built = build_context(kind, source, product=product, assessment=assessment)
    template = find_templates(templates_dir) / KINDS[kind].template
    if templates_dir is not None and not template.is_file():
        # A user's folder may hold only the templates they changed; the rest are shipped.
        template = find_templates() / KINDS[kind].template
    if pdf:  # fail before writing anything when the converter is missing
        from ocop_docs.production.conversion import find_soffice

        find_soffice(soffice)
    rendered = render_template(template, built.context, draft=draft, when=built.when)
    out = Path(output)
    try:
        atomic_write_bytes(out, rendered.data)
    except OSError as exc:
        raise InputError(
            "render-output-unwritable", path=str(out), reason=exc.strerror or str(exc)
        ) from exc
    result = RenderResult(
        kind, out, template, placeholders=rendered.placeholders, warnings=built.warnings
    )
    if pdf:
        from ocop_docs.production.conversion import DEFAULT_TIMEOUT, convert_to_pdf

        result.pdf = convert_to_pdf(
            out, out.with_suffix(".pdf"), soffice=soffice, timeout=timeout or DEFAULT_TIMEOUT
        )
    return result


__all__ = [
    "DRAFT_MARK",
    "DraftUndefined",
    "MissingVariable",
    "PathDict",
    "PathList",
    "RenderResult",
    "RenderedDocument",
    "StrictUndefined",
    "TrackingEnvironment",
    "clean_text",
    "deterministic_core",
    "document_time",
    "fit_table_grids",
    "fit_tables",
    "make_deterministic",
    "make_environment",
    "render",
    "render_template",
    "text_width",
    "translate_errors",
    "wrap",
]
