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
from ocop_docs.resources import load_data
from ocop_docs.rules.documents import document_name
from ocop_docs.rules.regimes import DEFAULT_REGIME, rubric_regimes
from ocop_docs.scoring.card import score_card
from ocop_docs.scoring.rubric_files import load_rubric, rubric_for_set
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
    block = data.get("tu_danh_gia")
    choice = block.get("so_bo_tieu_chi") if isinstance(block, dict) else None
    number, problem = rubric_for_set(set_no, regime, choice)
    if number is None:
        assert problem is not None
        return None, [
            Issue(
                "render-self-assessment-problem",
                "/tu_danh_gia",
                params={"problem": problem.message("vi"), "problem_en": problem.message("en")},
            )
        ]
    rubric = load_rubric(number, regime)
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
    # Criteria a stop rule left unevaluated, or whose printed requirement is unmet (issue
    # 11): neither is a box the producer forgot.
    order = [c.so for c in rubric.criteria()]
    stopped_after = (
        set(order[order.index(result.dung_tai) + 1 :]) if result.dung_tai in order else set()
    )
    unmet_requirement = set(result.khong_dat_yeu_cau)
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
                blank = "— (chưa tự đánh giá)"
                if pick is None and c.so in stopped_after:
                    blank = f"— (không đánh giá: sau tiêu chí {result.dung_tai})"
                elif pick is None and c.so in unmet_requirement:
                    blank = "— (chưa đạt yêu cầu của tiêu chí)"
                elif pick is None:
                    missing.append(c.so)
                rows.append(
                    {
                        "loai": "tieu_chi",
                        "so": c.so,
                        "ten": c.ten,
                        "lua_chon": pick.ten if pick else blank,
                        "diem": f"{pick.diem if pick else 0}/{c.diem}",
                    }
                )
    notes = []
    if result.chua_dat_toi_thieu and not (result.loai or result.dung_tai):
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
    # A rule printed in the rubric (issue 11): the specific ground, not "0 sao".
    if result.ly_do_loai and result.loai_theo:
        notes.append(f"Không xếp hạng: {result.ly_do_loai}.")
    if result.dung_tai is not None:
        stop = next((r for r in result.quy_tac if r.loai == "dung"), None)
        text = f" ({stop.noi_dung.rstrip('.')})" if stop is not None else ""
        notes.append(
            f"Không xếp hạng: không đánh giá các bước tiếp theo sau tiêu chí {result.dung_tai}"
            f"{text}."
        )
    if missing:
        notes.append(f"Chưa tự đánh giá tiêu chí: {', '.join(missing)} (tính 0 điểm).")
    return {
        "dong": rows,
        "tong_diem": str(result.tong_diem),
        "toi_da": str(rubric.tong_diem),
        "hang_theo_diem": format_stars(result.hang_theo_diem),
        "hang_sao": format_stars(result.hang_sao) if result.hang_sao else "không xếp hạng",
        "ghi_chu": notes,
    }, warnings


def _evidence(data: Mapping[str, Any], ref: Any) -> str:
    """A change's evidence as Mẫu 02 names papers: a ``tai_lieu`` type or file → the
    papers by name, number and date (as the evidence table); anything else as written."""
    if not isinstance(ref, str) or not ref.strip():
        return ""
    papers = [
        d
        for d in data.get("tai_lieu") or []
        if isinstance(d, dict) and ref in (d.get("loai"), d.get("tep"))
    ]
    if papers:
        return "; ".join(evidence_name(d) for d in papers)
    return document_name(ref) or ref


def changes_context(data: Mapping[str, Any]) -> dict[str, Any]:
    """What Mẫu 02 must show beyond a first evaluation (issue 11): the changes against the
    recognised product for an upgrade (QĐ 26/2026 Điều 6.1.b: "thể hiện rõ nội dung và tài
    liệu minh chứng về những thay đổi") and the updates since recognition for a
    re-evaluation (Điều 6.1.c: nguyên liệu, công nghệ …, giấy tờ pháp lý có thời hạn), in
    the clause's order with its words (the dossier schema's titles of ``cap_nhat``)."""
    report = data.get("bao_cao") if isinstance(data.get("bao_cao"), Mapping) else {}
    assert isinstance(report, Mapping)
    case = data.get("loai_danh_gia")
    changes = []
    if case == "nang_hang":
        for i, item in enumerate(report.get("thay_doi") or [], start=1):
            if isinstance(item, Mapping) and item.get("noi_dung"):
                changes.append(
                    {
                        "stt": str(i),
                        "noi_dung": str(item["noi_dung"]),
                        "minh_chung": _evidence(data, item.get("minh_chung")),
                    }
                )
    updates = []
    raw = report.get("cap_nhat")
    if case == "danh_gia_lai" and isinstance(raw, Mapping):
        schema = load_data("dossier/common.schema.json")
        fields = schema["$defs"]["bao_cao"]["properties"]["cap_nhat"]["properties"]
        for key, spec in fields.items():
            if raw.get(key):
                updates.append({"muc": str(spec["title"]), "noi_dung": str(raw[key])})
    return {"thay_doi_nang_hang": changes, "cap_nhat_danh_gia_lai": updates}


def build(data: Mapping[str, Any], source: DossierSource) -> Built:
    ctx = dossier_context(data)
    ctx.update(changes_context(data))
    ctx["ket_qua_tu_danh_gia"], warnings = self_assessment_context(data)
    return Built(ctx, document_day(data.get("ngay_nop")), warnings)


KIND = Kind(
    "bao-cao-tu-danh-gia",
    "Mẫu 02 Báo cáo tự đánh giá về sản phẩm",
    "Form 02 producer's self-assessment report",
    per_product=True,
    from_dossier=build,
)

__all__ = ["KIND", "build", "changes_context", "self_assessment_context"]
