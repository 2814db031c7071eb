"""Scoring sheet contexts (phieu-danh-gia), Mẫu 02's self-assessment table, member scorecards
in round files (ocop_docs.production.contexts, ocop_docs.production.rounds)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_docs.errors import InputError
from ocop_docs.production.contexts.bao_cao_tu_danh_gia import self_assessment_context
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.contexts.phieu_danh_gia import sheet_context, sheet_rows
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.inputs import detect_input
from ocop_docs.production.printing import CHECKED, UNCHECKED
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.scoring.card import score_card
from ocop_docs.scoring.council import council_result
from ocop_docs.scoring.rubric_files import load_rubric

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
ROUND_CARDS = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-phieu-cham.yaml"
ROUND_2026 = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
DOSSIER = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"


def full_card(
    set_no: int, pick: str = "best", overrides: dict[str, int] | None = None
) -> dict[str, Any]:
    """A complete card: every criterion's best (or first) option, with overrides."""
    rubric = load_rubric(set_no)
    chon: dict[str, int] = {}
    for c in rubric.criteria():
        chon[c.so] = max(c.lua_chon, key=lambda o: o.diem).stt if pick == "best" else 1
    chon.update(overrides or {})
    return {"bo_san_pham": set_no, "chon": chon}


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- sheet rows ----------------------------------------------------------------------------


@pytest.mark.parametrize("set_no", range(1, 27))
def test_rows_carry_every_criterion_and_option(set_no: int) -> None:
    rubric = load_rubric(set_no)
    rows = sheet_rows(rubric)
    texts = [r["ten"] for r in rows]
    for c in rubric.criteria():
        assert any(t.startswith(f"{c.so}. ") for t in texts), c.so
    options = [r for r in rows if r["loai"] == "lua_chon"]
    assert len(options) == sum(len(c.lua_chon) for c in rubric.criteria())
    assert all(r["o"] == UNCHECKED for r in options)
    markers = {3: "***", 4: "****", 5: "*****"}
    counts = rubric.marker_counts()
    for level, mark in markers.items():
        assert sum(1 for r in options if r["sao"] == mark) == counts[level]
    assert rows[0]["loai"] == "phan" and rows[-1] == {
        "loai": "tong",
        "ten": "TỔNG CỘNG",
        "diem": "100",
        "o": "",
        "sao": "",
    }


def test_third_level_and_cases() -> None:
    tea = [r["ten"] for r in sheet_rows(load_rubric(11))]
    assert "6.1. Ngoại hình" in tea  # second-level heading over 6.1.1, 6.1.2
    assert tea.index("6.1. Ngoại hình") < tea.index(next(t for t in tea if t.startswith("6.1.1.")))
    tourism = sheet_rows(load_rubric(26))
    notes = [r["ten"] for r in tourism if r["loai"] == "ghi_chu"]
    assert "Lựa chọn một trong hai trường hợp sau:" in notes
    assert "Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp" in notes
    rice = [r["ten"] for r in sheet_rows(load_rubric(1))]
    assert "Yêu cầu: 100% sản phẩm được trồng trên địa bàn cấp tỉnh" in rice


def test_blank_sheet_header_and_footer() -> None:
    sheet = sheet_context(load_rubric(1))
    assert sheet["ten_san_pham"].startswith("……") and sheet["ma_san_pham"].startswith(".(T).")
    assert sheet["loai_khi"] == [load_rubric(1).loai_khi_nguyen_van[0]]  # printed twice, once
    assert sheet["diem_dat"].startswith("……") and not sheet["da_cham"]
    assert [t["dat"] for t in sheet["tong"]] == ["", "", ""]
    assert sheet["ghi_chu_dau_sao"].startswith("Ghi chú: Dấu sao")
    assert len(sheet["y_kien"]) == 2 and sheet["ngay_dong"].startswith("……, ngày")
    tourism = sheet_context(load_rubric(26))
    assert tourism["loai_khi"] == [] and tourism["ghi_chu_dau_sao"] is None


