"""Scoring one member's card and a council's result (QĐ 26/2026 Điều 3.3, Phụ lục II).

The expected totals below were added up by hand from the legal text
(``shared/legal/qd-26-2026-qd-ttg.txt``); the comment next to each choice gives the
source line of the chosen option and its points.
"""

from __future__ import annotations

import ast
import importlib
import json
import string
import unicodedata
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from ocop_docs.catalogue import DOSSIER_CODES, ISSUES, LANGS, render_message, stage_codes
from ocop_docs.errors import Issue, OcopError, show_param
from ocop_docs.scoring.bands import star_band
from ocop_docs.scoring.card import result_to_json, score_card
from ocop_docs.scoring.card_file import CardReadError, parse_card, read_card
from ocop_docs.scoring.council import council_result, council_result_to_json
from ocop_docs.scoring.points import format_points
from ocop_docs.scoring.rubric_files import load_rubric
from ocop_docs.scoring.rubrics import Rubric

# The codes of issues/scoring.yaml (formerly the module ocop_docs.catalogue.scoring).
SCORING_SPECS = tuple(ISSUES[code] for code in sorted(stage_codes("scoring")))


def best_card(r: Rubric, **overrides: int) -> dict[str, Any]:
    """The top option of every criterion, with some choices overridden ("6_1" → "6.1")."""
    chon: dict[str, int] = {c.so: len(c.lua_chon) for c in r.criteria()}
    for key, stt in overrides.items():
        chon[key.replace("_", ".")] = stt
    return {"bo_san_pham": r.bo_san_pham, "chon": chon}


def codes(result: Any) -> list[str]:
    return [p.code for p in result.van_de]


# --------------------------------------------------------------------------------------
# Bands (Điều 3.3) and display
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "star"),
    [
        (0, 1),
        (29.99, 1),
        (30, 2),
        (49.9, 2),
        (49.99, 2),
        (50, 3),
        (69.9, 3),
        (69.995, 3),
        (69.999, 3),
        (70, 4),
        (89.9, 4),
        (89.995, 4),
        (90, 5),
        (100, 5),
        (Decimal("69.995"), 3),
        (Fraction(629, 9), 3),  # 69.888…
        (Fraction(630, 9), 4),  # exactly 70
    ],
)
def test_star_band_edges(points: Any, star: int) -> None:
    assert star_band(points) == star


def test_star_band_rejects_non_numbers() -> None:
    with pytest.raises(TypeError):
        star_band(True)
    with pytest.raises(TypeError):
        star_band("70")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (91.14, "91,14"),
        (Fraction(638, 7), "91,14"),  # 91.142857…
        (69.995, "70,00"),  # display only: the star stays 3
        (50, "50,00"),
        (Fraction(1, 3), "0,33"),
        (Fraction(2, 3), "0,67"),
        (0.005, "0,01"),
        (Decimal("88.125"), "88,13"),
        (100, "100,00"),
    ],
)
def test_format_points(value: Any, text: str) -> None:
    assert format_points(value) == text


# --------------------------------------------------------------------------------------
# Hand-computed cards, sets from the six groups
# --------------------------------------------------------------------------------------


def test_set_1_fresh_produce_three_stars() -> None:
    """Group I, set 1 (Rau, củ, quả, hạt tươi): 25 + 12 + 18 = 55 points, 3★."""
    card = {
        "bo_san_pham": 1,
        "chon": {
            "1.1": 3,  # l.257 → 3
            "1.2": 2,  # l.260 → 1
            "1.3": 2,  # l.264 → 2
            "1.4": 2,  # l.268 → 2
            "1.5": 2,  # l.272 → 1
            "1.6": 1,  # l.276 → 1 (****)
            "1.7": 2,  # l.281 → 1       mục 1 = 11
            "2.1": 2,  # l.285 → 1
            "2.2": 3,  # l.291 → 2 (***)
            "2.3": 2,  # l.295 → 2
            "2.4": 2,  # "Có" → 1        mục 2 = 6
            "3.1": 3,  # l.302 → 3
            "3.2": 1,  # l.304 → 0
            "3.3": 3,  # l.309 → 3
            "3.4": 1,  # l.311 → 1
            "3.5": 1,  # l.314 → 1 (***) mục 3 = 8, Phần A = 25
            "4.1": 2,  # l.321 → 2 (***)
            "4.2": 2,  # l.326 → 1
            "4.3": 5,  # l.334 → 5       mục 4 = 8
            "5.1": 3,  # l.339 → 2
            "5.2": 2,  # l.345 → 1
            "5.3": 2,  # l.349 → 1 (***) mục 5 = 4, Phần B = 12
            "6.1": 2,  # l.356 → 1
            "6.2": 3,  # l.362 → 2
            "6.3": 3,  # l.368 → 2
            "6.4": 3,  # l.373 → 2       mục 6 = 7
            "7": 2,  # l.377 → 1
            "8": 4,  # l.383 → 5
            "9": 1,  # l.385 → 2 (***)
            "10": 1,  # l.390 → 1 (***)
            "11": 1,  # l.394 → 1
            "12": 1,  # l.398 → 1        Phần C = 7+1+5+2+1+1+1 = 18
        },
    }
    result = score_card(card, load_rubric(1))
    assert result.van_de == ()
    assert result.tong_diem == 55
    assert [(s.so, s.diem, s.toi_da) for s in result.phan] == [
        ("A", 25, 40),
        ("B", 12, 25),
        ("C", 18, 35),
    ]
    assert [s.diem for s in result.muc] == [11, 6, 8, 8, 4, 7, 1, 5, 2, 1, 1, 1]
    assert [s.phan for s in result.muc][:6] == ["A", "A", "A", "B", "B", "C"]
    assert result.hang_theo_diem == 3
    # All seven 3★ markers are met (2.3 by a higher option than the marked one); 1.5's 4★
    # marker is not, so the minimums allow 3★: the band is not lowered.
    assert result.muc_toi_thieu_dat == 3
    assert result.hang_sao == 3 and not result.bi_ha_hang
    assert result.chua_dat_toi_thieu == ()


