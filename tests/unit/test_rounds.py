"""Round files: validation issues, star results, spread, quorum, competence (ocop_docs.production.rounds)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from ocop_docs.errors import InputError
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.production.rounds.model import require_valid
from ocop_docs.scoring.bands import display_mean, star_band

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
ROUND_2026 = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
ROUND_2019 = ROOT / "samples" / "dot-danh-gia" / "na-ri-2019.yaml"


@pytest.mark.parametrize(
    ("mean", "stars"),
    [
        (Fraction(69995, 1000), 3),  # exact banding: 69,995 is 3★ (brief §3.9)
        (70, 4),
        (Fraction(8999, 100), 4),
        (90, 5),
        (100, 5),
        (50, 3),
        (Fraction(4999, 100), 2),
        (30, 2),
        (Fraction(2999, 100), 1),
        (0, 1),
    ],
)
def test_bands(mean: Fraction | int, stars: int) -> None:
    assert star_band(mean) == stars


def test_display_never_crosses_a_band() -> None:
    assert display_mean(Fraction(69995, 1000)) == "69,99"
    assert display_mean(Fraction(89999, 1000)) == "89,99"
    assert display_mean(Fraction(84666, 1000)) == "84,67"
    assert display_mean(Fraction(638, 7)) == "91,14"


def test_sample_2026_results() -> None:
    rnd = load_round(ROUND_2026, allow=ALLOW)
    assert rnd.valid, [i.message() for i in rnd.issues]
    by_name = {p.ten: p for p in rnd.products}
    tai_hoan = by_name["Miến dong Tài Hoan"]
    assert tai_hoan.mean == Fraction(638, 7) and tai_hoan.mean_text == "91,14"
    assert tai_hoan.proposed_up and not tai_hoan.recognised  # Điều 7.3.e
    assert by_name["Gà đồi Trần Phú"].stars == 4 and by_name["Gà đồi Trần Phú"].recognised
    assert by_name["Mật ong rừng Hương Rừng"].mean_text == "70,57"  # scores keyed by member
    cam = by_name["Cam Đường Canh Yến Lạc"]
    assert cam.stars == 3 and cam.spread == 15 and cam.spread_flag
    ruou = by_name["Rượu men lá Cường Lợi (sản phẩm hư cấu)"]
    assert ruou.stars == 2 and not ruou.recognised  # Điều 4.1.a
    assert [i.code for i in rnd.issues] == ["round-score-spread"]
    assert len(rnd.scorers) == 7 and rnd.quorum_met


def test_sample_2019_province_recognises_district_scores() -> None:
    rnd = load_round(ROUND_2019, allow=ALLOW)
    assert rnd.valid, [i.message() for i in rnd.issues]
    # The provincial round scores the district's proposals, all from 50 points (QĐ 1048).
    assert [p.stars for p in rnd.products] == [3, 3, 3, 3, 3]
    assert rnd.products[0].ten == "Gà đồi Trần Phú"  # read from the 2019 dossier
    assert "huyện Na Rì, tỉnh Bắc Kạn" in rnd.products[0].dia_chi
    assert rnd.competence is not None and rnd.competence.stars == (3, 4)


def _write(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _minimal() -> dict[str, object]:
    return {
        "bo_tieu_chi": "26/2026",
        "nam": 2026,
        "cap": "tinh",
        "co_quan": {"ten": "Ủy ban nhân dân tỉnh Thái Nguyên", "dia_danh": "Thái Nguyên"},
        "hoi_dong": {
            "ten": "Hội đồng",
            "thanh_vien": [
                {"ma": "a", "ho_ten": "A", "vai_tro": "chu_tich"},
                {"ma": "b", "ho_ten": "B", "vai_tro": "uy_vien"},
                {"ma": "c", "ho_ten": "C", "vai_tro": "uy_vien"},
                {"ma": "d", "ho_ten": "D", "vai_tro": "thu_ky"},
            ],
        },
        "hop": {"bat_dau": "2026-12-15T08:00", "dia_diem": "Hội trường"},
        "san_pham": [{"ten": "X", "chu_the": "HTX Y", "dia_chi": "xã Z", "diem": [80, 81, 82]}],
    }


def test_schema_issue_names_field_and_line(tmp_path: Path) -> None:
    data = _minimal()
    data["cap"] = "xa"
    rnd = load_round(_write(tmp_path, data))
    issue = next(i for i in rnd.issues if i.code == "schema-enum")
    assert issue.pointer == "/cap" and issue.line == 3
    assert "Cấp công nhận" in issue.message("vi")
    with pytest.raises(InputError) as exc:
        require_valid(rnd)
    assert exc.value.exit_code == 1


def test_council_checks(tmp_path: Path) -> None:
    data = _minimal()
    council = data["hoi_dong"]
    assert isinstance(council, dict)
    council["thanh_vien"][0]["co_mat"] = False  # chair absent; 3/4 present
    data["san_pham"] = [{"ten": "X", "chu_the": "Y", "dia_chi": "Z", "diem": {"b": 80, "q": 70}}]
    data["hop"] = {
        "bat_dau": "2026-12-15T08:00",
        "ket_thuc": "2026-12-15T07:00",
        "dia_diem": "H",
        "chu_tri": "a",
    }
    data["quyet_dinh"] = {
        "so": 5,
        "ngay": "2026-12-01",
        "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "A"},
    }
    codes = {i.code for i in load_round(_write(tmp_path, data)).issues}
    assert {
        "round-chair-absent",
        "round-member-absent",
        "round-member-unknown",
        "round-score-missing",
        "round-meeting-times",
        "round-decision-before-meeting",
    } <= codes


def test_scores_count_and_competence(tmp_path: Path) -> None:
    data = _minimal()
    data["cap"] = "huyen"  # no district level under QĐ 26/2026
    data["san_pham"] = [{"ten": "X", "chu_the": "Y", "dia_chi": "Z", "diem": [80, 81]}]
    codes = {i.code for i in load_round(_write(tmp_path, data)).issues}
    assert {"round-level-not-competent", "round-scores-count"} <= codes


def test_missing_dossier_is_an_issue(tmp_path: Path) -> None:
    data = _minimal()
    data["san_pham"] = [{"ho_so": "khong-co", "diem": [80, 81, 82]}]
    rnd = load_round(_write(tmp_path, data))
    assert [i.code for i in rnd.issues] == ["round-dossier-unreadable"]


def test_configurable_spread(tmp_path: Path) -> None:
    data = _minimal()
    data["san_pham"] = [{"ten": "X", "chu_the": "Y", "dia_chi": "Z", "diem": [70, 76, 75]}]
    data["cau_hinh"] = {"chenh_lech_toi_da": 5}
    rnd = load_round(_write(tmp_path, data))
    assert rnd.products[0].spread_flag
    assert [i.code for i in rnd.issues] == ["round-score-spread"]
