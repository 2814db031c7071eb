"""The officials' path in a real browser (issue 13): a provincial officer signs in,
creates a round from the sample spreadsheet, starts production, watches the progress bar
reach 100 %, downloads the bundle and opens it; a council member fills a scoring sheet.

The service is ``ocop-docs serve`` itself (the embedded default: SQLite, a local folder,
and the worker process it starts), on 127.0.0.1. Screenshots go to tests/browser/artifacts/.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from ocop_docs.service.accounts import Accounts
from ocop_docs.service.database import make_engine, session_factory
from ocop_docs.service.settings import Settings
from tests.conftest import soffice_available
from tests.service.backends import free_port
from tests.service.officials import DOSSIERS, PASSWORD, SHEET, SHEET_DOSSIERS, dossiers_zip

OCOP = str(Path(sys.executable).with_name("ocop-docs"))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("officials-data")
    port = free_port()
    env = {**os.environ, "OCOP_DATA_DIR": str(data), "OCOP_JOB_POLL": "0.2"}
    for key in ("OCOP_DATABASE_URL", "OCOP_QUEUE_URL", "OCOP_STORAGE_URL"):
        env.pop(key, None)
    proc = subprocess.Popen([OCOP, "serve", "--port", str(port), "--log-level", "warning"], env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                break
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("ocop-docs serve did not start")
        time.sleep(0.2)
    settings = Settings(data_dir=data)
    engine = make_engine(settings.db_url)
    accounts = Accounts(session_factory(engine), settings)
    accounts.add_user("tn-ocop", PASSWORD, "tinh", province=19, full_name="Văn phòng OCOP tỉnh")
    accounts.add_user("hd-tv2", PASSWORD, "hoi_dong", province=19, full_name="Trần Thị Bình")
    accounts.add_user(
        "xa-con-minh", PASSWORD, "xa", province=19, commune=2185, full_name="UBND xã Côn Minh"
    )
    engine.dispose()
    try:
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)


def _sign_in(page: Page, url: str, name: str) -> None:
    page.goto(url + "/can-bo")
    expect(page.locator("h1")).to_have_text("Đăng nhập cán bộ")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Công việc OCOP")


def test_an_officer_makes_the_rounds_documents(
    browser: Browser, service: str, artifacts: Path, tmp_path: Path
) -> None:
    dossiers = tmp_path / "ho-so.zip"
    dossiers.write_bytes(dossiers_zip(SHEET_DOSSIERS))
    context = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    _sign_in(page, service, "tn-ocop")
    page.screenshot(path=str(artifacts / "o1-home.png"), full_page=True)
    page.click("text=Tạo đợt đánh giá >> nth=0")
    page.set_input_files("#round", str(SHEET))
    page.set_input_files("#dossiers", str(dossiers))
    page.screenshot(path=str(artifacts / "o2-new-round.png"), full_page=True)
    page.click("button:has-text('Tạo đợt')")
    expect(page.locator("h1")).to_have_text("Đợt 2 năm 2026", timeout=60000)
    expect(page.locator("#h-products")).to_contain_text("(7)")
    expect(page.locator("section.card").first).to_contain_text("Dòng 5")  # the sheet's warning
    page.select_option("#seat-tv2", "hd-tv2")
    page.click("text=Lưu phân công")
    expect(page.locator("#seat-tv2")).to_have_value("hd-tv2")
    page.screenshot(path=str(artifacts / "o3-round.png"), full_page=True)
    pdf = soffice_available()
    if not pdf:
        page.uncheck('input[name="bundle"]')
    page.click("button:has-text('Lập văn bản')")
    expect(page.locator("h1")).to_have_text("Lập văn bản của đợt")
    seen: set[str] = set()
    deadline = time.monotonic() + 600
    while page.locator("#job-percent").inner_text() != "100" and time.monotonic() < deadline:
        seen.add(page.locator("#job-percent").inner_text())
        if len(seen) == 2:
            page.screenshot(path=str(artifacts / "o4-progress.png"), full_page=True)
        page.wait_for_timeout(100)
    expect(page.locator("#job-percent")).to_have_text("100", timeout=60000)
    expect(page.locator("#h-files")).to_be_visible(timeout=60000)  # the page reloads when done
    assert len(seen) >= 2  # the bar moved: more than one value was shown before 100
    page.screenshot(path=str(artifacts / "o5-done.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#dl-zip")
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert any(n.endswith("manifest.json") for n in archive.namelist())
    assert sum(n.endswith(".docx") for n in archive.namelist()) == 7
    if pdf:
        with page.expect_download() as info:
            page.click("#dl-bundle")
        reader = PdfReader(info.value.path())
        assert len(reader.pages) >= 7 and reader.outline
    context.close()


def test_a_council_member_fills_a_scoring_sheet(
    browser: Browser, service: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    _sign_in(page, service, "hd-tv2")
    page.click("text=Đợt 2 năm 2026")
    page.click("text=Chấm điểm >> nth=0")
    expect(page.locator("h1")).to_have_text("Phiếu đánh giá sản phẩm")
    for group in page.locator("fieldset.criterion").all():
        group.locator("input[type=radio]").last.check()
    page.screenshot(path=str(artifacts / "o6-sheet.png"), full_page=False)
    page.click("#save-sheet")
    expect(page.locator(".verdict.ok")).to_contain_text("Đã lưu phiếu")
    expect(page.locator(".verdict.ok")).to_contain_text("tổng")
    page.screenshot(path=str(artifacts / "o7-sheet-saved.png"), full_page=False)
    page.click(f"text={'Đợt 2 năm 2026'}")
    expect(page.locator("#h-products")).to_be_visible()
    context.close()


def test_the_job_page_refreshes_itself_without_javascript(browser: Browser, service: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, service, "tn-ocop")
    page.click("text=Đợt 2 năm 2026")
    page.click("ul >> a >> nth=0")  # the first production listed
    expect(page.locator("#job-bar")).to_be_visible()
    expect(page.locator("#job-percent")).to_have_text("100")
    context.close()


def test_a_cooperative_sends_its_dossier_and_the_commune_writes_mau_03(
    browser: Browser, service: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto(service + "/")
    page.set_input_files("#folder", str(DOSSIERS / "lan-hai-con-minh"))
    page.click("text=Kiểm tra hồ sơ >> nth=-1")
    expect(page.locator(".verdict").first).to_contain_text("HỒ SƠ HỢP LỆ")
    expect(page.locator("#gui-xa")).to_contain_text("xã Côn Minh, tỉnh Thái Nguyên")
    page.click("text=Gửi hồ sơ cho UBND xã")
    expect(page.locator("#gui-xa")).to_contain_text("Đã gửi hồ sơ cho UBND xã lúc")
    page.screenshot(path=str(artifacts / "c1-sent-to-commune.png"), full_page=True)
    context.close()

    context = browser.new_context(viewport={"width": 1100, "height": 900}, accept_downloads=True)
    page = context.new_page()
    _sign_in(page, service, "xa-con-minh")
    page.click("text=lan-hai-con-minh")
    expect(page.locator("#h-m03")).to_have_text("Báo cáo đánh giá của UBND cấp xã (Mẫu số 03)")
    page.fill("#so", "52/BC-UBND")
    page.fill("#ngay", "2026-10-29")
    page.fill("#nguyen_lieu", "Giống lan hài bản địa được nhân giống tại vườn của hộ ở xã.")
    page.fill("#lao_dong", "Lao động là các hộ trồng lan trong xã.")
    page.fill("#y_tuong", "Bảo tồn giống lan hài rừng của địa phương.")
    page.fill("#ban_sac", "Kinh nghiệm chăm sóc lan của đồng bào Tày.")
    page.fill("#ky_ho_ten", "Triệu Văn Sơn")
    page.screenshot(path=str(artifacts / "c2-mau-03-form.png"), full_page=True)
    page.click("text=Lưu Mẫu 03")
    expect(page.locator(".verdict.ok")).to_contain_text("Đã lưu Mẫu 03.")
    with page.expect_download() as info:
        page.click("text=Tải Mẫu 03 (Word)")
    assert info.value.suggested_filename == "mau-03-lan-hai-con-minh.docx"
    assert Path(info.value.path()).read_bytes().startswith(b"PK")
    page.screenshot(path=str(artifacts / "c3-mau-03-saved.png"), full_page=True)
    context.close()
