"""Issue codes of scoring: a council member's scorecard and the council's totals.

Part of the one catalogue in :mod:`ocop_docs.catalogue`, kept beside the scoring stage
(:mod:`ocop_docs.scoring.card`, ``ocop-docs rubric score``) as :mod:`ocop_docs.catalogue.rounds`
is beside the rounds. Every code starts with ``scorecard-``. The same codes describe a
dossier's self-assessment (``tu_danh_gia``, QĐ 26/2026 Phụ lục III Mẫu 02 Phần III), which
is scored like a card, so the messages about criteria and options do not say "phiếu chấm".

Parameters (filled by :class:`ocop_docs.scoring.card.Problem`, lists shown as "6.1.1, 6.1.2"):
``bo_san_pham`` product set of the rubric, ``tieu_chi`` criterion number, ``ten`` its
name, ``stt`` option number, ``so_lua_chon`` number of options, ``tieu_chi_con`` the
criteria under a heading, ``gia_tri`` the value written, ``phieu`` what the card says,
``bo_tieu_chi`` regime, ``truong`` a key, ``thanh_vien`` member number (from 1),
``ghi``/``tinh`` the recorded and the computed total, ``known`` available regimes.
"""

from __future__ import annotations

from ocop_docs.catalogue.spec import IssueSpec, _spec

