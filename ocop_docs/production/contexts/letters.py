"""What the procedure's other papers share (issue 12): numbers, dates, bodies, groups.

The commune's proposal letter (:mod:`.de_nghi_xa`), the approval of results of 90 points
or more (:mod:`.phe_duyet_ket_qua`), the province's letter to the Ministry
(:mod:`.cong_van_de_nghi`), the notification of results (:mod:`.thong_bao_ket_qua`) and the
revocation (:mod:`.quyet_dinh_thu_hoi`) print numbers, dates and signers as the decision
does (NĐ 30/2020 Phụ lục I); this module holds those conventions and the groupings of a
round's products (by commune, by producer).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.production.contexts.council import _body
from ocop_docs.production.contexts.signatures import signer_context
from ocop_docs.production.printing import CHAM, NGAY_TRONG, format_address, punctuate
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.text.official import format_date, format_date_short, format_doc_number

# QĐ 26/2026 Điều 6.3, 7.3.e: the province proposes 5-star products to this Ministry.
MINISTRY = "Bộ Nông nghiệp và Môi trường"
# The province's OCOP office when the round does not name it (Điều 7.3.a "cơ quan tham mưu
# quản lý OCOP cấp tỉnh"; in most provinces the Sở Nông nghiệp và Môi trường) [PRACTICE].
DEFAULT_OFFICE = {"ten": "Sở Nông nghiệp và Môi trường", "ky_hieu": "SNNMT"}
# "…, xã Trần Phú, tỉnh Thái Nguyên": the commune-level unit of an address written as one line.
_COMMUNE = re.compile(r"(?<![\w])(?:xã|phường|đặc khu|thị trấn)\s+[^,;()]+")
CASES = {"lan_dau": "Lần đầu", "nang_hang": "Nâng hạng", "danh_gia_lai": "Đánh giá, phân hạng lại"}


def number(raw: Any, symbol: str) -> str:
    """ "Số" as NĐ 30 writes it ("05/QĐ-UBND"); a blank to write by hand when unnumbered."""
    if raw in (None, ""):
        return f"        /{symbol}"
    return format_doc_number(raw, None if "/" in str(raw) else symbol)


def dated(place: Any, raw: Any) -> str:
    """ "Thái Nguyên, ngày 05 tháng 01 năm 2027", or the dotted date when there is none."""
    return f"{place or CHAM}, " + (format_date(raw) if raw else NGAY_TRONG)


def body(raw: Mapping[str, Any], default_symbol: str = "UBND") -> dict[str, Any]:
    """An issuing body as the round's ``co_quan`` prints (the ``co_quan`` context shape)."""
    return _body(raw, default_symbol)


def office(data: Mapping[str, Any]) -> dict[str, Any]:
    """The province's OCOP office (``co_quan_tham_muu``), under the round's body."""
    co_quan = data["co_quan"]
    raw = {
        **DEFAULT_OFFICE,
        "chu_quan": co_quan["ten"],
        "dia_danh": co_quan["dia_danh"],
        **(data.get("co_quan_tham_muu") or {}),
    }
    out = body(raw, "SNNMT")
    # A department under the province's UBND: "UBND TỈNH THÁI NGUYÊN" above (NĐ 30 Phụ lục
    # I mục II.2: the chủ quản may abbreviate "Ủy ban nhân dân"), its own name on two lines
    # when long ("SỞ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG"), so the header keeps its 1/3 column.
    if out["chu_quan_in_hoa"]:
        out["chu_quan_in_hoa"] = str(out["chu_quan_in_hoa"]).replace("ỦY BAN NHÂN DÂN", "UBND")
    out["ten_in_hoa"] = two_lines(str(out["ten_in_hoa"]))
    return out


def two_lines(name: str, width: int = 24) -> str:
    """An upper-case body name longer than ``width`` characters broken at the space nearest
    its middle (a name already broken is kept)."""
    if "\n" in name or len(name) <= width:
        return name
    spaces = [i for i, c in enumerate(name) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2)) if spaces else None
    return name if cut is None else f"{name[:cut]}\n{name[cut + 1 :]}"


def signer(raw: Mapping[str, Any], collective: str | None = None) -> dict[str, Any]:
    """The signature lines (NĐ 30 mục II.7). ``collective``: the "TM. …" line of a paper
    a collective body issues (the UBND's tờ trình, công văn), put first when the round
    leaves it out: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" becomes the three lines "TM. ỦY BAN
    NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (issue 12)."""
    out = signer_context(raw)
    lines = str(out.get("quyen_han") or "").strip()
    if collective and not lines.upper().startswith("TM."):
        out["quyen_han"] = f"{collective}\n{lines}" if lines else collective
    return out


