"""Texts of the officials' pages (sign-in, rounds, production, scoring sheets), Vietnamese
and English; keys ``page.o.*``, looked up by the pages as ``t('o.…')``."""

from __future__ import annotations

from typing import Literal

OFFICIALS_UI: dict[str, dict[Literal["vi", "en"], str]] = {
    "page.o.account": {
        "vi": "Tài khoản",
        "en": "Account",
    },
    "page.o.action": {
        "vi": "Việc làm",
        "en": "Action",
    },
    "page.o.audit": {
        "vi": "Nhật ký",
        "en": "Audit log",
    },
    "page.o.cancel": {
        "vi": "Dừng lập văn bản",
        "en": "Stop the production",
    },
    "page.o.change_password": {
        "vi": "Đổi mật khẩu",
        "en": "Change password",
    },
    "page.o.check": {
        "vi": "Kiểm tra",
        "en": "Check",
    },
    "page.o.council": {
        "vi": "Hội đồng",
        "en": "Council",
    },
    "page.o.count": {
        "vi": "{done}/{total} bước, {failed} lỗi",
        "en": "{done}/{total} steps, {failed} failed",
    },
    "page.o.create_round": {
        "vi": "Tạo đợt",
        "en": "Create the round",
    },
    "page.o.created": {
        "vi": "Tạo lúc",
        "en": "Created",
    },
    "page.o.delete_round": {
        "vi": "Xoá đợt này",
        "en": "Delete this round",
    },
    "page.o.disqualified": {
        "vi": "Bị loại",
        "en": "Disqualified",
    },
    "page.o.dl_bundle": {
        "vi": "Tập PDF có mục lục",
        "en": "The bookmarked PDF",
    },
    "page.o.dl_zip": {
        "vi": "Mọi tệp (một tệp .zip)",
        "en": "Every file (one .zip)",
    },
    "page.o.dossier": {
        "vi": "Hồ sơ",
        "en": "Dossier",
    },
    "page.o.dossiers": {
        "vi": "Hồ sơ đã nhận",
        "en": "Dossiers filed",
    },
    "page.o.downloads": {
        "vi": "Tải về",
        "en": "Downloads",
    },
    "page.o.each_file": {
        "vi": "Từng tệp ({n})",
        "en": "Each file ({n})",
    },
    "page.o.errors": {
        "vi": "{n} lỗi",
        "en": "{n} errors",
    },
    "page.o.failed_items": {
        "vi": "Văn bản chưa lập được",
        "en": "Documents not made",
    },
    "page.o.file_dossier": {
        "vi": "Nhận hồ sơ (tệp .zip của thư mục hồ sơ)",
        "en": "File a dossier (a .zip of its folder)",
    },
    "page.o.file_now": {
        "vi": "Nhận và kiểm tra",
        "en": "File and check",
    },
    "page.o.fill_sheet": {
        "vi": "Chấm điểm",
        "en": "Score",
    },
    "page.o.found_dossiers": {
        "vi": "{n} hồ sơ lấy từ hồ sơ đã nhận",
        "en": "{n} dossiers taken from those filed",
    },
    "page.o.home": {
        "vi": "Trang cán bộ",
        "en": "Officials' home",
    },
    "page.o.home_title": {
        "vi": "Công việc OCOP",
        "en": "OCOP work",
    },
    "page.o.job_summary": {
        "vi": "Đã lập {produced}, dùng lại {skipped}, lỗi {failed}; {pdfs} PDF; {seconds} giây.",
        "en": "Made {produced}, reused {skipped}, failed {failed}; {pdfs} PDFs; {seconds} s.",
    },
    "page.o.job_title": {
        "vi": "Lập văn bản của đợt",
        "en": "Producing the round's documents",
    },
    "page.o.jobs": {
        "vi": "Các lượt lập văn bản",
        "en": "Productions",
    },
    "page.o.kind.round": {
        "vi": "tệp đợt đánh giá",
        "en": "round file",
    },
    "page.o.kind.sheet": {
        "vi": "bảng tính kết quả",
        "en": "results spreadsheet",
    },
    "page.o.line": {
        "vi": "Dòng {n}",
        "en": "Line {n}",
    },
    "page.o.login_lead": {
        "vi": "Dành cho cán bộ UBND xã, văn phòng OCOP tỉnh, thành viên Hội đồng và quản trị viên. Hợp tác xã kiểm tra hồ sơ không cần tài khoản.",
        "en": "For commune officers, the provincial OCOP office, council members and administrators. Cooperatives check their dossiers without an account.",
    },
    "page.o.login_note": {
        "vi": "Quên mật khẩu: liên hệ quản trị viên. Đăng nhập sai nhiều lần sẽ bị tạm khoá.",
        "en": "Forgot the password: ask the administrator. Too many failed sign-ins pause signing in.",
    },
    "page.o.login_title": {
        "vi": "Đăng nhập cán bộ",
        "en": "Officials' sign-in",
    },
    "page.o.mean": {
        "vi": "Điểm TB",
        "en": "Mean",
    },
    "page.o.member": {
        "vi": "Thành viên",
        "en": "Member",
    },
    "page.o.member_role": {
        "vi": "Vai trò",
        "en": "Role",
    },
    "page.o.menu": {
        "vi": "Trình đơn cán bộ",
        "en": "Officials' menu",
    },
    "page.o.my_sheet": {
        "vi": "Phiếu của tôi",
        "en": "My sheet",
    },
    "page.o.new_round": {
        "vi": "Tạo đợt đánh giá",
        "en": "New round",
    },
    "page.o.new_round_lead": {
        "vi": "Tải lên bảng tính kết quả (.xlsx) hoặc tệp đợt đánh giá (.yaml, .json) — cùng định dạng và cùng cách kiểm tra như lệnh ocop-docs batch. Hồ sơ các sản phẩm được lấy từ hồ sơ đã nhận, hoặc gửi kèm.",
        "en": "Upload the results spreadsheet (.xlsx) or a round file (.yaml, .json): the formats and checks of ocop-docs batch. The products' dossiers are taken from those filed, or sent along.",
    },
    "page.o.no": {
        "vi": "STT",
        "en": "No.",
    },
    "page.o.no_": {
        "vi": "không",
        "en": "no",
    },
    "page.o.no_dossiers": {
        "vi": "Chưa có hồ sơ nào.",
        "en": "No dossier yet.",
    },
    "page.o.no_libreoffice": {
        "vi": "Máy chủ chưa có LibreOffice nên chỉ lập được tệp Word (.docx).",
        "en": "The server has no LibreOffice, so only Word files (.docx) can be made.",
    },
    "page.o.no_rounds": {
        "vi": "Chưa có đợt đánh giá nào.",
        "en": "No round yet.",
    },
    "page.o.not_recognised": {
        "vi": "không công nhận",
        "en": "not recognised",
    },
    "page.o.not_scoring": {
        "vi": "không chấm điểm",
        "en": "does not score",
    },
    "page.o.object": {
        "vi": "Đối tượng",
        "en": "Object",
    },
    "page.o.pages": {
        "vi": "{n} trang",
        "en": "{n} pages",
    },
    "page.o.part": {
        "vi": "Phần",
        "en": "Part",
    },
    "page.o.password": {
        "vi": "Mật khẩu",
        "en": "Password",
    },
    "page.o.password_again": {
        "vi": "Nhập lại mật khẩu mới",
        "en": "New password again",
    },
    "page.o.password_new": {
        "vi": "Mật khẩu mới",
        "en": "New password",
    },
    "page.o.password_note": {
        "vi": "Ít nhất 10 ký tự. Đổi mật khẩu sẽ đăng xuất mọi phiên của tài khoản.",
        "en": "At least 10 characters. Changing it signs the account out everywhere.",
    },
    "page.o.password_old": {
        "vi": "Mật khẩu hiện tại",
        "en": "Current password",
    },
    "page.o.phase.bundle": {
        "vi": "ghép tập PDF",
        "en": "bundling",
    },
    "page.o.phase.none": {
        "vi": "đang chờ",
        "en": "waiting",
    },
    "page.o.phase.pdf": {
        "vi": "chuyển sang PDF",
        "en": "converting to PDF",
    },
    "page.o.phase.render": {
        "vi": "lập văn bản",
        "en": "rendering",
    },
    "page.o.points": {
        "vi": "điểm",
        "en": "points",
    },
    "page.o.present": {
        "vi": "Có mặt",
        "en": "Present",
    },
    "page.o.preview": {
        "vi": "TB phiếu đã nhập: {mean} ({stars}★ theo điểm)",
        "en": "Mean of entered sheets: {mean} ({stars}★ by points)",
    },
    "page.o.problems": {
        "vi": "Vấn đề của đợt",
        "en": "Problems of the round",
    },
    "page.o.produce": {
        "vi": "Lập văn bản",
        "en": "Produce the documents",
    },
    "page.o.produce_lead": {
        "vi": "{n} văn bản sẽ được lập ({kinds}), chạy nền; có thể rời trang và quay lại.",
        "en": "{n} documents will be made ({kinds}) in the background; you may leave the page and come back.",
    },
    "page.o.produce_now": {
        "vi": "Lập văn bản",
        "en": "Produce",
    },
    "page.o.producer": {
        "vi": "Chủ thể",
        "en": "Producer",
    },
    "page.o.product": {
        "vi": "Sản phẩm",
        "en": "Product",
    },
    "page.o.products": {
        "vi": "Sản phẩm",
        "en": "Products",
    },
    "page.o.proposed_up": {
        "vi": "đề nghị cấp trên",
        "en": "proposed upward",
    },
    "page.o.province_code": {
        "vi": "Mã tỉnh",
        "en": "Province code",
    },
    "page.o.quorum_not": {
        "vi": "Chưa đủ số thành viên có mặt theo quy chế.",
        "en": "Quorum not met.",
    },
    "page.o.quorum_ok": {
        "vi": "Đủ số thành viên có mặt theo quy chế.",
        "en": "Quorum met.",
    },
    "page.o.refreshes": {
        "vi": "Trang tự tải lại vài giây một lần.",
        "en": "The page reloads itself every few seconds.",
    },
    "page.o.role.hoi_dong": {
        "vi": "thành viên Hội đồng",
        "en": "council member",
    },
    "page.o.role.quan_tri": {
        "vi": "quản trị viên",
        "en": "administrator",
    },
    "page.o.role.tinh": {
        "vi": "văn phòng OCOP tỉnh",
        "en": "provincial OCOP office",
    },
    "page.o.role.xa": {
        "vi": "cán bộ xã",
        "en": "commune officer",
    },
    "page.o.round_dossiers": {
        "vi": "Hồ sơ kèm theo (không bắt buộc)",
        "en": "Dossiers sent along (optional)",
    },
    "page.o.round_dossiers_note": {
        "vi": "Một tệp .zip chứa các thư mục hồ sơ; tên thư mục như trong cột «Hồ sơ» của bảng tính.",
        "en": "One .zip of dossier folders, named as in the sheet's 'Hồ sơ' column.",
    },
    "page.o.round_file": {
        "vi": "Bảng tính hoặc tệp đợt",
        "en": "Spreadsheet or round file",
    },
    "page.o.round_file_note": {
        "vi": "Hoặc một tệp .zip chứa tệp đợt cùng các thư mục hồ sơ.",
        "en": "Or one .zip holding the round file and the dossier folders.",
    },
    "page.o.round_name": {
        "vi": "Đợt",
        "en": "Round",
    },
    "page.o.round_source": {
        "vi": "Từ {kind} «{source}»",
        "en": "From the {kind} '{source}'",
    },
    "page.o.rounds": {
        "vi": "Đợt đánh giá",
        "en": "Rounds",
    },
    "page.o.row": {
        "vi": "Dòng {n}",
        "en": "Row {n}",
    },
    "page.o.save": {
        "vi": "Lưu",
        "en": "Save",
    },
    "page.o.save_seats": {
        "vi": "Lưu phân công",
        "en": "Save the seats",
    },
    "page.o.save_total": {
        "vi": "Lưu tổng điểm",
        "en": "Save the total",
    },
    "page.o.set": {
        "vi": "Bộ",
        "en": "Set",
    },
    "page.o.sheet_member": {
        "vi": "Phiếu của thành viên {name} ({ma}).",
        "en": "Sheet of member {name} ({ma}).",
    },
    "page.o.sheet_save": {
        "vi": "Lưu phiếu chấm",
        "en": "Save the sheet",
    },
    "page.o.sheet_saved": {
        "vi": "Đã lưu phiếu",
        "en": "Sheet saved",
    },
    "page.o.sheet_title": {
        "vi": "Phiếu đánh giá sản phẩm",
        "en": "Scoring sheet",
    },
    "page.o.sheet_total": {
        "vi": "tổng {total} điểm, hạng {stars} sao theo phiếu này",
        "en": "total {total} points, {stars} stars on this sheet",
    },
    "page.o.sheet_total_only": {
        "vi": "tổng {total} điểm",
        "en": "total {total} points",
    },
    "page.o.sheets": {
        "vi": "Phiếu đã nhập",
        "en": "Sheets entered",
    },
    "page.o.sign_in": {
        "vi": "Đăng nhập",
        "en": "Sign in",
    },
    "page.o.sign_out": {
        "vi": "Đăng xuất",
        "en": "Sign out",
    },
    "page.o.signed_in_as": {
        "vi": "Đăng nhập: {user} — {role}, {province}",
        "en": "Signed in: {user}, {role}, {province}",
    },
    "page.o.spread": {
        "vi": "Điểm các thành viên chênh lệch quá mức quy chế",
        "en": "Members' totals differ more than the rules allow",
    },
    "page.o.stars": {
        "vi": "Hạng",
        "en": "Stars",
    },
    "page.o.state.cancelled": {
        "vi": "đã dừng",
        "en": "cancelled",
    },
    "page.o.state.done": {
        "vi": "xong",
        "en": "done",
    },
    "page.o.state.failed": {
        "vi": "lỗi",
        "en": "failed",
    },
    "page.o.state.queued": {
        "vi": "đang xếp hàng",
        "en": "queued",
    },
    "page.o.state.running": {
        "vi": "đang chạy",
        "en": "running",
    },
    "page.o.state_label": {
        "vi": "Trạng thái",
        "en": "State",
    },
    "page.o.token_heading": {
        "vi": "Mã truy cập API",
        "en": "API token",
    },
    "page.o.token_label": {
        "vi": "Ghi chú (máy nào dùng mã)",
        "en": "Label (which system uses it)",
    },
    "page.o.token_make": {
        "vi": "Tạo mã",
        "en": "Make a token",
    },
    "page.o.token_note": {
        "vi": "Cho hệ thống khác gọi API thay tài khoản này (cùng vai trò, cùng tỉnh), hiệu lực 365 ngày.",
        "en": "Lets another system call the API as this account (same role, same province), valid 365 days.",
    },
    "page.o.token_once": {
        "vi": "Mã chỉ hiện một lần; hãy lưu lại ngay:",
        "en": "The token is shown once; store it now:",
    },
    "page.o.token_use": {
        "vi": "Gửi trong tiêu đề: Authorization: Bearer <mã>.",
        "en": "Send it in the header: Authorization: Bearer <token>.",
    },
    "page.o.total_only": {
        "vi": "Hoặc chỉ ghi tổng điểm (0–100)",
        "en": "Or give the total only (0–100)",
    },
    "page.o.username": {
        "vi": "Tên đăng nhập",
        "en": "User name",
    },
    "page.o.valid": {
        "vi": "hợp lệ",
        "en": "valid",
    },
    "page.o.when": {
        "vi": "Lúc",
        "en": "When",
    },
    "page.o.with_bundle": {
        "vi": "Ghép tập PDF có mục lục",
        "en": "One bookmarked PDF",
    },
    "page.o.with_pdf": {
        "vi": "Kèm PDF",
        "en": "Also PDF",
    },
    "page.o.yes": {
        "vi": "có",
        "en": "yes",
    },
}
