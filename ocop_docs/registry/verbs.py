"""The library functions behind ``ocop-docs so-theo-doi …`` (one per verb, issue 14).

``nhap`` → :func:`import_list`, ``danh-sach`` → :func:`list_entries`, ``nhac-han`` →
:func:`due_reminders`, ``thong-ke`` → :func:`registry_statistics`, ``xuat`` →
:func:`export_workbook`. The service's pages and API call the same functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.files import os_reason
from ocop_docs.registry.importing import Decision, read_list
from ocop_docs.registry.model import Entry, key_text
from ocop_docs.registry.reminders import WARN_DAYS, ReminderList, reminders
from ocop_docs.registry.statistics import Statistics, statistics
from ocop_docs.registry.store import AddResult, Registry


def import_list(
    registry: Registry,
    path: Path | str,
    decision: Decision | None = None,
    *,
    dry_run: bool = False,
) -> AddResult:
    """Read, check and add a published annex list (nothing is added when a row has an error)."""
    published = read_list(path, decision)
    label = f"{Path(path).name} ({published.decision.number})"
    return registry.add(published.recognitions, label, issues=published.issues, dry_run=dry_run)


@dataclass(slots=True)
class Listing:
    day: dt.date
    entries: list[Entry] = field(default_factory=list)
    filters: dict[str, Any] = field(default_factory=dict)


def list_entries(
    registry: Registry,
    *,
    expiring_before: dt.date | None = None,
    commune: str | None = None,
    stars: tuple[int, ...] = (),
    year: int | None = None,
    day: dt.date | None = None,
    everything: bool = False,
) -> Listing:
    """The certificates of the book, by default those in force on ``day`` (today)."""
    day = day or dt.date.today()
    wanted = key_text(commune) if commune else ""
    chosen: list[Entry] = []
    for entry in registry.entries():
        if not everything and not entry.in_force(day):
            continue
        if expiring_before and entry.valid_to >= expiring_before:
            continue
        if stars and entry.stars not in stars:
            continue
        if year and entry.year != year:
            continue
        if wanted and wanted not in key_text(f"{entry.commune} {entry.former_unit}"):
            continue
        chosen.append(entry)
    filters = {
        "het_han_truoc": expiring_before.isoformat() if expiring_before else None,
        "xa": commune,
        "sao": list(stars),
        "nam": year,
        "tat_ca": everything,
    }
    return Listing(day=day, entries=chosen, filters=filters)


def due_reminders(
    registry: Registry, day: dt.date | None = None, warn_days: int = WARN_DAYS
) -> ReminderList:
    return reminders(registry.entries(), day or dt.date.today(), warn_days)


def registry_statistics(
    registry: Registry, year: int | None = None, on: dt.date | None = None
) -> Statistics:
    return statistics(registry.entries(), year, on)


EXPORT_HEADERS: tuple[tuple[str, str], ...] = (
    ("id", "Mã"),
    ("product", "Tên sản phẩm"),
    ("producer", "Chủ thể"),
    ("address", "Địa chỉ (như ghi)"),
    ("commune", "Đơn vị hành chính hiện nay"),
    ("former_unit", "Đơn vị cũ"),
    ("product_set", "Bộ sản phẩm"),
    ("group", "Nhóm"),
    ("stars", "Hạng sao"),
    ("score", "Điểm"),
    ("year", "Năm"),
    ("case", "Loại đánh giá"),
    ("decision_no", "Số quyết định"),
    ("decision_date", "Ngày quyết định"),
    ("issuer", "Cơ quan ban hành"),
    ("level", "Cấp công nhận"),
    ("certificate_no", "Số giấy chứng nhận"),
    ("valid_from", "Hiệu lực từ"),
    ("valid_to", "Hiệu lực đến"),
    ("regime", "Bộ tiêu chí"),
    ("validity", "Tình trạng"),
    ("phone", "Điện thoại"),
    ("email", "Email"),
    ("source", "Nguồn"),
)


@dataclass(slots=True)
class Export:
    path: Path
    rows: int


def export_workbook(registry: Registry, path: Path | str, day: dt.date | None = None) -> Export:
    """The whole book as an .xlsx (one row per certificate, Vietnamese headers)."""
    from openpyxl import Workbook

    from ocop_docs.files import atomic_write_bytes

    day = day or dt.date.today()
    out = Path(path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sổ theo dõi OCOP"
    sheet.append([title for _key, title in EXPORT_HEADERS])
    entries = registry.entries()
    for entry in entries:
        data = entry.to_json(day)
        sheet.append([data.get(key) for key, _title in EXPORT_HEADERS])
    sheet.freeze_panes = "A2"
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    try:
        atomic_write_bytes(out, buffer.getvalue())
    except OSError as exc:
        reason, reason_en = os_reason(exc)
        raise InputError(
            "registry-output-unwritable", path=str(out), reason=reason, reason_en=reason_en
        ) from exc
    return Export(out, len(entries))


__all__ = [
    "Export",
    "Listing",
    "due_reminders",
    "export_workbook",
    "import_list",
    "list_entries",
    "registry_statistics",
]
