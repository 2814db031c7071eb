"""Reporters of ``rubric list``, ``rubric show`` and ``rubric score``: text and JSON.

Registered in :mod:`ocop_docs.reporting`; the results come from
:func:`ocop_docs.scoring.rubric_files.list_rubrics`,
:func:`~ocop_docs.scoring.rubric_files.load_rubric` and
:func:`ocop_docs.scoring.score.score_file`.
"""

from __future__ import annotations

import json
from typing import Any

from ocop_docs.catalogue import Lang, ui
from ocop_docs.errors import Issue
from ocop_docs.scoring.card import ScoreResult, result_to_json
from ocop_docs.scoring.rubric_files import rubric_to_json
from ocop_docs.scoring.rubrics import Criterion, Rubric
from ocop_docs.scoring.score import ScoredCard

MISSING_LISTED = 3  # more missing criteria than this are reported on one line (text only)
MISSING_CODE = "scorecard-missing-criterion"


def _t(lang: Lang, key: str, **params: Any) -> str:
    return ui(f"rubric.{key}", lang, **params)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def rubric_list_json(rubrics: list[Rubric], lang: Lang = "vi") -> str:
    return _json(
        [
            {
                "bo_san_pham": r.bo_san_pham,
                "ten": r.ten,
                "nhom": r.nhom,
                "bo_tieu_chi": r.bo_tieu_chi,
                "khong_chinh_thuc": r.khong_chinh_thuc,
                "dau_sao": {str(k): v for k, v in r.marker_counts().items()},
                "so_tieu_chi": len(r.criteria()),
            }
            for r in rubrics
        ]
    )


def rubric_list_text(rubrics: list[Rubric], lang: Lang = "vi") -> str:
    lines = [_t(lang, "list_head")]
    for r in rubrics:
        counts = r.marker_counts()
        marks = f"{counts[3]}/{counts[4]}/{counts[5]}"
        lines.append(f"{r.bo_san_pham:>3}  {r.nhom or '':<4}  {r.ten} ({marks})")
    return "\n".join(lines) + "\n"


def rubric_show_json(rubric: Rubric, lang: Lang = "vi") -> str:
    return _json(rubric_to_json(rubric))


def rubric_show_text(rubric: Rubric, lang: Lang = "vi") -> str:
    return render_rubric_text(rubric, lang) + "\n"


def rubric_score_json(scored: ScoredCard, lang: Lang = "vi") -> str:
    out = result_to_json(scored.result, lang)
    out["tep"] = str(scored.path)
    return _json(out)


def rubric_score_text(scored: ScoredCard, lang: Lang = "vi") -> str:
    return render_score_text(scored.result, lang) + "\n"


def _criterion_lines(c: Criterion, lang: Lang) -> list[str]:
    lines = [f"    {c.so} {c.ten} ({_t(lang, 'points', diem=c.diem)})"]
    for label, values in (
        ("requirement", c.yeu_cau),
        ("condition", c.dieu_kien),
        ("note", c.ghi_chu),
    ):
        lines += [f"        {_t(lang, label)}: {v}" for v in values]
    if c.lua_chon_bo_sung:
        lines.append(f"        {_t(lang, 'added')}")
    cases = {t.ma: t.ten for t in c.truong_hop}
    current_case: str | None = None
    for o in c.lua_chon:
        if o.truong_hop is not None and o.truong_hop != current_case:
            current_case = o.truong_hop
            lines.append(f"        {o.truong_hop}. {cases.get(o.truong_hop, '')}")
        mark = f"  [{_t(lang, 'min_mark', sao=o.sao_toi_thieu)}]" if o.sao_toi_thieu else ""
        lines.append(f"        [{o.stt}] {o.ten} | {_t(lang, 'points', diem=o.diem)}{mark}")
        if o.ghi_chu:
            lines.append(f"            {_t(lang, 'note')}: {o.ghi_chu}")
    return lines


def render_rubric_text(r: Rubric, lang: Lang = "vi") -> str:
    lines = [_t(lang, "set", n=r.bo_san_pham, ten=r.tieu_de or r.ten, regime=r.bo_tieu_chi)]
    if r.khong_chinh_thuc:
        lines.append(_t(lang, "unofficial", regime=r.bo_tieu_chi))
    if r.tieu_de_phu:
        lines.append(r.tieu_de_phu)
    if r.loai_khi:
        lines.append(_t(lang, "disq_head"))
        lines += [f"  - {g}" for g in r.loai_khi]
    else:
        lines.append(_t(lang, "disq_none"))
    for p in r.phan:
        lines.append(f"{_t(lang, 'part', ma=p.ma, ten=p.ten)} ({_t(lang, 'points', diem=p.diem)})")
        for g in p.muc:
            lines.append(f"  {g.so}. {g.ten} ({_t(lang, 'points', diem=g.diem)})")
            subs = {sub.tieu_chi[0]: sub for sub in g.nhom_con}
            for c in g.tieu_chi:
                if c.so in subs:
                    sub = subs[c.so]
                    lines.append(f"   {sub.so} {sub.ten} ({_t(lang, 'points', diem=sub.diem)})")
                lines += _criterion_lines(c, lang)
    if r.ghi_chu_dau_sao:
        lines.append(r.ghi_chu_dau_sao)
    if r.sua_loi_nguon:
        lines.append(_t(lang, "corrections"))
        for fix in r.sua_loi_nguon:
            lines.append(f"  - {_t(lang, 'line', dong=fix.dong)}: {fix.su_dung}. {fix.ly_do}")
    if r.luu_y_nguon:
        lines.append(_t(lang, "remarks"))
        lines += [f"  - {_t(lang, 'line', dong=x.dong)}: {x.ly_do}" for x in r.luu_y_nguon]
    return "\n".join(lines)


