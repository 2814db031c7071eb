"""The registry in the service (issue 14): the public look-up, the officials' API and page
with the access rules of issue 13, and the daily job on the queue. Runs on the embedded
default and on PostgreSQL + Redis + S3 (the migration 0004 on both)."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from fastapi.testclient import TestClient

from ocop_docs.production.contexts.giay_chung_nhan import lookup_link
from ocop_docs.registry.store import Registry
from ocop_docs.service.jobqueue import JobQueue
from ocop_docs.service.registry import mark_reminders
from tests.service.officials import OTHER_PROVINCE, THAI_NGUYEN, add_user, bearer, runtime, sign_in

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "registry"
CSV = FIXTURES / "thai-nguyen-2024.csv"
DECISION = {
    "so_quyet_dinh": "412/QĐ-UBND",
    "ngay_quyet_dinh": "15/03/2024",
    "co_quan": "Ủy ban nhân dân huyện Đồng Hỷ",
    "nam": "2024",
}


def _import(client: TestClient, headers: dict[str, str], **extra: str) -> dict[str, object]:
    answer = client.post(
        "/api/v1/registry/import",
        files={"files": (CSV.name, CSV.read_bytes(), "text/csv")},
        data={**DECISION, **extra},
        headers=headers,
    )
    assert answer.status_code in (200, 201), answer.text
    body: dict[str, object] = answer.json()
    return body


def test_access_rules(client: TestClient) -> None:
    ids = {
        "tinh": add_user(client, "tn-ocop", "tinh"),
        "xa": add_user(client, "con-minh", "xa"),
        "hoi_dong": add_user(client, "tv2", "hoi_dong"),
        "quan_tri": add_user(client, "admin", "quan_tri"),
        "tinh@other": add_user(client, "cb-ocop", "tinh", province=OTHER_PROVINCE),
    }
    h = {who: bearer(client, uid) for who, uid in ids.items()}
    added = _import(client, h["tinh"])
    assert len(added["added"]) == 2 and added["errors"] == 0  # type: ignore[arg-type]
    entry = added["added"][0]  # type: ignore[index]
    endpoints = [
        ("GET", "/api/v1/registry", {}),
        ("GET", "/api/v1/registry/reminders?ngay=20/09/2026", {}),
        ("GET", "/api/v1/registry/statistics", {}),
        ("GET", f"/api/v1/registry/{entry}", {}),
        (
            "POST",
            "/api/v1/registry/import",
            {
                "files": {"files": (CSV.name, CSV.read_bytes())},
                "data": {**DECISION, "province": "19"},
            },
        ),
    ]
    wrong = []
    for method, path, kwargs in endpoints:
        if client.request(method, path, **kwargs).status_code != 401:
            wrong.append(f"{method} {path} without account")
        for who in ("xa", "hoi_dong"):
            answer = client.request(method, path, headers=h[who], **kwargs)
            if answer.status_code != 403:
                wrong.append(f"{method} {path} as {who}: {answer.status_code}")
        for who in ("tinh", "quan_tri"):
            answer = client.request(method, path, headers=h[who], **kwargs)
            if not 200 <= answer.status_code < 300:
                wrong.append(f"{method} {path} as {who}: {answer.status_code} {answer.text[:100]}")
    assert wrong == []
    # Another province's office: its own (empty) book, another's entry is 404.
    other = h["tinh@other"]
    assert client.get("/api/v1/registry", headers=other).json()["entries"] == []
    missing = client.get(f"/api/v1/registry/{entry}", headers=other)
    assert missing.status_code == 404 and missing.json()["code"] == "service-not-found"
    assert client.get("/api/v1/registry/999999", headers=h["tinh"]).status_code == 404
    assert client.get("/api/v1/registry?province=19", headers=other).status_code == 403
    revoke = client.post(
        f"/api/v1/registry/{entry}/revoke", json={"quyet_dinh": "9/QĐ-UBND"}, headers=other
    )
    assert revoke.status_code == 404
    # The re-import was reported, not merged.
    listing = client.get("/api/v1/registry?tat_ca=true", headers=h["quan_tri"]).json()
    assert len(listing["entries"]) == 2
    again = client.post(
        "/api/v1/registry/import",
        files={"files": (CSV.name, CSV.read_bytes())},
        data=DECISION,
        headers=h["tinh"],
    ).json()
    assert again["skipped"] == 2 and {i["code"] for i in again["issues"]} == {
        "registry-already-recorded"
    }


def test_public_lookup_shows_only_the_certificate(client: TestClient) -> None:
    tinh = bearer(client, add_user(client, "tn-ocop", "tinh"))
    entries = _import(client, tinh)["added"]
    page = client.get("/tra-cuu/15/GCN-UBND")
    assert page.status_code == 200
    text = page.text
    for shown in ("Mật ong rừng Hương Rừng", "Hợp tác xã Hương Rừng", "412/QĐ-UBND", "15/03/2027"):
        assert shown in text
    assert "0912 000 103" not in text  # the producer's contact is not public
    data = client.get("/tra-cuu/15/GCN-UBND", headers={"Accept": "application/json"}).json()
    assert data["ket_qua"][0]["tinh_trang"] in ("con_hieu_luc", "het_hieu_luc")
    assert set(data["ket_qua"][0]) == {
        "so",
        "san_pham",
        "chu_the",
        "hang_sao",
        "quyet_dinh",
        "ngay_quyet_dinh",
        "co_quan",
        "hieu_luc_den",
        "tinh_trang",
        "tinh",
    }
    assert client.get("/tra-cuu/99/KHONG-CO").status_code == 404
    revoked = client.post(
        f"/api/v1/registry/{entries[0]}/revoke",  # type: ignore[index]
        json={"quyet_dinh": "9/QĐ-UBND", "ngay": "01/01/2025"},
        headers=tinh,
    )
    assert revoked.status_code == 200, revoked.text
    again = client.get("/tra-cuu/15/gcn-ubnd", headers={"Accept": "application/json"}).json()
    assert again["ket_qua"][0]["tinh_trang"] == "da_thu_hoi"
    assert client.get("/tra-cuu/15/GCN-UBND?tinh=4").status_code == 404
    # The certificate's QR code writes the number as one path segment, "/" as "-"
    # (contexts/giay_chung_nhan.lookup_link): the page finds it the same.
    link = lookup_link("https://ocop.example.vn", "15/GCN-UBND")
    assert link.endswith("/tra-cuu/15-GCN-UBND")
    dashed = client.get("/tra-cuu/15-GCN-UBND", headers={"Accept": "application/json"}).json()
    assert dashed["ket_qua"][0]["tinh_trang"] == "da_thu_hoi"


def test_officials_page_and_import_form(client: TestClient) -> None:
    add_user(client, "tn-ocop", "tinh")
    add_user(client, "con-minh", "xa")
    office = sign_in(client, "tn-ocop")
    empty = client.get("/can-bo/so-theo-doi")
    assert empty.status_code == 200 and "Sổ theo dõi sản phẩm OCOP" in empty.text
    posted = client.post(
        "/can-bo/so-theo-doi/nhap",
        files={"files": (CSV.name, CSV.read_bytes(), "text/csv")},
        data={**DECISION, "csrf": office.csrf},
        follow_redirects=False,
    )
    assert posted.status_code == 303, posted.text
    page = client.get("/can-bo/so-theo-doi?ngay=20/09/2026")
    assert "Mật ong rừng Hương Rừng" in page.text and "Đang trong thời hạn nộp" in page.text
    assert 'src="data:image/png;base64,' in page.text
    forged = client.post(
        "/can-bo/so-theo-doi/nhap",
        files={"files": (CSV.name, CSV.read_bytes(), "text/csv")},
        data={**DECISION, "csrf": "sai"},
    )
    assert forged.status_code == 403
    sign_in(client, "con-minh")
    assert client.get("/can-bo/so-theo-doi").status_code == 403


def test_the_daily_job_marks_reminders(client: TestClient) -> None:
    tinh = bearer(client, add_user(client, "tn-ocop", "tinh"))
    _import(client, tinh)
    rt = runtime(client)
    days: list[dt.date] = []

    def daily() -> int:
        days.append(dt.date(2026, 9, 20))
        return mark_reminders(rt.sessions, days[-1])

    queue = JobQueue(rt.settings.queue_location, daily=daily)
    try:
        at_six = calendar.timegm(dt.datetime(2026, 9, 19, 23, 0).timetuple())  # 06:00 in VN
        assert queue.schedule_periodic(at_six + 5) == 1
        assert queue.schedule_periodic(at_six + 30) == 0  # once a minute
        assert queue.schedule_periodic(at_six + 3600) == 0  # not due at 07:00
        assert queue.run_one()
    finally:
        queue.close()
    assert days == [dt.date(2026, 9, 20)]
    entries = Registry(rt.sessions, province=THAI_NGUYEN).entries()
    assert {e.reminder for e in entries} == {"dang_mo"}
    assert entries[0].events[-1].kind == "nhac_han"
    assert mark_reminders(rt.sessions, dt.date(2026, 9, 21)) == 0  # nothing changed


def test_a_job_records_its_round_when_asked(client: TestClient) -> None:
    """The service's production fills the province's book (opt-in ``so_theo_doi``)."""
    from tests.service.officials import file_dossiers, round_upload, run_queued

    tinh = bearer(client, add_user(client, "tn-ocop", "tinh"))
    file_dossiers(client, tinh)  # as the communes would; the round finds them
    made = client.post("/api/v1/rounds", files=round_upload(), headers=tinh)
    assert made.status_code == 201, made.text
    job = client.post(
        f"/api/v1/rounds/{made.json()['id']}/batch",
        json={"pdf": False, "kinds": ["quyet-dinh"], "so_theo_doi": True},
        headers=tinh,
    )
    assert job.status_code == 202, job.text
    run_queued(client)
    done = client.get(f"/api/v1/jobs/{job.json()['id']}", headers=tinh).json()
    assert done["state"] == "done", done
    recorded = done["summary"]["registry"]
    assert recorded["errors"] == 0 and recorded["added"]
    listing = client.get("/api/v1/registry?tat_ca=true", headers=tinh).json()["entries"]
    assert len(listing) == len(recorded["added"])
    assert {e["province"] for e in listing} == {THAI_NGUYEN}
    assert all(e["decision_no"] and e["valid_to"] for e in listing)
