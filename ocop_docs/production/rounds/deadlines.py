"""The procedure's deadlines checked on a round file (issue 11).

What a round file and its dossiers date can be checked against the regime's ``thoi_han``
(:mod:`ocop_docs.rules.deadlines`):

* the round calendar, QĐ 26/2026 Điều 5.1 (the commune's proposal date, ``danh_gia_xa.ngay``,
  against the meeting, ``hop.bat_dau``): ``round-calendar-late``;
* the commune's 15 working days, Điều 7.2 (the dossier's ``ngay_nop`` against the Mẫu 03
  report's date): ``round-commune-late``; a report dated before the filing,
  ``round-commune-report-before-filing``;
* the 45 days of a re-evaluation, Điều 7.6.g (the product's ``ngay_nhan_ho_so``, else the
  commune's report date, against the meeting): ``round-reevaluation-late``;
* the transitional limits, Điều 12.2 (a dossier filed before 22/5/2026 completed within 60
  or 30 days): ``round-transition-late``, whatever the round's regime.

Every one is a deadline for officials, not a ground to reject a dossier: each finding is a
warning placed in the round file. A deadline of the regime applies to the dossiers filed
under it (from its first day); earlier dossiers follow Điều 12.2.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.rules.deadlines import RoundDeadlines, add_working_days, days_off, round_deadlines
from ocop_docs.rules.regimes import regime_codes
from ocop_docs.text.dates import parse_date
from ocop_docs.text.documents import LoadedDocument
from ocop_docs.text.official import parse_datetime

__all__ = ["check_deadlines"]


def _fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def check_deadlines(rnd: Round, doc: LoadedDocument, data: dict[str, Any]) -> None:
    """Warn, per product, where the round's dates miss a deadline of the procedure."""
    meeting = parse_datetime(data["hop"]["bat_dau"]).date()
    own = round_deadlines(rnd.rules.code)
    extra = frozenset(
        d for raw in (rnd.settings.get("ngay_nghi") or ()) if (d := parse_date(raw)) is not None
    )
    transitions = [
        t for code in regime_codes() if (rd := round_deadlines(code)) and (t := rd.transition)
    ]
    level = str(data["cap"])
    for product in rnd.products:
        raw = product.inline
        base = f"/san_pham/{product.index - 1}"
        dossier = product.dossier or {}
        filed = parse_date(dossier.get("ngay_nop"))
        case = str(dossier.get("loai_danh_gia") or "")
        report = parse_date((raw.get("danh_gia_xa") or {}).get("ngay"))
        received = parse_date(raw.get("ngay_nhan_ho_so"))
        for t in transitions:
            limit = t.limit(case)
            if filed is None or limit is None or filed >= t.filed_before or meeting <= limit:
                continue
            if meeting < t.start:
                continue  # evaluated before the new decision: 12.2 does not reach it
            rnd.issues.append(
                doc.issue(
                    "round-transition-late",
                    "/hop/bat_dau",
                    product=product.ten,
                    filed=_fmt(filed),
                    start=_fmt(t.start),
                    days=t.days[case],
                    limit=_fmt(limit),
                    meeting=_fmt(meeting),
                    basis=t.basis,
                )
            )
        if own is None:
            continue
        first = rnd.rules.valid_from
        if (filed or report or meeting) < first:
            continue  # filed under an earlier regime: Điều 12.2 above, not these
        _commune(rnd, doc, base, product, own, filed, report, extra)
        if report is not None and level == own.calendar_level:
            _calendar(rnd, doc, base, product, own, report, meeting)
        if case == "danh_gia_lai" and own.reevaluation_days is not None:
            start = received or (report if level == "tinh" else None)
            if start is not None:
                limit = start + dt.timedelta(days=own.reevaluation_days)
                if meeting > limit:
                    rnd.issues.append(
                        doc.issue(
                            "round-reevaluation-late",
                            f"{base}/ngay_nhan_ho_so" if received else f"{base}/danh_gia_xa/ngay",
                            product=product.ten,
                            days=own.reevaluation_days,
                            start=_fmt(start),
                            limit=_fmt(limit),
                            meeting=_fmt(meeting),
                            since="ngày nhận đủ hồ sơ"
                            if received
                            else "ngày báo cáo của UBND cấp xã",
                            since_en=(
                                "the day the full file was received"
                                if received
                                else "the commune's report date"
                            ),
                            basis=own.reevaluation_basis,
                        )
                    )


def _commune(
    rnd: Round,
    doc: LoadedDocument,
    base: str,
    product: ProductResult,
    own: RoundDeadlines,
    filed: dt.date | None,
    report: dt.date | None,
    extra: frozenset[dt.date],
) -> None:
    """Điều 7.2: the Mẫu 03 report within the working days after the dossier's receipt."""
    if filed is None or report is None or own.commune_working_days is None:
        return
    pointer = f"{base}/danh_gia_xa/ngay"
    if report < filed:
        rnd.issues.append(
            doc.issue(
                "round-commune-report-before-filing",
                pointer,
                product=product.ten,
                reported=_fmt(report),
                filed=_fmt(filed),
            )
        )
        return
    limit = add_working_days(filed, own.commune_working_days, days_off(), extra)
    if report > limit:
        rnd.issues.append(
            doc.issue(
                "round-commune-late",
                pointer,
                product=product.ten,
                filed=_fmt(filed),
                days=own.commune_working_days,
                limit=_fmt(limit),
                reported=_fmt(report),
                basis=own.commune_basis,
            )
        )


def _calendar(
    rnd: Round,
    doc: LoadedDocument,
    base: str,
    product: ProductResult,
    own: RoundDeadlines,
    report: dt.date,
    meeting: dt.date,
) -> None:
    """Điều 5.1: the council meets before the end of the round the proposal falls in."""
    window = own.evaluate_before(report)
    if window is None:
        return
    cutoff, limit = window
    if meeting >= limit:  # "trước ngày 30 tháng 6": the 30th itself is late
        rnd.issues.append(
            doc.issue(
                "round-calendar-late",
                f"{base}/danh_gia_xa/ngay",
                product=product.ten,
                proposed=_fmt(report),
                cutoff=_fmt(cutoff),
                limit=_fmt(limit),
                meeting=_fmt(meeting),
                basis=own.calendar_basis,
            )
        )