def _problem_lines(p: Issue, lang: Lang) -> list[str]:
    where = f"{_t(lang, 'at', line=p.line, column=p.column)}: " if p.line is not None else ""
    lines = [f"  - [{_t(lang, p.severity)}] {where}{p.message(lang)}"]
    hint = p.hint(lang)
    if hint:
        lines.append(f"    {ui('hint', lang)}: {hint}")
    return lines


def _star_lines(result: ScoreResult, lang: Lang) -> list[str]:
    if result.loai:
        lines = [_t(lang, "disqualified")]
        if result.ly_do_loai:
            lines.append(_t(lang, "reason", ly_do=result.ly_do_loai))
        return lines
    if result.dung_tai is not None:
        return [_t(lang, "stopped", tieu_chi=result.dung_tai)]
    star = _t(lang, "star", sao=result.hang_sao)
    capped = min(result.hang_theo_diem, result.muc_toi_thieu_dat)
    if result.bi_ha_hang:
        star += _t(lang, "lowered", band=result.hang_theo_diem)
    elif result.minimum_mode == "warn" and capped < result.hang_sao:
        star += _t(lang, "warn_only", capped=capped)
    return [star]


def render_score_text(result: ScoreResult, lang: Lang = "vi") -> str:
    lines = [_t(lang, "set", n=result.bo_san_pham, ten=result.ten, regime=result.bo_tieu_chi)]
    for part in result.phan:
        lines.append(
            f"{_t(lang, 'part', ma=part.so, ten=part.ten)}: "
            f"{_t(lang, 'of', diem=part.diem, toi_da=part.toi_da)}"
        )
        for g in result.muc:
            if g.phan == part.so:
                lines.append(f"  {g.so}. {g.ten}: {_t(lang, 'of', diem=g.diem, toi_da=g.toi_da)}")
    lines.append(_t(lang, "total", diem=result.tong_diem, toi_da=result.toi_da))
    if not result.ok:
        # A card with errors gets no star (issue 12): a number on the screen would be taken
        # for the result; the problems follow.
        lines.append(_t(lang, "no_star"))
    else:
        lines.append(_t(lang, "band", sao=result.hang_theo_diem))
        lines += _star_lines(result, lang)
    for rule in result.quy_tac:
        lines.append(_t(lang, f"rule_{rule.loai}", tieu_chi=rule.tieu_chi, noi_dung=rule.noi_dung))
    if result.khong_danh_dau:
        lines.append(_t(lang, "unticked", items=", ".join(result.khong_danh_dau)))
    if result.chua_dat_toi_thieu:
        lines.append(_t(lang, "unmet"))
        for u in result.chua_dat_toi_thieu:
            da_chon = (
                _t(lang, "chosen", stt=u.da_chon_stt, diem=u.da_chon_diem)
                if u.da_chon_stt is not None
                else _t(lang, "not_chosen")
            )
            item = _t(
                lang,
                "unmet_item",
                tieu_chi=u.tieu_chi,
                sao=u.sao,
                lua_chon=u.lua_chon,
                diem=u.diem,
                da_chon=da_chon,
            )
            lines.append(f"  - {item}")
    if result.van_de:
        lines.append(_t(lang, "problems"))
        missing = [p for p in result.van_de if p.code == MISSING_CODE]
        # A nearly empty card would list every criterion: one line is easier to read.
        collapse = len(missing) > MISSING_LISTED
        for p in result.van_de:
            if not (collapse and p.code == MISSING_CODE):
                lines += _problem_lines(p, lang)
        if collapse:
            items = ", ".join(str(p.params["tieu_chi"]) for p in missing)
            missing_line = _t(lang, "missing_many", n=len(missing), items=items)
            lines.append(f"  - [{_t(lang, missing[0].severity)}] {missing_line}")
            # The hint of the code does not name the criterion, so it fits the summary too.
            lines.append(f"    {ui('hint', lang)}: {missing[0].hint(lang)}")
    return "\n".join(lines)
