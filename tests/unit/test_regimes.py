"""Regime facts as data (schemas/rules/<regime>.yaml): what each shipped regime says, and that
a new regime is a data change (issue 8)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from ocop_docs.errors import DataError
from ocop_docs.resources import schemas_dir
from ocop_docs.rules.listing import list_sectors
from ocop_docs.rules.regimes import (
    DEFAULT_REGIME,
    Competence,
    regime,
    regime_codes,
    regime_for_date,
    rubric_regimes,
)
from ocop_docs.scoring.bands import display_mean, star_band
from ocop_docs.scoring.card import score_card
from ocop_docs.scoring.council import council_result
from ocop_docs.scoring.rubric_files import RubricError, load_rubric

SHIPPED = ("26/2026", "148/2023", "1048/2019")


def test_the_shipped_regimes_newest_first() -> None:
    assert regime_codes() == SHIPPED
    assert rubric_regimes() == ("26/2026", "148/2023", "1048/2019")


def test_default_regime_is_the_one_in_force() -> None:
    # DEFAULT_REGIME is a constant so that no file is read at import time; the data must agree.
    open_ended = [c for c in regime_codes() if regime(c).valid_to is None]
    assert open_ended == [DEFAULT_REGIME]


@pytest.mark.parametrize("code", SHIPPED)
def test_bands_are_those_of_dieu_3_3(code: str) -> None:
    bands = [(b.lowest, b.stars) for b in regime(code).bands]
    assert bands == [(90, 5), (70, 4), (50, 3), (30, 2), (0, 1)]
    # QĐ 1048 Phụ lục III prints no "*" marker: its band alone decides the stars.
    assert regime(code).marker_levels == (() if code == "1048/2019" else (3, 4, 5))
    assert regime(code).star_band(Fraction(69995, 1000)) == 3


def test_who_recognises_which_stars() -> None:
    # Brief §1.3; QĐ 26/2026 Điều 4.1, 7.3.e, 7.4.e (the former COMPETENCE table).
    def levels(code: str) -> dict[str, tuple[tuple[int, ...], int | None, str | None]]:
        return {
            level: (c.stars, c.forward_from, c.forward_to)
            for level, c in regime(code).competence.items()
        }

    assert levels("26/2026") == {
        "tinh": ((3, 4), 90, "trung_uong"),
        "trung_uong": ((5,), None, None),
    }
    assert levels("1048/2019") == levels("26/2026")
    assert levels("148/2023") == {
        "huyen": ((3,), 70, "tinh"),
        "tinh": ((3, 4), 90, "trung_uong"),
        "trung_uong": ((5,), None, None),
    }
    for code in SHIPPED:
        # sao_duoc_chung_nhan is what the levels recognise: 1★ and 2★ never (Điều 4.1.a).
        assert regime(code).certified_stars == (3, 4, 5)
        assert regime(code).central_threshold == 90
    tinh = regime("26/2026").competence["tinh"]
    assert isinstance(tinh, Competence)
    assert tinh.authority_name("vi") == "Chủ tịch UBND cấp tỉnh"
    assert "Minister" in regime("26/2026").competence["trung_uong"].authority_name("en")
    assert regime("26/2026").chair_decides and not regime("148/2023").chair_decides


def test_parts_validity_and_council_practice() -> None:
    assert regime("26/2026").part_points == {"A": 40, "B": 25, "C": 35}  # Điều 3.1
    assert regime("148/2023").part_points == {"A": 40, "B": 25, "C": 35}
    assert regime("1048/2019").part_points == {"A": 35, "B": 25, "C": 40}
    for code in SHIPPED:
        rules = regime(code)
        assert rules.validity_months == 36  # Điều 4.3
        assert rules.council.quorum == Fraction(3, 4)
        assert rules.council.chair_required
        assert rules.council.spread_max == 10
    assert regime("26/2026").rubric_dir == "rubrics/26-2026"
    assert regime("148/2023").rubric_dir == "rubrics/148-2023"  # unofficial transcription
    assert regime("1048/2019").rubric_dir == "rubrics/1048-2019"


def test_every_field_of_the_rules_files_is_read() -> None:
    # No field sits in the data unread (issue 8: cong_nhan, sao_duoc_chung_nhan, diem_phan).
    read = {
        "ma", "ten", "ten_en", "hieu_luc", "noi_nhan_ho_so",
        "thu_muc_bo_tieu_chi", "diem_phan", "hang_sao", "sao_toi_thieu", "cong_nhan",
        "quyet_dinh_cua_chu_tich", "hieu_luc_chung_nhan_thang", "hoi_dong", "mau", "chu_the",
        "dia_chi", "danh_gia_lai", "tai_lieu", "khong_kiem_tra", "cong_nhan_theo_ngay",
        "thoi_han", "van_ban_bo_tieu_chi",
    }  # fmt: skip
    # Read when present: the product set → rubric map and the procedure (QĐ 1048), the
    # unofficial-rubrics flag (QĐ 148).
    optional = {"bo_tieu_chi_theo_bo_san_pham", "quy_trinh", "bo_tieu_chi_khong_chinh_thuc"}
    for code in SHIPPED:
        text = (schemas_dir() / "rules" / f"{code.replace('/', '-')}.yaml").read_text("utf-8")
        keys = set(re.findall(r"^([a-z_]+):", text, flags=re.MULTILINE))
        assert read <= keys <= read | optional, code


# --- a new regime is data ------------------------------------------------------------------


def _new_regime(tmp_path: Path) -> Path:
    """A copy of schemas/ with a made-up regime "99/2030": QĐ 26/2026's file under a new code,
    its own rubric folder, and 5★ from 95 points, so that its facts are visibly its own."""
    base = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), base)
    text = (base / "rules" / "26-2026.yaml").read_text(encoding="utf-8")
    text = text.replace('ma: "26/2026"', 'ma: "99/2030"')
    text = text.replace(
        "hieu_luc: {tu: 2026-05-22, den: null}", "hieu_luc: {tu: 2030-01-01, den: null}"
    )
    text = text.replace(
        "thu_muc_bo_tieu_chi: rubrics/26-2026", "thu_muc_bo_tieu_chi: rubrics/99-2030"
    )
    text = text.replace("  - {sao: 5, tu: 90}", "  - {sao: 5, tu: 95}")
    (base / "rules" / "99-2030.yaml").write_text(text, encoding="utf-8")
    old = (base / "rules" / "26-2026.yaml").read_text(encoding="utf-8")
    old = old.replace(
        "hieu_luc: {tu: 2026-05-22, den: null}", "hieu_luc: {tu: 2026-05-22, den: 2029-12-31}"
    )
    (base / "rules" / "26-2026.yaml").write_text(old, encoding="utf-8")
    # The JSON Schemas name the regimes a file may give (also data, beside the rules).
    rubric_schema = base / "rubric.schema.json"
    schema = json.loads(rubric_schema.read_text(encoding="utf-8"))
    schema["properties"]["bo_tieu_chi"]["enum"].append("99/2030")
    rubric_schema.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    (base / "rubrics" / "99-2030").mkdir()
    for path in sorted((base / "rubrics" / "26-2026").glob("bo-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["bo_tieu_chi"] = "99/2030"
        target = base / "rubrics" / "99-2030" / path.name
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return base


def test_a_copied_regime_under_a_new_code_is_picked_up(tmp_path: Path) -> None:
    base = _new_regime(tmp_path)
    assert regime_codes(base) == ("99/2030", *SHIPPED)
    assert rubric_regimes(base) == ("99/2030", "26/2026", "148/2023", "1048/2019")
    rules = regime("99/2030", base)
    assert rules.code == "99/2030" and rules.valid_to is None
    assert regime_for_date(dt.date(2031, 3, 1), base) == "99/2030"
    assert regime_for_date(dt.date(2027, 3, 1), base) == "26/2026"
    # The bands come from the new file: 92 points is 4★ there, 5★ under QĐ 26/2026.
    assert star_band(92, "99/2030", base) == 4 and star_band(92, "26/2026", base) == 5
    assert display_mean(Fraction(94995, 1000), "99/2030", base) == "94,99"
    assert list_sectors("99/2030", base)["bo_tieu_chi"] == "99/2030"
    # Its rubrics, and scoring a card against them, use its own facts too.
    rubric = load_rubric(1, "99/2030", base)
    assert rubric.bo_tieu_chi == "99/2030"
    best = {"bo_san_pham": 1, "chon": {c.so: len(c.lua_chon) for c in rubric.criteria()}}
    assert score_card(best, rubric).hang_sao == 5
    nearly = dict(best, chon={**best["chon"], "1.1": 1})  # 3 points fewer
    result = score_card(nearly, rubric)
    assert result.tong_diem < 100 and result.hang_theo_diem == star_band(
        result.tong_diem, "99/2030", base
    )
    council = council_result([93, 94], rubric)
    assert (council.hang_theo_diem, council.de_nghi_trung_uong) == (4, False)


def test_broken_regime_data_is_a_data_error(tmp_path: Path) -> None:
    base = _new_regime(tmp_path)
    path = base / "rules" / "99-2030.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - {sao: 1, tu: 0}", "  - {sao: 1, tu: 10}"), encoding="utf-8")
    with pytest.raises(DataError, match="hang_sao"):
        regime("99/2030", base)
    other = tmp_path / "other"
    shutil.copytree(base, other)
    (other / "rules" / "99-2030.yaml").write_text(
        text.replace('ma: "99/2030"', 'ma: "98/2030"'), "utf-8"
    )
    with pytest.raises(DataError, match="98/2030"):
        regime("99/2030", other)
    with pytest.raises(DataError) as unknown:
        regime("7/2040")
    assert unknown.value.code == "rules-data-missing"


def test_rubric_parts_are_checked_against_the_regime(tmp_path: Path) -> None:
    base = _new_regime(tmp_path)
    path = base / "rules" / "99-2030.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("diem_phan: {A: 40, B: 25, C: 35}", "diem_phan: {A: 35, B: 25, C: 40}"),
        encoding="utf-8",
    )
    with pytest.raises(RubricError, match="Phần A có 40 điểm"):
        load_rubric(2, "99/2030", base)
