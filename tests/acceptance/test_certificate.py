"""The certificate as provinces issue it (issue 12) with its look-up QR code (issue 14).

The OCOP logo (``--logo`` or ``giay_chung_nhan.logo``, a file inside the round's folder, no
link followed), the QR code and short link of ``giay_chung_nhan.tra_cuu`` (none without it),
the same bytes from ``render`` and ``batch``, and one balanced page for a 120-character name.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from ocop_docs.cli.main import cli
from ocop_docs.errors import InputError
from ocop_docs.production.batch import BatchOptions, run_batch
from ocop_docs.production.contexts.giay_chung_nhan import lookup_link
from ocop_docs.production.contexts.giay_chung_nhan_phoi import FIELD_NAMES, _values, read_layout
from ocop_docs.production.pictures import qr_picture
from ocop_docs.production.rendering import render

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "dot-danh-gia"
ROUND = SAMPLES / "thai-nguyen-2026-dot-2.yaml"
ALLOW = (Path(__file__).resolve().parents[2] / "samples" / "ho-so",)  # --allow, issue 9
LOGO = SAMPLES / "hinh" / "logo-ocop-mau.png"
SOFFICE = shutil.which("soffice")
LINK = "https://ocop.example.org/tra-cuu/12-GCN-UBND"


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def text_of(path: Path) -> str:
    body = parts(path)["word/document.xml"].decode("utf-8")
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", body))


def round_copy(folder: Path, **gcn: object) -> Path:
    """The sample round in ``folder`` (dossiers pointed back at the samples), its
    ``giay_chung_nhan`` updated (a value None removes the key)."""
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    for product in data["san_pham"]:
        if "ho_so" in product:
            product["ho_so"] = os.path.relpath(SAMPLES / product["ho_so"], folder)
        for member, card in (product.get("phieu") or {}).items():
            if isinstance(card, str):
                product["phieu"][member] = os.path.relpath(SAMPLES / card, folder)
    for key, value in gcn.items():
        if value is None:
            data["giay_chung_nhan"].pop(key, None)
        else:
            data["giay_chung_nhan"][key] = value
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SAMPLES / "hinh", folder / "hinh", dirs_exist_ok=True)
    path = folder / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_sample_certificate_has_number_logo_qr_and_link(tmp_path: Path) -> None:
    out = tmp_path / "gcn.docx"
    source = round_copy(tmp_path / "r", logo="hinh/logo-ocop-mau.png")  # the round names it
    render("giay-chung-nhan", source, out, product=2, allow=ALLOW)
    files = parts(out)
    assert files["word/media/ocop-logo.png"] == LOGO.read_bytes()
    assert files["word/media/ocop-qr.png"] == qr_picture(LINK).data  # the QR says the link
    text = text_of(out)
    assert "Số: 12/GCN-UBND" in text and f"Tra cứu: {LINK}" in text
    assert "\ue000" not in text and "\ue001" not in text  # no marker left
    assert "GIẤY CHỨNG NHẬN" in text and "SẢN PHẨM OCOP" in text and "★★★★" in text
    assert "Mã sản phẩm: 19-02176-003-2026" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
    rels = files["word/_rels/document.xml.rels"].decode()
    assert 'Target="media/ocop-logo.png"' in rels and "TargetMode" not in rels
    # The logo keeps its proportions inside the 28 mm box of the 40 mm cell.
    assert '<wp:extent cx="1008000" cy="1008000"/>' in files["word/document.xml"].decode()


def test_lookup_link_is_one_typeable_segment() -> None:
    assert lookup_link("https://ocop.example.org/", "12/GCN-UBND") == LINK
    assert lookup_link("https://a.vn/ocop", "05/GCN-SNN") == "https://a.vn/ocop/tra-cuu/05-GCN-SNN"


def test_logo_option_replaces_the_round_files(tmp_path: Path) -> None:
    other = tmp_path / "khac.jpg"
    Image.new("RGB", (300, 150), (200, 0, 0)).save(other, format="JPEG")
    out = tmp_path / "gcn.docx"
    source = round_copy(tmp_path / "r", logo="hinh/logo-ocop-mau.png")
    result = CliRunner().invoke(
        cli,
        [
            "render",
            "giay-chung-nhan",
            "--allow",
            str(ALLOW[0]),
            str(source),
            "--product",
            "2",
            "-o",
            str(out),
            "--logo",
            str(other),
        ],
    )
    assert result.exit_code == 0, result.output
    files = parts(out)
    assert files["word/media/ocop-logo.jpeg"] == other.read_bytes()
    assert "word/media/ocop-logo.png" not in files
    assert b'Extension="jpeg"' in files["[Content_Types].xml"]
    assert '<wp:extent cx="1008000" cy="504000"/>' in files["word/document.xml"].decode()


def test_no_lookup_page_no_qr_and_no_logo_leaves_the_place_empty(tmp_path: Path) -> None:
    source = round_copy(tmp_path / "r", tra_cuu=None)
    out = tmp_path / "gcn.docx"
    render("giay-chung-nhan", source, out, product=2, allow=ALLOW)
    files = parts(out)
    assert not [n for n in files if n.startswith("word/media/ocop-")]
    text = text_of(out)
    assert "Tra cứu" not in text and "\ue000" not in text


def test_lookup_page_without_numbers_warns(tmp_path: Path) -> None:
    source = round_copy(tmp_path / "r", so_dau=None)
    result = CliRunner().invoke(
        cli,
        [
            "render",
            "giay-chung-nhan",
            "--allow",
            str(ALLOW[0]),
            str(source),
            "--product",
            "2",
            "-o",
            str(tmp_path / "g.docx"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "chưa được cấp số (giay_chung_nhan.so_dau)" in result.stderr
    assert "word/media/ocop-qr.png" not in parts(tmp_path / "g.docx")


def test_a_bad_logo_is_refused_with_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    source = round_copy(folder, logo="hinh/logo.png")
    (folder / "hinh" / "logo.png").write_text("không phải ảnh", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        render("giay-chung-nhan", source, tmp_path / "g.docx", product=2, allow=ALLOW)
    assert exc.value.code == "picture-unreadable" and exc.value.exit_code == 1
    assert "hinh/logo.png" in exc.value.message("vi") and "PNG" in exc.value.message("vi")
    assert not (tmp_path / "g.docx").exists()
    # A link, or a path out of the round's folder, is never read.
    (folder / "hinh" / "logo.png").unlink()
    (folder / "hinh" / "logo.png").symlink_to(LOGO)  # a link out of the folder
    with pytest.raises(InputError) as exc:
        render("giay-chung-nhan", source, tmp_path / "g.docx", product=2, allow=ALLOW)
    assert "ra ngoài thư mục của tệp đợt" in exc.value.message("vi")
    (folder / "hinh" / "logo.png").unlink()
    (folder / "hinh" / "logo.png").symlink_to("logo-ocop-mau.png")  # a link inside
    with pytest.raises(InputError) as exc:
        render("giay-chung-nhan", source, tmp_path / "g.docx", product=2, allow=ALLOW)
    assert "liên kết (symlink)" in exc.value.message("vi")
    outside = round_copy(folder, logo="../../logo.png")
    with pytest.raises(InputError) as exc:
        render("giay-chung-nhan", outside, tmp_path / "g.docx", product=2, allow=ALLOW)
    assert "ra ngoài" in exc.value.message("vi")
    # batch stops before writing anything
    result = CliRunner().invoke(
        cli, ["batch", str(outside), "-o", str(tmp_path / "out"), "--allow", str(ALLOW[0])]
    )
    assert result.exit_code == 1
    assert "Không dùng được ảnh «../../logo.png»" in result.stderr
    assert not (tmp_path / "out").exists()


def test_batch_gives_the_same_certificate_bytes(tmp_path: Path) -> None:
    options = BatchOptions(kinds=("giay-chung-nhan",), jobs=1, logo=LOGO, allow=ALLOW)
    result = run_batch(ROUND, tmp_path / "out", options)
    assert result.exit_code == 0
    made = tmp_path / "out" / "giay-chung-nhan" / "19-02176-003-2026_ga-doi-tran-phu.docx"
    single = tmp_path / "gcn.docx"
    render("giay-chung-nhan", ROUND, single, product=2, logo=LOGO, allow=ALLOW)
    assert made.read_bytes() == single.read_bytes()
    assert parts(made)["word/media/ocop-logo.png"] == LOGO.read_bytes()
    # --logo in batch, and --resume makes them again for another logo
    other = tmp_path / "khac.png"
    Image.new("RGB", (100, 100), (0, 90, 0)).save(other, format="PNG")
    again = run_batch(
        ROUND,
        tmp_path / "out",
        BatchOptions(kinds=("giay-chung-nhan",), jobs=1, resume=True, logo=other, allow=ALLOW),
    )
    assert again.produced == 5 and again.skipped == 0
    assert parts(made)["word/media/ocop-logo.png"] == other.read_bytes()


def _long_round(folder: Path, name: str, three_lines: bool = False) -> Path:
    source = round_copy(folder, logo="hinh/logo-ocop-mau.png")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["san_pham"][1]["ten"] = name
    if three_lines:  # a collective body's deputy: TM. / KT. / PHÓ CHỦ TỊCH (NĐ 30)
        data["quyet_dinh"]["nguoi_ky"]["quyen_han"] = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return source


@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None, reason="needs soffice")
@pytest.mark.parametrize(("length", "three_lines"), [(12, False), (120, False), (120, True)])
def test_short_and_long_names_fit_one_balanced_page(
    tmp_path: Path, length: int, three_lines: bool
) -> None:
    words = "Gà đồi Trần Phú thả vườn nuôi bằng thảo dược trên đồi chè xã Trần Phú tỉnh Thái Nguyên"
    name = " ".join([words] * 3)[:length].strip()
    assert len(name) >= length - 1
    source = _long_round(tmp_path / "r", name, three_lines)
    pdf = tmp_path / f"gcn-{length}.pdf"
    render("giay-chung-nhan", source, pdf, product=2, allow=ALLOW)
    assert len(PdfReader(pdf).pages) == 1
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / f"gcn-{length}")])
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "19-02176-003-2026" in text  # the code on one line
    assert "12/GCN-UBND" in text and "Nguyễn Văn An" in text
    assert "ocop.example.org/tra-cuu/12-GCN-UBND" in text
    # Balanced: the page's text does not end in its top half (nothing pushed off, no
    # empty bottom quarter): the signer's name is in the lowest third.
    lines = text.rstrip().splitlines()
    signer = next(i for i, line in enumerate(lines) if "Nguyễn Văn An" in line)
    assert signer > len(lines) * 0.6


# --- printing onto the province's pre-printed blanks (giay-chung-nhan-phoi) ------------------

MM = 72 / 25.4  # PDF points per millimetre


def _words(pdf: Path) -> dict[str, tuple[float, float]]:
    """Each word of a one-page PDF → its top-left corner in mm (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>', out)
    return {word: (float(x) / MM, float(y) / MM) for x, y, word in found}


def test_stock_layout_is_checked() -> None:
    with pytest.raises(InputError) as exc:
        read_layout("truong:\n  - {ten: ten_sp, x: 10, y: 10, rong: 50}\n", "p.yaml")
    assert exc.value.code == "stock-layout-invalid" and "ten_sp" in exc.value.message("vi")
    with pytest.raises(InputError) as exc:
        read_layout("truong:\n  - {ten: so, x: 400, y: 10, rong: 50}\n", "p.yaml")
    assert "truong[1].x" in exc.value.message("vi")
    with pytest.raises(InputError):
        read_layout("kho_giay: A3\ntruong: []\n", "p.yaml")
    ctx = {
        "sp": {"ten": "x", "sao": "★", "hang_sao_chu": "3 sao", "chu_the": "", "dia_chi": ""},
        "giay_chung_nhan": {
            "so": "1/G",
            "can_cu": "",
            "het_han_ngan": "",
            "thoi_han_thang": "36",
            "ngay_dong": "",
            "nguoi_ky": {},
        },
    }
    assert tuple(_values(ctx)) == FIELD_NAMES


@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None, reason="needs soffice")
def test_stock_prints_only_the_fields_where_the_layout_says(tmp_path: Path) -> None:
    pdf = tmp_path / "phoi.pdf"
    render("giay-chung-nhan-phoi", ROUND, pdf, product=2, allow=ALLOW)
    assert len(PdfReader(pdf).pages) == 1
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "phoi")])
    words = _words(pdf)
    # the shipped layout: number at (62, 38) mm, code at (145, 145) mm, left-aligned
    x, y = words["12/GCN-UBND"]
    assert abs(x - 62) < 1 and abs(y - 38) < 2
    x, y = words["19-02176-003-2026"]
    assert abs(x - 145) < 1 and abs(y - 145) < 2
    # only the data: no title, no Quốc hiệu, no labels (the blank has them)
    for printed in ("CHỨNG", "CỘNG", "Địa", "Mã", "Số:"):
        assert printed not in words
    docx = tmp_path / "phoi.docx"
    render("giay-chung-nhan-phoi", ROUND, docx, product=2, allow=ALLOW)
    assert parts(docx)["word/media/ocop-qr-11.png"] == qr_picture(LINK).data
    # A province's own layout, named in the round file, moved by the printer's offset.
    folder = tmp_path / "r"
    source = round_copy(folder, phoi="vi-tri-phoi.yaml")
    (folder / "vi-tri-phoi.yaml").write_text(
        "kho_giay: A4-ngang\nlech: {x: 10, y: -5}\ntruong:\n"
        "  - {ten: ma_san_pham, x: 100, y: 100, rong: 80, can: trai}\n"
        "  - {ten: nguoi_ky, x: 20, y: 20, rong: 60, co_chu: 14, dam: true, can: trai}\n",
        encoding="utf-8",
    )
    moved = tmp_path / "phoi-tinh.pdf"
    render("giay-chung-nhan-phoi", source, moved, product=2, allow=ALLOW)
    words = _words(moved)
    x, y = words["19-02176-003-2026"]
    assert abs(x - 110) < 1 and abs(y - 95) < 2
    assert "Nguyễn" in words and "12/GCN-UBND" not in words


@pytest.mark.skipif(SOFFICE is None, reason="needs soffice")
def test_the_2019_certificate_with_three_signature_lines_is_one_page(tmp_path: Path) -> None:
    pdf = tmp_path / "gcn-2019.pdf"
    render("giay-chung-nhan", SAMPLES / "na-ri-2019.yaml", pdf, product=1, allow=ALLOW)
    assert len(PdfReader(pdf).pages) == 1  # was 2: the signature went to a page of its own
