"""Helpers of the officials' tests: accounts, signing in, uploads, running queued jobs."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient

from ocop_docs.service.jobqueue import JobQueue
from ocop_docs.service.runner import JobRunner
from ocop_docs.service.runtime import Runtime

ROOT = Path(__file__).resolve().parents[2]
SHEET = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.xlsx"
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
CARDS_ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-phieu-cham.yaml"
DOSSIERS = ROOT / "samples" / "ho-so"
PASSWORD = "mot-mat-khau-dai"
THAI_NGUYEN = 19
CON_MINH = 2185  # xã Côn Minh, tỉnh Thái Nguyên (QĐ 19/2025/QĐ-TTg)
OTHER_PROVINCE = 4  # Cao Bằng


def runtime(client: TestClient) -> Runtime:
    rt: Runtime = client.app.state.runtime  # type: ignore[attr-defined]
    return rt


def add_user(
    client: TestClient,
    name: str,
    role: str,
    province: int | None = THAI_NGUYEN,
    commune: int | None = None,
) -> int:
    if role == "xa" and commune is None:
        commune = CON_MINH
    return runtime(client).accounts.add_user(
        name, PASSWORD, role, province=None if role == "quan_tri" else province, commune=commune
    )


def form_token(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@dataclass
class Official:
    """A signed-in browser session: its client and the session's CSRF token."""

    client: TestClient
    csrf: str

    @property
    def headers(self) -> dict[str, str]:
        return {"X-CSRF-Token": self.csrf}


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> Official:
    client.cookies.clear()
    page = client.get("/dang-nhap")
    answer = client.post(
        "/dang-nhap",
        data={"csrf": form_token(page.text), "username": name, "password": password},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    home = client.get("/can-bo")
    return Official(client, form_token(home.text))


def bearer(client: TestClient, user_id: int) -> dict[str, str]:
    token = runtime(client).accounts.new_token(user_id, "test")
    return {"Authorization": f"Bearer {token}"}


def dossiers_zip(names: list[str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for folder in sorted(DOSSIERS.iterdir()):
            if not folder.is_dir() or (names is not None and folder.name not in names):
                continue
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    prefix = (
                        f"ho-so/{folder.name}" if names is None or len(names) > 1 else folder.name
                    )
                    archive.write(path, f"{prefix}/{path.relative_to(folder)}")
    return buffer.getvalue()


SHEET_DOSSIERS = [
    "mien-dong-tai-hoan",
    "ga-doi-tran-phu",
    "mat-ong-huong-rung",
    "cam-duong-canh-yen-lac",
    "tra-giao-co-lam-bao-chau",
    "ruou-men-la-cuong-loi",
    "tinh-dau-sa-van-lang",
]


def round_upload(
    source: Path = SHEET, dossiers: list[str] | None = None
) -> list[tuple[str, tuple[str, bytes, str]]]:
    files = [("round", (source.name, source.read_bytes(), "application/octet-stream"))]
    if dossiers:
        files.append(("dossiers", ("ho-so.zip", dossiers_zip(dossiers), "application/zip")))
    return files


def file_dossiers(
    client: TestClient, headers: dict[str, str], names: list[str] = SHEET_DOSSIERS
) -> list[str]:
    """File sample dossiers with the province (as its communes would), one by one."""
    ids = []
    for name in names:
        answer = client.post(
            "/api/v1/dossiers",
            files={"files": (f"{name}.zip", dossiers_zip([name]), "application/zip")},
            headers=headers,
        )
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    return ids


def run_queued(client: TestClient) -> int:
    """Run every queued message in this process, as a worker would; how many ran."""
    rt = runtime(client)
    runner = JobRunner(rt.settings, rt.jobs, rt.rounds, rt.store, rt.queue.enqueue)
    queue = JobQueue(rt.settings.queue_location, runner.run)
    count = 0
    while not queue.interrupted and queue.run_one():
        count += 1  # a job stopped by a signal ends the loop, as it ends a worker
    queue.close()
    return count
