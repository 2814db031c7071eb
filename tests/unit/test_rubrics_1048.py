"""The 26 rubrics of QĐ 1048/QĐ-TTg (2019) Phụ lục III as data (issue 11, historical regimes).

Invariants as for QĐ 26/2026 (tests/unit/test_rubrics.py), with the 1048 parts (A 35 /
B 25 / C 40), no star markers, and the source's own inconsistencies kept as printed where,
and only where, ``luu_y_nguon`` records them; a test against the legal text itself.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ocop_docs.resources import schemas_dir
from ocop_docs.rules.product_sets import SET_NUMBERS
from ocop_docs.rules.regimes import regime, rubric_regimes
from ocop_docs.scoring.card import score_card
from ocop_docs.scoring.rubric_files import (
    RUBRIC_SCHEMA,
    RubricError,
    list_rubrics,
    load_rubric,
    rubric_for_set,
    rubric_to_json,
)
from ocop_docs.scoring.rubrics import Rubric
from ocop_docs.validation.checks.schema import quick_valid

REPO = Path(__file__).resolve().parents[2]
LEGAL_TEXT = REPO.parent / "shared" / "legal" / "qd-1048-2019-qd-ttg.txt"
REGIME = "1048/2019"
RUBRIC_DIR = schemas_dir() / "rubrics" / "1048-2019"

needs_source = pytest.mark.skipif(not LEGAL_TEXT.is_file(), reason="legal text not available")

# QĐ 1048 Phụ lục III, the index (lines 826–852 of the reference copy).
INDEX_NAMES = {
    1: "Rau, củ, quả, hạt tươi",
    2: "Thịt, trứng, sữa tươi",
    3: "Gạo, ngũ cốc",
    4: "Mật ong, các sản phẩm từ mật ong, mật khác",
    5: "Đồ ăn nhanh",
    6: "Chế biến từ gạo, ngũ cốc",
    7: "Chế biến từ rau, củ, quả, hạt",
    8: "Chế biến từ thịt, trứng, sữa",
    9: "Chế biến từ thủy, hải sản",
    10: "Tương, nước mắm, gia vị dạng lỏng khác",
    11: "Gia vị khác (hành, tỏi, tiêu)",
    12: "Chè tươi, chè chế biến",
    13: "Các sản phẩm từ chè khác",
    14: "Cà phê, cacao",
    15: "Rượu trắng",
    16: "Đồ uống có cồn khác",
    17: "Nước khoáng thiên nhiên, nước tinh khiết",
    18: "Đồ uống không cồn khác",
    19: "Thực phẩm chức năng, thuốc từ dược liệu, thuốc y học cổ truyền",
    20: "Mỹ phẩm",
    21: "Trang thiết bị, dụng cụ y tế",
    22: "Thảo dược khác",
    23: "Thủ công mỹ nghệ, trang trí",
    24: "Thủ công mỹ nghệ gia dụng",
    25: "Vải, may mặc",
    26: "Dịch vụ du lịch - truyền thống - lễ hội",
}

# The header of the legal text (VALIDATION): per part, declared / criterion maxima as
# printed / best options. Set 26 Phần C is additive (each "Có" item its own criterion here),
# so its best options add up to 40, not the 15 of a pick-one reading.
PRINTED_SUMS = {
    4: {"C": (40, 41, 40)},
    7: {"A": (35, 35, 34)},
    13: {"C": (40, 39, 40)},
    17: {"C": (40, 42, 40)},
    19: {"C": (40, 40, 38)},
    25: {"C": (40, 38, 40)},
    26: {"A": (35, 34, 34)},
}
# The criteria whose printed maximum differs from their best option (the header's "!").
PRINTED_MAXIMA = {
    4: ("9.1", 3, 2),
    7: ("3.1", 3, 2),
    13: ("6.3", 2, 3),
    17: ("6.1", 5, 3),
    19: ("10", 5, 3),
    25: ("6.5", 3, 5),
}


@pytest.fixture(scope="module")
def rubrics() -> dict[int, Rubric]:
    return {r.bo_san_pham: r for r in list_rubrics(REGIME)}


def _sums(r: Rubric, ma: str) -> tuple[int, int, int]:
    part = next(p for p in r.phan if p.ma == ma)
    stated = sum(c.diem for g in part.muc for c in g.tieu_chi)
    best = sum(max(o.diem for o in c.lua_chon) for g in part.muc for c in g.tieu_chi)
    return part.diem, stated, best


def test_the_regime_names_its_rubric_folder() -> None:
    # The loader picks the folder from schemas/rules/1048-2019.yaml, not from code.
    assert regime(REGIME).rubric_dir == "rubrics/1048-2019"
    assert REGIME in rubric_regimes()


def test_all_26_rubrics_with_their_index_names(rubrics: dict[int, Rubric]) -> None:
    assert {n: r.ten for n, r in rubrics.items()} == INDEX_NAMES
    assert all(r.bo_tieu_chi == REGIME for r in rubrics.values())


@pytest.mark.parametrize("n", SET_NUMBERS)
def test_parts_are_35_25_40_and_sums_as_printed(rubrics: dict[int, Rubric], n: int) -> None:
    r = rubrics[n]
    assert [(p.ma, p.diem) for p in r.phan] == [("A", 35), ("B", 25), ("C", 40)]
    for ma in "ABC":
        assert _sums(r, ma) == PRINTED_SUMS.get(n, {}).get(ma, (PART_POINTS[ma],) * 3), ma


PART_POINTS = {"A": 35, "B": 25, "C": 40}


@pytest.mark.parametrize("n", SET_NUMBERS)
def test_printed_maximum_differs_only_where_recorded(rubrics: dict[int, Rubric], n: int) -> None:
    r = rubrics[n]
    recorded = {s.dong for s in r.luu_y_nguon}
    differing = [
        (c.so, c.diem, max(o.diem for o in c.lua_chon))
        for c in r.criteria()
        if max(o.diem for o in c.lua_chon) != c.diem
    ]
    assert differing == ([PRINTED_MAXIMA[n]] if n in PRINTED_MAXIMA else [])
    for so, _, _ in differing:
        c = r.criterion(so)
        assert c is not None and c.nguon_dong in recorded


@pytest.mark.parametrize("n", SET_NUMBERS)
def test_no_star_markers(rubrics: dict[int, Rubric], n: int) -> None:
    # QĐ 1048 has no "*" in Phụ lục III; Điều 1.2 bands the total only.
    assert rubrics[n].marker_counts() == {3: 0, 4: 0, 5: 0}
    assert rubrics[n].ghi_chu_dau_sao is None


def test_set_26_part_c_is_additive(rubrics: dict[int, Rubric]) -> None:
    r = rubrics[26]
    part_c = next(p for p in r.phan if p.ma == "C")
    assert [(g.so, g.diem, len(g.tieu_chi)) for g in part_c.muc] == [
        ("6", 5, 4), ("7", 6, 4), ("8", 6, 3), ("9", 5, 3), ("10", 5, 4), ("11", 5, 3),
        ("12", 8, 3),
    ]  # fmt: skip
    item = r.criterion("12.3")
    assert item is not None and item.ten == "Nhân viên hướng dẫn có thể dùng 1 ngoại ngữ"
    assert [(o.ten, o.diem) for o in item.lua_chon] == [("Không", 0), ("Có", 3)]
    assert item.lua_chon_bo_sung
    # Every item "Có": Phần C 40.
    card = {"bo_san_pham": 26, "chon": {c.so: 2 for g in part_c.muc for c in g.tieu_chi}}
    assert score_card(card, r).phan[2].diem == 40


def test_set_14_duplicate_number_renumbered(rubrics: dict[int, Rubric]) -> None:
    r = rubrics[14]
    names = [(c.so, c.ten) for c in r.criteria() if c.so.startswith("6.1.")]
    assert names == [
        ("6.1.1", "Tạp chất lạ"), ("6.1.2", "Trạng thái/hình dạng"), ("6.1.3", "Màu sắc"),
        ("6.1.4", "Mùi"), ("6.1.5", "Vị"),
    ]  # fmt: skip
    assert {s.dong for s in r.sua_loi_nguon} == {3577, 3581}


def test_rules_printed_in_criteria(rubrics: dict[int, Rubric]) -> None:
    rule = rubrics[1].rule("1.1")
    assert rule is not None and rule.loai == "loai"
    assert "toàn bộ nguyên liệu nhập khẩu" in rule.noi_dung
    # Set 19: the stop rule printed under the heading of Phần C, before mục 6.
    stop = rubrics[19].rule("6")
    assert stop is not None and stop.loai == "dung" and "số đăng ký thuốc" in stop.noi_dung
    # Set 7 6.1: "Nếu bị 0 Điểm, sẽ không đánh giá các bước tiếp theo" stops by itself.
    zero = [q for q in rubrics[7].quy_tac if q.khi_0_diem]
    assert [(q.tieu_chi, q.khi_0_diem) for q in zero] == [("6.1", ("6.1",))]


def test_disqualification_grounds_keep_or_equivalent(rubrics: dict[int, Rubric]) -> None:
    assert rubrics[1].loai_khi[1] == (
        "Không có giấy chứng nhận đủ điều kiện an toàn thực phẩm (ATTP) hoặc tương đương"
    )


def test_files_validate_against_schema() -> None:
    # The package's fast engine (jsonschema-rs); the two engines agree on rubric files
    # (tests/unit/test_rubrics.py validates the 26/2026 ones with jsonschema).
    for path in sorted(RUBRIC_DIR.glob("bo-*.json")):
        assert quick_valid(RUBRIC_SCHEMA, json.loads(path.read_text(encoding="utf-8"))), path


@pytest.mark.parametrize("n", [4, 26])
def test_rubric_to_json_reproduces_the_file(rubrics: dict[int, Rubric], n: int) -> None:
    text = (RUBRIC_DIR / f"bo-{n:02d}.json").read_text(encoding="utf-8")
    assert rubric_to_json(rubrics[n]) == json.loads(text)


def test_an_unrecorded_difference_is_refused(tmp_path: Path) -> None:
    # Drop the remark that records set 4's "9.1 | 3 điểm": the file no longer loads.
    base = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), base)
    path = base / "rubrics" / "1048-2019" / "bo-04.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["luu_y_nguon"] = []
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RubricError):
        load_rubric(4, REGIME, base)


# --------------------------------------------------------------------------------------
# Against the legal text
# --------------------------------------------------------------------------------------


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_rubrics_1048", REPO / "scripts" / "convert_rubrics_1048.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_rubrics_1048"] = module
    spec.loader.exec_module(module)
    return module


@needs_source
def test_converter_regenerates_identical_files() -> None:
    files = _converter().convert(LEGAL_TEXT)
    assert sorted(files) == [f"bo-{n:02d}.json" for n in SET_NUMBERS]
    for name, text in files.items():
        assert (RUBRIC_DIR / name).read_text(encoding="utf-8") == text, name


@needs_source
def test_every_option_is_a_box_row_of_the_text(rubrics: dict[int, Rubric]) -> None:
    lines = ["", *LEGAL_TEXT.read_text(encoding="utf-8").split("\n")]
    start = lines.index("PHỤ LỤC III")
    boxes = {no for no in range(start, len(lines)) if lines[no].startswith("□ ")}
    used: set[int] = set()
    for r in rubrics.values():
        for c in r.criteria():
            for o in c.lua_chon:
                assert o.nguon_dong is not None
                line = lines[o.nguon_dong]
                m = re.match(r"^□ (.+?) \| (\d+) \S+$", line)
                assert m is not None, (r.bo_san_pham, c.so, line)
                if c.lua_chon_bo_sung:  # set 26 Phần C: the item is the criterion
                    assert (m.group(1), int(m.group(2))) == (c.ten, c.diem)
                else:
                    assert (m.group(1), int(m.group(2))) == (o.ten, o.diem)
                used.add(o.nguon_dong)
    assert used == boxes  # every "□" row of Phụ lục III, none twice or left out


@needs_source
def test_recorded_remarks_quote_the_source(rubrics: dict[int, Rubric]) -> None:
    lines = ["", *LEGAL_TEXT.read_text(encoding="utf-8").split("\n")]
    for r in rubrics.values():
        for s in r.luu_y_nguon:
            if s.nguyen_van:
                assert lines[s.dong] == s.nguyen_van
        for fix in r.sua_loi_nguon:
            assert lines[fix.dong] == fix.nguyen_van


# --------------------------------------------------------------------------------------
# Product set → rubric (schemas/rules/1048-2019.yaml bo_tieu_chi_theo_bo_san_pham)
# --------------------------------------------------------------------------------------


def test_product_sets_map_to_their_1048_rubrics() -> None:
    rules = regime(REGIME)
    assert rules.rubric_sets(9) == (10,)  # Tương, nước mắm → 1048 bộ 10
    assert rules.rubric_sets(8) == (8, 9)  # thịt… or thủy sản
    assert rules.rubric_sets(23) == ()  # Hoa: no 1048 rubric
    assert regime("26/2026").rubric_sets(9) == (9,)
    assert rubric_for_set(9, REGIME) == (10, None)
    assert rubric_for_set(8, REGIME, 9) == (9, None)
    number, problem = rubric_for_set(8, REGIME)
    assert number is None and problem is not None
    assert problem.code == "scorecard-rubric-ambiguous"
    assert "9 (Chế biến từ thủy, hải sản)" in problem.message("vi")
    number, problem = rubric_for_set(23, REGIME)
    assert problem is not None and problem.code == "scorecard-rubric-none"
    number, problem = rubric_for_set(8, REGIME, 12)
    assert problem is not None and problem.code == "scorecard-rubric-choice-invalid"


def test_every_rubric_is_reached_by_some_product_set() -> None:
    rules = regime(REGIME)
    reached = {n for s in SET_NUMBERS for n in rules.rubric_sets(s)}
    assert reached == set(SET_NUMBERS)


def test_procedure_is_data() -> None:
    proc = regime(REGIME).procedure
    assert proc is not None
    assert proc.receives.name() == "Ủy ban nhân dân cấp huyện"
    council = proc.first_council()
    assert (council.level, council.forward_from, council.forward_to) == ("huyen", 50, "tinh")
    assert council.name() == "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện"
    three, five = proc.certifier(3), proc.certifier(5)
    assert three is not None and three.name() == "Ủy ban nhân dân cấp tỉnh"
    assert five is not None and five.level == "trung_uong"
    assert proc.certifier(2) is None
    assert "Phụ lục II" in three.basis
    assert regime("26/2026").procedure is None


@pytest.mark.parametrize("n", SET_NUMBERS)
def test_every_printed_rule_is_applied(rubrics: dict[int, Rubric], n: int) -> None:
    # "Bị loại nếu …", "… không đánh giá các bước tiếp theo", "không xem xét …" in a
    # criterion's notes are rules the scorer applies (quy_tac), not only displayed text.
    r = rubrics[n]
    ruled = {q.tieu_chi for q in r.quy_tac}
    pattern = re.compile(r"bị loại|không đánh giá các bước|không xem xét", re.IGNORECASE)
    for c in r.criteria():
        if any(pattern.search(note) for note in c.ghi_chu):
            assert c.so in ruled, (n, c.so)
