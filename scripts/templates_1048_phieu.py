"""QĐ 1048/QĐ-TTg (2019) Phụ lục II: Biểu số 01 (Phiếu đăng ký sản phẩm mới) and 02 (Phiếu
đăng ký sản phẩm đã có). Helpers and layout decisions: ``scripts/templates_1048.py``."""

from __future__ import annotations

from build_templates import (  # type: ignore[import-not-found]
    CENTER,
    R,
    para,
)
from templates_1048 import (
    EMPTY,
    SIZE,
    blank,
    grid,
    head_block,
    heading,
    item,
    line,
    new_form,
    sender,
    support_table,
)

# --- Biểu số 01 ------------------------------------------------------------------------------


def build_bieu_01_1048() -> object:
    """Biểu số 01 Phiếu đăng ký sản phẩm mới (lines 320–426). Corrected: "DANH CHO CÁN BỘ
    … CẤP TỈNH" → "DÀNH CHO" (as in Biểu 02)."""
    doc = new_form("Biểu số 01 - Phiếu đăng ký sản phẩm mới (QĐ 1048/QĐ-TTg)")
    head_block(
        doc,
        "Tên chủ thể (Doanh nghiệp, hợp tác xã, tổ hợp tác, hộ sản xuất): ",
        "BIỂU SỐ 01: PHIẾU ĐĂNG KÝ SẢN PHẨM MỚI",
    )
    heading(doc, "PHẦN B", before=12)
    heading(doc, "THÔNG TIN Ý TƯỞNG SẢN PHẨM MỚI", before=0)
    item(doc, "1. Tên sản phẩm, ý tưởng sản phẩm: ", "{{ ten_san_pham }}")
    item(doc, "2. Mô tả sản phẩm", dots=False, keep_next=True)
    line(doc, "a) Giá trị mục tiêu của sản phẩm/phần cốt lõi", dots=False, keep_next=True)
    line(doc, "(lý do khiến khách hàng muốn mua sản phẩm):")
    blank(doc)
    line(doc, "b) Quy cách đóng gói cho một đơn vị sản phẩm/dịch vụ", dots=False, keep_next=True)
    line(doc, "(mô tả cụ thể, ví dụ: Đóng túi,... chai, lọ,...): ", "{{ mo_ta_san_pham }}")
    line(doc, "c) Tên nhãn hiệu sản phẩm/dịch vụ dự kiến là: ")
    line(
        doc,
        "d) Mục tiêu chất lượng của sản phẩm (đánh dấu √ vào các vị trí thích hợp):",
        dots=False,
        keep_next=True,
    )
    for market in ("quốc tế", "Việt Nam", "trong tỉnh", "trong huyện"):
        line(doc, f"- Cho thị trường {market} {EMPTY}", dots=False, indent=5)
    line(
        doc,
        "đ) Mục tiêu thị trường tiêu thụ (đánh dấu √ vào các vị trí thích hợp):",
        dots=False,
        keep_next=True,
    )
    line(doc, f"- Phạm vi tiêu thụ: Trong tỉnh {EMPTY}, Ngoài tỉnh {EMPTY}", dots=False, indent=5)
    line(
        doc, f"- Đối tượng khách hàng ở: Thành thị {EMPTY}, Nông thôn {EMPTY}", dots=False, indent=5
    )
    line(
        doc,
        f"- Đối tượng khách hàng có thu nhập: Khá giả {EMPTY}, Bình dân {EMPTY}",
        dots=False,
        indent=5,
    )
    line(doc, "e) Đối thủ cạnh tranh (điền vào chỗ trống dưới đây):", dots=False, keep_next=True)
    line(doc, "- Liệt kê tên (các) sản phẩm tương tự đã có trên thị trường:", indent=5)
    blank(doc)
    line(doc, "- Điểm mới, điểm khác biệt của sản phẩm của mình:", indent=5)
    blank(doc)
    line(doc, "g) Quy mô thị trường dự kiến:", dots=False, keep_next=True)
    line(
        doc,
        "- Lượng sản phẩm hoặc khách hàng dự kiến là ",
        "\t",
        " (số đơn vị sản phẩm, số khách hàng trong 1 năm)",
        stops=(120,),
        dots=False,
        indent=5,
    )
    line(
        doc,
        "h) Giá bán dự kiến đến tay người tiêu dùng: ",
        "\t",
        "đồng/sản phẩm.",
        stops=(135,),
        dots=False,
    )
    line(
        doc,
        "i) Câu chuyện về sản phẩm (tóm tắt lịch sử hoặc câu chuyện về sản phẩm ở các phần "
        "thích hợp dưới đây, kể cả câu chuyện mới):",
        dots=False,
        keep_next=True,
    )
    for part in ("Nguồn gốc/lịch sử", "Yếu tố văn hóa", "Yếu tố địa danh", "Yếu tố khác (nếu có)"):
        line(doc, f"- {part}:", indent=5)
        blank(doc)
    item(doc, "3. Tính mới của sản phẩm ", "(đánh dấu √ vào 1 vị trí thích hợp):", dots=False)
    line(doc, f"Là sản phẩm mới hoàn toàn {EMPTY},", dots=False, indent=5)
    line(doc, f"Cải tiến từ sản phẩm đã có {EMPTY},", dots=False, indent=5)
    line(
        doc,
        f"Dựa trên sản phẩm truyền thống đã có ở gia đình, làng xã {EMPTY}",
        dots=False,
        indent=5,
    )
    item(
        doc,
        "4. Tình trạng phát triển sản phẩm ",
        "(đánh dấu √ vào 1 vị trí thích hợp):",
        dots=False,
    )
    line(
        doc,
        f"Mới là ý tưởng {EMPTY}, Đang được nghiên cứu, hoàn thiện {EMPTY}, "
        f"Đã có sản phẩm mẫu {EMPTY}",
        dots=False,
        indent=5,
    )
    line(
        doc,
        "- Tư liệu sản xuất hiện có để phục vụ sản xuất, cung cấp dịch vụ:",
        dots=False,
        keep_next=True,
    )
    for part in ("Nhà xưởng", "Vật tư, trang thiết bị", "Khác"):
        line(doc, f"+ {part}: ", indent=5)
    line(doc, "- Vùng nguyên liệu (hiện có/dự kiến, quy mô,...): ")
    item(doc, "5. Các nguyên liệu và nguồn gốc nguyên liệu:", dots=False, keep_next=True)
    grid(
        doc,
        [12, 60, 93],
        (
            "TT",
            "Tên nguyên liệu chính",
            "Nguồn gốc (Cụ thể ở đâu, tỷ lệ trong mỗi đơn vị sản phẩm)",
        ),
        [("1", "", ""), ("2", "", ""), ("…", "", "")],
    )
    item(doc, "6. Mô hình tổ chức (hoặc dự kiến) ", "(đánh dấu √ vào vị trí thích hợp)", dots=False)
    line(
        doc,
        f"- Doanh nghiệp: Tư nhân {EMPTY}, TNHH {EMPTY}, Cổ phần {EMPTY} Hợp danh {EMPTY}",
        dots=False,
        indent=5,
    )
    line(
        doc,
        "- Hợp tác xã ",
        "{{ o.hop_tac_xa }}",
        " - Loại hình khác (ghi rõ): ",
        "{{ loai_hinh_khac }}",
        indent=5,
    )
    item(doc, "7. Quy trình sản xuất, quy mô sản xuất ", "(điền vào chỗ trống)", dots=False)
    line(doc, "- Quy mô sản xuất: ", "\t", " sản phẩm/năm", stops=(120,), dots=False, indent=5)
    line(
        doc,
        "- Sơ đồ tóm tắt quy trình sản xuất (vẽ sơ đồ vào phần để trống dưới đây; có thể trình "
        "bày riêng dạng phụ lục đính kèm phiếu này):",
        dots=False,
        indent=5,
    )
    blank(doc, 4)
    line(
        doc,
        "Một số yếu tố có thể ảnh hưởng đến môi trường trong quá trình sản xuất kinh doanh:",
        dots=False,
        keep_next=True,
    )
    line(doc, "- Hóa chất sử dụng trong quá trình sản xuất: ", indent=5)
    line(doc, "- Chất thải trong quá trình sản xuất (mô tả cụ thể):", dots=False, indent=5)
    for part in (
        "Dạng rắn (bã thải, túi nylon, bụi...):",
        "Dạng lỏng:",
        "Dạng khí (khói, khí thải);",
    ):
        line(doc, f"+ {part} ", indent=10)
    line(doc, "- Giải pháp bảo vệ môi trường (xử lý chất thải như thế nào?):", indent=5)
    blank(doc)
    item(
        doc,
        "8. Nhân lực tham gia: ",
        "Tổng nhân lực (hoặc dự kiến): ",
        "\t",
        " người, trong đó (điền vào chỗ trống thích hợp):",
        stops=(135,),
        dots=False,
    )
    for level in ("Lao động phổ thông", "Lao động qua trung cấp", "Lao động qua đại học"):
        line(
            doc,
            f"- {level}: ",
            "\t",
            "người. Trong đó, có ",
            "\t",
            " người trong huyện",
            stops=(78, 128),
            dots=False,
            indent=5,
        )
    item(
        doc,
        "9. Dự kiến thời gian và kinh phí cần để phát triển sản phẩm mới ",
        "(ghi mục này nếu chưa có mẫu sản phẩm)",
        dots=False,
    )
    line(
        doc,
        "- Thời gian cần thiết để có mẫu sản phẩm mới hoàn thiện: ",
        "\t",
        "tháng",
        stops=(150,),
        dots=False,
        indent=5,
    )
    line(
        doc,
        "- Kinh phí cần thiết để có mẫu sản phẩm mới hoàn thiện: ",
        "\t",
        "đồng",
        stops=(150,),
        dots=False,
        indent=5,
    )
    item(
        doc,
        "10. Dự kiến vốn tổ chức sản xuất và lợi nhuận ",
        "(điền vào chỗ trống dưới đây)",
        dots=False,
    )
    line(
        doc,
        "- Dự kiến tổng vốn cần có để tổ chức sản xuất: ",
        "\t",
        " đồng",
        stops=(150,),
        dots=False,
        indent=5,
    )
    line(
        doc,
        "- Dự kiến lợi nhuận khi triển khai: ",
        "\t",
        " đồng/năm",
        stops=(140,),
        dots=False,
        indent=5,
    )
    item(doc, "11. Dự kiến nhu cầu hỗ trợ", dots=False, keep_next=True)
    support_table(
        doc,
        [
            (
                "1",
                "Kỹ thuật",
                "Đào tạo về quản trị kinh doanh, công nghệ chế biến, đóng gói, kiểm soát chất "
                "lượng (nêu cụ thể):",
                "",
            ),
            (
                "2",
                "Tiếp thị, XTTM",
                "Triển lãm, xây dựng thương hiệu, phát triển sản phẩm,... (nêu cụ thể);",
                "",
            ),
            (
                "3",
                "Cơ sở vật chất, thiết bị",
                "Nhà xưởng, máy móc, thiết bị (nêu rõ hạng mục, chủng loại, số lượng, dự kiến "
                "kinh phí):",
                "",
            ),
            ("4", "Hạng mục khác", "", ""),
        ],
        "Nội dung hỗ trợ",
        "Cơ quan/tổ chức đáp ứng nhu cầu hỗ trợ (nếu biết)",
    )
    sender(doc, "OCOP huyện /thành phố: ", "Ý kiến của OCOP cấp huyện: ")
    return doc


