"""The QĐ 148/QĐ-TTg (2023) rubrics from an UNOFFICIAL transcription (issue 11).

The decision's own text was not found; ``../shared/legal/qd-148-2023-qd-ttg.rubrics-
unofficial.txt`` is a public scoring app's export. The data keeps it as exported, marks
every file ``khong_chinh_thuc``, records the known gaps, and every score made with it
carries the warning ``scorecard-rubric-unofficial``.
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
from ocop_docs.rules.regimes import regime
from ocop_docs.scoring.card import score_card
from ocop_docs.scoring.rubric_files import RUBRIC_SCHEMA, RubricError, list_rubrics, load_rubric
from ocop_docs.scoring.rubrics import Rubric
from ocop_docs.validation.checks.schema import quick_valid

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO.parent / "shared" / "legal" / "qd-148-2023-qd-ttg.rubrics-unofficial.txt"
REGIME = "148/2023"
RUBRIC_DIR = schemas_dir() / "rubrics" / "148-2023"

needs_source = pytest.mark.skipif(not SOURCE.is_file(), reason="transcription not available")

# Phần C as exported where it does not reach 35 (the source header's VALIDATION).
PART_C = {7: 34, 11: 32, 12: 32, 13: 33}


@pytest.fixture(scope="module")
def rubrics() -> dict[int, Rubric]:
    return {r.bo_san_pham: r for r in list_rubrics(REGIME)}


def test_every_rubric_is_marked_unofficial(rubrics: dict[int, Rubric]) -> None:
    assert regime(REGIME).rubrics_unofficial
    assert sorted(rubrics) == list(SET_NUMBERS)
    for r in rubrics.values():
        assert r.khong_chinh_thuc
        assert r.nguon is not None and "KHÔNG CHÍNH THỨC" in r.nguon.van_ban
        assert any("KHÔNG lấy từ văn bản chính thức" in s.ly_do for s in r.luu_y_nguon)


@pytest.mark.parametrize("n", SET_NUMBERS)
def test_parts_and_sums_as_exported(rubrics: dict[int, Rubric], n: int) -> None:
    r = rubrics[n]
    assert [(p.ma, p.diem) for p in r.phan] == [("A", 40), ("B", 25), ("C", 35)]
    best = {
        p.ma: sum(max(o.diem for o in c.lua_chon) for g in p.muc for c in g.tieu_chi)
        for p in r.phan
    }
    assert best == {"A": 40, "B": 25, "C": PART_C.get(n, 35)}


def test_star_markers_on_options_only(rubrics: dict[int, Rubric]) -> None:
    # "e) Sở hữu trí tuệ****" carries its marker on the title: kept as a note, not applied.
    ip = rubrics[1].criterion("3.6")
    assert ip is not None and ip.ten == "Sở hữu trí tuệ"
    assert all(o.sao_toi_thieu is None for o in ip.lua_chon)
    assert any("****" in note for note in ip.ghi_chu)
    assert rubrics[1].marker_counts() == {3: 3, 4: 11, 5: 8}


def test_layout_mapped_to_the_official_shape(rubrics: dict[int, Rubric]) -> None:
    # Lettered criteria are numbered in the Vietnamese letter order (đ → 5, e → 6).
    assert [c.so for c in rubrics[1].criteria()[:6]] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    # A mục whose only criterion the export repeats is one criterion numbered like the mục.
    one = rubrics[1].criterion("12")
    assert one is not None and one.ten == "CƠ HỘI THỊ TRƯỜNG TOÀN CẦU"
    # Set 13's "a) Ngoại hình - Tạp chất lạ" rows are third-level criteria of 6.1.
    sub = rubrics[13].subheading("6.1")
    assert sub is not None and sub.ten == "Ngoại hình" and len(sub.tieu_chi) == 5
    # Set 11's "- Tạp chất" rows under "a) Ngoại hình".
    assert rubrics[11].subheading("6.1") is not None
    # The precondition of 1.1 is a rule, as under QĐ 26/2026.
    rule = rubrics[1].rule("1.1")
    assert rule is not None and rule.loai == "yeu_cau"


def test_unreadable_cells_filled_and_recorded(rubrics: dict[int, Rubric]) -> None:
    for n, line in ((17, 2723), (18, 2863)):
        fixes = {s.dong: s for s in rubrics[n].sua_loi_nguon}
        assert line in fixes and "không đọc được" in fixes[line].ly_do


def test_scoring_warns_that_the_rubric_is_unofficial(rubrics: dict[int, Rubric]) -> None:
    r = rubrics[3]
    card = {"bo_san_pham": 3, "chon": {c.so: 1 for c in r.criteria()}}
    result = score_card(card, r)
    codes = [p.code for p in result.van_de]
    assert codes.count("scorecard-rubric-unofficial") == 1
    warning = next(p for p in result.van_de if p.code == "scorecard-rubric-unofficial")
    assert warning.severity == "warning" and result.ok
    assert "không lấy từ văn bản chính thức" in warning.message("vi")
    assert "not from the official text" in warning.message("en")
    # The official rubrics carry no such warning.
    official = score_card({"bo_san_pham": 3, "chon": {}}, load_rubric(3))
    assert "scorecard-rubric-unofficial" not in [p.code for p in official.van_de]


def test_a_file_without_the_mark_is_refused(tmp_path: Path) -> None:
    base = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), base)
    path = base / "rubrics" / "148-2023" / "bo-05.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["khong_chinh_thuc"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RubricError, match="khong_chinh_thuc"):
        load_rubric(5, REGIME, base)


def test_files_validate_against_schema() -> None:
    for path in sorted(RUBRIC_DIR.glob("bo-*.json")):
        assert quick_valid(RUBRIC_SCHEMA, json.loads(path.read_text(encoding="utf-8"))), path


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_rubrics_148", REPO / "scripts" / "convert_rubrics_148.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_rubrics_148"] = module
    spec.loader.exec_module(module)
    return module


@needs_source
def test_converter_regenerates_identical_files() -> None:
    files = _converter().convert(SOURCE)
    assert sorted(files) == [f"bo-{n:02d}.json" for n in SET_NUMBERS]
    for name, text in files.items():
        assert (RUBRIC_DIR / name).read_text(encoding="utf-8") == text, name


@needs_source
def test_every_option_is_a_box_row_of_the_export(rubrics: dict[int, Rubric]) -> None:
    lines = ["", *SOURCE.read_text(encoding="utf-8").split("\n")]
    boxes = {no for no in range(1, len(lines)) if lines[no].startswith("□ ")}
    filled = {2723, 2863}
    used: set[int] = set()
    for r in rubrics.values():
        for c in r.criteria():
            for o in c.lua_chon:
                assert o.nguon_dong is not None
                used.add(o.nguon_dong)
                if o.nguon_dong in filled:
                    continue
                m = re.match(r"^□ (.+?) \| (\d+)$", lines[o.nguon_dong])
                assert m is not None, lines[o.nguon_dong]
                assert int(m.group(2)) == o.diem
                assert m.group(1).rstrip("*. ").startswith(o.ten.rstrip("*. ")), o.ten
    assert used == boxes


def test_every_printed_rule_is_applied(rubrics: dict[int, Rubric]) -> None:
    pattern = re.compile(r"bị loại|không đánh giá các bước|không xem xét", re.IGNORECASE)
    for r in rubrics.values():
        ruled = {q.tieu_chi for q in r.quy_tac}
        for c in r.criteria():
            if any(pattern.search(note) for note in c.ghi_chu):
                assert c.so in ruled, (r.bo_san_pham, c.so)