def test_set_14_white_spirit_option_two_everywhere() -> None:
    """Group II, set 14 (Rượu trắng): option 2 of every criterion = 46 points, 2★."""
    r = load_rubric(14)
    card = {"bo_san_pham": 14, "chon": {c.so: 2 for c in r.criteria()}}
    # l.2467 2, 2472 2, 2476 2, 2480 1, 2485 2, 2489 1   → mục 1 = 10
    # l.2493 1, 2499 1, 2504 2, song ngữ "Có" 1          → mục 2 = 5
    # l.2510 2, 2514 1, 2517 2, 2521 2, 2524 2           → mục 3 = 9    A = 24
    # l.2530 2, 2535 1, 2540 1 → 4; l.2547 1, 2554 1, 2558 1 → 3        B = 7
    # l.2565 1, 2569 1, 2573 1, 2579 1 → 4; 7: 1; 8: 4; 9: 3; 10: 3     C = 15
    result = score_card(card, r)
    assert result.tong_diem == 46
    assert [s.diem for s in result.phan] == [24, 7, 15]
    assert result.hang_theo_diem == 2
    # 2.2's 3★ marker (l.2500, 2 points) is missed: the minimums allow 2★ only, which is
    # also the band, so nothing is reported as lowering the star.
    assert result.muc_toi_thieu_dat == 2
    assert result.hang_sao == 2 and not result.bi_ha_hang
    assert result.chua_dat_toi_thieu == ()


def test_set_11_tea_third_level_and_corrected_cell() -> None:
    """Group I, set 11 (Chè): leaves 6.1.1 … 6.2.3 are scored; 6.1.1 option 2 is 1 point."""
    r = load_rubric(11)
    card = best_card(r, **{"6_1_1": 2, "6_2_3": 3, "1_2": 1})
    # 6.1.1 l.2049 "| 11" read as 1 (−1 from 2); 6.2.3 l.2070 3 (−2 from 5);
    # 1.2 l.1949 empty cell read as 0 (−2 from 2): 100 − 5 = 95.
    result = score_card(card, r)
    assert result.van_de == ()
    assert result.tong_diem == 95
    assert [s.diem for s in result.phan] == [38, 25, 32]
    assert result.muc[5].diem == 12  # mục 6 Cảm quan: 15 − 1 − 2
    assert result.hang_theo_diem == 5
    # 6.1.1 carries a 4★ marker on its top option (l.2050): capped at 3★.
    assert result.hang_sao == 3 and result.bi_ha_hang
    assert [(u.tieu_chi, u.sao, u.stt) for u in result.chua_dat_toi_thieu] == [("6.1.1", 4, 3)]


def test_set_18_functional_food() -> None:
    """Group III, set 18: direct-option mục 6–14; 100 − 2 − 2 − 1 = 95, 5★ kept."""
    r = load_rubric(18)
    # 7 "CÔNG BỐ" option 1 (l.3199) = 2 of 4; 8 "SỰ TIỆN LỢI" option 3 (l.3204) = 3 of 5;
    # 9 "HIỆU QUẢ SỬ DỤNG" option 3 (l.3209) = 2 of 3.
    card = best_card(r, **{"7": 1, "8": 3, "9": 3})
    result = score_card(card, r)
    assert result.tong_diem == 100 - 2 - 2 - 1
    assert [s.diem for s in result.phan] == [40, 25, 30]
    assert result.hang_sao == 5  # no marker on 7, 8 or 9
    assert result.muc_toi_thieu_dat == 5


def test_set_23_flowers() -> None:
    """Group V, set 23 (Hoa): 6.2 option 2 = 1 point (l.3969) → 96, capped at 3★."""
    r = load_rubric(23)
    result = score_card(best_card(r, **{"6_2": 2}), r)
    assert result.tong_diem == 96
    assert result.hang_theo_diem == 5
    assert result.hang_sao == 3
    assert [(u.tieu_chi, u.sao, u.diem) for u in result.chua_dat_toi_thieu] == [
        ("6.2", 4, 3),
        ("6.2", 5, 5),
    ]
    # Item 9 counts 4 points at most (source "| 4 1", l.3985).
    assert next(s for s in result.muc if s.so == "9").diem == 4


