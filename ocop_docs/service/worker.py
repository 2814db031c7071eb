"""A worker process: runs batch jobs from the queue (``ocop-docs serve --role worker``, or
the one process ``ocop-docs serve`` starts beside the web app).

Settings come from the ``OCOP_*`` environment, as for the web app; a worker needs the same
database, queue and storage, and LibreOffice for PDFs (one pool per job, ``OCOP_BATCH_JOBS``
workers). Start as many as the machines allow: they share one queue.
"""

from __future__ import annotations

import logging
import os
import threading

from ocop_docs.service.jobqueue import JobQueue, run_worker
from ocop_docs.service.registry import mark_reminders
from ocop_docs.service.runner import JobRunner
from ocop_docs.service.runtime import Runtime
from ocop_docs.service.settings import Settings

log = logging.getLogger("ocop_docs.service.worker")


def serve_worker(settings: Settings, stop: threading.Event | None = None) -> None:
    """Run jobs until SIGTERM (or ``stop``); a job running then goes back to the queue."""
    rt = Runtime(settings)
    runner = JobRunner(settings, rt.jobs, rt.rounds, rt.store, rt.queue.enqueue)
    queue = JobQueue(settings.queue_location, runner.run, daily=lambda: mark_reminders(rt.sessions))

    def sweep() -> list[str]:
        return rt.jobs.stale(settings.job_stale)

    log.info("worker ready (queue %s)", queue.url.split("@")[-1])
    try:
        run_worker(queue, sweep, sweep_every=max(1.0, settings.job_stale / 4), stop=stop)
    finally:
        queue.close()
        rt.close()


def _watch_parent(parent: int, stop: threading.Event, every: float = 1.0) -> None:
    """Stop when the process that started this worker is gone (``ocop-docs serve`` killed
    with SIGKILL, or by the OOM killer, cannot stop its worker itself): no orphan worker
    keeps taking jobs for a web app that no longer runs."""
    while not stop.wait(every):
        if os.getppid() != parent:
            log.info("the serving process %s is gone: stopping", parent)
            stop.set()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    stop = threading.Event()
    parent = os.environ.get("OCOP_PARENT_PID", "")
    if parent.isdigit():
        threading.Thread(
            target=_watch_parent, args=(int(parent), stop), daemon=True, name="ocop-parent"
        ).start()
    serve_worker(Settings.from_env(), stop=stop)


if __name__ == "__main__":
    main()
