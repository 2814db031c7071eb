"""QĐ 1048/QĐ-TTg (2019) Phụ lục II: Biểu số 03 (Phương án sản xuất kinh doanh) and 04 (Mẫu
giới thiệu về tổ chức tham gia Chương trình OCOP). Helpers and layout decisions:
``scripts/templates_1048.py``."""

from __future__ import annotations

from collections.abc import Sequence

from build_templates import (  # type: ignore[import-not-found]
    CENTER,
    R,
    para,
)
from templates_1048 import (
    SIZE,
    blank,
    grid,
    heading,
    item,
    line,
    new_form,
    signature,
    title,
)

# --- Biểu số 03 ------------------------------------------------------------------------------


def _rows(labels: Sequence[str], columns: int) -> list[tuple[str, ...]]:
    """Printed rows "TT | label | blank …": a label "1 Văn phòng" splits at the first space
    when it starts with a number or letter code (the TT column)."""
    out: list[tuple[str, ...]] = []
    for label in labels:
        tt, _, text = (
            label.partition(" ")
            if label[:1].isdigit() or label[:2] in ("A ", "B ")
            else ("", "", label)
        )
        out.append((tt, text, *([""] * (columns - 2))))
    return out


def build_bieu_03_1048() -> object:
    """Biểu số 03 Phương án sản xuất kinh doanh (lines 566–806). Corrected: "II. TỔ CHỨC NHÂN
    SỰ / I. Sơ đồ tổ chức bộ máy" → "1. Sơ đồ …" (its item 2 follows); "Chức năng nhiệm vụ
    các bộ trong sơ đồ" → "các bộ phận"."""
    doc = new_form("Biểu số 03 - Phương án sản xuất kinh doanh (QĐ 1048/QĐ-TTg)")
    title(doc, "BIỂU SỐ 03: PHƯƠNG ÁN SẢN XUẤT KINH DOANH", "(Áp dụng cho 01 sản phẩm cụ thể)")
    heading(doc, "PHẦN I. GIỚI THIỆU", before=6)
    item(doc, "I. GIỚI THIỆU TỔNG THỂ", dots=False, keep_next=True)
    line(doc, "1. Tên chủ thể (Doanh nghiệp, hợp tác xã, tổ hợp tác, hộ): ", "{{ ten_chu_the }}")
    line(doc, "2. Địa chỉ trụ sở chính: ", "{{ dia_chi_chu_the }}")
    line(doc, "3. Vốn điều lệ: ")
    line(doc, "4. Số lượng thành viên: ")
    line(doc, "5. Ngành, nghề sản xuất, kinh doanh: ")
    item(doc, "II. TỔ CHỨC NHÂN SỰ", dots=False, keep_next=True)
    line(
        doc,
        "1. Sơ đồ tổ chức bộ máy (đối với doanh nghiệp, hợp tác xã) ",
        "{{ co_cau_to_chuc }}",
    )
    blank(doc, 3)
    line(doc, "2. Chức năng nhiệm vụ các bộ phận trong sơ đồ tổ chức", dots=False)
    blank(doc, 2)
    heading(
        doc,
        "PHẦN II. TỔNG QUAN VỀ TÌNH HÌNH THỊ TRƯỜNG VÀ KHẢ NĂNG THAM GIA CỦA DOANH NGHIỆP/HỢP "
        "TÁC XÃ/TỔ HỢP TÁC/HỘ KINH DOANH",
        before=12,
    )
    for head, note in (
        (
            "I. ĐÁNH GIÁ CHUNG VỀ TÌNH HÌNH THỊ TRƯỜNG",
            "(Tổng quan nhu cầu và xu thế của thị trường về sản phẩm/nhóm sản phẩm)",
        ),
        (
            "II. ĐÁNH GIÁ KHẢ NĂNG THAM GIA THỊ TRƯỜNG",
            "(Đánh giá sơ bộ khả năng tiêu thụ sản phẩm, thế mạnh khi tham gia)",
        ),
    ):
        item(doc, head, dots=False, keep_next=True)
        line(doc, note, dots=False, i=True, keep_next=True)
        blank(doc, 2)
    item(doc, "III. CĂN CỨ PHÁP LÝ THÀNH LẬP VÀ HOẠT ĐỘNG", dots=False, keep_next=True)
    line(
        doc,
        "Các giấy phép, chứng nhận... hiện hành (về thành lập, điều kiện sản xuất, kinh doanh,...)",
        dots=False,
        keep_next=True,
    )
    para(doc, "{%p for g in giay_to_phap_ly %}", size=SIZE)
    line(doc, "- ", "{{ g }}", dots=False, indent=5)
    para(doc, "{%p endfor %}", size=SIZE)
    blank(doc)

    heading(doc, "PHẦN III. PHƯƠNG ÁN SẢN XUẤT, KINH DOANH (3 năm)", before=12)
    item(doc, "I. PHÂN TÍCH ĐIỂM MẠNH, YẾU, CƠ HỘI VÀ THÁCH THỨC", dots=False, keep_next=True)
    for text in (
        "1. Điểm mạnh (yếu tố bên trong)",
        "2. Điểm yếu (yếu tố bên trong)",
        "3. Cơ hội (yếu tố bên ngoài)",
        "4. Thách thức (yếu tố bên ngoài)",
    ):
        line(doc, text, dots=False, keep_next=True)
        blank(doc)
    for head, note in (
        (
            "II. PHÂN TÍCH CẠNH TRANH",
            "(Các đối thủ cạnh tranh với các nội dung: sản phẩm, thị trường, mức độ,...)",
        ),
        (
            "III. MỤC TIÊU VÀ CHIẾN LƯỢC PHÁT TRIỂN",
            "(Cần nêu rõ mục tiêu: trung hạn, dài hạn; chiến lược: nhà cung ứng, trồng trọt, "
            "sản xuất, kinh doanh, nhân lực,...)",
        ),
    ):
        item(doc, head, dots=False, keep_next=True)
        line(doc, note, dots=False, i=True, keep_next=True)
        blank(doc, 2)
    item(doc, "IV. HOẠT ĐỘNG SẢN XUẤT, KINH DOANH", dots=False, keep_next=True)
    line(doc, "1. Hoạt động sản xuất", dots=False, b=True, keep_next=True)
    scale = [12, 68, 40, 45]
    for head, standard, method, name, rows in (
        (
            "a) Nguyên liệu (Trồng, chăn nuôi, chế biến, khác,...)",
            "- Tiêu chuẩn áp dụng: ",
            True,
            "Tên nguyên liệu",
            3,
        ),
        ("b) Thu hái tự nhiên (nếu có)", "- Tiêu chuẩn áp dụng: ", True, "Tên sản phẩm", 4),
        ("c) Sơ chế (nếu có)", "- Tiêu chuẩn, công nghệ áp dụng: ", False, "Tên sản phẩm", 4),
        ("d) Chế biến", "- Tiêu chuẩn, công nghệ áp dụng: ", False, "Tên sản phẩm", 3),
    ):
        line(doc, head, dots=False, keep_next=True)
        line(doc, standard, keep_next=True)
        if method:
            line(
                doc,
                "- Phương thức: Khu trung tâm",
                "\t",
                ", hợp đồng liên kết ",
                "\t",
                " (đơn vị m2, tấn...)",
                stops=(78, 127),
                dots=False,
                keep_next=True,
            )
        line(doc, "- Quy mô" + (":" if head[0] != "a" else ""), dots=False, keep_next=True)
        grid(doc, scale, ("TT", name, "Quy mô", "Thời gian thực hiện"), [("", "", "", "")] * rows)
    line(doc, "2. Phân phối/bán hàng", dots=False, b=True, keep_next=True)
    line(doc, "a) Bán hàng tại chỗ", dots=False, keep_next=True)
    line(
        doc,
        "- Gian hàng giới thiệu sản phẩm tại doanh nghiệp/HTX/tổ hợp tác/hộ: diện tích ",
        "\t",
        "m2",
        stops=(150,),
        dots=False,
    )
    line(doc, "- Sản phẩm giới thiệu và bán:")
    blank(doc)
    line(doc, "- Nhân lực thực hiện: ")
    line(
        doc,
        "b) Liên kết các đại lý phân phối (ghi rõ tên tỉnh và số lượng đã có hoặc dự kiến)",
        dots=False,
        keep_next=True,
    )
    line(doc, "- Các đại lý trong tỉnh:")
    blank(doc)
    line(doc, "- Các đại lý ngoài tỉnh:")
    blank(doc)
    line(doc, "c) Bán hàng qua mạng", dots=False, keep_next=True)
    for text in ("- Xây dựng Website: ", "- Quản lý Website: ", "- Nhân lực: "):
        line(doc, text)
    line(doc, "d) Chính sách giá (giá bán tính trên đơn vị sản phẩm, dịch vụ)", dots=False)
    blank(doc)

    item(doc, "V. KẾ HOẠCH MARKETING - XÚC TIẾN THƯƠNG MẠI", dots=False, keep_next=True)
    line(doc, "1. Kế hoạch xúc tiến thương mại", dots=False, b=True, keep_next=True)
    line(doc, "- Kế hoạch tiếp thị được thực hiện tại các thị trường:")
    blank(doc)
    line(doc, "- Kế hoạch triển khai:", dots=False, keep_next=True)
    events = (
        "Hội thảo",
        "Hội chợ, triển lãm",
        "Tờ rơi",
        "Khuyến mại",
        "Đăng báo",
        "Truyền thanh",
        "Truyền hình",
    )
    grid(
        doc,
        [12, 45, 40, 38, 30],
        ("TT", "Nội dung", "Địa điểm", "Người thực hiện", "Thời gian"),
        [(str(n), e, "", "", "") for n, e in enumerate(events, start=1)] + [("", "…", "", "", "")],
    )
    line(doc, "2. Kế hoạch Marketing", dots=False, b=True, keep_next=True)
    for text in (
        "- Tiếp tục nghiên cứu thị trường: Được thực hiện lồng ghép với hoạt động kinh doanh, "
        "phân phối nhằm xác định nhu cầu thị trường",
        "- Phân khúc thị trường: Xác định phân khúc khách hàng doanh nghiệp/hợp tác xã có thể "
        "tiếp cận hoặc có thế mạnh.",
        "- Định vị thị trường: Xác định thị trường chủ lực, chiến lược thị trường",
        "- Kế hoạch thực hiện:",
        "- Kiểm soát quá trình thực hiện:",
    ):
        line(doc, text, dots=False, keep_next=True)
        blank(doc)

    item(
        doc,
        "VI. PHƯƠNG ÁN ĐẦU TƯ CƠ SỞ VẬT CHẤT, BỐ TRÍ NHÂN LỰC VÀ CÁC ĐIỀU KIỆN KHÁC",
        dots=False,
        keep_next=True,
    )
    line(
        doc,
        "1. Cơ sở hạ tầng ",
        R("(điều chỉnh cho phù hợp điều kiện thực tế)", b=False, i=True),
        dots=False,
        b=True,
        keep_next=True,
    )
    works = (
        "1 Văn phòng làm việc",
        "Ban giám đốc",
        "Phòng kế toán, hành chính",
        "2 Nhà xưởng",
        "2.1 Xưởng sơ chế",
        "2.2 Làm khô",
        "Phòng sấy",
        "Sân phơi",
        "2.3 Xưởng chế biến",
        "2.4 Khác",
        "Hệ thống điện",
        "Hệ thống cấp nước",
        "Hệ thống xử lý chất thải",
    )
    grid(
        doc,
        [12, 55, 22, 26, 22, 28],
        ("TT", "Tên công trình", "Đơn vị tính", "Khối lượng (m2)", "Đơn giá", "Tổng mức xây dựng"),
        _rows(works, 6),
    )
    line(doc, "2. Máy móc, trang thiết bị", dots=False, b=True, keep_next=True)
    grid(
        doc,
        [12, 55, 22, 22, 24, 30],
        ("TT", "Tên máy móc, thiết bị", "Đơn vị tính", "Số lượng", "Đơn giá", "Thành tiền"),
        [("", "", "", "", "", "")] * 2,
    )
    line(
        doc,
        "3. Nhân lực ",
        R("(điều chỉnh cho phù hợp điều kiện thực tế)", b=False, i=True),
        dots=False,
        b=True,
        keep_next=True,
    )
    staff = (
        "A Gián tiếp",
        "1 Ban giám đốc",
        "Giám đốc",
        "Phó giám đốc",
        "2 Bộ phận văn phòng",
        "Kế toán trưởng",
        "Hành chính - nhân sự",
        "B Trực tiếp",
        "3 Bộ phận kinh doanh",
        "Nhân viên kinh doanh",
        "Nhân viên dịch vụ",
        "4 Sản xuất",
        "Phụ trách vùng trồng",
        "Giám sát vùng",
        "Thủ kho",
        "Công nhân",
        "Tổng cộng",
    )
    grid(
        doc,
        [12, 58, 65, 30],
        ("TT", "Chức danh", "Mô tả công việc", "Số lượng"),
        _rows(staff, 4),
        bold_rows=(0, 7, len(staff) - 1),
    )
    line(doc, "4. Các điều kiện khác", dots=False, b=True, keep_next=True)
    line(doc, "a) Đất đai", dots=False, keep_next=True)
    for text in (
        "- Mặt bằng khu trung tâm (nhà xưởng, kho bãi): ",
        "- Khu đồng ruộng; ",
        "- Khu thu hái tự nhiên: ",
    ):
        line(doc, text)
    line(doc, "b) Khoa học công nghệ", dots=False, keep_next=True)
    line(
        doc,
        "- Hợp tác với đối tác chuyển giao quy trình công nghệ (đã hợp tác hoặc dự kiến):",
        dots=False,
    )
    blank(doc)
    line(
        doc,
        "- Hợp tác với đối tác tư vấn phát triển doanh nghiệp (đã hợp tác hoặc dự kiến):",
        dots=False,
    )
    blank(doc)
    line(
        doc,
        "c) Liên kết (đối tác cung cấp nguyên liệu hoặc hợp tác sản xuất, kinh doanh)",
        dots=False,
    )
    blank(doc)

    heading(doc, "PHẦN IV. PHƯƠNG ÁN TÀI CHÍNH", before=12)
    item(doc, "I. PHƯƠNG ÁN HUY ĐỘNG VÀ SỬ DỤNG VỐN", dots=False, keep_next=True)
    line(doc, "1. Tổng nhu cầu vốn", dots=False, b=True, keep_next=True)
    line(
        doc,
        "Tổng nhu cầu vốn của doanh nghiệp/hợp tác xã/tổ hợp tác/hộ: ",
        "\t",
        "đồng",
        stops=(150,),
        dots=False,
        keep_next=True,
    )
    six = [12, 57, 19, 20, 27, 30]
    money = ("TT", "Nội dung", "Đơn vị", "Số lượng", "Đơn giá", "Thành tiền")
    grid(
        doc,
        six,
        money,
        _rows(
            (
                "A Tài sản cố định",
                "1 Xây dựng hạ tầng",
                "2 Máy móc, trang thiết bị",
                "3 Khác",
                "Thủ tục pháp lý: Đủ điều kiện sản xuất, công bố chất lượng sản phẩm",
                "Quy trình công nghệ",
                "B Vốn lưu động cho 1 chu kỳ sản xuất, kinh doanh",
            ),
            6,
        ),
        bold_rows=(0, 6),
    )
    line(doc, "2. Phương án huy động", dots=False, b=True, keep_next=True)
    line(
        doc,
        "a) Góp vốn từ các thành viên doanh nghiệp/hợp tác xã/tổ hợp tác/hộ",
        dots=False,
        keep_next=True,
    )
    line(
        doc,
        "Tổng góp vốn từ các thành viên: ",
        "\t",
        "đồng",
        stops=(150,),
        dots=False,
        keep_next=True,
    )
    four = [12, 60, 55, 38]
    grid(
        doc,
        four,
        ("TT", "Họ và tên", "Địa chỉ", "Số tiền (triệu đồng)"),
        [("1", "", "", ""), ("2", "", "", ""), ("….", "", "", ""), ("....", "", "", "")],
    )
    line(doc, "b) Vay vốn", dots=False, keep_next=True)
    line(doc, "Tổng vay vốn: ", "\t", "đồng", stops=(150,), dots=False, keep_next=True)
    grid(
        doc,
        four,
        ("TT", "Đối tượng vay", "Phương thức vay", "Số tiền (triệu đồng)"),
        [("", "Ngân hàng", "", ""), ("", "Vay cá nhân", "", ""), ("", "Vay khác", "", "")],
    )
    line(doc, "c) Nguồn ngân sách nhà nước", dots=False, keep_next=True)
    grid(
        doc,
        four,
        ("TT", "Họ và tên", "Phương thức", "Số tiền (triệu đồng)"),
        [
            ("1", "Dự án ứng dụng khoa học công nghệ", "", ""),
            ("2", "Khuyến công, khuyến nông...", "", ""),
            ("3", "Dự án hỗ trợ trong nông nghiệp khác", "", ""),
        ],
    )
    item(
        doc,
        "II. PHƯƠNG ÁN DOANH THU, CHI PHÍ, LỢI NHUẬN TRONG 03 NĂM ĐẦU",
        dots=False,
        keep_next=True,
    )
    line(doc, "1. Tổng doanh thu", dots=False, b=True, keep_next=True)
    line(
        doc,
        "Tổng doanh thu trong 3 năm đầu: ",
        "\t",
        " đồng, tổng hợp chi tiết qua bảng sau:",
        stops=(95,),
        dots=False,
        keep_next=True,
    )
    revenue = (
        "TT",
        "Sản phẩm, dịch vụ",
        "Đơn vị",
        "Số lượng",
        "Giá (đồng/đvt)",
        "Thành tiền (đồng)",
    )
    grid(
        doc,
        six,
        revenue,
        [
            ("1", "", "", "", "", ""),
            ("2", "", "", "", "", ""),
            ("3", "", "", "", "", ""),
            ("....", "", "", "", "", ""),
        ],
    )
    line(doc, "2. Tổng chi phí", dots=False, b=True, keep_next=True)
    line(
        doc,
        "Tổng chi phí trong 3 năm đầu: ",
        "\t",
        "đồng, tổng hợp chi tiết qua bảng sau:",
        stops=(95,),
        dots=False,
        keep_next=True,
    )
    cost_rows = (
        "A Tài sản cố định",
        "B Chi phí sản xuất kinh doanh (3 năm)",
        "1 Chi phí sản xuất",
        "Nguyên liệu",
        "Phụ liệu",
        "Bao bì nhãn",
        "Năng lượng",
        "Nhân công",
        "Quản lý",
        "2 Chi phí bán hàng",
        "Vận chuyển",
        "Chiết khấu",
        "Bao bì phụ",
        "Nhân công",
        "Quản lý",
    )
    grid(
        doc,
        six,
        ("TT", "Nội dung", "Đơn vị", "Số lượng", "Giá (đồng/đvt)", "Thành tiền (đồng)"),
        _rows(cost_rows, 6),
        bold_rows=(0, 1),
    )
    line(doc, "3. Lợi nhuận", dots=False, b=True, keep_next=True)
    grid(
        doc,
        [12, 100, 53],
        ("TT", "Nội dung", "Thành tiền (đồng)"),
        [
            ("1", "Tổng doanh thu", ""),
            ("2", "Tổng chi phí", ""),
            ("3", "Lợi nhuận trước thuế", ""),
            ("4", "Lợi nhuận sau thuế", ""),
        ],
    )
    item(doc, "III. PHƯƠNG ÁN TÀI CHÍNH KHÁC", dots=False, keep_next=True)
    line(
        doc,
        "1. Các quỹ tín dụng (Hội nông dân, phụ nữ, liên minh hợp tác xã,... ghi rõ tên tổ chức "
        "và số tiền dự kiến)",
        dots=False,
    )
    blank(doc)
    line(
        doc,
        "- Vay vốn từ các quỹ đầu tư (ví dụ: quỹ đầu tư phát triển tỉnh,...., ghi rõ tên tổ "
        "chức và số tiền dự kiến)",
        dots=False,
    )
    blank(doc)
    line(doc, "2. Thuê tài chính", dots=False, keep_next=True)
    line(doc, "- Thuê nhà xưởng: ", keep_next=True)
    line(doc, "- Liên kết sản xuất: ")
    signature(
        doc,
        "ĐẠI DIỆN THEO PHÁP LUẬT CỦA DOANH NGHIỆP/HỢP TÁC XÃ",
        "(Ký, đóng dấu và ghi họ tên)",
        "{{ ho_ten_dai_dien }}",
        left=(("Các giấy tờ gửi kèm:",), ("- " + "…" * 12,), ("- " + "…" * 12,)),
    )
    para(doc, "", size=2)
    return doc