def test_set_26_tourism_with_cases() -> None:
    """Group VI, set 26: 3.4 option 1 (1 of 3, l.4339) and 9 case b option 1 (1 of 2,
    l.4402): 100 − 2 − 1 = 97; 3.4's 4★ marker (l.4340) is missed → 3★."""
    r = load_rubric(26)
    card = best_card(r, **{"3_4": 1, "9": 3})
    result = score_card(card, r)
    assert result.van_de == ()
    assert result.tong_diem == 97
    assert [s.diem for s in result.phan] == [38, 25, 34]
    assert [s.diem for s in result.muc[:5]] == [14, 12, 12, 17, 8]
    assert result.hang_theo_diem == 5 and result.hang_sao == 3
    assert [(u.tieu_chi, u.sao) for u in result.chua_dat_toi_thieu] == [("3.4", 4)]
    # Case b's top option (stt 4) scores like case a's (stt 2): both 2 points.
    assert score_card(best_card(r), r).tong_diem == 100


def test_all_top_options_give_100_and_5_stars_everywhere() -> None:
    for n in range(1, 27):
        r = load_rubric(n)
        result = score_card(best_card(r), r)
        assert (result.tong_diem, result.hang_sao, result.van_de) == (100, 5, ()), n


# --------------------------------------------------------------------------------------
# Star minimums
# --------------------------------------------------------------------------------------


def test_missing_3_star_marker_caps_at_2_stars() -> None:
    r = load_rubric(1)
    # 2.2 option 2 (l.290, 1 point) is below the 3★ option (l.291, 2 points): 100 − 2 = 98.
    card = best_card(r, **{"2_2": 2})
    lowered = score_card(card, r)
    assert lowered.tong_diem == 98 and lowered.hang_theo_diem == 5
    assert lowered.muc_toi_thieu_dat == 2
    assert lowered.hang_sao == 2 and lowered.bi_ha_hang
    unmet = lowered.chua_dat_toi_thieu
    assert [(u.tieu_chi, u.sao, u.stt, u.da_chon_stt) for u in unmet] == [("2.2", 3, 3, 2)]
    assert unmet[0].lua_chon == "Đóng gói sáng tạo, bao bì đẹp"

    warned = score_card(card, r, minimum_mode="warn")
    assert warned.hang_sao == 5 and not warned.bi_ha_hang
    assert warned.muc_toi_thieu_dat == 2
    assert warned.chua_dat_toi_thieu == unmet


def test_missing_4_star_marker_caps_at_3_stars() -> None:
    r = load_rubric(1)
    result = score_card(best_card(r, **{"6_1": 2}), r)  # l.356: 1 of 2 → 99
    assert result.tong_diem == 99
    assert result.hang_sao == 3
    assert [(u.tieu_chi, u.sao) for u in result.chua_dat_toi_thieu] == [("6.1", 4)]


def test_missing_5_star_marker_caps_at_4_stars() -> None:
    r = load_rubric(1)
    result = score_card(best_card(r, **{"1_3": 2}), r)  # l.264: 2 of 3 → 99
    assert result.tong_diem == 99 and result.hang_sao == 4


def test_higher_option_meets_a_lower_marker() -> None:
    r = load_rubric(1)
    # 1.5: option 3 is the 4★ marker (2 points), option 4 (3 points) the 5★ one. Choosing
    # option 4 meets both; the 4★ marker of 1.6 sits on its lowest option (l.276).
    result = score_card(best_card(r, **{"1_6": 1}), r)  # 1.6 → 1 of 3: 98
    assert result.tong_diem == 98
    assert result.hang_sao == 5 and result.chua_dat_toi_thieu == ()


def test_markers_above_the_band_are_not_listed() -> None:
    r = load_rubric(1)
    chon = {c.so: 1 for c in r.criteria()}
    result = score_card({"bo_san_pham": 1, "chon": chon}, r)
    assert result.hang_theo_diem == 1 and result.hang_sao == 1
    assert result.muc_toi_thieu_dat == 2
    assert result.chua_dat_toi_thieu == ()


def test_invalid_minimum_mode_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="minimum_mode"):
        score_card({}, load_rubric(1), minimum_mode="strict")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# Disqualification
# --------------------------------------------------------------------------------------


def test_disqualified_card_has_no_star() -> None:
    r = load_rubric(21)
    card = best_card(r)
    card["loai"] = True
    card["ly_do_loai"] = "Giả mạo hồ sơ"
    result = score_card(card, r)
    assert result.loai and result.ly_do_loai == "Giả mạo hồ sơ"
    assert result.tong_diem == 100 and result.hang_theo_diem == 5
    assert result.hang_sao == 0 and not result.bi_ha_hang
    assert result.van_de == () and result.ok


def test_disqualified_without_reason_is_a_warning() -> None:
    r = load_rubric(21)
    card = {**best_card(r), "loai": True}
    result = score_card(card, r)
    assert codes(result) == ["scorecard-disqualified-without-reason"]
    assert result.ok and result.hang_sao == 0


def test_disqualification_must_be_boolean() -> None:
    r = load_rubric(2)
    result = score_card({**best_card(r), "loai": "có"}, r)
    assert codes(result) == ["scorecard-invalid-disqualification"]
    assert not result.ok and not result.loai


# --------------------------------------------------------------------------------------
# Bad cards are data, never exceptions
# --------------------------------------------------------------------------------------


