"""The cooperative's path in a real browser: form, PDFs, checklist, fix, zip; folder and
zip uploads; the same with JavaScript off. Screenshots go to tests/browser/artifacts/."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import yaml
from playwright.sync_api import Browser, Page, expect

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
DATA = yaml.safe_load((SAMPLE / "ho-so.yaml").read_text(encoding="utf-8"))


def _fill(page: Page, tax_code: str) -> None:
    c = DATA["chu_the"]
    values = {
        "chu_the.ten": c["ten"],
        "chu_the.ma_so_thue": tax_code,
        "chu_the.dien_thoai": c["dien_thoai"],
        "chu_the.email": c["email"],
        "chu_the.ngay_thanh_lap": "10/03/2016",
        "chu_the.dia_chi.thon": c["dia_chi"]["thon"],
        "chu_the.dia_chi.xa": c["dia_chi"]["xa"],
        "chu_the.dia_chi.tinh": c["dia_chi"]["tinh"],
        "chu_the.nguoi_dai_dien.ho_ten": c["nguoi_dai_dien"]["ho_ten"],
        "chu_the.nguoi_dai_dien.chuc_vu": c["nguoi_dai_dien"]["chuc_vu"],
        "chu_the.nguoi_dai_dien.dan_toc": c["nguoi_dai_dien"]["dan_toc"],
        "san_pham.ten": DATA["san_pham"]["ten"],
        "san_pham.mo_ta": DATA["san_pham"]["mo_ta"],
        "san_pham.so_luong_mau": "5",
        "chung_nhan_truoc.so_quyet_dinh": "412/QĐ-UBND",
        "chung_nhan_truoc.ngay_quyet_dinh": "15/03/2024",
        "chung_nhan_truoc.co_quan": "UBND tỉnh Bắc Kạn",
        "chung_nhan_truoc.hang_sao": "4",
        "bao_cao.ket_qua_san_xuat": DATA["bao_cao"]["ket_qua_san_xuat"],
        "bao_cao.ke_hoach": DATA["bao_cao"]["ke_hoach"],
    }
    page.fill('[name="ngay_nop"]', "20/10/2026")
    for name, value in values.items():
        page.fill(f'[name="{name}"]', value)
    page.select_option('[name="chu_the.loai_hinh"]', c["loai_hinh"])
    page.select_option('[name="chu_the.nguoi_dai_dien.gioi_tinh"]', "nu")
    for entry in DATA["tai_lieu"]:
        page.set_input_files(f'[name="doc:{entry["loai"]}"]', str(SAMPLE / entry["tep"]))


def _start_form(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    expect(page.locator("h1")).to_have_text("Kiểm tra hồ sơ OCOP")
    page.select_option("#bo", "7")
    page.check('input[name="loai"][value="danh_gia_lai"]')
    page.click("text=Mở biểu mẫu")
    expect(page.locator("h1")).to_have_text("Biểu mẫu hồ sơ sản phẩm")


def test_guided_form_checklist_fix_and_zip(
    browser: Browser, base_url: str, artifacts: Path
) -> None:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    _start_form(page, base_url)
    page.screenshot(path=str(artifacts / "01-form.png"), full_page=False)
    _fill(page, "4799990011")  # one digit wrong: the check digit fails
    # htmx shows the validator's message next to the field while typing.
    expect(page.locator("#msg-chu_the--ma_so_thue")).to_contain_text("Mã số thuế", timeout=10000)
    page.screenshot(path=str(artifacts / "02-form-field-message.png"), full_page=True)
    page.click("button.primary")
    expect(page.locator(".verdict")).to_contain_text("HỒ SƠ CHƯA HỢP LỆ")
    expect(page.locator("table.checklist")).to_contain_text(
        "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"
    )
    expect(page.locator("ol.findings")).to_contain_text("Mã số thuế")
    page.screenshot(path=str(artifacts / "03-result-invalid.png"), full_page=True)
    # Fix the field and check again.
    page.click("text=Sửa thông tin hồ sơ")
    expect(page.locator("#msg-chu_the--ma_so_thue")).to_contain_text("Mã số thuế")
    page.fill('[name="chu_the.ma_so_thue"]', "4799990010")
    page.click("button.primary")
    expect(page.locator(".verdict")).to_contain_text("HỒ SƠ HỢP LỆ")
    page.screenshot(path=str(artifacts / "04-result-valid.png"), full_page=True)
    with page.expect_download() as info:
        page.click("text=Hồ sơ hoàn chỉnh (.zip)")
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    names = archive.namelist()
    assert "ho-so-bo-07/ho-so.yaml" in names
    assert "ho-so-bo-07/mau-01-phieu-dang-ky.docx" in names
    assert "ho-so-bo-07/mau-02-bao-cao-tu-danh-gia.docx" in names
    data = yaml.safe_load(archive.read("ho-so-bo-07/ho-so.yaml"))
    assert data["chu_the"]["ma_so_thue"] == "4799990010"
    assert data["chu_the"]["ten"] == "Hợp tác xã Tài Hoan"
    # The printable report, then the English switch.
    page.click("text=Báo cáo để in")
    expect(page.locator("h1")).to_have_text("Báo cáo kiểm tra hồ sơ sản phẩm OCOP")
    page.screenshot(path=str(artifacts / "05-printable.png"), full_page=True)
    page.go_back()
    page.click("text=English")
    expect(page.locator(".verdict")).to_contain_text("THE DOSSIER IS VALID")
    page.screenshot(path=str(artifacts / "06-result-english.png"), full_page=True)
    page.click("text=Delete now")
    expect(page.locator("h1")).to_have_text("Deleted")
    context.close()


def test_upload_a_folder_and_a_zip(
    browser: Browser, base_url: str, artifacts: Path, tmp_path: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "/")
    page.set_input_files("#folder", str(SAMPLE))
    page.click("text=Kiểm tra hồ sơ >> nth=-1")
    expect(page.locator(".verdict")).to_contain_text("HỒ SƠ HỢP LỆ")
    expect(page.locator("dl.facts")).to_contain_text("Miến dong Tài Hoan")
    page.screenshot(path=str(artifacts / "07-folder-upload.png"), full_page=True)

    broken = tmp_path / "ga-doi.zip"
    source = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu"
    with zipfile.ZipFile(broken, "w") as archive:
        for path in sorted(source.rglob("*")):
            if path.is_file() and "tai-lieu" not in path.parts:
                archive.write(path, f"ga-doi-tran-phu/{path.relative_to(source).as_posix()}")
    page.goto(base_url + "/")
    page.set_input_files("#zip", str(broken))
    page.click("text=Kiểm tra hồ sơ >> nth=-1")
    expect(page.locator(".verdict")).to_contain_text("HỒ SƠ CHƯA HỢP LỆ")
    expect(page.locator("table.checklist")).to_contain_text("không hợp lệ")
    page.screenshot(path=str(artifacts / "08-zip-upload-missing-files.png"), full_page=True)
    context.close()


def test_everything_works_without_javascript(
    browser: Browser, base_url: str, artifacts: Path
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    _start_form(page, base_url)
    _fill(page, "4799990011")
    # No script ran: the message appears only after sending the form.
    expect(page.locator("#msg-chu_the--ma_so_thue")).to_be_empty()
    page.click("button.primary")
    expect(page.locator(".verdict")).to_contain_text("HỒ SƠ CHƯA HỢP LỆ")
    page.screenshot(path=str(artifacts / "09-nojs-phone-result.png"), full_page=True)
    page.click("text=Sửa thông tin hồ sơ")
    page.fill('[name="chu_the.ma_so_thue"]', "4799990010")
    page.click("button.primary")
    expect(page.locator(".verdict")).to_contain_text("HỒ SƠ HỢP LỆ")
    page.click("text=Xoá ngay")
    expect(page.locator("h1")).to_have_text("Đã xoá")
    context.close()
