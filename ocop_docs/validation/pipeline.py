"""Validation: the validate pipeline, path → :class:`DossierReport` (architecture §2).

``validate(paths)`` is the library form of ``ocop-docs validate``. One unreadable dossier
becomes issues in its own report; an unexpected exception inside a check is caught per
dossier and reported as ``internal-error`` (exit code 3), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_docs.errors import Issue
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.rules.regimes import CASES, DEFAULT_REGIME, regime, regime_codes
from ocop_docs.text.dates import parse_date
from ocop_docs.validation.checks.attachments import DEFAULT_MAX_BYTES, check_attachments
from ocop_docs.validation.checks.rules import (
    build_checklist,
    check_address_rules,
    check_case,
    check_document_dates,
    check_general,
)
from ocop_docs.validation.checks.schema import check_schema
from ocop_docs.validation.checks.self_assessment import check_self_assessment
from ocop_docs.validation.checks.text import check_text
from ocop_docs.validation.loading import (
    LoadedDossier,
    dossier_folders,
    is_dossier_folder,
    load_dossier,
)
from ocop_docs.validation.report import DossierReport


@dataclass(frozen=True, slots=True)
class ValidateOptions:
    max_attachment_bytes: int = DEFAULT_MAX_BYTES
    today: dt.date | None = None  # for tests; defaults to the current date
    schemas: Path | None = None  # --schemas-dir override
    attachments: bool = True  # False: check the data only (listed files count as present)


@dataclass(slots=True)
class ValidationRun:
    reports: list[DossierReport] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all valid; 1 some dossier has errors; 3 the tool failed on some dossier."""
        if any(r.internal_error for r in self.reports):
            return 3
        return 1 if any(not r.valid for r in self.reports) else 0

    def summary(self) -> dict[str, int]:
        return {
            "dossiers": len(self.reports),
            "valid": sum(1 for r in self.reports if r.valid),
            "invalid": sum(1 for r in self.reports if not r.valid),
            "errors": sum(r.errors for r in self.reports),
            "warnings": sum(r.warnings for r in self.reports),
        }


def schema_for_set(product_set: int | None) -> str:
    """The group schema of a product set (groups I–VI ↔ nhom-1 … nhom-6)."""
    sets = product_sets()
    if product_set in sets:
        return f"dossier/nhom-{sets[product_set].group_number}.schema.json"
    return "dossier/ho-so.schema.json"


def _valid_set(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value in product_sets():
        return value
    return None


def _stage(report: DossierReport, name: str, fn: Callable[[], list[Issue]]) -> None:
    try:
        report.issues.extend(fn())
    except Exception as exc:  # a bug in a check must not hide the other findings
        report.internal_error = True
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
        report.add(Issue("internal-error", params={"stage": name, "reason": reason}))


def validate_dossier(path: Path | str, options: ValidateOptions | None = None) -> DossierReport:
    """Check one dossier; never raises for anything the dossier contains."""
    options = options or ValidateOptions()
    today = options.today or dt.date.today()
    doc = load_dossier(path)
    found = not any(i.code == "dossier-not-found" for i in doc.issues)
    report = DossierReport(source=str(path), file=str(doc.path) if found else None)
    report.issues.extend(doc.issues)
    # Value findings (a NaN, a control character…) are errors, yet the other checks still run.
    report.issues.extend(doc.findings)
    if not doc.ok:
        return report
    _run_checks(doc, report, options, today)
    report.issues.sort(key=lambda i: (i.line or 0, i.column or 0, i.pointer))
    return report


def _run_checks(
    doc: LoadedDossier, report: DossierReport, options: ValidateOptions, today: dt.date
) -> None:
    data: dict[str, Any] = doc.data
    regime_code = data.get("bo_tieu_chi", DEFAULT_REGIME)
    regime_code = regime_code if regime_code in regime_codes(options.schemas) else DEFAULT_REGIME
    rules = regime(regime_code, options.schemas)
    product_set = _valid_set(data.get("bo_san_pham"))
    case = data.get("loai_danh_gia") if data.get("loai_danh_gia") in CASES else None
    schema_name = schema_for_set(product_set)
    report.regime = regime_code
    report.product_set = product_set
    report.group = product_sets()[product_set].nhom if product_set else None
    report.case = case
    producer = data.get("chu_the")
    report.producer = producer.get("ten") if isinstance(producer, dict) else None
    product = data.get("san_pham")
    report.product = product.get("ten") if isinstance(product, dict) else None
    report.not_checked = [dict(item) for item in rules.not_checked]
    filed = parse_date(data.get("ngay_nop"))
    receiver = rules.receiver_on(filed)
    if receiver is not None:
        report.receiver = {"vi": receiver["vi"], "en": receiver["en"], "basis": receiver["can_cu"]}

    _stage(report, "schema", lambda: check_schema(doc, schema_name, options.schemas))
    _stage(report, "text", lambda: check_text(doc, schema_name, options.schemas))

    def attachments() -> list[Issue]:
        issues, infos = check_attachments(doc, max_bytes=options.max_attachment_bytes)
        report.attachments = infos
        return issues

    if options.attachments:
        _stage(report, "attachments", attachments)
    if product_set is None or case is None:
        return

    def checklist() -> list[Issue]:
        items, issues = build_checklist(
            doc, rules, product_set, case, report.attachments if options.attachments else None
        )
        report.checklist = items
        return issues

    def address() -> list[Issue]:
        issues, result = check_address_rules(doc, rules)
        report.address = result.to_json() if result else None
        return issues

    _stage(report, "checklist", checklist)
    _stage(report, "dates", lambda: check_document_dates(doc, filed, case))
    _stage(report, "case", lambda: check_case(doc, rules, case, filed))
    _stage(report, "rules", lambda: check_general(doc, rules, product_set, filed, today))
    _stage(report, "address", address)

    def self_assessment() -> list[Issue]:
        issues, summary = check_self_assessment(doc, product_set, regime_code, options.schemas)
        report.self_assessment = summary
        return issues

    # A self-assessment the schema already rejects is not scored as well.
    if not any(i.pointer.startswith("/tu_danh_gia") for i in report.issues):
        _stage(report, "self_assessment", self_assessment)


def validate(paths: Iterable[Path | str], options: ValidateOptions | None = None) -> ValidationRun:
    """Validate many dossiers in one run (the library form of ``ocop-docs validate``)."""
    return ValidationRun(list(iter_validate(paths, options)))


def iter_validate(
    paths: Iterable[Path | str], options: ValidateOptions | None = None
) -> Iterator[DossierReport]:
    """Each dossier's report as soon as it is checked (the CLI streams its report from
    this, so memory stays flat in the number of dossiers)."""
    for path in paths:
        for dossier in _dossiers_at(Path(path)):
            yield validate_dossier(dossier, options)


def _dossiers_at(path: Path) -> list[Path]:
    """A folder of dossiers (``samples/ho-so``) is each dossier below it, as in ``batch``
    (issue 12); anything else is one dossier, which reports itself if it is none."""
    if path.is_dir() and not path.is_symlink() and not is_dossier_folder(path):
        try:
            found = dossier_folders(path)
        except OSError:
            found = []
        if found:
            return found
    return [path]
