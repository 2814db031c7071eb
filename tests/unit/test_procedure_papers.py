"""The procedure's other papers (issue 12): the commune's proposal letter, the approval of
products of 90 points or more, the letter to the Ministry, the notification of results,
the revocation of a certificate. Built from the samples, rendered to .docx and read back;
the PDF pages are checked in tests/acceptance/test_render_procedure_papers.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from ocop_docs.errors import InputError
from ocop_docs.production.batch import run_batch
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.contexts.letters import two_lines
from ocop_docs.production.inputs import classify
from ocop_docs.production.planning import BatchOptions
from ocop_docs.production.rendering import render
from ocop_docs.production.wording import procedure_wording

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
ROUND_2019 = ROOT / "samples" / "dot-danh-gia" / "na-ri-2019.yaml"
ALLOW = (ROOT / "samples" / "ho-so",)  # where the sample rounds' dossiers are (issue 9)
REVOCATION = ROOT / "samples" / "thu-hoi" / "thai-nguyen-2027-thu-hoi.yaml"


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def edited(
    tmp_path: Path, source: Path, change: dict[str, Any], drop: tuple[str, ...] = ()
) -> Path:
    """A copy of a sample with keys changed or dropped; dossier paths still resolve."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for key in drop:
        data.pop(key, None)
    data.update(change)
    for item in data.get("san_pham") or []:
        if "ho_so" in item:
            item["ho_so"] = str((source.parent / item["ho_so"]).resolve())
    target = tmp_path / source.name
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def error_code(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    return str(excinfo.value.code)


# --- the commune's proposal letter (Điều 6.2.a, 7.2.b) ------------------------------------


def test_commune_letter_lists_every_dossier_of_the_commune(tmp_path: Path) -> None:
    ctx = build_context("de-nghi-xa", ROUND, product=3, allow=ALLOW).context["van_ban_xa"]
    # Products 1 and 3 are both of xã Côn Minh: one letter, both dossiers, in round order.
    assert [p["ten"] for p in ctx["san_pham"]] == ["Miến dong Tài Hoan", "Mật ong rừng Hương Rừng"]
    assert [p["hinh_thuc"] for p in ctx["san_pham"]] == ["Đánh giá, phân hạng lại", "Nâng hạng"]
    assert ctx["so"] == "52/TTr-UBND" and ctx["so_san_pham"] == "02"
    target = tmp_path / "to-trinh.docx"
    render("de-nghi-xa", ROUND, target, product=1, allow=ALLOW)
    text = text_of(target)
    assert "TỜ TRÌNH" in text
    assert "ỦY BAN NHÂN DÂN\nXÃ CÔN MINH" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Thái Nguyên." in text
    assert "Côn Minh, ngày 28 tháng 10 năm 2026" in text
    assert "đối với 02 sản phẩm" in text
    assert "- Hồ sơ sản phẩm (Phiếu đăng ký theo Mẫu số 01" in text
    assert text.count("(trừ nhóm sản phẩm Dịch vụ du lịch cộng đồng") == 1
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Triệu Văn Sơn" in text


def test_commune_without_an_entry_is_signed_by_its_form_03_signer() -> None:
    ctx = build_context("de-nghi-xa", ROUND, product=4, allow=ALLOW).context["van_ban_xa"]
    assert ctx["xa"] == "xã Na Rì"
    assert ctx["so"].strip() == "/TTr-UBND"  # the clerk writes the number
    assert ctx["ngay_dong"] == "Na Rì, ngày …… tháng …… năm ……"
    assert ctx["nguoi_ky"]["quyen_han"] == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert ctx["nguoi_ky"]["ho_ten"] == "Lường Thị Thu"


def test_commune_with_no_signer_gets_no_letter() -> None:
    with pytest.raises(InputError) as excinfo:
        build_context(
            "de-nghi-xa", ROUND, product=2, allow=ALLOW
        )  # xã Trần Phú: no entry, no Mẫu 03
    assert error_code(excinfo) == "render-no-commune-letter"


# --- the approval of products of 90 points or more (Điều 7.3.e) -----------------------


def test_approval_decision_holds_only_products_of_90_points(tmp_path: Path) -> None:
    ctx = build_context("phe-duyet-ket-qua", ROUND, allow=ALLOW).context["phe_duyet"]
    assert [p["ten"] for p in ctx["san_pham"]] == ["Miến dong Tài Hoan"]
    assert ctx["san_pham"][0]["stt"] == "1" and ctx["san_pham"][0]["diem_tb"] == "91,14"
    assert ctx["tham_quyen"] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"
    assert ctx["can_cu"][0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương")
    assert ctx["can_cu"][-1] == (
        "Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số "
        "513/TTr-SNNMT ngày 22 tháng 12 năm 2026."
    )
    target = tmp_path / "phe-duyet.docx"
    render("phe-duyet-ket-qua", ROUND, target, allow=ALLOW)
    text = text_of(target)
    assert "Số: 06/QĐ-UBND" in text
    assert "phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP đạt từ 90 điểm trở lên" in text
    assert "đối với 01 sản phẩm đạt từ 90 điểm trở lên" in text
    assert "DANH SÁCH SẢN PHẨM ĐẠT TỪ 90 ĐIỂM TRỞ LÊN" in text
    assert "(Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2027" in text
    assert "khoản 3 Điều 6 Quyết định số 26/2026/QĐ-TTg" in text


def test_approval_needs_its_block_and_a_product_of_90(tmp_path: Path) -> None:
    without = edited(tmp_path, ROUND, {}, drop=("phe_duyet",))
    with pytest.raises(InputError) as excinfo:
        build_context("phe-duyet-ket-qua", without, allow=ALLOW)
    assert error_code(excinfo) == "render-no-approval"
    (tmp_path / "b").mkdir()
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    data["san_pham"] = data["san_pham"][1:]  # without Miến dong Tài Hoan (91,14)
    for item in data["san_pham"]:
        item["ho_so"] = str((ROUND.parent / item["ho_so"]).resolve())
    none = tmp_path / "b" / "dot.yaml"
    none.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(InputError) as excinfo:
        build_context("phe-duyet-ket-qua", none, allow=ALLOW)
    assert error_code(excinfo) == "render-nothing-proposed"


# --- the letter to the Ministry (Điều 6.3, 7.3.e) --------------------------------------


def test_letter_to_the_ministry_sends_the_dossier_of_article_6_3(tmp_path: Path) -> None:
    ctx = build_context("cong-van-de-nghi", ROUND, allow=ALLOW).context["cong_van"]
    assert ctx["so"] == "118/UBND-KT"
    assert ctx["kinh_gui"] == "Bộ Nông nghiệp và Môi trường"
    papers = procedure_wording().five_star_dossier["lan_dau"]
    assert [g["tieu_de"] for g in ctx["ho_so"]] == [""]  # one case: no group titles
    assert len(ctx["ho_so"][0]["muc"]) == len(papers)
    assert ctx["ho_so"][0]["muc"][-1].endswith(".")
    target = tmp_path / "cong-van.docx"
    render("cong-van-de-nghi", ROUND, target, allow=ALLOW)
    text = text_of(target)
    assert "V/v đề nghị đánh giá, phân hạng sản phẩm OCOP 5 sao năm 2026" in text
    assert "Kính gửi: Bộ Nông nghiệp và Môi trường." in text
    assert "Quyết định số 06/QĐ-UBND ngày 05 tháng 01 năm 2027" in text
    assert "19-02185-001-2026" in text and "91,14" in text
    assert "- Báo cáo đánh giá của Tổ tư vấn Hội đồng cấp tỉnh;" in text
    assert "Thông tin chi tiết xin liên hệ: Chi cục Phát triển nông thôn" in text
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH" in text or "TM. ỦY BAN NHÂN DÂN" in text


def test_letter_for_a_5_star_renewal_lists_article_6_3_b(tmp_path: Path) -> None:
    dossier = tmp_path / "ho-so"
    source = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
    dossier.mkdir()
    for f in source.rglob("*"):
        if f.is_file():
            (dossier / f.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            (dossier / f.relative_to(source)).write_bytes(f.read_bytes())
    data = yaml.safe_load((dossier / "ho-so.yaml").read_text(encoding="utf-8"))
    data["chung_nhan_truoc"]["hang_sao"] = 5
    (dossier / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    rnd = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    rnd["san_pham"] = [dict(rnd["san_pham"][0], ho_so=str(dossier))] + [
        dict(p, ho_so=str((ROUND.parent / p["ho_so"]).resolve())) for p in rnd["san_pham"][1:]
    ]
    path = tmp_path / "dot.yaml"
    path.write_text(yaml.safe_dump(rnd, allow_unicode=True, sort_keys=False), "utf-8")
    ctx = build_context("cong-van-de-nghi", path, allow=ALLOW).context["cong_van"]
    renewal = procedure_wording().five_star_dossier["danh_gia_lai"]
    assert [len(g["muc"]) for g in ctx["ho_so"]] == [len(renewal)]
    assert ctx["ho_so"][0]["muc"][0].startswith("Báo cáo đánh giá của cơ quan tham mưu")


def test_letters_of_a_collective_body_sign_in_three_lines(tmp_path: Path) -> None:
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    deputy = {"quyen_han": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Nguyễn Văn An"}
    ctx = build_context(
        "cong-van-de-nghi",
        edited(tmp_path, ROUND, {"cong_van": {**data["cong_van"], "nguoi_ky": deputy}}),
        allow=ALLOW,
    ).context["cong_van"]
    # NĐ 30 mục II.7: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
    assert ctx["nguoi_ky"]["quyen_han"] == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert ctx["nguoi_ky"]["chuc_vu"] == "PHÓ CHỦ TỊCH"
    (tmp_path / "b").mkdir()
    title_only = {"chuc_vu": "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH", "ho_ten": "Hà Văn Tiến"}
    entries = [dict(data["van_ban_xa"][1], nguoi_ky=title_only)]
    letter = build_context(
        "de-nghi-xa",
        edited(tmp_path / "b", ROUND, {"van_ban_xa": entries}),
        product=5,
        allow=ALLOW,
    ).context["van_ban_xa"]
    assert letter["nguoi_ky"]["quyen_han"] == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert letter["nguoi_ky"]["chuc_vu"] == "PHÓ CHỦ TỊCH"


def test_letter_needs_its_block(tmp_path: Path) -> None:
    with pytest.raises(InputError) as excinfo:
        build_context(
            "cong-van-de-nghi", edited(tmp_path, ROUND, {}, drop=("cong_van",)), allow=ALLOW
        )
    assert error_code(excinfo) == "render-no-letter"


# --- the notification of results (Điều 7.3.g) ------------------------------------------


def test_notification_per_producer_with_its_outcome(tmp_path: Path) -> None:
    proposed = build_context("thong-bao-ket-qua", ROUND, product=1, allow=ALLOW).context[
        "thong_bao"
    ]
    assert proposed["so"] == "21/TB-SNNMT"
    assert proposed["chu_the"] == "Hợp tác xã Tài Hoan"
    assert proposed["co_de_nghi"] and not proposed["co_cong_nhan"]
    assert "đề nghị Bộ Nông nghiệp và Môi trường đánh giá" in proposed["san_pham"][0]["ket_qua"]
    recognised = build_context("thong-bao-ket-qua", ROUND, product=2, allow=ALLOW).context[
        "thong_bao"
    ]
    assert recognised["so"] == "22/TB-SNNMT"
    assert recognised["san_pham"][0]["ket_qua"] == (
        "Đạt 4 sao; được công nhận tại Quyết định số 05/QĐ-UBND ngày 05/01/2027"
    )
    failed = build_context("thong-bao-ket-qua", ROUND, product=6, allow=ALLOW).context["thong_bao"]
    assert failed["san_pham"][0]["ket_qua"] == "Đạt 2 sao; chưa đủ điều kiện công nhận"
    assert failed["co_khong_dat"] and not failed["co_cong_nhan"]
    assert failed["noi_nhan"][-1] == "Lưu: VT."
    target = tmp_path / "tb.docx"
    render("thong-bao-ket-qua", ROUND, target, product=2, allow=ALLOW)
    text = text_of(target)
    assert "UBND TỈNH THÁI NGUYÊN" in text
    assert "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG" in text
    assert "THÔNG BÁO" in text and "Số: 22/TB-SNNMT" in text
    assert "Đối với sản phẩm được công nhận" in text
    assert "Đối với sản phẩm chưa được công nhận" not in text
    assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text


def test_commune_of_a_product_without_a_dossier_from_its_address() -> None:
    from fractions import Fraction

    from ocop_docs.production.contexts.letters import commune_of
    from ocop_docs.production.rounds.model import ProductResult
    from ocop_docs.scoring.council import council_result

    def product(address: str) -> ProductResult:
        return ProductResult(
            1, "Sản phẩm", "Hợp tác xã", address, 1, "", [], council_result([Fraction(70)])
        )

    assert commune_of(product("Thôn Nà Đon, xã Trần Phú, tỉnh Thái Nguyên")) == "xã Trần Phú"
    assert commune_of(product("Tổ 5, phường Phan Đình Phùng, tỉnh Thái Nguyên")) == (
        "phường Phan Đình Phùng"
    )
    assert commune_of(product("Số 3 đường Xã Đàn, Hà Nội")) is None  # a street, not a commune


def test_body_names_break_at_the_middle() -> None:
    assert two_lines("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") == "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG"
    assert two_lines("SỞ CÔNG THƯƠNG") == "SỞ CÔNG THƯƠNG"


# --- the batch ---------------------------------------------------------------------------


def test_batch_makes_one_letter_per_commune_and_one_notice_per_producer(tmp_path: Path) -> None:
    kinds = ("de-nghi-xa", "phe-duyet-ket-qua", "cong-van-de-nghi", "thong-bao-ket-qua")
    result = run_batch(ROUND, tmp_path / "out", BatchOptions(kinds=kinds, jobs=1, allow=ALLOW))
    made = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.docx"))
    letters = [m for m in made if m.startswith("de-nghi-xa/")]
    # Côn Minh (entry), Na Rì (Mẫu 03 signer), Văn Lang (entry); Trần Phú and Cường Lợi
    # have neither, so no letter.
    assert letters == [
        "de-nghi-xa/xa-con-minh.docx",
        "de-nghi-xa/xa-na-ri.docx",
        "de-nghi-xa/xa-van-lang.docx",
    ]
    notices = [m for m in made if m.startswith("thong-bao-ket-qua/")]
    assert len(notices) == 6  # six producers: Hợp tác xã dược liệu Bảo Châu has two products
    two = text_of(tmp_path / "out" / "thong-bao-ket-qua/hop-tac-xa-duoc-lieu-bao-chau.docx")
    assert "Trà Giảo cổ lam Bảo Châu" in two and "Tinh dầu sả chanh Văn Lang" in two
    assert "phe-duyet-ket-qua/phe-duyet-ket-qua_dot-2-nam-2026.docx" in made
    assert "cong-van-de-nghi/cong-van-de-nghi_dot-2-nam-2026.docx" in made
    assert result.exit_code == 0
    # The batch's paper is byte-identical to render's.
    alone = tmp_path / "tb.docx"
    render("thong-bao-ket-qua", ROUND, alone, product=1, allow=ALLOW)
    first = next(m for m in notices if "tai-hoan" in m)
    assert (tmp_path / "out" / first).read_bytes() == alone.read_bytes()


def test_batch_notes_a_kind_the_round_has_no_data_for(tmp_path: Path) -> None:
    source = edited(tmp_path, ROUND, {}, drop=("thong_bao", "phe_duyet"))
    result = run_batch(
        source,
        tmp_path / "out",
        BatchOptions(kinds=("thong-bao-ket-qua", "phe-duyet-ket-qua"), jobs=1, allow=ALLOW),
    )
    assert set(result.notes) == {"thong-bao-ket-qua", "phe-duyet-ket-qua"}
    assert not list((tmp_path / "out").rglob("*.docx"))


# --- revocation (Điều 8) -----------------------------------------------------------------


def test_revocation_file_is_its_own_input() -> None:
    assert classify(REVOCATION) == "revocation"
    assert classify(ROUND) == "round"
    with pytest.raises(InputError) as excinfo:
        build_context("quyet-dinh", REVOCATION, allow=ALLOW)
    assert error_code(excinfo) == "render-input-wrong"
    with pytest.raises(InputError) as excinfo:
        build_context("quyet-dinh-thu-hoi", ROUND, allow=ALLOW)
    assert error_code(excinfo) == "render-input-wrong"


def test_revocation_prints_the_ground_of_article_8_word_for_word(tmp_path: Path) -> None:
    built = build_context("quyet-dinh-thu-hoi", REVOCATION, allow=ALLOW)
    ctx = built.context["thu_hoi"]
    assert built.warnings == []
    assert ctx["tham_quyen"] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"  # 4 stars: Điều 8.2.a
    assert ctx["truong_hop"] == (
        "thuộc trường hợp quy định tại điểm c khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg"
    )
    assert ctx["can_cu_thu_hoi"] == [procedure_wording().revocation_grounds["c"] + "."]
    target = tmp_path / "thu-hoi.docx"
    render("quyet-dinh-thu-hoi", REVOCATION, target, allow=ALLOW)
    text = text_of(target)
    assert "Về việc thu hồi Giấy chứng nhận sản phẩm OCOP" in text
    assert "Số: 1420/QĐ-UBND" in text
    assert "Căn cứ Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2027" in text
    assert "Căn cứ Kết luận thanh tra số 15/KL-SYT" in text
    assert "«Sản phẩm OCOP vi phạm quy định pháp luật về chất lượng sản phẩm" in text
    assert "- Lô sản phẩm sản xuất tháng 8 năm 2027" in text
    assert "13/GCN-UBND\n05/QĐ-UBND\nngày 05/01/2027" in text
    assert "Mật ong rừng Hương Rừng" in text and "19-02185-002-2026" in text
    assert "đơn vị có liên quan và Hợp tác xã Hương Rừng chịu trách nhiệm thi hành" in text


def _revocation(tmp_path: Path, **change: Any) -> Path:
    data = yaml.safe_load(REVOCATION.read_text(encoding="utf-8"))
    for key, value in change.items():
        if value is None:
            data["thu_hoi"].pop(key, None)
        else:
            data["thu_hoi"][key] = value
    path = tmp_path / "thu-hoi.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_revocation_ground_by_unknown_key_is_refused_with_the_list(tmp_path: Path) -> None:
    with pytest.raises(InputError) as excinfo:
        build_context(
            "quyet-dinh-thu-hoi", _revocation(tmp_path, can_cu_thu_hoi=["g"]), allow=ALLOW
        )
    assert error_code(excinfo) == "render-revocation-ground-unknown"
    assert "a, b, c, d, đ, e" in excinfo.value.message("vi")


def test_revocation_with_free_text_only(tmp_path: Path) -> None:
    ctx = build_context(
        "quyet-dinh-thu-hoi", _revocation(tmp_path, can_cu_thu_hoi=None), allow=ALLOW
    ).context
    assert ctx["thu_hoi"]["truong_hop"] == "" and ctx["thu_hoi"]["can_cu_thu_hoi"] == []
    target = tmp_path / "x.docx"
    render("quyet-dinh-thu-hoi", tmp_path / "thu-hoi.yaml", target, allow=ALLOW)
    assert "khoản 1 Điều 8" not in text_of(target)


def test_revocation_needs_a_ground_or_a_reason(tmp_path: Path) -> None:
    path = _revocation(tmp_path, can_cu_thu_hoi=None, ly_do=None)
    with pytest.raises(InputError) as excinfo:
        build_context("quyet-dinh-thu-hoi", path, allow=ALLOW)
    assert error_code(excinfo) == "render-revocation-invalid"


def test_revocation_after_15_days_warns(tmp_path: Path) -> None:
    built = build_context(
        "quyet-dinh-thu-hoi", _revocation(tmp_path, ngay="2027-11-20"), allow=ALLOW
    )
    assert [w.code for w in built.warnings] == ["render-revocation-late"]


def test_revoking_a_5_star_certificate_is_the_ministers(tmp_path: Path) -> None:
    data = yaml.safe_load(REVOCATION.read_text(encoding="utf-8"))
    data["giay_chung_nhan"][0]["hang_sao"] = 5
    path = tmp_path / "thu-hoi.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    ctx = build_context("quyet-dinh-thu-hoi", path, allow=ALLOW).context["thu_hoi"]
    assert ctx["tham_quyen"] == "BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    assert not any("chính quyền địa phương" in c for c in ctx["can_cu"])  # not the province's


def test_revocation_on_several_grounds_cites_them_as_a_legal_text_does(tmp_path: Path) -> None:
    path = _revocation(tmp_path, can_cu_thu_hoi=["b", "c", "d"])
    ctx = build_context("quyet-dinh-thu-hoi", path, allow=ALLOW).context["thu_hoi"]
    assert ctx["truong_hop"].startswith("thuộc trường hợp quy định tại các điểm b, c và d khoản 1")
    assert [g[-1] for g in ctx["can_cu_thu_hoi"]] == [";", ";", "."]


# --- a partial round (issue 12) ------------------------------------------------------------


def partial_round(tmp_path: Path) -> Path:
    """The sample round with product 2 broken (three scores for seven members), as in
    tests/unit/test_partial_round.py."""
    folder = tmp_path / "mau"
    shutil.copytree(ROOT / "samples" / "ho-so", folder / "ho-so", symlinks=True)
    (folder / "dot-danh-gia").mkdir()
    good = "    diem: [74, 72, 76, 71, 73, 75, 72]          # TB 73,29 → 4 sao"
    text = ROUND.read_text(encoding="utf-8")
    assert good in text
    target = folder / "dot-danh-gia" / "dot.yaml"
    target.write_text(text.replace(good, "    diem: [74, 72, 76]"), encoding="utf-8")
    return target


def test_partial_round_withholds_the_approval_and_the_letter(tmp_path: Path) -> None:
    kinds = ("phe-duyet-ket-qua", "cong-van-de-nghi", "thong-bao-ket-qua")
    source = partial_round(tmp_path)
    result = run_batch(
        source,
        tmp_path / "out",
        BatchOptions(kinds=kinds, jobs=1, allow=(tmp_path / "mau" / "ho-so",)),
    )
    withheld = {i.kind: i for i in result.failures if i.kind in kinds}
    assert set(withheld) == {"phe-duyet-ket-qua", "cong-van-de-nghi"}
    assert all(r.error and r.error["code"] == "batch-council-withheld" for r in withheld.values())
    notices = [i for i in result.items if i.kind == "thong-bao-ket-qua" and i.status == "ok"]
    assert len(notices) == 5  # the producers of the products that succeeded
    drafted = run_batch(
        source,
        tmp_path / "draft",
        BatchOptions(kinds=kinds, jobs=1, allow=(tmp_path / "mau" / "ho-so",), draft=True),
    )
    approval = next(i for i in drafted.items if i.kind == "phe-duyet-ket-qua")
    assert approval.status == "ok"
    text = text_of(tmp_path / "draft" / f"{approval.id}.docx")
    assert "còn 01 sản phẩm bị lỗi" in text


def test_papers_of_the_2026_procedure_refuse_an_older_round(tmp_path: Path) -> None:
    for kind, product in (("de-nghi-xa", 1), ("phe-duyet-ket-qua", None), ("thong-bao-ket-qua", 1)):
        with pytest.raises(InputError) as excinfo:
            build_context(kind, ROUND_2019, product=product, allow=ALLOW)
        assert error_code(excinfo) == "render-regime-procedure", kind
    result = run_batch(
        ROUND_2019,
        tmp_path / "out",
        BatchOptions(kinds=("thong-bao-ket-qua",), jobs=1, allow=ALLOW),
    )
    assert result.notes == ["thong-bao-ket-qua"]
