"""Issue 11, "Scoring and rounds": acceptance examples that failed before the fix.

Each example is a real use of the tool (a round file, a card) that the law allows and the
tool used to reject, or a reading of the text the tool used to get wrong.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.main import cli
from ocop_docs.cli.render import render
from ocop_docs.scoring.council import council_result, council_result_to_json
from ocop_docs.scoring.rubric_files import load_rubric

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-phieu-cham.yaml"

# tv1's card for the first product, as in the sample, then with 3.4 written 0, 3.5 null and
# 11 left out: three ways of leaving a box unticked (Phụ lục II prints no 0-point option
# for 3.4 "Tăng trưởng lợi nhuận" or 11).
TV1_SAMPLE = (
    '"3.3": 3, "3.4": 2, "3.5": 2,\n'
    '              "4.1": 3, "4.2": 3, "4.3": 4, "5.1": 5, "5.2": 2, "5.3": 4, "6.1": 2, '
    '"6.2": 4,\n'
    '              "6.3": 4, "6.4": 3, "7": 3, "8": 2, "9": 2, "10": 1, "11": 2}\n'
    "        y_kien"
)
TV1_UNTICKED = TV1_SAMPLE.replace('"3.4": 2, "3.5": 2', '"3.4": 0, "3.5": null').replace(
    ', "11": 2}', "}"
)

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
HO_SO = Path(__file__).resolve().parents[2] / "samples" / "ho-so"
TOTALS = "    diem: [75, 78, 73, 74]             # bảng tổng điểm của thư ký, đối chiếu với phiếu\n"


def unticked_round(tmp_path: Path) -> Path:
    text = ROUND.read_text(encoding="utf-8")
    assert TV1_SAMPLE in text and TOTALS in text
    text = text.replace(TV1_SAMPLE, TV1_UNTICKED, 1).replace(TOTALS, "")
    text = text.replace("../ho-so/", f"{ROOT / 'samples' / 'ho-so'}/")
    path = tmp_path / "dot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def doc_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_round_with_an_unticked_card_renders_minutes_and_decision(tmp_path: Path) -> None:
    dot = unticked_round(tmp_path)
    for kind in ("bien-ban", "quyet-dinh"):
        out = tmp_path / f"{kind}.docx"
        result = CliRunner().invoke(render, [kind, str(dot), "--allow", str(HO_SO), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.is_file()
        # The one left out is a warning (a forgotten line looks the same); 0 and null: none.
        assert "Tiêu chí 11 (CƠ HỘI THỊ TRƯỜNG TOÀN CẦU) không có trong phiếu" in result.stderr
        assert "Tiêu chí 3.4" not in result.stderr and "Tiêu chí 3.5" not in result.stderr


def test_unticked_criteria_are_shown_on_the_scoring_sheet(tmp_path: Path) -> None:
    dot = unticked_round(tmp_path)
    out = tmp_path / "phieu.docx"
    result = CliRunner().invoke(
        render,
        ["phieu-danh-gia", str(dot), "--allow", str(HO_SO), "--product", "1", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert "Không đánh dấu (0 điểm): tiêu chí 3.4, 3.5, 11." in doc_text(out)


def proposed_round(tmp_path: Path) -> Path:
    """One product of set 1 whose members give 100, 99, 99, 99: a mean of 99,25, but only one
    of the four meets the 4★ marker of 6.1 (the other three chose its option 2)."""
    rubric = load_rubric(1)
    best = {c.so: len(c.lua_chon) for c in rubric.criteria()}
    weak = {**best, "6.1": 2}
    text = ROUND.read_text(encoding="utf-8")
    head = text[: text.index("san_pham:\n  - ho_so:")]
    tail = text[text.index("quyet_dinh:\n") :]
    product = {
        "san_pham": [
            {
                "ten": "Cam sành Hàm Yên",
                "chu_the": "HTX Cam sành",
                "dia_chi": "xã Hàm Yên, tỉnh Tuyên Quang",
                "bo_san_pham": 1,
                "phieu": {
                    "tv1": {"chon": best},
                    "tv2": {"chon": weak},
                    "tv3": {"chon": weak},
                    "tv4": {"chon": weak},
                },
            }
        ]
    }
    path = tmp_path / "dot-90.yaml"
    path.write_text(
        head + yaml.safe_dump(product, allow_unicode=True, sort_keys=False) + tail,
        encoding="utf-8",
    )
    return path


def test_mean_from_90_is_proposed_even_with_an_unmet_marker(tmp_path: Path) -> None:
    r = load_rubric(1)
    best = {c.so: len(c.lua_chon) for c in r.criteria()}
    cards = [{"bo_san_pham": 1, "chon": best}] + [
        {"bo_san_pham": 1, "chon": {**best, "6.1": 2}}
    ] * 3
    result = council_result(None, r, cards)
    assert result.diem_trung_binh >= 90 and result.hang_sao == 3
    assert result.de_nghi_trung_uong  # Điều 7.3.e: "đạt từ 90 trở lên"
    assert council_result_to_json(result)["de_nghi_trung_uong"] is True


def test_minutes_propose_without_contradiction(tmp_path: Path) -> None:
    dot = proposed_round(tmp_path)
    out = tmp_path / "bb.docx"
    result = CliRunner().invoke(
        render, ["bien-ban", str(dot), "--allow", str(HO_SO), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = doc_text(out)
    assert "Đề nghị 5 sao; lưu ý: chưa đạt yêu cầu tối thiểu ở tiêu chí 6.1 (4 sao)" in text
    assert "đề nghị cấp trung ương đánh giá, phân hạng" in text
    assert "hạ từ" not in text
    assert "được đề nghị cấp trên đánh giá" in result.stderr
    assert "xếp 3 sao" not in result.stderr


def self_assessed(tmp_path: Path, chon: dict[str, int | None]) -> Path:
    """The set-7 sample dossier with its self-assessment (Mẫu 02 Phần III) replaced."""
    src = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
    target = tmp_path / "ho-so"
    shutil.copytree(src, target)
    data = yaml.safe_load((target / "ho-so.yaml").read_text(encoding="utf-8"))
    data["tu_danh_gia"]["chon"] = chon
    (target / "ho-so.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return target


def test_self_assessment_from_90_says_proposed_to_the_ministry(tmp_path: Path) -> None:
    r = load_rubric(7)
    marked = next(c for c in r.criteria() if any(o.sao_toi_thieu == 5 for o in c.markers))
    below = max(o.stt for o in marked.lua_chon if o.sao_toi_thieu != 5 and o.diem < marked.diem)
    chon: dict[str, int | None] = {c.so: len(c.lua_chon) for c in r.criteria()}
    chon[marked.so] = below
    result = CliRunner().invoke(cli, ["validate", str(self_assessed(tmp_path, chon))])
    assert "có tiềm năng đạt 5 sao, thuộc diện đề nghị cấp trung ương đánh giá" in result.output
    assert f"chưa đạt mức tối thiểu ở tiêu chí {marked.so}" in result.output


def test_self_assessment_may_leave_criteria_unticked(tmp_path: Path) -> None:
    r = load_rubric(7)
    chon: dict[str, int | None] = {c.so: len(c.lua_chon) for c in r.criteria()}
    chon["3.4"], chon["3.5"] = None, 0
    result = CliRunner().invoke(
        cli, ["validate", str(self_assessed(tmp_path, chon)), "--format", "json"]
    )
    report = json.loads(result.output)
    found = report if isinstance(report, dict) else report[0]
    text = json.dumps(found, ensure_ascii=False)
    assert "self-assessment-incomplete" not in text and "scorecard-" not in text
    assert '"khong_danh_dau": ["3.4", "3.5"]' in text


def test_rubric_score_applies_a_rule_printed_in_a_criterion(tmp_path: Path) -> None:
    r = load_rubric(7)
    card = {
        "bo_san_pham": 7,
        "chon": {c.so: len(c.lua_chon) for c in r.criteria()},
        "quy_tac_ap_dung": ["1.1"],
    }
    path = tmp_path / "phieu.yaml"
    path.write_text(yaml.safe_dump(card, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["rubric", "score", str(path)])
    assert result.exit_code == 0, result.output
    assert "Hạng sao: không xếp hạng, hồ sơ bị loại" in result.output
    assert "Bị loại theo tiêu chí 1.1: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu" in (
        result.output
    )
    out = tmp_path / "phieu.docx"
    sheet = CliRunner().invoke(render, ["phieu-danh-gia", str(path), "-o", str(out)])
    assert sheet.exit_code == 0, sheet.output
    assert "Hồ sơ bị loại: Bị loại theo tiêu chí 1.1 (Bị loại nếu sử dụng" in doc_text(out)


def test_scoring_sheet_shows_a_stop_rule(tmp_path: Path) -> None:
    r = load_rubric(16)
    chon = {c.so: len(c.lua_chon) for c in r.criteria()}
    chon["6.3"] = 1  # "Có mùi": 0 points, and set 16 stops there
    path = tmp_path / "phieu.yaml"
    path.write_text(
        yaml.safe_dump({"bo_san_pham": 16, "chon": chon}, allow_unicode=True), encoding="utf-8"
    )
    out = tmp_path / "phieu.docx"
    sheet = CliRunner().invoke(render, ["phieu-danh-gia", str(path), "-o", str(out)])
    assert sheet.exit_code == 0, sheet.output
    text = doc_text(out)
    assert "Không đánh giá các bước tiếp theo theo tiêu chí 6.4" in text
    assert "không xếp hạng" in text


# --- rules printed in the rubric, in a council round (issue 11) -----------------------------


def rule_round(tmp_path: Path, bo: int, rules: dict[str, list[str]], chon: dict[str, int]) -> Path:
    """The card sample's round with two products of set ``bo``: the first with the
    cards' ``quy_tac_ap_dung`` of ``rules`` (member → criteria), the second without."""
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    keep = data["san_pham"][0]

    def product(name: str, found: dict[str, list[str]]) -> dict[str, object]:
        return {
            "ten": name,
            "chu_the": "Hợp tác xã Thử nghiệm",
            "dia_chi": "xã Côn Minh, tỉnh Thái Nguyên",
            "bo_san_pham": bo,
            "phieu": {
                ma: {
                    "chon": dict(chon),
                    **({"quy_tac_ap_dung": found[ma]} if found.get(ma) else {}),
                }
                for ma in keep["phieu"]
            },
        }

    data["san_pham"] = [product("Sản phẩm A", rules), product("Sản phẩm B", {})]
    path = tmp_path / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_round_disqualifies_under_the_criterion_a_rule_names(tmp_path: Path) -> None:
    # Set 7, 1.1 "Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc",
    # found by 2 of the 4 members (half): the product is disqualified under 1.1, and the
    # round's result, the minutes and the decision say so, not a generic "bị loại".
    r = load_rubric(7)
    chon = {c.so: max(1, len(c.lua_chon) - 1) for c in r.criteria()}  # 60 points, 3 sao
    dot = rule_round(tmp_path, 7, {"tv1": ["1.1"], "tv3": ["1.1"]}, chon)
    result = CliRunner().invoke(
        cli, ["render", "bien-ban", str(dot), "-o", str(tmp_path / "bb.docx")]
    )
    assert result.exit_code == 0, result.output
    assert "«Sản phẩm A» bị loại theo tiêu chí 1.1: 2/4 phiếu chấm" in result.stderr
    text = doc_text(tmp_path / "bb.docx")
    assert "Bị loại (tiêu chí 1.1)" in text  # the score table's Hạng column
    assert (
        "Sản phẩm A (Hợp tác xã Thử nghiệm): 60,00 điểm, hồ sơ bị loại theo tiêu chí 1.1 (Bị loại "
        "nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc)"
    ) in text
    out = tmp_path / "qd.docx"
    decision = CliRunner().invoke(cli, ["render", "quyet-dinh", str(dot), "-o", str(out)])
    assert decision.exit_code == 0, decision.output
    annex = doc_text(out)
    assert "Sản phẩm B" in annex and "Sản phẩm A" not in annex  # neither recognised nor proposed