def test_unknown_criterion_and_option() -> None:
    r = load_rubric(1)
    card = best_card(r)
    card["chon"]["1.9"] = 1
    card["chon"]["4.1"] = 7
    card["chon"]["4.2"] = "3"
    card["chon"]["4.3"] = True
    result = score_card(card, r)
    # reported in card order: 4.1, 4.2, 4.3 were already there, 1.9 was added last
    assert codes(result) == [
        "scorecard-unknown-option",
        "scorecard-invalid-option",
        "scorecard-invalid-option",
        "scorecard-unknown-criterion",
    ]
    unknown_option = result.van_de[0]
    assert dict(unknown_option.params) == {
        "tieu_chi": "4.1",
        "stt": 7,
        "so_lua_chon": 4,
        "bo_san_pham": 1,
    }
    assert unknown_option.pointer == "/chon/4.1"
    assert unknown_option.severity == "error"
    assert unknown_option.message() == "Tiêu chí 4.1 không có lựa chọn số 7 (chỉ có 1 đến 4)."
    assert unknown_option.message("en") == "Criterion 4.1 has no option 7 (options are 1 to 4)."
    assert "từ 1 đến 4" in unknown_option.hint()
    assert unknown_option.hint().endswith("ocop-docs rubric show 1")
    assert unknown_option.hint("en").endswith("ocop-docs rubric show 1")
    assert result.van_de[1].message() == (
        "Lựa chọn của tiêu chí 4.2 phải là số thứ tự (số nguyên), phiếu ghi «3»; "
        "tiêu chí này không được tính điểm."
    )
    assert "phiếu ghi «true»" in result.van_de[2].message()
    # 4.1, 4.2 and 4.3 add nothing: 100 − 5 − 3 − 5
    assert result.tong_diem == 87
    assert not result.ok


def test_missing_criteria_count_zero() -> None:
    r = load_rubric(1)
    card = best_card(r)
    del card["chon"]["3.3"]
    del card["chon"]["9"]
    result = score_card(card, r)
    assert codes(result) == ["scorecard-missing-criterion", "scorecard-missing-criterion"]
    assert [p.params["tieu_chi"] for p in result.van_de] == ["3.3", "9"]
    assert result.tong_diem == 100 - 3 - 5
    # 9 carries a 3★ marker: without a choice it is not met.
    assert result.hang_sao == 2


def test_heading_is_not_a_criterion() -> None:
    r = load_rubric(11)
    card = best_card(r)
    card["chon"]["6.1"] = 2
    result = score_card(card, r)
    assert codes(result) == ["scorecard-criterion-is-heading"]
    assert "6.1.1, 6.1.2" in result.van_de[0].message()
    assert "6.1.1, 6.1.2" in result.van_de[0].hint("en")


def test_wrong_set_regime_and_shapes() -> None:
    r = load_rubric(1)
    assert "scorecard-set-mismatch" in codes(score_card({**best_card(r), "bo_san_pham": 2}, r))
    assert "scorecard-set-invalid" in codes(score_card({**best_card(r), "bo_san_pham": "một"}, r))
    regime = score_card({**best_card(r), "bo_tieu_chi": "148/2023"}, r)
    assert "scorecard-regime-mismatch" in codes(regime)
    no_set = score_card({"chon": best_card(r)["chon"]}, r)
    assert codes(no_set) == ["scorecard-set-missing"] and no_set.ok  # a warning
    assert no_set.van_de[0].severity == "warning"
    not_mapping = score_card([1, 2], r)  # type: ignore[arg-type]
    assert codes(not_mapping) == ["scorecard-not-mapping"] and not_mapping.tong_diem == 0
    assert codes(score_card({"bo_san_pham": 1}, r))[0] == "scorecard-choices-missing"
    no_map = codes(score_card({"bo_san_pham": 1, "chon": [1]}, r))
    assert no_map[0] == "scorecard-choices-not-mapping"
    typo = score_card({**best_card(r), "chọn": {}}, r)
    assert codes(typo) == ["scorecard-unknown-field"] and typo.ok


def test_numeric_keys_from_python() -> None:
    r = load_rubric(1)
    chon: dict[Any, int] = {
        float(c.so) if c.so.count(".") == 1 else int(c.so): len(c.lua_chon) for c in r.criteria()
    }
    result = score_card({"bo_san_pham": 1, "chon": chon}, r)
    assert result.van_de == () and result.tong_diem == 100


def _codes_in_source(module_name: str) -> set[str]:
    """Every "scorecard-*" string literal of a module (the codes it can emit)."""
    module = importlib.import_module(module_name)
    source = Path(str(module.__file__)).read_text(encoding="utf-8")
    return {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("scorecard-")
    }


def test_every_scorecard_code_is_catalogued_with_messages_and_hints() -> None:
    scorecard_codes = {code for code in ISSUES if code.startswith("scorecard-")}
    assert scorecard_codes == {spec.code for spec in SCORING_SPECS}
    assert len(SCORING_SPECS) == len(scorecard_codes)  # no duplicate inside the module
    assert not scorecard_codes & DOSSIER_CODES
    for spec in SCORING_SPECS:
        assert ISSUES[spec.code] is spec
        assert spec.code == spec.code.lower() and " " not in spec.code
        assert spec.severity in ("error", "warning")
        assert "scorecard" in spec.tags
        for text in (spec.vi, spec.en, spec.hint_vi, spec.hint_en):
            assert text.strip(), spec.code
            assert unicodedata.is_normalized("NFC", text), spec.code
        assert spec.vi != spec.en and spec.hint_vi != spec.hint_en, spec.code
        # Both languages use the same parameters, so one set of params fills both.
        assert _fields(spec.vi) == _fields(spec.en), spec.code
        assert _fields(spec.hint_vi) == _fields(spec.hint_en), spec.code


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_code_scoring_can_emit_is_catalogued() -> None:
    emitted = set().union(
        *(_codes_in_source(f"ocop_docs.scoring.{m}") for m in ("card", "card_file", "council"))
    )
    # + scorecard-rules-invalid, scorecard-rule-unknown, scorecard-rubric-unofficial (issue 11)
    assert len(emitted) == 21
    for code in (
        emitted
        | _codes_in_source("ocop_docs.cli.rubric")
        | _codes_in_source("ocop_docs.scoring.score")
    ):
        assert code in ISSUES, code
        assert ISSUES[code].hint_vi and ISSUES[code].hint_en


