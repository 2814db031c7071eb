"""Results spreadsheets (.xlsx, .csv): headers, Vietnamese variants, bad rows with row numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ocop_docs.production.rounds.loading import load_round
from ocop_docs.production.rounds.model import require_valid
from ocop_docs.production.spreadsheets.mapping import read_round_sheet
from ocop_docs.production.spreadsheets.writing import round_tables, write_csv, write_workbook

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "dot-danh-gia"
ROUND = SAMPLES / "thai-nguyen-2026-dot-2.yaml"
XLSX = SAMPLES / "thai-nguyen-2026-dot-2.xlsx"
CSV = SAMPLES / "thai-nguyen-2026-dot-2.csv"


def _round_from(data: dict[str, object], tmp_path: Path) -> object:
    path = tmp_path / "round.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return require_valid(load_round(path, allow=ALLOW))


def _results(rnd: object) -> list[tuple[str, str, int, bool]]:
    return [(p.ten, p.mean_text, p.stars, p.recognised) for p in rnd.products]  # type: ignore[attr-defined]


@pytest.mark.parametrize("sheet", [XLSX, CSV])
def test_sample_sheets_agree_with_the_round_file(sheet: Path, tmp_path: Path) -> None:
    read = read_round_sheet(sheet, allow=ALLOW)
    assert read.ok and not read.failures and not read.issues
    assert read.rows == [2, 3, 4, 5, 6, 7, 8]
    assert read.data is not None
    from_sheet = _round_from(read.data, tmp_path)
    from_file = require_valid(load_round(ROUND, allow=ALLOW))
    assert _results(from_sheet) == _results(from_file)
    assert [m.ma for m in from_sheet.members] == [m.ma for m in from_file.members]  # type: ignore[attr-defined]
    assert read.data["quyet_dinh"]["ngay"] == "2027-01-05"
    assert read.data["hop"]["bat_dau"] == "2026-12-15T08:00"
    assert len(read.data["quyet_dinh"]["can_cu"]) == 5  # competence first (issue 12)


def _cell(value: object) -> object:
    if value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def _without_paths(data: dict[str, Any] | None) -> dict[str, Any]:
    assert data is not None
    return {**data, "san_pham": [{**p, "ho_so": Path(p["ho_so"]).name} for p in data["san_pham"]]}


def test_committed_sample_is_what_the_script_makes(tmp_path: Path) -> None:
    tables = round_tables(require_valid(load_round(ROUND, allow=ALLOW)))
    book = load_workbook(XLSX, data_only=True)
    for title, rows in tables.items():
        cells = [list(row) for row in book[title].iter_rows(values_only=True)]
        assert cells == [[_cell(v) for v in row] for row in rows], title
    for path in write_csv(tables, tmp_path / "x.csv"):
        twin = SAMPLES / path.name.replace("x", "thai-nguyen-2026-dot-2", 1)
        assert path.read_bytes() == twin.read_bytes()
    write_workbook(tables, tmp_path / "x.xlsx")
    # Its paths (../ho-so/…) point beside the temporary folder: allowed, so that the cells
    # alone are compared (the paths are left out).
    again = read_round_sheet(tmp_path / "x.xlsx", allow=(tmp_path.parent,))
    assert _without_paths(again.data) == _without_paths(read_round_sheet(XLSX, allow=ALLOW).data)


def _csv_copy(tmp_path: Path, products: str) -> Path:
    for suffix in ("thong-tin-dot", "hoi-dong"):
        shutil.copy(
            SAMPLES / f"thai-nguyen-2026-dot-2.{suffix}.csv", tmp_path / f"dot.{suffix}.csv"
        )
    path = tmp_path / "dot.csv"
    path.write_text(products, encoding="utf-8")
    return path


HEAD = "STT,Tên sản phẩm,Chủ thể,Địa chỉ,Bộ sản phẩm,Điểm TV1,Điểm TV2,Điểm TV3,Điểm TV4,Điểm TV5,Điểm TV7,Điểm TV8,Điểm trung bình\n"
GOOD = "1,Gà đồi,HTX Trần Phú,xã Trần Phú,2,74,72,76,71,73,75,72,\n"


def test_headers_without_diacritics_and_semicolons(tmp_path: Path) -> None:
    head = "stt;TEN SAN PHAM;chu the;Dia chi;Bo san pham;diem tv1;DIEM TV2;Diem Tv3;diem tv4;diem tv5;diem tv7;diem tv8;Diem TB\n"
    row = "1;Gà đồi;HTX Trần Phú;xã Trần Phú;Bộ 2;74,5;72;76;71;73;75;72;73,36\n"
    sheet = read_round_sheet(_csv_copy(tmp_path, head + row), allow=ALLOW)
    assert sheet.ok and not sheet.failures, [i.message() for f in sheet.failures for i in f.issues]
    assert sheet.data is not None
    product = sheet.data["san_pham"][0]
    assert product["bo_san_pham"] == 2 and product["diem"]["tv1"] == 74.5


def test_bad_rows_fail_alone_with_their_row_numbers(tmp_path: Path) -> None:
    rows = [
        GOOD,
        ",,HTX A,xã A,2,70,70,70,70,70,70,70,\n",  # row 3: no name
        "3,Mật ong,HTX B,xã B,27,70,70,70,70,70,70,70,\n",  # row 4: set 27
        "4,Chè,HTX C,xã C,12,70,bảy mươi,70,70,70,70,70,\n",  # row 5: not a number
        "5,Miến,HTX D,xã D,7,,,,,,,,90\n",  # row 6: only the mean
        "6,Cam,HTX E,xã E,1,60,60,60,60,60,60,60,65\n",  # row 7: mean does not match
        "7,Lá,HTX F,xã F,Mật ong, mật khác và nông sản thực phẩm khác,60,60,60,60,60,60,60,\n",
    ]
    sheet = read_round_sheet(_csv_copy(tmp_path, HEAD + "".join(rows)), allow=ALLOW)
    codes = {f.row: [i.code for i in f.issues] for f in sheet.failures}
    assert codes == {
        3: ["sheet-row-missing"],
        4: ["sheet-row-unknown-set"],
        5: ["sheet-row-bad-score"],
        6: ["sheet-row-no-scores"],
        7: ["sheet-row-mean-mismatch"],
        8: ["sheet-row-unknown-set", "sheet-row-bad-score"],  # unquoted comma: every problem
    }
    assert sheet.rows == [2]
    message = sheet.failures[1].issues[0].message()
    assert message.startswith("Dòng 4 (Mật ong): bộ sản phẩm «27»")
    assert sheet.failures[3].issues[0].message("en").startswith("Row 6 (Miến)")


def test_product_set_by_name(tmp_path: Path) -> None:
    row = '1,Mật,HTX,xã,"Mật ong, mật khác và nông sản thực phẩm khác",60,60,60,60,60,60,60,\n'
    sheet = read_round_sheet(_csv_copy(tmp_path, HEAD + row), allow=ALLOW)
    assert sheet.data is not None and sheet.data["san_pham"][0]["bo_san_pham"] == 4


def test_sheet_level_problems(tmp_path: Path) -> None:
    sheet = read_round_sheet(
        _csv_copy(tmp_path, "Cột lạ,Tên sản phẩm,Điểm TV10\n1,A,5\n"), allow=ALLOW
    )
    codes = [i.code for i in sheet.issues]
    assert "sheet-unknown-column" in codes and "sheet-unknown-member" in codes
    assert not sheet.ok
    no_header = read_round_sheet(_csv_copy(tmp_path, "a,b\n1,2\n"), allow=ALLOW)
    assert [i.code for i in no_header.issues] == ["sheet-no-header"]
    (tmp_path / "dot.hoi-dong.csv").unlink()
    missing = read_round_sheet(_csv_copy(tmp_path, HEAD + GOOD), allow=ALLOW)
    (tmp_path / "dot.hoi-dong.csv").unlink()
    assert [i.code for i in read_round_sheet(tmp_path / "dot.csv", allow=ALLOW).issues] == [
        "sheet-missing"
    ]
    assert missing.ok
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Tên sản phẩm\nGà đồi\n".encode("cp1252", "replace"))
    assert [i.code for i in read_round_sheet(latin, allow=ALLOW).issues] == ["sheet-not-utf8"]
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a workbook")
    assert [i.code for i in read_round_sheet(broken, allow=ALLOW).issues] == ["sheet-unreadable"]


def test_round_information_rows(tmp_path: Path) -> None:
    _csv_copy(tmp_path, HEAD + GOOD)
    info = tmp_path / "dot.thong-tin-dot.csv"
    text = info.read_text(encoding="utf-8-sig")
    text = text.replace("quyet_dinh.ngay,05/01/2027", "quyet_dinh.ngay,ngày 5")
    text += "co_quan.ten_moi,X,\nhop,Y,\nsan_pham.ten,Z,\nten_dot,Lần hai,\n"
    info.write_text(text, encoding="utf-8")
    members = tmp_path / "dot.hoi-dong.csv"
    members.write_text(
        members.read_text(encoding="utf-8-sig").replace("Thư ký,có,không", "Trưởng ban,có,không"),
        encoding="utf-8",
    )
    sheet = read_round_sheet(tmp_path / "dot.csv", allow=ALLOW)
    found = {(i.code, i.params.get("row")) for i in sheet.issues}
    # Rows as Excel numbers them: a quoted cell may hold line breaks (a signer's
    # "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"), so rows are the CSV's records, not its lines.
    records = list(csv.reader(io.StringIO(text)))
    row_of = {r[0]: n for n, r in enumerate(records, start=1) if r}
    assert ("sheet-info-bad-value", row_of["quyet_dinh.ngay"]) in found
    assert ("sheet-info-unknown-key", row_of["co_quan.ten_moi"]) in found
    assert ("sheet-info-group-key", row_of["hop"]) in found
    assert ("sheet-info-misplaced-key", row_of["san_pham.ten"]) in found
    assert ("sheet-info-duplicate-key", len(records)) in found
    assert ("sheet-member-bad-value", 10) in found
    bad_date = next(i for i in sheet.issues if i.code == "sheet-info-bad-value")
    assert "cần một ngày dd/mm/yyyy" in bad_date.message()
