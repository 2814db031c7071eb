"""Rendering: a template context → a .docx, with docxtpl in a sandboxed, strict Jinja.

Stage "rendering" of the produce pipeline (architecture §2); the Jinja environment and the
data wrapping are in :mod:`ocop_docs.production.environment`. What it guarantees:

* **Strict by default.** Printing a value the data does not have raises
  :class:`~ocop_docs.errors.InputError` (``render-missing-variable``, exit 1) naming the
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
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.oxml.simpletypes import ST_SignedTwipsMeasure, ST_TwipsMeasure
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError

from ocop_docs.errors import DataError, InputError, Issue
from ocop_docs.files import atomic_write_bytes, os_reason
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.contexts.giay_chung_nhan import certificate_logo, with_logo
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.conversion import DEFAULT_TIMEOUT, convert_to_pdf, find_soffice
from ocop_docs.production.environment import MissingVariable, make_environment, wrap
from ocop_docs.production.fonts import FontSubstitution, document_font, substitution
from ocop_docs.production.limits import TemplateLimit
from ocop_docs.production.lint import lint_template, locate_variable, shipped_used
from ocop_docs.production.lookup import check_lookup
from ocop_docs.production.pictures import place_pictures
from ocop_docs.production.references import refuse_external
from ocop_docs.resources import templates_dir as find_templates
from ocop_docs.text.reasons import library_reason

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
DEFAULT_DOC_TIME = dt.datetime(2026, 1, 1)

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


def body_width(body: Any) -> int:
    """:func:`text_width` of a rendered body (python-docx elements), from its own section:
    for a template whose page size is itself filled in (the pre-printed stock)."""
    section = body.find(f"{_W}sectPr")
    size, margins = section.find(f"{_W}pgSz"), section.find(f"{_W}pgMar")
    page = ST_TwipsMeasure.convert_from_xml(size.get(f"{_W}w"))
    left = ST_SignedTwipsMeasure.convert_from_xml(margins.get(f"{_W}left") or "0")
    right = ST_SignedTwipsMeasure.convert_from_xml(margins.get(f"{_W}right") or "0")
    return int((page - left - right) / 635)


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


def render_template(
    template: Path,
    context: Mapping[str, Any],
    *,
    draft: bool = False,
    when: dt.datetime | None = None,
) -> RenderedDocument:
    """Fill one .docx template with ``context``; see the module docstring for guarantees."""
    if not template.is_file():
        raise DataError("template-missing", file=template.name, folder=str(template.parent))
    refuse_external(template)  # nothing outside the document reaches LibreOffice
    try:
        tpl = DocxTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors…
        raise DataError("template-unreadable", file=str(template), **library_reason(exc)) from exc
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
        where, where_en = locate_variable(template, exc.path)
        raise InputError(
            "render-missing-variable",
            variable=exc.path,
            template=template.name,
            where=where,
            where_en=where_en,
        ) from exc
    except TemplateSyntaxError as exc:
        problems = [i for i in lint_template(template) if i.severity == "error"]
        first: Issue | None = problems[0] if problems else None
        params = (
            dict(first.params)
            if first
            else {"file": template.name, "where": "?", "where_en": "?", "reason": exc.message}
        )
        raise DataError("template-syntax", issues=problems, **params) from exc
    except TemplateLimit as exc:  # a template that would run forever (issue 9)
        where, where_en = exc.where or ("?", "?")
        raise DataError(
            "render-template-limit",
            template=template.name,
            where=where,
            where_en=where_en,
            reason=exc.what,
            reason_en=exc.what_en,
        ) from exc
    except (
        SecurityError,
        TemplateError,
        ArithmeticError,
        LookupError,
        TypeError,
        ValueError,
    ) as exc:
        # What the template's own expressions raise ({{ 1 + "a" }}, {{ x[99] }} on a
        # tuple, 1 / 0) is the template's fault, not an internal error of the tool.
        raise DataError(
            "render-template-error",
            template=template.name,
            where="?",
            where_en="?",
            # Python's and Jinja's words are English: the Vietnamese message names the
            # error's type only (a name, the same in both languages), issue 9.
            reason=f"biểu thức của mẫu gây lỗi {type(exc).__name__}",
            reason_en=f"{type(exc).__name__}: {exc}"
            if not isinstance(exc, TemplateError)
            else str(exc),
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
    font_substitution: FontSubstitution | None = None  # the PDF made without its font


def render(
    kind: str,
    source: Path | str | Sequence[Path | str],
    output: Path | str,
    *,
    product: int | None = None,
    draft: bool = False,
    pdf: bool = False,
    templates_dir: Path | None = None,
    assessment: Path | str | None = None,
    soffice: str | Path | None = None,
    timeout: float | None = None,
    overwrite: bool = True,
    allow: Sequence[Path] = (),
    logo: Path | str | None = None,
    details: Path | str | None = None,
    lookup: str | None = None,
) -> RenderResult:
    """Render document ``kind`` from a dossier or round file to ``output`` (.docx, or .pdf:
    then only the PDF is written, through LibreOffice).

    The library form of ``ocop-docs render``. Raises :class:`~ocop_docs.errors.InputError`
    (exit 1) for input problems, :class:`~ocop_docs.errors.DataError` (exit 3) for a broken
    template, :class:`~ocop_docs.errors.ConverterMissing` (exit 3) when ``pdf`` is asked
    and LibreOffice is missing. ``overwrite=False`` (the command line without
    ``--overwrite``) refuses an output that exists, before anything is read or written.
    ``source`` may be several dossiers or folders of dossiers, and ``details`` the paper's
    own fields, for the commune's letter (``de-nghi-xa``); ``lookup`` (``--tra-cuu``) is the
    certificates' look-up address over the round file's (see :func:`build_context`).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; known: {', '.join(KINDS)}")
    out = Path(output)
    if not overwrite:
        # ``ocop-docs render`` without --overwrite, like ``batch`` and ``new`` (issue 12):
        # a signed or edited copy is never replaced by accident.
        for target in (out, out.with_suffix(".pdf")) if pdf else (out,):
            if os.path.lexists(target):
                raise InputError("output-exists", path=str(target))
    if lookup is not None:
        lookup = check_lookup(lookup)  # a bad address is a usage error (exit 2) on any input
    built = build_context(
        kind,
        source,
        product=product,
        assessment=assessment,
        allow=allow,
        details=details,
        lookup=lookup,
    )
    # The kind built may be the dossier's regime's own form (Mẫu 01 of a QĐ 1048/2019
    # dossier is its Biểu 02: contexts.regime_forms); its template is the one filled.
    spec = built.kind
    kind = spec.name
    template = find_templates(templates_dir) / spec.template
    fallback: list[Issue] = []
    if templates_dir is not None and not template.is_file():
        # A user's folder may hold only the templates they changed; the rest are shipped,
        # and the report says so (issue 12).
        fallback.append(shipped_used([spec.template], find_templates(templates_dir)))
        template = find_templates() / spec.template
    # ``-o x.pdf`` asks for a PDF: the .docx is made beside it in a scratch folder and only
    # the PDF is written (issue 12: a Word file named .pdf is no PDF).
    as_pdf = out.suffix.lower() == ".pdf"
    if pdf or as_pdf:  # fail before writing anything when the converter is missing
        find_soffice(soffice)
    picture = None
    if spec.pictures is not None and built.round is not None:
        # the certificate's logo (read before anything is written) and QR code (issue 12, 14)
        picture = certificate_logo(built.round, logo)
        with_logo(built.context, picture)
    # The template prepared once per process and kept (issue 15: one document as fast as
    # a batch's; byte-identical to render_template). Imported here: prepared imports this.
    from ocop_docs.production.prepared_cache import PREPARED

    with PREPARED.use(template, draft=draft) as prepared:
        rendered = prepared.render(built.context, when=built.when)
    if spec.pictures is not None:
        rendered.data = place_pictures(rendered.data, spec.pictures(built.context, picture))
    with tempfile.TemporaryDirectory(prefix="ocop-render-") as scratch:
        docx = Path(scratch) / (out.stem + ".docx") if as_pdf else out
        try:
            atomic_write_bytes(docx, rendered.data)
        except OSError as exc:
            raise InputError(
                "render-output-unwritable",
                path=str(out),
                reason=os_reason(exc)[0],
                reason_en=os_reason(exc)[1],
            ) from exc
        result = RenderResult(
            kind,
            out,
            template,
            placeholders=rendered.placeholders,
            warnings=built.warnings + fallback,
        )
        if pdf or as_pdf:
            target = out if as_pdf else out.with_suffix(".pdf")
            try:
                result.pdf = convert_to_pdf(
                    docx, target, soffice=soffice, timeout=timeout or DEFAULT_TIMEOUT
                )
            except OSError as exc:  # the PDF's folder is read-only, the disk full
                raise InputError(
                    "render-output-unwritable",
                    path=str(target),
                    reason=os_reason(exc)[0],
                    reason_en=os_reason(exc)[1],
                ) from exc
            result.font_substitution = substitution(
                document_font(rendered.data), result.pdf.read_bytes()
            )
    return result


__all__ = [
    "CORE_PART",
    "ZIP_LEVEL",
    "ZIP_TIME",
    "RenderResult",
    "RenderedDocument",
    "body_width",
    "deterministic_core",
    "document_time",
    "fit_table_grids",
    "fit_tables",
    "make_deterministic",
    "render",
    "render_template",
    "text_width",
    "translate_errors",
]
