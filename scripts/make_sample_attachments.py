"""Create the missing attachment files of the sample dossiers.

How to (re)run, from the repository root (no network needed; LibreOffice is needed
only when a PDF is missing):

    python scripts/make_sample_attachments.py                 # every samples/ho-so/*/
    python scripts/make_sample_attachments.py samples/ho-so/che-tan-cuong
    python scripts/make_sample_attachments.py --dry-run       # only list what is missing

For every ``ho-so.yaml`` / ``ho-so.json`` found, each ``tai_lieu`` entry whose ``tep``
does not exist yet is created; files that exist are never touched, so the script is
safe to run again after adding a document to a dossier (delete a file to remake it).

* ``.pdf``  — a one-page A4 paper built with python-docx (Times New Roman) and converted
  by LibreOffice: the header "BẢN MẪU MINH HỌA — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ", the
  Vietnamese name of the document type, the producer (``chu_the.ten``), the product
  (``san_pham.ten``) and the entry's ``so``, ``ngay_cap``, ``ngay_het_han`` and
  ``co_quan_cap`` when present. All pending PDFs are converted by ONE ``soffice`` call
  with a throw-away profile, because starting LibreOffice is the slow part.
* ``.png`` / ``.jpg`` / ``.jpeg`` — a 400×300 image: a coloured rectangle with a few words
  of text, a few kilobytes.
* anything else is reported and skipped.

Document type names come from ``schemas/rules/document-types.yaml`` (keys ``code`` and
``vi``) when it is there, so the papers use the same wording as the validator's messages;
the table below is the fallback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "ho-so"
DOCUMENT_TYPES_FILE = ROOT / "schemas" / "rules" / "document-types.yaml"
DOSSIER_NAMES = ("ho-so.yaml", "ho-so.json")

DISCLAIMER = "BẢN MẪU MINH HỌA — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
IMAGE_SIZE = (400, 300)
SOFFICE_TIMEOUT = 600  # seconds, for the whole batch

FALLBACK_DOCUMENT_TYPES: Mapping[str, str] = {
    "phieu_dang_ky": "Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (Mẫu số 01)",
    "bao_cao_tu_danh_gia": "Báo cáo tự đánh giá về sản phẩm (Mẫu số 02)",
    "giay_dang_ky_kinh_doanh": "Giấy chứng nhận đăng ký kinh doanh",
    "quyet_dinh_thanh_lap": "Quyết định thành lập",
    "chung_nhan_attp": "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
    "cam_ket_attp": "Bản cam kết sản xuất thực phẩm an toàn",
    "giay_phep_san_xuat": "Giấy phép sản xuất",
    "chung_nhan_gmp": "Giấy chứng nhận cơ sở đủ điều kiện sản xuất (GMP)",
    "dieu_kien_san_xuat": "Giấy chứng nhận đủ điều kiện sản xuất theo quy định chuyên ngành",
    "cong_bo_chat_luong": "Bản công bố chất lượng sản phẩm",
    "phieu_kiem_nghiem": "Phiếu kết quả kiểm nghiệm",
    "quyet_dinh_cong_nhan": "Quyết định công nhận sản phẩm OCOP",
    "giay_chung_nhan_ocop": "Giấy chứng nhận sản phẩm OCOP",
    "so_huu_tri_tue": "Giấy chứng nhận đăng ký nhãn hiệu",
    "nguon_goc_nguyen_lieu": "Hồ sơ nguồn gốc nguyên liệu, liên kết chuỗi",
    "bao_ve_moi_truong": "Hồ sơ bảo vệ môi trường",
    "lao_dong_dia_phuong": "Danh sách lao động địa phương",
    "bao_cao_tai_chinh": "Báo cáo tài chính",
    "thi_truong": "Hợp đồng, hóa đơn phân phối sản phẩm",
    "quang_ba": "Tài liệu quảng bá sản phẩm",
    "cau_chuyen_san_pham": "Câu chuyện sản phẩm",
    "ma_vach_truy_xuat": "Mã số mã vạch, tem truy xuất nguồn gốc",
    "quan_ly_chat_luong": "Chứng nhận hệ thống quản lý chất lượng",
    "giai_thuong": "Giải thưởng, bình chọn",
    "phuong_an_kinh_doanh": "Phương án, kế hoạch kinh doanh sản phẩm",
    "gioi_thieu_bo_may": "Giới thiệu bộ máy tổ chức",
    "hinh_anh": "Hình ảnh sản phẩm",
    "khac": "Tài liệu khác",
}

# Fields of a tai_lieu entry printed on the paper, with their Vietnamese labels.
ENTRY_FIELDS = (
    ("so", "Số"),
    ("ngay_cap", "Ngày cấp"),
    ("ngay_het_han", "Ngày hết hạn"),
    ("co_quan_cap", "Cơ quan cấp"),
)

# Fonts with Vietnamese glyphs for the image captions, first found wins.
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
)

IMAGE_EXTENSIONS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


@dataclass
class Pending:
    """One attachment to create."""

    dossier: Path  # the ho-so.yaml/json it belongs to
    target: Path
    code: str
    producer: str
    product: str
    entry: Mapping[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------------------
# Finding what is missing
# --------------------------------------------------------------------------------------


def load_document_types() -> dict[str, str]:
    names = dict(FALLBACK_DOCUMENT_TYPES)
    if DOCUMENT_TYPES_FILE.is_file():
        data = yaml.safe_load(DOCUMENT_TYPES_FILE.read_text(encoding="utf-8"))
        for item in data if isinstance(data, list) else []:
            if isinstance(item, dict) and item.get("code") and item.get("vi"):
                names[str(item["code"])] = str(item["vi"])
    return names


def dossier_files(paths: Iterable[Path]) -> list[Path]:
    """ho-so.yaml/json files for the given folders or files (default: all samples)."""
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
            continue
        is_dossier = any((path / name).is_file() for name in DOSSIER_NAMES)
        folders = [path] if is_dossier else sorted(p for p in path.iterdir() if p.is_dir())
        for folder in folders:
            found.extend(folder / name for name in DOSSIER_NAMES if (folder / name).is_file())
    return found


def read_dossier(path: Path) -> Any:
    text = path.read_text(encoding="utf-8-sig")
    return json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def pending_attachments(dossier_file: Path) -> tuple[list[Pending], list[str]]:
    """Missing attachments of one dossier, and warnings about entries we cannot make."""
    try:
        data = read_dossier(dossier_file)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        return [], [f"{dossier_file}: cannot read ({exc})"]
    if not isinstance(data, dict):
        return [], [f"{dossier_file}: not a mapping"]
    folder = dossier_file.parent.resolve()
    producer = _text((data.get("chu_the") or {}).get("ten"))
    product = _text((data.get("san_pham") or {}).get("ten"))
    todo: list[Pending] = []
    warnings: list[str] = []
    entries = data.get("tai_lieu") or []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict) or not entry.get("tep"):
            continue
        relative = Path(str(entry["tep"]))
        target = (folder / relative).resolve()
        # Never write outside the dossier folder, whatever the YAML says.
        if relative.is_absolute() or not target.is_relative_to(folder):
            warnings.append(f"{dossier_file}: tai_lieu[{index}] path leaves the folder: {relative}")
            continue
        if target.exists() or target.is_symlink():
            continue
        todo.append(
            Pending(dossier_file, target, _text(entry.get("loai")), producer, product, entry)
        )
    return todo, warnings


# --------------------------------------------------------------------------------------
# PDFs: python-docx, then one LibreOffice run
# --------------------------------------------------------------------------------------


def _format_value(value: Any) -> str:
    """Dates as dd/mm/yyyy (the Vietnamese administrative style), anything else as is."""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = _text(value)
    try:
        return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
    except ValueError:
        return text


def build_docx(item: Pending, type_name: str, out: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    # python-docx sets only the ASCII/hAnsi font; Word picks the complex-script and
    # East-Asian slots for some Vietnamese letters, so name the font there too.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(qn(slot), "Times New Roman")

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    # NĐ 30/2020 Phụ lục I margins: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)

    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run(DISCLAIMER)
    run.bold = True
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(24)
    title.paragraph_format.space_after = Pt(18)
    run = title.add_run(type_name.upper())
    run.bold = True
    run.font.size = Pt(14)

    rows = [("Chủ thể", item.producer or "—"), ("Sản phẩm", item.product or "—")]
    rows += [
        (label, _format_value(item.entry[key]))
        for key, label in ENTRY_FIELDS
        if _text(item.entry.get(key))
    ]
    rows.append(("Mã loại tài liệu", item.code or "—"))
    for label, value in rows:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(36)
    run = note.add_run(
        "Tài liệu này do scripts/make_sample_attachments.py tạo ra để minh họa hồ sơ mẫu "
        "của ocop-docs. Nội dung chỉ để thử công cụ, không phải giấy tờ thật."
    )
    # Regular, not italic: each extra face embeds another font subset (~10 KB per PDF).
    run.font.size = Pt(11)
    document.save(str(out))


def find_soffice(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_all(soffice: str, docx_files: list[Path], outdir: Path, profile: Path) -> None:
    """One LibreOffice start for the whole batch, with a private profile so that a
    desktop LibreOffice that is already open does not swallow the request."""
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *(str(path) for path in docx_files),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT)


def make_pdfs(items: list[Pending], names: Mapping[str, str], soffice: str) -> list[str]:
    """Build every PDF; return error messages (empty when all went well)."""
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ocop-attachments-") as tmp:
        work = Path(tmp)
        docx_files = []
        for number, item in enumerate(items):
            docx = work / f"{number:04d}.docx"
            build_docx(item, names.get(item.code, names["khac"]), docx)
            docx_files.append(docx)
        try:
            convert_all(soffice, docx_files, work / "pdf", work / "profile")
        except (OSError, subprocess.SubprocessError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            return [f"LibreOffice failed: {exc} {detail.decode(errors='replace')[:300]}"]
        for docx, item in zip(docx_files, items, strict=True):
            made = work / "pdf" / (docx.stem + ".pdf")
            if not made.is_file():
                errors.append(f"{item.target}: LibreOffice produced no PDF")
                continue
            item.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(made), item.target)
    return errors


# --------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------


def _ascii_fold(text: str) -> str:
    """For the bitmap fallback font, which has no Vietnamese letters."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if ord(c) < 128)