SCORING_SPECS: tuple[IssueSpec, ...] = (
    # --- the card's shape ---------------------------------------------------------------------
    _spec(
        "scorecard-not-mapping",
        "error",
        "scorecard loading",
        "Phiếu chấm phải là một bảng khóa–giá trị (bo_san_pham, chon, …), không phải danh "
        "sách hay một giá trị đơn.",
        "The scorecard must be a mapping of keys to values (bo_san_pham, chon, …), not a list "
        "or a single value.",
        "Viết phiếu theo mẫu: dòng «bo_san_pham: N», dòng «chon:» rồi mỗi tiêu chí một dòng "
        'thụt lề như «"1.1": 3», cuối cùng «loai: false». Xem docs/rubrics.md.',
        "Write the card as: a line 'bo_san_pham: N', a line 'chon:' followed by one indented "
        "line per criterion such as '\"1.1\": 3', then 'loai: false'. See docs/rubrics.md.",
    ),
    _spec(
        "scorecard-unknown-field",
        "warning",
        "scorecard loading",
        "Trường «{truong}» không dùng trong phiếu chấm và bị bỏ qua.",
        "Field '{truong}' is not used in a scorecard and is ignored.",
        "Kiểm tra lỗi chính tả tên trường (ví dụ «chọn» thay cho «chon»). Phiếu chấm dùng "
        "bo_san_pham, bo_tieu_chi, chon, loai, ly_do_loai và các trường mô tả như san_pham, "
        "thanh_vien, nguoi_danh_gia, ngay, ghi_chu.",
        "Check the key for typos (e.g. 'chọn' for 'chon'). A scorecard uses bo_san_pham, "
        "bo_tieu_chi, chon, loai, ly_do_loai and descriptive keys such as san_pham, thanh_vien, "
        "nguoi_danh_gia, ngay, ghi_chu.",
    ),
    # --- product set and regime ---------------------------------------------------------------
    _spec(
        "scorecard-set-required",
        "error",
        "scorecard rubric",
        "Phiếu chấm không ghi bo_san_pham nên không xác định được bộ tiêu chí để chấm.",
        "The scorecard has no bo_san_pham, so there is no rubric to score it against.",
        "Thêm dòng «bo_san_pham: N» (N từ 1 đến 26 theo QĐ 26/2026 Phụ lục II) vào phiếu "
        "chấm, hoặc dùng tùy chọn --bo N. Danh sách bộ sản phẩm: ocop-docs rubric list",
        "Add a line 'bo_san_pham: N' (N from 1 to 26, QĐ 26/2026 Phụ lục II) to the card, "
        "or use the option --bo N. The product sets: ocop-docs rubric list",
    ),
    _spec(
        "scorecard-set-missing",
        "warning",
        "scorecard rubric",
        "Phiếu chấm không ghi bo_san_pham; đã chấm theo bộ sản phẩm {bo_san_pham}.",
        "The scorecard has no bo_san_pham; it was scored against product set {bo_san_pham}.",
        "Thêm dòng «bo_san_pham: {bo_san_pham}» để phiếu ghi rõ bộ sản phẩm được chấm "
        "(QĐ 26/2026 Phụ lục II).",
        "Add the line 'bo_san_pham: {bo_san_pham}' so the card names the product set it "
        "scores (QĐ 26/2026 Phụ lục II).",
    ),
    _spec(
        "scorecard-set-invalid",
        "error",
        "scorecard rubric",
        "bo_san_pham phải là số từ 1 đến 26, phiếu ghi «{gia_tri}».",
        "bo_san_pham must be a number from 1 to 26, the card says '{gia_tri}'.",
        "Ghi số thứ tự của bộ sản phẩm trong QĐ 26/2026 Phụ lục II, là số nguyên không đặt "
        "trong dấu ngoặc kép (ví dụ «bo_san_pham: 11» cho chè). Danh sách: ocop-docs rubric list",
        "Give the number of the product set in QĐ 26/2026 Phụ lục II as a plain whole number, "
        "not in quotes (e.g. 'bo_san_pham: 11' for tea). The list: ocop-docs rubric list",
    ),
    _spec(
        "scorecard-set-mismatch",
        "error",
        "scorecard rubric",
        "Phiếu chấm ghi bộ sản phẩm {phieu}, nhưng đang chấm theo bộ {bo_san_pham}.",
        "The scorecard is for product set {phieu} but is scored against set {bo_san_pham}.",
        "Mỗi sản phẩm được chấm theo bộ tiêu chí của bộ sản phẩm mình (QĐ 26/2026 Phụ lục "
        "II): sửa bo_san_pham trong phiếu, hoặc chấm theo bộ {phieu} (tùy chọn --bo {phieu}).",
        "A product is scored with the rubric of its own product set (QĐ 26/2026 Phụ lục II): "
        "fix bo_san_pham in the card, or score it against set {phieu} (option --bo {phieu}).",
    ),
    _spec(
        "scorecard-regime-mismatch",
        "error",
        "scorecard rubric regime",
        "Phiếu chấm ghi bộ tiêu chí {phieu}, nhưng đang chấm theo bộ tiêu chí {bo_tieu_chi}.",
        "The scorecard names regime {phieu} but is scored against regime {bo_tieu_chi}.",
        "Điểm theo các bộ tiêu chí khác nhau không so sánh được: chấm lại theo bộ tiêu chí "
        "{bo_tieu_chi} và sửa bo_tieu_chi trong phiếu cho khớp, hoặc bỏ trường này.",
        "Points under different regimes cannot be compared: score the card again under "
        "{bo_tieu_chi} and make bo_tieu_chi match, or remove that key.",
    ),
    _spec(
        "scorecard-regime-unknown",
        "error",
        "scorecard rubric regime",
        "Không có bộ tiêu chí {bo_tieu_chi} để chấm (hiện có: {known}).",
        "There are no rubrics for regime {bo_tieu_chi} (available: {known}).",
        'Ghi «bo_tieu_chi: "26/2026"» hoặc bỏ trường này (mặc định là bộ tiêu chí QĐ '
        "26/2026 Phụ lục II); các bộ tiêu chí cũ chưa có trong công cụ.",
        "Write 'bo_tieu_chi: \"26/2026\"' or remove the key (the default is the QĐ 26/2026 "
        "Phụ lục II rubrics); older regimes are not shipped with the tool.",
    ),
    # --- the choices ------------------------------------------------------------------------
    _spec(
        "scorecard-choices-missing",
        "error",
        "scorecard loading",
        "Phiếu chấm thiếu mục chon (tiêu chí → số thứ tự lựa chọn); tổng điểm tính là 0.",
        "The scorecard has no chon (criterion → option number); the total counts as 0.",
        'Thêm dòng «chon:» và dưới đó mỗi tiêu chí một dòng thụt lề, ví dụ «"1.1": 3» '
        "(lựa chọn thứ 3 của tiêu chí 1.1). Các tiêu chí và lựa chọn: "
        "ocop-docs rubric show {bo_san_pham}",
        "Add a line 'chon:' followed by one indented line per criterion, e.g. '\"1.1\": 3' "
        "(the third option of criterion 1.1). Criteria and options: "
        "ocop-docs rubric show {bo_san_pham}",
    ),
    _spec(
        "scorecard-choices-not-mapping",
        "error",
        "scorecard loading",
        "Mục chon phải là bảng «tiêu chí: số thứ tự lựa chọn»; tổng điểm tính là 0.",
        "chon must map each criterion to an option number; the total counts as 0.",
        'Dưới «chon:» viết mỗi tiêu chí một dòng dạng «"1.1": 3», không dùng dấu «-» đầu '
        "dòng. Các tiêu chí: ocop-docs rubric show {bo_san_pham}",
        "Under 'chon:' write one line per criterion such as '\"1.1\": 3', without a leading "
        "'-'. The criteria: ocop-docs rubric show {bo_san_pham}",
    ),
    _spec(
        "scorecard-unknown-criterion",
        "error",
        "scorecard rubric",
        "Bộ sản phẩm {bo_san_pham} không có tiêu chí {tieu_chi}; lựa chọn này không được tính.",
        "Product set {bo_san_pham} has no criterion {tieu_chi}; this choice is not counted.",
        "Ghi số tiêu chí đúng như trong bộ tiêu chí của bộ sản phẩm (QĐ 26/2026 Phụ lục II), "
        "ví dụ «1.1», «7». Xem danh sách tiêu chí: ocop-docs rubric show {bo_san_pham}",
        "Write the criterion number exactly as in the product set's rubric (QĐ 26/2026 Phụ "
        "lục II), e.g. '1.1', '7'. See the criteria: ocop-docs rubric show {bo_san_pham}",
    ),
    _spec(
        "scorecard-criterion-is-heading",
        "error",
        "scorecard rubric",
        "{tieu_chi} là tiêu đề nhóm, không chấm trực tiếp; chấm các tiêu chí {tieu_chi_con}.",
        "{tieu_chi} is a heading, not a scored criterion; score {tieu_chi_con} instead.",
        "Thay dòng «{tieu_chi}» bằng một dòng cho mỗi tiêu chí {tieu_chi_con}. Xem bộ tiêu "
        "chí: ocop-docs rubric show {bo_san_pham}",
        "Replace the line '{tieu_chi}' with one line for each of {tieu_chi_con}. See the "
        "rubric: ocop-docs rubric show {bo_san_pham}",
    ),
    _spec(
        "scorecard-duplicate-criterion",
        "error",
        "scorecard loading",
        "Tiêu chí {tieu_chi} được ghi hơn một lần; chỉ lựa chọn ghi sau cùng được tính.",
        "Criterion {tieu_chi} is given more than once; only the last choice counts.",
        "Xóa các dòng trùng, mỗi tiêu chí chỉ giữ một lựa chọn.",
        "Delete the repeated lines and keep one choice per criterion.",
    ),
    _spec(
        "scorecard-invalid-option",
        "error",
        "scorecard rubric",
        "Lựa chọn của tiêu chí {tieu_chi} phải là số thứ tự (số nguyên), phiếu ghi «{gia_tri}»; "
        "tiêu chí này không được tính điểm.",
        "The choice for criterion {tieu_chi} must be an option number (a whole number), the "
        "card says '{gia_tri}'; the criterion scores nothing.",
        "Ghi số thứ tự của lựa chọn (1 là lựa chọn in đầu tiên), là số không đặt trong dấu "
        "ngoặc kép; không ghi số điểm hay nội dung lựa chọn. Xem các lựa chọn: "
        "ocop-docs rubric show {bo_san_pham}",
        "Give the option's number (1 is the first option printed) as a number without quotes, "
        "not its points or its text. See the options: ocop-docs rubric show {bo_san_pham}",
    ),
    _spec(
        "scorecard-unknown-option",
        "error",
        "scorecard rubric",
        "Tiêu chí {tieu_chi} không có lựa chọn số {stt} (chỉ có 1 đến {so_lua_chon}).",
        "Criterion {tieu_chi} has no option {stt} (options are 1 to {so_lua_chon}).",
        "Ghi số thứ tự của lựa chọn, từ 1 đến {so_lua_chon} theo thứ tự in trong bộ tiêu chí "
        "(QĐ 26/2026 Phụ lục II), không ghi số điểm. Xem các lựa chọn: "
        "ocop-docs rubric show {bo_san_pham}",
        "Give the option's number, 1 to {so_lua_chon} in the order printed in the rubric "
        "(QĐ 26/2026 Phụ lục II), not its points. See the options: "
        "ocop-docs rubric show {bo_san_pham}",
    ),
    _spec(
        "scorecard-missing-criterion",
        "error",
        "scorecard rubric",
        "Chưa chọn tiêu chí {tieu_chi} ({ten}); tính 0 điểm.",
        "Criterion {tieu_chi} ({ten}) has no choice; counted as 0 points.",
        "Ghi một lựa chọn cho mỗi tiêu chí dưới mục chon: tiêu chí bỏ trống tính 0 điểm và "
        "không đạt dấu sao tối thiểu (***, ****, *****) của tiêu chí đó. Xem bộ tiêu chí: "
        "ocop-docs rubric show {bo_san_pham}",
        "Give a choice for every criterion under chon: a criterion left out scores 0 and "
        "meets none of its star-minimum markers (***, ****, *****). See the rubric: "
        "ocop-docs rubric show {bo_san_pham}",
    ),
    # --- disqualification ---------------------------------------------------------------------
    _spec(
        "scorecard-invalid-disqualification",
        "error",
        "scorecard disqualification",
        "Trường loai phải là true hoặc false, phiếu ghi «{gia_tri}»; coi như hồ sơ không bị loại.",
        "loai must be true or false, the card says '{gia_tri}'; treated as not disqualified.",
        "Ghi «loai: true» (kèm ly_do_loai) khi hồ sơ thuộc trường hợp «Hồ sơ bị loại khi» của "
        "bộ tiêu chí (QĐ 26/2026 Phụ lục II); nếu không, ghi «loai: false» hoặc bỏ trường này.",
        "Write 'loai: true' (with ly_do_loai) when a ground under 'Hồ sơ bị loại khi' of the "
        "rubric applies (QĐ 26/2026 Phụ lục II); otherwise write 'loai: false' or remove it.",
    ),
    _spec(
        "scorecard-disqualified-without-reason",
        "warning",
        "scorecard disqualification",
        "Phiếu ghi hồ sơ bị loại (loai: true) nhưng không ghi lý do (ly_do_loai).",
        "The card disqualifies the product (loai: true) but gives no reason (ly_do_loai).",
        "Ghi vào ly_do_loai trường hợp bị loại theo mục «Hồ sơ bị loại khi» của bộ tiêu chí "
        "(QĐ 26/2026 Phụ lục II), ví dụ «Giả mạo hồ sơ».",
        "Put in ly_do_loai the ground listed under 'Hồ sơ bị loại khi' in the rubric "
        "(QĐ 26/2026 Phụ lục II), e.g. 'Giả mạo hồ sơ' (forged dossier).",
    ),
    # --- the council ----------------------------------------------------------------------
    _spec(
        "scorecard-total-mismatch",
        "error",
        "scorecard council",
        "Thành viên {thanh_vien}: tổng điểm ghi {ghi} nhưng phiếu chấm cộng được {tinh}; "
        "điểm trung bình dùng tổng điểm đã ghi.",
        "Member {thanh_vien}: the total is recorded as {ghi} but the card adds up to {tinh}; "
        "the mean uses the recorded total.",
        "Cộng lại điểm trên phiếu chấm của thành viên {thanh_vien}, rồi sửa tổng điểm đã ghi "
        "hoặc lựa chọn trên phiếu cho khớp: hạng sao tính theo tổng điểm trung bình "
        "(QĐ 26/2026 Điều 3.3).",
        "Add up member {thanh_vien}'s card again and correct either the recorded total or the "
        "choices on the card: the star follows the mean total (QĐ 26/2026 Điều 3.3).",
    ),
    _spec(
        "scorecard-unreadable",
        "error",
        "scorecard loading",
        "Không đọc được phiếu chấm {path}{where}: {reason}.",
        "Cannot read scorecard {path}{where}: {reason}.",
        "Phiếu chấm là tệp YAML hoặc JSON UTF-8; sửa chỗ được chỉ ra rồi chạy lại.",
        "A scorecard is a UTF-8 YAML or JSON file; fix the place shown and run again.",
    ),
)