def test_filled_sheet_ticks_exactly_the_choices() -> None:
    rubric = load_rubric(4)
    card = full_card(4, "first", {"3.5": 2})
    result = score_card(card, rubric)
    sheet = sheet_context(rubric, result, {"ten_san_pham": "Mật ong", "y_kien": "Dòng 1\nDòng 2"})
    ticked = [r for r in sheet["dong"] if r["o"] == CHECKED]
    assert len(ticked) == len(rubric.criteria())
    assert all(r["loai"] == "chon" for r in ticked)
    chosen = {c.so: c.option(card["chon"][c.so]) for c in rubric.criteria()}
    assert [r["ten"] for r in ticked] == [o.ten for o in chosen.values() if o is not None]
    assert sheet["diem_dat"] == str(result.tong_diem)
    assert [t["dat"] for t in sheet["tong"]] == [str(s.diem) for s in result.phan]
    assert sheet["y_kien"] == ["Dòng 1", "Dòng 2"] and sheet["ten_san_pham"] == "Mật ong"


def test_lowered_and_disqualified_notes() -> None:
    rubric = load_rubric(7)
    lowered = score_card(full_card(7, overrides={"2.2": 1}), rubric)  # misses a 3★ marker
    sheet = sheet_context(rubric, lowered)
    assert lowered.hang_sao == 2 and sheet["hang_sao"] == "2 sao"
    assert (
        "xếp 2 sao" in sheet["ghi_chu_ket_qua"][0] and "2.2 (3 sao)" in sheet["ghi_chu_ket_qua"][0]
    )
    out = score_card({**full_card(7), "loai": True, "ly_do_loai": "Giả mạo hồ sơ"}, rubric)
    sheet = sheet_context(rubric, out)
    assert sheet["hang_sao"] == "không xếp hạng"
    assert sheet["ghi_chu_ket_qua"] == ["Hồ sơ bị loại: Giả mạo hồ sơ."]


# --- inputs --------------------------------------------------------------------------------


def test_detect_input(tmp_path: Path) -> None:
    card = write_yaml(tmp_path / "phieu.yaml", full_card(2))
    assert detect_input(Path("7")) == "set"
    assert detect_input(card) == "scorecard"
    as_json = tmp_path / "phieu.json"
    as_json.write_text(json.dumps(full_card(2)), encoding="utf-8")
    assert detect_input(as_json) == "scorecard"
    round_json = tmp_path / "dot.json"
    round_json.write_text(json.dumps({"hoi_dong": {}, "chon": {}}), encoding="utf-8")
    assert detect_input(round_json) == "round"
    assert detect_input(ROUND_CARDS) == "round"
    assert detect_input(DOSSIER) == "dossier"
    with pytest.raises(InputError):
        detect_input(tmp_path / "khong-co")


@pytest.mark.parametrize("value", ["0", "27", "99"])
def test_set_number_out_of_range(value: str) -> None:
    with pytest.raises(InputError) as exc:
        build_context("phieu-danh-gia", value)
    assert getattr(exc.value, "code", None) == "render-set-invalid"


def test_other_kinds_refuse_sets_and_cards(tmp_path: Path) -> None:
    card = write_yaml(tmp_path / "phieu.yaml", full_card(2))
    for kind, source in (("bien-ban", "7"), ("phieu-dang-ky", str(card))):
        with pytest.raises(InputError) as exc:
            build_context(kind, source)
        assert getattr(exc.value, "code", None) == "render-input-wrong"


def test_card_input_header_and_warnings(tmp_path: Path) -> None:
    data = {
        **full_card(2),
        "ten_san_pham": "Gà đồi",
        "ma_san_pham": "19-02176-003-2026",
        "chu_the": "HTX Trần Phú",
        "dien_thoai": "0912 000 102",
        "dia_chi": "xã Trần Phú",
        "nguoi_danh_gia": "Lê Văn Cường",
        "ngay": "2026-12-16",
        "khong_dung": 1,
    }
    built = build_context("phieu-danh-gia", write_yaml(tmp_path / "p.yaml", data))
    sheet = built.context["phieu"][0]
    assert sheet["dien_thoai"] == "0912 000 102" and sheet["dia_chi"] == "xã Trần Phú"
    assert sheet["nguoi_danh_gia"] == "Lê Văn Cường" and sheet["diem_dat"] == "100"
    assert sheet["ngay_dong"] == "……, ngày 16 tháng 12 năm 2026"
    # Header keys the scorer does not know are not reported; a real stray key is.
    assert [w.params.get("truong") for w in built.warnings] == ["khong_dung"]
    assert built.when is not None and built.when.year == 2026


