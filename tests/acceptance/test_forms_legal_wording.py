"""Mẫu 01 and Mẫu 02 word for word against QĐ 26/2026/QĐ-TTg Phụ lục III (issue 12).

The quotations below are copied from the legal text (``legal/qd-26-2026-qd-ttg.txt`` of the
shared folder, lines 4453–4559); a rendered form must carry each of them as the form words
it: Mẫu 01 item 3 with its three parts, Mẫu 02 Phần II's "Lưu ý" and its four topics, Phần
III's instructions, the re-evaluation instruction and Phần IV's instruction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document

from ocop_docs.production.rendering import render
from ocop_docs.rules.product_sets import product_sets

ROOT = Path(__file__).resolve().parents[2]
HO_SO = ROOT / "samples" / "ho-so"

# QĐ 26/2026 Phụ lục III, Mẫu số 01, item 3 (the footnote mark "1" is a superscript).
ITEM_3 = "3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm1): "
# Mẫu số 02, Phần II.
PART_II = [
    "Nội dung yêu cầu: Đánh giá kết quả triển khai phương án sản xuất, kinh doanh của chủ thể "
    "theo Phương án sản xuất, kinh doanh khi tham gia OCOP.",
    "Lưu ý: trình bày rõ một số nội dung sau:",
    "- Tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói sản phẩm của "
    "chủ thể.",
    "- Sự thay đổi về chất lượng sản phẩm: chất lượng, tiêu chuẩn chất lượng, bao bì, nhãn mác, "
    "hình thức đóng gói,...",
    "- Thị trường phân phối sản phẩm.",
    "- Kết quả sản xuất, kinh doanh: doanh thu, lợi nhuận.",
]
# Mẫu số 02, Phần III, its instructions and the re-evaluation instruction after the table.
PART_III = [
    "- Căn cứ vào Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP tương ứng với sản phẩm đăng ký, "
    "chủ thể tự đánh giá về kết quả (điểm số) có thể đạt theo thứ tự từng tiêu chí.",
    "- Mô tả, chứng minh về kết quả tương ứng (mô tả, tài liệu minh chứng cho nội dung mô tả, "
    "được sắp xếp theo thứ tự các chỉ tiêu trong Bộ tiêu chí).",
    "- Tài liệu minh chứng kèm theo vào phụ lục của Báo cáo, tham khảo hướng dẫn theo bảng dưới "
    "đây:",
]
RE_EVALUATION = (
    "Đối với sản phẩm đăng ký đánh giá, phân hạng lại: cần rà soát, cập nhật những nội dung mới "
    "và đánh giá về những thay đổi, kết quả đạt được sau 3 năm được công nhận OCOP: về nguyên "
    "liệu, công nghệ sử dụng, bao bì, nhãn mác, công bố chất lượng, thị trường tiêu thụ, sản "
    "lượng, doanh thu; bổ sung các giấy tờ minh chứng pháp lý có thời hạn;...."
)
PART_IV = (
    "Trình bày những định hướng, kế hoạch của chủ sở hữu trong thời gian tới về phát triển sản "
    "phẩm, tổ chức sản xuất, thị trường."
)
# Two rows of Phần III's table, as the form has them.
TABLE_ROWS = [
    (
        "Sử dụng lao động địa phương",
        "Danh sách lao động đóng bảo hiểm có xác nhận của chủ thể, bao gồm cả nơi thường trú.",
    ),
    ("Quảng bá sản phẩm", "Tài liệu minh chứng về website, hoạt động quảng bá."),
]


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("forms")
    made = {}
    for kind in ("phieu-dang-ky", "bao-cao-tu-danh-gia"):
        for sample in ("mien-dong-tai-hoan", "du-lich-cong-dong-na-ri", "lan-hai-con-minh"):
            target = out / f"{kind}-{sample}.docx"
            render(kind, HO_SO / sample, target)
            made[f"{kind}/{sample}"] = target
    return made


def test_form_01_item_3_names_branch_group_and_subgroup(forms: dict[str, Path]) -> None:
    items = {
        s: next(p for p in _paragraphs(forms[f"phieu-dang-ky/{s}"]) if p.startswith("3. "))
        for s in ("mien-dong-tai-hoan", "du-lich-cong-dong-na-ri")
    }
    assert items["mien-dong-tai-hoan"] == (
        ITEM_3 + "Ngành: Sản phẩm thực phẩm; Nhóm: Thực phẩm chế biến; "
        "Phân nhóm: Chế biến từ rau, củ, quả, hạt"
    )
    # Phụ lục I has no subgroup for group VI: the form's third part says so.
    assert items["du-lich-cong-dong-na-ri"] == (
        ITEM_3 + "Ngành: Sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch; "
        "Nhóm: Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch; Phân nhóm: không có"
    )


def test_every_product_set_has_the_three_parts() -> None:
    for number, chosen in product_sets().items():
        parts = chosen.classification().split("; ")
        assert len(parts) == 3 and parts[1].startswith("Nhóm: "), number
        assert parts[2].startswith("Phân nhóm: "), number


@pytest.mark.parametrize("sample", ["mien-dong-tai-hoan", "lan-hai-con-minh"])
def test_form_02_carries_the_forms_words(forms: dict[str, Path], sample: str) -> None:
    paras = _paragraphs(forms[f"bao-cao-tu-danh-gia/{sample}"])
    at = paras.index("KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH")
    assert paras[at + 1 : at + 1 + len(PART_II)] == PART_II  # in the form's order, first
    for quote in [*PART_III, RE_EVALUATION, PART_IV]:
        assert quote in paras, quote
    assert paras.index(PART_III[0]) < paras.index(PART_III[1]) < paras.index(PART_III[2])
    assert paras.index(PART_III[2]) < paras.index(RE_EVALUATION) < paras.index(PART_IV)


def test_form_02_table_rows_are_the_forms() -> None:
    rows = yaml.safe_load((ROOT / "schemas" / "documents" / "form-02.yaml").read_text("utf-8"))
    table = {
        " ".join(r["noi_dung"].split()): " ".join(r["yeu_cau"].split()) for r in rows["minh_chung"]
    }
    assert len(table) == 15  # the form's fifteen rows
    for content, requirement in TABLE_ROWS:
        assert table[content] == requirement
