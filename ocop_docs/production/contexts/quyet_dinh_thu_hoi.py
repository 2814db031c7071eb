"""Quyết định thu hồi giấy chứng nhận sản phẩm OCOP (QĐ 26/2026 Điều 8).

Made from a revocation file of its own (``schemas/thu-hoi.schema.json``; a YAML/JSON file
with ``thu_hoi`` and no council), not from a round: a certificate is revoked months or
years after its round. The grounds are the cases of Điều 8.1, chosen by their letter
(``can_cu_thu_hoi: [c]``; the texts are data, ``schemas/documents/procedure.yaml``), with
the facts in free text (``ly_do``). The Chủ tịch UBND cấp tỉnh revokes 3–4 star
certificates, the Minister 5-star ones (Điều 8.2); the decision is sent to the producer and
the bodies concerned (Điều 8.3.c) and made within 15 days of the authority's conclusion
(Điều 8.4: a later date gives the warning ``render-revocation-late``). Template
``templates/quyet-dinh-thu-hoi.docx``, schema ``schemas/contexts/quyet-dinh-thu-hoi.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ocop_docs.errors import InputError, Issue
from ocop_docs.production.contexts import letters
from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.contexts.quyet_dinh import ACT_TITLES, LOCAL_GOVERNMENT_LAW
from ocop_docs.production.inputs import read_data_file
from ocop_docs.production.printing import punctuate, upper_vi
from ocop_docs.production.wording import procedure_wording, wording
from ocop_docs.text.dates import parse_date
from ocop_docs.text.official import format_date, format_date_short, format_stars, pad2

SCHEMA = "thu-hoi.schema.json"
REGIME = "26/2026"
DEADLINE_DAYS = 15  # Điều 8.4: within 15 days of the conclusion


def read_revocation(path: Path) -> tuple[dict[str, Any], list[Issue]]:
    """The revocation file's data (NFC) and its warnings; an input error with every
    problem (line and column) when it is not valid."""
    return read_data_file(path, SCHEMA, "render-revocation-invalid")


def revocation_context(data: dict[str, Any]) -> tuple[dict[str, Any], list[Issue]]:
    raw = data["thu_hoi"]
    co_quan = letters.body(data["co_quan"])
    grounds = procedure_wording().revocation_grounds
    keys = [str(k) for k in raw.get("can_cu_thu_hoi") or []]
    unknown = [k for k in keys if k not in grounds]
    if unknown:
        raise InputError(
            "render-revocation-ground-unknown",
            key=unknown[0],
            known=", ".join(grounds),
        )
    certificates = data["giay_chung_nhan"]
    five = any(int(c["hang_sao"]) == 5 for c in certificates)
    # Điều 8.2: the Chủ tịch UBND cấp tỉnh for 3–4 stars, the Minister for 5 stars.
    default_authority = (
        "BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
        if five
        else f"CHỦ TỊCH {co_quan['ten_mot_dong_in_hoa']}"
    )
    authority = upper_vi(str(raw.get("tham_quyen") or default_authority))
    decider = (
        f"Chủ tịch {co_quan['ten']}" if authority.startswith("CHỦ TỊCH") else str(co_quan["ten"])
    )
    act = wording().act(REGIME)
    rows = []
    decisions: list[str] = []
    for i, c in enumerate(certificates, start=1):
        qd = c["quyet_dinh"]
        who = str(qd.get("nguoi_ban_hanh") or decider)
        ref = letters.decision_ref(qd, co_quan, who)
        if ref not in decisions:
            decisions.append(ref)
        code = c.get("ma_san_pham") or ""
        decided = (
            f"Quyết định số {letters.number(qd['so'], 'QĐ-' + str(co_quan['ky_hieu']))} "
            f"ngày {format_date_short(qd['ngay'])}"
        )
        rows.append(
            {
                "stt": str(i),
                "ten": c["san_pham"],
                "ma_san_pham": code,
                "chu_the": c["chu_the"],
                "dia_chi": c.get("dia_chi") or "",
                "hang_sao_chu": format_stars(int(c["hang_sao"])),
                "so": c.get("so") or "",
                "quyet_dinh": decided,
                # One line each, so "05/QĐ-UBND" never breaks at its hyphen (issue 12).
                "giay": "\n".join(
                    ([str(c["so"])] if c.get("so") else [])
                    + [
                        letters.number(qd["so"], "QĐ-" + str(co_quan["ky_hieu"])),
                        f"ngày {format_date_short(qd['ngay'])}",
                    ]
                ),
            }
        )
    conclusion = raw.get("ket_luan")
    basis = raw.get("can_cu") or [
        # The province's competence (NĐ 30 Phụ lục I mục II.5); the Minister's (5 stars)
        # is the Government's decree on the Ministry, which the file gives in can_cu.
        *([] if five else [f"Căn cứ {LOCAL_GOVERNMENT_LAW[REGIME]}"]),
        f"Căn cứ {act} {ACT_TITLES[REGIME]}",
        *(f"Căn cứ {d} về việc công nhận sản phẩm OCOP" for d in decisions),
        *(
            [f"Căn cứ {conclusion['van_ban']} {format_date(conclusion['ngay'])}"]
            if conclusion
            else []
        ),
        *([f"Theo đề nghị của {raw['de_nghi']}"] if raw.get("de_nghi") else []),
    ]
    producers = list(dict.fromkeys(str(c["chu_the"]) for c in certificates))
    communes = list(dict.fromkeys(str(c["xa"]) for c in certificates if c.get("xa")))
    # Điều 8.3.c: the decision goes to the producer and the bodies concerned.
    executors = [str(e) for e in raw.get("thuc_hien") or []] or [
        f"Chánh Văn phòng {co_quan['ten']}",
        *(f"Chủ tịch Ủy ban nhân dân {x}" for x in communes),
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
        *producers,
    ]
    executors_text = (
        ", ".join(executors[:-1]) + " và " + executors[-1] if len(executors) > 1 else executors[0]
    )
    warnings: list[Issue] = []
    signed = parse_date(raw["ngay"])
    concluded = parse_date(conclusion["ngay"]) if conclusion else None
    if signed and concluded and signed > concluded + dt.timedelta(days=DEADLINE_DAYS):
        warnings.append(
            Issue(
                "render-revocation-late",
                params={
                    "days": (signed - concluded).days,
                    "limit": DEADLINE_DAYS,
                },
            )
        )
    # "điểm c", "các điểm b, c và d" (how a legal text cites several points of a clause).
    clause = (
        f"điểm {keys[0]}"
        if len(keys) == 1
        else f"các điểm {', '.join(keys[:-1])} và {keys[-1]}"
        if keys
        else ""
    )
    ctx: dict[str, Any] = {
        "co_quan": co_quan,
        "thu_hoi": {
            "so": letters.number(raw["so"], f"QĐ-{co_quan['ky_hieu']}"),
            "ngay_dong": letters.dated(co_quan["dia_danh"], raw["ngay"]),
            "trich_yeu": str(
                raw.get("trich_yeu") or "Về việc thu hồi Giấy chứng nhận sản phẩm OCOP"
            ),
            "tham_quyen": authority,
            "can_cu": punctuate(basis),
            "giay_chung_nhan": rows,
            "so_giay": pad2(len(rows)),
            # "thuộc trường hợp quy định tại điểm c khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg"
            "truong_hop": (
                f"thuộc trường hợp quy định tại {clause} khoản 1 Điều 8 {act.split(' ngày ')[0]}"
                if keys
                else ""
            ),
            "can_cu_thu_hoi": [
                f"{grounds[k]}" + (";" if n < len(keys) - 1 else ".") for n, k in enumerate(keys)
            ],
            "ly_do": raw.get("ly_do"),
            "chu_the_chu": ", ".join(producers),
            "thuc_hien_chu": executors_text,
            "nguoi_ky": letters.signer(raw["nguoi_ky"]),
            "noi_nhan": letters.recipients(
                raw.get("noi_nhan"),
                ["Như Điều 3", "Bộ Nông nghiệp và Môi trường (b/c)"],
            ),
        },
    }
    return ctx, warnings


def build(path: Path) -> Built:
    data, warnings = read_revocation(path)
    ctx, more = revocation_context(data)
    return Built(ctx, document_day(data["thu_hoi"]["ngay"]), warnings + more)


KIND = Kind(
    "quyet-dinh-thu-hoi",
    "Quyết định thu hồi giấy chứng nhận sản phẩm OCOP",
    "Decision revoking OCOP certificates",
    per_product=False,
    from_file=build,
)

__all__ = ["DEADLINE_DAYS", "KIND", "build", "read_revocation", "revocation_context"]
