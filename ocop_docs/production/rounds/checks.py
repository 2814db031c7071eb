"""Council result checks of a round: quorum, meeting, decision date, totals, card outcomes.

What a round must satisfy beyond its schema, each problem an issue placed in the round file
(``doc.issue``: pointer, line, column), never an exception. The thresholds are the Quy
chế's (brief §6.5, [PRACTICE]) or the round's ``cau_hinh``.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from ocop_docs.production.rounds.model import MemberCard, ProductResult, Round, exact_score
from ocop_docs.text.dates import parse_date
from ocop_docs.text.documents import LoadedDocument
from ocop_docs.text.official import format_score, parse_datetime
from ocop_docs.text.pointers import escape


def check_quorum(rnd: Round, doc: LoadedDocument) -> None:
    """Enough members present, and the chair among them when the Quy chế requires it."""
    total, present = len(rnd.members), len(rnd.present)
    if total and Fraction(present, total) < rnd.quorum:
        rnd.issues.append(
            doc.issue(
                "round-quorum",
                "/hoi_dong/thanh_vien",
                present=present,
                total=total,
                quorum=f"{float(rnd.quorum):.0%}",
            )
        )
    if rnd.chair_required and not any(m.vai_tro == "chu_tich" for m in rnd.present):
        rnd.issues.append(doc.issue("round-chair-absent", "/hoi_dong/thanh_vien"))


def check_council_size(rnd: Round, doc: LoadedDocument) -> None:
    """The council has as many members as the regime's procedure sets for its level (QĐ
    1048 Phụ lục II mục 2: 05–07 at the district, 09–11 at the province). A warning: the
    papers can still be made, the official decides."""
    procedure = rnd.rules.procedure
    step = procedure.council(str((rnd.data or {}).get("cap"))) if procedure else None
    if step is None or step.members is None:
        return
    low, high = step.members
    if not low <= len(rnd.members) <= high:
        rnd.issues.append(
            doc.issue(
                "round-council-size",
                "/hoi_dong/thanh_vien",
                count=f"{len(rnd.members):02d}",
                low=f"{low:02d}",
                high=f"{high:02d}",
                council=step.name("vi"),
                council_en=step.name("en"),
                regime=rnd.rules.code,
                basis=step.members_basis,
            )
        )


def check_meeting(rnd: Round, doc: LoadedDocument, data: dict[str, Any]) -> None:
    """The chair and the secretary are present members; the meeting ends after it starts."""
    hop = data["hop"]
    for key in ("chu_tri", "thu_ky"):
        ma = hop.get(key)
        if ma is not None and rnd.member(str(ma)) is None:
            rnd.issues.append(doc.issue("round-member-unknown", f"/hop/{key}", member=ma))
        elif ma is not None and not rnd.member(str(ma)).co_mat:  # type: ignore[union-attr]
            rnd.issues.append(doc.issue("round-member-absent", f"/hop/{key}", member=ma))
    start = parse_datetime(hop["bat_dau"])
    end = hop.get("ket_thuc")
    if end is not None and parse_datetime(end) < start:
        rnd.issues.append(
            doc.issue("round-meeting-times", "/hop/ket_thuc", start=hop["bat_dau"], end=end)
        )


def check_decision(rnd: Round, doc: LoadedDocument, data: dict[str, Any]) -> None:
    """The decision is not signed before the meeting that proposed it."""
    qd = data.get("quyet_dinh")
    if not qd:
        return
    meeting = parse_datetime(data["hop"]["bat_dau"]).date()
    signed = parse_date(qd["ngay"])
    if signed is None:
        return  # not a date: nothing to compare
    if signed < meeting:
        rnd.issues.append(
            doc.issue(
                "round-decision-before-meeting",
                "/quyet_dinh/ngay",
                decided=signed.isoformat(),
                meeting=meeting.isoformat(),
            )
        )


def check_certificates(rnd: Round, doc: LoadedDocument, data: dict[str, Any]) -> None:
    """A look-up address needs numbered certificates: the link and QR carry the number."""
    gcn = data.get("giay_chung_nhan") or {}
    if gcn.get("tra_cuu") and not gcn.get("so_dau"):
        rnd.issues.append(doc.issue("round-lookup-no-number", "/giay_chung_nhan/tra_cuu"))


_AUTHORITY = re.compile(r"^\s*(KT|TM|Q|TL|TUQ)\.", re.IGNORECASE)


def check_signers(rnd: Round, doc: LoadedDocument, data: dict[str, Any]) -> None:
    """A "KT. …" (or TM., Q., TL., TUQ.) written in ``chuc_vu``: the authority belongs in
    ``quyen_han``, one line each (NĐ 30/2020 Phụ lục I mục II.7); printed right anyway
    (contexts/signatures.py), but said so the round file is written the documented way."""
    places: list[tuple[str, Any]] = [
        ("/quyet_dinh/nguoi_ky", (data.get("quyet_dinh") or {}).get("nguoi_ky")),
        ("/giay_chung_nhan/nguoi_ky", (data.get("giay_chung_nhan") or {}).get("nguoi_ky")),
    ]
    for i, product in enumerate(data.get("san_pham") or []):
        if isinstance(product, dict) and isinstance(product.get("danh_gia_xa"), dict):
            places.append(
                (f"/san_pham/{i}/danh_gia_xa/nguoi_ky", product["danh_gia_xa"].get("nguoi_ky"))
            )
    for pointer, signer in places:
        if not isinstance(signer, dict):
            continue
        title = str(signer.get("chuc_vu") or "")
        found = _AUTHORITY.match(title)
        if found:
            rnd.issues.append(
                doc.issue(
                    "round-signer-authority-in-title",
                    f"{pointer}/chuc_vu",
                    title=title,
                    authority=found[1].upper() + ".",
                )
            )


def check_totals(
    rnd: Round, doc: LoadedDocument, base: str, raw: Any, cards: list[MemberCard], product: str
) -> None:
    """Totals written beside the cards must be the cards' totals."""
    given: dict[str, tuple[str, Any]] = {}
    if isinstance(raw, list):
        for j, (m, v) in enumerate(zip(rnd.scorers, raw, strict=False)):
            given[m.ma] = (f"{base}/diem/{j}", v)
    elif isinstance(raw, dict):
        for ma, v in raw.items():
            given[str(ma)] = (f"{base}/diem/{escape(str(ma))}", v)
    for c in cards:
        if c.member.ma not in given:
            continue
        pointer, value = given[c.member.ma]
        if exact_score(value) != c.result.tong_diem:
            rnd.issues.append(
                doc.issue(
                    "round-scores-mismatch",
                    pointer,
                    member=c.member.ma,
                    product=product,
                    given=format_score(exact_score(value)),
                    computed=str(c.result.tong_diem),
                )
            )


