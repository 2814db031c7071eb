"""``ocop-docs rubric``: list, show, score — output and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from ocop_docs.cli.rubric import rubric
from ocop_docs.resources import schemas_dir
from ocop_docs.scoring.rubric_files import load_rubric


def run(*args: str) -> Result:
    return CliRunner().invoke(rubric, list(args))


def best_choices(n: int, **overrides: int) -> dict[str, int]:
    chon = {c.so: len(c.lua_chon) for c in load_rubric(n).criteria()}
    chon.update({k.replace("_", "."): v for k, v in overrides.items()})
    return chon


def write_card(tmp_path: Path, data: Any, name: str = "phieu.yaml") -> Path:
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------
# list / show
# --------------------------------------------------------------------------------------


def test_list_text() -> None:
    result = run("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Bộ  Nhóm")
    assert len(lines) == 27
    assert lines[1] == "  1  I     Rau, củ, quả, hạt tươi (7/12/3)"
    assert lines[26].startswith(" 26  VI    Dịch vụ du lịch cộng đồng")


def test_list_json_english_header() -> None:
    data = json.loads(run("list", "--format", "json").stdout)
    assert [d["bo_san_pham"] for d in data] == list(range(1, 27))
    assert data[10]["so_tieu_chi"] == 32 and data[10]["dau_sao"] == {"3": 8, "4": 12, "5": 3}
    assert run("list", "--lang", "en").stdout.startswith("Set Group")


def test_show_text() -> None:
    result = run("show", "11")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Bộ sản phẩm 11: Chè tươi, chè chế biến (QĐ 26/2026)\n")
    assert "   6.1 Ngoại hình (4 điểm)\n    6.1.1 Tạp chất (2 điểm)" in out
    assert "[2] Có rất ít tạp chất, chấp nhận được | 1 điểm" in out
    assert "[3] Sạch, không phát hiện tạp chất | 2 điểm  [tối thiểu 4 sao]" in out
    assert "(lựa chọn Không/Có do ocop-docs thêm)" in out
    assert "Sửa lỗi văn bản nguồn:" in out and "dòng 2049" in out


def test_show_english_labels_keep_vietnamese_content() -> None:
    out = run("show", "26", "--lang", "en").stdout
    assert "Part A: SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG (40 points)" in out
    assert "Disqualified when: (not stated in this rubric)" in out
    assert "        b. Trường hợp 2: Điểm dịch vụ du lịch" in out


def test_show_json_is_the_data_file() -> None:
    result = run("show", "26", "--format", "json")
    assert result.exit_code == 0
    path = schemas_dir() / "rubrics" / "26-2026" / "bo-26.json"
    assert json.loads(result.stdout) == json.loads(path.read_text(encoding="utf-8"))
    assert "\\u" not in result.stdout  # ensure_ascii=False


@pytest.mark.parametrize(
    "args",
    [("show", "27"), ("show", "x"), ("list", "--format", "xml"), ("score",), ("nope",)],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert run(*args).exit_code == 2


# --------------------------------------------------------------------------------------
# score
# --------------------------------------------------------------------------------------


def test_score_ok(tmp_path: Path) -> None:
    card = write_card(tmp_path, {"bo_san_pham": 1, "chon": best_choices(1, **{"6_1": 2})})
    result = run("score", str(card))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Phần A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG: 40/40 điểm" in out
    assert "  6. CHỈ TIÊU CẢM QUAN: 11/12 điểm" in out
    assert "Tổng điểm: 99/100" in out
    assert "Hạng theo điểm: 5 sao" in out
    assert "Hạng sao: 3 sao (hạ từ 5 sao vì chưa đạt yêu cầu tối thiểu)" in out
    assert '6.1 (4 sao): cần "Đồng đều" (2 điểm) hoặc lựa chọn điểm cao hơn' in out
    assert result.stderr == ""


def test_score_warn_mode_english(tmp_path: Path) -> None:
    card = write_card(tmp_path, {"bo_san_pham": 1, "chon": best_choices(1, **{"6_1": 2})})
    result = run("score", str(card), "--minimum-mode", "warn", "--lang", "en")
    assert result.exit_code == 0
    assert "Stars: 5 star(s) (warning only; with the star minimums applied: 3)" in result.stdout
    assert "Star minimums not met:" in result.stdout


def test_score_json(tmp_path: Path) -> None:
    card = write_card(
        tmp_path, {"bo_san_pham": 26, "chon": best_choices(26, **{"3_4": 1})}, "phieu.json"
    )
    result = run("score", str(card), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["tong_diem"] == 98 and isinstance(data["tong_diem"], int)
    assert data["hang_sao"] == 3 and data["hang_theo_diem"] == 5
    assert [(p["ma"], p["diem"]) for p in data["phan"]] == [("A", 38), ("B", 25), ("C", 35)]
    assert len(data["muc"]) == 17
    assert [(u["tieu_chi"], u["sao"]) for u in data["chua_dat_toi_thieu"]] == [("3.4", 4)]
    assert data["van_de"] == [] and data["tep"] == str(card)


def test_score_json_problems_carry_code_and_hint(tmp_path: Path) -> None:
    chon = best_choices(1)
    chon["4.1"] = 9
    card = write_card(tmp_path, {"bo_san_pham": 1, "chon": chon, "chọn": {}}, "phieu.json")
    result = run("score", str(card), "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["van_de"]
    assert [(p["code"], p["severity"]) for p in problems] == [
        ("scorecard-unknown-field", "warning"),
        ("scorecard-unknown-option", "error"),
    ]
    option = problems[1]
    assert option["message"] == "Criterion 4.1 has no option 9 (options are 1 to 4)."
    assert option["hint"] == (
        "Give the option's number, 1 to 4 in the order printed in the rubric "
        "(QĐ 26/2026 Phụ lục II), not its points. See the options: ocop-docs rubric show 1"
    )
    assert option["pointer"] == "/chon/4.1" and option["line"] == 1
    assert option["params"] == {"tieu_chi": "4.1", "stt": 9, "so_lua_chon": 4, "bo_san_pham": 1}


def test_score_disqualified_exits_0(tmp_path: Path) -> None:
    data = {"bo_san_pham": 21, "chon": best_choices(21), "loai": True, "ly_do_loai": "Giả mạo"}
    result = run("score", str(write_card(tmp_path, data)))
    assert result.exit_code == 0
    assert "Hạng sao: không xếp hạng, hồ sơ bị loại" in result.stdout
    assert "Lý do loại: Giả mạo" in result.stdout


def test_score_card_with_problems_exits_1(tmp_path: Path) -> None:
    chon = best_choices(1)
    chon["4.1"] = 9
    del chon["9"]
    card = tmp_path / "phieu.yaml"
    card.write_text(
        "bo_san_pham: 1\nchon:\n" + "".join(f'  "{k}": {v}\n' for k, v in chon.items()),
        encoding="utf-8",
    )
    result = run("score", str(card))
    assert result.exit_code == 1
    assert "Vấn đề trong phiếu chấm:" in result.stdout
    line_41 = 3 + list(chon).index("4.1")
    assert (
        f"  - [lỗi] dòng {line_41}, cột 3: Tiêu chí 4.1 không có lựa chọn số 9 (chỉ có 1 đến 4).\n"
        "    Cách sửa: Ghi số thứ tự của lựa chọn, từ 1 đến 4 theo thứ tự in trong bộ tiêu chí "
        "(QĐ 26/2026 Phụ lục II), không ghi số điểm. Xem các lựa chọn: ocop-docs rubric show 1\n"
        in result.stdout
    )
    # Issue 11: a criterion left out is unticked (a warning), the bad option is the error.
    assert (
        "  - [cảnh báo] dòng 2, cột 1: Tiêu chí 9 (CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM) không có trong "
        "phiếu, coi như "
        "không đánh dấu lựa chọn nào; tính 0 điểm." in result.stdout
    )


def test_score_many_missing_criteria_on_one_line(tmp_path: Path) -> None:
    card = write_card(tmp_path, {"bo_san_pham": 1, "chon": {"1.1": 3}})
    result = run("score", str(card), "--lang", "en")
    # Issue 11: unticked criteria are lawful (Phụ lục II is a tick-box sheet): warnings, exit 0.
    assert result.exit_code == 0
    assert (
        "  - [warning] 31 criteria have no choice (counted as 0 points): 1.2, 1.3," in result.stdout
    )
    assert result.stdout.rstrip().splitlines()[-1] == (
        "    Fix: If no option is ticked on purpose, give the criterion the value null (or 0) "
        "to silence this: an unticked criterion scores 0 and meets none of its star-minimum "
        "markers (***, ****, *****). See the rubric: ocop-docs rubric show 1"
    )


def test_score_yaml_syntax_error(tmp_path: Path) -> None:
    card = tmp_path / "hong.yaml"
    card.write_text("bo_san_pham: 1\nchon:\n  1.1: 3\n   1.2: [\n", encoding="utf-8")
    result = run("score", str(card))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Không đọc được phiếu chấm {card}, dòng 4, cột")
    assert "Traceback" not in result.output


def test_score_json_syntax_error_english(tmp_path: Path) -> None:
    card = tmp_path / "hong.json"
    card.write_text('{"bo_san_pham": 1,\n "chon": }', encoding="utf-8")
    result = run("score", str(card), "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Cannot read scorecard {card}, line 2, column")


def test_score_missing_file(tmp_path: Path) -> None:
    result = run("score", str(tmp_path / "khong-co.yaml"))
    assert result.exit_code == 1
    assert "khong-co.yaml" in result.stderr and "Traceback" not in result.output


def test_score_card_without_set(tmp_path: Path) -> None:
    card = write_card(tmp_path, {"chon": best_choices(4)})
    result = run("score", str(card))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{card}: Phiếu chấm không ghi bo_san_pham nên không xác định được bộ tiêu chí để chấm.\n"
        "Cách sửa: Thêm dòng «bo_san_pham: N» (N từ 1 đến 26 theo QĐ 26/2026 Phụ lục II) vào "
        "phiếu chấm, hoặc dùng tùy chọn --bo N. Danh sách bộ sản phẩm: ocop-docs rubric list\n"
    )
    assert result.stdout == ""
    with_option = run("score", str(card), "--bo", "4")
    assert with_option.exit_code == 0  # only the "set-missing" warning
    assert "[cảnh báo]" in with_option.stdout and "Tổng điểm: 100/100" in with_option.stdout


def test_score_option_bo_overrides_the_card(tmp_path: Path) -> None:
    card = write_card(tmp_path, {"bo_san_pham": 4, "chon": best_choices(4)})
    result = run("score", str(card), "--bo", "3")
    assert result.exit_code == 1
    assert "Phiếu chấm ghi bộ sản phẩm 4, nhưng đang chấm theo bộ 3." in result.stdout
    assert "hoặc chấm theo bộ 4 (tùy chọn --bo 4)." in result.stdout


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"bo_san_pham": 30, "chon": {}},
            ":1:1: bo_san_pham phải là số từ 1 đến 26, phiếu ghi «30»",
        ),
        (
            {"bo_san_pham": 1, "bo_tieu_chi": "26/2025", "chon": {}},
            ":2:1: Không có bộ tiêu chí 26/2025 để chấm (hiện có: 1048/2019, 148/2023, 26/2026).",
        ),
        ({"bo_san_pham": 1, "bo_tieu_chi": [1], "chon": {}}, "Không có bộ tiêu chí 1 để chấm"),
        ([1, 2, 3], ": Phiếu chấm phải là một bảng khóa–giá trị"),
    ],
)
def test_score_unusable_card(tmp_path: Path, data: Any, expected: str) -> None:
    result = run("score", str(write_card(tmp_path, data)))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "\nCách sửa: " in result.stderr and "Traceback" not in result.output


def test_score_unusable_card_english(tmp_path: Path) -> None:
    card = write_card(tmp_path, {"bo_san_pham": "một", "chon": {}})
    result = run("score", str(card), "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{card}:1:1: bo_san_pham must be a number from 1 to 26, the card says 'một'.\nFix: "
    )


def test_broken_rubric_data_exits_3(tmp_path: Path) -> None:
    base = tmp_path / "schemas"
    shutil.copytree(schemas_dir() / "rubrics", base / "rubrics")
    shutil.copy(schemas_dir() / "rubric.schema.json", base)
    shutil.copytree(schemas_dir() / "rules", base / "rules")  # a copy of schemas/ has its rules
    (base / "rubrics" / "26-2026" / "bo-02.json").write_text("[", encoding="utf-8")
    card = write_card(tmp_path, {"bo_san_pham": 2, "chon": {}})
    result = run("score", str(card), "--schemas-dir", str(base))
    assert result.exit_code == 3
    assert "bo-02.json" in result.stderr
    assert run("show", "2", "--schemas-dir", str(base), "--lang", "en").exit_code == 3
    assert run("show", "3", "--schemas-dir", str(base)).exit_code == 0


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in ("list", "show", "score"):
        assert name in result.stdout
    assert "ocop-docs rubric score phieu-cham.yaml" in result.stdout