def test_round_rule_found_by_fewer_than_half_does_not_disqualify(tmp_path: Path) -> None:
    r = load_rubric(7)
    chon = {c.so: len(c.lua_chon) for c in r.criteria()}
    dot = rule_round(tmp_path, 7, {"tv1": ["1.1"]}, chon)
    out = tmp_path / "bb.docx"
    result = CliRunner().invoke(cli, ["render", "bien-ban", str(dot), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "bị loại theo tiêu chí" not in doc_text(out)


def test_round_stop_rule_gives_its_ground(tmp_path: Path) -> None:
    # Set 19, criterion 6: "Không đánh giá các bước tiếp theo nếu không có Phiếu công bố sản
    # phẩm mỹ phẩm theo quy định", found by 3 of 4 members: not ranked, with that reason.
    r = load_rubric(19)
    chon = {c.so: len(c.lua_chon) for c in r.criteria()}
    dot = rule_round(tmp_path, 19, {"tv1": ["6"], "tv2": ["6"], "tv4": ["6"]}, chon)
    out = tmp_path / "bb.docx"
    result = CliRunner().invoke(cli, ["render", "bien-ban", str(dot), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "«Sản phẩm A» không được xếp hạng: 3/4 phiếu chấm dừng đánh giá tại tiêu chí 6" in (
        result.stderr
    )
    text = doc_text(out)
    assert "Không xếp hạng (dừng tại tiêu chí 6)" in text
    assert (
        "không xếp hạng: không đánh giá các bước tiếp theo sau tiêu chí 6 (Không đánh giá các "
        "bước tiếp theo nếu không có Phiếu công bố sản phẩm mỹ phẩm theo quy định)"
    ) in text
    data = json.loads(
        json.dumps(
            council_result_to_json(
                council_result(
                    None,
                    r,
                    [{"bo_san_pham": 19, "chon": chon, "quy_tac_ap_dung": ["6"]}] * 3
                    + [{"bo_san_pham": 19, "chon": chon}],
                )
            ),
            ensure_ascii=False,
        )
    )
    assert data["hang_sao"] == 0 and data["dung_tai"] == "6" and not data["de_nghi_trung_uong"]
    assert data["ly_do_dung"].startswith("không đánh giá các bước tiếp theo sau tiêu chí 6 (")