# --- Biểu số 02 ------------------------------------------------------------------------------


def build_bieu_02_1048() -> object:
    """Biểu số 02 Phiếu đăng ký sản phẩm đã có (lines 427–565). Corrected: "(Đăng ký 01 sản
    phẩm/phiếu);" → "…):" (as in Biểu 01); "Fax (...)" → "Fax ☐" (a box of the list)."""
    doc = new_form("Biểu số 02 - Phiếu đăng ký sản phẩm đã có (QĐ 1048/QĐ-TTg)")
    head_block(
        doc,
        "Tên chủ thể (Doanh nghiệp, hợp tác xã, tổ hợp tác, hộ sản xuất kinh doanh): ",
        "BIỂU SỐ 02: PHIẾU ĐĂNG KÝ SẢN PHẨM ĐÃ CÓ",
    )
    heading(doc, "PHẦN B", before=12)
    heading(doc, "THÔNG TIN VỀ CHỦ THỂ", before=0)
    item(doc, "1. Tên chủ thể (Doanh nghiệp, hợp tác xã, tổ hợp tác, hộ): ", "{{ ten_chu_the }}")
    item(
        doc,
        "2. Ngày thành lập/đăng ký kinh doanh: ",
        "{{ ngay_thanh_lap }}",
        "\t",
        R(" Số đăng ký (nếu có): ", b=True),
        "{{ so_dang_ky }}",
        stops=(110,),
    )
    item(
        doc,
        "3. Loại hình tổ chức (cá nhân, hộ gia đình, tổ hợp tác, hợp tác xã, doanh nghiệp): ",
        "{{ loai_hinh_chu_the }}",
    )
    item(doc, "4. Tên người điều hành chủ thể sản xuất: ", "{{ nguoi_dieu_hanh }}")
    item(doc, "5. Địa chỉ thường trú của người điều hành: ", "{{ dia_chi_thuong_tru }}")
    item(
        doc,
        "6. Điện thoại: ",
        "{{ dien_thoai_dieu_hanh }}",
        "\t",
        R("Email: ", b=True),
        "{{ email }}",
        stops=(95,),
    )
    item(
        doc,
        "7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn: ",
        "{{ san_pham_quy_cach }}",
    )
    blank(doc)
    line(doc, "Đánh dấu (√) vào mục tương ứng:", dots=False, keep_next=True)
    line(
        doc,
        "- Đã có công bố chất lượng (tự công bố/xác nhận công bố): ",
        "{{ o.cong_bo }}",
        dots=False,
        indent=5,
    )
    line(doc, "- Đã có sở hữu trí tuệ: ", "{{ o.shtt }}", dots=False, indent=5)
    line(
        doc,
        "Loại hình đăng ký sở hữu trí tuệ (bảo hộ nhãn hiệu; logo; sáng chế; kiểu dáng công "
        "nghiệp;...): ",
        "{{ loai_shtt }}",
        indent=5,
    )
    line(
        doc,
        "- Đã có giấy đủ điều kiện sản xuất, chứng nhận vệ sinh an toàn thực phẩm cho sản xuất "
        "sản phẩm tương ứng: ",
        "{{ o.dieu_kien }}",
        dots=False,
        indent=5,
    )
    item(
        doc,
        "8. Lịch sử hình thành của chủ thể ",
        "(nêu các giai đoạn hình thành và phát triển): ",
        "{{ lich_su }}",
    )
    blank(doc)
    item(doc, "9. Lý do thành lập và quá trình thành lập chủ thể:")
    blank(doc)
    item(
        doc,
        "10. Chủ thể đã làm tăng thêm giá trị vào các tài nguyên sẵn có ở địa phương như thế nào:",
    )
    blank(doc)

    heading(doc, "PHẦN C", before=12)
    heading(doc, "MÔI TRƯỜNG KINH DOANH", before=0)
    para(doc, "(Đánh dấu (√) và viết vào các ô trống)", align=CENTER, i=True, size=SIZE, after=3)
    for text in (
        f"(1) Đất và văn phòng: Thuê {EMPTY}, Sở hữu {EMPTY}",
        f"(2) Đất sản xuất: Thuê {EMPTY}, Sở hữu {EMPTY}",
        f"(3) Nguồn điện từ điện quốc gia: Đã mắc {EMPTY}, Đang có kế hoạch {EMPTY}, "
        f"Không có {EMPTY}",
        f"(4) Nguồn nước: Nước sạch {EMPTY}, Nước giếng khoan {EMPTY}, Không có {EMPTY},",
    ):
        line(doc, text, dots=False)
    line(doc, "Nguồn khác (lấy từ tự nhiên, sông, suối, hồ, ao,...): ", indent=5)
    line(
        doc,
        f"(5) Phương tiện vận tải: Có xe ô tô {EMPTY}, Xe máy {EMPTY}, Xe trâu/bò kéo {EMPTY}, "
        f"Không có {EMPTY}, Thuê {EMPTY}, Phương tiện công cộng {EMPTY}",
        dots=False,
    )
    line(
        doc,
        f"(6) Phương tiện truyền thông: Điện thoại để bàn {EMPTY}, Điện thoại di động {EMPTY}, "
        f"Fax {EMPTY}, Bưu điện {EMPTY}, E-mail {EMPTY}, Website {EMPTY}, Mạng xã hội {EMPTY}, "
        f"Khác {EMPTY}, Không có {EMPTY}",
        dots=False,
    )
    heading(doc, "HOẠT ĐỘNG KINH DOANH")
    item(doc, "11. Kết quả bán hàng năm liền trước", dots=False, keep_next=True)
    money = ("Số lượng", "Đơn giá (vnđ)", "Thành tiền (vnđ)")
    grid(doc, [62, 30, 35, 38], ("Sản phẩm", *money), [("", "", "", "")] * 2)
    item(doc, "12. Chi phí năm liền trước", dots=False, keep_next=True)
    costs = (
        "Mua nguyên vật liệu",
        "",
        "Nguyên phụ liệu",
        "Điện",
        "Nước",
        "Bao bì",
        "Nhân công/năm",
        "Quản lý",
        "Vận chuyển",
        "Chi phí khác",
        "",
        "Tổng chi phí (2)",
    )
    grid(
        doc,
        [62, 30, 35, 38],
        ("Hạng mục", *money),
        [(c, "", "", "") for c in costs],
        bold_rows=(len(costs) - 1,),
    )
    item(
        doc,
        "13. Lãi/lỗ ",
        "(năm liền trước gần nhất, ví dụ: lãi/lỗ năm 2017 - 2018)",
        dots=False,
        keep_next=True,
    )
    grid(
        doc,
        [90, 75],
        ("Lãi/năm", "Số tiền"),
        [
            ("Tổng (1) “năm 2017”", ""),
            ("Tổng (2) “năm 2018”", ""),
            ("Chênh lệch (1) - (2) (VNĐ)", ""),
        ],
    )
    item(doc, "14. Nhân lực ", "(năm liền trước, ví dụ: năm 2018)", dots=False, keep_next=True)
    grid(doc, [90, 75], ("Giới tính", "Số người"), [("Nam", ""), ("Nữ", ""), ("Tổng", "")])
    item(doc, "15. Nguồn cung cấp nguyên vật liệu đầu vào", dots=False, keep_next=True)
    grid(
        doc,
        [40, 60, 30, 35],
        (
            "Loại nguyên liệu đầu vào",
            "Nguồn cung cấp (ghi cụ thể địa chỉ nhập)",
            "Số lượng/năm",
            "Giá (VNĐ)",
        ),
        [("", "", "", "")] * 3,
    )

    heading(doc, "PHẦN D", before=12)
    heading(doc, "THÔNG TIN VỀ KINH DOANH", before=0)
    often = f"Thường xuyên hàng ngày: {EMPTY}, Theo tuần: {EMPTY}, Theo tháng: {EMPTY}"
    item(doc, "16. Mức độ thường xuyên của hoạt động sản xuất sản phẩm.", dots=False)
    line(doc, often, dots=False, indent=5)
    item(
        doc,
        "17. Thị trường đích ",
        "(nêu cụ thể địa điểm/khu vực đang phân phối tại địa phương (tỉnh, huyện xã, thôn); "
        "ngoài tỉnh)",
        dots=False,
    )
    blank(doc, 2)
    item(doc, "18. Mức độ thường xuyên của bán sản phẩm ?", dots=False)
    line(doc, often, dots=False, indent=5)
    item(doc, "19. Khách hàng hướng tới:", dots=False)
    line(
        doc,
        f"Khá giả: {EMPTY}, Bình dân: {EMPTY}; Nông thôn: {EMPTY}, Thành thị: {EMPTY}",
        dots=False,
        indent=5,
    )
    item(
        doc,
        "20. Doanh nghiệp/hợp tác xã/tổ hợp tác/hộ đã tích lũy vốn cho kinh doanh như thế nào, "
        "số vốn góp của người địa phương ",
        "(ghi rõ vốn cá nhân tự có, vốn tập thể (vốn thành viên góp)?; loại hình góp vốn (bằng "
        "tiền, mặt bằng, đất, công lao động,...).",
        dots=False,
    )
    blank(doc, 2)
    item(
        doc,
        "21. Nơi sản xuất, hoàn thiện sản phẩm ",
        "(ghi rõ địa chỉ nơi sản xuất, hoàn thiện sản phẩm)",
        dots=False,
    )
    blank(doc)

    heading(doc, "PHẦN E", before=12)
    heading(doc, "THÔNG TIN CHUNG", before=0)
    item(doc, "22. Mô tả vắn tắt phương án kinh doanh và hoạt động kinh doanh:", dots=False)
    for text in (
        "- Mục tiêu sản xuất kinh doanh (ngắn hạn: dưới 1 năm, trung hạn: 1-5 năm: sản xuất số "
        "lượng đạt ?, thị trường,..; doanh số,... ví dụ: trong năm 2018 đạt..., năm 2019 đến "
        "2024 đạt...)",
        "- Quy mô sản xuất (nêu cụ thể: số lao động thường xuyên, diện tích nhà xưởng, sản xuất "
        "tự động, bán tự động, thủ công,...)",
        "- Huy động nguồn lực (nêu rõ nguồn lực đầu tư hoạt động sản xuất: tự có, vốn góp, vốn "
        "đầu tư, hỗ trợ từ bên ngoài,...)",
        "- Kế hoạch tiếp thị sản phẩm (ghi rõ hoạt động chào bán, chào hàng, quảng cáo, cách "
        "thức thực hiện như nào, ở đâu)",
        "- Phương án tài chính (sử dụng tiền ở đâu, như thế nào cho hoạt động sản xuất, kinh "
        "doanh)",
    ):
        line(doc, text, dots=False, indent=5)
        blank(doc)
    line(
        doc,
        "- Sơ đồ tóm tắt quy trình sản xuất tạo sản phẩm (vẽ sơ đồ vào phần để trống dưới đây):",
        dots=False,
        indent=5,
    )
    blank(doc, 4)
    line(
        doc,
        "- Hiệu quả (ghi rõ kinh tế: thu nhập trung bình người lao động; xã hội: đóng góp cho "
        "cộng đồng,...)",
        dots=False,
        indent=5,
    )
    blank(doc)
    item(
        doc,
        "23. Có nhận được hỗ trợ về đào tạo nào không?: ",
        f"Có: {EMPTY}, không: {EMPTY}. Nếu có, trình bày ngắn gọn loại hình đào tạo và tổ chức "
        "thực hiện đào tạo:",
        dots=False,
    )
    blank(doc)
    item(
        doc,
        "24. Có nhận được hỗ trợ nào khác không? ",
        f"Có: {EMPTY}, không: {EMPTY}. Nếu có, trình bày vắn tắt:",
        dots=False,
    )
    blank(doc)
    item(
        doc,
        "25. Chủ thể có tổ chức gặp mặt/họp thường xuyên không ",
        "(ghi số lần họp/tháng, quý, năm nếu có): ",
    )
    item(doc, "26. Cách chia số tiền, lợi nhuận thu được", dots=False)
    blank(doc)
    item(
        doc,
        "27. Liệt kê các thách thức chính của doanh nghiệp/hợp tác xã/tổ hợp tác/hộ gặp phải:",
        dots=False,
    )
    blank(doc, 2)

    heading(doc, "PHẦN G", before=12)
    heading(doc, "NHU CẦU HỖ TRỢ", before=0)
    support_table(
        doc,
        [
            (
                "1",
                "Kỹ thuật",
                "Đào tạo về quản trị kinh doanh, công nghệ chế biến, đóng gói, kiểm soát chất "
                "lượng,... (nêu cụ thể)",
                "",
            ),
            (
                "2",
                "Tiếp thị",
                "Triển lãm, xây dựng thương hiệu, quảng bá, phát triển sản phẩm,... (nêu cụ thể)",
                "",
            ),
            (
                "3",
                "Cơ sở vật chất, trang thiết bị",
                "Nhà xưởng, máy móc, thiết bị (nêu rõ hạng mục, chủng loại, số lượng, dự kiến "
                "kinh phí)",
                "",
            ),
            (
                "4",
                "Tài chính",
                "Kết nối với các tổ chức tài chính để mua thiết bị và máy móc (nêu cụ thể)",
                "",
            ),
            ("5", "Khác", "", ""),
        ],
        "Loại/hỗ trợ cụ thể",
        "Cơ quan/tổ chức có thể đáp ứng nhu cầu hỗ trợ (nếu biết)",
    )
    sender(doc, "OCOP huyện/thành phố: ", "Ý kiến của OCOP huyện/thành phố: ")
    return doc
