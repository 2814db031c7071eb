"""The layout of a results workbook: its sheets, their columns and the headers accepted.

A results workbook (issue #5, docs/batch.md) has three sheets, each with a header row;
headers are matched without case and diacritics, so "Tên sản phẩm", "TEN SAN PHAM" and
"Ten san pham" are the same column:

* **Sản phẩm** (or the first sheet): one row per product. Columns ``STT``,
  ``Tên sản phẩm``, ``Chủ thể``, ``Địa chỉ``, ``Bộ sản phẩm``, ``Mã sản phẩm``,
  ``Điện thoại``, ``Hồ sơ`` (a dossier folder, relative to the spreadsheet), one
  ``Điểm <mã>`` column per council member (``Điểm TV1`` … the member ids of the sheet
  Hội đồng), ``Điểm trung bình`` (optional, checked against the members' scores),
  ``Lý do bị loại`` and ``Ghi chú``.
* **Thông tin đợt**: ``Khóa`` | ``Giá trị`` (| ``Nội dung``, a label for people): one row
  per field of the round file (``co_quan.ten``, ``quyet_dinh.so`` …); a list such as
  ``quyet_dinh.can_cu`` takes one row per item.
* **Hội đồng**: ``Mã`` | ``Họ tên`` | ``Chức vụ`` | ``Vai trò`` | ``Có mặt`` | ``Chấm điểm``.

A CSV file holds the products; the two other sheets are CSV files beside it named
``<tên>.thong-tin-dot.csv`` and ``<tên>.hoi-dong.csv``. CSV must be UTF-8 (Excel: "CSV
UTF-8"); "," or ";" separated; decimal commas ("91,5") are read as numbers.
"""

from __future__ import annotations

SHEET_PRODUCTS = "Sản phẩm"
SHEET_INFO = "Thông tin đợt"
SHEET_MEMBERS = "Hội đồng"
CSV_SIDECARS: dict[str, str] = {SHEET_INFO: "thong-tin-dot", SHEET_MEMBERS: "hoi-dong"}
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")

# Product columns: key in the round file → the header officials see, and accepted variants.
PRODUCT_COLUMNS: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "Số thứ tự", "TT"),
    "ten": ("Tên sản phẩm", "Sản phẩm"),
    "chu_the": ("Chủ thể", "Tên chủ thể", "Chủ thể sản xuất"),
    "dia_chi": ("Địa chỉ", "Địa chỉ chủ thể"),
    "bo_san_pham": ("Bộ sản phẩm", "Bộ SP"),
    "ma_san_pham": ("Mã sản phẩm", "Mã số sản phẩm", "Mã số"),
    "dien_thoai": ("Điện thoại", "Số điện thoại"),
    "ho_so": ("Hồ sơ", "Thư mục hồ sơ", "Đường dẫn hồ sơ"),
    "diem_tb": ("Điểm trung bình", "Tổng điểm trung bình", "Điểm TB"),
    "bi_loai": ("Lý do bị loại", "Bị loại"),
    "ghi_chu": ("Ghi chú",),
}
SCORE_PREFIX = "Điểm"
MEMBER_COLUMNS: dict[str, tuple[str, ...]] = {
    "ma": ("Mã", "Mã thành viên", "Ký hiệu"),
    "ho_ten": ("Họ tên", "Họ và tên"),
    "chuc_vu": ("Chức vụ",),
    "vai_tro": ("Vai trò",),
    "co_mat": ("Có mặt",),
    "cham_diem": ("Chấm điểm",),
}
INFO_COLUMNS: dict[str, tuple[str, ...]] = {
    "khoa": ("Khóa", "Khoá", "Trường"),
    "gia_tri": ("Giá trị",),
    "noi_dung": ("Nội dung", "Mục", "Ghi chú"),
}
ROLE_WORDS: dict[str, str] = {
    "chu tich": "chu_tich",
    "chu tich hoi dong": "chu_tich",
    "pho chu tich": "pho_chu_tich",
    "pho chu tich hoi dong": "pho_chu_tich",
    "uy vien": "uy_vien",
    "uy vien kiem thu ky": "uy_vien_thu_ky",
    "uy vien thu ky": "uy_vien_thu_ky",
    "thu ky": "thu_ky",
    "thu ky hoi dong": "thu_ky",
}


__all__ = [
    "CSV_SIDECARS",
    "INFO_COLUMNS",
    "MEMBER_COLUMNS",
    "PRODUCT_COLUMNS",
    "ROLE_WORDS",
    "SCORE_PREFIX",
    "SHEET_INFO",
    "SHEET_MEMBERS",
    "SHEET_PRODUCTS",
    "SPREADSHEET_SUFFIXES",
]
