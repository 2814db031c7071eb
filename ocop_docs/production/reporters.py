"""Reporters of ``render``, ``batch`` and ``templates check``: text and JSON.

Registered in :mod:`ocop_docs.reporting`; the results come from
:func:`ocop_docs.production.rendering.render`, :func:`ocop_docs.production.batch.run_batch`
and :func:`ocop_docs.production.lint.check_templates`. Warnings of a run go to standard
error (:attr:`Output.err`), so that the report on standard output stays clean.
"""

from __future__ import annotations

import json
from typing import Any

from ocop_docs.catalogue import Lang, ui, ui_count
from ocop_docs.production.batch import BatchResult
from ocop_docs.production.lint import TemplateReport
from ocop_docs.production.rendering import RenderResult
from ocop_docs.reporting import Output, issue_line


def _lines(lines: list[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def decimal(seconds: float, lang: Lang) -> str:
    """Seconds with one decimal, written the language's way (1,5 giây; 1.5 s)."""
    text = f"{seconds:.1f}"
    return text.replace(".", ",") if lang == "vi" else text


# --- render ---------------------------------------------------------------------------------


def render_json(result: RenderResult, lang: Lang = "vi") -> str:
    return _json(
        {
            "ok": True,
            "kind": result.kind,
            "output": str(result.output),
            "pdf": str(result.pdf) if result.pdf else None,
            "template": str(result.template),
            "placeholders": result.placeholders,
            "font_substitution": result.font_substitution.to_json()
            if result.font_substitution
            else None,
            "warnings": [w.to_json(lang) for w in result.warnings],
        }
    )


def render_text(result: RenderResult, lang: Lang = "vi") -> Output:
    out = [ui("render.written", lang, kind=result.kind, path=result.output)]
    if result.pdf and result.pdf != result.output:
        out.append(ui("render.pdf", lang, path=result.pdf))
    if result.font_substitution:
        out.append(ui("render.font_substituted", lang, **result.font_substitution.to_json()))
    if result.placeholders:
        names = ", ".join(result.placeholders)
        out.append(ui("render.placeholders", lang, n=len(result.placeholders), names=names))
    return Output(_lines(out), _lines([issue_line(w, lang) for w in result.warnings]))


# --- batch ----------------------------------------------------------------------------------


def _where(item: Any, lang: Lang) -> str:
    if item.row:
        return f" ({ui('batch.row', lang, n=item.row)})"
    if item.line:
        return f" ({ui('batch.line', lang, n=item.line)})"
    return ""


def batch_warnings(result: BatchResult, lang: Lang) -> str:
    lines: list[str] = []
    for warning in result.manifest.warnings:
        where = f" ({ui('batch.line', lang, n=warning['line'])})" if warning.get("line") else ""
        lines.append(f"{ui('batch.warning', lang)}{where}: {warning['message']}")
    for item in result.items:
        for warning in item.warnings:
            lines.append(f"{ui('batch.warning', lang)} [{item.id}]: {warning['message']}")
    return _lines(lines)


def batch_text(result: BatchResult, lang: Lang = "vi") -> Output:
    """The summary: failed items first (with row or line and how to fix), then totals."""
    manifest = result.manifest
    lines: list[str] = []
    for item in result.failures:
        error = item.error or {}
        failed = ui("batch.failed", lang)
        lines.append(f"{failed} [{item.id}]{_where(item, lang)}: {error.get('message')}")
        for detail in error.get("details") or []:
            lines.append(f"    - {detail.get('message')}")
        if error.get("hint"):
            lines.append(f"    {ui('batch.hint', lang)}: {error['hint']}")
    lines.append(
        ui(
            "batch.summary",
            lang,
            produced=result.produced,
            skipped=result.skipped,
            failed=result.failed,
            seconds=decimal(result.seconds, lang),
            outdir=result.outdir,
        )
    )
    if result.registry is not None:  # --so-theo-doi (issue 14)
        from ocop_docs.registry.reporters import added_text

        added = added_text(result.registry, lang)
        lines.append((added.err + added.out).rstrip("\n"))
    if result.pdfs:
        line = ui("batch.pdfs", lang, n=result.pdfs)
        if result.conversion.get("starts"):
            line += ui("batch.restarts", lang, **result.conversion)
        lines.append(line)
    if result.bundle is not None:
        lines.append(ui("batch.bundle", lang, path=result.bundle, pages=result.bundle_pages))
    elif manifest.bundle and manifest.bundle.get("error"):
        lines.append(f"{ui('batch.failed', lang)}: {manifest.bundle['error']['message']}")
    if result.pdf_error is not None:
        lines.append(ui("batch.pdf_missing", lang, message=result.pdf_error["message"]))
        lines.append(f"    {ui('batch.hint', lang)}: {result.pdf_error['hint']}")
    for note in result.manifest.pdf.get("fonts") or []:
        lines.append(ui("batch.font_substituted", lang, **note))
    if result.invalid_dossiers:
        lines.append(ui_count("batch.invalid", result.invalid_dossiers, lang))
    if result.notes:
        lines.append(ui("batch.nothing", lang, kinds=", ".join(result.notes)))
    lines.append(ui("batch.manifest", lang, path=result.outdir / "manifest.json"))
    return Output(_lines(lines), batch_warnings(result, lang))


def batch_json(result: BatchResult, lang: Lang = "vi") -> str:
    from ocop_docs.registry.reporters import added_json

    manifest = result.manifest.to_json()
    return _json(
        {
            "ok": result.exit_code == 0,
            "exit_code": result.exit_code,
            "outdir": str(result.outdir),
            "manifest": str(result.outdir / "manifest.json"),
            "summary": manifest["summary"],
            "bundle": manifest["bundle"],
            "pdf": manifest["pdf"],
            "warnings": manifest["warnings"],
            "failures": [i.to_json() for i in result.failures],
            "registry": (
                json.loads(added_json(result.registry, lang))
                if result.registry is not None
                else None
            ),
        }
    )


# --- templates check ------------------------------------------------------------------------


def templates_json(report: TemplateReport, lang: Lang = "vi") -> str:
    return _json(
        {
            "ok": report.ok,
            "folder": str(report.folder),
            "checked": [p.name for p in report.checked],
            "errors": report.errors,
            "warnings": report.warnings,
            "issues": [i.to_json(lang) for i in report.issues],
        }
    )


def templates_text(report: TemplateReport, lang: Lang = "vi") -> str:
    flagged = {str(i.params.get("file")) for i in report.issues}
    lines = [ui("templates.ok", lang, file=p.name) for p in report.checked if p.name not in flagged]
    for issue in report.issues:
        label = ui("templates.error" if issue.severity == "error" else "templates.warning", lang)
        lines.append(f"{label}: {issue.message(lang)}")
        lines.append(f"    → {issue.hint(lang)}")
    lines.append(
        ui(
            "templates.summary",
            lang,
            n=len(report.checked),
            folder=report.folder,
            errors=report.errors,
            warnings=report.warnings,
        )
    )
    return _lines(lines)
