"""``ocop-docs render de-nghi-xa DOSSIERS… --thong-tin FILE``: the commune's proposal letter
(QĐ 26/2026 Điều 6.2.a, 7.2.b) made from its own dossiers, before any round exists
(issue 12); every bad input is a clear message with exit 1, never a partial file."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.render import render

ROOT = Path(__file__).resolve().parents[2]
HO_SO = ROOT / "samples" / "ho-so"
DETAILS = ROOT / "samples" / "de-nghi-xa" / "con-minh-2026.yaml"
CON_MINH = ("mien-dong-tai-hoan", "mat-ong-huong-rung", "lan-hai-con-minh")


def run(*args: str) -> object:
    return CliRunner().invoke(render, ["de-nghi-xa", *args])


def _text(path: Path) -> str:
    doc = Document(io.BytesIO(path.read_bytes()))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def _folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "ho-so-xa"
    for name in names:
        shutil.copytree(HO_SO / name, folder / name)
    return folder


def test_letter_from_three_dossiers(tmp_path: Path) -> None:
    out = tmp_path / "to-trinh.docx"
    dossiers = [str(HO_SO / n) for n in CON_MINH]
    result = run(*dossiers, "--thong-tin", str(DETAILS), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    text = _text(out)
    assert "ỦY BAN NHÂN DÂN\nXÃ CÔN MINH" in text
    assert "Số: 52/TTr-UBND" in text
    assert "Côn Minh, ngày 28 tháng 10 năm 2026" in text
    assert "Về việc đề nghị đánh giá, phân hạng sản phẩm OCOP đợt 2 năm 2026" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Thái Nguyên." in text
    assert "(Đợt 2 năm 2026) đối với 03 sản phẩm" in text
    # the list of dossiers: name, producer and address, set, case from each dossier
    assert "1 | Miến dong Tài Hoan | Hợp tác xã Tài Hoan" in text
    assert "| Đánh giá, phân hạng lại" in text and "| Nâng hạng" in text
    assert "| Lần đầu" in text
    assert "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in text and "Triệu Văn Sơn" in text
    assert "- Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên;" in text
    assert "{{" not in text and "[[" not in text


def test_letter_from_a_folder_as_validate_reads_it(tmp_path: Path) -> None:
    """A folder of dossiers is every dossier below it, as ``validate DIR`` reads it; the
    defaults come from the dossiers (province, place) when the fields file leaves them out."""
    folder = _folder(tmp_path, "mien-dong-tai-hoan", "lan-hai-con-minh")
    details = tmp_path / "to-trinh.yaml"
    details.write_text(
        'nguoi_ky:\n  quyen_han: "TM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH"\n'
        "  chuc_vu: PHÓ CHỦ TỊCH\n  ho_ten: Hư Cấu\n",
        encoding="utf-8",
    )
    out = tmp_path / "to-trinh.docx"
    result = run(str(folder), "--thong-tin", str(details), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    text = _text(out)
    assert "Số:         /TTr-UBND" in text  # number and date left to write by hand
    assert "Côn Minh, ngày" in text
    assert "đối với 02 sản phẩm" in text
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text


def test_no_dossiers_is_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "trong"
    empty.mkdir()
    out = tmp_path / "x.docx"
    result = run(str(empty), "--thong-tin", str(DETAILS), "-o", str(out))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert f"Không có hồ sơ nào trong «{empty}»" in result.stderr  # type: ignore[attr-defined]
    assert not out.exists()


def test_two_communes_are_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "mien-dong-tai-hoan", "cam-duong-canh-yen-lac")
    out = tmp_path / "x.docx"
    result = run(str(folder), "--thong-tin", str(DETAILS), "-o", str(out), "--format", "json")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    payload = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert payload["ok"] is False
    assert payload["code"] == "commune-letter-many-communes"
    message = payload["message"]
    assert "Các hồ sơ thuộc 2 xã khác nhau" in message
    assert "xã Côn Minh: «" in message and "xã Na Rì: «" in message
    assert "cam-duong-canh-yen-lac»" in message
    assert not out.exists()


def test_an_invalid_dossier_is_named(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "mien-dong-tai-hoan", "mat-ong-huong-rung")
    broken = folder / "mat-ong-huong-rung" / "ho-so.yaml"
    data = yaml.safe_load(broken.read_text(encoding="utf-8"))
    data["bo_san_pham"] = 99
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "x.docx"
    result = run(str(folder), "--thong-tin", str(DETAILS), "-o", str(out), "--lang", "en")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    err = result.stderr  # type: ignore[attr-defined]
    assert "No letter made: 1 of 2 dossiers are not valid" in err
    assert "mat-ong-huong-rung" in err and "mien-dong-tai-hoan" not in err.split("—")[1]
    assert "ocop-docs validate" in err
    assert not out.exists()


def test_fields_file_is_required_and_checked(tmp_path: Path) -> None:
    dossier = str(HO_SO / "mien-dong-tai-hoan")
    out = tmp_path / "x.docx"
    missing = run(dossier, "-o", str(out))
    assert missing.exit_code == 1  # type: ignore[attr-defined]
    assert "thiếu --thong-tin TỆP" in missing.stderr  # type: ignore[attr-defined]
    bad = tmp_path / "to-trinh.yaml"
    bad.write_text("so: 52\nngay: 2026-10-28\n", encoding="utf-8")  # no signer
    invalid = run(dossier, "--thong-tin", str(bad), "-o", str(out))
    assert invalid.exit_code == 1  # type: ignore[attr-defined]
    assert f"Tệp thông tin tờ trình «{bad}» có 1 lỗi" in invalid.stderr  # type: ignore[attr-defined]
    assert "nguoi_ky" in invalid.stderr  # type: ignore[attr-defined]
    wrong = tmp_path / "xa-khac.yaml"
    wrong.write_text(
        "xa: xã Na Rì\nnguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Hư Cấu}\n", encoding="utf-8"
    )
    mismatch = run(dossier, "--thong-tin", str(wrong), "-o", str(out))
    assert mismatch.exit_code == 1  # type: ignore[attr-defined]
    assert "xa: «xã Na Rì», nhưng các hồ sơ là của chủ thể ở xã Côn Minh" in mismatch.stderr  # type: ignore[attr-defined]
    assert not out.exists()


def test_old_regime_dossier_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    result = run(str(HO_SO / "ga-doi-tran-phu-2019"), "--thong-tin", str(DETAILS), "-o", str(out))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "theo bộ tiêu chí 1048/2019" in result.stderr  # type: ignore[attr-defined]


def test_other_kinds_take_one_input_and_no_fields_file(tmp_path: Path) -> None:
    dossier = str(HO_SO / "mien-dong-tai-hoan")
    out = str(tmp_path / "x.docx")
    two = CliRunner().invoke(render, ["phieu-dang-ky", dossier, dossier, "-o", out])
    assert two.exit_code == 1
    assert "lập từ một INPUT, nhưng lệnh có 2 INPUT" in two.stderr
    fields = CliRunner().invoke(
        render, ["phieu-dang-ky", dossier, "--thong-tin", str(DETAILS), "-o", out]
    )
    assert fields.exit_code == 1
    assert "--thong-tin chỉ dùng cho tờ trình của xã" in fields.stderr
    assert not Path(out).exists()