@pytest.mark.parametrize("spec", SCORING_SPECS, ids=lambda s: s.code)
def test_problem_renders_from_the_catalogue(spec: Any) -> None:
    params = {
        "bo_san_pham": 11,
        "tieu_chi": "6.1",
        "tieu_chi_con": ["6.1.1", "6.1.2"],
        "ten": "Ngoại hình",
        "stt": 9,
        "so_lua_chon": 3,
        "gia_tri": "ba",
        "phieu": 2,
        "bo_tieu_chi": "26/2026",
        "known": "26/2026",
        "truong": "chọn",
        "thanh_vien": 2,
        "ghi": Fraction(195, 2),
        "tinh": 99,
        "path": "phieu.yaml",
        "where": ", dòng 3, cột 1",
        "reason": "không phải UTF-8",
        "co_quy_tac": ["1.1", "6.1"],
        "candidates": "8 (Chế biến từ thịt, trứng, sữa), 9 (Chế biến từ thủy, hải sản)",
        "tuy_chon_bo_tieu_chi": " --regime 1048/2019",  # optional: "" when absent
        # defaulted to the default regime's wording when absent (ui/mac_dinh.yaml)
        "van_ban_tieu_chi": "QĐ 1048/QĐ-TTg Phụ lục III",
        "dau_sao": "",
    }
    for template in (spec.vi, spec.hint_vi):
        assert _fields(template) <= set(params), spec.code
    problem = Issue(spec.code, "/chon/6.1", 7, 3, params)
    assert problem.severity == spec.severity and problem.tags == spec.tags
    for lang in LANGS:
        message, hint = problem.message(lang), problem.hint(lang)
        assert message and hint and "{" not in message + hint
    data = problem.to_json("en", params=True)
    assert data["code"] == spec.code and data["hint"] == problem.hint("en")
    assert data["message"] == problem.message("en") and data["line"] == 7
    assert (data["pointer"], data["column"], data["severity"]) == ("/chon/6.1", 3, spec.severity)
    assert data["params"]["ghi"] == 97.5 and data["params"]["tieu_chi_con"] == ["6.1.1", "6.1.2"]
    json.dumps(data)  # JSON-safe, Fractions included


def test_problem_display_of_lists_and_points() -> None:
    problem = Issue(
        "scorecard-total-mismatch", params={"thanh_vien": 2, "ghi": Fraction(195, 2), "tinh": 99}
    )
    assert problem.message() == (
        "Thành viên 2: tổng điểm ghi 97,50 nhưng phiếu chấm cộng được 99; "
        "điểm trung bình dùng tổng điểm đã ghi."
    )
    assert "recorded as 97.50 but the card adds up to 99" in problem.message("en")
    # The parameters keep their values; only the text of a language shows them.
    assert problem.params == {"thanh_vien": 2, "ghi": Fraction(195, 2), "tinh": 99}
    # JSON keeps the values as numbers.
    assert problem.to_json(params=True)["params"] == {"thanh_vien": 2, "ghi": 97.5, "tinh": 99}
    assert "params" not in problem.to_json()  # the dossier report's shape
    heading = Issue("scorecard-criterion-is-heading", params={"tieu_chi_con": ["6.1.1", "6.1.2"]})
    assert "6.1.1, 6.1.2" in heading.message() and "6.1.1, 6.1.2" in heading.message("en")
    assert render_message(heading.code, {}, "en").startswith("… is a heading")


def test_every_issue_and_error_shows_its_params_by_language() -> None:
    assert (show_param(Fraction(638, 7), "vi"), show_param(Fraction(638, 7), "en")) == (
        "91,14",
        "91.14",
    )
    assert show_param(["6.1.1", "6.1.2"]) == "6.1.1, 6.1.2"
    assert show_param((Fraction(1, 2), 3), "en") == "0.50, 3"
    assert (show_param(True), show_param(None), show_param({"a": 1})) == (
        "true",
        "null",
        '{"a": 1}',
    )
    assert show_param(7) == 7 and show_param("ba") == "ba"  # left to the template
    # An exception carries its parameters the same way.
    error = OcopError("scorecard-total-mismatch", thanh_vien=1, ghi=Fraction(638, 7), tinh=90)
    assert "91,14" in str(error) and "91,14" in error.message("vi")
    assert "91.14" in error.message("en")


