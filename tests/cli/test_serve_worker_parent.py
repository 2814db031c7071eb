"""``ocop-docs serve`` killed outright (SIGKILL, the OOM killer) cannot stop the worker it
started; the worker notices its parent is gone and stops, so no orphan keeps taking jobs."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.service.backends import free_port

OCOP = str(Path(sys.executable).with_name("ocop-docs"))


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in found.read_text().split()] if found.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    return state != "Z"


def test_the_worker_stops_when_serve_is_killed(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "OCOP_DATA_DIR": str(tmp_path / "data")}
    for key in ("OCOP_DATABASE_URL", "OCOP_QUEUE_URL", "OCOP_STORAGE_URL"):
        env.pop(key, None)
    proc = subprocess.Popen(
        [OCOP, "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and not workers:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    workers = _children(proc.pid)
            time.sleep(0.2)
        assert workers, "serve started no worker"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.2)
        left = [w for w in workers if _alive(w)]
        for w in left:  # leave nothing behind, whatever the result
            os.kill(w, signal.SIGKILL)
        assert left == []
    finally:
        if proc.poll() is None:
            proc.kill()
