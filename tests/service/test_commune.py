"""The commune's side (issue 13): a cooperative sends its checked dossier to its commune
from the anonymous result page, and the commune's officer writes Mẫu 03 in the browser or
through the API; the province reads it, nobody else sees it."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from fastapi.testclient import TestClient

from tests.service.conftest import zip_folder
from tests.service.officials import (
    DOSSIERS,
    OTHER_PROVINCE,
    add_user,
    bearer,
    dossiers_zip,
    form_token,
    sign_in,
)

ASSESSMENT = {
    "so": "45/BC-UBND",
    "ngay": "2026-10-28",
    "nguyen_lieu": "Củ dong riềng trồng tại các thôn của xã Côn Minh.",
    "lao_dong": "Lao động thường xuyên là người địa phương.",
    "y_tuong": "Nghề làm miến dong truyền thống của đồng bào Côn Minh.",
    "ban_sac": "Giống dong riềng địa phương, tráng và phơi miến thủ công.",
    "nguoi_ky": {"ho_ten": "Triệu Văn Sơn", "chuc_vu": "CHỦ TỊCH"},
}


def _check(client: TestClient, folder: Path) -> str:
    """An anonymous check through the page; its result URL."""
    page = client.get("/")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token
    answer = client.post(
        "/kiem-tra",
        data={"csrf": token.group(1)},
        files={"files": ("ho-so.zip", zip_folder(folder), "application/zip")},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return str(answer.headers["location"])


def _page_token(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


def test_a_cooperative_sends_its_checked_dossier_to_its_commune(client: TestClient) -> None:
    result = _check(client, DOSSIERS / "mien-dong-tai-hoan")
    page = client.get(result)
    assert "Gửi hồ sơ cho UBND xã" in page.text and "xã Côn Minh, tỉnh Thái Nguyên" in page.text
    token = _page_token(page.text)
    refused = client.post(result + "/gui-xa", data={"csrf": "x" * 43}, follow_redirects=False)
    assert refused.status_code == 403
    sent = client.post(result + "/gui-xa", data={"csrf": token}, follow_redirects=False)
    assert sent.status_code == 303
    again = client.post(result + "/gui-xa", data={"csrf": token}, follow_redirects=False)
    assert again.status_code == 303  # once per check: no second copy
    shown = client.get(result)
    assert "Đã gửi hồ sơ cho UBND xã lúc" in shown.text
    assert "Gửi hồ sơ cho UBND xã</button>" not in shown.text

    commune = bearer(client, add_user(client, "con-minh", "xa"))
    other_commune = bearer(client, add_user(client, "tran-phu", "xa", commune=2176))
    province = bearer(client, add_user(client, "tn-ocop", "tinh"))
    other_province = bearer(client, add_user(client, "cb", "tinh", province=OTHER_PROVINCE))
    filed = client.get("/api/v1/dossiers", headers=commune).json()["dossiers"]
    assert [(d["name"], d["origin"], d["commune"]) for d in filed] == [
        ("mien-dong-tai-hoan", "check", 2185)
    ]
    assert client.get("/api/v1/dossiers", headers=other_commune).json()["dossiers"] == []
    assert len(client.get("/api/v1/dossiers", headers=province).json()["dossiers"]) == 1
    assert client.get("/api/v1/dossiers", headers=other_province).json()["dossiers"] == []
    one = client.get(f"/api/v1/dossiers/{filed[0]['id']}", headers=commune).json()
    assert {"path": "ho-so.yaml"}.items() <= one["files"][0].items() or any(
        f["path"] == "ho-so.yaml" for f in one["files"]
    )
    assert one["report"]["dossiers"][0]["valid"] is True


def test_a_dossier_with_errors_or_no_commune_is_not_sent(
    client: TestClient, tmp_path: Path
) -> None:
    broken = tmp_path / "hong"
    shutil.copytree(DOSSIERS / "mien-dong-tai-hoan", broken)
    data = yaml.safe_load((broken / "ho-so.yaml").read_text(encoding="utf-8"))
    data["chu_the"]["dien_thoai"] = "12ab"
    (broken / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = _check(client, broken)
    page = client.get(result)
    assert "Hồ sơ còn lỗi nên chưa gửi được cho xã" in page.text
    answer = client.post(result + "/gui-xa", data={"csrf": _page_token(page.text)})
    assert answer.status_code == 422
    assert "chưa gửi được cho UBND xã" in answer.text

    nowhere = tmp_path / "khong-ro-xa"
    shutil.copytree(DOSSIERS / "mien-dong-tai-hoan", nowhere)
    data = yaml.safe_load((nowhere / "ho-so.yaml").read_text(encoding="utf-8"))
    data["chu_the"]["dia_chi"]["xa"] = "xã Không Có Thật"
    (nowhere / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = _check(client, nowhere)
    page = client.get(result)
    answer = client.post(result + "/gui-xa", data={"csrf": _page_token(page.text)})
    assert answer.status_code == 422
    assert client.get("/api/v1/dossiers", headers=bearer(client, add_user(client, "cm", "xa")))
    rt_dossiers = client.get(
        "/api/v1/dossiers", headers=bearer(client, add_user(client, "tn", "tinh"))
    ).json()["dossiers"]
    assert rt_dossiers == []


def _filed(client: TestClient, headers: dict[str, str]) -> str:
    answer = client.post(
        "/api/v1/dossiers",
        files={"files": ("m.zip", dossiers_zip(["mien-dong-tai-hoan"]), "application/zip")},
        headers=headers,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_commune_writes_mau_03_through_the_api(client: TestClient) -> None:
    commune = bearer(client, add_user(client, "con-minh", "xa"))
    province = bearer(client, add_user(client, "tn-ocop", "tinh"))
    stranger = bearer(client, add_user(client, "cb", "tinh", province=OTHER_PROVINCE))
    dossier = _filed(client, commune)
    url = f"/api/v1/dossiers/{dossier}/mau-03"
    assert client.get(url, headers=commune).status_code == 404  # not written yet
    assert client.put(url, json=ASSESSMENT, headers=province).status_code == 403
    assert client.put(url, json=ASSESSMENT, headers=stranger).status_code == 403
    missing = client.put(url, json={"so": "1/BC-UBND"}, headers=commune)
    assert missing.status_code == 422
    body = missing.json()
    assert body["code"] == "round-invalid"
    assert any("nguyên liệu địa phương" in i["message"] for i in body["issues"])
    written = client.put(url, json=ASSESSMENT, headers=commune)
    assert written.status_code == 200, written.text
    assert client.get(url, headers=province).json()["nguyen_lieu"] == ASSESSMENT["nguyen_lieu"]
    assert client.get(url, headers=stranger).status_code == 404
    made = client.get(url + "/document", headers=province)
    assert made.status_code == 200
    text = _text(made.content)
    assert "ỦY BAN NHÂN DÂN" in text and "XÃ CÔN MINH" in text
    assert "45/BC-UBND" in text and "Triệu Văn Sơn" in text
    assert ASSESSMENT["ban_sac"] in text and "Miến dong Tài Hoan" in text
    audit = client.get("/api/v1/audit", headers=province).json()["entries"]
    assert {"mau-03", "download"} <= {e["action"] for e in audit}


def test_the_commune_writes_mau_03_on_the_dossier_page(client: TestClient) -> None:
    add_user(client, "con-minh", "xa")
    official = sign_in(client, "con-minh")
    home = client.get("/can-bo")
    client.post(
        "/can-bo/ho-so",
        data={"csrf": official.csrf},
        files={"files": ("m.zip", dossiers_zip(["mien-dong-tai-hoan"]), "application/zip")},
    )
    home = client.get("/can-bo")
    link = re.search(r'href="(/can-bo/ho-so/[^"]+)"', home.text)
    assert link, home.text
    page = client.get(link.group(1))
    assert "Báo cáo đánh giá của UBND cấp xã (Mẫu số 03)" in page.text
    token = form_token(page.text)
    form = {
        "csrf": token,
        "so": "45/BC-UBND",
        "ngay": "2026-10-28",
        "nguyen_lieu": ASSESSMENT["nguyen_lieu"],
        "lao_dong": ASSESSMENT["lao_dong"],
        "y_tuong": ASSESSMENT["y_tuong"],
        "ban_sac": "",
        "ky_quyen_han": "TM. ỦY BAN NHÂN DÂN\r\nKT. CHỦ TỊCH",
        "ky_chuc_vu": "PHÓ CHỦ TỊCH",
        "ky_ho_ten": "Hoàng Thị Mai",
        "noi_nhan": "UBND tỉnh Thái Nguyên\r\nLưu: VT",
    }
    refused = client.post(link.group(1) + "/mau-03", data=form)
    assert refused.status_code == 422
    assert "Bản sắc, trí tuệ địa phương" in refused.text  # the field named, the input kept
    assert ASSESSMENT["lao_dong"] in refused.text
    form["ban_sac"] = ASSESSMENT["ban_sac"]
    saved = client.post(link.group(1) + "/mau-03", data=form, follow_redirects=False)
    assert saved.status_code == 303
    shown = client.get(saved.headers["location"])
    assert "Đã lưu Mẫu 03." in shown.text and "mau-03.docx" in shown.text
    made = client.get(link.group(1) + "/mau-03.docx")
    assert made.status_code == 200
    text = _text(made.content)
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Hoàng Thị Mai" in text
    assert "Lưu: VT" in text


@pytest.mark.slow
def test_mau_03_as_pdf(client: TestClient) -> None:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    commune = bearer(client, add_user(client, "con-minh", "xa"))
    dossier = _filed(client, commune)
    url = f"/api/v1/dossiers/{dossier}/mau-03"
    assert client.put(url, json=ASSESSMENT, headers=commune).status_code == 200
    made = client.get(url + "/document?format=pdf", headers=commune)
    assert made.status_code == 200 and made.content.startswith(b"%PDF")
