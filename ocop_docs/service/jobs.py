"""Batch jobs as rows: their state and progress as stored, so any web process can report
them and any worker can take them over (issue 13, "Rounds and production").

The life of a job: ``queued`` (in the queue) → ``running`` (claimed by one worker, which
writes its progress and a heartbeat) → ``done`` | ``failed`` | ``cancelled``. Claiming is
one conditional ``UPDATE`` (``… WHERE state = 'queued'``), so a message delivered twice, or
to two workers, runs the job once. A running job whose heartbeat stopped (its worker was
killed) is put back to ``queued`` by whichever worker notices first (again one
conditional ``UPDATE``), and finishes from what the killed one had stored.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ocop_docs.service.database import utcnow
from ocop_docs.service.records import new_id
from ocop_docs.service.tables import FINAL_STATES, Job, JobBlob

MAX_ATTEMPTS = 3


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True, slots=True)
class JobFile:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class JobView:
    id: str
    round_id: str
    province: int
    state: str
    phase: str
    done: int
    total: int
    failed: int
    options: dict[str, Any]
    summary: dict[str, Any]
    error: dict[str, Any] | None
    manifest: str | None
    bundle: str | None
    cancel_requested: bool
    attempts: int
    worker: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    files: tuple[JobFile, ...]

    @property
    def final(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def percent(self) -> int:
        if self.state == "done":
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    def to_json(self) -> dict[str, Any]:
        """The answer of ``GET /api/v1/jobs/{id}`` (and each server-sent event)."""
        return {
            "id": self.id,
            "round": self.round_id,
            "state": self.state,
            "phase": self.phase,
            "done": self.done,
            "total": self.total,
            "failed": self.failed,
            "percent": self.percent,
            "attempts": self.attempts,
            "cancel_requested": self.cancel_requested,
            "options": self.options,
            "summary": self.summary,
            "error": self.error,
            "worker": self.worker,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "finished_at": (
                self.finished_at.isoformat(timespec="seconds") + "Z" if self.finished_at else None
            ),
            "files": len(self.files),
            "bundle": self.bundle,
        }


def _view(row: Job) -> JobView:
    return JobView(
        row.id,
        row.round_id,
        row.province,
        row.state,
        row.phase,
        row.done,
        row.total,
        row.failed,
        dict(row.options or {}),
        dict(row.summary or {}),
        row.error,
        row.manifest,
        row.bundle,
        row.cancel_requested,
        row.attempts,
        row.worker,
        row.created_at,
        row.finished_at,
        tuple(JobFile(f.path, f.sha256, f.size) for f in row.files),
    )


class Jobs:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.db = sessions

    def create(
        self, round_id: str, province: int, options: dict[str, Any], user_id: int | None
    ) -> tuple[str, bool]:
        """A new queued job, or the one already queued or running for the same round and
        options (so a double click, or a client's retry, starts one production); the
        job's id and whether it is new."""
        with self.db.begin() as db:
            for row in db.scalars(
                select(Job).where(Job.round_id == round_id, Job.state.in_(("queued", "running")))
            ):
                if row.options == options and not row.cancel_requested:
                    return row.id, False
            job = Job(
                id=new_id(),
                round_id=round_id,
                province=province,
                state="queued",
                phase="",
                done=0,
                total=0,
                failed=0,
                options=options,
                summary={},
                cancel_requested=False,
                attempts=0,
                worker="",
                created_by=user_id,
                created_at=utcnow(),
            )
            db.add(job)
            return job.id, True

    def get(self, job_id: str) -> JobView | None:
        with self.db() as db:
            row = db.get(Job, job_id)
            return _view(row) if row is not None else None

    def of_round(self, round_id: str) -> list[JobView]:
        with self.db() as db:
            query = select(Job).where(Job.round_id == round_id).order_by(Job.created_at.desc())
            return [_view(r) for r in db.scalars(query)]

    def cancel(self, job_id: str) -> None:
        """Ask the job to stop: a queued job is cancelled now, a running one at the
        worker's next look at its row (within ``job_poll`` seconds of its next event)."""
        with self.db.begin() as db:
            db.execute(
                update(Job)
                .where(Job.id == job_id, Job.state == "queued")
                .values(state="cancelled", cancel_requested=True, finished_at=utcnow())
            )
            db.execute(
                update(Job)
                .where(Job.id == job_id, Job.state == "running")
                .values(cancel_requested=True)
            )

    # --- the worker's side ------------------------------------------------------------

    def claim(self, job_id: str, worker: str) -> bool:
        now = utcnow()
        with self.db.begin() as db:
            result = db.execute(
                update(Job)
                .where(Job.id == job_id, Job.state == "queued")
                .values(
                    state="running",
                    worker=worker,
                    attempts=Job.attempts + 1,
                    started_at=now,
                    heartbeat_at=now,
                )
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def progress(
        self,
        job_id: str,
        *,
        phase: str,
        done: int,
        total: int,
        failed: int,
        files: list[JobFile],
        manifest: str | None = None,
    ) -> bool:
        """Store the progress and the files finished since the last call; True when the
        job was asked to stop."""
        with self.db.begin() as db:
            row = db.get(Job, job_id)
            if row is None:
                return True
            row.phase, row.done, row.total, row.failed = phase, done, total, failed
            row.heartbeat_at = utcnow()
            if manifest is not None:
                row.manifest = manifest
            self._add_files(db, row, files)
            return row.cancel_requested

    @staticmethod
    def _add_files(db: Session, row: Job, files: list[JobFile]) -> None:
        known = {f.path: f for f in row.files}
        for f in files:
            old = known.get(f.path)
            if old is None:
                row.files.append(JobBlob(path=f.path, sha256=f.sha256, size=f.size))
                known[f.path] = row.files[-1]
            else:
                old.sha256, old.size = f.sha256, f.size

    def finish(
        self,
        job_id: str,
        state: str,
        *,
        summary: dict[str, Any] | None = None,
        error: dict[str, Any] | None = None,
        files: list[JobFile] | None = None,
        manifest: str | None = None,
        bundle: str | None = None,
    ) -> None:
        with self.db.begin() as db:
            row = db.get(Job, job_id)
            if row is None:
                return
            row.state = state
            row.finished_at = utcnow()
            row.heartbeat_at = row.finished_at
            if summary is not None:
                row.summary = summary
            row.error = error
            if manifest is not None:
                row.manifest = manifest
            if bundle is not None:
                row.bundle = bundle
            if state == "done":
                row.done = row.total = max(row.total, row.done, 1)
            self._add_files(db, row, files or [])

    def release(self, job_id: str) -> None:
        """A worker stopping in the middle (SIGTERM) hands the job back to the queue."""
        with self.db.begin() as db:
            db.execute(
                update(Job)
                .where(Job.id == job_id, Job.state == "running")
                .values(state="queued", worker="")
            )

    def stale(self, seconds: float) -> list[str]:
        """Running jobs whose worker has been silent ``seconds``: put back to ``queued``
        (or failed after :data:`MAX_ATTEMPTS`); the ids to enqueue again."""
        limit = utcnow() - dt.timedelta(seconds=seconds)
        out: list[str] = []
        with self.db() as db:
            ids = list(
                db.scalars(select(Job.id).where(Job.state == "running", Job.heartbeat_at < limit))
            )
        for job_id in ids:
            with self.db.begin() as db:
                row = db.get(Job, job_id)
                if row is None:
                    continue
                if row.attempts >= MAX_ATTEMPTS:
                    state, error = "failed", {"code": "job-gave-up", "attempts": row.attempts}
                else:
                    state, error = "queued", None
                result = db.execute(
                    update(Job)
                    .where(Job.id == job_id, Job.state == "running", Job.heartbeat_at < limit)
                    .values(state=state, worker="", error=error)
                )
                if result.rowcount and state == "queued":  # type: ignore[attr-defined]
                    out.append(job_id)
        return out

    def queued(self) -> list[str]:
        with self.db() as db:
            return list(db.scalars(select(Job.id).where(Job.state == "queued")))
