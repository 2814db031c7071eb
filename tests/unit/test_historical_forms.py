"""A historical dossier (QĐ 1048/2019) renders the forms of its own regime (issue 11, 12).

QĐ 1048/QĐ-TTg Phụ lục II mục 3.a: Biểu 01 (new product) or 02 (existing product), Biểu 03
(business plan), Biểu 04 (organisation). ``render phieu-dang-ky`` of a 1048 dossier makes its
Biểu 02 and says so; the self-assessment report and the commune report, which 1048 does not
have, are refused with a message naming the forms it has; a 1048 form is not printed for a
dossier of another regime; ``batch`` makes each dossier's own forms.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.main import cli
from ocop_docs.errors import InputError
from ocop_docs.production.rendering import render

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu-2019"
TODAY = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu"
ROUND_2019 = ROOT / "samples" / "dot-danh-gia" / "na-ri-2019.yaml"
FORMS = ("bieu-01-1048", "bieu-02-1048", "bieu-03-1048", "bieu-04-1048")
# What each form prints as the text has it, and what it prints from the 2019 sample.
PRINTED = {
    "bieu-01-1048": (
        "BIỂU SỐ 01: PHIẾU ĐĂNG KÝ SẢN PHẨM MỚI",
        "THÔNG TIN Ý TƯỞNG SẢN PHẨM MỚI",
        "DÀNH CHO CÁN BỘ QUẢN LÝ CHƯƠNG TRÌNH OCOP CẤP TỈNH",
        "Xin gửi Phiếu đăng ký này đến OCOP huyện /thành phố: Na Rì",
        "Hợp tác xã ☒",
        "Ý kiến của OCOP cấp huyện:",
    ),
    "bieu-02-1048": (
        "BIỂU SỐ 02: PHIẾU ĐĂNG KÝ SẢN PHẨM ĐÃ CÓ",
        "MÔI TRƯỜNG KINH DOANH",
        "2. Ngày thành lập/đăng ký kinh doanh: 01/06/2017",
        "3. Loại hình tổ chức (cá nhân, hộ gia đình, tổ hợp tác, hợp tác xã, doanh nghiệp): "
        "Hợp tác xã",
        "4. Tên người điều hành chủ thể sản xuất: Hoàng Văn Phúc (Giám đốc)",
        "Gà đồi Trần Phú, Gà ri lai thả đồi, gà nguyên con làm sạch",
        "27. Liệt kê các thách thức chính",
        "Xin gửi Phiếu đăng ký này đến OCOP huyện/thành phố: Na Rì",
    ),
    "bieu-03-1048": (
        "BIỂU SỐ 03: PHƯƠNG ÁN SẢN XUẤT KINH DOANH",
        "(Áp dụng cho 01 sản phẩm cụ thể)",
        "2. Địa chỉ trụ sở chính: Thôn Nà Đon, xã Trần Phú, huyện Na Rì, tỉnh Bắc Kạn",
        "PHẦN IV. PHƯƠNG ÁN TÀI CHÍNH",
        "ĐẠI DIỆN THEO PHÁP LUẬT CỦA DOANH NGHIỆP/HỢP TÁC XÃ",
    ),
    "bieu-04-1048": (
        "BIỂU SỐ 04: MẪU GIỚI THIỆU VỀ TỔ CHỨC",
        "HỢP TÁC XÃ TRẦN PHÚ",
        "6. Phương án bảo vệ môi trường",
        "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ",
    ),
}


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("kind", FORMS)
def test_each_1048_form_renders_from_the_2019_sample(tmp_path: Path, kind: str) -> None:
    result = render(kind, OLD, tmp_path / f"{kind}.docx")
    assert result.kind == kind and result.placeholders == [] and result.warnings == []
    text = _text(result.output)
    for printed in PRINTED[kind]:
        assert printed in text, printed
    # Every form names the product or the producer from the dossier …
    assert "Hợp tác xã Trần Phú" in text or "HỢP TÁC XÃ TRẦN PHÚ" in text
    assert "Hoàng Văn Phúc" in text  # … and the representative under the signature
    assert "{{" not in text and "{%" not in text and "[[" not in text


def test_the_forms_print_the_dossier_papers_and_boxes(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    shutil.copytree(OLD, folder)
    data = yaml.safe_load((folder / "ho-so.yaml").read_text(encoding="utf-8"))
    data["chu_the"]["email"] = "htx.tranphu@example.vn"
    data["chu_the"]["so_dang_ky"] = "13.07.G.000123"
    data["tai_lieu"][3].update(so="13.07.G.000123", ngay_cap="2017-06-01")
    (folder / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    plan = _text(render("bieu-03-1048", folder, tmp_path / "b3.docx").output)
    # Biểu 03 mục III "Các giấy phép, chứng nhận... hiện hành": the dossier's legal papers.
    assert "- Giấy chứng nhận đăng ký kinh doanh số 13.07.G.000123, cấp ngày 01/06/2017" in plan
    form = _text(render("bieu-02-1048", folder, tmp_path / "b2.docx").output)
    assert "Số đăng ký (nếu có): 13.07.G.000123" in form
    assert "Email: htx.tranphu@example.vn" in form
    # No quality declaration among the papers: its box stays for the producer.
    assert "(tự công bố/xác nhận công bố): ☐" in form


def test_mau_01_of_a_1048_dossier_is_its_bieu_02(tmp_path: Path) -> None:
    result = render("phieu-dang-ky", OLD, tmp_path / "phieu.docx")
    assert result.kind == "bieu-02-1048"
    assert [w.code for w in result.warnings] == ["render-form-regime-equivalent"]
    assert "bieu-01-1048" in result.warnings[0].hint("vi")
    text = _text(result.output)
    assert "PHIẾU ĐĂNG KÝ SẢN PHẨM ĐÃ CÓ" in text
    assert "Tham gia đánh giá, phân hạng sản phẩm OCOP" not in text  # not today's Mẫu 01


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        ("bao-cao-tu-danh-gia", "báo cáo tự đánh giá về sản phẩm"),
        ("bao-cao-xa", "báo cáo đánh giá của UBND cấp xã"),
    ],
)
def test_forms_1048_lacks_are_refused_with_the_forms_it_has(
    tmp_path: Path, kind: str, missing: str
) -> None:
    out = tmp_path / "mau.docx"
    with pytest.raises(InputError) as exc:
        render(kind, OLD, out)
    assert exc.value.code == "render-form-not-in-regime" and exc.value.exit_code == 1
    message = exc.value.message("vi")
    assert "Quyết định đó không có biểu mẫu " + missing in message
    for form in FORMS:
        assert form in message
    assert "Biểu số 03 Phương án sản xuất kinh doanh" in message
    assert "has no" in exc.value.message("en") and "bieu-04-1048" in exc.value.message("en")
    assert not out.exists()


def test_a_1048_form_is_not_printed_for_todays_dossier(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        render("bieu-02-1048", TODAY, tmp_path / "b2.docx")
    assert exc.value.code == "render-form-other-regime"
    assert "26/2026" in exc.value.message("vi") and "phieu-dang-ky" in exc.value.hint("vi")
    assert not (tmp_path / "b2.docx").exists()


def test_bieu_01_is_not_an_upgrades_form(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    shutil.copytree(OLD, folder)
    text = (folder / "ho-so.yaml").read_text(encoding="utf-8")
    (folder / "ho-so.yaml").write_text(text.replace("lan_dau", "danh_gia_lai"), "utf-8")
    with pytest.raises(InputError) as exc:
        render("bieu-01-1048", folder, tmp_path / "b1.docx")
    assert exc.value.code == "render-form-new-product-only"
    assert "bieu-02-1048" in exc.value.hint("vi")


def test_cli_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["render", "phieu-dang-ky", str(OLD), "-o", str(tmp_path / "p.docx")])
    assert ok.exit_code == 0, ok.output
    assert "Đã lập bieu-02-1048" in ok.stdout
    assert "Mẫu 01 của Quyết định 26/2026/QĐ-TTg không áp dụng" in ok.stderr
    for kind in FORMS:
        made = runner.invoke(cli, ["render", kind, str(OLD), "-o", str(tmp_path / f"{kind}.docx")])
        assert made.exit_code == 0, made.output
    refused = runner.invoke(
        cli, ["render", "bao-cao-tu-danh-gia", str(OLD), "-o", str(tmp_path / "b.docx")]
    )
    assert refused.exit_code == 1
    assert "Quyết định đó không có biểu mẫu báo cáo tự đánh giá" in refused.stderr
    assert not (tmp_path / "b.docx").exists()
    other = runner.invoke(
        cli, ["render", "bieu-03-1048", str(TODAY), "-o", str(tmp_path / "x.docx"), "--lang", "en"]
    )
    assert other.exit_code == 1 and "is a form of Decision 1048/QĐ-TTg" in other.stderr


def test_batch_makes_each_dossiers_own_registration_form(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    shutil.copytree(OLD, folder / OLD.name)
    shutil.copytree(TODAY, folder / TODAY.name)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["batch", str(folder), "-o", str(out), "--format", "json", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["warnings"] == []
    assert len(list((out / "phieu-dang-ky").glob("*.docx"))) == 1  # today's dossier: Mẫu 01
    assert len(list((out / "bieu-02-1048").glob("*.docx"))) == 1  # the 2019 one: Biểu 02
    assert len(list((out / "kiem-tra").glob("*.txt"))) == 2


def test_batch_says_which_forms_a_regime_lacks(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    shutil.copytree(OLD, folder / OLD.name)
    out = tmp_path / "out"
    kinds = "bao-cao-tu-danh-gia,bieu-03-1048,bieu-04-1048,phieu-dang-ky,bieu-02-1048"
    result = CliRunner().invoke(
        cli,
        ["batch", str(folder), "-o", str(out), "--kinds", kinds, "--format", "json"],
    )
    payload = json.loads(result.stdout)
    assert [w["code"] for w in payload["warnings"]] == ["batch-form-skipped"]
    assert "bao-cao-tu-danh-gia" in payload["warnings"][0]["message"]
    assert "báo cáo tự đánh giá" in payload["warnings"][0]["message"]
    made = sorted(p.parent.name for p in out.glob("*/*.docx"))
    # phieu-dang-ky and bieu-02-1048 asked together give one Biểu 02.
    assert made == ["bieu-02-1048", "bieu-03-1048", "bieu-04-1048"]


def test_a_1048_round_makes_its_products_bieu_02(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(ROUND_2019),
            "--allow",
            str(ROOT / "samples" / "ho-so"),
            "-o",
            str(out),
            "--kinds",
            "phieu-dang-ky",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert "phieu-dang-ky" not in payload.get("notes", [])
    assert [p.parent.name for p in out.glob("*/*.docx")] == ["bieu-02-1048"]


def test_a_148_dossier_is_still_refused(tmp_path: Path) -> None:
    from ocop_docs.production.contexts.dossier import require_form_regime

    with pytest.raises(InputError) as exc:
        require_form_regime({"bo_tieu_chi": "148/2023"})
    assert exc.value.code == "render-forms-regime"
    require_form_regime({"bo_tieu_chi": "1048/2019"})  # its forms exist now


def test_todays_dossiers_still_render(tmp_path: Path) -> None:
    result = render("phieu-dang-ky", TODAY, tmp_path / "p.docx")
    assert result.kind == "phieu-dang-ky" and result.warnings == []