def check_card_outcome(rnd: Round, doc: LoadedDocument, base: str, product: ProductResult) -> None:
    """Say when the cards' minimum markers lowered the star, or most cards disqualify."""
    r = product.result
    if product.proposed_up and product.lowered:
        # Điều 7.3.e: proposed upwards on the mean; the unmet markers go with it (issue 11).
        rnd.issues.append(
            doc.issue(
                "round-proposed-minimums-unmet",
                f"{base}/phieu",
                product=product.ten,
                mean=product.mean_text,
                mean_en=product.mean_text.replace(",", "."),
                criteria=", ".join(
                    dict.fromkeys(f"{u.tieu_chi} ({u.sao} sao)" for u in r.chua_dat_toi_thieu)
                ),
                criteria_en=", ".join(
                    dict.fromkeys(f"{u.tieu_chi} ({u.sao} stars)" for u in r.chua_dat_toi_thieu)
                ),
            )
        )
    elif product.lowered:
        criteria = ", ".join(
            dict.fromkeys(f"{u.tieu_chi} ({u.sao} sao)" for u in r.chua_dat_toi_thieu)
        )
        criteria_en = ", ".join(
            dict.fromkeys(f"{u.tieu_chi} ({u.sao} stars)" for u in r.chua_dat_toi_thieu)
        )
        rnd.issues.append(
            doc.issue(
                "round-stars-lowered",
                f"{base}/phieu",
                product=product.ten,
                mean=product.mean_text,
                mean_en=product.mean_text.replace(",", "."),  # English writes a decimal point
                band=r.hang_theo_diem,
                stars=r.hang_sao,
                criteria=criteria,
                criteria_en=criteria_en,
            )
        )
    total = len(product.cards)
    if r.loai_theo and not product.inline.get("bi_loai"):
        # A "Bị loại nếu …" rule found by half of the cards (issue 11): say which one.
        rules = [q for q in r.quy_tac if q.loai == "loai"]
        rnd.issues.append(
            doc.issue(
                "round-disqualified-by-rule",
                f"{base}/phieu",
                product=product.ten,
                criteria=", ".join(q.tieu_chi for q in rules),
                count=min(sum(1 for c in product.cards if q in c.result.quy_tac) for q in rules),
                total=total,
                rule="; ".join(q.noi_dung for q in rules),
                rule_en="a disqualifying rule of the rubric",
            )
        )
    if r.dung_tai is not None and not product.disqualified:
        stop = next((q for q in r.quy_tac if q.loai == "dung"), None)
        rnd.issues.append(
            doc.issue(
                "round-stopped-by-rule",
                f"{base}/phieu",
                product=product.ten,
                criteria=r.dung_tai,
                count=sum(1 for c in product.cards if c.result.dung_tai == r.dung_tai),
                total=total,
                rule=stop.noi_dung if stop is not None else "",
                rule_en="a stop rule of the rubric",
            )
        )
    flagged = sum(1 for c in product.cards if c.result.loai)
    if not product.disqualified and flagged * 2 >= len(product.cards) and flagged:
        rnd.issues.append(
            doc.issue(
                "round-scorecards-disqualify",
                f"{base}/phieu",
                product=product.ten,
                count=flagged,
                total=len(product.cards),
            )
        )


def check_spread(
    rnd: Round, doc: LoadedDocument, base: str, product: ProductResult, limit: Fraction
) -> None:
    """Member totals differ by more than the Quy chế allows (brief §6.5, [PRACTICE])."""
    if product.spread_flag:
        rnd.issues.append(
            doc.issue(
                "round-score-spread",
                f"{base}/diem",
                product=product.ten,
                spread=format_score(product.spread),
                limit=format_score(limit),
            )
        )


__all__ = [
    "check_card_outcome",
    "check_council_size",
    "check_decision",
    "check_meeting",
    "check_quorum",
    "check_spread",
    "check_totals",
]
