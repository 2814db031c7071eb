"""Issue 11, historical regimes: the documents of a QĐ 1048/2019 round follow the procedure
of QĐ 1048/QĐ-TTg Phụ lục II (who receives, who scores, who certifies) and print that
decision's own forms (Phụ lục III's sheet header), and hints name the regime.

Each test failed before the change: the 1048 sheet printed QĐ 26/2026's commune-code legend,
a district round of 1048 was refused ("not competent"), its minutes proposed recognition,
and the hints sent the user to the 26/2026 rubrics.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.main import cli
from ocop_docs.production.batch import BatchOptions, run_batch
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.rendering import render
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.production.wording import sheet_header

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = ROOT / "samples" / "dot-danh-gia"
ROUND_2019 = ROUNDS / "na-ri-2019.yaml"
ALLOW = (ROOT / "samples" / "ho-so",)  # the sample rounds' dossiers (issue 9)
DOSSIER_2026 = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


# --- the scoring sheet's header (QĐ 1048 Phụ lục III) -------------------------------------


def test_1048_sheet_prints_its_own_header_not_the_2026_code_legend(tmp_path: Path) -> None:
    out = tmp_path / "2019.docx"
    render("phieu-danh-gia", ROUND_2019, out, product=1, allow=ALLOW)
    text = text_of(out)
    # Phụ lục III: "(Kiêm Phiếu … của thành viên Hội đồng đánh giá)", the code
    # "(T)-(H)-(STT)-20…" of the district, units of QĐ 124/2004/QĐ-TTg; no phone line.
    assert "(Kiêm Phiếu đánh giá sản phẩm OCOP của thành viên Hội đồng đánh giá)" in text
    assert "Mã số sản phẩm: .(T).-.(H).-.(STT).-20……" in text
    assert "H: Mã huyện" in text and "124/2004/QĐ-TTg ngày 8/7/2004" in text
    assert "19/2025/QĐ-TTg" not in text and "X: Mã xã" not in text
    assert "Số điện thoại" not in text


def test_2026_sheet_keeps_its_header(tmp_path: Path) -> None:
    out = tmp_path / "2026.docx"
    render("phieu-danh-gia", DOSSIER_2026, out)
    text = text_of(out)
    assert "(Kiêm phiếu đánh giá sản phẩm OCOP)" in text
    assert "X: Mã xã - STT: Số thứ tự sản phẩm do xã lập thống kê" in text
    assert "19/2025/QĐ-TTg ngày 30/6/2025" in text and "Số điện thoại: " in text
    sheet = build_context("phieu-danh-gia", DOSSIER_2026).context["phieu"][0]
    assert sheet["dau_phieu_rieng"] is False


def test_template_literals_are_the_2026_data() -> None:
    """The template prints QĐ 26/2026's header lines as its own text (so the shipped outputs
    stay as they were); they must be the data's."""
    spec = importlib.util.spec_from_file_location("bt", ROOT / "scripts" / "build_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bt"] = module  # its dataclasses look their module up by name
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["bt"]
    header = sheet_header("26/2026")
    assert header.phu_de == module.SHEET_SUBTITLE
    assert header.chu_giai == module.SHEET_CODE_LEGEND


# --- a district round of QĐ 1048: the council scores and forwards, recognises nothing ------

ROUND_DISTRICT = ROUNDS / "na-ri-2019-huyen.yaml"


def test_district_round_of_1048_is_valid_and_forwards_from_50() -> None:
    # Before: "round-level-not-competent" (QĐ 1048 has no district recognition).
    rnd = load_round(ROUND_DISTRICT, allow=ALLOW)
    assert rnd.valid, [i.message() for i in rnd.issues]
    assert rnd.competence is not None and rnd.competence.stars == ()
    assert [p.proposed_up for p in rnd.products] == [True] * 5 + [False]  # 44 points: not
    assert not any(p.recognised for p in rnd.products)


