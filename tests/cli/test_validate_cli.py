from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from ocop_docs.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_valid_sample_exits_0_with_vietnamese_text() -> None:
    code, out = run("validate", str(SAMPLE), "--no-attachments")
    assert code == 0
    assert "HỢP LỆ" in out and "Danh mục tài liệu" in out and "Gà đồi Trần Phú" in out


def test_english_on_request() -> None:
    code, out = run("validate", str(SAMPLE), "--no-attachments", "--lang", "en")
    assert code == 0 and "VALID" in out and "Document checklist" in out


def test_invalid_dossier_exits_1_with_code_and_line(tmp_path: Path) -> None:
    (tmp_path / "ho-so.yaml").write_text("bo_san_pham: 99\n", encoding="utf-8")
    code, out = run("validate", str(tmp_path), "--format", "json")
    assert code == 1
    issues = json.loads(out)["dossiers"][0]["issues"]
    by_code = {i["code"]: i for i in issues}
    assert (
        by_code["schema-range"]["line"] == 1
        and by_code["schema-range"]["pointer"] == "/bo_san_pham"
    )
    assert "Bộ sản phẩm" in by_code["schema-range"]["message"]


def test_usage_error_exits_2() -> None:
    assert run("validate")[0] == 2
    assert run("validate", str(SAMPLE), "--format", "xml")[0] == 2
    assert run("validate", str(SAMPLE), "--max-size", "nhiều")[0] == 2


def test_many_dossiers_in_one_call(tmp_path: Path) -> None:
    code, out = run(
        "validate", str(SAMPLE), str(tmp_path / "khong-co"), "--format", "json", "--no-attachments"
    )
    data = json.loads(out)
    assert code == 1 and data["summary"] == {
        "dossiers": 2,
        "valid": 1,
        "invalid": 1,
        "errors": 1,
        "warnings": 0,
    }
    assert data["dossiers"][1]["issues"][0]["code"] == "dossier-not-found"


def test_sectors_json_is_machine_readable() -> None:
    code, out = run("sectors", "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data["bo_san_pham"]) == 26 and len(data["nhom"]) == 6
    s15 = data["bo_san_pham"][14]
    assert s15["so"] == 15 and s15["nhom"] == "II"
    assert "giay_phep_san_xuat" in s15["tai_lieu"]["lan_dau"]["bat_buoc"]
    s18 = data["bo_san_pham"][17]
    assert "chung_nhan_gmp" in s18["tai_lieu"]["lan_dau"]["bat_buoc"]
    s26 = data["bo_san_pham"][25]
    assert (
        s26["so_luong_mau"] == 0 and "chung_nhan_attp" not in s26["tai_lieu"]["lan_dau"]["bat_buoc"]
    )
    for case in ("nang_hang", "danh_gia_lai"):
        # One proof of the current recognition (decision or certificate), Điều 6.1.b–c.
        assert "quyet_dinh_cong_nhan" in data["bo_san_pham"][0]["tai_lieu"][case]["bat_buoc"]


def test_sectors_text_lists_every_set() -> None:
    code, out = run("sectors")
    assert code == 0
    assert "26. Dịch vụ du lịch cộng đồng" in out and "Nhóm VI" in out


def test_new_scaffolds_a_dossier_that_validation_explains(tmp_path: Path) -> None:
    target = tmp_path / "mien-dong"
    code, out = run("new", "--set", "7", str(target))
    assert code == 0 and (target / "ho-so.yaml").is_file() and (target / "tai-lieu").is_dir()
    data = yaml.safe_load((target / "ho-so.yaml").read_text(encoding="utf-8"))
    assert data["bo_san_pham"] == 7
    assert {d["loai"] for d in data["tai_lieu"]} >= {"phieu_dang_ky", "chung_nhan_attp"}
    code, out = run("validate", str(target), "--format", "json")
    assert code == 1
    codes = {i["code"] for i in json.loads(out)["dossiers"][0]["issues"]}
    assert "schema-length" in codes and "attachment-missing" in codes
    # never overwrite silently
    code, out = run("new", "--set", "7", str(target))
    assert code == 1 and "không ghi đè" in out


def test_new_rejects_unknown_set(tmp_path: Path) -> None:
    assert run("new", "--set", "27", str(tmp_path))[0] == 2
