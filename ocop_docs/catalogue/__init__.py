"""The issue-code catalogue: every message a user can see, in Vietnamese and English.

Codes are stable kebab-case identifiers; once released a code is never reused for another
meaning (architecture §3, "Report JSON"). Messages are ``str.format`` templates filled from
the issue's parameters; a missing parameter renders as "…" rather than failing, so a
message can never crash a report.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any, Literal

from ocop_docs.catalogue.spec import IssueSpec, _spec

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")


_SPECS: tuple[IssueSpec, ...] = (
    # --- loading ------------------------------------------------------------------------
    _spec(
        "dossier-not-found",
        "error",
        "loading",
        "Không tìm thấy hồ sơ tại «{path}»: thư mục phải chứa tệp ho-so.yaml hoặc ho-so.json.",
        "No dossier at '{path}': the folder must contain ho-so.yaml or ho-so.json.",
        "Kiểm tra lại đường dẫn, hoặc tạo hồ sơ mới bằng lệnh: ocop-docs new --set N THƯ_MỤC",
        "Check the path, or scaffold a dossier with: ocop-docs new --set N FOLDER",
    ),
    _spec(
        "dossier-file-ambiguous",
        "warning",
        "loading",
        "Thư mục có cả ho-so.yaml và ho-so.json; chỉ đọc «{used}».",
        "The folder has both ho-so.yaml and ho-so.json; only '{used}' was read.",
        "Xóa hoặc đổi tên tệp không dùng để tránh nhầm lẫn.",
        "Delete or rename the file you do not use.",
    ),
    _spec(
        "file-unreadable",
        "error",
        "loading",
        "Không đọc được tệp «{path}»: {reason}.",
        "Cannot read '{path}': {reason}.",
        "Kiểm tra quyền đọc tệp và thử lại.",
        "Check that the file is readable and try again.",
    ),
    _spec(
        "file-too-large",
        "error",
        "loading",
        "Tệp hồ sơ «{path}» quá lớn ({size}); giới hạn là {limit}.",
        "The dossier file '{path}' is too large ({size}); the limit is {limit}.",
        "Tệp ho-so.yaml chỉ chứa thông tin; tài liệu đính kèm để trong các tệp riêng.",
        "ho-so.yaml holds data only; put attachments in separate files.",
    ),
    _spec(
        "file-binary",
        "error",
        "loading encoding",
        "Tệp «{path}» không phải tệp văn bản (có byte NUL ở vị trí {offset}).",
        "'{path}' is not a text file (NUL byte at offset {offset}).",
        "Tệp hồ sơ phải là văn bản YAML hoặc JSON, không phải tệp Word hay PDF.",
        "The dossier file must be YAML or JSON text, not a Word or PDF file.",
    ),
    _spec(
        "file-not-utf8",
        "error",
        "loading encoding",
        "Tệp «{path}» không được lưu theo mã UTF-8 (dòng {line}); có thể là mã {guess}.",
        "'{path}' is not saved as UTF-8 (line {line}); it looks like {guess}.",
        "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode).",
        "Open the file in an editor and save it again as UTF-8 (Unicode).",
    ),
    _spec(
        "yaml-syntax",
        "error",
        "loading",
        "Lỗi cú pháp YAML: {problem}.",
        "YAML syntax error: {problem}.",
        "Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu «:» sau tên trường và dấu ngoặc kép.",
        "Check indentation (spaces, not tabs), the ':' after each key, and quotes.",
    ),
    _spec(
        "json-syntax",
        "error",
        "loading",
        "Lỗi cú pháp JSON: {problem}.",
        "JSON syntax error: {problem}.",
        "Kiểm tra dấu phẩy, dấu ngoặc và dấu ngoặc kép quanh chuỗi.",
        "Check commas, brackets and the quotes around strings.",
    ),
    _spec(
        "yaml-duplicate-key",
        "error",
        "loading",
        "Trường «{key}» được khai báo hai lần (lần đầu ở dòng {first_line}).",
        "Key '{key}' is given twice (first at line {first_line}).",
        "Giữ một dòng và xóa dòng còn lại; nếu không, một trong hai giá trị sẽ bị bỏ qua.",
        "Keep one of them; otherwise one of the values is silently lost.",
    ),
    _spec(
        "yaml-too-complex",
        "error",
        "loading",
        "Tệp hồ sơ có quá nhiều phần tử hoặc tham chiếu lồng nhau (trên {limit}).",
        "The dossier file has too many elements or nested aliases (over {limit}).",
        "Viết dữ liệu trực tiếp, không dùng tham chiếu YAML (&, *) lồng nhau.",
        "Write the data out plainly, without nested YAML aliases (&, *).",
    ),
    _spec(
        "dossier-not-mapping",
        "error",
        "loading",
        "Nội dung hồ sơ phải là một bảng các trường (khóa: giá trị), nhưng đang là {actual}.",
        "The dossier must be a mapping of keys to values, but it is {actual}.",
        "Xem mẫu bằng lệnh: ocop-docs new --set N THƯ_MỤC",
        "See a template with: ocop-docs new --set N FOLDER",
    ),
    # --- schema -------------------------------------------------------------------------
    _spec(
        "schema-required",
        "error",
        "schema",
        "Thiếu trường bắt buộc «{field}».",
        "Required field '{field}' is missing.",
        "Bổ sung trường «{key}» vào {parent}.",
        "Add '{key}' to {parent}.",
    ),
    _spec(
        "schema-type",
        "error",
        "schema",
        "«{field}» phải là {expected}, nhưng đang là {actual}.",
        "'{field}' must be {expected}, but it is {actual}.",
        "Sửa giá trị cho đúng kiểu; chuỗi có số 0 ở đầu nên đặt trong dấu ngoặc kép.",
        "Fix the value's type; put strings with leading zeros in quotes.",
    ),
    _spec(
        "schema-enum",
        "error",
        "schema",
        "«{field}» có giá trị «{value}» không hợp lệ.",
        "'{field}' has the invalid value '{value}'.",
        "Chọn một trong các giá trị: {allowed}.",
        "Use one of: {allowed}.",
    ),
    _spec(
        "schema-range",
        "error",
        "schema",
        "«{field}» = {value} nằm ngoài giới hạn cho phép ({limit}).",
        "'{field}' = {value} is out of range ({limit}).",
        "Sửa lại giá trị trong giới hạn cho phép.",
        "Use a value within the allowed range.",
    ),
    _spec(
        "schema-length",
        "error",
        "schema",
        "«{field}» có độ dài không hợp lệ ({limit}).",
        "'{field}' has an invalid length ({limit}).",
        "Bổ sung hoặc rút gọn nội dung cho phù hợp.",
        "Add or shorten the content accordingly.",
    ),
    _spec(
        "schema-format",
        "error",
        "schema",
        "«{field}» không đúng định dạng: «{value}».",
        "'{field}' is not in the expected format: '{value}'.",
        "Định dạng đúng: {expected}.",
        "Expected format: {expected}.",
    ),
    _spec(
        "schema-unknown-field",
        "warning",
        "schema",
        "Trường «{key}» trong {parent} không có trong mẫu hồ sơ và sẽ bị bỏ qua.",
        "Field '{key}' in {parent} is not part of the dossier model and is ignored.",
        "Kiểm tra lỗi chính tả tên trường; danh sách trường xem trong docs/dossier.md.",
        "Check the key for typos; the field list is in docs/dossier.md.",
    ),
    _spec(
        "schema-invalid",
        "error",
        "schema",
        "«{field}» không hợp lệ.",
        "'{field}' is not valid.",
        "Đối chiếu với mẫu hồ sơ (ocop-docs new) và sửa lại.",
        "Compare with the template (ocop-docs new) and fix it.",
    ),
    _spec(
        "date-invalid",
        "error",
        "schema",
        "«{field}» không phải ngày hợp lệ: «{value}».",
        "'{field}' is not a valid date: '{value}'.",
        "Ghi ngày theo dạng 2026-09-15 hoặc 15/09/2026.",
        "Write dates as 2026-09-15 or 15/09/2026.",
    ),
    _spec(
        "tax-code-invalid",
        "error",
        "schema identifiers",
        "Mã số thuế «{value}» không đúng dạng.",
        "Tax code '{value}' is malformed.",
        "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số + «-» + 3 chữ số (chi nhánh), "
        "hoặc 12 chữ số (số định danh cá nhân, từ 01/7/2025).",
        "A tax code has 10 digits, 10 digits + '-' + 3 digits (branch), "
        "or 12 digits (personal ID number, from 1 July 2025).",
    ),
    _spec(
        "tax-code-check-digit",
        "error",
        "schema identifiers",
        "Mã số thuế «{value}» sai chữ số kiểm tra (chữ số thứ 10 phải là {expected}).",
        "Tax code '{value}' has a wrong check digit (the 10th digit should be {expected}).",
        "Đối chiếu lại với Giấy chứng nhận đăng ký kinh doanh; có thể gõ nhầm một chữ số.",
        "Compare with the business registration certificate; a digit is probably mistyped.",
    ),
    _spec(
        "id-number-invalid",
        "error",
        "schema identifiers",
        "Số định danh cá nhân «{value}» không hợp lệ: {reason}.",
        "Personal ID number '{value}' is not valid: {reason}.",
        "Số định danh (căn cước) gồm 12 chữ số: 3 số mã tỉnh nơi đăng ký khai sinh, "
        "1 số giới tính/thế kỷ, 2 số năm sinh, 6 số ngẫu nhiên.",
        "A personal ID has 12 digits: 3 for the province of birth registration, "
        "1 for sex/century, 2 for the birth year, 6 random.",
    ),
    _spec(
        "phone-invalid",
        "error",
        "schema identifiers",
        "Số điện thoại «{value}» không đúng dạng số điện thoại Việt Nam.",
        "'{value}' is not a Vietnamese phone number.",
        "Di động: 10 số bắt đầu bằng 03, 05, 07, 08, 09; cố định: 02xx + 7–8 số; có thể thay số 0 đầu bằng +84.",
        "Mobile: 10 digits starting 03, 05, 07, 08, 09; landline: 02xx + 7–8 digits; +84 may replace the leading 0.",
    ),
    _spec(
        "email-invalid",
        "error",
        "schema identifiers",
        "Địa chỉ thư điện tử «{value}» không hợp lệ.",
        "E-mail address '{value}' is not valid.",
        "Dạng đúng: ten@mien.vn",
        "Expected: name@domain.vn",
    ),
    # --- text -------------------------------------------------------------------------
    _spec(
        "text-legacy-encoding",
        "error",
        "text encoding",
        "«{field}» có vẻ được gõ bằng bảng mã cũ {encoding}: «{value}».",
        "'{field}' looks like text typed in the legacy {encoding} encoding: '{value}'.",
        "Có thể ý bạn là «{suggestion}». Chuyển văn bản sang Unicode (ví dụ bằng Unikey: "
        "Công cụ chuyển mã) rồi sửa lại.",
        "Did you mean '{suggestion}'? Convert the text to Unicode (e.g. Unikey's converter) and fix it.",
    ),
    _spec(
        "text-not-nfc",
        "warning",
        "text encoding",
        "Có {count} chuỗi ở dạng Unicode tổ hợp (NFD), ví dụ «{field}»; đã chuẩn hóa về NFC khi kiểm tra.",
        "{count} strings use decomposed Unicode (NFD), e.g. '{field}'; they were normalised to NFC.",
        "Lưu lại tệp ở dạng Unicode dựng sẵn (NFC) để văn bản in ra đúng trên mọi máy.",
        "Save the file in precomposed Unicode (NFC) so documents print the same everywhere.",
    ),
    # --- attachments --------------------------------------------------------------------
    _spec(
        "attachment-path-absolute",
        "error",
        "attachments security",
        "Đường dẫn «{tep}» là đường dẫn tuyệt đối; chỉ chấp nhận đường dẫn trong thư mục hồ sơ.",
        "'{tep}' is an absolute path; only paths inside the dossier folder are accepted.",
        "Chép tệp vào thư mục hồ sơ và ghi đường dẫn tương đối, ví dụ tai-lieu/ten-tep.pdf.",
        "Copy the file into the dossier folder and give a relative path such as tai-lieu/file.pdf.",
    ),
    _spec(
        "attachment-path-escapes",
        "error",
        "attachments security",
        "Đường dẫn «{tep}» trỏ ra ngoài thư mục hồ sơ; tệp này không được đọc.",
        "'{tep}' points outside the dossier folder; it was not read.",
        "Chép tệp vào thư mục hồ sơ (không dùng «..» hay liên kết tượng trưng ra ngoài).",
        "Copy the file into the dossier folder (no '..' or symlinks leading outside).",
    ),
    _spec(
        "attachment-symlink",
        "error",
        "attachments",
        "Tệp «{tep}» là một liên kết (symlink), không phải tệp thật; công cụ không đọc liên kết.",
        "'{tep}' is a link (symlink), not a real file; links are never followed.",
        "Chép tệp thật vào thư mục hồ sơ thay cho liên kết.",
        "Copy the real file into the dossier folder instead of the link.",
    ),
    _spec(
        "attachment-changed",
        "error",
        "attachments",
        "Tệp «{tep}» đã thay đổi trong lúc được kiểm tra (bị thay, cắt ngắn hoặc ghi thêm).",
        "'{tep}' changed while it was being checked (replaced, truncated or written to).",
        "Chờ việc chép hoặc đồng bộ tệp xong rồi kiểm tra lại.",
        "Wait until copying or syncing has finished, then check again.",
    ),
    _spec(
        "attachment-missing",
        "error",
        "attachments",
        "Không tìm thấy tệp đính kèm «{tep}».",
        "Attachment '{tep}' does not exist.",
        "Kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) và vị trí trong thư mục hồ sơ.",
        "Check the file name (case matters) and where it sits in the dossier folder.",
    ),
    _spec(
        "attachment-not-file",
        "error",
        "attachments",
        "«{tep}» không phải là một tệp thông thường.",
        "'{tep}' is not a regular file.",
        "Ghi đường dẫn tới tệp, không phải thư mục.",
        "Give the path of a file, not a folder.",
    ),
    _spec(
        "attachment-unreadable",
        "error",
        "attachments",
        "Không đọc được tệp «{tep}»: {reason}.",
        "Cannot read '{tep}': {reason}.",
        "Kiểm tra quyền đọc tệp.",
        "Check that the file is readable.",
    ),
    _spec(
        "attachment-empty",
        "error",
        "attachments",
        "Tệp «{tep}» rỗng (0 byte).",
        "'{tep}' is empty (0 bytes).",
        "Chép lại tệp gốc; có thể việc sao chép bị gián đoạn.",
        "Copy the original again; the copy was probably interrupted.",
    ),
    _spec(
        "attachment-too-large",
        "error",
        "attachments",
        "Tệp «{tep}» quá lớn ({size}); giới hạn là {limit}.",
        "'{tep}' is too large ({size}); the limit is {limit}.",
        "Quét lại với độ phân giải 150–200 dpi hoặc nén PDF; có thể đổi giới hạn bằng --max-size.",
        "Rescan at 150–200 dpi or compress the PDF; the limit can be changed with --max-size.",
    ),
    _spec(
        "attachment-pdf-corrupt",
        "error",
        "attachments pdf",
        "Tệp PDF «{tep}» bị hỏng, không mở được: {reason}.",
        "PDF '{tep}' is damaged and cannot be opened: {reason}.",
        "Xuất lại tệp PDF từ bản gốc hoặc quét lại giấy tờ.",
        "Export the PDF again from the original or rescan the paper.",
    ),
    _spec(
        "attachment-pdf-encrypted",
        "error",
        "attachments pdf",
        "Tệp PDF «{tep}» được đặt mật khẩu; cơ quan tiếp nhận sẽ không mở được.",
        "PDF '{tep}' is password-protected; the receiving office cannot open it.",
        "Gỡ mật khẩu (in ra PDF mới không đặt mật khẩu) rồi đính kèm lại.",
        "Remove the password (print to a new PDF without one) and attach it again.",
    ),
    _spec(
        "attachment-pdf-no-pages",
        "error",
        "attachments pdf",
        "Tệp PDF «{tep}» không có trang nào.",
        "PDF '{tep}' has no pages.",
        "Xuất lại tệp PDF từ bản gốc.",
        "Export the PDF again from the original.",
    ),
    _spec(
        "attachment-image-corrupt",
        "error",
        "attachments image",
        "Tệp ảnh «{tep}» bị hỏng, không mở được: {reason}.",
        "Image '{tep}' is damaged and cannot be opened: {reason}.",
        "Chụp hoặc quét lại ảnh.",
        "Take or scan the picture again.",
    ),
    _spec(
        "attachment-type-mismatch",
        "error",
        "attachments",
        "Tệp «{tep}» có đuôi «{extension}» nhưng nội dung là {actual}.",
        "'{tep}' is named '{extension}' but contains {actual}.",
        "Đổi đuôi tệp cho đúng hoặc xuất lại tệp đúng định dạng.",
        "Rename the file to match its content, or export it in the right format.",
    ),
    _spec(
        "attachment-unsupported-type",
        "warning",
        "attachments",
        "Tệp «{tep}» có định dạng «{extension}» không được kiểm tra nội dung; nên nộp bản PDF.",
        "'{tep}' has the format '{extension}', whose content is not checked; PDF is preferred.",
        "Chuyển tài liệu sang PDF (hoặc ảnh JPG/PNG) trước khi nộp.",
        "Convert the document to PDF (or a JPG/PNG image) before filing.",
    ),
    # --- rules: documents -------------------------------------------------------------
    _spec(
        "document-missing",
        "error",
        "rules documents",
        "Thiếu tài liệu bắt buộc: {document}.",
        "Required document missing: {document}.",
        "Đính kèm tài liệu với «loai: {loai}» trong danh sách tai_lieu. Căn cứ: {basis}.",
        "Attach it as an entry with 'loai: {loai}' under tai_lieu. Basis: {basis}.",
    ),
    _spec(
        "document-recommended",
        "warning",
        "rules documents",
        "Nên có tài liệu: {document}.",
        "Recommended document not attached: {document}.",
        "Thiếu minh chứng này sản phẩm khó đạt mức tối thiểu 3 sao. Căn cứ: {basis}.",
        "Without this evidence the product can hardly reach the 3-star minimum. Basis: {basis}.",
    ),
    _spec(
        "document-substitute",
        "warning",
        "rules documents",
        "Dùng «{used}» thay cho {document}.",
        "'{used}' is given instead of {document}.",
        "Chỉ chấp nhận khi cơ sở thuộc diện không phải cấp giấy chứng nhận theo quy định; "
        "cơ quan tiếp nhận sẽ xem xét. Căn cứ: {basis}.",
        "Accepted only where the producer is exempt from the certificate by law; "
        "the receiving office decides. Basis: {basis}.",
    ),
    _spec(
        "document-expired",
        "error",
        "rules dates",
        "{document} đã hết hạn ngày {expiry}, trước ngày nộp hồ sơ {filed}.",
        "{document} expired on {expiry}, before the filing date {filed}.",
        "Gia hạn hoặc xin cấp lại giấy tờ và đính kèm bản còn hiệu lực.",
        "Renew the paper and attach the valid one.",
    ),
    _spec(
        "document-expires-soon",
        "warning",
        "rules dates",
        "{document} hết hạn ngày {expiry}, chỉ {days} ngày sau ngày nộp hồ sơ.",
        "{document} expires on {expiry}, only {days} days after filing.",
        "Nên gia hạn trước khi Hội đồng đánh giá để tránh bị yêu cầu bổ sung.",
        "Renew it before the council meets to avoid a request for supplements.",
    ),
    _spec(
        "document-expiry-unknown",
        "warning",
        "rules dates",
        "{document} là giấy tờ có thời hạn nhưng chưa ghi ngày hết hạn (ngay_het_han).",
        "{document} is time-limited but has no expiry date (ngay_het_han).",
        "Ghi ngày hết hạn theo giấy tờ để công cụ kiểm tra hiệu lực.",
        "Give the expiry date printed on the paper so its validity can be checked.",
    ),
    _spec(
        "document-dates-inverted",
        "error",
        "rules dates",
        "{document}: ngày hết hạn {expiry} trước ngày cấp {issued}.",
        "{document}: the expiry date {expiry} is before the issue date {issued}.",
        "Kiểm tra lại hai ngày trên giấy tờ.",
        "Check both dates on the paper.",
    ),
    _spec(
        "document-issued-after-filing",
        "error",
        "rules dates",
        "{document} được cấp ngày {issued}, sau ngày nộp hồ sơ {filed}.",
        "{document} is dated {issued}, after the filing date {filed}.",
        "Kiểm tra ngày cấp hoặc ngày nộp hồ sơ.",
        "Check the issue date or the filing date.",
    ),
    _spec(
        "samples-insufficient",
        "error",
        "rules",
        "Số sản phẩm mẫu là {count}; hồ sơ phải kèm {required} sản phẩm mẫu.",
        "{count} product samples given; the dossier must come with {required}.",
        "Chuẩn bị đủ sản phẩm mẫu gửi kèm hồ sơ. Căn cứ: QĐ 26/2026 Điều 6.2.d.",
        "Prepare the full number of samples. Basis: QĐ 26/2026 Điều 6.2.d.",
    ),
    _spec(
        "samples-not-required",
        "warning",
        "rules",
        "Bộ sản phẩm dịch vụ du lịch không nộp sản phẩm mẫu (đang ghi {count}).",
        "Tourism services send no product samples ({count} given).",
        "Bỏ trường so_luong_mau hoặc ghi 0. Căn cứ: QĐ 26/2026 Điều 6.2.d.",
        "Remove so_luong_mau or set it to 0. Basis: QĐ 26/2026 Điều 6.2.d.",
    ),
    _spec(
        "producer-not-eligible",
        "error",
        "rules",
        "Loại hình «{kind}» chỉ được đăng ký với bộ sản phẩm dịch vụ du lịch (bộ 26).",
        "Producer type '{kind}' may only register tourism services (set 26).",
        "Chủ thể OCOP gồm: hợp tác xã, tổ hợp tác, doanh nghiệp nhỏ và vừa, trang trại, "
        "hộ sản xuất, hộ gia đình có đăng ký kinh doanh. Căn cứ: QĐ 26/2026 Điều 2.3.",
        "Eligible producers: cooperatives, cooperative groups, SMEs, farms, registered "
        "households. Basis: QĐ 26/2026 Điều 2.3.",
    ),
    _spec(
        "founded-after-filing",
        "error",
        "rules dates",
        "Ngày thành lập {founded} sau ngày nộp hồ sơ {filed}.",
        "The founding date {founded} is after the filing date {filed}.",
        "Kiểm tra lại ngày thành lập/đăng ký kinh doanh.",
        "Check the founding/registration date.",
    ),
    _spec(
        "filing-date-future",
        "warning",
        "rules dates",
        "Ngày nộp hồ sơ {filed} ở tương lai (hôm nay là {today}).",
        "The filing date {filed} is in the future (today is {today}).",
        "Các kiểm tra về thời hạn được tính theo ngày nộp này; sửa lại nếu gõ nhầm.",
        "Deadlines are computed from this date; fix it if it is a typo.",
    ),
    _spec(
        "regime-date-mismatch",
        "warning",
        "rules regime",
        "Ngày nộp {filed} không thuộc thời gian áp dụng của bộ tiêu chí {regime} ({period}).",
        "The filing date {filed} is outside the period of regime {regime} ({period}).",
        "Hồ sơ nộp trong giai đoạn này thường theo bộ tiêu chí {expected}.",
        "Dossiers filed then normally follow regime {expected}.",
    ),
    _spec(
        "previous-certificate-missing",
        "error",
        "rules",
        "Hồ sơ {case} phải có thông tin chứng nhận OCOP đã được cấp (chung_nhan_truoc).",
        "A {case} dossier must give the current OCOP recognition (chung_nhan_truoc).",
        "Ghi số, ngày quyết định công nhận, cơ quan cấp và hạng sao. Căn cứ: QĐ 26/2026 Điều 6.1.b–c.",
        "Give the decision number, date, issuer and stars. Basis: QĐ 26/2026 Điều 6.1.b–c.",
    ),
    _spec(
        "upgrade-from-top",
        "error",
        "rules",
        "Sản phẩm đã đạt 5 sao, không thể đăng ký nâng hạng.",
        "The product already has 5 stars and cannot be upgraded.",
        "Chọn loai_danh_gia: danh_gia_lai khi giấy chứng nhận sắp hết hạn.",
        "Use loai_danh_gia: danh_gia_lai when the certificate is about to expire.",
    ),
    _spec(
        "reevaluation-too-early",
        "error",
        "rules dates",
        "Hồ sơ đánh giá lại nộp ngày {filed}, sớm hơn 180 ngày trước khi giấy chứng nhận hết hạn ({expiry}).",
        "Re-evaluation filed on {filed}, more than 180 days before the certificate expires ({expiry}).",
        "Nộp trong khoảng từ {window_start} đến {window_end}. Căn cứ: QĐ 26/2026 Điều 7.6.a.",
        "File between {window_start} and {window_end}. Basis: QĐ 26/2026 Điều 7.6.a.",
    ),
    _spec(
        "reevaluation-late",
        "warning",
        "rules dates",
        "Hồ sơ đánh giá lại nộp ngày {filed}, muộn hơn hạn 120 ngày trước khi giấy chứng nhận hết hạn ({expiry}).",
        "Re-evaluation filed on {filed}, later than 120 days before the certificate expires ({expiry}).",
        "Giấy chứng nhận được kéo dài hiệu lực đến khi có kết quả, tối đa 180 ngày sau ngày hết hạn "
        "(đến {grace_end}). Căn cứ: QĐ 26/2026 Điều 7.6.a, Điều 12.3.",
        "The certificate stays valid until the result, at most 180 days past expiry "
        "(to {grace_end}). Basis: QĐ 26/2026 Điều 7.6.a, Điều 12.3.",
    ),
    _spec(
        "previous-certificate-lapsed",
        "error",
        "rules dates",
        "Giấy chứng nhận trước hết hạn ngày {expiry}, đã quá 180 ngày khi nộp hồ sơ ({filed}).",
        "The previous certificate expired on {expiry}, more than 180 days before filing ({filed}).",
        "Đăng ký đánh giá lần đầu (loai_danh_gia: lan_dau). Căn cứ: QĐ 26/2026 Điều 12.3.",
        "Register as a first evaluation (loai_danh_gia: lan_dau). Basis: QĐ 26/2026 Điều 12.3.",
    ),
    # --- administrative units -----------------------------------------------------------
    _spec(
        "admin-unit-unknown",
        "error",
        "rules address",
        "Không có đơn vị hành chính «{unit}» trong danh mục hiện hành ({what}).",
        "'{unit}' is not in today's list of administrative units ({what}).",
        "{suggestion}",
        "{suggestion}",
    ),
    _spec(
        "admin-unit-mismatch",
        "error",
        "rules address",
        "«{commune}» không thuộc «{province}».",
        "'{commune}' is not part of '{province}'.",
        "Kiểm tra lại tên xã/phường và tỉnh/thành phố theo danh mục sau sắp xếp năm 2025.",
        "Check the commune and province against the 2025 list of units.",
    ),
    _spec(
        "admin-unit-old",
        "warning",
        "rules address",
        "Địa chỉ dùng đơn vị hành chính cũ «{old}»; nay là «{current}».",
        "The address uses the former units '{old}'; today it is '{current}'.",
        "Hồ sơ theo QĐ 26/2026 ghi địa chỉ theo đơn vị hành chính hiện hành (sau ngày 01/7/2025).",
        "Dossiers under QĐ 26/2026 give the address in today's units (after 1 July 2025).",
    ),
    _spec(
        "admin-unit-unresolved",
        "warning",
        "rules address",
        "Không xác định được đơn vị hiện nay của địa chỉ cũ «{old}».",
        "Could not find today's unit for the former address '{old}'.",
        "Kiểm tra chính tả tên xã, huyện, tỉnh cũ.",
        "Check the spelling of the former commune, district and province.",
    ),
    # --- self-assessment (Mẫu 02 Phần III) ------------------------------------------------
    _spec(
        "self-assessment-incomplete",
        "warning",
        "rules scorecard",
        "Phần tự đánh giá chưa chấm {count} tiêu chí: {criteria}.",
        "The self-assessment leaves {count} criteria unscored: {criteria}.",
        "Mẫu 02 Phần III yêu cầu tự chấm theo thứ tự từng tiêu chí; xem danh sách: "
        "ocop-docs rubric show {bo_san_pham}",
        "Form 02 Part III asks for a score on every criterion in order; see them with: "
        "ocop-docs rubric show {bo_san_pham}",
    ),
    # --- internal ------------------------------------------------------------------------
    _spec(
        "internal-error",
        "error",
        "internal",
        "Lỗi nội bộ khi kiểm tra ({stage}): {reason}.",
        "Internal error while checking ({stage}): {reason}.",
        "Đây là lỗi của công cụ, không phải của hồ sơ; vui lòng báo lỗi kèm tệp hồ sơ.",
        "This is a bug in the tool, not in the dossier; please report it with the file.",
    ),
)

# Codes of the evaluation-round and rendering pipeline, and of scoring, live beside their
# stage (built with catalogue_spec._spec, so no import cycle) and are merged here.
from ocop_docs.catalogue.batch import BATCH_SPECS  # noqa: E402
from ocop_docs.catalogue.pages import PAGE_UI  # noqa: E402
from ocop_docs.catalogue.rounds import ROUND_SPECS  # noqa: E402
from ocop_docs.catalogue.scoring import SCORING_SPECS  # noqa: E402
from ocop_docs.catalogue.service import SERVICE_SPECS  # noqa: E402

# Failures of the tool's own data and refusals of a verb's input: not about a dossier.
_TOOL_SPECS: tuple[IssueSpec, ...] = (
    # --- the tool's own data (exit 3) and simple input refusals --------------------------
    _spec(
        "rules-data-missing",
        "error",
        "internal data",
        "Không có dữ liệu cho bộ tiêu chí «{regime}».",
        "There is no rule data for the regime '{regime}'.",
        "Dùng một bộ tiêu chí có sẵn (26/2026, 148/2023, 1048/2019) hoặc kiểm tra --schemas-dir.",
        "Use a shipped regime (26/2026, 148/2023, 1048/2019) or check --schemas-dir.",
    ),
    _spec(
        "rules-data-unreadable",
        "error",
        "internal data",
        "Không đọc được dữ liệu bộ tiêu chí «{regime}»: {reason}.",
        "Cannot read the rule data of the regime '{regime}': {reason}.",
        "Cài lại ocop-docs, hoặc sửa tệp trong thư mục --schemas-dir.",
        "Reinstall ocop-docs, or fix the file in the --schemas-dir folder.",
    ),
    _spec(
        "rules-data-unknown-document",
        "error",
        "internal data",
        "Dữ liệu bộ tiêu chí «{regime}» dùng loại tài liệu lạ «{document}».",
        "The rule data of the regime '{regime}' uses an unknown document type '{document}'.",
        "Thêm loại tài liệu vào schemas/rules/tai-lieu.yaml hoặc sửa tên loại.",
        "Add the document type to schemas/rules/tai-lieu.yaml or correct its name.",
    ),
    _spec(
        "schema-unreadable",
        "error",
        "internal data",
        "Không đọc được lược đồ «{path}»: {reason}.",
        "Cannot read the schema '{path}': {reason}.",
        "Cài lại ocop-docs, hoặc sửa tệp trong thư mục --schemas-dir.",
        "Reinstall ocop-docs, or fix the file in the --schemas-dir folder.",
    ),
    _spec(
        "schema-broken",
        "error",
        "internal data",
        "Lược đồ «{path}» không hợp lệ: {reason}.",
        "The schema '{path}' is not a valid JSON Schema: {reason}.",
        "Sửa lược đồ theo JSON Schema draft 2020-12, hoặc dùng lược đồ đi kèm công cụ.",
        "Fix the schema (JSON Schema draft 2020-12), or use the shipped one.",
    ),
    _spec(
        "new-set-out-of-range",
        "error",
        "usage",
        "Bộ sản phẩm phải từ 1 đến 26 (đang là {value}).",
        "The product set must be from 1 to 26 (got {value}).",
        "Xem danh sách: ocop-docs sectors",
        "See the list: ocop-docs sectors --lang en",
    ),
    _spec(
        "output-exists",
        "error",
        "usage",
        "Đã có tệp «{path}»; không ghi đè.",
        "'{path}' already exists; it is not overwritten.",
        "Chọn thư mục khác hoặc thêm --overwrite.",
        "Choose another folder or add --overwrite.",
    ),
    _spec(
        "rubric-regime-unknown",
        "error",
        "internal data scoring",
        "Chưa có bộ tiêu chí theo văn bản «{regime}» (hiện có: {known}).",
        "No rubrics for the regime '{regime}' (available: {known}).",
        "Ghi bo_tieu_chi là một trong các văn bản hiện có.",
        "Set bo_tieu_chi to one of the available regimes.",
    ),
    _spec(
        "rubric-set-unknown",
        "error",
        "internal data scoring",
        "Không có bộ sản phẩm số {value}; số bộ sản phẩm từ 1 đến 26.",
        "There is no product set {value}; product sets are numbered 1 to 26.",
        "Xem danh sách: ocop-docs rubric list",
        "See the list: ocop-docs rubric list --lang en",
    ),
    _spec(
        "rubric-file-missing",
        "error",
        "internal data scoring",
        "Không tìm thấy tệp bộ tiêu chí «{path}».",
        "Rubric file '{path}' not found.",
        "Chạy scripts/convert_rubrics.py hoặc kiểm tra --schemas-dir.",
        "Run scripts/convert_rubrics.py or check --schemas-dir.",
    ),
    _spec(
        "rubric-file-broken",
        "error",
        "internal data scoring",
        "Tệp bộ tiêu chí «{path}» hỏng: {reason}.",
        "Rubric file '{path}' is broken: {reason}.",
        "Tạo lại tệp bằng scripts/convert_rubrics.py, hoặc dùng dữ liệu đi kèm công cụ.",
        "Rebuild it with scripts/convert_rubrics.py, or use the shipped data.",
    ),
)

_ALL_SPECS: tuple[IssueSpec, ...] = (
    *_SPECS,
    *ROUND_SPECS,
    *SCORING_SPECS,
    *BATCH_SPECS,
    *_TOOL_SPECS,
    *SERVICE_SPECS,
)
ISSUES: dict[str, IssueSpec] = {spec.code: spec for spec in _ALL_SPECS}
DOSSIER_CODES: frozenset[str] = frozenset(spec.code for spec in _SPECS)
if len(ISSUES) != len(_ALL_SPECS):  # pragma: no cover - guards the catalogue
    raise RuntimeError("duplicate issue code in the catalogue")


class _Defaulting(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


class _English(_Defaulting):
    """English view of the parameters: ``name_en`` wins over ``name`` when both exist."""

    def __getitem__(self, key: str) -> Any:
        if key + "_en" in self:
            return dict.__getitem__(self, key + "_en")
        return super().__getitem__(key)


_FORMATTER = string.Formatter()


def _fill(template: str, params: Mapping[str, Any], lang: Lang = "vi") -> str:
    view = _English(params) if lang == "en" else _Defaulting(params)
    return _FORMATTER.vformat(template, (), view)


def render_message(code: str, params: Mapping[str, Any], lang: Lang = "vi") -> str:
    spec = ISSUES[code]
    return _fill(spec.vi if lang == "vi" else spec.en, params, lang)


def render_hint(code: str, params: Mapping[str, Any], lang: Lang = "vi") -> str:
    spec = ISSUES[code]
    return _fill(spec.hint_vi if lang == "vi" else spec.hint_en, params, lang)


# User-interface strings (headings, labels) that are not issues.
UI: dict[str, dict[Lang, str]] = {
    "dossier": {"vi": "Hồ sơ", "en": "Dossier"},
    "regime": {"vi": "Bộ tiêu chí", "en": "Regime"},
    "product_set": {"vi": "Bộ sản phẩm", "en": "Product set"},
    "case": {"vi": "Loại đánh giá", "en": "Evaluation"},
    "producer": {"vi": "Chủ thể", "en": "Producer"},
    "product": {"vi": "Sản phẩm", "en": "Product"},
    "address_now": {"vi": "Địa chỉ hiện nay", "en": "Address today"},
    "receiver": {"vi": "Nơi nộp hồ sơ", "en": "File with"},
    "group": {"vi": "nhóm", "en": "group"},
    "address.did_you_mean": {"vi": "Có phải «{name}»?", "en": "Did you mean '{name}'?"},
    "address.give_province": {
        "vi": "Ghi tên một trong 34 tỉnh, thành phố sau sắp xếp năm 2025.",
        "en": "Give one of the 34 provinces and cities of 2025.",
    },
    "address.give_current": {
        "vi": "Ghi địa chỉ theo đơn vị hành chính hiện hành.",
        "en": "Give the address in today's units.",
    },
    "checklist": {"vi": "Danh mục tài liệu", "en": "Document checklist"},
    "self_assessment": {
        "vi": "Tự đánh giá (Mẫu 02 Phần III): {total} điểm, {stars} sao",
        "en": "Self-assessment (Form 02 Part III): {total} points, {stars} stars",
    },
    "lowered_by": {
        "vi": " (theo điểm {band} sao; chưa đạt mức tối thiểu ở tiêu chí {criteria})",
        "en": " ({band} stars by points; minimum not met at criteria {criteria})",
    },
    "issues": {"vi": "Các vấn đề", "en": "Issues"},
    "no_issues": {"vi": "Không phát hiện vấn đề nào.", "en": "No issues found."},
    "not_checked": {"vi": "Chưa kiểm tra được", "en": "Not checked"},
    "present": {"vi": "có", "en": "present"},
    "missing": {"vi": "thiếu", "en": "missing"},
    "invalid": {"vi": "không hợp lệ", "en": "invalid"},
    "recommended": {"vi": "nên có", "en": "recommended"},
    "required": {"vi": "bắt buộc", "en": "required"},
    "error": {"vi": "LỖI", "en": "ERROR"},
    "warning": {"vi": "CẢNH BÁO", "en": "WARNING"},
    "hint": {"vi": "Cách sửa", "en": "Fix"},
    "valid": {"vi": "HỢP LỆ", "en": "VALID"},
    "not_valid": {"vi": "CHƯA HỢP LỆ", "en": "NOT VALID"},
    "summary": {
        "vi": "Tổng cộng: {dossiers} hồ sơ, {valid} hợp lệ, {invalid} chưa hợp lệ; "
        "{errors} lỗi, {warnings} cảnh báo.",
        "en": "Total: {dossiers} dossiers, {valid} valid, {invalid} not valid; "
        "{errors} errors, {warnings} warnings.",
    },
    "pages": {"vi": "trang", "en": "pages"},
    "lan_dau": {"vi": "đánh giá lần đầu", "en": "first evaluation"},
    "nang_hang": {"vi": "nâng hạng", "en": "upgrade"},
    "danh_gia_lai": {"vi": "đánh giá lại", "en": "re-evaluation"},
}


from ocop_docs.catalogue.ui import CLI_UI  # noqa: E402

UI.update(CLI_UI)
UI.update(PAGE_UI)


def ui(key: str, lang: Lang = "vi", **params: Any) -> str:
    text = UI[key][lang]
    return _fill(text, params, lang) if params else text
