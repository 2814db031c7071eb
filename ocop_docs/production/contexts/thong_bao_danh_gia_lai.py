"""Thông báo gửi chủ thể: the re-evaluation window of its certificate (issue 14).

One letter per certificate that :func:`ocop_docs.registry.reminders.reminders` lists: the
window open (QĐ 26/2026 Điều 7.6.a: "không sớm hơn 180 ngày và không muộn hơn 120 ngày"
before expiry), about to close, missed, or the certificate expired. Written by the
provincial OCOP office (the sender of ``--thong-tin``) in the NĐ 30/2020 layout of a
"Thông báo" (Phụ lục III, Mẫu 1.4). Template ``templates/thong-bao-danh-gia-lai.docx``,
schema ``schemas/contexts/thong-bao-danh-gia-lai.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ocop_docs.production.contexts.council import _body
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.contexts.signatures import signer_context
from ocop_docs.text.official import format_date, format_date_short, format_place_date, pad2

DOTS = "……………"
# What the letter says of each case, by the reminder's category.
SUBJECTS: dict[str, str] = {
    "dang_mo": "Về việc nộp hồ sơ đánh giá, phân hạng lại sản phẩm OCOP",
    "sap_dong": "Về việc nộp hồ sơ đánh giá, phân hạng lại sản phẩm OCOP (sắp hết thời hạn)",
    "da_lo": "Về việc giấy chứng nhận sản phẩm OCOP sắp hết hiệu lực",
    "het_han": "Về việc giấy chứng nhận sản phẩm OCOP đã hết hiệu lực",
}


def sender_context(sender: Mapping[str, Any]) -> dict[str, Any]:
    """The office (``co_quan``) and the signer (``nguoi_ky``) of ``--thong-tin``."""
    office = dict(sender.get("co_quan") or {})
    office.setdefault("ten", "Cơ quan quản lý Chương trình OCOP cấp tỉnh")
    office.setdefault("dia_danh", DOTS)
    ctx = _body(office, "VPĐP")
    signer = sender.get("nguoi_ky") or {
        "quyen_han": "",
        "chuc_vu": "THỦ TRƯỞNG CƠ QUAN",
        "ho_ten": "",
    }
    return {"co_quan": ctx, "nguoi_ky": signer_context(signer)}


def build(item: Any, sender: Mapping[str, Any]) -> Built:
    """``item``: a :class:`~ocop_docs.registry.reminders.Reminder` (with ``number``, its
    place in the batch, in ``sender['_so']``)."""
    entry = item.entry
    base = sender_context(sender)
    office = base["co_quan"]
    day: dt.date = sender.get("_ngay") or dt.date.today()
    first = sender.get("so_dau")
    position = int(sender.get("_so") or 0)
    symbol = f"TB-{office['ky_hieu']}"
    number = f"{pad2(int(first) + position)}/{symbol}" if first else f"        /{symbol}"
    noi_nhan = list(sender.get("noi_nhan") or [])
    commune = entry.commune or entry.former_unit or ""
    recipients: list[str] = []
    for item_text in (
        "Như trên",
        *([f"UBND {commune.split(',')[0]}"] if entry.commune else []),
        *(str(n) for n in noi_nhan),
        f"Lưu: VT, {office['ky_hieu']}",
    ):
        if item_text not in recipients:  # "Như trên" given again in --thong-tin
            recipients.append(item_text)
    ctx = {
        **base,
        "thong_bao": {
            "so": number,
            "ngay_dong": format_place_date(str(office["dia_danh"]), day),
            "trich_yeu": SUBJECTS[item.category],
            "noi_nhan": [f"{r};" for r in recipients[:-1]] + [f"{recipients[-1]}."],
        },
        "tinh_trang": item.category,
        "chu_the": {
            "ten": entry.producer,
            # A former unit's address is written as today's (QĐ 19/2025 units), as the
            # letter goes out now; an address already current is kept as written.
            "dia_chi": (
                entry.commune
                if entry.address_status == "old" and entry.commune
                else entry.address or commune or DOTS
            ),
            "lien_he": entry.contact,
        },
        "sp": {
            "ten": entry.product,
            "hang_sao_chu": f"{entry.stars} sao",
            "so_gcn": entry.certificate_no or "",
            "quyet_dinh": (
                f"Quyết định số {entry.decision_no} ngày {format_date_short(entry.decision_date)}"
                + (f" của {entry.issuer}" if entry.issuer else "")
            ),
            "het_han": format_date_short(entry.valid_to),
            "nop_tu": format_date_short(item.opens) if item.opens else DOTS,
            "nop_den": format_date_short(item.closes) if item.closes else DOTS,
            "con_ngay": str(max(item.days_left, 0)),
            "xa": commune or "Ủy ban nhân dân cấp xã nơi chủ thể đăng ký",
        },
        "chuyen_tiep": bool(item.transition),
        "ngay_chu": format_date(day),
    }
    when = dt.datetime.combine(day, dt.time(8, 0))
    return Built(ctx, when)


KIND = Kind(
    "thong-bao-danh-gia-lai",
    "Thông báo nộp hồ sơ đánh giá lại sản phẩm OCOP",
    "Notice to a producer: re-evaluation window of its certificate",
    per_product=True,
    from_registry=build,
)

__all__ = ["KIND", "SUBJECTS", "build", "sender_context"]
