"""Rules check: the cross-field legal rules of the regime, and the document checklist.

Which documents a set needs, sample counts, eligible producers and deadlines are data
(``schemas/rules/<regime>.yaml``); this module applies them. Every rule cites its clause.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from ocop_docs.catalogue import LANGS, ui
from ocop_docs.errors import Issue
from ocop_docs.rules.documents import document_name, document_types
from ocop_docs.rules.regimes import Regime, regime, regime_codes, regime_for_date
from ocop_docs.rules.units import AddressCheck, check_address
from ocop_docs.text.dates import parse_date
from ocop_docs.validation.loading import LoadedDossier
from ocop_docs.validation.report import AttachmentInfo, ChecklistItem, DocStatus

EXPIRES_SOON_DAYS = 90  # a council meets within weeks to months of filing [DESIGN]


def _fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` + ``months`` calendar months, clamped to the month end [DESIGN, brief §4.3]."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _names(code: str) -> dict[str, str]:
    return {"document": document_name(code, "vi"), "document_en": document_name(code, "en")}


# The issue a missing document gives, by level (rules.regimes.LEVELS).
_MISSING_CODE = {
    "bat_buoc": "document-missing",
    "sao_3": "document-three-star-floor",
    "theo_quy_dinh": "document-conditional",
    "nen_co": "document-recommended",
}


def not_applicable(doc: LoadedDossier) -> dict[str, str]:
    """``khong_ap_dung``: document type → the legal reason the dossier gives for needing none."""
    out: dict[str, str] = {}
    for entry in doc.data.get("khong_ap_dung") or []:
        if isinstance(entry, dict) and isinstance(entry.get("loai"), str):
            reason = entry.get("ly_do")
            if isinstance(reason, str) and reason.strip():
                out[entry["loai"]] = reason.strip()
    return out


def build_checklist(
    doc: LoadedDossier,
    regime: Regime,
    product_set: int,
    case: str,
    attachments: list[AttachmentInfo] | None,
) -> tuple[list[ChecklistItem], list[Issue]]:
    """Documents by level (error / 3-star floor / where law requires / recommended), with
    present / missing / invalid / not-applicable status.

    ``attachments`` is None when files were not checked: listed documents count as present.
    A stated ``khong_ap_dung`` reason is honoured for every level but ``bat_buoc``: a
    rejection ground of the text cannot be waived by the producer.
    """
    entries = doc.data.get("tai_lieu") or []
    waived = not_applicable(doc)
    by_index = {a.index: a for a in attachments or []}
    items: list[ChecklistItem] = []
    issues: list[Issue] = []
    done: set[str] = set()
    for rule in regime.rules_for(product_set, case):  # strongest level first
        if rule.loai in done:
            continue  # a stronger rule for the same type wins
        done.add(rule.loai)
        accepted = (rule.loai, *rule.equivalents)

        def status_of(codes: tuple[str, ...]) -> tuple[DocStatus | None, list[str]]:
            found = [
                (i, e)
                for i, e in enumerate(entries)
                if isinstance(e, dict) and e.get("loai") in codes
            ]
            files = [str(e.get("tep", "")) for _, e in found]
            if not found:
                return None, files
            ok = attachments is None or any(i in by_index and by_index[i].ok for i, _ in found)
            return ("present" if ok else "invalid"), files

        status, files = status_of(accepted)
        reason: str | None = None
        if status is None and rule.substitutes:
            sub_status, sub_files = status_of(rule.substitutes)
            if sub_status is not None:
                status, files = sub_status, sub_files
                used = next(
                    c
                    for c in rule.substitutes
                    if any(isinstance(e, dict) and e.get("loai") == c for e in entries)
                )
                issues.append(
                    doc.issue(
                        "document-substitute",
                        "/tai_lieu",
                        used=document_name(used, "vi"),
                        used_en=document_name(used, "en"),
                        basis=rule.basis,
                        **_names(rule.loai),
                    )
                )
        if status is None and not rule.required and rule.loai in waived:
            status, reason = "not_applicable", waived[rule.loai]
        if status is None:
            status = "missing"
            issues.append(
                doc.issue(
                    _MISSING_CODE[rule.level],
                    "/tai_lieu",
                    loai=rule.loai,
                    basis=rule.basis,
                    **_names(rule.loai),
                )
            )
        items.append(
            ChecklistItem(
                rule.loai,
                rule.required,
                status,
                files,
                rule.equivalents + rule.substitutes,
                rule.basis,
                rule.level,
                reason,
            )
        )
    return items, issues


def check_document_dates(doc: LoadedDossier, filed: dt.date | None, case: str) -> list[Issue]:
    """Validity of time-limited papers on the filing date (brief §5.1, Điều 6.1.c)."""
    issues: list[Issue] = []
    types = document_types()
    for index, entry in enumerate(doc.data.get("tai_lieu") or []):
        if not isinstance(entry, dict):
            continue
        code = entry.get("loai")
        names = _names(str(code))
        issued = parse_date(entry.get("ngay_cap"))
        expiry = parse_date(entry.get("ngay_het_han"))
        base = f"/tai_lieu/{index}"
        time_limited = bool(types.get(str(code), {}).get("thoi_han"))
        # The certificate being renewed is checked against the re-evaluation window instead.
        renewing = case == "danh_gia_lai" and code == "giay_chung_nhan_ocop"
        if issued and expiry and expiry < issued:
            issues.append(
                doc.issue(
                    "document-dates-inverted",
                    base + "/ngay_het_han",
                    expiry=_fmt(expiry),
                    issued=_fmt(issued),
                    **names,
                )
            )
            continue
        if filed and issued and issued > filed:
            issues.append(
                doc.issue(
                    "document-issued-after-filing",
                    base + "/ngay_cap",
                    issued=_fmt(issued),
                    filed=_fmt(filed),
                    **names,
                )
            )
        if renewing:
            continue
        # The previous OCOP certificate's expiry follows from its decision date (Điều 4.3).
        derivable = code == "giay_chung_nhan_ocop" and isinstance(
            doc.data.get("chung_nhan_truoc"), dict
        )
        if time_limited and expiry is None and entry.get("ngay_het_han") is None and not derivable:
            issues.append(doc.issue("document-expiry-unknown", base, **names))
        if filed and expiry:
            if expiry < filed:
                issues.append(
                    doc.issue(
                        "document-expired",
                        base + "/ngay_het_han",
                        expiry=_fmt(expiry),
                        filed=_fmt(filed),
                        **names,
                    )
                )
            elif (expiry - filed).days <= EXPIRES_SOON_DAYS:
                issues.append(
                    doc.issue(
                        "document-expires-soon",
                        base + "/ngay_het_han",
                        expiry=_fmt(expiry),
                        days=(expiry - filed).days,
                        **names,
                    )
                )
    return issues


def previous_expiry(prev: dict[str, Any], regime: Regime) -> dt.date | None:
    """Expiry of the current certificate: as given, or decision date + 36 months (Điều 4.3)."""
    given = parse_date(prev.get("ngay_het_han"))
    if given:
        return given
    decided = parse_date(prev.get("ngay_quyet_dinh"))
    return add_months(decided, regime.validity_months) if decided else None


def check_case(doc: LoadedDossier, regime: Regime, case: str, filed: dt.date | None) -> list[Issue]:
    """Upgrade and re-evaluation rules (QĐ 26/2026 Điều 6.1.b–c, 7.6.a, 12.3)."""
    if case == "lan_dau":
        return []
    case_vi = {"nang_hang": "nâng hạng", "danh_gia_lai": "đánh giá lại"}[case]
    case_en = {"nang_hang": "upgrade", "danh_gia_lai": "re-evaluation"}[case]
    prev = doc.data.get("chung_nhan_truoc")
    if not isinstance(prev, dict):
        return [doc.issue("previous-certificate-missing", "", case=case_vi, case_en=case_en)]
    issues: list[Issue] = []
    if case == "nang_hang" and prev.get("hang_sao") == 5:
        issues.append(doc.issue("upgrade-from-top", "/chung_nhan_truoc/hang_sao"))
    issues += _reevaluation_window(doc, regime, prev, filed) if case == "danh_gia_lai" else []
    return issues + check_previous_issuer(doc, prev) + _report_contents(doc, case)


# What Mẫu 02 must show for a re-evaluation (QĐ 26/2026 Điều 6.1.c), in the text's order.
REEVALUATION_UPDATES: tuple[str, ...] = (
    "nguyen_lieu",
    "cong_nghe",
    "bao_bi",
    "nhan_mac",
    "cong_bo_chat_luong",
    "kiem_nghiem_dinh_ky",
    "thi_truong",
    "san_luong",
    "doanh_thu",
    "giay_to_co_thoi_han",
)


def _report_contents(doc: LoadedDossier, case: str) -> list[Issue]:
    """Điều 6.1.b: Mẫu 02 shows the changes (upgrade); 6.1.c: the updates (re-evaluation).

    Warnings, not errors: the attached Mẫu 02 may say it even when the data does not.
    """
    report = doc.data.get("bao_cao")
    report = report if isinstance(report, dict) else {}
    if case == "nang_hang" and not report.get("thay_doi"):
        return [doc.issue("upgrade-changes-missing", "/bao_cao")]
    if case == "danh_gia_lai":
        updates = report.get("cap_nhat")
        updates = updates if isinstance(updates, dict) else {}
        missing = [k for k in REEVALUATION_UPDATES if not updates.get(k)]
        if missing:
            return [
                doc.issue(
                    "reevaluation-updates-missing",
                    "/bao_cao/cap_nhat",
                    count=len(missing),
                    fields=", ".join(missing),
                )
            ]
    return []


def _reevaluation_window(
    doc: LoadedDossier, regime: Regime, prev: dict[str, Any], filed: dt.date | None
) -> list[Issue]:
    """Điều 7.6.a (180 to 120 days before expiry); Điều 12.3 only in its transition.

    Outside the transition a dossier filed after the 120-day cutoff misses the window: the
    certificate lapses on its date (Điều 4.3) and the product registers afresh. Under
    Điều 12.3 (certificates whose window closed before the decision took effect) it stays
    valid to the result, at most ``gia_han`` days past expiry.
    """
    window = regime.reevaluation
    expiry = previous_expiry(prev, regime)
    if not window or not expiry or not filed:
        return []
    start = expiry - dt.timedelta(days=int(window["som_nhat"]))
    end = expiry - dt.timedelta(days=int(window["muon_nhat"]))
    transition: dict[str, Any] = window.get("chuyen_tiep") or {}
    in_transition = bool(transition) and expiry < transition["het_han_truoc"]
    grace_end = expiry + dt.timedelta(days=int(transition["gia_han"])) if in_transition else expiry
    params = {
        "filed": _fmt(filed),
        "expiry": _fmt(expiry),
        "window_start": _fmt(start),
        "window_end": _fmt(end),
        "grace_end": _fmt(grace_end),
    }
    if filed < start:
        return [doc.issue("reevaluation-too-early", "/ngay_nop", **params)]
    if filed <= end:
        return []
    if filed > grace_end:
        return [doc.issue("previous-certificate-lapsed", "/ngay_nop", **params)]
    if in_transition:
        return [doc.issue("reevaluation-late", "/ngay_nop", **params)]
    return [doc.issue("reevaluation-window-missed", "/ngay_nop", **params)]


def earliest_regime() -> Regime:
    """The regime with the earliest start (QĐ 1048/2019)."""
    return min((regime(code) for code in regime_codes()), key=lambda r: r.valid_from)


# Who issued a previous certificate, read from its `co_quan` text (the level of the unit).
_ISSUER_LEVELS: tuple[tuple[str, str], ...] = (
    (r"\bbộ\b", "trung_uong"),
    (r"\b(?:huyện|quận|thị xã)\b", "huyen"),
    (r"\b(?:tỉnh|thành phố)\b", "tinh"),
)
_LEVEL_NAMES = {
    "huyen": ("UBND cấp huyện", "the district People's Committee"),
    "tinh": ("UBND cấp tỉnh", "the provincial People's Committee"),
    "trung_uong": ("Bộ", "the Ministry"),
}


def issuer_level(text: str) -> str | None:
    """'UBND huyện Na Rì' → 'huyen'; None when the text names no level."""
    lowered = text.lower()
    for pattern, level in _ISSUER_LEVELS:
        if re.search(pattern, lowered):
            return level
    return None


def check_previous_issuer(doc: LoadedDossier, prev: dict[str, Any]) -> list[Issue]:
    """The previous recognition's issuer against the regime in force when it was issued
    (e.g. a 3★ of 2024 under QĐ 148 was a district decision)."""
    decided = parse_date(prev.get("ngay_quyet_dinh"))
    stars, issuer = prev.get("hang_sao"), prev.get("co_quan")
    if decided is None or not isinstance(stars, int) or not isinstance(issuer, str):
        return []
    level = issuer_level(issuer)
    then = regime(regime_for_date(decided))
    expected = then.recognising_levels(stars, decided)
    if level is None or not expected or level in expected:
        return []
    return [
        doc.issue(
            "previous-certificate-issuer",
            "/chung_nhan_truoc/co_quan",
            issuer=issuer,
            stars=stars,
            decided=_fmt(decided),
            regime=then.code,
            expected=", ".join(_LEVEL_NAMES[e][0] for e in expected),
            expected_en=", ".join(_LEVEL_NAMES[e][1] for e in expected),
        )
    ]


def check_general(
    doc: LoadedDossier, regime: Regime, product_set: int, filed: dt.date | None, today: dt.date
) -> list[Issue]:
    issues: list[Issue] = []
    data = doc.data
    producer = data.get("chu_the") if isinstance(data.get("chu_the"), dict) else {}
    kind = producer.get("loai_hinh")
    known = regime.producer_types_for(26)  # every type the regime knows (26 admits the most)
    if (
        isinstance(kind, str)
        and kind in known
        and kind not in regime.producer_types_for(product_set)
    ):
        issues.append(doc.issue("producer-not-eligible", "/chu_the/loai_hinh", kind=kind))
    founded = parse_date(producer.get("ngay_thanh_lap"))
    if founded and filed and founded > filed:
        issues.append(
            doc.issue(
                "founded-after-filing",
                "/chu_the/ngay_thanh_lap",
                founded=_fmt(founded),
                filed=_fmt(filed),
            )
        )
    if filed and filed > today:
        issues.append(
            doc.issue("filing-date-future", "/ngay_nop", filed=_fmt(filed), today=_fmt(today))
        )
    # A regime that covers the filing date starts on or after the earliest one, so the
    # other regimes are read only for a date outside it (the common case reads one file).
    first = earliest_regime() if filed and not regime.covers(filed) else regime
    if filed and filed < first.valid_from and regime.code == first.code:
        # Before the first national rubric (QĐ 1048/QĐ-TTg, 21/8/2019) a province's interim
        # criteria applied; the tool has none, so it checks the dossier as the first regime.
        issues.append(
            doc.issue(
                "regime-before-first",
                "/ngay_nop",
                filed=_fmt(filed),
                regime=first.code,
                regime_name=first.name,
                start=_fmt(first.valid_from),
            )
        )
    elif filed and not regime.covers(filed):
        issues.append(
            doc.issue(
                "regime-date-mismatch",
                "/ngay_nop",
                filed=_fmt(filed),
                regime=regime.code,
                period=regime.period(),
                expected=regime_for_date(filed),
            )
        )
    product = data.get("san_pham") if isinstance(data.get("san_pham"), dict) else {}
    samples = product.get("so_luong_mau")
    # Values the schema rejects (negative, absurd) are reported there, not twice.
    if isinstance(samples, int) and not isinstance(samples, bool) and 0 <= samples <= 1000:
        if product_set in regime.samples_exempt_sets:
            if samples > 0:
                issues.append(
                    doc.issue("samples-not-required", "/san_pham/so_luong_mau", count=samples)
                )
        elif samples < regime.samples:
            issues.append(
                doc.issue(
                    "samples-insufficient",
                    "/san_pham/so_luong_mau",
                    count=samples,
                    required=f"{regime.samples:02d}",
                )
            )
    return issues


def _unit_unknown(
    doc: LoadedDossier, pointer: str, unit: str | None, result: AddressCheck, fallback: str
) -> Issue:
    """admin-unit-unknown with a "did you mean" hint, or the ``fallback`` advice."""
    if result.suggestion:
        hint = {lang: ui("address.did_you_mean", lang, name=result.suggestion) for lang in LANGS}
    else:
        hint = {lang: ui(fallback, lang) for lang in LANGS}
    what_en = {"tỉnh/thành phố": "province", "xã/phường": "commune"}.get(result.what, result.what)
    return doc.issue(
        "admin-unit-unknown",
        pointer,
        unit=unit,
        what=result.what,
        what_en=what_en,
        suggestion=hint["vi"],
        suggestion_en=hint["en"],
    )


def check_address_rules(
    doc: LoadedDossier, regime: Regime
) -> tuple[list[Issue], AddressCheck | None]:
    producer = doc.data.get("chu_the")
    address = producer.get("dia_chi") if isinstance(producer, dict) else None
    if not isinstance(address, dict):
        return [], None
    xa, tinh, huyen = address.get("xa"), address.get("tinh"), address.get("huyen")
    if not isinstance(xa, str) or not xa.strip():
        return [], None
    if not isinstance(tinh, str) or not tinh.strip():
        if "," not in xa:  # a one-line address in `xa` carries its own province
            return [], None
        tinh = ""
    result = check_address(xa, tinh, huyen if isinstance(huyen, str) and huyen.strip() else None)
    base = "/chu_the/dia_chi"
    issues: list[Issue] = []
    if result.status == "old" and regime.current_units_only:
        issues.append(
            doc.issue("admin-unit-old", base, old=result.old_text, current=result.current_text())
        )
    elif result.status == "unknown":
        issues.append(_unit_unknown(doc, base + "/tinh", tinh, result, "address.give_province"))
    elif result.status == "mismatch" and result.suggestion:
        issues.append(_unit_unknown(doc, base + "/xa", xa, result, "address.give_current"))
    elif result.status == "mismatch":
        province = result.province.full_name if result.province else tinh
        issues.append(doc.issue("admin-unit-mismatch", base + "/xa", commune=xa, province=province))
    elif result.status == "ambiguous":
        issues.append(
            doc.issue(
                "admin-unit-ambiguous",
                base + "/xa",
                old=result.old_text,
                candidates="; ".join(result.candidates),
            )
        )
    elif result.status == "former":
        issues.append(
            doc.issue("admin-unit-former-unmapped", base, old=result.old_text, known=result.known)
        )
    elif result.status == "unresolved" and regime.current_units_only:
        issues.append(
            _unit_unknown(doc, base + "/xa", result.old_text, result, "address.give_current")
        )
    elif result.status == "unresolved":
        issues.append(doc.issue("admin-unit-unresolved", base, old=result.old_text))
    issues += check_product_code(doc, result)
    return issues, result


_PRODUCT_CODE = re.compile(r"^(\d{1,3})-(\d{1,5})-\d{1,4}-\d{4}$")


def check_product_code(doc: LoadedDossier, address: AddressCheck) -> list[Issue]:
    """T-X-STT-Năm (rubric header "Mã số sản phẩm (T)-(X)-(STT)-Năm"): T the province and X
    the commune code of QĐ 19/2025/QĐ-TTg, checked against the producer's current commune.

    A warning: the code is given by the province, and an old code may still be printed on
    earlier papers.
    """
    product = doc.data.get("san_pham")
    code = product.get("ma_so") if isinstance(product, dict) else None
    match = _PRODUCT_CODE.match(code) if isinstance(code, str) else None
    if match is None or address.province is None or address.commune is None:
        return []
    given = (int(match.group(1)), int(match.group(2)))
    if given == (address.province.code, address.commune.code):
        return []
    expected = f"{address.province.code:02d}-{address.commune.code:05d}"
    return [
        doc.issue(
            "product-code-commune-mismatch",
            "/san_pham/ma_so",
            ma_so=str(code),
            given=f"{match.group(1)}-{match.group(2)}",
            expected=expected,
            commune=address.current_text(),
        )
    ]
