"""What the dossier forms of QĐ 1048/QĐ-TTg (2019) print from a dossier: Biểu 01–04.

QĐ 1048/QĐ-TTg Phụ lục II mục 3.a: the district dossier holds "Phiếu đăng ký ý tưởng sản
phẩm, đăng ký sản phẩm" (Biểu 01 for a new product, 02 for an existing one), "Phương án,
kế hoạch kinh doanh sản phẩm" (Biểu 03) and "Giới thiệu bộ máy tổ chức" (Biểu 04); the forms
follow Phụ lục II (lines 320–822 of ``legal/qd-1048-2019-qd-ttg.txt``). One context serves
the four: the dossier's own keys plus ready-to-print values. What the dossier model does
not hold (sales, costs, workforce, plans …) stays the form's dotted line, for the producer
to fill in by hand. The ``ho_so_1048`` definition of ``schemas/contexts/common-1048.schema.json``
documents it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.dossier import evidence_name
from ocop_docs.production.contexts.kind import Built
from ocop_docs.production.printing import bare_name, date_or, format_address, tick, upper_vi
from ocop_docs.production.wording import wording
from ocop_docs.text.official import format_date_short

# Biểu 03 mục III "Các giấy phép, chứng nhận... hiện hành (về thành lập, điều kiện sản
# xuất, kinh doanh,...)": the dossier papers of those kinds, in the dossier's order.
LEGAL_PAPERS = (
    "giay_dang_ky_kinh_doanh",
    "quyet_dinh_thanh_lap",
    "giay_phep_san_xuat",
    "dieu_kien_san_xuat",
    "chung_nhan_attp",
    "cam_ket_attp",
    "chung_nhan_gmp",
    "cong_bo_chat_luong",
    "so_huu_tri_tue",
)


def _text(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else ""


def context_1048(data: Mapping[str, Any]) -> dict[str, Any]:
    """The context of Biểu 01–04 from a 1048 dossier's data (blank values as "")."""
    ctx: dict[str, Any] = {k: v for k, v in data.items()}
    chu_the = data.get("chu_the") or {}
    address = chu_the.get("dia_chi") or {}
    rep = chu_the.get("nguoi_dai_dien") or {}
    san_pham = data.get("san_pham") or {}
    papers = [d for d in data.get("tai_lieu") or [] if isinstance(d, dict)]
    types = {str(d.get("loai")) for d in papers}
    words = wording()
    ticks = words.ticks
    kind = str(chu_the.get("loai_hinh") or "")
    type_name = words.producer_types.get(kind, "")
    name = _text(chu_the.get("ten"))
    head = _text(rep.get("ho_ten"))
    title = _text(rep.get("chuc_vu"))
    product = ", ".join(
        part
        for part in (
            _text(san_pham.get("ten")),
            _text(san_pham.get("mo_ta")).rstrip("."),
            f"tiêu chuẩn áp dụng: {_text(san_pham.get('tieu_chuan'))}"
            if san_pham.get("tieu_chuan")
            else "",
        )
        if part
    )
    ip = [evidence_name(d) for d in papers if d.get("loai") == "so_huu_tri_tue"]
    district = bare_name(address.get("huyen")) if isinstance(address, dict) else ""
    ctx.update(
        ten_chu_the=name,
        ten_to_chuc=upper_vi(name),
        dia_chi_chu_the=format_address(address),
        dien_thoai=_text(chu_the.get("dien_thoai")),
        email=_text(chu_the.get("email")),
        loai_hinh_chu_the=type_name,
        ngay_thanh_lap=date_or(chu_the.get("ngay_thanh_lap"), format_date_short, ""),
        so_dang_ky=_text(chu_the.get("so_dang_ky")),
        # Biểu 02 mục 4 "Tên người điều hành chủ thể sản xuất": the legal representative.
        nguoi_dieu_hanh=f"{head} ({title})" if head and title else head,
        ho_ten_dai_dien=head,
        dia_chi_thuong_tru=_text(rep.get("dia_chi_thuong_tru")),
        dien_thoai_dieu_hanh=_text(rep.get("dien_thoai")) or _text(chu_the.get("dien_thoai")),
        ten_san_pham=_text(san_pham.get("ten")),
        mo_ta_san_pham=_text(san_pham.get("mo_ta")),
        san_pham_quy_cach=product,
        lich_su=_text(chu_the.get("lich_su")),
        co_cau_to_chuc=_text(chu_the.get("co_cau_to_chuc")),
        # "Xin gửi Phiếu đăng ký này đến OCOP huyện/thành phố: …" (the district of the
        # address as it was then: a 1048 dossier keeps its 2019 units).
        huyen=district,
        loai_shtt="; ".join(ip),
        giay_to_phap_ly=[evidence_name(d) for d in papers if d.get("loai") in LEGAL_PAPERS],
        o={
            # Biểu 01 mục 6 "Mô hình tổ chức": the dossier says "doanh_nghiep" without its
            # form (tư nhân, TNHH, cổ phần, hợp danh), so those boxes stay for the producer.
            "hop_tac_xa": tick(kind == "hop_tac_xa"),
            "cong_bo": tick(bool(types & set(ticks["cong_bo"]))),
            "shtt": tick(bool(types & set(ticks["shtt"]))),
            "dieu_kien": tick(bool(types & set(ticks["attp"] + ticks["dieu_kien_bat_buoc"]))),
        },
        loai_hinh_khac=type_name if kind not in ("", "hop_tac_xa", "doanh_nghiep") else "",
    )
    return ctx


def build_1048(data: Mapping[str, Any]) -> Built:
    """Biểu 01–04 are dated by the filing day (``ngay_nop``), as the dossier is."""
    when: dt.datetime | None = document_day(data.get("ngay_nop"))
    return Built(context_1048(data), when)


__all__ = ["LEGAL_PAPERS", "build_1048", "context_1048"]