def test_district_minutes_record_the_products_forwarded_to_the_province(tmp_path: Path) -> None:
    out = tmp_path / "bien-ban.docx"
    render("bien-ban", ROUND_DISTRICT, out, allow=ALLOW)
    text = text_of(out)
    assert "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP HUYỆN NA RÌ" in text
    assert "Na Rì, ngày 26 tháng 11 năm 2019" in text and "Số: 03/BB-HĐ" in text
    # QĐ 1048 Phụ lục II mục 4.a(2)–(3): ranked 1–5 stars, from 50 points forwarded.
    assert "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện thống nhất" in text
    assert (
        "a) Sản phẩm đạt từ 50 điểm trở lên, đề nghị Ủy ban nhân dân huyện Na Rì chuyển hồ sơ "
        "và sản phẩm mẫu đến Ủy ban nhân dân tỉnh Bắc Kạn đánh giá, phân hạng, công nhận "
        "(05 sản phẩm):"
    ) in text
    assert "- Gà đồi Trần Phú (Hợp tác xã Trần Phú): 62,00 điểm, hạng 3 sao;" in text
    assert "b) Sản phẩm chưa đạt 50 điểm, không đề nghị cấp tỉnh đánh giá" in text
    assert "3 sao, đề nghị cấp tỉnh" in text  # the table's result column
    assert "Hội đồng báo cáo kết quả đánh giá gửi Ủy ban nhân dân huyện Na Rì." in text
    # No recognition at the district (before: "đề nghị công nhận đạt tiêu chuẩn … cấp huyện").
    assert "đề nghị công nhận" not in text and "không cấp giấy chứng nhận" not in text


def test_district_round_has_no_decision_nor_certificate(tmp_path: Path) -> None:
    runner = CliRunner()
    for kind, extra in (("quyet-dinh", []), ("giay-chung-nhan", ["--product", "1"])):
        args = ["render", kind, str(ROUND_DISTRICT), *extra, "-o", str(tmp_path / f"{kind}.docx")]
        result = runner.invoke(cli, [*args, "--allow", str(ALLOW[0])])
        assert result.exit_code == 1, result.output
        assert "chỉ chấm điểm, xếp hạng và đề xuất sản phẩm lên cấp tỉnh" in result.output
        assert f"đợt cấp huyện không có «{kind}»" in result.output
        assert not (tmp_path / f"{kind}.docx").exists()
    args = ["render", "quyet-dinh", str(ROUND_DISTRICT), "-o", str(tmp_path / "q.docx")]
    english = runner.invoke(cli, [*args, "--allow", str(ALLOW[0]), "--lang", "en"])
    assert english.exit_code == 1
    assert "the district OCOP evaluation council only scores" in english.output


def test_district_letter_proposes_the_products_to_the_province(tmp_path: Path) -> None:
    out = tmp_path / "cong-van.docx"
    render("cong-van-de-nghi", ROUND_DISTRICT, out, allow=ALLOW)
    text = text_of(out)
    assert "ỦY BAN NHÂN DÂN\nHUYỆN NA RÌ" in text and "Số: 812/UBND-NN" in text
    assert "V/v đề nghị cấp tỉnh đánh giá, phân hạng, công nhận sản phẩm OCOP năm 2019" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Bắc Kạn." in text
    assert (
        "Ủy ban nhân dân huyện Na Rì đề nghị Ủy ban nhân dân tỉnh Bắc Kạn đánh giá, phân hạng, "
        "công nhận sản phẩm OCOP đối với 05 sản phẩm sau:"
    ) in text
    # QĐ 1048 Phụ lục II mục 3.b (not QĐ 26/2026 Điều 6.3, not "5 sao").
    assert "Hồ sơ gửi kèm (theo mục 3.b Phụ lục II Quyết định số 1048/QĐ-TTg" in text
    assert "- Biên bản đánh giá của Hội đồng cấp huyện;" in text
    assert "Điểm cấp huyện" in text and "5 sao" not in text and "26/2026" not in text
    assert "Bánh gio" not in text  # 44 points: not forwarded


def test_district_batch_makes_minutes_and_letter_notes_the_rest(tmp_path: Path) -> None:
    kinds = ("bien-ban", "quyet-dinh", "giay-chung-nhan", "cong-van-de-nghi")
    result = run_batch(
        ROUND_DISTRICT, tmp_path / "out", BatchOptions(kinds=kinds, jobs=1, allow=ALLOW)
    )
    made = sorted(i.kind for i in result.items if i.status == "ok")
    assert made == ["bien-ban", "cong-van-de-nghi"]
    assert not [i for i in result.items if i.status != "ok"]


# --- a provincial round of QĐ 1048: UBND tỉnh recognises 3–4★, sends ≥ 90 to the Ministry ---


