"""Scaffolding: a new, commented dossier for one product set (the library form of ``new``).

The file lists every field of docs/dossier.md with its meaning, and one ``tai_lieu`` entry
per document the set needs, so a cooperative fills in blanks instead of guessing keys.
Nothing is ever overwritten unless asked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ocop_docs.errors import InputError
from ocop_docs.files import atomic_write_text
from ocop_docs.rules.documents import document_name
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.rules.regimes import DEFAULT_REGIME, regime, required_documents
from ocop_docs.validation.checks.rules import REEVALUATION_UPDATES

ATTACHMENT_FOLDER = "tai-lieu"


def dossier_template(
    product_set: int,
    case: str = "lan_dau",
    regime_code: str = DEFAULT_REGIME,
    today: dt.date | None = None,
) -> str:
    sets = product_sets()
    if product_set not in sets:
        raise InputError("new-set-out-of-range", value=product_set)
    ps = sets[product_set]
    rules = regime(regime_code)
    docs = required_documents(product_set, case, regime_code)
    year = (today or dt.date.today()).year
    samples = 0 if product_set in rules.samples_exempt_sets else rules.samples
    lines = [
        f"# Hồ sơ đăng ký đánh giá, phân hạng sản phẩm OCOP — {rules.name}",
        f"# Bộ sản phẩm {ps.so}: {ps.ten} (nhóm {ps.nhom}: {ps.nhom_ten})",
        "# Điền các giá trị còn trống rồi kiểm tra bằng lệnh: ocop-docs validate <thư mục này>",
        "# Ngày ghi dạng 2026-09-15 hoặc 15/09/2026. Số điện thoại, mã số thuế đặt trong dấu ngoặc kép.",
        "",
        f'bo_tieu_chi: "{rules.code}"',
        f"loai_danh_gia: {case}            # lan_dau | nang_hang | danh_gia_lai (Mẫu 01 mục 4)",
        f"bo_san_pham: {ps.so}",
        'ngay_nop: ""                  # ngày nộp hồ sơ cho UBND cấp xã',
        f"nam_danh_gia: {year}",
        "",
        "chu_the:",
        '  ten: ""                     # Tên chủ thể (Mẫu 01 mục 1, Mẫu 02 mục 1)',
        "  loai_hinh: hop_tac_xa       # hop_tac_xa | to_hop_tac | doanh_nghiep | trang_trai | "
        "ho_san_xuat | ho_gia_dinh" + (" | hoi_hiep_hoi" if product_set == 26 else ""),
        '  ma_so_thue: ""              # 10 chữ số, 10 chữ số-3 chữ số, hoặc số định danh 12 chữ số',
        "  dia_chi:",
        '    thon: ""                  # thôn, bản, tổ dân phố',
        '    xa: ""                    # ví dụ: xã Côn Minh (đơn vị hiện nay, sau 01/7/2025)',
        '    tinh: ""                  # ví dụ: tỉnh Thái Nguyên',
        "    # Địa chỉ cũ vẫn được hiểu, kể cả viết một dòng trong xa:",
        '    #   xa: "xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn"  (nay: xã Côn Minh, tỉnh Thái Nguyên)',
        '    # huyen: ""                # chỉ khi ghi địa chỉ cũ (trước 01/7/2025)',
        '  dien_thoai: ""',
        '  email: ""',
        '  ngay_thanh_lap: ""          # Ngày thành lập/đăng ký kinh doanh (Mẫu 02 mục 6)',
        '  so_dang_ky: ""              # Số giấy đăng ký (nếu có)',
        '  lich_su: ""                 # Lịch sử hình thành (Mẫu 02 mục 8)',
        '  co_cau_to_chuc: ""          # Cơ cấu tổ chức (Mẫu 02 mục 9)',
        "  nguoi_dai_dien:",
        '    ho_ten: ""',
        '    chuc_vu: ""',
        "    gioi_tinh: nu             # nam | nu",
        '    dan_toc: ""',
        '    dia_chi_thuong_tru: ""',
        "",
        "san_pham:",
        '  ten: ""                     # Tên sản phẩm (Mẫu 01 mục 2)',
        '  mo_ta: ""                   # quy cách, mô tả (Mẫu 02 mục 7)',
        '  tieu_chuan: ""              # tiêu chuẩn áp dụng, ví dụ TCCS',
        f"  so_luong_mau: {samples}            # QĐ 26/2026 Điều 6.2.d: 05 sản phẩm mẫu, trừ dịch vụ du lịch",
    ]
    if case != "lan_dau":
        lines += [
            "",
            "chung_nhan_truoc:             # chứng nhận OCOP đang có (bắt buộc khi nâng hạng, đánh giá lại)",
            '  so_quyet_dinh: ""',
            '  ngay_quyet_dinh: ""',
            '  co_quan: ""                 # cơ quan công nhận, ví dụ UBND tỉnh Thái Nguyên',
            "  hang_sao: 3",
            "",
            "bao_cao:                      # nội dung Mẫu 02",
        ]
    if case == "nang_hang":
        lines += [
            "  thay_doi:                   # Điều 6.1.b: thay đổi so với sản phẩm đã được công nhận",
            '    - noi_dung: ""',
            '      minh_chung: ""          # loại tài liệu hoặc tệp trong tai_lieu',
        ]
    if case == "danh_gia_lai":
        lines.append(
            "  cap_nhat:                   # Điều 6.1.c: cập nhật sau thời gian được công nhận"
        )
        lines += [f'    {key}: ""' for key in REEVALUATION_UPDATES]
    conditional = docs["theo_quy_dinh"]
    if conditional:
        lines += [
            "",
            "# Giấy tờ chỉ bắt buộc khi pháp luật chuyên ngành yêu cầu: nếu sản phẩm không thuộc",
            "# diện phải có, bỏ dấu # và ghi căn cứ; nếu có, đính kèm trong tai_lieu.",
            "# khong_ap_dung:",
        ]
        for code in conditional:
            lines += [f"#   - loai: {code}", '#     ly_do: ""']
    lines += [
        "",
        f"# Tài liệu đính kèm: đặt tệp trong thư mục {ATTACHMENT_FOLDER}/ rồi ghi đường dẫn.",
        "tai_lieu:",
    ]
    levels = (
        ("bat_buoc", "bắt buộc"),
        ("sao_3", "tối thiểu 3 sao"),
        ("theo_quy_dinh", "nếu luật chuyên ngành yêu cầu"),
        ("nen_co", "nên có"),
    )
    for level, label in levels:
        for number, code in enumerate(docs[level], 1):
            lines.append(f"  - loai: {code}   # {label}: {document_name(code)}")
            lines.append(
                f"    tep: {ATTACHMENT_FOLDER}/{level[:2]}{number:02d}-{code.replace('_', '-')}.pdf"
            )
    return "\n".join(lines) + "\n"


def new_dossier(
    folder: Path,
    product_set: int,
    case: str = "lan_dau",
    regime_code: str = DEFAULT_REGIME,
    overwrite: bool = False,
) -> Path:
    """Create ``folder/ho-so.yaml`` and ``folder/tai-lieu/``; refuses to overwrite."""
    target = folder / "ho-so.yaml"
    if target.exists() and not overwrite:
        raise InputError("output-exists", path=str(target))
    text = dossier_template(product_set, case, regime_code)
    (folder / ATTACHMENT_FOLDER).mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, text)
    return target
