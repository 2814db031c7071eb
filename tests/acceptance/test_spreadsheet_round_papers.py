"""A round given as a results spreadsheet makes the same papers as its round file (issue
12): the procedure's other papers (the communes' letters, Mẫu 03, the approval, the letter
to the Ministry, the notices) read their blocks from «Thông tin đợt», «Văn bản xã» and
«Đánh giá xã» (``scripts/make_sample_spreadsheet.py`` writes the sample from the round)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.batch import batch
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.production.rounds.model import require_valid
from ocop_docs.production.spreadsheets.mapping import read_round_sheet

ROOT = Path(__file__).resolve().parents[2]
HO_SO = ROOT / "samples" / "ho-so"
ROUNDS = ROOT / "samples" / "dot-danh-gia"
KINDS = (
    "bien-ban,quyet-dinh,giay-chung-nhan,bao-cao-xa,de-nghi-xa,phe-duyet-ket-qua,"
    "cong-van-de-nghi,thong-bao-ket-qua"
)
PROCEDURE = ("van_ban_xa", "co_quan_tham_muu", "phe_duyet", "cong_van", "thong_bao")


def _texts(folder: Path) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*.docx")):
        doc = Document(io.BytesIO(path.read_bytes()))
        parts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        out[str(path.relative_to(folder))] = "\n".join(parts)
    return out


def _batch(source: Path, out: Path) -> dict[str, str]:
    args = [str(source), "-o", str(out), "--kinds", KINDS, "--allow", str(HO_SO)]
    result = CliRunner().invoke(batch, [*args, "--no-progress"])
    assert result.exit_code == 0, result.output
    return _texts(out)


@pytest.fixture(scope="module")
def from_round(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _batch(ROUNDS / "thai-nguyen-2026-dot-2.yaml", tmp_path_factory.mktemp("yaml"))


def test_the_sheet_holds_the_round_files_blocks() -> None:
    data = require_valid(load_round(ROUNDS / "thai-nguyen-2026-dot-2.yaml", allow=(HO_SO,))).data
    assert data is not None
    sheet = read_round_sheet(ROUNDS / "thai-nguyen-2026-dot-2.xlsx", allow=(HO_SO,))
    assert sheet.ok, [i.message("vi") for i in sheet.issues]
    assert sheet.data is not None
    for block in PROCEDURE:
        assert sheet.data[block] == data[block], block
    given = [p.get("danh_gia_xa") for p in data["san_pham"]]
    assert [p.get("danh_gia_xa") for p in sheet.data["san_pham"]] == given
    assert sheet.data["san_pham"][0]["ngay_nhan_ho_so"] == "2026-11-02"


@pytest.mark.parametrize("name", ["thai-nguyen-2026-dot-2.xlsx", "thai-nguyen-2026-dot-2.csv"])
def test_same_papers_as_the_round_file(
    from_round: dict[str, str], tmp_path: Path, name: str
) -> None:
    from_sheet = _batch(ROUNDS / name, tmp_path / "out")
    assert sorted(from_sheet) == sorted(from_round)
    kinds = {k.split("/")[0] for k in from_round}
    assert {"de-nghi-xa", "bao-cao-xa", "phe-duyet-ket-qua", "cong-van-de-nghi"} <= kinds
    assert "thong-bao-ket-qua" in kinds
    for path, text in from_round.items():
        assert from_sheet[path] == text, path


def _csv_round(tmp_path: Path, products: str, letters: str, assessments: str) -> Path:
    import shutil

    for suffix in ("thong-tin-dot", "hoi-dong"):
        shutil.copy(ROUNDS / f"thai-nguyen-2026-dot-2.{suffix}.csv", tmp_path / f"dot.{suffix}.csv")
    (tmp_path / "dot.van-ban-xa.csv").write_text(letters, encoding="utf-8")
    (tmp_path / "dot.danh-gia-xa.csv").write_text(assessments, encoding="utf-8")
    path = tmp_path / "dot.csv"
    path.write_text(products, encoding="utf-8")
    return path


HEAD = (
    "STT,Tên sản phẩm,Chủ thể,Địa chỉ,Bộ sản phẩm,Điểm TV1,Điểm TV2,Điểm TV3,Điểm TV4,"
    "Điểm TV5,Điểm TV7,Điểm TV8,Ngày nhận hồ sơ\n"
)


def test_bad_cells_of_the_papers_sheets_are_named(tmp_path: Path) -> None:
    products = HEAD + (
        '1,Gà đồi,HTX Trần Phú,"xã Trần Phú, tỉnh Thái Nguyên",2,74,72,76,71,73,75,72,02/11/2026\n'
        '2,Mật ong,HTX Hương Rừng,"xã Côn Minh, tỉnh Thái Nguyên",4,70,71,72,69,70,71,70,hôm qua\n'
    )
    letters = (
        "Xã,Số,Ngày,Quyền hạn người ký,Chức vụ người ký,Người ký,Nơi nhận\n"
        "xã Trần Phú,12,31/02/2026,,CHỦ TỊCH,Hư Cấu,Như trên; Lưu: VT\n"
        "xã Côn Minh,52,28/10/2026,,CHỦ TỊCH,Hư Cấu,\n"
    )
    assessments = (
        "STT,Nguyên liệu,Lao động,Ý tưởng,Bản sắc\n"
        "1,Gà thả đồi,Lao động địa phương,Truyền thống,Giống địa phương\n"
        "9,x,x,x,x\n"
    )
    sheet = read_round_sheet(_csv_round(tmp_path, products, letters, assessments))
    found = {(i.code, i.params.get("sheet"), i.params.get("row")) for i in sheet.issues}
    assert ("sheet-paper-bad-value", "Văn bản xã", 2) in found  # 31/02 is no day
    assert ("sheet-paper-unknown-product", "Đánh giá xã", 3) in found  # no product 9
    bad = next(i for i in sheet.issues if i.code == "sheet-paper-bad-value")
    assert "cột «Ngày»: «31/02/2026» không hợp lệ; ghi một ngày dd/mm/yyyy" in bad.message("vi")
    # the product row with a bad date fails alone, named with its row
    assert [(f.row, [i.code for i in f.issues]) for f in sheet.failures] == [
        (3, ["sheet-row-bad-date"])
    ]
    assert sheet.data is not None
    first = sheet.data["san_pham"][0]
    assert first["ngay_nhan_ho_so"] == "2026-11-02"
    assert first["danh_gia_xa"]["nguyen_lieu"] == "Gà thả đồi"
    assert sheet.data["van_ban_xa"][0]["noi_nhan"] == ["Như trên", "Lưu: VT"]
    assert sheet.data["van_ban_xa"][1]["nguoi_ky"] == {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Hư Cấu"}
