"""Spreadsheets as people and attackers make them (issue 9): refused with the file and row,
within bounded time and memory, never an exception out of ``read_round_sheet``."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ocop_docs.production.spreadsheets import workbooks
from ocop_docs.production.spreadsheets.cells import cell_date, cell_moment
from ocop_docs.production.spreadsheets.mapping import read_round_sheet

SAMPLE = Path(__file__).parents[2] / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.xlsx"
SHEET = "xl/worksheets/sheet1.xml"


def rewrite(
    target: Path,
    change: Callable[[str, bytes], bytes | None],
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A copy of the sample workbook with parts changed (None drops the part)."""
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return target


def codes(path: Path) -> list[str]:
    return [i.code for i in read_round_sheet(path).issues]


def only(path: Path) -> dict[str, object]:
    result = read_round_sheet(path)
    assert result.data is None
    assert len(result.issues) == 1, result.issues
    issue = result.issues[0]
    assert str(path) in issue.message("vi") and str(path) in issue.message("en")
    return {"code": issue.code, **issue.params}


def test_the_sample_still_reads(tmp_path: Path) -> None:
    copy = rewrite(tmp_path / "ban-sao.xlsx", lambda _n, data: data)
    assert read_round_sheet(copy).ok


def test_zip_bomb_is_refused_from_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbooks, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = rewrite(tmp_path / "bom.xlsx", lambda _n, d: d, {"xl/media/zero.bin": b"0" * 2_000_000})
    found = only(bomb)
    assert found["code"] == "sheet-too-large" and found["part"] == "xl/media/zero.bin"


def test_real_size_zip_bomb(tmp_path: Path) -> None:
    # 300 MB of zeros deflate to ~300 KB: refused before openpyxl inflates anything.
    bomb = tmp_path / "bom-that.xlsx"
    block = b"<" * (1 << 20)
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
        out.open("xl/worksheets/sheet1.xml", "w") as part,
    ):
        for _ in range(300):
            part.write(block)
    assert bomb.stat().st_size < 5_000_000
    assert only(bomb)["code"] == "sheet-too-large"


def test_not_a_zip_and_a_truncated_zip(tmp_path: Path) -> None:
    text = tmp_path / "van-ban.xlsx"
    text.write_text("Tên sản phẩm;Chủ thể\n", encoding="utf-8")
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(SAMPLE.read_bytes()[:3000])
    empty = tmp_path / "rong.xlsx"
    empty.write_bytes(b"")
    for path in (text, truncated, empty):
        assert only(path)["code"] == "sheet-unreadable"


def test_missing_parts(tmp_path: Path) -> None:
    no_sheet = rewrite(tmp_path / "thieu.xlsx", lambda n, d: None if n == SHEET else d)
    no_book = rewrite(
        tmp_path / "thieu-book.xlsx", lambda n, d: None if n == "xl/workbook.xml" else d
    )
    found = only(no_sheet)
    assert found["code"] == "sheet-part-missing" and found["part"] == SHEET
    assert only(no_book)["code"] in {"sheet-part-missing", "sheet-unreadable"}


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 2],  # cut in the middle of a row
        lambda d: d.replace(b"</row>", b"</rw>", 1),
        lambda d: d.replace(b"<v>", b"<v>&bogus;", 1) if b"<v>" in d else d + b"<<",
        lambda d: b"\x00\x01\x02" + d,
    ],
    ids=["truncated", "mismatched-tag", "entity", "binary"],
)
def test_malformed_sheet_xml(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    broken = rewrite(tmp_path / "hong.xlsx", lambda n, d: damage(d) if n == SHEET else d)
    found = only(broken)
    assert found["code"] == "sheet-xml-malformed"


@pytest.mark.parametrize("index", ["5", "99999999", "-1"])
def test_dangling_shared_string(tmp_path: Path, index: str) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name != SHEET:
            return data
        # The first inline-string cell of row 2 becomes a shared-string reference.
        return re.sub(
            rb'<c r="B2"([^>]*) t="inlineStr"><is><t>[^<]*</t></is></c>',
            b'<c r="B2"\\1 t="s"><v>' + index.encode() + b"</v></c>",
            data,
            count=1,
        )

    broken = rewrite(tmp_path / "chuoi.xlsx", change)
    assert b't="s"' in zipfile.ZipFile(broken).read(SHEET)
    found = only(broken)
    assert found["code"] in {"sheet-bad-cell", "sheet-xml-malformed"}
    assert found["row"] == 2


def _rows_xml(count: int, column: str = "A") -> bytes:
    rows = "".join(
        f'<row r="{n}"><c r="{column}{n}" t="inlineStr"><is><t>x{n}</t></is></c></row>'
        for n in range(1, count + 1)
    )
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()


def test_too_many_rows_in_a_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbooks, "MAX_SHEET_ROWS", 1_000)
    many = rewrite(tmp_path / "nhieu.xlsx", lambda n, d: _rows_xml(1_500) if n == SHEET else d)
    found = only(many)
    assert found["code"] == "sheet-too-many-rows" and found["row"] == 1_001


