"""The job queue: huey, on SQLite by default and on Redis when the deployment grows.

Why huey: one small, long-maintained library whose storage is chosen by configuration —
a SQLite file that needs no server (the embedded default, ``OCOP_QUEUE_URL`` unset) or
Redis (``OCOP_QUEUE_URL=redis://…``) — with the same task code. Celery and Dramatiq need a
broker even on a laptop; RQ needs Redis; procrastinate needs PostgreSQL.

The queue carries job ids only: the job itself (its options, state and progress) is a row
in the database (:mod:`~ocop_docs.service.jobs`). So a message lost with a killed worker
loses nothing: the job's heartbeat stops, and any worker's sweep puts it back in the
queue; a message delivered twice runs the job once (claiming is conditional).

A worker process (:func:`run_worker`) takes one message at a time in its main thread, so
SIGTERM reaches ``run_batch`` as it does for the CLI: the render processes and LibreOffice
stop, the manifest of what was finished is written, and the job goes back to the queue.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from huey import Huey, RedisHuey, SqliteHuey, crontab

log = logging.getLogger("ocop_docs.service.worker")
TASK = "ocop.produce"
# issue 14: the registry's reminders, marked once a day at 06:00 in Vietnam (23:00 UTC;
# huey's crontab is in UTC). Every worker schedules it; marking is idempotent.
DAILY_TASK = "ocop.registry-reminders"
DAILY_AT = crontab(minute="0", hour="23")


def make_huey(url: str) -> Huey:
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey("ocop", filename=str(path), results=False, timeout=30)
    if url.startswith(("redis://", "rediss://", "unix://")):
        # ?queue=NAME keeps deployments (or test runs) that share one Redis apart.
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        name = query.pop("queue", ["ocop"])[-1]
        rest = urlunsplit(parts._replace(query=urlencode(query, doseq=True)))
        return RedisHuey(name, url=rest, results=False, blocking=True, read_timeout=1)
    raise ValueError(f"OCOP_QUEUE_URL: sqlite:///… or redis://…, not {url!r}")


class JobQueue:
    """Enqueue job ids; run them in a worker."""

    def __init__(
        self,
        url: str,
        handler: Callable[[str], None] | None = None,
        daily: Callable[[], object] | None = None,
    ) -> None:
        self.url = url
        self.huey = make_huey(url)
        self._handler = handler
        self._daily = daily
        self.interrupted = False  # a job was stopped by a signal (huey swallows it)
        self._task: Any = self.huey.task(name=TASK, retries=0)(self._run)
        self._periodic: Any = self.huey.periodic_task(DAILY_AT, name=DAILY_TASK, retries=0)(
            self._run_daily
        )
        self._checked_minute = -1.0

    def _run_daily(self) -> None:
        if self._daily is None:
            raise RuntimeError("this process runs no daily task (web role)")
        marked = self._daily()
        log.info("registry reminders marked: %s", marked)

    def schedule_periodic(self, now: float | None = None) -> int:
        """Queue the periodic tasks due this minute (what huey's own consumer does); at
        most once per minute. Returns how many were queued."""
        now = time.time() if now is None else now
        minute = now // 60
        if minute == self._checked_minute:
            return 0
        self._checked_minute = minute
        due = self.huey.read_periodic(dt.datetime.fromtimestamp(now, dt.UTC).replace(tzinfo=None))
        for task in due:
            self.huey.enqueue(task)
        return len(due)

    def _run(self, job_id: str) -> None:
        if self._handler is None:
            raise RuntimeError("this process runs no jobs (web role)")
        try:
            self._handler(job_id)
        except KeyboardInterrupt:
            self.interrupted = True
            raise

    def enqueue(self, job_id: str) -> None:
        self._task(job_id)

    def pending(self) -> int:
        return int(self.huey.pending_count())

    def flush(self) -> None:
        """Forget every message (tests)."""
        self.huey.flush()

    def run_one(self) -> bool:
        """Run the next message, if any; whether there was one."""
        task = self.huey.dequeue()
        if task is None:
            return False
        self.huey.execute(task)
        return True

    def close(self) -> None:
        with contextlib.suppress(Exception):  # reopened lazily by the storage if used again
            close = getattr(self.huey.storage, "close", None)
            if close is not None:
                close()


class Stopping:
    """SIGTERM/SIGINT while idle stop the loop; while a job runs, ``run_batch`` turns
    SIGTERM into :class:`~ocop_docs.production.pool.Interrupted` itself (main thread)."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._saved: dict[int, Any] = {}

    def __enter__(self) -> Stopping:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self._saved[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.event.set()
        raise KeyboardInterrupt(signal.Signals(signum).name)

    def __exit__(self, *exc: object) -> None:
        for sig, old in self._saved.items():
            signal.signal(sig, old)


def run_worker(
    queue: JobQueue,
    sweep: Callable[[], list[str]],
    *,
    idle: float = 0.2,
    sweep_every: float = 5.0,
    stop: threading.Event | None = None,
) -> None:
    """Take messages until stopped; every ``sweep_every`` seconds, ``sweep`` returns the
    stale jobs to enqueue again (killed workers' jobs)."""
    stop = stop or threading.Event()
    last_sweep = 0.0
    with Stopping() as stopping:
        while not (stop.is_set() or stopping.event.is_set() or queue.interrupted):
            try:
                if time.monotonic() - last_sweep > sweep_every:
                    for job_id in sweep():
                        log.info("job %s: its worker went silent; queued again", job_id)
                        queue.enqueue(job_id)
                    last_sweep = time.monotonic()
                if queue._daily is not None:
                    queue.schedule_periodic()  # issue 14: the daily registry task
                if not queue.run_one() and not queue.url.startswith("redis"):
                    stop.wait(idle)  # Redis blocks in dequeue (read_timeout) instead
            except KeyboardInterrupt:
                break
            except Exception:  # one bad message or a lost connection: log, go on
                log.exception("worker loop")
                stop.wait(1.0)
