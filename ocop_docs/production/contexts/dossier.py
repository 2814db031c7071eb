"""The dossier part of a context: what Mẫu 01, 02 and 03 print from a product's dossier.

The dossier's own keys (``chu_the.ten``, ``san_pham.ten`` …, see docs/dossier.md) plus
derived, ready-to-print values (``dia_chi_chu_the``, ``o.lan_dau`` …): the ``ho_so``
definition of ``schemas/contexts/common.schema.json``. QĐ 26/2026 Phụ lục III, Mẫu số 01
and 02; the tick boxes and the evidence table come from ``schemas/documents/form-02.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.production.printing import (
    CHAM,
    NGAY_TRONG,
    UNCHECKED,
    bare_name,
    date_or,
    format_address,
    tick,
)
from ocop_docs.production.wording import wording
from ocop_docs.rules.documents import document_name
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.rules.regimes import DEFAULT_REGIME
from ocop_docs.text.dates import parse_date
from ocop_docs.text.official import format_date, format_date_short, pad2

# The regimes whose dossier forms are shipped: QĐ 26/2026 Phụ lục III (Mẫu số 01–03) and
# QĐ 1048/QĐ-TTg 2019 Phụ lục II (Biểu 01–04, contexts.forms_1048; which form a dossier
# gets is contexts.regime_forms). A dossier of QĐ 148/QĐ-TTg 2023, whose forms the tool does
# not have, is refused rather than put on another regime's paper (issue 12).
FORM_REGIME = DEFAULT_REGIME
FORM_REGIMES = (DEFAULT_REGIME, "1048/2019")


def require_form_regime(data: Mapping[str, Any]) -> None:
    """``render-forms-regime`` (exit 1) for a dossier whose regime's forms are not shipped."""
    regime = str(data.get("bo_tieu_chi") or DEFAULT_REGIME)
    if regime not in FORM_REGIMES:
        number, year = FORM_REGIME.split("/")
        raise InputError("render-forms-regime", regime=regime, current=f"{number}/{year}/QĐ-TTg")


def dossier_context(data: Mapping[str, Any]) -> dict[str, Any]:
    """The context of Mẫu 01 and Mẫu 02 from a dossier's data (dates as ISO strings)."""
    require_form_regime(data)
    ctx: dict[str, Any] = {k: v for k, v in data.items()}
    chu_the = data.get("chu_the") or {}
    address = chu_the.get("dia_chi") or {}
    rep = chu_the.get("nguoi_dai_dien") or {}
    san_pham = data.get("san_pham") or {}
    ngay_nop = data.get("ngay_nop")
    year = data.get("nam_danh_gia")
    if year is None and ngay_nop:
        filed = parse_date(ngay_nop)
        year = filed.year if filed is not None else None
    set_no = data.get("bo_san_pham")
    sets = product_sets()
    product_set = sets.get(set_no) if isinstance(set_no, int) else None
    types = {str(doc.get("loai")) for doc in data.get("tai_lieu") or [] if isinstance(doc, dict)}
    case = data.get("loai_danh_gia", "lan_dau")
    ip_docs = [
        d
        for d in data.get("tai_lieu") or []
        if isinstance(d, dict) and d.get("loai") == "so_huu_tri_tue"
    ]
    words = wording()
    ticks = {key: tick(bool(types & set(codes))) for key, codes in words.ticks.items()}
    samples = san_pham.get("so_luong_mau")
    ctx.update(
        cham=CHAM,
        tinh=bare_name(address.get("tinh")) if isinstance(address, dict) else CHAM,
        nam=year if year is not None else "……",
        dia_danh=bare_name(address.get("xa")) or CHAM if isinstance(address, dict) else CHAM,
        ngay_ky=date_or(ngay_nop, format_date, NGAY_TRONG),
        dia_chi_chu_the=format_address(address),
        loai_hinh_chu_the=words.producer_types.get(str(chu_the.get("loai_hinh")), CHAM),
        gioi_tinh=words.genders.get(str(rep.get("gioi_tinh")), CHAM),
        ngay_thanh_lap=date_or(chu_the.get("ngay_thanh_lap"), format_date_short, CHAM),
        # Mẫu 01 mục 3 "Ngành, Nhóm, Phân nhóm": each part named, as the form asks.
        nhom_san_pham=f"Ngành: {product_set.classification()}" if product_set else CHAM,
        ten_bo_san_pham=(
            f"Bộ sản phẩm số {product_set.so}: {product_set.ten}" if product_set else CHAM
        ),
        so_luong_mau=(
            pad2(int(samples))
            if isinstance(samples, int) and samples > 0
            else "không áp dụng"
            if samples == 0
            else CHAM
        ),
        o={
            "lan_dau": tick(case == "lan_dau"),
            "nang_hang": tick(case == "nang_hang"),
            "danh_gia_lai": tick(case == "danh_gia_lai"),
            **ticks,
            # A numbered paper among the IP documents is taken as a registration
            # certificate; an accepted application alone ticks only d) [DESIGN].
            "nhan_hieu": tick(any(d.get("so") for d in ip_docs)),
            "chi_dan_dia_ly": UNCHECKED,
            "sang_che": UNCHECKED,
            "kieu_dang": UNCHECKED,
            "ban_quyen": UNCHECKED,
            "shtt_khac": UNCHECKED,
        },
        minh_chung=[
            {
                "stt": str(i),
                "noi_dung": row.noi_dung,
                "yeu_cau": row.yeu_cau,
                # The papers by name, number and date, not by file path (issue 12): the
                # council reads the report on paper.
                "tep": "; ".join(
                    evidence_name(d)
                    for d in data.get("tai_lieu") or []
                    if isinstance(d, dict) and d.get("loai") in row.loai
                ),
            }
            for i, row in enumerate(words.evidence, start=1)
        ],
    )
    return ctx


def evidence_name(paper: Mapping[str, Any]) -> str:
    """A dossier paper as the evidence table names it: "Giấy chứng nhận … số 07/2025,
    cấp ngày 31/03/2025" (its type's name, then its number and issue date if known)."""
    name = document_name(str(paper.get("loai") or "")) or str(paper.get("loai") or "")
    if paper.get("so"):
        name += f" số {paper['so']}"
    issued = parse_date(paper.get("ngay_cap"))
    if issued is not None:
        name += f", cấp ngày {format_date_short(issued)}"
    return name


__all__ = ["FORM_REGIME", "FORM_REGIMES", "dossier_context", "require_form_regime"]
