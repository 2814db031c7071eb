"""Production as background jobs (issue 13): 202 and a job id, stored progress, events,
downloads, idempotence, cancelling, resuming after a killed worker."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import threading
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import update

from ocop_docs.cli.main import cli
from ocop_docs.production.pool import Interrupted
from ocop_docs.service import runner as runner_module
from ocop_docs.service.tables import Job
from tests.conftest import soffice_available
from tests.service.officials import (
    DOSSIERS,
    SHEET,
    add_user,
    bearer,
    file_dossiers,
    round_upload,
    run_queued,
    runtime,
)


def _round(client: TestClient) -> tuple[dict[str, str], str]:
    headers = bearer(client, add_user(client, "tn-ocop", "tinh"))
    file_dossiers(client, headers)
    made = client.post("/api/v1/rounds", files=round_upload(SHEET), headers=headers)
    assert made.status_code == 201, made.text
    return headers, made.json()["id"]


def _cli_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> dict[str, str]:
    """The same batch through the CLI: path → SHA-256 of each file it made (allowed the
    laid-out tree, as the service allows the round's own)."""
    shutil.copytree(DOSSIERS, tmp_path / "ho-so")
    (tmp_path / "dot-danh-gia").mkdir()
    shutil.copy(SHEET, tmp_path / "dot-danh-gia" / SHEET.name)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["batch", f"dot-danh-gia/{SHEET.name}", "-o", "out", "-j", "1", "--allow", ".", *extra]
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in out.rglob("*")
        if p.is_file() and p.name != "manifest.json"
    }


def test_a_job_makes_what_the_cli_makes(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers, round_id = _round(client)
    started = client.post(f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=headers)
    assert started.status_code == 202
    job = started.json()
    assert started.headers["location"] == f"/api/v1/jobs/{job['id']}"
    assert (job["state"], job["done"]) == ("queued", 0)
    assert run_queued(client) == 1
    done = client.get(f"/api/v1/jobs/{job['id']}", headers=headers).json()
    assert (done["state"], done["percent"], done["failed"], done["summary"]["produced"]) == (
        "done",
        100,
        0,
        7,
    )
    assert done["done"] == done["total"] == 7
    expected = _cli_outputs(tmp_path, monkeypatch)
    made = {}
    for path in expected:
        answer = client.get(f"/api/v1/jobs/{job['id']}/files/{path}", headers=headers)
        assert answer.status_code == 200, path
        made[path] = hashlib.sha256(answer.content).hexdigest()
    assert made == expected  # byte for byte the CLI's documents
    manifest = client.get(f"/api/v1/jobs/{job['id']}/manifest", headers=headers).json()
    assert manifest["complete"] is True and len(manifest["items"]) == 7
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(f"/api/v1/jobs/{job['id']}/zip", headers=headers).content)
    )
    names = {n.split("/", 1)[1] for n in archive.namelist()}
    assert names == set(expected) | {"manifest.json"}


def test_starting_twice_gives_one_job(client: TestClient) -> None:
    headers, round_id = _round(client)
    first = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=headers
    ).json()
    second = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=headers
    ).json()
    assert first["id"] == second["id"]
    assert run_queued(client) == 1
    third = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=headers
    ).json()
    assert third["id"] != first["id"]  # the first one is done: a new production


def test_events_follow_the_stored_progress_to_the_end(client: TestClient) -> None:
    headers, round_id = _round(client)
    job = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=headers
    ).json()
    worker = threading.Thread(target=run_queued, args=(client,))
    events: list[tuple[str, dict[str, object]]] = []
    # The worker starts before the stream is opened: Starlette's TestClient before 0.39
    # returns a streamed response only once it is complete, so a worker started inside
    # the block would never run (the floors run of CI hung here).
    worker.start()
    with client.stream("GET", f"/api/v1/jobs/{job['id']}/events", headers=headers) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        name = ""
        for line in stream.iter_lines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                events.append((name, json.loads(line[6:])))
    worker.join()
    assert events[-1][0] == "end"
    assert events[-1][1]["state"] == "done" and events[-1][1]["percent"] == 100
    percents = [int(e[1]["percent"]) for e in events if e[0] == "progress"]  # type: ignore[call-overload]
    assert percents == sorted(percents)
    # The first event is the job's stored state when the stream opened (a fast worker may
    # already have finished it).
    assert events[0][1]["state"] in ("queued", "running", "done")