def test_provincial_minutes_and_decision_follow_1048(tmp_path: Path) -> None:
    minutes, decision = tmp_path / "bien-ban.docx", tmp_path / "quyet-dinh.docx"
    render("bien-ban", ROUND_2019, minutes, allow=ALLOW)
    render("quyet-dinh", ROUND_2019, decision, allow=ALLOW)
    text = text_of(minutes)
    assert "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH BẮC KẠN" in text
    assert "a) Sản phẩm đề nghị công nhận đạt tiêu chuẩn sản phẩm OCOP cấp tỉnh" in text
    text = text_of(decision)
    # The regime's own act by its exact title, not QĐ 26/2026 (the sample names no căn cứ).
    assert (
        "Căn cứ Quyết định số 1048/QĐ-TTg ngày 21 tháng 8 năm 2019 của Thủ tướng Chính phủ "
        "về việc ban hành Bộ tiêu chí đánh giá, phân hạng sản phẩm Chương trình mỗi xã một "
        "sản phẩm;"
    ) in text
    assert "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015" in text
    assert "kết quả đánh giá, phân hạng sản phẩm của Hội đồng đánh giá, phân hạng sản phẩm " in text
    assert "OCOP tỉnh Bắc Kạn ngày 20 tháng 12 năm 2019;" in text
    assert "Xét đề nghị của Ủy ban nhân dân huyện Na Rì tại Công văn số 812/UBND-NN" in text
    assert "26/2026" not in text and "Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn quyết định" not in text
    assert "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" in text  # the committee decides (1048), not its Chủ tịch


def _with_a_product_of_90(tmp_path: Path) -> Path:
    """The provincial sample with a product of 90 points or more and a letter to the Ministry."""
    data = yaml.safe_load(ROUND_2019.read_text(encoding="utf-8"))
    data["san_pham"][0]["ho_so"] = str(ALLOW[0] / "ga-doi-tran-phu-2019")
    data["san_pham"].append(
        {
            "ten": "Miến dong Côn Minh (hư cấu)",
            "chu_the": "Hợp tác xã Côn Minh",
            "dia_chi": "xã Côn Minh, huyện Na Rì, tỉnh Bắc Kạn",
            "diem": [92, 91, 93, 90, 92, 91, 92, 93, 90],
        }
    )
    data["cong_van"] = {
        "so": 55,
        "ngay": "2020-01-15",
        "nguoi_ky": {"quyen_han": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "X"},
    }
    path = tmp_path / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_provincial_decision_and_letter_send_90_points_to_the_ministry(tmp_path: Path) -> None:
    source = _with_a_product_of_90(tmp_path)
    decision, letter = tmp_path / "quyet-dinh.docx", tmp_path / "cong-van.docx"
    render("quyet-dinh", source, decision, allow=ALLOW)
    text = text_of(decision)
    # Phụ lục II mục 4.b(4): 3–4★ recognised; from 90 points sent to the Ministry (MARD).
    assert "Điều 1. Công nhận 05 sản phẩm đạt tiêu chuẩn sản phẩm OCOP cấp tỉnh" in text
    assert (
        "Chuyển hồ sơ và sản phẩm mẫu của 01 sản phẩm đạt từ 90 điểm trở lên đến Bộ Nông "
        "nghiệp và Phát triển nông thôn đề nghị đánh giá, phân hạng, công nhận sản phẩm OCOP "
        "cấp quốc gia:"
    ) in text
    assert "- Miến dong Côn Minh (hư cấu) (Hợp tác xã Côn Minh): 91,56 điểm." in text
    render("cong-van-de-nghi", source, letter, allow=ALLOW)
    text = text_of(letter)
    assert "Kính gửi: Bộ Nông nghiệp và Phát triển nông thôn." in text
    assert "công nhận sản phẩm OCOP cấp quốc gia năm 2019" in text
    assert "công nhận sản phẩm OCOP cấp quốc gia đối với 01 sản phẩm sau:" in text
    assert "và Quyết định số 45/QĐ-UBND ngày 10 tháng 01 năm 2020 của Ủy ban nhân dân" in text
    assert "Hồ sơ gửi kèm (theo mục 3.c Phụ lục II Quyết định số 1048/QĐ-TTg" in text
    assert "- Biên bản đánh giá của Hội đồng cấp tỉnh;" in text
    assert "Điểm cấp tỉnh" in text and "Bộ Nông nghiệp và Môi trường" not in text


def test_2026_decision_has_no_forwarding_paragraph(tmp_path: Path) -> None:
    """QĐ 26/2026 approves ≥ 90 in its own decision (phe-duyet-ket-qua), not in this one."""
    out = tmp_path / "qd.docx"
    render("quyet-dinh", ROUNDS / "thai-nguyen-2026-dot-2.yaml", out, allow=ALLOW)
    assert "Chuyển hồ sơ và sản phẩm mẫu" not in text_of(out)