def test_self_assessment_style_issue_from_a_card() -> None:
    r = load_rubric(1)
    card = best_card(r)
    card["chon"]["4.1"] = 9
    issue = score_card(card, r).van_de[0]
    assert isinstance(issue, Issue)
    assert issue.code == "scorecard-unknown-option" and issue.pointer == "/chon/4.1"
    assert issue.params == {"tieu_chi": "4.1", "stt": 9, "so_lua_chon": 4, "bo_san_pham": 1}
    assert issue.to_json()["hint"].endswith("ocop-docs rubric show 1")


# --------------------------------------------------------------------------------------
# Reading cards
# --------------------------------------------------------------------------------------


def test_yaml_keys_stay_as_written_and_lines_are_known() -> None:
    text = 'bo_san_pham: 1\nchon:\n  1.1: 3\n  7: 2\n  "1.2": 9\n  1.10: 1\n'
    sc = parse_card(text, Path("phieu.yaml"))
    assert list(sc.data["chon"]) == ["1.1", "7", "1.2", "1.10"]
    result = score_card(sc, load_rubric(1))
    problems = {p.code: p for p in result.van_de}
    unknown_option = problems["scorecard-unknown-option"]
    assert (unknown_option.line, unknown_option.column) == (5, 3)
    assert problems["scorecard-unknown-criterion"].params["tieu_chi"] == "1.10"
    assert problems["scorecard-unknown-criterion"].line == 6


def test_duplicate_keys_are_reported() -> None:
    sc = parse_card("bo_san_pham: 1\nchon:\n  1.1: 3\n  1.1: 1\n")
    result = score_card(sc, load_rubric(1))
    dup = [p for p in result.van_de if p.code == "scorecard-duplicate-criterion"]
    assert len(dup) == 1 and dup[0].line == 4
    assert dup[0].message() == (
        "Tiêu chí 1.1 được ghi hơn một lần; chỉ lựa chọn ghi sau cùng được tính."
    )


def test_yaml_syntax_error_has_line() -> None:
    with pytest.raises(CardReadError) as info:
        parse_card("bo_san_pham: 1\nchon:\n  1.1: 3\n   1.2: [\n", Path("x.yaml"))
    err = info.value
    assert err.line == 4 and err.exit_code == 1
    assert "x.yaml" in err.message() and "dòng 4" in err.message()
    assert "line 4" in err.message("en")


def test_json_syntax_error_has_line(tmp_path: Path) -> None:
    path = tmp_path / "phieu.json"
    path.write_text('{\n  "bo_san_pham": 1,\n  "chon": {"1.1": 3,}\n}\n', encoding="utf-8")
    with pytest.raises(CardReadError) as info:
        read_card(path)
    assert info.value.line == 3 and str(path) in info.value.message()


def test_json_card_with_positions(tmp_path: Path) -> None:
    path = tmp_path / "phieu.json"
    path.write_text('{"bo_san_pham": 1,\n "chon": {\n  "1.1": 8}}\n', encoding="utf-8")
    result = score_card(read_card(path), load_rubric(1))
    assert result.van_de[0].code == "scorecard-unknown-option" and result.van_de[0].line == 3


def test_missing_card_file(tmp_path: Path) -> None:
    with pytest.raises(CardReadError) as info:
        read_card(tmp_path / "none.yaml")
    assert info.value.exit_code == 1


def test_result_json_is_serialisable() -> None:
    r = load_rubric(1)
    data = result_to_json(score_card(best_card(r, **{"2_2": 2}), r), "en")
    text = json.dumps(data, ensure_ascii=False)
    back = json.loads(text)
    assert back["tong_diem"] == 98 and back["hang_sao"] == 2 and back["hang_theo_diem"] == 5
    assert (
        back["chua_dat_toi_thieu"][0]["lua_chon_yeu_cau"]["ten"] == "Đóng gói sáng tạo, bao bì đẹp"
    )
    assert [p["diem"] for p in back["phan"]] == [38, 25, 35]


# --------------------------------------------------------------------------------------
# The council
# --------------------------------------------------------------------------------------


def test_council_mean_is_exact_and_displayed_with_comma() -> None:
    # Seven members totalling 638: mean 91.142857…, printed "91,14" (cf. QĐ 2890/QĐ-BNN
    # for Tài Hoan's miến dong, domain brief §12.3).
    result = council_result([92, 91, 90, 93, 91, 90, 91])
    assert result.diem_trung_binh == Fraction(638, 7)
    assert result.diem_trung_binh_hien_thi == "91,14"
    assert result.hang_sao == 5 and result.de_nghi_trung_uong
    assert result.chenh_lech == 3 and not result.vuot_chenh_lech
    assert result.muc_toi_thieu_dat is None


def test_council_band_edge_69_995() -> None:
    result = council_result([69.99, 70])
    assert result.diem_trung_binh == Fraction(69995, 1000)
    assert result.hang_sao == 3
    assert result.diem_trung_binh_hien_thi == "70,00"


def test_council_spread() -> None:
    assert council_result([80, 95]).vuot_chenh_lech  # 15 > 10
    assert not council_result([80, 90]).vuot_chenh_lech  # exactly 10 is allowed
    assert council_result([80, 90], spread_max=5).vuot_chenh_lech
    assert not council_result([50, 95], spread_max=None).vuot_chenh_lech


def test_council_below_90_not_proposed() -> None:
    result = council_result([89, 90, 90])
    assert result.diem_trung_binh == Fraction(269, 3) and result.hang_sao == 4
    assert not result.de_nghi_trung_uong