def test_far_row_and_wide_dimension_cost_nothing(tmp_path: Path) -> None:
    # One cell in the last row Excel allows, and a dimension claiming the whole grid: rows
    # are not invented from the claim; the sheet is read (and fails on its content only).
    far = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576">'
        b'<c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    sheet = rewrite(tmp_path / "xa.xlsx", lambda n, d: far if n == SHEET else d)
    result = read_round_sheet(sheet)
    assert result.data is None
    assert [i.code for i in result.issues] == ["sheet-no-header"]


def test_too_many_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbooks, "MAX_SHEET_CELLS", 100_000)
    wide = rewrite(tmp_path / "rong.xlsx", lambda n, d: _rows_xml(20, "XFD") if n == SHEET else d)
    found = only(wide)
    assert found["code"] == "sheet-too-many-cells"


def test_csv_cell_over_the_field_limit(tmp_path: Path) -> None:
    big = tmp_path / "o-lon.csv"
    big.write_text("Tên sản phẩm,Chủ thể\nGà,A\n" + "x," + "y" * 200_000 + "\n", encoding="utf-8")
    quote = tmp_path / "ngoac.csv"
    quote.write_text('Tên sản phẩm,Chủ thể\n"Gà' + ",A\n" * 70_000, encoding="utf-8")
    for path, row in ((big, 3), (quote, None)):
        found = only(path)
        assert found["code"] == "sheet-cell-too-large"
        if row is not None:
            assert found["row"] == row


def test_a_million_csv_rows(tmp_path: Path) -> None:
    many = tmp_path / "trieu.csv"
    many.write_bytes(b"Ten san pham,Chu the\n" + b"a,b\n" * 1_000_000)
    found = only(many)
    assert found["code"] == "sheet-too-many-rows"
    assert found["row"] == workbooks.MAX_SHEET_ROWS + 1


def test_sheet_file_too_large_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbooks, "MAX_SHEET_FILE_BYTES", 1_000)
    for name in ("lon.csv", "lon.xlsx"):
        path = tmp_path / name
        path.write_bytes(b"a,b\n" * 1_000)
        assert only(path)["code"] == "sheet-too-large"


def test_a_folder_or_fifo_named_as_the_sheet(tmp_path: Path) -> None:
    folder = tmp_path / "thu-muc.xlsx"
    folder.mkdir()
    assert only(folder)["code"] == "sheet-unreadable"
    fifo = tmp_path / "ong.csv"
    os.mkfifo(fifo)
    assert only(fifo)["code"] == "sheet-unreadable"


@pytest.mark.parametrize(
    "value",
    ["30/02/2027", "2027-02-30", "31/04/2026", "29/02/2025", "01/13/2026", "30/02/2027 09:00"],
)
def test_impossible_dates_in_cells_are_not_dates(value: str) -> None:
    assert cell_date(value) is None
    assert cell_moment(value) is None
    assert cell_date("28/02/2027") == "2027-02-28" and cell_moment("29/02/2028 08:30")


@pytest.mark.parametrize("name", ["thai-nguyen-2026-dot-2.csv", "thai-nguyen-2026-dot-2.xlsx"])
def test_a_dossier_folder_named_by_a_sheet_is_never_a_link(tmp_path: Path, name: str) -> None:
    shutil.copytree(SAMPLE.parent, tmp_path / "dot-danh-gia")
    shutil.copytree(SAMPLE.parents[1] / "ho-so", tmp_path / "ho-so")
    linked = tmp_path / "ho-so" / "mien-dong-tai-hoan"
    moved = tmp_path / "ngoai" / "mien-dong-tai-hoan"
    moved.parent.mkdir()
    shutil.move(linked, moved)
    os.symlink(moved, linked)
    # The user allows the dossiers' folder (--allow); a link inside it is still refused.
    result = read_round_sheet(tmp_path / "dot-danh-gia" / name, allow=(tmp_path / "ho-so",))
    assert [f.row for f in result.failures] == [2]  # the first product row, and it alone
    assert any("symlink" in i.message("en") for i in result.failures[0].issues)
    assert result.data is not None and len(result.data["san_pham"]) >= 1
