"""Issue codes of the evaluation-round pipeline (round files, council results, rendering).

Part of the one catalogue in :mod:`ocop_docs.catalogue`, kept in its own module so the
round and rendering stages can grow their codes without touching dossier validation.
Codes: ``round-*`` (a round file and its council result), ``render-*`` (filling a
document), ``template-*`` (a Word template), ``convert-*`` (PDF conversion).
"""

from __future__ import annotations

from ocop_docs.catalogue.spec import IssueSpec, _spec

ROUND_SPECS: tuple[IssueSpec, ...] = (
    # --- round file -------------------------------------------------------------------------
    _spec(
        "round-not-mapping",
        "error",
        "round loading",
        "Tệp đợt đánh giá «{path}» phải là một bảng các trường (khóa: giá trị).",
        "The round file '{path}' must be a mapping of keys to values.",
        "Xem tệp mẫu trong samples/dot-danh-gia/ và docs/documents.md.",
        "See the samples in samples/dot-danh-gia/ and docs/documents.md.",
    ),
    _spec(
        "round-invalid",
        "error",
        "round",
        "Tệp đợt đánh giá «{path}» có {count} lỗi, ví dụ: {first}",
        "The round file '{path}' has {count} errors, e.g.: {first}",
        "Sửa các lỗi được liệt kê rồi chạy lại lệnh.",
        "Fix the errors listed and run the command again.",
    ),
    _spec(
        "round-level-not-competent",
        "error",
        "round rules",
        "Theo bộ tiêu chí {regime}, {level} không ban hành quyết định công nhận sản phẩm OCOP.",
        "Under regime {regime}, the {level_en} does not issue OCOP recognition decisions.",
        "QĐ 26/2026: UBND cấp tỉnh công nhận 3–4 sao, Bộ Nông nghiệp và Môi trường công nhận "
        "5 sao (Điều 4.1); QĐ 148/2023: cấp huyện công nhận 3 sao. Sửa trường «cap».",
        "QĐ 26/2026: the province recognises 3–4 stars, the Ministry 5 stars (Điều 4.1); "
        "QĐ 148/2023: the district recognises 3 stars. Fix the 'cap' field.",
    ),
    _spec(
        "round-member-duplicate",
        "error",
        "round council",
        "Mã thành viên «{member}» bị trùng trong danh sách Hội đồng.",
        "Member id '{member}' appears twice in the council.",
        "Mỗi thành viên cần một mã riêng (ví dụ tv1, tv2…).",
        "Give each member an id of their own (e.g. tv1, tv2…).",
    ),
    _spec(
        "round-member-unknown",
        "error",
        "round council",
        "Không có thành viên Hội đồng mã «{member}».",
        "There is no council member with id '{member}'.",
        "Dùng đúng mã trong hoi_dong.thanh_vien[].ma.",
        "Use an id from hoi_dong.thanh_vien[].ma.",
    ),
    _spec(
        "round-member-absent",
        "error",
        "round council",
        "Thành viên «{member}» vắng mặt (co_mat: false) nhưng được ghi chấm điểm hoặc điều hành cuộc họp.",
        "Member '{member}' is absent (co_mat: false) yet scores or runs the meeting.",
        "Kiểm tra lại danh sách có mặt hoặc bảng điểm.",
        "Check the attendance or the score table.",
    ),
    _spec(
        "round-quorum",
        "warning",
        "round council practice",
        "Chỉ {present}/{total} thành viên có mặt, dưới tỷ lệ tối thiểu {quorum} theo Quy chế.",
        "Only {present} of {total} members are present, below the {quorum} quorum of the rules.",
        "Cuộc họp có thể không hợp lệ; tỷ lệ được đặt trong cau_hinh.ty_le_co_mat "
        "(thực tiễn các tỉnh: 3/4 thành viên).",
        "The meeting may not be valid; the quorum is set in cau_hinh.ty_le_co_mat "
        "(provincial practice: 3/4 of the members).",
    ),
    _spec(
        "round-chair-absent",
        "warning",
        "round council practice",
        "Chủ tịch Hội đồng không có mặt tại cuộc họp.",
        "The council chair is not present at the meeting.",
        "Theo Quy chế của nhiều tỉnh, cuộc họp phải có Chủ tịch Hội đồng; tắt kiểm tra bằng "
        "cau_hinh.chu_tich_bat_buoc: false nếu Quy chế cho phép ủy quyền.",
        "Many provincial rules require the chair; set cau_hinh.chu_tich_bat_buoc: false if "
        "the rules allow a delegate.",
    ),
    _spec(
        "round-meeting-times",
        "error",
        "round",
        "Thời gian kết thúc cuộc họp ({end}) trước thời gian bắt đầu ({start}).",
        "The meeting ends ({end}) before it starts ({start}).",
        "Sửa hop.bat_dau hoặc hop.ket_thuc.",
        "Fix hop.bat_dau or hop.ket_thuc.",
    ),
    _spec(
        "round-decision-before-meeting",
        "error",
        "round dates",
        "Quyết định công nhận ký ngày {decided}, trước ngày họp Hội đồng {meeting}.",
        "The recognition decision is dated {decided}, before the council met on {meeting}.",
        "Quyết định được ban hành căn cứ kết quả của Hội đồng (QĐ 26/2026 Điều 7.3.đ–e).",
        "The decision rests on the council's result (QĐ 26/2026 Điều 7.3.đ–e).",
    ),
    _spec(
        "round-dossier-unreadable",
        "error",
        "round loading",
        "Không đọc được hồ sơ sản phẩm «{path}»: {reason}",
        "Cannot read the product dossier '{path}': {reason}",
        "Đường dẫn ho_so tính từ thư mục chứa tệp đợt đánh giá.",
        "The ho_so path is relative to the folder of the round file.",
    ),
    _spec(
        "round-product-incomplete",
        "error",
        "round",
        "Sản phẩm thứ {number} thiếu tên sản phẩm, tên chủ thể hoặc địa chỉ.",
        "Product {number} lacks a product name, a producer name or an address.",
        "Ghi ho_so (đường dẫn hồ sơ) hoặc đủ các trường ten, chu_the, dia_chi.",
        "Give ho_so (a dossier path) or all of ten, chu_the, dia_chi.",
    ),
    _spec(
        "round-scores-count",
        "error",
        "round scores",
        "Có {given} điểm nhưng {expected} thành viên có mặt tham gia chấm điểm.",
        "{given} scores are given but {expected} members present score.",
        "Danh sách điểm theo thứ tự các thành viên có mặt chấm điểm; hoặc ghi điểm theo mã "
        "thành viên (tv1: 85).",
        "List one score per member present who scores, in council order, or key the scores "
        "by member id (tv1: 85).",
    ),
    _spec(
        "round-score-missing",
        "warning",
        "round scores",
        "Thành viên «{member}» có mặt nhưng không có điểm cho sản phẩm này.",
        "Member '{member}' is present but gave this product no score.",
        "Điểm trung bình chỉ tính trên các phiếu có điểm; bổ sung nếu bị sót.",
        "The mean uses the scores given; add the missing one if it was left out.",
    ),
    _spec(
        "round-score-spread",
        "warning",
        "round scores practice",
        "Điểm của các thành viên cho «{product}» chênh lệch {spread} điểm, quá {limit} điểm.",
        "Member totals for '{product}' differ by {spread} points, more than {limit}.",
        "Theo Quy chế, Hội đồng thảo luận và chấm lại khi điểm chênh lệch quá mức cho phép "
        "(cau_hinh.chenh_lech_toi_da).",
        "Under the council rules the members discuss and re-score when totals differ too "
        "much (cau_hinh.chenh_lech_toi_da).",
    ),
    _spec(
        "round-product-no-scores",
        "error",
        "round scores",
        "Sản phẩm thứ {number} không có điểm: cần «diem» (tổng điểm từng thành viên) hoặc "
        "«phieu» (phiếu chấm từng thành viên).",
        "Product {number} has no scores: give 'diem' (each member's total) or 'phieu' (each "
        "member's scorecard).",
        'Ví dụ: diem: [85, 86, 84] hoặc phieu: {{tv1: {{chon: {{"1.1": 3, …}}}}, tv2: phieu/tv2.yaml}}.',
        'E.g. diem: [85, 86, 84] or phieu: {{tv1: {{chon: {{"1.1": 3, …}}}}, tv2: cards/tv2.yaml}}.',
    ),
    _spec(
        "round-scorecard-no-set",
        "error",
        "round scorecard rubric",
        "Không xác định được bộ sản phẩm của «{product}» để chấm phiếu của các thành viên.",
        "The product set of '{product}' is unknown, so the members' scorecards cannot be scored.",
        "Ghi bo_san_pham (1–26) cho sản phẩm trong tệp đợt, hoặc trong hồ sơ sản phẩm.",
        "Give bo_san_pham (1–26) for the product in the round file or in its dossier.",
    ),
    _spec(
        "round-scorecard-no-rubric",
        "error",
        "round scorecard rubric regime",
        "Chưa có dữ liệu bộ tiêu chí theo {regime} để chấm phiếu của «{product}» (hiện có: {known}).",
        "There is no rubric data for regime {regime} to score the cards of '{product}' "
        "(available: {known}).",
        "Với đợt đánh giá theo bộ tiêu chí cũ, ghi tổng điểm của từng thành viên (diem).",
        "For a round under an older regime, give each member's total (diem).",
    ),
    _spec(
        "round-scorecard-unreadable",
        "error",
        "round scorecard loading",
        "Không đọc được phiếu chấm «{path}» của thành viên «{member}»: {reason}.",
        "Cannot read the scorecard '{path}' of member '{member}': {reason}.",
        "Đường dẫn tính từ thư mục chứa tệp đợt đánh giá; phiếu chấm là tệp YAML hoặc JSON.",
        "The path is relative to the round file's folder; a scorecard is a YAML or JSON file.",
    ),
    _spec(
        "round-scorecard-invalid",
        "error",
        "round scorecard",
        "Phiếu chấm của thành viên «{member}» cho «{product}»{where}: {problem}",
        "The scorecard of member '{member}' for '{product}'{where_en}: {problem_en}",
        "Sửa phiếu chấm theo bộ tiêu chí của bộ sản phẩm (ocop-docs rubric show N); tổng điểm "
        "và hạng sao được tính lại từ phiếu.",
        "Fix the card against the product set's rubric (ocop-docs rubric show N); totals and "
        "stars are computed from the cards.",
    ),
    _spec(
        "round-scorecard-warning",
        "warning",
        "round scorecard",
        "Phiếu chấm của thành viên «{member}» cho «{product}»{where}: {problem}",
        "The scorecard of member '{member}' for '{product}'{where_en}: {problem_en}",
        "Kiểm tra lại phiếu chấm; cảnh báo không làm thay đổi điểm.",
        "Check the card; a warning does not change the points.",
    ),
    _spec(
        "round-scores-mismatch",
        "error",
        "round scorecard scores",
        "Tổng điểm ghi cho thành viên «{member}» ({given}) khác tổng điểm tính từ phiếu chấm "
        "({computed}) của «{product}».",
        "The total recorded for member '{member}' ({given}) differs from the total of their "
        "scorecard ({computed}) for '{product}'.",
        "Khi có phiếu chấm, tổng điểm được tính từ phiếu; sửa «diem» hoặc bỏ «diem».",
        "With scorecards the totals come from the cards; fix 'diem' or leave it out.",
    ),
    _spec(
        "round-stars-lowered",
        "warning",
        "round scorecard rules",
        "«{product}» đạt {mean} điểm ({band} sao theo điểm) nhưng chưa đạt yêu cầu tối thiểu "
        "ở tiêu chí {criteria}: xếp {stars} sao.",
        "'{product}' scored {mean} ({band} stars by points) but misses the minimum "
        "requirements of criteria {criteria}: rated {stars} stars.",
        "Dấu sao trong bộ tiêu chí là yêu cầu tối thiểu theo hạng sao (QĐ 26/2026 Phụ lục II); "
        "một dấu được tính là đạt khi ít nhất một nửa thành viên chọn mức đó trở lên. "
        "cau_hinh.che_do_toi_thieu: canh_bao chỉ cảnh báo, không hạ hạng.",
        "Star marks in the rubric are minimum requirements per star level (QĐ 26/2026 "
        "Phụ lục II); a mark counts as met when at least half of the members chose it or "
        "better. cau_hinh.che_do_toi_thieu: canh_bao only warns.",
    ),
    _spec(
        "round-scorecards-disqualify",
        "warning",
        "round scorecard",
        "{count}/{total} phiếu chấm của «{product}» đề nghị loại hồ sơ nhưng sản phẩm không "
        "có «bi_loai».",
        "{count} of {total} scorecards for '{product}' propose disqualification but the "
        "product has no 'bi_loai'.",
        "Nếu Hội đồng quyết định loại hồ sơ, ghi lý do vào bi_loai của sản phẩm.",
        "If the council disqualifies the dossier, write the reason in the product's bi_loai.",
    ),
    # --- rendering --------------------------------------------------------------------------
    _spec(
        "render-product-out-of-range",
        "error",
        "render",
        "Không có sản phẩm thứ {number}; tệp đợt đánh giá có {count} sản phẩm.",
        "There is no product {number}; the round file has {count} products.",
        "Chọn --product từ 1 đến {count} (thứ tự trong danh sách san_pham).",
        "Choose --product from 1 to {count} (the order of the san_pham list).",
    ),
    _spec(
        "render-product-required",
        "error",
        "render",
        "Văn bản «{kind}» được lập cho một sản phẩm: cần chỉ rõ --product N.",
        "The document '{kind}' is for one product: give --product N.",
        "N là thứ tự sản phẩm trong danh sách san_pham của tệp đợt đánh giá (từ 1).",
        "N is the product's position in the round file's san_pham list (from 1).",
    ),
    _spec(
        "render-not-recognised",
        "error",
        "render rules",
        "Sản phẩm «{product}» đạt {mean} điểm ({stars} sao): {reason}; không cấp giấy chứng nhận ở cấp này.",
        "Product '{product}' scored {mean} ({stars} stars): {reason_en}; no certificate at this level.",
        "QĐ 26/2026 Điều 4.1: sản phẩm 1–2 sao không được công nhận; sản phẩm từ 90 điểm do "
        "Bộ Nông nghiệp và Môi trường công nhận (Điều 7.3.e).",
        "QĐ 26/2026 Điều 4.1: 1–2 star products are not recognised; products from 90 points "
        "are recognised by the Ministry (Điều 7.3.e).",
    ),
    _spec(
        "render-no-decision",
        "error",
        "render",
        "Tệp đợt đánh giá chưa có thông tin quyết định công nhận (quyet_dinh).",
        "The round file has no recognition decision data (quyet_dinh).",
        "Bổ sung quyet_dinh với số, ngày và người ký (xem docs/documents.md).",
        "Add quyet_dinh with its number, date and signer (see docs/documents.md).",
    ),
    _spec(
        "render-nothing-recognised",
        "error",
        "render rules",
        "Không có sản phẩm nào đạt 3–4 sao để công nhận trong đợt này.",
        "No product of this round reaches a star level recognised here.",
        "Không ban hành quyết định công nhận cho sản phẩm 1–2 sao (QĐ 26/2026 Điều 4.1.a).",
        "No decision is issued for 1–2 star products (QĐ 26/2026 Điều 4.1.a).",
    ),
    _spec(
        "render-no-assessment",
        "error",
        "render",
        "Chưa có nội dung đánh giá của UBND cấp xã (Mẫu số 03) cho «{product}».",
        "There is no commune assessment (Mẫu số 03) for '{product}'.",
        "Ghi danh_gia_xa cho sản phẩm trong tệp đợt đánh giá, hoặc dùng --assessment TỆP với hồ sơ.",
        "Add danh_gia_xa to the product in the round file, or pass --assessment FILE with a dossier.",
    ),
    _spec(
        "render-no-dossier",
        "error",
        "render",
        "Văn bản «{kind}» lập từ hồ sơ sản phẩm, nhưng sản phẩm «{product}» chỉ có dữ liệu tóm tắt.",
        "The document '{kind}' is filled from a dossier, but '{product}' has inline data only.",
        "Ghi ho_so: đường dẫn tới thư mục hồ sơ của sản phẩm.",
        "Give ho_so: the path of the product's dossier folder.",
    ),
    _spec(
        "render-input-unknown",
        "error",
        "render",
        "«{path}» không phải hồ sơ sản phẩm hay tệp đợt đánh giá.",
        "'{path}' is neither a product dossier nor a round file.",
        "Hồ sơ: thư mục chứa ho-so.yaml; đợt đánh giá: tệp YAML có hoi_dong và san_pham.",
        "A dossier is a folder with ho-so.yaml; a round file is YAML with hoi_dong and san_pham.",
    ),
    _spec(
        "render-input-wrong",
        "error",
        "render",
        "Văn bản «{kind}» lập từ {expected}, nhưng «{path}» là {actual}.",
        "The document '{kind}' is made from {expected_en}, but '{path}' is {actual_en}.",
        "Xem bảng các loại văn bản: ocop-docs render --help.",
        "See the table of documents: ocop-docs render --help.",
    ),
    _spec(
        "render-dossier-invalid",
        "error",
        "render",
        "Không đọc được hồ sơ «{path}»: {reason}",
        "Cannot read the dossier '{path}': {reason}",
        "Kiểm tra hồ sơ bằng lệnh: ocop-docs validate {path}",
        "Check the dossier with: ocop-docs validate {path}",
    ),
    _spec(
        "render-missing-variable",
        "error",
        "render",
        "Thiếu dữ liệu «{variable}» dùng trong mẫu {template} ({where}).",
        "Missing data '{variable}' used in template {template} ({where_en}).",
        "Bổ sung dữ liệu này, hoặc dùng --draft để in chỗ trống đánh dấu thay vì báo lỗi.",
        "Add the data, or use --draft to print a visible placeholder instead of failing.",
    ),
    _spec(
        "render-template-error",
        "error",
        "render template",
        "Mẫu {template} bị lỗi khi điền dữ liệu ({where}): {reason}",
        "Template {template} failed while filling ({where_en}): {reason}",
        "Kiểm tra mẫu bằng lệnh: ocop-docs templates check",
        "Check the template with: ocop-docs templates check",
    ),
    _spec(
        "render-set-invalid",
        "error",
        "render",
        "Không xác định được bộ sản phẩm cho phiếu đánh giá từ «{path}» (giá trị: {value}).",
        "Cannot tell the product set of the scoring sheet from '{path}' (value: {value}).",
        "INPUT là số bộ sản phẩm 1–26, một phiếu chấm có bo_san_pham, một hồ sơ có "
        "bo_san_pham, hoặc tệp đợt đánh giá kèm --product N.",
        "INPUT is a product set number 1–26, a scorecard with bo_san_pham, a dossier with "
        "bo_san_pham, or a round file with --product N.",
    ),
    _spec(
        "render-rubric-unavailable",
        "error",
        "render regime",
        "Chưa có dữ liệu bộ tiêu chí theo {regime} (hiện có: {known}).",
        "There is no rubric data for regime {regime} (available: {known}).",
        "Phiếu đánh giá được lập từ bộ tiêu chí QĐ 26/2026; bộ tiêu chí cũ chưa có dữ liệu.",
        "Scoring sheets are built from the QĐ 26/2026 rubrics; older regimes have no data yet.",
    ),
    _spec(
        "render-scorecard-invalid",
        "error",
        "render scorecard",
        "Phiếu chấm «{path}» có {count} lỗi, ví dụ: {first}",
        "The scorecard '{path}' has {count} errors, e.g.: {first_en}",
        "Sửa các lỗi được liệt kê (đối chiếu ocop-docs rubric show N) rồi chạy lại lệnh.",
        "Fix the errors listed (compare with ocop-docs rubric show N) and run the command again.",
    ),
    _spec(
        "render-scorecards-absent",
        "warning",
        "render scorecard",
        "Tệp đợt không có phiếu chấm của thành viên cho «{product}»: in {count} phiếu trống "
        "(đã điền thông tin sản phẩm và tên thành viên).",
        "The round file has no member scorecards for '{product}': printing {count} blank "
        "sheets (product details and member names filled in).",
        "Để in phiếu đã chấm, ghi phiếu chấm của từng thành viên vào «phieu» của sản phẩm.",
        "To print filled sheets, put each member's scorecard under the product's 'phieu'.",
    ),
    _spec(
        "render-self-assessment-problem",
        "warning",
        "render scorecard",
        "Phần tự đánh giá (tu_danh_gia) của hồ sơ: {problem}",
        "The dossier's self-assessment (tu_danh_gia): {problem_en}",
        "Bảng điểm tự đánh giá trong Mẫu 02 chỉ ghi các lựa chọn hợp lệ; kiểm tra hồ sơ bằng "
        "ocop-docs validate.",
        "The self-assessment table of Mẫu 02 shows only valid choices; check the dossier "
        "with ocop-docs validate.",
    ),
    _spec(
        "render-output-unwritable",
        "error",
        "render",
        "Không ghi được tệp «{path}»: {reason}.",
        "Cannot write '{path}': {reason}.",
        "Kiểm tra thư mục đích tồn tại và có quyền ghi; đóng tệp nếu đang mở trong Word.",
        "Check that the folder exists and is writable; close the file if Word has it open.",
    ),
    # --- templates --------------------------------------------------------------------------
    _spec(
        "template-missing",
        "error",
        "template",
        "Không có mẫu «{file}» trong thư mục {folder}.",
        "Template '{file}' is not in {folder}.",
        "Chép mẫu gốc từ thư mục templates/ của ocop-docs rồi chỉnh sửa.",
        "Copy the shipped template from ocop-docs' templates/ folder and edit it.",
    ),
    _spec(
        "template-unreadable",
        "error",
        "template",
        "Không mở được mẫu «{file}»: {reason}.",
        "Cannot open template '{file}': {reason}.",
        "Lưu lại mẫu ở định dạng Word (.docx), không phải .doc hay .odt.",
        "Save the template as Word (.docx), not .doc or .odt.",
    ),
    _spec(
        "template-unknown-kind",
        "warning",
        "template",
        "Tệp «{file}» không ứng với loại văn bản nào và không được kiểm tra.",
        "'{file}' matches no document kind and was not checked.",
        "Tên mẫu phải là một trong: {kinds} (thêm đuôi .docx).",
        "Template names are one of: {kinds} (plus .docx).",
    ),
    _spec(
        "template-syntax",
        "error",
        "template",
        "Mẫu «{file}» sai cú pháp ({where}): {reason}.",
        "Template '{file}' has a syntax error ({where_en}): {reason}.",
        "Mỗi {{{{ … }}}} và {{% … %}} phải đóng mở đủ; mỗi {{% for %}}/{{% if %}} cần "
        "{{% endfor %}}/{{% endif %}} tương ứng.",
        "Every {{{{ … }}}} and {{% … %}} must be closed; each {{% for %}}/{{% if %}} needs "
        "its {{% endfor %}}/{{% endif %}}.",
    ),
    _spec(
        "template-split-tag",
        "warning",
        "template",
        "Thẻ «{tag}» trong mẫu «{file}» ({where}) bị Word tách thành {runs} đoạn định dạng.",
        "Tag '{tag}' in template '{file}' ({where_en}) is split by Word into {runs} runs.",
        "Gõ lại cả thẻ một lần, không sửa định dạng giữa chừng (ocop-docs vẫn ghép lại được, "
        "nhưng định dạng của đoạn sau sẽ mất).",
        "Retype the whole tag in one go, without formatting changes inside it (it still "
        "renders, but the later runs' formatting is lost).",
    ),
    _spec(
        "template-unbalanced-tr",
        "error",
        "template",
        "Mẫu «{file}»: thẻ dòng bảng «{tag}» ({where}) không có thẻ {expected} tương ứng.",
        "Template '{file}': table-row tag '{tag}' ({where_en}) has no matching {expected}.",
        "Mỗi {{%tr for … %}} cần một {{%tr endfor %}} ở một dòng bảng phía dưới trong cùng bảng.",
        "Each {{%tr for … %}} needs a {{%tr endfor %}} in a later row of the same table.",
    ),
    _spec(
        "template-unknown-variable",
        "error",
        "template",
        "Mẫu «{file}» dùng «{variable}» ({where}), không có trong dữ liệu của loại văn bản {kind}.",
        "Template '{file}' uses '{variable}' ({where_en}), which is not in the data of {kind}.",
        "Các biến dùng được liệt kê trong docs/documents.md; có thể gõ nhầm tên.",
        "The usable variables are listed in docs/documents.md; the name may be mistyped.",
    ),
    # --- conversion -------------------------------------------------------------------------
    _spec(
        "convert-failed",
        "error",
        "convert",
        "LibreOffice không chuyển được «{path}» sang PDF: {reason}",
        "LibreOffice could not convert '{path}' to PDF: {reason}",
        "Thử mở tệp .docx bằng LibreOffice để xem lỗi; đóng các cửa sổ LibreOffice đang mở.",
        "Open the .docx in LibreOffice to see the problem; close running LibreOffice windows.",
    ),
    _spec(
        "convert-missing",
        "error",
        "convert",
        "Không tìm thấy LibreOffice (soffice) để chuyển sang PDF.",
        "LibreOffice (soffice) was not found, so no PDF can be made.",
        "Cài LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer), hoặc chỉ đường "
        "dẫn bằng --soffice hay biến môi trường OCOP_SOFFICE.",
        "Install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer), or give its "
        "path with --soffice or the OCOP_SOFFICE environment variable.",
    ),
    _spec(
        "convert-timeout",
        "error",
        "convert",
        "LibreOffice chuyển «{path}» sang PDF quá {seconds} giây và đã bị dừng.",
        "LibreOffice took more than {seconds} s converting '{path}' and was stopped.",
        "Đóng các cửa sổ LibreOffice đang mở rồi thử lại, hoặc tăng --timeout.",
        "Close running LibreOffice windows and retry, or raise --timeout.",
    ),
)

__all__ = ["ROUND_SPECS", "_spec"]