def _fit(draw: Any, text: str, font: Any, width: float) -> str:
    """Shorten *text* with an ellipsis until it fits in *width* pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def make_image(item: Pending, type_name: str, fmt: str) -> None:
    from PIL import Image, ImageDraw, ImageFont

    # A stable colour per file, so a dossier's photos are told apart at a glance.
    digest = hashlib.sha256(str(item.target.name).encode()).digest()
    background = (60 + digest[0] % 120, 90 + digest[1] % 120, 60 + digest[2] % 120)
    image = Image.new("RGB", IMAGE_SIZE, background)
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        (12, 12, IMAGE_SIZE[0] - 13, IMAGE_SIZE[1] - 13), outline=(255, 255, 255), width=3
    )

    font_path = next((p for p in FONT_CANDIDATES if Path(p).is_file()), None)
    lines = ["ẢNH MINH HỌA — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ", type_name, item.product, item.producer]
    y = 40
    for number, line in enumerate(line for line in lines if line):
        size = 13 if number == 0 else 18
        if font_path:
            font: Any = ImageFont.truetype(font_path, size)
        else:
            font = ImageFont.load_default()
            line = _ascii_fold(line)
        draw.text((28, y), _fit(draw, line, font, IMAGE_SIZE[0] - 56), fill="white", font=font)
        y += size + 22

    item.target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "PNG":
        # A palette image: flat colours need no more, and it keeps the file a few KB.
        image.quantize(colors=32).save(item.target, "PNG", optimize=True)
    else:
        image.save(item.target, "JPEG", quality=60, optimize=True)


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Create missing attachments (PDF via LibreOffice, PNG/JPG via Pillow) "
        "of sample dossiers."
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="dossier folders or ho-so.yaml/json files, or a folder of dossiers "
        f"(default: {_shown(SAMPLES)})",
    )
    parser.add_argument("--soffice", help="path of the LibreOffice soffice program")
    parser.add_argument("--dry-run", action="store_true", help="list missing files only")
    args = parser.parse_args(argv)

    paths: list[Path] = args.paths or [SAMPLES]
    missing = [p for p in paths if not p.exists()]
    if missing:
        parser.error(f"not found: {', '.join(map(str, missing))}")

    names = load_document_types()
    todo: list[Pending] = []
    seen: set[Path] = set()
    problems: list[str] = []
    for dossier in dossier_files(paths):
        items, warnings = pending_attachments(dossier)
        problems.extend(warnings)
        for item in items:
            if item.target not in seen:  # two entries may share one file
                seen.add(item.target)
                todo.append(item)

    pdfs = [i for i in todo if i.target.suffix.lower() == ".pdf"]
    images = [i for i in todo if i.target.suffix.lower() in IMAGE_EXTENSIONS]
    other = [i for i in todo if i not in pdfs and i not in images]
    for item in other:
        problems.append(f"{_shown(item.target)}: no generator for {item.target.suffix!r}, skipped")
    if not todo:
        print("nothing to do: every attachment exists")
    if args.dry_run:
        for item in pdfs + images:
            print(f"missing {_shown(item.target)} ({item.code})")
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        return 1 if problems else 0

    for item in images:
        make_image(
            item, names.get(item.code, names["khac"]), IMAGE_EXTENSIONS[item.target.suffix.lower()]
        )
        print(f"made {_shown(item.target)} ({item.target.stat().st_size} bytes)")

    if pdfs:
        soffice = find_soffice(args.soffice)
        if soffice is None:
            problems.append("LibreOffice (soffice) not found: PDFs not made; use --soffice PATH")
        else:
            problems.extend(make_pdfs(pdfs, names, soffice))
            for item in pdfs:
                if item.target.is_file():
                    print(f"made {_shown(item.target)} ({item.target.stat().st_size} bytes)")

    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    # Anything that could not be made (or read) fails the run, so CI notices.
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
