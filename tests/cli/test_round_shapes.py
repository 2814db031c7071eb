"""A round file of the wrong shape is a finding with its line, never an internal error.

``ocop-docs batch`` on a round without ``san_pham`` ended with exit 3 (a KeyError in the
working round, reached before the schema's findings were looked at), and a council's
founding decision dated "x" passed the schema and failed while the minutes were written.
Each is now a finding at its line (exit 1) in the run's language, for ``render`` and
``batch`` alike (issue 9).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_docs.cli.main import cli

HEAD = """\
bo_tieu_chi: "26/2026"
ten_dot: Đợt 2
nam: 2026
cap: tinh
co_quan: {ten: UBND tỉnh, ky_hieu: UBND, dia_danh: Thái Nguyên, tinh: tỉnh Thái Nguyên}
hoi_dong:
  ten: Hội đồng
  quyet_dinh_thanh_lap: {so: 1/QĐ-UBND, ngay: NGAY}
  thanh_vien: [{ma: tv1, ho_ten: A, vai_tro: chu_tich}, {ma: tv2, ho_ten: B, vai_tro: thu_ky}]
hop: {bat_dau: 2026-12-15T08:00, dia_diem: Hội trường, chu_tri: tv1, thu_ky: tv2}
"""
PRODUCT = "  - {ten: Gà đồi, chu_the: HTX, dia_chi: xã Trần Phú, diem: [70]}\n"

CASES = {
    "no-san-pham": ("", 1, "Sản phẩm được đánh giá"),
    "empty": ("san_pham: []\n", 11, "không được để trống"),
    "mapping": ("san_pham: {a: 1}\n", 11, "danh sách"),
    "text": ("san_pham: abc\n", 11, "danh sách"),
    "null": ("san_pham:\n", 11, "Sản phẩm được đánh giá"),
}


def _round(tmp_path: Path, tail: str, ngay: str = "2026-08-20") -> Path:
    path = tmp_path / "dot.yaml"
    path.write_text(HEAD.replace("NGAY", ngay) + tail, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("verb", ["batch", "render"])
def test_a_round_without_a_list_of_products(tmp_path: Path, name: str, verb: str) -> None:
    tail, line, words = CASES[name]
    source = str(_round(tmp_path, tail))
    out = tmp_path / ("out" if verb == "batch" else "bb.docx")
    args = [source, "-o", str(out)]
    args = ["batch", *args, "-j", "1"] if verb == "batch" else ["render", "bien-ban", *args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "KeyError" not in result.output
    assert f"dòng {line}" in result.output and words in result.output
    english = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert english.exit_code == 1 and f"line {line}" in english.output
    assert "dòng" not in english.output.split("e.g.:")[-1]  # the example in English too
    assert not list(tmp_path.rglob("*.docx"))


def test_products_that_are_not_mappings_fail_alone(tmp_path: Path) -> None:
    source = _round(tmp_path, "san_pham:\n  - 1\n" + PRODUCT)
    result = CliRunner().invoke(cli, ["batch", str(source), "-o", str(tmp_path / "o"), "--draft"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "#1" in result.output


@pytest.mark.parametrize("verb", ["batch", "render"])
def test_a_founding_date_that_is_no_date(tmp_path: Path, verb: str) -> None:
    source = str(_round(tmp_path, "san_pham:\n" + PRODUCT, ngay="'x'"))
    out = tmp_path / ("out" if verb == "batch" else "bb.docx")
    args = [source, "-o", str(out)]
    args = ["batch", *args, "-j", "1"] if verb == "batch" else ["render", "bien-ban", *args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "dòng 8" in result.output and "không phải ngày hợp lệ: «x»" in result.output
    assert "Traceback" not in result.output
