"""``ocop-docs so-theo-doi`` (issue 14): import, list, reminders, statistics, export; the
batch's ``--so-theo-doi``; the README's example from a clean folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from ocop_docs.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
LISTS = SAMPLES / "so-theo-doi"
FIXTURES = ROOT / "tests" / "fixtures" / "registry"
DECISION_2019 = (
    "--so-quyet-dinh",
    "45/QĐ-UBND",
    "--ngay-quyet-dinh",
    "10/01/2020",
    "--co-quan",
    "Ủy ban nhân dân tỉnh Bắc Kạn",
    "--nam",
    "2019",
    "--tinh",
    "Bắc Kạn",
)


def run(book: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["so-theo-doi", *args, "--so", str(book)])


def test_the_na_ri_book_end_to_end(tmp_path: Path) -> None:
    book = tmp_path / "so.sqlite"
    first = run(book, "nhap", str(LISTS / "na-ri-2018.yaml"))
    assert first.exit_code == 0, first.output
    assert "Đã ghi 6 sản phẩm vào sổ" in first.stdout
    batch = CliRunner().invoke(
        cli,
        [
            "batch",
            str(SAMPLES / "dot-danh-gia" / "na-ri-2019.yaml"),
            "-o",
            str(tmp_path / "out"),
            "--kinds",
            "quyet-dinh",
            "--jobs",
            "1",
            "--so-theo-doi",
            str(book),
            "--allow",
            str(SAMPLES / "ho-so"),
        ],
    )
    assert batch.exit_code == 0, batch.output
    assert "Đã ghi 5 sản phẩm vào sổ (na-ri-2019.yaml (45/QĐ-UBND))" in batch.stdout
    annex = run(book, "nhap", str(LISTS / "na-ri-2019.csv"), *DECISION_2019)
    assert annex.exit_code == 0, annex.output
    assert "Đã ghi 9 sản phẩm vào sổ" in annex.stdout and "bỏ qua 5 đã có" in annex.stdout
    assert annex.stderr.count("đã có trong sổ theo quyết định 45/QĐ-UBND") == 5
    assert run(book, "nhap", str(LISTS / "na-ri-2020-nang-hang.yaml")).exit_code == 0
    stats = run(book, "thong-ke", "--nam", "2020", "--format", "json")
    data = json.loads(stats.stdout)
    assert data["total_in_force"] == 20 and data["in_force"] == {"3": 19, "4": 1, "5": 0}
    text = run(book, "thong-ke", "--nam", "2020").stdout
    assert "Năm 2018: 6 sản phẩm đạt chuẩn (5×3★, 1×4★)" in text
    assert "Năm 2019: 14 sản phẩm đạt chuẩn (14×3★)" in text
    english = run(book, "thong-ke", "--nam", "2020", "--lang", "en").stdout
    assert "2018: 6 products certified (5×3★, 1×4★)" in english and "Năm" not in english
    listing = run(book, "danh-sach", "--ngay", "31/12/2020", "--sao", "4", "--xa", "Côn Minh")
    assert listing.exit_code == 0 and "Miến dong — Hợp tác xã Tài Hoan; 4 sao" in listing.stdout
    out = tmp_path / "so.xlsx"
    exported = run(book, "xuat", str(out))
    assert exported.exit_code == 0 and out.is_file() and "21 dòng" in exported.stdout


def test_errors_write_nothing_and_exit_1(tmp_path: Path) -> None:
    book = tmp_path / "so.sqlite"
    bad = tmp_path / "phu-luc.csv"
    bad.write_text("STT,Tên sản phẩm,Chủ thể,Địa chỉ,Hạng sao\n1,Gà,HTX A,xã Côn Minh,2\n", "utf-8")
    result = run(book, "nhap", str(bad), *DECISION_2019)
    assert result.exit_code == 1
    assert "Không ghi gì vào sổ" in result.stdout and "Dòng 2 («Gà»)" in result.stderr
    assert (
        json.loads(run(book, "danh-sach", "--format", "json", "--tat-ca").stdout)["entries"] == []
    )
    usage = run(book, "nhap", str(LISTS / "na-ri-2019.csv"))
    assert usage.exit_code == 2 and "--so-quyet-dinh" in usage.stderr
    missing = CliRunner().invoke(
        cli, ["so-theo-doi", "danh-sach", "--so", str(tmp_path / "khong-co" / "so.sqlite")]
    )
    assert missing.exit_code == 1 and "Không có thư mục" in missing.stderr
    assert "Traceback" not in missing.output


def test_reminders_and_letters(tmp_path: Path) -> None:
    book = tmp_path / "so.sqlite"
    assert run(book, "nhap", str(FIXTURES / "thai-nguyen-2023-2024.yaml")).exit_code == 0
    result = run(
        book,
        "nhac-han",
        "--ngay",
        "20/09/2026",
        "--thu-muc",
        str(tmp_path / "thu"),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"] == {"dang_mo": 0, "sap_dong": 0, "da_lo": 2, "het_han": 0}
    assert data["items"][0]["entry"]["phone"] == "0912 000 201"
    assert len(list((tmp_path / "thu").glob("*.docx"))) == 2
    text = run(book, "nhac-han", "--ngay", "01/06/2026").stdout  # 2 days before 120
    assert "Sắp hết thời hạn nộp (còn dưới 30 ngày) (2):" in text
    assert "nộp từ 04/04/2026 đến 03/06/2026; liên hệ: 0912 000 201" in text
    before = run(book, "nhac-han", "--ngay", "01/05/2026").stdout  # before QĐ 26/2026
    assert "không quy định thời hạn nộp hồ sơ đánh giá lại" in before