def test_card_with_errors_is_refused_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text('bo_san_pham: 2\nchon:\n  "1.1": 7\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        build_context("phieu-danh-gia", path)
    issues = getattr(exc.value, "issues", [])
    assert (
        exc.value.exit_code == 1 and getattr(exc.value, "code", None) == "render-scorecard-invalid"
    )
    assert issues[0].pointer == "/chon/1.1" and issues[0].line == 3
    no_set = write_yaml(tmp_path / "q.yaml", {"chon": {"1.1": 1}})
    with pytest.raises(InputError) as exc:
        build_context("phieu-danh-gia", no_set)
    assert getattr(exc.value, "code", None) == "render-set-invalid"


def test_dossier_sheet_and_self_assessment_table(tmp_path: Path) -> None:
    built = build_context("phieu-danh-gia", DOSSIER)
    sheet = built.context["phieu"][0]
    data = yaml.safe_load((DOSSIER / "ho-so.yaml").read_text(encoding="utf-8"))
    result = score_card({"bo_san_pham": 7, "chon": data["tu_danh_gia"]["chon"]}, load_rubric(7))
    assert sheet["ten_san_pham"] == "Miến dong Tài Hoan" and sheet["da_cham"]
    assert sheet["diem_dat"] == str(result.tong_diem)
    assert sheet["nguoi_danh_gia"] == data["chu_the"]["nguoi_dai_dien"]["ho_ten"]
    table, warnings = self_assessment_context(data)
    assert table is not None and warnings == []
    assert table["tong_diem"] == str(result.tong_diem)
    assert table["hang_sao"] == f"{result.hang_sao} sao"
    crit = [r for r in table["dong"] if r["loai"] == "tieu_chi"]
    assert [r["so"] for r in crit] == [c.so for c in load_rubric(7).criteria()]
    parts = [r["diem"] for r in table["dong"] if r["loai"] == "phan"]
    assert parts == [f"{s.diem}/{s.toi_da}" for s in result.phan]
    # Without tu_danh_gia: no table in Mẫu 02, a blank sheet with the dossier's header.
    del data["tu_danh_gia"]
    assert self_assessment_context(data) == (None, [])
    folder = tmp_path / "ho-so"
    folder.mkdir()
    write_yaml(folder / "ho-so.yaml", data)
    sheet = build_context("phieu-danh-gia", folder).context["phieu"][0]
    assert not sheet["da_cham"] and sheet["chu_the"] == "Hợp tác xã Tài Hoan"


def test_self_assessment_problems_are_warnings_in_mau_02() -> None:
    data = yaml.safe_load((DOSSIER / "ho-so.yaml").read_text(encoding="utf-8"))
    data["tu_danh_gia"]["chon"]["1.1"] = 9
    del data["tu_danh_gia"]["chon"]["2.1"]
    table, warnings = self_assessment_context(data)
    assert table is not None
    assert {w.code for w in warnings} == {"render-self-assessment-problem"}
    assert any("1.1" in w.message("vi") for w in warnings)
    row = next(r for r in table["dong"] if r["so"] == "2.1")
    assert row["lua_chon"].startswith("—") and row["diem"] == "0/3"
    assert any("2.1" in note for note in table["ghi_chu"])


def test_kind_schema_covers_the_context(tmp_path: Path) -> None:
    built = build_context("phieu-danh-gia", ROUND_CARDS, product=1, allow=ALLOW)
    schema = KINDS["phieu-danh-gia"].schema

    def paths(value: Any, prefix: str = "") -> set[str]:
        out: set[str] = set()
        if isinstance(value, dict):
            for k, v in value.items():
                p = f"{prefix}.{k}" if prefix else k
                out.add(p)
                out |= paths(v, p)
        elif isinstance(value, list):
            for v in value:
                out |= paths(v, f"{prefix}[]")
        return out

    missing = sorted(p for p in paths(built.context) if not schema.has(p))
    assert missing == []


# --- round files with member scorecards ------------------------------------------------------


def test_sample_round_with_cards_hand_computed() -> None:
    rnd = load_round(ROUND_CARDS, allow=ALLOW)
    assert rnd.valid, [i.message() for i in rnd.issues]
    ga, mat_ong = rnd.products
    # Totals by hand from the cards: 75, 78, 73, 74 and 72, 75, 72, 72.
    assert [s for _m, s in ga.scores] == [75, 78, 73, 74]
    assert ga.mean == Fraction(75 + 78 + 73 + 74, 4) and ga.mean_text == "75,00"
    assert ga.stars == 4 and not ga.lowered and ga.recognised
    assert [s for _m, s in mat_ong.scores] == [72, 75, 72, 72]
    assert mat_ong.mean == Fraction(291, 4) and mat_ong.mean_text == "72,75"
    # 4★ by points, but only tv2 of 4 chose the 4★ option of 3.5: lowered to 3★.
    assert mat_ong.result.hang_theo_diem == 4 and mat_ong.stars == 3 and mat_ong.lowered
    assert [(u.tieu_chi, u.sao, u.so_dat) for u in mat_ong.result.chua_dat_toi_thieu] == [
        ("3.5", 4, 1)
    ]
    assert [i.code for i in rnd.issues] == ["round-stars-lowered"]
    # The same as scoring the cards directly.
    rubric = load_rubric(4)
    direct = council_result(None, rubric, [c.card for c in mat_ong.cards])
    assert direct.diem_trung_binh == mat_ong.mean and direct.hang_sao == mat_ong.stars
    ctx = build_context("bien-ban", ROUND_CARDS, allow=ALLOW).context
    assert ctx["san_pham"][1]["ket_qua"] == "3 sao; hạ từ 4 sao do chưa đạt yêu cầu tối thiểu"


def _round(tmp_path: Path, edit: Any) -> Any:
    data = yaml.safe_load(ROUND_CARDS.read_text(encoding="utf-8"))
    for item in data["san_pham"]:
        item["ho_so"] = str((ROUND_CARDS.parent / item["ho_so"]).resolve())
    edit(data)
    return load_round(write_yaml(tmp_path / "dot.yaml", data), allow=ALLOW)


def test_warn_mode_keeps_the_band(tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["cau_hinh"]["che_do_toi_thieu"] = "canh_bao"

    rnd = _round(tmp_path, edit)
    assert rnd.products[1].stars == 4 and rnd.issues == []


def test_card_problems_in_the_round_file(tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        cards = data["san_pham"][0]["phieu"]
        cards["tv2"]["chon"]["1.1"] = 9
        cards["tv9"] = {"chon": {}}
        cards["tv3"]["ghi_chuu"] = "typo"
        data["san_pham"][0]["diem"] = [75, 70, 73, 74]
        del data["san_pham"][1]["phieu"]["tv4"]

    rnd = _round(tmp_path, edit)
    codes = [i.code for i in rnd.issues]
    assert "round-scorecard-invalid" in codes and "round-member-unknown" in codes
    assert "round-scores-mismatch" in codes and "round-score-missing" in codes
    assert "round-scorecard-warning" in codes  # the card's unknown key, quoted
    bad = next(i for i in rnd.issues if i.code == "round-scorecard-invalid")
    assert bad.pointer == "/san_pham/0/phieu/tv2/chon/1.1" and bad.line is not None
    assert "tv2" in bad.message("vi") and "1.1" in bad.message("en")
    assert not rnd.valid


def test_card_files_relative_to_the_round(tmp_path: Path) -> None:
    (tmp_path / "phieu").mkdir()
    write_yaml(tmp_path / "phieu" / "tv1.yaml", {"chon": full_card(2)["chon"]})
    (tmp_path / "phieu" / "tv2.yaml").write_text('chon: {"1.1": 1\n', encoding="utf-8")

    def edit(data: dict[str, Any]) -> None:
        data["san_pham"][0]["phieu"]["tv1"] = "phieu/tv1.yaml"
        data["san_pham"][0]["phieu"]["tv2"] = "phieu/tv2.yaml"
        del data["san_pham"][0]["diem"]

    rnd = _round(tmp_path, edit)
    assert [i.code for i in rnd.issues][:1] == ["round-scorecard-unreadable"]
    ga = rnd.products[0]
    assert ga.cards[0].file == tmp_path / "phieu" / "tv1.yaml" and ga.scores[0][1] == 100


def test_round_card_rules(tmp_path: Path) -> None:
    def neither(data: dict[str, Any]) -> None:
        del data["san_pham"][1]["phieu"]

    assert "round-product-no-scores" in {i.code for i in _round(tmp_path, neither).issues}

    def old_regime(data: dict[str, Any]) -> None:
        data["bo_tieu_chi"] = "1048/2019"

    # Issue 11: a QĐ 1048 round's cards are scored against the 1048 rubrics (here the cards
    # were written for QĐ 26/2026, so they do not fit), no longer refused for want of data.
    old = _round(tmp_path, old_regime)
    codes = {i.code for i in old.issues}
    assert "round-scorecard-no-rubric" not in codes
    assert {p.rubric.bo_tieu_chi for p in old.products if p.rubric} <= {"1048/2019"}

    def no_set(data: dict[str, Any]) -> None:
        data["san_pham"][1] = {
            "ten": "X",
            "chu_the": "Y",
            "dia_chi": "Z",
            "phieu": data["san_pham"][1]["phieu"],
        }

    assert "round-scorecard-no-set" in {i.code for i in _round(tmp_path, no_set).issues}

    def loai(data: dict[str, Any]) -> None:
        for card in data["san_pham"][0]["phieu"].values():
            card.update(loai=True, ly_do_loai="Giả mạo hồ sơ")

    rnd = _round(tmp_path, loai)
    assert "round-scorecards-disqualify" in {i.code for i in rnd.issues}
    assert rnd.products[0].stars == 4  # the council decides (bi_loai), not the cards


def test_round_sheets_one_per_member() -> None:
    built = build_context("phieu-danh-gia", ROUND_CARDS, product=2, allow=ALLOW)
    sheets = built.context["phieu"]
    assert [s["nguoi_danh_gia"] for s in sheets] == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Bùi Thị Lan",
    ]
    assert sheets[0]["thanh_vien"] == "TV1 – Nguyễn Văn An, Chủ tịch Hội đồng"
    assert [s["diem_dat"] for s in sheets] == ["72", "75", "72", "72"]
    assert sheets[0]["dien_thoai"] == "0912 000 103"  # from the dossier
    assert sheets[0]["ngay_dong"] == "Thái Nguyên, ngày 16 tháng 12 năm 2026"
    first = build_context("phieu-danh-gia", ROUND_CARDS, product=1, allow=ALLOW).context["phieu"][0]
    assert first["y_kien"][0].startswith("Sản phẩm có chất lượng ổn định")
    with pytest.raises(InputError):
        build_context("phieu-danh-gia", ROUND_CARDS, allow=ALLOW)  # --product needed
    # QĐ 1048/2019 (issue 11): the members' sheets are the 1048 rubric of the product's set.
    old = build_context(
        "phieu-danh-gia", ROOT / "samples/dot-danh-gia/na-ri-2019.yaml", product=1, allow=ALLOW
    )
    assert old.context["phieu"][0]["ten_bo"] == "Thịt, trứng, sữa tươi"  # 1048 bộ 2
    assert old.context["bo_tieu_chi"] == "1048/2019"


def test_round_without_cards_gives_blank_member_sheets() -> None:
    built = build_context("phieu-danh-gia", ROUND_2026, product=2, allow=ALLOW)
    sheets = built.context["phieu"]
    assert len(sheets) == 7 and not any(s["da_cham"] for s in sheets)
    assert sheets[0]["ten_san_pham"] == "Gà đồi Trần Phú"
    assert "render-scorecards-absent" in [w.code for w in built.warnings]