# --- hints that send the user to the rubrics name the regime ------------------------------


def _card(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "phieu.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_scorecard_hints_of_1048_name_the_regime(tmp_path: Path) -> None:
    runner = CliRunner()
    old = {"bo_san_pham": 8, "bo_tieu_chi": "1048/2019", "so_bo_tieu_chi": 9, "chon": {"9.9": 1}}
    result = runner.invoke(cli, ["rubric", "score", str(_card(tmp_path, old)), "--lang", "en"])
    # Before: "See the criteria: ocop-docs rubric show 9" (the 2026 rubric 9, another set).
    assert "ocop-docs rubric show 9 --regime 1048/2019" in result.output
    new = {"bo_san_pham": 8, "chon": {"9.9": 1}}
    result = runner.invoke(cli, ["rubric", "score", str(_card(tmp_path, new)), "--format", "json"])
    assert "ocop-docs rubric show 8" in result.output
    assert "--regime" not in result.output and "tuy_chon" not in result.output  # as before
    no_set = {"bo_tieu_chi": "1048/2019", "chon": {}}
    result = runner.invoke(cli, ["rubric", "score", str(_card(tmp_path, no_set))])
    assert "ocop-docs rubric list --regime 1048/2019" in result.output


def test_round_card_hint_names_the_regime(tmp_path: Path) -> None:
    data = yaml.safe_load(ROUND_2019.read_text(encoding="utf-8"))
    first = data["san_pham"][0]
    first["ho_so"] = str(ALLOW[0] / "ga-doi-tran-phu-2019")
    first.pop("diem")
    first["phieu"] = {m["ma"]: {"chon": {"1.1": 9}} for m in data["hoi_dong"]["thanh_vien"]}
    path = tmp_path / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rnd = load_round(path, allow=ALLOW)
    hints = {i.hint("vi") for i in rnd.issues if i.code == "round-scorecard-invalid"}
    assert hints and all("ocop-docs rubric show N --regime 1048/2019" in h for h in hints)


def test_self_assessment_hint_names_the_1048_rubric(tmp_path: Path) -> None:
    target = tmp_path / "ho-so"
    shutil.copytree(ALLOW[0] / "ga-doi-tran-phu-2019", target)
    data = yaml.safe_load((target / "ho-so.yaml").read_text(encoding="utf-8"))
    data["tu_danh_gia"] = {"chon": {"1.1": 1}}
    (target / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(target), "--format", "json"])
    issues = json.loads(result.output)["dossiers"][0]["issues"]
    hint = next(i["hint"] for i in issues if i["code"] == "self-assessment-incomplete")
    # Product set 2 is QĐ 1048's rubric 2 ("Thịt, trứng, sữa tươi"), under its regime.
    assert hint.endswith("ocop-docs rubric show 2 --regime 1048/2019")


def test_council_size_of_the_level_is_checked(tmp_path: Path) -> None:
    """QĐ 1048 Phụ lục II mục 2: 05–07 members at the district, 09–11 at the province. The
    district's five-member council declared as the provincial round's is flagged."""
    for sample in (ROUND_DISTRICT, ROUND_2019):
        assert not [i for i in load_round(sample, allow=ALLOW).issues if i.code.endswith("size")]
    data = yaml.safe_load(ROUND_DISTRICT.read_text(encoding="utf-8"))
    data["cap"] = "tinh"
    data["san_pham"][0]["ho_so"] = str(ALLOW[0] / "ga-doi-tran-phu-2019")
    path = tmp_path / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = [i for i in load_round(path, allow=ALLOW).issues if i.code == "round-council-size"]
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].message("vi") == (
        "Hội đồng có 05 thành viên; theo bộ tiêu chí 1048/2019, Hội đồng đánh giá, phân hạng "
        "sản phẩm OCOP cấp tỉnh có từ 09 đến 11 thành viên (QĐ 1048/QĐ-TTg Phụ lục II mục 2.b)."
    )


def test_2026_approval_keeps_its_single_proposal_basis() -> None:
    """The recognition decision's ``de_nghi`` is its own: the approval of ≥ 90 points
    (QĐ 26/2026, phe_duyet.de_nghi) still ends with one "Theo đề nghị của …"."""
    ctx = build_context(
        "phe-duyet-ket-qua", ROUNDS / "thai-nguyen-2026-dot-2.yaml", allow=ALLOW
    ).context["phe_duyet"]
    basis = " ".join(ctx["can_cu"])
    assert basis.count("đề nghị của") == 1 and "Theo đề nghị của" in basis
