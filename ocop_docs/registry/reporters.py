"""Reporters of ``so-theo-doi``: text for people, JSON for programs (issue 14).

Registered in :mod:`ocop_docs.reporting` as ``so-theo-doi nhap``, ``… danh-sach``,
``… nhac-han``, ``… thong-ke``, ``… xuat`` and ``… thu-hoi``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ocop_docs.catalogue import Lang, ui
from ocop_docs.registry.model import STARS, Entry
from ocop_docs.registry.reminders import CATEGORIES, ReminderList
from ocop_docs.registry.revoking import RevokeResult
from ocop_docs.registry.statistics import Statistics
from ocop_docs.registry.store import AddResult
from ocop_docs.registry.verbs import Export, Listing
from ocop_docs.reporting import Output, issue_line


def _d(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _issue_json(issue: Any, lang: Lang) -> dict[str, Any]:
    return issue.to_json(lang, params=True)  # type: ignore[no-any-return]


def added_text(result: AddResult, lang: Lang = "vi") -> Output:
    err = "".join(issue_line(i, lang) + "\n" for i in result.issues)
    if result.errors:
        return Output(ui("registry.refused", lang, n=result.errors) + "\n", err)
    key = "registry.dry_run" if result.dry_run else "registry.added"
    n = result.planned if result.dry_run else len(result.added)
    return Output(ui(key, lang, n=n, skipped=result.skipped, source=result.source) + "\n", err)


def added_json(result: AddResult, lang: Lang = "vi") -> str:
    return _dump(
        {
            "ok": not result.errors,
            "source": result.source,
            "dry_run": result.dry_run,
            "added": result.added,
            "skipped": result.skipped,
            "errors": result.errors,
            "warnings": result.warnings,
            "issues": [_issue_json(i, lang) for i in result.issues],
        }
    )


def _place(entry: Entry) -> str:
    return entry.commune or entry.former_unit or entry.address or "—"


def entry_line(entry: Entry, lang: Lang, day: dt.date) -> str:
    line = ui(
        "registry.entry_line",
        lang,
        id=entry.id,
        product=entry.product,
        producer=entry.producer,
        stars=entry.stars,
        decision=entry.decision_no,
        decided=_d(entry.decision_date),
        valid_to=_d(entry.valid_to),
        place=_place(entry),
    )
    validity = entry.validity(day)
    if validity != "con_hieu_luc":
        line += f" [{ui(f'registry.validity.{validity}', lang)}]"
    return line


def listing_text(listing: Listing, lang: Lang = "vi") -> str:
    if not listing.entries:
        return ui("registry.none", lang) + "\n"
    head = ui("registry.listing_head", lang, n=len(listing.entries), day=_d(listing.day))
    lines = [head, *("  " + entry_line(e, lang, listing.day) for e in listing.entries)]
    return "\n".join(lines) + "\n"


def listing_json(listing: Listing, lang: Lang = "vi") -> str:
    return _dump(
        {
            "day": listing.day.isoformat(),
            "filters": listing.filters,
            "entries": [e.to_json(listing.day) for e in listing.entries],
        }
    )


def reminders_text(result: ReminderList, lang: Lang = "vi") -> str:
    key = "registry.reminders_head" if result.basis else "registry.reminders_head_expiry"
    lines = [ui(key, lang, day=_d(result.day), basis=result.basis)]
    for category in CATEGORIES:
        items = result.of(category)
        if not items:
            continue
        title = ui(f"registry.category.{category}", lang, days=result.warn_days)
        lines += ["", f"{title} ({len(items)}):"]
        for item in items:
            e = item.entry
            lines.append(
                "  "
                + ui(
                    "registry.reminder_line",
                    lang,
                    id=e.id,
                    product=e.product,
                    producer=e.producer,
                    stars=e.stars,
                    valid_to=_d(e.valid_to),
                    opens=_d(item.opens),
                    closes=_d(item.closes),
                    contact=e.contact or ui("registry.no_contact", lang),
                )
            )
            if item.transition and category in ("da_lo", "het_han"):
                lines.append("  " + ui("registry.transition", lang))
    if not result.items:
        lines += ["", ui("registry.none", lang)]
    return "\n".join(lines) + "\n"


def reminders_json(result: ReminderList, lang: Lang = "vi") -> str:
    return _dump(
        {
            "day": result.day.isoformat(),
            "warn_days": result.warn_days,
            "basis": result.basis,
            "counts": result.counts(),
            "items": [r.to_json(result.day) for r in result.items],
        }
    )


def _stars_text(counts: dict[int, int], lang: Lang) -> str:
    parts = [ui("registry.star_count", lang, n=counts[s], stars=s) for s in STARS if counts.get(s)]
    return ", ".join(parts) or "0"


def statistics_text(stats: Statistics, lang: Lang = "vi") -> str:
    lines = [ui("registry.stats_head", lang, day=_d(stats.on)), ""]
    for year in stats.years:
        counts = stats.by_year[year]
        lines.append(
            ui(
                "registry.stats_year",
                lang,
                year=year,
                total=sum(counts.values()),
                stars=_stars_text(counts, lang),
                **stats.by_year_case[year],
            )
        )
    lines += [
        "",
        ui(
            "registry.stats_in_force",
            lang,
            day=_d(stats.on),
            total=stats.total_in_force,
            stars=_stars_text(stats.in_force, lang),
        ),
    ]
    for what, table in (
        ("group", stats.by_group),
        ("set", stats.by_set),
        ("commune", stats.by_commune),
    ):
        lines += ["", ui("registry.stats_by", lang, what=ui(f"registry.by.{what}", lang))]
        for label, counts in table.items():
            lines.append(f"  {label}: {sum(counts.values())} ({_stars_text(counts, lang)})")
    return "\n".join(lines) + "\n"


def statistics_json(stats: Statistics, lang: Lang = "vi") -> str:
    return _dump(stats.to_json())


def export_text(result: Export, lang: Lang = "vi") -> str:
    return ui("registry.exported", lang, n=result.rows, path=str(result.path)) + "\n"


def export_json(result: Export, lang: Lang = "vi") -> str:
    return _dump({"path": str(result.path), "rows": result.rows})


def revoked_text(result: RevokeResult, lang: Lang = "vi") -> Output:
    err = "".join(issue_line(i, lang) + "\n" for i in result.issues)
    if result.errors:
        return Output(ui("registry.revoke_refused", lang, n=result.errors) + "\n", err)
    key = "registry.revoke_dry_run" if result.dry_run else "registry.revoked"
    head = ui(
        key,
        lang,
        n=len(result.revoked),
        skipped=len(result.skipped),
        decision=result.decision,
        day=_d(result.on),
    )
    lines = [head, *("  " + entry_line(e, lang, result.on) for e in result.revoked)]
    return Output("\n".join(lines) + "\n", err)


def revoked_json(result: RevokeResult, lang: Lang = "vi") -> str:
    return _dump(
        {
            "ok": not result.errors,
            "source": result.source,
            "decision": result.decision,
            "day": result.on.isoformat(),
            "dry_run": result.dry_run,
            "revoked": [e.to_json(result.on) for e in result.revoked],
            "skipped": [e.id for e in result.skipped],
            "errors": result.errors,
            "warnings": result.warnings,
            "issues": [_issue_json(i, lang) for i in result.issues],
        }
    )


__all__ = [
    "added_json",
    "added_text",
    "entry_line",
    "export_json",
    "export_text",
    "listing_json",
    "listing_text",
    "reminders_json",
    "reminders_text",
    "revoked_json",
    "revoked_text",
    "statistics_json",
    "statistics_text",
]
