"""Mẫu 02 Báo cáo tự đánh giá về sản phẩm (QĐ 26/2026 Phụ lục III, Mẫu số 02).

The producer's self-assessment report: the dossier part of the context and, in
``ket_qua_tu_danh_gia``, Phần III's table of the producer's own score per criterion, in
rubric order ("chủ thể tự đánh giá về kết quả (điểm số) … theo thứ tự từng tiêu chí"),
scored from the dossier's ``tu_danh_gia`` (:func:`ocop_docs.scoring.card.score_card`).
Template ``templates/bao-cao-tu-danh-gia.docx``, schema
``schemas/contexts/bao-cao-tu-danh-gia.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop_docs.errors import Issue
from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.dossier import dossier_context, evidence_name
from ocop_docs.production.contexts.kind import Built, DossierSource, Kind
from ocop_docs.production.contexts.scorecards import is_direct, self_card, unmet_text
from ocop_docs.production.wording import wording
from ocop_docs.rules.regimes import DEFAULT_REGIME, rubric_regimes
from ocop_docs.scoring.card import score_card
from ocop_docs.scoring.rubric_files import load_rubric
from ocop_docs.text.official import format_stars


def self_assessment_context(
    data: Mapping[str, Any],
) -> tuple[dict[str, Any] | None, list[Issue]]:
    """Mẫu 02 Phần III: the self-assessed points per criterion, with part totals and stars.

    None when the dossier has no ``tu_danh_gia``. Problems of the self-assessment do not stop
    the report: they come back as warnings and the table shows the valid choices only.
    """
    card = self_card(data)
    if card is None:
        return None, []
    regime = str(data.get("bo_tieu_chi") or DEFAULT_REGIME)
    set_no = data.get("bo_san_pham")
    if regime not in rubric_regimes() or not isinstance(set_no, int) or not 1 <= set_no <= 26:
        reason_vi = f"chưa có dữ liệu bộ tiêu chí {regime} cho bộ sản phẩm {set_no}"
        reason_en = f"no rubric data for regime {regime}, product set {set_no}"
        return None, [
            Issue(
                "render-self-assessment-problem",
                "/tu_danh_gia",
                params={"problem": reason_vi, "problem_en": reason_en},
            )
        ]
    rubric = load_rubric(set_no, regime)
    result = score_card(card, rubric)
    warnings = [
        Issue(
            "render-self-assessment-problem",
            "/tu_danh_gia" + p.pointer,
            params={"problem": p.message("vi"), "problem_en": p.message("en")},
        )
        for p in result.van_de
    ]
    chosen = {c.tieu_chi: c for c in result.lua_chon}
    parts = {s.so: s.diem for s in result.phan}
    groups = {(s.phan, s.so): s.diem for s in result.muc}
    rows: list[dict[str, str]] = []
    missing: list[str] = []
    for part in rubric.phan:
        rows.append(
            {
                "loai": "phan",
                "so": part.ma,
                "ten": f"Phần {part.ma}: {part.ten}",
                "lua_chon": "",
                "diem": f"{parts.get(part.ma, 0)}/{part.diem}",
            }
        )
        for group in part.muc:
            if not is_direct(group):
                rows.append(
                    {
                        "loai": "muc",
                        "so": group.so,
                        "ten": group.ten,
                        "lua_chon": "",
                        "diem": f"{groups.get((part.ma, group.so), 0)}/{group.diem}",
                    }
                )
            for c in group.tieu_chi:
                pick = chosen.get(c.so)
                if pick is None:
                    missing.append(c.so)
                rows.append(
                    {
                        "loai": "tieu_chi",
                        "so": c.so,
                        "ten": c.ten,
                        "lua_chon": pick.ten if pick else "— (chưa tự đánh giá)",
                        "diem": f"{pick.diem if pick else 0}/{c.diem}",
                    }
                )
    notes = []
    if result.chua_dat_toi_thieu:
        notes.append(
            f"Chưa đạt yêu cầu tối thiểu ở tiêu chí {unmet_text(result)}"
            + (
                f": hạ từ {format_stars(result.hang_theo_diem)} xuống "
                f"{format_stars(result.hang_sao)}."
                if result.bi_ha_hang and not result.de_nghi_trung_uong
                else "."
            )
        )
    if result.de_nghi_trung_uong:
        # Điều 7.3.e: the council result says the same (issue 11).
        notes.append(
            "Tổng điểm từ 90 trở lên: sản phẩm có tiềm năng đạt 5 sao, thuộc diện đề nghị "
            "cấp trung ương đánh giá, phân hạng."
        )
    if missing:
        notes.append(f"Chưa tự đánh giá tiêu chí: {', '.join(missing)} (tính 0 điểm).")
    return {
        "dong": rows,
        "tong_diem": str(result.tong_diem),
        "toi_da": str(rubric.tong_diem),
        "hang_theo_diem": format_stars(result.hang_theo_diem),
        "hang_sao": format_stars(result.hang_sao),
        "ghi_chu": notes,
    }, warnings


def changes_context(data: Mapping[str, Any]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """``thay_doi`` (an upgrade's changes, Điều 6.1.b: what changed and its evidence, the
    paper named as the evidence table names it) and ``cap_nhat`` (a re-evaluation's updates,
    Điều 6.1.c, one row per topic the dossier fills, in the form's order)."""
    report = data.get("bao_cao") if isinstance(data.get("bao_cao"), Mapping) else {}
    assert isinstance(report, Mapping)
    papers = [d for d in data.get("tai_lieu") or [] if isinstance(d, Mapping)]
    changes: list[dict[str, str]] = []
    for i, raw in enumerate(report.get("thay_doi") or [], start=1):
        if not isinstance(raw, Mapping) or not raw.get("noi_dung"):
            continue
        proof = str(raw.get("minh_chung") or "")
        named = [
            evidence_name(d) for d in papers if proof and proof in (d.get("loai"), d.get("tep"))
        ]
        changes.append(
            {
                "stt": str(i),
                "noi_dung": str(raw["noi_dung"]),
                "minh_chung": "; ".join(named) or proof,
            }
        )
    updates_raw = report.get("cap_nhat") if isinstance(report.get("cap_nhat"), Mapping) else {}
    assert isinstance(updates_raw, Mapping)
    updates = [
        {"noi_dung": topic, "cap_nhat": str(updates_raw[key])}
        for key, topic in wording().updates.items()
        if updates_raw.get(key)
    ]
    return changes, updates


def build(data: Mapping[str, Any], source: DossierSource) -> Built:
    ctx = dossier_context(data)
    ctx["ket_qua_tu_danh_gia"], warnings = self_assessment_context(data)
    ctx["thay_doi"], ctx["cap_nhat"] = changes_context(data)
    return Built(ctx, document_day(data.get("ngay_nop")), warnings)


KIND = Kind(
    "bao-cao-tu-danh-gia",
    "Mẫu 02 Báo cáo tự đánh giá về sản phẩm",
    "Form 02 producer's self-assessment report",
    per_product=True,
    from_dossier=build,
)

__all__ = ["KIND", "build", "changes_context", "self_assessment_context"]
