"""The scaled-out deployment as separate processes (issue 13): two web processes and two
workers on PostgreSQL + Redis + S3 (moto), each with a data folder of its own, so nothing
can pass through a local disk or a process's memory. A job submitted through one web
process is run by a worker process and its progress is read through the other web one."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ocop_docs.service.accounts import Accounts
from ocop_docs.service.database import make_engine, migrate, session_factory
from ocop_docs.service.settings import Settings
from tests.service.backends import Scaled, free_port, s3_environment, truncate
from tests.service.officials import PASSWORD, SHEET, SHEET_DOSSIERS, dossiers_zip

OCOP = str(Path(sys.executable).with_name("ocop-docs"))
DEADLINE = 300.0  # seconds a step may take on a loaded machine before the test gives up


@contextlib.contextmanager
def processes(
    scaled: Scaled, tmp_path: Path
) -> Iterator[tuple[list[str], list[subprocess.Popen[bytes]], list[subprocess.Popen[bytes]]]]:
    truncate(scaled.database_url)
    env = {
        **os.environ,
        **s3_environment(),
        "OCOP_DATABASE_URL": scaled.database_url,
        "OCOP_QUEUE_URL": f"{scaled.redis_url}?queue=ocop-scaleout-{os.getpid()}",
        "OCOP_STORAGE_URL": f"s3://ocop-test/scaleout-{os.getpid()}?endpoint={scaled.s3_endpoint}",
        "OCOP_BATCH_JOBS": "1",
        "OCOP_JOB_POLL": "0.1",
    }
    webs: list[subprocess.Popen[bytes]] = []
    workers: list[subprocess.Popen[bytes]] = []
    urls = []
    try:
        for n in range(2):
            port = free_port()
            web_env = {**env, "OCOP_DATA_DIR": str(tmp_path / f"web-{n}")}
            webs.append(
                subprocess.Popen(
                    [OCOP, "serve", "--role", "web", "--port", str(port), "--log-level", "warning"],
                    env=web_env,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for n in range(2):
            worker_env = {**env, "OCOP_DATA_DIR": str(tmp_path / f"worker-{n}")}
            workers.append(subprocess.Popen([OCOP, "serve", "--role", "worker"], env=worker_env))
        for url in urls:
            _wait(lambda u=url: httpx.get(f"{u}/readyz", timeout=2).status_code == 200)
        yield urls, webs, workers
    finally:
        for proc in webs + workers:
            proc.send_signal(signal.SIGTERM)
        for proc in webs + workers:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _wait(ready: object) -> None:
    deadline = time.monotonic() + DEADLINE
    while True:
        with contextlib.suppress(httpx.HTTPError):
            if ready():  # type: ignore[operator]
                return
        if time.monotonic() > deadline:
            raise AssertionError("gave up waiting")
        time.sleep(0.2)


def test_a_job_crosses_three_processes(scaled: Scaled, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "admin", database_url=scaled.database_url)
    with processes(scaled, tmp_path) as (urls, webs, workers):
        engine = make_engine(settings.db_url)
        migrate(engine)
        accounts = Accounts(session_factory(engine), settings)
        user = accounts.add_user("tn-ocop", PASSWORD, "tinh", province=19)
        headers = {"Authorization": f"Bearer {accounts.new_token(user)}"}
        engine.dispose()
        one, other = (httpx.Client(base_url=u, headers=headers, timeout=60) for u in urls)
        for name in SHEET_DOSSIERS:
            filed = one.post(
                "/api/v1/dossiers", files={"files": (f"{name}.zip", dossiers_zip([name]))}
            )
            assert filed.status_code == 201, filed.text
        made = one.post("/api/v1/rounds", files={"round": (SHEET.name, SHEET.read_bytes())})
        assert made.status_code == 201, made.text
        round_id = made.json()["id"]
        # Two productions at once (docx, and docx + PDF when LibreOffice is there).
        jobs = [
            one.post(f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}).json()["id"],
            one.post(f"/api/v1/rounds/{round_id}/batch", json={"pdf": False, "draft": True}).json()[
                "id"
            ],
        ]
        for job_id in jobs:
            _wait(lambda j=job_id: other.get(f"/api/v1/jobs/{j}").json()["state"] == "done")
        states = [other.get(f"/api/v1/jobs/{j}").json() for j in jobs]
        worker_pids = {str(p.pid) for p in workers}
        web_pids = {str(p.pid) for p in webs}
        for state in states:
            pid = state["worker"].rsplit(":", 1)[1]
            assert pid in worker_pids and pid not in web_pids
            assert (state["percent"], state["summary"]["produced"]) == (100, 7)
        # The files went to the object store: the other web process serves them.
        archive = other.get(f"/api/v1/jobs/{jobs[0]}/zip")
        assert archive.status_code == 200 and archive.content[:2] == b"PK"
        ready = other.get("/readyz").json()
        assert (ready["database"], ready["queue"], ready["storage"]) == (True, True, True)


def test_the_embedded_default_runs_its_own_worker(tmp_path: Path) -> None:
    """``ocop-docs serve`` alone: SQLite, a local folder, and one worker it starts itself."""
    port = free_port()
    env = {**os.environ, "OCOP_DATA_DIR": str(tmp_path / "data"), "OCOP_BATCH_JOBS": "1"}
    for key in ("OCOP_DATABASE_URL", "OCOP_QUEUE_URL", "OCOP_STORAGE_URL"):
        env.pop(key, None)
    web = subprocess.Popen([OCOP, "serve", "--port", str(port), "--log-level", "warning"], env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait(lambda: httpx.get(f"{url}/readyz", timeout=2).status_code == 200)
        settings = Settings(data_dir=tmp_path / "data")
        engine = make_engine(settings.db_url)
        accounts = Accounts(session_factory(engine), settings)
        user = accounts.add_user("tn-ocop", PASSWORD, "tinh", province=19)
        client = httpx.Client(
            base_url=url,
            headers={"Authorization": f"Bearer {accounts.new_token(user)}"},
            timeout=60,
        )
        engine.dispose()
        made = client.post(
            "/api/v1/rounds",
            files=[
                ("round", (SHEET.name, SHEET.read_bytes())),
                ("dossiers", ("d.zip", dossiers_zip(SHEET_DOSSIERS))),
            ],
        )
        if made.status_code == 400:
            pytest.fail(made.text)
        assert made.status_code == 201, made.text
        job = client.post(f"/api/v1/rounds/{made.json()['id']}/batch", json={"pdf": False}).json()
        _wait(lambda: client.get(f"/api/v1/jobs/{job['id']}").json()["state"] == "done")
        assert client.get(f"/api/v1/jobs/{job['id']}").json()["worker"].rsplit(":", 1)[1] != str(
            web.pid
        )
    finally:
        web.send_signal(signal.SIGTERM)
        web.wait(timeout=60)
