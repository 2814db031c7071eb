"""Interface texts of the command line (headings, summaries, labels) in Vietnamese and English.

Not issues, so they carry no code or hint; kept with the catalogue so that every text a user
reads comes from one place. Keys are namespaced by verb ("render.written", "batch.summary").
"""

from __future__ import annotations

from typing import Literal

CLI_UI: dict[str, dict[Literal["vi", "en"], str]] = {
    "render.written": {"vi": "Đã lập {kind}: {path}", "en": "Wrote {kind}: {path}"},
    "render.pdf": {"vi": "Đã chuyển sang PDF: {path}", "en": "Converted to PDF: {path}"},
    "render.placeholders": {
        "vi": "BẢN NHÁP: {n} chỗ thiếu dữ liệu được in dạng [[tên]]: {names}",
        "en": "DRAFT: {n} missing values printed as [[name]]: {names}",
    },
    "render.error": {"vi": "Lỗi", "en": "Error"},
    "render.warning": {"vi": "Cảnh báo", "en": "Warning"},
    "render.hint": {"vi": "Cách sửa", "en": "Fix"},
    "render.line": {"vi": "dòng {line}", "en": "line {line}"},
    "batch.summary": {
        "vi": "Đã lập {produced} văn bản, bỏ qua {skipped} (đã có), lỗi {failed}; "
        "{seconds} giây → {outdir}",
        "en": "Made {produced} documents, skipped {skipped} (already there), failed "
        "{failed}; {seconds} s → {outdir}",
    },
    "batch.pdfs": {"vi": "PDF: {n} tệp", "en": "PDF: {n} files"},
    "batch.restarts": {
        "vi": " (LibreOffice khởi động {starts} lần, khởi động lại {retries} lần sau lỗi)",
        "en": " (LibreOffice started {starts} times, restarted {retries} times after a failure)",
    },
    "batch.bundle": {
        "vi": "Tập PDF: {path} ({pages} trang)",
        "en": "PDF bundle: {path} ({pages} pages)",
    },
    "batch.manifest": {"vi": "Danh mục kết quả: {path}", "en": "Manifest: {path}"},
    "batch.invalid": {
        "vi": "{n} hồ sơ chưa hợp lệ (xem báo cáo trong thư mục kiem-tra/).",
        "en": "{n} dossiers are not valid (see the reports in kiem-tra/).",
    },
    "batch.nothing": {
        "vi": "Không có gì để lập cho: {kinds}",
        "en": "Nothing to make for: {kinds}",
    },
    "batch.failed": {"vi": "Không lập được", "en": "Failed"},
    "batch.warning": {"vi": "Cảnh báo", "en": "Warning"},
    "batch.hint": {"vi": "Cách sửa", "en": "Fix"},
    "batch.row": {"vi": "dòng {n} của bảng tính", "en": "spreadsheet row {n}"},
    "batch.line": {"vi": "dòng {n}", "en": "line {n}"},
    "batch.interrupted": {
        "vi": "Đã dừng theo yêu cầu. Văn bản đã lập được ghi trong {path}; chạy "
        "lại lệnh với --resume để làm tiếp.",
        "en": "Stopped on request. Finished documents are listed in {path}; run "
        "the command again with --resume to continue.",
    },
    "batch.stages": {"vi": "Lập văn bản|Chuyển PDF|Ghép tập PDF", "en": "Rendering|PDF|Bundle"},
    "templates.ok": {"vi": "Mẫu {file}: không có lỗi.", "en": "Template {file}: no problems."},
    "templates.summary": {
        "vi": "Đã kiểm tra {n} mẫu trong {folder}: {errors} lỗi, {warnings} cảnh báo.",
        "en": "Checked {n} templates in {folder}: {errors} errors, {warnings} warnings.",
    },
    "templates.error": {"vi": "LỖI", "en": "ERROR"},
    "templates.warning": {"vi": "CẢNH BÁO", "en": "WARNING"},
    "rubric.list_head": {
        "vi": "Bộ  Nhóm  Tên bộ sản phẩm (dấu sao tối thiểu 3/4/5)",
        "en": "Set Group Product set (star minimum markers 3/4/5)",
    },
    "rubric.set": {
        "vi": "Bộ sản phẩm {n}: {ten} (QĐ {regime})",
        "en": "Product set {n}: {ten} (QĐ {regime})",
    },
    "rubric.part": {"vi": "Phần {ma}: {ten}", "en": "Part {ma}: {ten}"},
    "rubric.points": {"vi": "{diem} điểm", "en": "{diem} points"},
    "rubric.of": {"vi": "{diem}/{toi_da} điểm", "en": "{diem}/{toi_da} points"},
    "rubric.disq_head": {"vi": "Hồ sơ bị loại khi:", "en": "Disqualified when:"},
    "rubric.disq_none": {
        "vi": "Hồ sơ bị loại khi: (bộ tiêu chí không ghi)",
        "en": "Disqualified when: (not stated in this rubric)",
    },
    "rubric.min_mark": {"vi": "tối thiểu {sao} sao", "en": "{sao}-star minimum"},
    "rubric.requirement": {"vi": "Yêu cầu", "en": "Requirement"},
    "rubric.condition": {"vi": "Điều kiện", "en": "Condition"},
    "rubric.note": {"vi": "Ghi chú", "en": "Note"},
    "rubric.added": {
        "vi": "(lựa chọn Không/Có do ocop-docs thêm)",
        "en": "(No/Yes options added by ocop-docs)",
    },
    "rubric.corrections": {"vi": "Sửa lỗi văn bản nguồn:", "en": "Corrections of the source text:"},
    "rubric.remarks": {
        "vi": "Chỗ bất thường giữ nguyên văn:",
        "en": "Irregularities kept as printed:",
    },
    "rubric.line": {"vi": "dòng {dong}", "en": "line {dong}"},
    "rubric.total": {"vi": "Tổng điểm: {diem}/{toi_da}", "en": "Total: {diem}/{toi_da}"},
    "rubric.band": {"vi": "Hạng theo điểm: {sao} sao", "en": "Band by points: {sao} star(s)"},
    "rubric.star": {"vi": "Hạng sao: {sao} sao", "en": "Stars: {sao} star(s)"},
    "rubric.lowered": {
        "vi": " (hạ từ {band} sao vì chưa đạt yêu cầu tối thiểu)",
        "en": " (lowered from {band} because star minimums are not met)",
    },
    "rubric.warn_only": {
        "vi": " (chỉ cảnh báo; nếu áp dụng yêu cầu tối thiểu: {capped} sao)",
        "en": " (warning only; with the star minimums applied: {capped})",
    },
    "rubric.disqualified": {
        "vi": "Hạng sao: không xếp hạng, hồ sơ bị loại",
        "en": "Stars: none, the dossier is disqualified",
    },
    "rubric.reason": {"vi": "Lý do loại: {ly_do}", "en": "Reason: {ly_do}"},
    "rubric.unmet": {"vi": "Yêu cầu tối thiểu chưa đạt:", "en": "Star minimums not met:"},
    "rubric.unmet_item": {
        "vi": '{tieu_chi} ({sao} sao): cần "{lua_chon}" ({diem} điểm) hoặc lựa '
        "chọn điểm cao hơn; {da_chon}",
        "en": '{tieu_chi} ({sao} stars): needs "{lua_chon}" ({diem} points) or '
        "a higher-scoring option; {da_chon}",
    },
    "rubric.chosen": {
        "vi": "đã chọn lựa chọn {stt} ({diem} điểm)",
        "en": "option {stt} chosen ({diem} points)",
    },
    "rubric.not_chosen": {"vi": "chưa chọn", "en": "nothing chosen"},
    "rubric.problems": {"vi": "Vấn đề trong phiếu chấm:", "en": "Problems in the scorecard:"},
    "rubric.missing_many": {
        "vi": "Chưa chọn {n} tiêu chí (tính 0 điểm): {items}.",
        "en": "{n} criteria have no choice (counted as 0 points): {items}.",
    },
    "rubric.error": {"vi": "lỗi", "en": "error"},
    "rubric.warning": {"vi": "cảnh báo", "en": "warning"},
    "rubric.at": {"vi": "dòng {line}, cột {column}", "en": "line {line}, column {column}"},
}
