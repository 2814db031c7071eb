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

The procedure's other papers (issue 12) read the same blocks as a round file: the
approval, the letter to the Ministry, the notices and the OCOP office (``phe_duyet.so``,
``cong_van.nguoi_ky.ho_ten``, ``thong_bao.so_dau``, ``co_quan_tham_muu.ten`` …) are rows of
«Thông tin đợt»; two optional sheets hold what is one entry per commune or per product:

* **Văn bản xã**: one row per commune's proposal letter (``van_ban_xa``): ``Xã`` | ``Số`` |
  ``Ngày`` | ``Địa danh`` | ``Kính gửi`` | ``Trích yếu`` | ``Quyền hạn người ký`` |
  ``Chức vụ người ký`` | ``Người ký`` | ``Nơi nhận`` (one per line in the cell, or ";").
* **Đánh giá xã**: one row per product's Mẫu 03 (``danh_gia_xa``), by the product's ``STT``:
  ``STT`` | ``Xã`` | ``Số`` | ``Ngày`` | ``Nguyên liệu`` | ``Lao động`` | ``Ý tưởng`` |
  ``Bản sắc`` | the signer's three columns | ``Nơi nhận``.

A CSV file holds the products; the two other sheets are CSV files beside it named
``<tên>.thong-tin-dot.csv`` and ``<tên>.hoi-dong.csv`` (the optional ones
``<tên>.van-ban-xa.csv`` and ``<tên>.danh-gia-xa.csv``). CSV must be UTF-8 (Excel: "CSV
UTF-8"); "," or ";" separated; decimal commas ("91,5") are read as numbers.
"""

from __future__ import annotations

SHEET_PRODUCTS = "Sản phẩm"
SHEET_INFO = "Thông tin đợt"
SHEET_MEMBERS = "Hội đồng"
CSV_SIDECARS: dict[str, str] = {SHEET_INFO: "thong-tin-dot", SHEET_MEMBERS: "hoi-dong"}
SHEET_LETTERS = "Văn bản xã"  # van_ban_xa: the communes' proposal letters (issue 12)
SHEET_ASSESSMENTS = "Đánh giá xã"  # danh_gia_xa: each product's Mẫu 03 (issue 12)
OPTIONAL_SIDECARS: dict[str, str] = {SHEET_LETTERS: "van-ban-xa", SHEET_ASSESSMENTS: "danh-gia-xa"}
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
    "ngay_nhan_ho_so": ("Ngày nhận hồ sơ", "Ngày nhận đủ hồ sơ"),
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
# The signer of a paper, three columns (NĐ 30/2020 Phụ lục I mục II.7): nguoi_ky.<key>.
SIGNER_COLUMNS: dict[str, tuple[str, ...]] = {
    "quyen_han": ("Quyền hạn người ký", "Quyền hạn ký", "Quyền hạn"),
    "chuc_vu": ("Chức vụ người ký",),
    "ho_ten": ("Người ký", "Họ tên người ký"),
}
LETTER_COLUMNS: dict[str, tuple[str, ...]] = {
    "xa": ("Xã", "Xã, phường"),
    "so": ("Số", "Số tờ trình"),
    "ngay": ("Ngày", "Ngày tờ trình"),
    "dia_danh": ("Địa danh",),
    "kinh_gui": ("Kính gửi",),
    "trich_yeu": ("Trích yếu",),
    **SIGNER_COLUMNS,
    "noi_nhan": ("Nơi nhận",),
}
ASSESSMENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "Số thứ tự", "TT"),
    "xa": ("Xã", "Xã, phường"),
    "so": ("Số", "Số báo cáo"),
    "ngay": ("Ngày", "Ngày báo cáo"),
    "dia_danh": ("Địa danh",),
    "nguyen_lieu": ("Nguyên liệu", "Nguyên liệu địa phương"),
    "lao_dong": ("Lao động", "Lao động địa phương"),
    "y_tuong": ("Ý tưởng", "Nguồn gốc ý tưởng"),
    "ban_sac": ("Bản sắc", "Bản sắc, trí tuệ địa phương"),
    **SIGNER_COLUMNS,
    "noi_nhan": ("Nơi nhận",),
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
    "ASSESSMENT_COLUMNS",
    "CSV_SIDECARS",
    "INFO_COLUMNS",
    "LETTER_COLUMNS",
    "MEMBER_COLUMNS",
    "OPTIONAL_SIDECARS",
    "PRODUCT_COLUMNS",
    "ROLE_WORDS",
    "SCORE_PREFIX",
    "SHEET_ASSESSMENTS",
    "SHEET_INFO",
    "SHEET_LETTERS",
    "SHEET_MEMBERS",
    "SHEET_PRODUCTS",
    "SIGNER_COLUMNS",
    "SPREADSHEET_SUFFIXES",
]
