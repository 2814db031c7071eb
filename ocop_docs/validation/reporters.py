"""Reporters: a validation run → text for people or JSON for programs.

A registry (``REPORTERS``) feeds the CLI's ``--format`` choice, as in check-jsonschema.
JSON follows ``schemas/report.schema.json`` and is written with ``ensure_ascii=False``.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from ocop_docs import __version__
from ocop_docs.catalogue import Lang, ui, ui_count
from ocop_docs.reporting import terminal_safe
from ocop_docs.rules.documents import document_names
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.validation.pipeline import ValidationRun
from ocop_docs.validation.report import DossierReport

REPORT_FORMAT_VERSION = 1


def dossier_to_json(report: DossierReport, lang: Lang = "vi") -> dict[str, Any]:
    names = document_names(lang)
    sets = product_sets()
    return {
        "source": report.source,
        "file": report.file,
        "valid": report.valid,
        "errors": report.errors,
        "warnings": report.warnings,
        "regime": report.regime,
        "product_set": report.product_set,
        "product_set_name": (
            sets[report.product_set].ten if lang == "vi" else sets[report.product_set].ten_en
        )
        if report.product_set
        else None,
        "group": report.group,
        "case": report.case,
        "producer": report.producer,
        "product": report.product,
        "address": report.address,
        "checklist": [item.to_json(names) for item in report.checklist],
        "attachments": [a.to_json() for a in report.attachments],
        "not_checked": [text.get(lang, text["vi"]) for text in report.not_checked],
        "receiver": report.receiver,
        "self_assessment": report.self_assessment,
        "issues": [issue.to_json(lang) for issue in report.issues],
    }


def run_to_json(run: ValidationRun, lang: Lang = "vi") -> dict[str, Any]:
    return {
        "tool": {"name": "ocop-docs", "version": __version__},
        "format_version": REPORT_FORMAT_VERSION,
        "lang": lang,
        "exit_code": run.exit_code,
        "summary": run.summary(),
        "dossiers": [dossier_to_json(r, lang) for r in run.reports],
    }


def render_json(run: ValidationRun, lang: Lang = "vi", *, pretty: bool | None = None) -> str:
    """JSON text; indented for up to 20 dossiers (people read those), compact beyond, where
    the C encoder makes large runs several times faster."""
    if pretty is None:
        pretty = len(run.reports) <= 20
    data = run_to_json(run, lang)
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


_MARK = {"present": "[x]", "missing": "[ ]", "invalid": "[!]", "not_applicable": "[-]"}
# Checklist levels (rules.regimes.LEVELS) → their ui label.
_LEVEL = {"bat_buoc": "required", "sao_3": "three_star", "theo_quy_dinh": "conditional"}


def render_text(run: ValidationRun, lang: Lang = "vi") -> str:
    names = document_names(lang)
    sets = product_sets()
    lines: list[str] = []
    for report in run.reports:
        lines.extend(_dossier_lines(report, lang, names, sets))
    lines.append(_summary_line(run.summary(), lang))
    return "\n".join(lines) + "\n"


def _dossier_lines(
    report: DossierReport, lang: Lang, names: dict[str, str], sets: dict[int, Any]
) -> list[str]:
    """The text of one dossier, ending with an empty line."""
    lines: list[str] = []
    status = ui("valid" if report.valid else "not_valid", lang)
    lines.append(f"== {ui('dossier', lang)}: {report.source} — {status}")
    if report.producer or report.product:
        lines.append(
            f"   {ui('producer', lang)}: {report.producer or '—'}; "
            f"{ui('product', lang)}: {report.product or '—'}"
        )
    if report.product_set:
        ps = sets[report.product_set]
        lines.append(
            f"   {ui('product_set', lang)}: {ps.so}. {ps.ten if lang == 'vi' else ps.ten_en}"
            f" ({ui('group', lang)} {ps.nhom}); {ui('regime', lang)}: {report.regime}; "
            f"{ui('case', lang)}: {ui(report.case, lang) if report.case else '—'}"
        )
    if report.receiver:
        lines.append(
            f"   {ui('receiver', lang)}: {report.receiver[lang]} ({report.receiver['basis']})"
        )
    if report.address and report.address.get("current"):
        lines.append(f"   {ui('address_now', lang)}: {report.address['current']}")
    sa = report.self_assessment
    if sa:
        unranked = bool(sa.get("loai_theo") or sa.get("dung_tai"))
        if unranked:
            line = ui("self_assessment_unranked", lang, total=sa["tong_diem"])
            if sa.get("loai_theo"):
                line += ui("disqualified_under", lang, criteria=", ".join(sa["loai_theo"]))
            if sa.get("dung_tai"):
                line += ui("stopped_at", lang, criterion=sa["dung_tai"])
        else:
            line = ui("self_assessment", lang, total=sa["tong_diem"], stars=sa["hang_sao"])
        if not unranked and sa["hang_sao"] < sa["hang_theo_diem"]:
            criteria = ", ".join(u["tieu_chi"] for u in sa["chua_dat_toi_thieu"])
            line += ui("lowered_by", lang, band=sa["hang_theo_diem"], criteria=criteria)
        if sa.get("de_nghi_trung_uong"):
            line += ui("proposed_central", lang)
        lines.append(f"   {line}")
    if report.checklist:
        lines.append(f"   {ui('checklist', lang)}:")
        for item in report.checklist:
            level = ui(_LEVEL.get(item.level, "recommended"), lang)
            files = f" — {', '.join(item.files)}" if item.files else ""
            if item.reason:
                files += f" — {item.reason}"
            lines.append(
                f"     {_MARK[item.status]} {names.get(item.loai, item.loai)}"
                f" ({level}: {ui(item.status, lang)}){files}"
            )
    if report.not_checked:
        lines.append(f"   {ui('not_checked', lang)}:")
        lines.extend(f"     - {text.get(lang, text['vi'])}" for text in report.not_checked)
    if report.issues:
        lines.append(f"   {ui('issues', lang)}:")
        for issue in report.issues:
            where = f"{report.file or report.source}"
            if issue.line:
                where += f":{issue.line}:{issue.column or 1}"
            label = ui(issue.severity, lang)
            lines.append(f"     {label} [{issue.code}] {where} {issue.pointer}".rstrip())
            lines.append(f"       {issue.message(lang)}")
            hint = issue.hint(lang)
            if hint:
                lines.append(f"       {ui('hint', lang)}: {hint}")
    else:
        lines.append(f"   {ui('no_issues', lang)}")
    lines.append("")
    return lines


def _summary_line(counts: dict[str, int], lang: Lang) -> str:
    return ui(
        "summary",
        lang,
        dossiers=ui_count("count.dossiers", counts["dossiers"], lang),
        valid=counts["valid"],
        invalid=counts["invalid"],
        errors=ui_count("count.errors", counts["errors"], lang),
        warnings=ui_count("count.warnings", counts["warnings"], lang),
    )


class _Totals:
    """What the report's head and exit code need of a run, without keeping its reports."""

    def __init__(self) -> None:
        self.counts = {"dossiers": 0, "valid": 0, "invalid": 0, "errors": 0, "warnings": 0}
        self.internal_error = False

    def add(self, report: DossierReport) -> None:
        c = self.counts
        c["dossiers"] += 1
        c["valid" if report.valid else "invalid"] += 1
        c["errors"] += report.errors
        c["warnings"] += report.warnings
        self.internal_error = self.internal_error or report.internal_error

    @property
    def exit_code(self) -> int:  # as ValidationRun.exit_code
        if self.internal_error:
            return 3
        return 1 if self.counts["invalid"] else 0