def test_council_minimums_by_half_of_members() -> None:
    r = load_rubric(1)
    good = best_card(r)
    weak = best_card(r, **{"6_1": 2})  # misses the 4★ marker of 6.1: 99
    # 2 of 3 members met the marker → met; the mean 99.67 keeps 5★.
    two_of_three = council_result(None, r, [good, good, weak])
    assert two_of_three.tong_diem_thanh_vien == (Fraction(100), Fraction(100), Fraction(99))
    assert two_of_three.hang_sao == 5 and two_of_three.muc_toi_thieu_dat == 5
    assert two_of_three.de_nghi_trung_uong
    # 1 of 2 is half → met.
    assert council_result(None, r, [good, weak]).hang_sao == 5
    # 1 of 3 → not met: capped at 3★; still proposed for 5★ evaluation, because the mean is
    # from 90 up (Điều 7.3.e "đạt từ 90 trở lên"; issue 11), with the unmet marker listed.
    one_of_three = council_result(None, r, [good, weak, weak])
    assert one_of_three.hang_sao == 3 and one_of_three.de_nghi_trung_uong
    unmet = one_of_three.chua_dat_toi_thieu
    assert [(u.tieu_chi, u.sao, u.so_dat, u.so_thanh_vien) for u in unmet] == [("6.1", 4, 1, 3)]
    # warn mode keeps the band
    assert council_result(None, r, [good, weak, weak], minimum_mode="warn").hang_sao == 5


def test_council_totals_checked_against_cards() -> None:
    r = load_rubric(1)
    result = council_result([100, 97], r, [best_card(r), best_card(r, **{"6_1": 2})])
    assert [p.code for p in result.van_de] == ["scorecard-total-mismatch"]
    assert dict(result.van_de[0].params) == {"thanh_vien": 2, "ghi": 97, "tinh": 99}
    assert result.diem_trung_binh == Fraction(197, 2)  # the recorded totals are used


def test_council_card_problems_name_the_member() -> None:
    r = load_rubric(1)
    bad = best_card(r)
    bad["chon"]["4.1"] = 9
    result = council_result(None, r, [best_card(r), bad])
    assert [(p.code, p.params["thanh_vien"], p.pointer) for p in result.van_de] == [
        ("scorecard-unknown-option", 2, "/1/chon/4.1")
    ]


def test_council_disqualification() -> None:
    r = load_rubric(1)
    flagged = {**best_card(r), "loai": True, "ly_do_loai": "Giả mạo hồ sơ"}
    assert council_result(None, r, [flagged, best_card(r)]).hang_sao == 0  # half
    kept = council_result(None, r, [flagged, best_card(r), best_card(r)])
    assert kept.hang_sao == 5 and not kept.loai
    assert council_result([95, 96], loai=True).hang_sao == 0


def test_council_argument_errors() -> None:
    with pytest.raises(ValueError):
        council_result([])
    with pytest.raises(ValueError):
        council_result(None)
    with pytest.raises(ValueError):
        council_result([90], None, [{}])
    r = load_rubric(1)
    with pytest.raises(ValueError):
        council_result([90, 91], r, [best_card(r)])


def test_council_json() -> None:
    data = council_result_to_json(council_result([92, 91, 90, 93, 91, 90, 91]))
    assert data["diem_trung_binh_hien_thi"] == "91,14"
    assert data["hang_sao"] == 5 and data["de_nghi_trung_uong"] is True
    json.dumps(data, ensure_ascii=False)


# --------------------------------------------------------------------------------------
# Unticked criteria (issue 11): Phụ lục II is a tick-box sheet; 378 of its 787 criteria
# print no 0-point option, so a member may tick nothing.
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("blank", [None, 0])
def test_unticked_criterion_is_zero_points_not_an_error(blank: int | None) -> None:
    r = load_rubric(1)
    card = best_card(r)
    card["chon"]["3.4"] = blank  # 3.4 of set 1 prints no 0-point option
    result = score_card(card, r)
    assert result.ok and codes(result) == []
    assert result.khong_danh_dau == ("3.4",)
    assert "3.4" not in {c.tieu_chi for c in result.lua_chon}
    top_34 = max(o.diem for o in r.criterion("3.4").lua_chon)  # type: ignore[union-attr]
    assert result.tong_diem == 100 - top_34
    assert result_to_json(result)["khong_danh_dau"] == ["3.4"]


def test_unticked_fails_only_the_markers_of_its_own_criterion() -> None:
    r = load_rubric(1)
    unmarked = next(c for c in r.criteria() if not c.markers)
    marked = next(c for c in r.criteria() if any(o.sao_toi_thieu == 3 for o in c.markers))
    quiet = score_card(best_card(r, **{unmarked.so.replace(".", "_"): 0}), r)
    assert quiet.chua_dat_toi_thieu == () and quiet.muc_toi_thieu_dat == 5
    loud = score_card(best_card(r, **{marked.so.replace(".", "_"): 0}), r)
    assert {u.tieu_chi for u in loud.chua_dat_toi_thieu} == {marked.so}
    assert loud.hang_sao == 2  # its 3★ marker is unmet: capped below 3★