# --- Biểu số 04 ------------------------------------------------------------------------------


def build_bieu_04_1048() -> object:
    """Biểu số 04 Mẫu giới thiệu về tổ chức tham gia Chương trình OCOP (lines 807–822).
    "(TÊN TỔ CHỨC)" is the place of the producer's name, printed there."""
    doc = new_form(
        "Biểu số 04 - Mẫu giới thiệu về tổ chức tham gia Chương trình OCOP (QĐ 1048/QĐ-TTg)"
    )
    title(doc, "BIỂU SỐ 04: MẪU GIỚI THIỆU VỀ TỔ CHỨC\nTHAM GIA CHƯƠNG TRÌNH OCOP")
    para(doc, "{{ ten_to_chuc }}", align=CENTER, b=True, size=14, after=12)
    item(doc, "1. Địa chỉ, điện thoại, fax, email, Website (nếu có)", dots=False, keep_next=True)
    line(doc, "- Địa chỉ: ", "{{ dia_chi_chu_the }}", indent=5)
    phone = line(doc, "- Điện thoại: ", "{{ dien_thoai }}", "\t", "Fax: ", stops=(100,), indent=5)
    del phone
    line(doc, "- Email: ", "{{ email }}", "\t", "Website: ", stops=(100,), indent=5)
    sections = (
        (
            "2. Cơ cấu tổ chức, loại hình doanh nghiệp",
            "Cần thể hiện rõ sơ đồ tổ chức, mô tả chức năng, nhiệm vụ của các bộ phận...",
        ),
        (
            "3. Sự tham gia của cộng đồng",
            "Mô tả tổng số lao động, số lao động địa phương, mức độ tham gia của cộng đồng trong "
            "cơ cấu ban lãnh đạo, cơ cấu vốn góp của cộng đồng...",
        ),
        (
            "4. Hoạt động kế toán của cơ sở",
            "Mô tả số lượng nhân viên làm nghiệp vụ kế toán, trình độ nhân viên, tính liên tục "
            "của hoạt động kế toán...",
        ),
        (
            "5. Tình hình tiếp thị sản phẩm",
            "Mô tả khách hàng chính (thị trường địa phương, trong nước, quốc tế - hợp đồng/hóa đơn "
            "bán hàng); tổ chức phân phối: Bán tại nơi sản xuất (mô tả khu vực bán hàng, hình ảnh "
            "minh họa...), đại lý (tên, địa chỉ), hệ thống phân phối (sơ đồ, địa chỉ các bộ phận - "
            "khu vực); quảng bá sản phẩm: Kế hoạch (quảng bá theo tháng, năm), các hoạt động (hồ "
            "sơ, tài liệu minh chứng đã thực hiện)...",
        ),
        (
            "6. Phương án bảo vệ môi trường",
            "Các cam kết bảo vệ môi trường/đánh giá tác động bảo vệ môi trường hoặc kế hoạch thu "
            "gom rác thải, hệ thống xử lý chất thải...",
        ),
    )
    for n, (head, note) in enumerate(sections):
        item(doc, head, dots=False, keep_next=True, after=0)
        line(doc, note, dots=False, i=True, keep_next=True)
        if n == 0:
            line(doc, "- Loại hình: ", "{{ loai_hinh_chu_the }}", indent=5)
            line(doc, "- Cơ cấu tổ chức: ", "{{ co_cau_to_chuc }}", indent=5)
            blank(doc, 3)
        else:
            blank(doc, 4)
    signature(
        doc,
        "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ",
        "(Ký, họ tên; đóng dấu)",
        "{{ ho_ten_dai_dien }}",
    )
    para(doc, "", size=2)
    return doc