_CHUNK = 1 << 16
_SPOOL_LIMIT = 1 << 20


class _Spool:
    """Text kept in memory, moved to a temporary file past ``limit`` characters.

    ``tempfile.SpooledTemporaryFile`` does the same, but importing ``tempfile`` (with
    ``shutil``, ``random``, ``bz2``, ``lzma``) cost every start a few milliseconds for a
    report that is almost always small (issue 15)."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = _SPOOL_LIMIT if limit is None else limit
        self._parts: list[str] = []
        self._size = 0
        self._file: IO[str] | None = None

    def write(self, text: str) -> None:
        if self._file is not None:
            self._file.write(text)
            return
        self._parts.append(text)
        self._size += len(text)
        if self._size > self._limit:
            import tempfile

            # Closed by close(), which write_report calls in a finally.
            self._file = tempfile.TemporaryFile(mode="w+", encoding="utf-8", newline="")  # noqa: SIM115
            self._file.write("".join(self._parts))
            self._parts = []

    def chunks(self) -> Iterator[str]:
        if self._file is None:
            if self._parts:
                yield "".join(self._parts)
            return
        self._file.seek(0)
        while chunk := self._file.read(_CHUNK):
            yield chunk

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def write_report(
    reports: Iterable[DossierReport],
    fmt: str,
    lang: Lang,
    write: Callable[[str], None],
) -> int:
    """The report of the dossiers ``reports`` yields, written as they come; the exit code.

    The same text as :func:`render_text` / :func:`render_json` of the whole run (with
    :func:`~ocop_docs.reporting.terminal_safe` for text), but each dossier is rendered as
    soon as it is checked and only counted afterwards, so memory does not grow with the
    number of dossiers. The text is spooled (to a temporary file past 1 MB) until the run
    ends, since the JSON head holds the summary: nothing is written before every dossier was
    checked, as before.
    """
    pending: Iterator[DossierReport] = iter(reports)
    if fmt == "json":
        # Up to 20 dossiers the JSON is indented for people (render_json): look ahead.
        first = list(itertools.islice(pending, 21))
        if len(first) <= 20:
            run = ValidationRun(first)
            write(render_json(run, lang, pretty=True))
            return run.exit_code
        pending = itertools.chain(first, pending)
    names = document_names(lang)
    sets = product_sets()
    totals = _Totals()
    spool = _Spool()
    try:
        for report in pending:
            if fmt == "json":
                data = dossier_to_json(report, lang)
                sep = "," if totals.counts["dossiers"] else ""
                spool.write(sep + json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            else:
                text = "\n".join(_dossier_lines(report, lang, names, sets)) + "\n"
                spool.write(terminal_safe(text))
            totals.add(report)
        if fmt == "json":
            head = {
                "tool": {"name": "ocop-docs", "version": __version__},
                "format_version": REPORT_FORMAT_VERSION,
                "lang": lang,
                "exit_code": totals.exit_code,
                "summary": dict(totals.counts),
                "dossiers": [],
            }
            opening = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
            assert opening.endswith("[]}")
            write(opening[:-2])
            tail = "]}\n"
        else:
            tail = terminal_safe(_summary_line(totals.counts, lang) + "\n")
        for chunk in spool.chunks():
            write(chunk)
        write(tail)
    finally:
        spool.close()
    return totals.exit_code


REPORTERS: dict[str, Callable[[ValidationRun, Lang], str]] = {
    "text": render_text,
    "json": render_json,
}