def recipients(raw: Sequence[str] | None, default: Sequence[str]) -> list[str]:
    """ "Nơi nhận" ending with "- Lưu: VT, …." (NĐ 30 mục II.9b)."""
    items = list(raw or default)
    if not any(str(r).strip().startswith("Lưu") for r in items):
        items.append("Lưu: VT")
    return punctuate(items)


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def same_name(a: str, b: str) -> bool:
    """Two names of one commune or producer, case and spacing aside."""
    return _key(a) == _key(b)


def commune_of(product: ProductResult) -> str | None:
    """The commune whose UBND proposes the product (Điều 7.2): the producer's commune in
    the dossier, else the commune of its Mẫu 03; None when the round does not say."""
    address = ((product.dossier or {}).get("chu_the") or {}).get("dia_chi")
    xa = address.get("xa") if isinstance(address, dict) else None
    xa = xa or (product.inline.get("danh_gia_xa") or {}).get("xa")
    if not xa:  # a product without a dossier: the commune part of its address line
        found = _COMMUNE.search(product.dia_chi or "")
        xa = found[0].strip() if found else None
    return " ".join(str(xa).split()) if xa else None


def producer_of(product: ProductResult) -> str | None:
    """The producer a notification is addressed to (Điều 7.3.g: "các chủ thể OCOP")."""
    return " ".join(product.chu_the.split()) or None


def same_group(products: Sequence[ProductResult], key: Any, of: Any) -> list[ProductResult]:
    """The products of ``products`` whose group (``of``) is ``key``, case and spacing aside."""
    wanted = _key(str(key))
    return [p for p in products if (g := of(p)) is not None and _key(g) == wanted]


def case_of(product: ProductResult) -> str:
    """ "lan_dau", "nang_hang" or "danh_gia_lai" from the dossier (default: first time)."""
    return str((product.dossier or {}).get("loai_danh_gia") or "lan_dau")


def producer_address(product: ProductResult) -> str:
    address = ((product.dossier or {}).get("chu_the") or {}).get("dia_chi")
    return format_address(address) if address else product.dia_chi


def decision_ref(
    raw: Mapping[str, Any], co_quan: Mapping[str, Any], whom: str, *, short: bool = False
) -> str:
    """ "Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2027 của Chủ tịch Ủy ban nhân dân
    tỉnh …" (``short``: "ngày 05/01/2027", as a table cell writes it)."""
    when = f"ngày {format_date_short(raw['ngay'])}" if short else format_date(raw["ngay"])
    return f"Quyết định số {number(raw['so'], 'QĐ-' + str(co_quan['ky_hieu']))} {when} của {whom}"


def period(ctx: Mapping[str, Any]) -> str:
    """The round as a trích yếu names it: "đợt 2 năm 2026", else "năm 2026"."""
    name = str(ctx["ten_dot"])
    return name[0].lower() + name[1:] if name.lower().startswith("đợt") else f"năm {ctx['nam']}"


# The regime whose procedure these papers follow (Điều 6–8 of QĐ 26/2026/QĐ-TTg).
PROCEDURE_REGIME = "26/2026"


def procedure_round(rnd: Round) -> bool:
    """Whether the round follows QĐ 26/2026's procedure (the papers cite its clauses)."""
    return str((rnd.data or {}).get("bo_tieu_chi")) == PROCEDURE_REGIME


def require_procedure(rnd: Round, kind: str) -> None:
    """An input error for a round of an older regime (1048/2019, 148/2023): their
    procedures had other papers and other clauses."""
    if not procedure_round(rnd):
        raise InputError(
            "render-regime-procedure",
            kind=kind,
            regime=str((rnd.data or {}).get("bo_tieu_chi")),
        )


def proposed(rnd: Round) -> list[ProductResult]:
    """The products of 90 points or more, proposed to the Ministry (Điều 7.3.e)."""
    return [p for p in rnd.products if p.proposed_up]


__all__ = [
    "CASES",
    "DEFAULT_OFFICE",
    "MINISTRY",
    "PROCEDURE_REGIME",
    "body",
    "case_of",
    "commune_of",
    "dated",
    "decision_ref",
    "number",
    "office",
    "period",
    "procedure_round",
    "producer_address",
    "producer_of",
    "proposed",
    "recipients",
    "require_procedure",
    "same_group",
    "same_name",
    "signer",
    "two_lines",
]
