"""Texts of the service's pages (headings, labels, buttons) in Vietnamese and English.

Not issues, so they carry no code or hint; kept with the catalogue so that every text a
visitor reads comes from one place. Keys are ``page.*``; the pages look them up through
:func:`ocop_docs.catalogue.ui`.
"""

from __future__ import annotations

from typing import Literal

PAGE_UI: dict[str, dict[Literal["vi", "en"], str]] = {
    "page.title": {
        "vi": "Kiểm tra hồ sơ OCOP",
        "en": "OCOP dossier check",
    },
    "page.brand": {
        "vi": "ocop-docs · Kiểm tra hồ sơ OCOP",
        "en": "ocop-docs · OCOP dossier check",
    },
    "page.skip": {
        "vi": "Bỏ qua, tới nội dung chính",
        "en": "Skip to the main content",
    },
    "page.language": {
        "vi": "Ngôn ngữ",
        "en": "Language",
    },
    "page.footer": {
        "vi": "ocop-docs {version} · Kiểm tra theo Quyết định 26/2026/QĐ-TTg; kết quả chỉ để tham khảo trước khi nộp, không thay cho thẩm định của cơ quan có thẩm quyền.",
        "en": "ocop-docs {version} · Checks under Decision 26/2026/QĐ-TTg; the result helps before filing and does not replace the authorities' appraisal.",
    },
    "page.lead": {
        "vi": "Biết ngay hồ sơ còn thiếu gì, sai gì trước khi mang đến UBND xã — theo đúng bộ sản phẩm và loại đánh giá của Quyết định 26/2026/QĐ-TTg.",
        "en": "See what your dossier lacks or gets wrong before you take it to the commune office, for your product set and case under Decision 26/2026/QĐ-TTg.",
    },
    "page.form_heading": {
        "vi": "Điền hồ sơ theo mẫu",
        "en": "Fill in the dossier form",
    },
    "page.form_intro": {
        "vi": "Chọn bộ sản phẩm (Phụ lục I) và loại đánh giá; trang sẽ hiện biểu mẫu theo Mẫu 01 và danh sách tài liệu cần đính kèm.",
        "en": "Choose the product set (Annex I) and the case; the page shows the Form 01 fields and the documents to attach.",
    },
    "page.choose_set": {
        "vi": "Bộ sản phẩm",
        "en": "Product set",
    },
    "page.choose_case": {
        "vi": "Loại đánh giá",
        "en": "Evaluation case",
    },
    "page.group": {
        "vi": "Nhóm",
        "en": "Group",
    },
    "page.case.lan_dau": {
        "vi": "Đánh giá lần đầu",
        "en": "First evaluation",
    },
    "page.case.nang_hang": {
        "vi": "Nâng hạng",
        "en": "Upgrade",
    },
    "page.case.danh_gia_lai": {
        "vi": "Đánh giá lại",
        "en": "Re-evaluation",
    },
    "page.open_form": {
        "vi": "Mở biểu mẫu",
        "en": "Open the form",
    },
    "page.upload_heading": {
        "vi": "Hoặc gửi cả hồ sơ đã có",
        "en": "Or send a dossier you already have",
    },
    "page.upload_intro": {
        "vi": "Chọn thư mục hồ sơ (có tệp ho-so.yaml hoặc ho-so.json và các tài liệu), hoặc một tệp .zip của thư mục đó.",
        "en": "Choose the dossier folder (with ho-so.yaml or ho-so.json and the documents), or one .zip of that folder.",
    },
    "page.upload_folder": {
        "vi": "Thư mục hồ sơ",
        "en": "Dossier folder",
    },
    "page.upload_zip": {
        "vi": "Tệp .zip của hồ sơ",
        "en": "The dossier as a .zip",
    },
    "page.or": {
        "vi": "— hoặc —",
        "en": "— or —",
    },
    "page.upload_limit": {
        "vi": "Tối đa {limit} mỗi lần gửi.",
        "en": "At most {limit} per upload.",
    },
    "page.check_now": {
        "vi": "Kiểm tra hồ sơ",
        "en": "Check the dossier",
    },
    "page.privacy": {
        "vi": "Không cần tài khoản. Hồ sơ bạn gửi chỉ xem được qua đường dẫn riêng của kết quả, được lưu tối đa số ngày do quản trị viên đặt rồi tự xoá; bạn có thể xoá ngay trên trang kết quả.",
        "en": "No account needed. What you send is reachable only through the result's private link, kept at most the days the administrator set and then deleted; you can delete it at once on the result page.",
    },
    "page.form_title": {
        "vi": "Biểu mẫu hồ sơ sản phẩm",
        "en": "Product dossier form",
    },
    "page.form_for": {
        "vi": "Bộ {n}. {name} (nhóm {group})",
        "en": "Set {n}. {name} (group {group})",
    },
    "page.form_help": {
        "vi": "Các trường có dấu * là bắt buộc. Bạn có thể gửi khi chưa điền đủ: trang sẽ cho biết còn thiếu gì, sai gì, ngay cạnh từng trường.",
        "en": "Fields marked * are required. You may send the form before it is complete: the page says what is missing or wrong next to each field.",
    },
    "page.editing_note": {
        "vi": "Bạn đang sửa hồ sơ đã kiểm tra. Tài liệu đã gửi được giữ lại, trừ khi bạn chọn tệp mới hoặc đánh dấu bỏ.",
        "en": "You are correcting a checked dossier. Documents already sent are kept unless you choose a new file or tick remove.",
    },
    "page.date_placeholder": {
        "vi": "dd/mm/yyyy",
        "en": "dd/mm/yyyy",
    },
    "page.date_hint": {
        "vi": "Ngày dạng 15/09/2026 (hoặc 2026-09-15).",
        "en": "Date as 15/09/2026 (or 2026-09-15).",
    },
    "page.documents": {
        "vi": "Tài liệu đính kèm",
        "en": "Attached documents",
    },
    "page.documents_help": {
        "vi": "Mỗi tài liệu một tệp PDF hoặc ảnh, tối đa {limit} mỗi tệp. Tài liệu bắt buộc theo bộ sản phẩm và loại đánh giá đã chọn; tài liệu nên có giúp đạt điểm cao hơn.",
        "en": "One PDF or image per document, at most {limit} each. Required documents follow the chosen set and case; recommended ones help the score.",
    },
    "page.required": {
        "vi": "bắt buộc",
        "en": "required",
    },
    "page.recommended": {
        "vi": "nên có",
        "en": "recommended",
    },
    "page.have_file": {
        "vi": "Đã có",
        "en": "Already sent",
    },
    "page.remove_file": {
        "vi": "bỏ tệp này",
        "en": "remove this file",
    },
    "page.doc_details": {
        "vi": "Số, ngày cấp, ngày hết hạn, cơ quan cấp",
        "en": "Number, issue date, expiry date, issuer",
    },
    "page.meta.so": {
        "vi": "Số văn bản",
        "en": "Document number",
    },
    "page.meta.ngay_cap": {
        "vi": "Ngày cấp",
        "en": "Issue date",
    },
    "page.meta.ngay_het_han": {
        "vi": "Ngày hết hạn",
        "en": "Expiry date",
    },
    "page.meta.co_quan_cap": {
        "vi": "Cơ quan cấp",
        "en": "Issued by",
    },
    "page.enum.hop_tac_xa": {
        "vi": "Hợp tác xã",
        "en": "Cooperative",
    },
    "page.enum.to_hop_tac": {
        "vi": "Tổ hợp tác",
        "en": "Cooperative group",
    },
    "page.enum.doanh_nghiep": {
        "vi": "Doanh nghiệp nhỏ và vừa",
        "en": "Small or medium enterprise",
    },
    "page.enum.trang_trai": {
        "vi": "Trang trại",
        "en": "Farm",
    },
    "page.enum.ho_san_xuat": {
        "vi": "Hộ sản xuất có đăng ký kinh doanh",
        "en": "Registered production household",
    },
    "page.enum.ho_gia_dinh": {
        "vi": "Hộ gia đình có đăng ký kinh doanh",
        "en": "Registered family business",
    },
    "page.enum.hoi_hiep_hoi": {
        "vi": "Hội, hiệp hội, trung tâm điều hành hoặc tổ chức tương đương",
        "en": "Association, operating centre or similar body",
    },
    "page.enum.nam": {
        "vi": "Nam",
        "en": "Male",
    },
    "page.enum.nu": {
        "vi": "Nữ",
        "en": "Female",
    },
    "page.result_title": {
        "vi": "Kết quả kiểm tra hồ sơ",
        "en": "Dossier check result",
    },
    "page.verdict_ok": {
        "vi": "HỒ SƠ HỢP LỆ",
        "en": "THE DOSSIER IS VALID",
    },
    "page.verdict_bad": {
        "vi": "HỒ SƠ CHƯA HỢP LỆ",
        "en": "THE DOSSIER IS NOT VALID YET",
    },
    "page.counts": {
        "vi": "{errors} lỗi, {warnings} cảnh báo",
        "en": "{errors} errors, {warnings} warnings",
    },
    "page.checked_at": {
        "vi": "Thời điểm kiểm tra",
        "en": "Checked at",
    },
    "page.product": {
        "vi": "Sản phẩm",
        "en": "Product",
    },
    "page.producer": {
        "vi": "Chủ thể",
        "en": "Producer",
    },
    "page.product_set": {
        "vi": "Bộ sản phẩm",
        "en": "Product set",
    },
    "page.case": {
        "vi": "Loại đánh giá",
        "en": "Evaluation case",
    },
    "page.receiver": {
        "vi": "Nơi nộp hồ sơ",
        "en": "File with",
    },
    "page.address_now": {
        "vi": "Địa chỉ hiện nay",
        "en": "Address today",
    },
    "page.self_assessment_label": {
        "vi": "Tự đánh giá (Mẫu 02 Phần III)",
        "en": "Self-assessment (Form 02 Part III)",
    },
    "page.self_assessment_value": {
        "vi": "{total} điểm, {stars} sao",
        "en": "{total} points, {stars} stars",
    },
    "page.checklist": {
        "vi": "Danh mục tài liệu",
        "en": "Document checklist",
    },
    "page.document": {
        "vi": "Tài liệu",
        "en": "Document",
    },
    "page.level": {
        "vi": "Mức",
        "en": "Level",
    },
    "page.status": {
        "vi": "Tình trạng",
        "en": "Status",
    },
    "page.basis": {
        "vi": "Căn cứ",
        "en": "Legal basis",
    },
    "page.status.present": {
        "vi": "có",
        "en": "present",
    },
    "page.status.missing": {
        "vi": "thiếu",
        "en": "missing",
    },
    "page.status.invalid": {
        "vi": "không hợp lệ",
        "en": "invalid",
    },
    "page.findings": {
        "vi": "Các vấn đề cần xử lý",
        "en": "Findings",
    },
    "page.sev.error": {
        "vi": "LỖI",
        "en": "ERROR",
    },
    "page.sev.warning": {
        "vi": "CẢNH BÁO",
        "en": "WARNING",
    },
    "page.where": {
        "vi": "Vị trí",
        "en": "Where",
    },
    "page.how_to_fix": {
        "vi": "Cách sửa",
        "en": "How to fix",
    },
    "page.no_findings": {
        "vi": "Không phát hiện vấn đề nào.",
        "en": "No findings.",
    },
    "page.not_checked": {
        "vi": "Chưa kiểm tra được",
        "en": "Not checked",
    },
    "page.downloads": {
        "vi": "Tải về",
        "en": "Downloads",
    },
    "page.dl_json": {
        "vi": "Báo cáo kiểm tra (JSON)",
        "en": "Check report (JSON)",
    },
    "page.dl_print": {
        "vi": "Báo cáo để in",
        "en": "Printable report",
    },
    "page.dl_zip": {
        "vi": "Hồ sơ hoàn chỉnh (.zip)",
        "en": "Completed dossier (.zip)",
    },
    "page.dl_zip_note": {
        "vi": "ho-so.yaml, các tài liệu, Mẫu 01 và Mẫu 02 đã điền (.docx).",
        "en": "ho-so.yaml, the documents, Form 01 and Form 02 filled in (.docx).",
    },
    "page.dl_zip_note_pdf": {
        "vi": "ho-so.yaml, các tài liệu, Mẫu 01 và Mẫu 02 đã điền (.docx và PDF).",
        "en": "ho-so.yaml, the documents, Form 01 and Form 02 filled in (.docx and PDF).",
    },
    "page.next": {
        "vi": "Tiếp theo",
        "en": "Next",
    },
    "page.edit": {
        "vi": "Sửa thông tin hồ sơ",
        "en": "Correct the dossier",
    },
    "page.not_editable": {
        "vi": "Hồ sơ này chưa đọc được bộ sản phẩm hoặc loại đánh giá; sửa tệp ho-so.yaml rồi gửi lại.",
        "en": "This dossier's product set or case could not be read; fix ho-so.yaml and send it again.",
    },
    "page.check_another": {
        "vi": "Kiểm tra hồ sơ khác",
        "en": "Check another dossier",
    },
    "page.kept_until": {
        "vi": "Hồ sơ được lưu đến hết ngày {date} rồi tự xoá.",
        "en": "The dossier is kept until {date} and then deleted.",
    },
    "page.delete_now": {
        "vi": "Xoá ngay",
        "en": "Delete now",
    },
    "page.deleted_title": {
        "vi": "Đã xoá",
        "en": "Deleted",
    },
    "page.deleted_text": {
        "vi": "Hồ sơ và kết quả kiểm tra đã được xoá khỏi máy chủ.",
        "en": "The dossier and its check result have been deleted from the server.",
    },
    "page.error_title": {
        "vi": "Không xử lý được yêu cầu",
        "en": "The request could not be handled",
    },
    "page.back_home": {
        "vi": "Về trang đầu",
        "en": "Back to the start page",
    },
    "page.back": {
        "vi": "Quay lại kết quả",
        "en": "Back to the result",
    },
    "page.print_title": {
        "vi": "Báo cáo kiểm tra hồ sơ sản phẩm OCOP",
        "en": "OCOP product dossier check report",
    },
    "page.print_basis": {
        "vi": "Kiểm tra theo Quyết định 26/2026/QĐ-TTg (Điều 6.1, Phụ lục I–III) bằng ocop-docs.",
        "en": "Checked under Decision 26/2026/QĐ-TTg (Article 6.1, Annexes I–III) with ocop-docs.",
    },
    "page.print_footer": {
        "vi": "Lập bằng ocop-docs {version}. Kết quả để tham khảo trước khi nộp.",
        "en": "Made with ocop-docs {version}. For reference before filing.",
    },
    "page.api_intro": {
        "vi": "Mô tả đầy đủ (OpenAPI):",
        "en": "Full description (OpenAPI):",
    },
    "page.api_param": {
        "vi": "Tham số",
        "en": "Parameter",
    },
    "page.api_in": {
        "vi": "Ở đâu",
        "en": "In",
    },
    "page.api_type": {
        "vi": "Kiểu",
        "en": "Type",
    },
    "page.api_body": {
        "vi": "Nội dung gửi",
        "en": "Request body",
    },
}