def test_a_queued_job_can_be_cancelled(client: TestClient) -> None:
    headers, round_id = _round(client)
    job = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=headers
    ).json()
    answer = client.post(f"/api/v1/jobs/{job['id']}/cancel", headers=headers)
    assert (answer.status_code, answer.json()["state"]) == (202, "cancelled")
    run_queued(client)  # its message does nothing now
    assert client.get(f"/api/v1/jobs/{job['id']}", headers=headers).json()["state"] == "cancelled"


def test_a_running_job_stops_at_its_next_look_and_leaves_no_half_file(client: TestClient) -> None:
    headers, round_id = _round(client)
    job = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=headers
    ).json()
    rt = runtime(client)
    with rt.sessions.begin() as db:  # asked to stop as it starts (state still queued)
        db.execute(update(Job).where(Job.id == job["id"]).values(cancel_requested=True))
    run_queued(client)
    stopped = rt.jobs.get(job["id"])
    assert stopped is not None and stopped.state == "cancelled"
    for f in stopped.files:  # whatever was stored is whole
        assert hashlib.sha256(rt.store.read(f.sha256)).hexdigest() == f.sha256
    assert not any((rt.settings.jobs_dir).iterdir())  # the work folder is gone


def test_a_job_taken_over_after_its_worker_stopped_redoes_nothing_finished(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers, round_id = _round(client)
    job = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": False}, headers=headers
    ).json()
    original = runner_module._Tracker.__call__
    seen = {"n": 0}

    def stop_after_four(self: runner_module._Tracker, event: runner_module.Progress) -> None:
        original(self, event)
        if event.stage == "render" and event.item:
            seen["n"] += 1
            if seen["n"] == 4:
                self.flush()
                raise Interrupted("SIGTERM")  # what run_batch raises when the worker is stopped

    monkeypatch.setattr(runner_module._Tracker, "__call__", stop_after_four)
    run_queued(client)  # stops after four documents; the job goes back to the queue
    rt = runtime(client)
    halfway = rt.jobs.get(job["id"])
    assert halfway is not None and halfway.state == "queued" and halfway.attempts == 1
    assert len(halfway.files) == 4
    monkeypatch.setattr(runner_module._Tracker, "__call__", original)
    assert run_queued(client) == 1  # the requeued message, taken over
    done = client.get(f"/api/v1/jobs/{job['id']}", headers=headers).json()
    assert (done["state"], done["attempts"]) == ("done", 2)
    assert (done["summary"]["skipped"], done["summary"]["produced"]) == (4, 3)


@pytest.mark.slow
@pytest.mark.skipif(not soffice_available(), reason="LibreOffice is not installed")
def test_pdfs_and_the_bundle(client: TestClient) -> None:
    headers, round_id = _round(client)
    job = client.post(
        f"/api/v1/rounds/{round_id}/batch", json={"pdf": True, "bundle": True}, headers=headers
    ).json()
    run_queued(client)
    done = client.get(f"/api/v1/jobs/{job['id']}", headers=headers).json()
    assert done["state"] == "done", done
    assert done["summary"]["pdfs"] == 7 and done["total"] == 15 and done["done"] == 15
    bundle = client.get(f"/api/v1/jobs/{job['id']}/bundle", headers=headers)
    assert bundle.status_code == 200 and bundle.content.startswith(b"%PDF")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(bundle.content))
    assert len(reader.pages) == done["summary"]["bundle_pages"] and reader.outline
