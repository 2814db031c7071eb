"""The page for cooperatives, driven without a browser: form, result, edit, zip, delete."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ocop_docs.service.app import create_app
from ocop_docs.service.settings import Settings
from tests.service.conftest import SAMPLE, zip_folder

DATA = yaml.safe_load((SAMPLE / "ho-so.yaml").read_text(encoding="utf-8"))


def _csrf(client: TestClient, url: str = "/") -> str:
    page = client.get(url)
    match = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert match, page.text[:500]
    return match.group(1)


def _form_fields() -> dict[str, str]:
    c = DATA["chu_the"]
    return {
        "ngay_nop": "20/10/2026",
        "nam_danh_gia": "2026",
        "chu_the.ten": c["ten"],
        "chu_the.loai_hinh": c["loai_hinh"],
        "chu_the.ma_so_thue": "4799990011",  # a wrong check digit, fixed below
        "chu_the.dien_thoai": c["dien_thoai"],
        "chu_the.dia_chi.thon": c["dia_chi"]["thon"],
        "chu_the.dia_chi.xa": c["dia_chi"]["xa"],
        "chu_the.dia_chi.tinh": c["dia_chi"]["tinh"],
        "chu_the.nguoi_dai_dien.ho_ten": c["nguoi_dai_dien"]["ho_ten"],
        "chu_the.nguoi_dai_dien.chuc_vu": c["nguoi_dai_dien"]["chuc_vu"],
        "chu_the.nguoi_dai_dien.gioi_tinh": c["nguoi_dai_dien"]["gioi_tinh"],
        "chu_the.nguoi_dai_dien.dan_toc": c["nguoi_dai_dien"]["dan_toc"],
        "san_pham.ten": DATA["san_pham"]["ten"],
        "san_pham.so_luong_mau": "5",
        "chung_nhan_truoc.so_quyet_dinh": "412/QĐ-UBND",
        "chung_nhan_truoc.ngay_quyet_dinh": "15/03/2024",
        "chung_nhan_truoc.hang_sao": "4",
        "bao_cao.ket_qua_san_xuat": DATA["bao_cao"]["ket_qua_san_xuat"],
        "bao_cao.ke_hoach": DATA["bao_cao"]["ke_hoach"],
    }


def _slot_files() -> list[tuple[str, tuple[str, bytes, str]]]:
    out = []
    for entry in DATA["tai_lieu"]:
        path = SAMPLE / entry["tep"]
        out.append((f"doc:{entry['loai']}", (path.name, path.read_bytes(), "application/pdf")))
    return out


def test_index_lists_the_26_sets_in_vietnamese_and_english(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "Kiểm tra hồ sơ OCOP" in page.text
    assert page.text.count("<option value=") == 26
    assert "Nhóm I:" in page.text and "webkitdirectory" in page.text
    english = client.get("/?lang=en")
    assert "OCOP dossier check" in english.text and "Kiểm tra hồ sơ" not in english.text
    assert client.get("/").text.startswith('<!doctype html>\n<html lang="en"')  # remembered


def test_guided_form_has_fields_and_one_slot_per_document(client: TestClient) -> None:
    page = client.get("/ho-so/moi", params={"bo": 7, "loai": "danh_gia_lai"})
    assert page.status_code == 200
    assert "Mã số thuế" in page.text and 'name="chu_the.ma_so_thue"' in page.text
    assert "Chứng nhận OCOP đã được cấp" in page.text  # re-evaluation asks for it
    for code in ("phieu_dang_ky", "giay_chung_nhan_ocop", "bao_cao_tai_chinh"):
        assert f'name="doc:{code}"' in page.text
    assert "50.0 MB" in page.text or "50 MB" in page.text
    first = client.get("/ho-so/moi", params={"bo": 7, "loai": "lan_dau"})
    assert "chung_nhan_truoc.so_quyet_dinh" not in first.text
    assert (
        client.get("/ho-so/moi", params={"bo": 99, "loai": "x"}, follow_redirects=False).status_code
        == 303
    )


def test_form_to_result_to_fix_to_zip_to_delete(client: TestClient) -> None:
    token = _csrf(client, "/ho-so/moi?bo=7&loai=danh_gia_lai")
    answer = client.post(
        "/ho-so/moi",
        params={"bo": 7, "loai": "danh_gia_lai"},
        data={"csrf": token, **_form_fields()},
        files=_slot_files(),
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    result_url = answer.headers["location"]
    page = client.get(result_url)
    assert "HỒ SƠ CHƯA HỢP LỆ" in page.text
    assert "Danh mục tài liệu" in page.text and "Mã số thuế" in page.text
    assert "tax-code-check-digit" in page.text
    # The edit form shows the message next to the field and keeps the documents.
    edit = client.get(result_url + "/sua")
    assert "tai-lieu/phieu_dang_ky-01-phieu-dang-ky.pdf" in edit.text
    assert re.search(r'id="msg-chu_the--ma_so_thue"[^>]*>\s*<p class="error">', edit.text)
    fixed = {**_form_fields(), "chu_the.ma_so_thue": "4799990010"}
    answer = client.post(result_url + "/sua", data={"csrf": token, **fixed}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == result_url
    page = client.get(result_url)
    assert "HỒ SƠ HỢP LỆ" in page.text, page.text
    report = client.get(result_url + "/bao-cao.json").json()
    assert report["dossiers"][0]["valid"] and report["lang"] == "vi"
    assert client.get(result_url + "/bao-cao").status_code == 200
    bundle = client.get(result_url + "/ho-so.zip")
    assert bundle.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(bundle.content)).namelist()
    assert "ho-so-bo-07/ho-so.yaml" in names
    assert "ho-so-bo-07/mau-01-phieu-dang-ky.docx" in names
    assert "ho-so-bo-07/mau-02-bao-cao-tu-danh-gia.docx" in names
    data = yaml.safe_load(
        zipfile.ZipFile(io.BytesIO(bundle.content)).read("ho-so-bo-07/ho-so.yaml")
    )
    assert data["chu_the"]["ma_so_thue"] == "4799990010" and len(data["tai_lieu"]) == 13
    # Delete needs the form's token; then nothing is left.
    refused = client.post(result_url + "/xoa", data={"csrf": "x" * 43})
    assert refused.status_code == 403
    deleted = client.post(result_url + "/xoa", data={"csrf": token})
    assert deleted.status_code == 200 and "Đã xoá" in deleted.text
    assert client.get(result_url).status_code == 404
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    assert runtime.records.count() == 0
    store = runtime.settings.store_dir
    left = [p for p in store.rglob("*") if p.is_file() and p.stat().st_size]
    assert left == []  # every blob of the check is gone


def test_upload_form_needs_the_csrf_token(client: TestClient) -> None:
    files = {"files": ("ho-so.zip", zip_folder(SAMPLE), "application/zip")}
    refused = client.post("/kiem-tra", files=files, headers={"accept": "text/html"})
    assert refused.status_code == 403 and "Tải lại trang" in refused.text
    token = _csrf(client)
    answer = client.post("/kiem-tra", data={"csrf": token}, files=files, follow_redirects=False)
    assert answer.status_code == 303
    page = client.get(answer.headers["location"])
    assert "HỒ SƠ HỢP LỆ" in page.text and "Miến dong Tài Hoan" in page.text


def test_quick_check_returns_field_messages(client: TestClient) -> None:
    token = _csrf(client, "/ho-so/moi?bo=7&loai=lan_dau")
    answer = client.post(
        "/ho-so/kiem-nhanh",
        params={"bo": 7, "loai": "lan_dau"},
        data={"csrf": token, "chu_the.dien_thoai": "12ab", "ngay_nop": "31/02/2026"},
        files={"unused": ("", b"")},
    )
    assert answer.status_code == 200
    assert 'id="msg-chu_the--dien_thoai" hx-swap-oob="true"' in answer.text
    assert "không đúng dạng số điện thoại" in answer.text
    assert "không phải ngày hợp lệ" in answer.text


def test_results_of_one_visitor_are_not_guessable(client: TestClient) -> None:
    assert client.get("/ket-qua/" + "A" * 43).status_code == 404
    assert client.get("/ket-qua/../../etc/passwd").status_code == 404


def test_retention_deletes_expired_checks(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        token = _csrf(client)
        files = {"files": ("ho-so.zip", zip_folder(SAMPLE), "application/zip")}
        answer = client.post("/kiem-tra", data={"csrf": token}, files=files, follow_redirects=False)
        url = answer.headers["location"]
        runtime = client.app.state.runtime  # type: ignore[attr-defined]
        later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=8)
        assert runtime.records.purge(later) == 1
        assert client.get(url).status_code == 404
        assert runtime.records.count() == 0


def test_an_unexpected_error_is_500_with_an_incident_and_no_traceback(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    app: FastAPI = create_app(settings)

    @app.get("/api/v1/boom")
    async def boom() -> None:
        raise RuntimeError("secret detail /etc/shadow")

    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/api/v1/boom")
        page = client.get("/api/v1/boom", headers={"accept": "text/html"})
    assert answer.status_code == 500
    body = answer.json()
    assert body["code"] == "service-internal-error"
    incident = re.search(r"mã sự cố ([0-9a-f]+)", body["message"])
    assert incident and incident.group(1) in caplog.text
    for text in (answer.text, page.text):
        assert (
            "Traceback" not in text and "secret detail" not in text and "RuntimeError" not in text
        )


def test_unknown_pages_and_methods_answer_from_the_catalogue(client: TestClient) -> None:
    page = client.get("/khong-co", headers={"accept": "text/html"})
    assert page.status_code == 404 and "Không tìm thấy" in page.text
    api = client.get("/api/v1/khong-co")
    assert api.status_code == 404 and api.json()["code"] == "service-not-found"
    assert client.delete("/api/v1/sectors").json()["code"] == "service-method-not-allowed"