def test_left_out_criterion_is_a_warning_and_unticked() -> None:
    r = load_rubric(1)
    card = best_card(r)
    del card["chon"]["3.5"]
    result = score_card(card, r)
    assert result.ok and codes(result) == ["scorecard-missing-criterion"]
    assert result.van_de[0].severity == "warning"
    assert result.khong_danh_dau == ("3.5",)


def test_council_with_an_unticked_card_has_a_result() -> None:
    r = load_rubric(2)
    full = best_card(r)
    blank = best_card(r)
    blank["chon"]["3.4"] = None
    result = council_result(None, r, [full, blank, full])
    assert not [p for p in result.van_de if p.severity == "error"]
    assert result.hang_sao == 5


# --------------------------------------------------------------------------------------
# Rules printed inside criteria (issue 11): quy_tac of the rubric files
# --------------------------------------------------------------------------------------


def test_rubric_rules_as_data_where_the_text_prints_them() -> None:
    kinds = {n: {(r.loai, r.tieu_chi) for r in load_rubric(n).quy_tac} for n in range(1, 27)}
    for n in [*range(7, 16), 18, 19, 20]:
        assert ("loai", "1.1") in kinds[n], n  # "Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu"
    for n in range(5, 15):
        assert ("loai", "2.1") in kinds[n], n  # "Bị loại nếu phát hiện giống hệt sản phẩm …"
    for n in (21, 22):
        (rule,) = [r for r in load_rubric(n).quy_tac if r.loai == "loai"]
        assert (rule.tieu_chi, rule.lua_chon) == ("6.2", 3)
        assert rule.noi_dung == "Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ"
    for n in (19, 20):
        assert ("dung", "6") in kinds[n]  # "Không đánh giá các bước tiếp theo nếu không có …"
    for n in [*range(1, 5), 23, 24, 25]:
        assert ("yeu_cau", "1.1") in kinds[n]  # "Yêu cầu: 100% sản phẩm … cấp tỉnh"
    (zero,) = load_rubric(16).quy_tac
    assert zero.khi_0_diem == ("6.1", "6.2", "6.3", "6.4")
    assert kinds[26] == set()


def test_disqualifying_rule_applied() -> None:
    r = load_rubric(7)
    result = score_card({**best_card(r), "quy_tac_ap_dung": ["1.1"]}, r)
    assert result.loai and result.hang_sao == 0 and result.loai_theo == ("1.1",)
    assert result.ly_do_loai is not None
    assert result.ly_do_loai.startswith("Bị loại theo tiêu chí 1.1 (Bị loại nếu sử dụng")
    assert result.tong_diem == 100  # points still added up for the record
    assert result_to_json(result)["quy_tac_ap_dung"][0]["loai"] == "loai"
    ip = load_rubric(21)
    assert score_card({**best_card(ip), "quy_tac_ap_dung": ["6.2"]}, ip).loai_theo == ("6.2",)


def test_stop_rule_by_finding_ends_the_evaluation() -> None:
    r = load_rubric(4)
    result = score_card({**best_card(r), "quy_tac_ap_dung": ["6.1"]}, r)
    order = [c.so for c in r.criteria()]
    after = order[order.index("6.1") + 1 :]
    assert result.dung_tai == "6.1" and result.hang_sao == 0 and not result.loai
    assert not {c.tieu_chi for c in result.lua_chon} & set(after)
    lost = sum(len(r.criterion(so).lua_chon) and r.criterion(so).diem for so in after)  # type: ignore[union-attr]
    assert result.tong_diem == 100 - lost
    assert not result.bi_ha_hang


def test_stop_rule_of_set_16_applies_by_itself() -> None:
    r = load_rubric(16)
    stopped = score_card(best_card(r, **{"6_2": 1}), r)  # "Có màu": 0 points
    assert stopped.dung_tai == "6.4" and stopped.hang_sao == 0
    unticked = best_card(r)
    unticked["chon"]["6.2"] = None  # an unticked box is not "được 0 điểm"
    assert score_card(unticked, r).dung_tai is None


def test_unmet_requirement_scores_the_criterion_zero_only() -> None:
    r = load_rubric(1)
    result = score_card({**best_card(r), "quy_tac_ap_dung": ["1.1"]}, r)
    assert result.khong_dat_yeu_cau == ("1.1",) and not result.loai
    assert result.tong_diem == 100 - r.criterion("1.1").diem  # type: ignore[union-attr]
    assert "1.1" not in {c.tieu_chi for c in result.lua_chon}


def test_rule_entries_checked() -> None:
    r = load_rubric(1)
    unknown = score_card({**best_card(r), "quy_tac_ap_dung": ["3.4"]}, r)
    assert codes(unknown) == ["scorecard-rule-unknown"] and unknown.ok
    assert "1.1, 6.1" in unknown.van_de[0].hint()
    bad = score_card({**best_card(r), "quy_tac_ap_dung": "1.1"}, r)
    assert codes(bad) == ["scorecard-rules-invalid"] and not bad.ok


def test_council_follows_a_stop_found_by_half_of_the_cards() -> None:
    r = load_rubric(4)
    good = best_card(r)
    stop = {**good, "quy_tac_ap_dung": ["6.1"]}
    assert council_result(None, r, [good, stop]).dung_tai == "6.1"
    assert council_result(None, r, [good, stop]).hang_sao == 0
    assert council_result(None, r, [good, good, stop]).dung_tai is None
