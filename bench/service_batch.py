"""Benchmark: a whole round produced through the service against the same batch through the
CLI, on the embedded default and on PostgreSQL + Redis with one and two workers (issue 13).

Run from the repository root (LibreOffice, PostgreSQL and Redis on loopback):

    python bench/service_batch.py                  # 200 products; writes bench/results/service_batch.md
    python bench/service_batch.py --products 60    # quicker

Rows, all in one run on the same synthetic round (``bench/batch_bench.make_round``: N
recognised products, so N certificates, the minutes and the decision):

* **CLI**: ``ocop-docs batch dot.csv -o OUT -j 1`` (docx; then ``--pdf``), one process.
* **service, embedded**: ``ocop-docs serve`` (SQLite, local folder, huey on SQLite, the one
  worker it starts, ``OCOP_BATCH_JOBS=1``); the time from ``POST …/batch`` until the job's
  stored state says ``done`` (read every 0.1 s), files in the store.
* **service, PostgreSQL + Redis**: ``serve --role web`` and one or two ``--role worker``
  processes (storage: a shared folder, ``OCOP_STORAGE_URL=file://…``). For the worker
  scaling, two productions of N/2 products each are submitted at once; with one worker
  they run one after the other, with two side by side.

Bounded: every wait has a deadline; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from batch_bench import make_round  # noqa: E402

from ocop_docs.service.accounts import Accounts  # noqa: E402
from ocop_docs.service.database import make_engine, migrate, session_factory  # noqa: E402
from ocop_docs.service.settings import Settings  # noqa: E402
from tests.service.backends import free_port, postgres_database, truncate  # noqa: E402

OCOP = str(Path(sys.executable).with_name("ocop-docs"))
DEADLINE = 900.0
PASSWORD = "bench-password-long"


def _wait_http(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


@contextlib.contextmanager
def service(env: dict[str, str], workers: int, role_all: bool) -> Iterator[str]:
    port = free_port()
    procs = []
    role = [] if role_all else ["--role", "web"]
    procs.append(
        subprocess.Popen(
            [OCOP, "serve", "--port", str(port), "--log-level", "warning", *role], env=env
        )
    )
    if not role_all:
        for n in range(workers):
            wenv = {**env, "OCOP_DATA_DIR": env["OCOP_DATA_DIR"] + f"-w{n}"}
            procs.append(
                subprocess.Popen(
                    [OCOP, "serve", "--role", "worker"], env=wenv, stderr=subprocess.DEVNULL
                )
            )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_http(url)
        yield url
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()


def _client(url: str, settings: Settings) -> httpx.Client:
    engine = make_engine(settings.db_url)
    migrate(engine)
    accounts = Accounts(session_factory(engine), settings)
    user = accounts.add_user(f"bench-{time.monotonic_ns()}", PASSWORD, "tinh", province=19)
    token = accounts.new_token(user)
    engine.dispose()
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=120)


def _upload(client: httpx.Client, folder: Path) -> str:
    files = [("round", (p.name, p.read_bytes())) for p in sorted(folder.glob("dot*.csv"))]
    answer = client.post("/api/v1/rounds", files=files)
    answer.raise_for_status()
    return str(answer.json()["id"])


def _produce(client: httpx.Client, rounds: list[str], pdf: bool) -> float:
    """Seconds from submitting the productions until every one is done (stored state)."""
    start = time.monotonic()
    jobs = [
        client.post(f"/api/v1/rounds/{r}/batch", json={"pdf": pdf, "bundle": False}).json()["id"]
        for r in rounds
    ]
    while time.monotonic() - start < DEADLINE:
        states = [client.get(f"/api/v1/jobs/{j}").json()["state"] for j in jobs]
        if all(s in ("done", "failed", "cancelled") for s in states):
            if any(s != "done" for s in states):
                raise RuntimeError(f"a job ended {states}")
            return time.monotonic() - start
        time.sleep(0.1)
    raise RuntimeError("deadline")


def cli(folder: Path, out: Path, pdf: bool) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.monotonic()
    args = [OCOP, "batch", str(folder / "dot.csv"), "-o", str(out), "-j", "1", "--no-progress"]
    subprocess.run(args + (["--pdf"] if pdf else []), check=True, capture_output=True)
    return time.monotonic() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument(
        "--output", type=Path, default=ROOT / "bench" / "results" / "service_batch.md"
    )
    args = parser.parse_args(argv)
    n = args.products
    rows: list[tuple[str, str, float, int]] = []  # what, setup, seconds, documents
    with tempfile.TemporaryDirectory(prefix="ocop-sbench-", dir=ROOT) as tmp:
        work = Path(tmp)
        full = make_round(n, work / "full")
        half = make_round(n // 2, work / "half")
        docs_full, docs_half = n + 2, n // 2 + 2
        base_env = {k: v for k, v in os.environ.items() if not k.startswith("OCOP_")}
        base_env.update({"OCOP_BATCH_JOBS": "1", "OCOP_JOB_POLL": "0.1"})
        for pdf in (False, True):
            label = "docx + PDF" if pdf else "docx"
            rows.append(
                (
                    f"CLI `batch -j 1` ({label})",
                    "one process",
                    cli(full.parent, work / "cli-out", pdf),
                    docs_full,
                )
            )
            env = {**base_env, "OCOP_DATA_DIR": str(work / f"embedded-{pdf}")}
            with service(env, 1, role_all=True) as url:
                client = _client(url, Settings(data_dir=Path(env["OCOP_DATA_DIR"])))
                round_id = _upload(client, full.parent)
                rows.append(
                    (
                        f"service ({label})",
                        "embedded: SQLite, huey/SQLite, 1 worker",
                        _produce(client, [round_id], pdf),
                        docs_full,
                    )
                )
        with postgres_database() as db_url:
            for workers in (1, 2):
                truncate(db_url)
                env = {
                    **base_env,
                    "OCOP_DATA_DIR": str(work / f"scaled-{workers}"),
                    "OCOP_DATABASE_URL": db_url,
                    "OCOP_QUEUE_URL": f"redis://127.0.0.1:6379/0?queue=ocop-bench-{os.getpid()}-{workers}",
                    "OCOP_STORAGE_URL": f"file://{work / f'shared-{workers}'}",
                }
                with service(env, workers, role_all=False) as url:
                    client = _client(
                        url, Settings(data_dir=Path(env["OCOP_DATA_DIR"]), database_url=db_url)
                    )
                    if workers == 1:
                        round_id = _upload(client, full.parent)
                        rows.append(
                            (
                                "service (docx + PDF)",
                                "PostgreSQL + Redis, 1 worker",
                                _produce(client, [round_id], True),
                                docs_full,
                            )
                        )
                    rounds = [_upload(client, half.parent), _upload(client, half.parent)]
                    rows.append(
                        (
                            f"2 productions of {n // 2} (docx + PDF)",
                            f"PostgreSQL + Redis, {workers} worker{'s' if workers > 1 else ''}",
                            _produce(client, rounds, True),
                            2 * docs_half,
                        )
                    )
    lines = [
        f"# Service batch benchmark ({n} products)",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        "each LibreOffice pool has one worker (`-j 1`, `OCOP_BATCH_JOBS=1`).",
        "",
        "| what | set-up | seconds | documents | documents/s |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for what, setup, seconds, docs in rows:
        lines.append(f"| {what} | {setup} | {seconds:.1f} | {docs} | {docs / seconds:.1f} |")
    cli_pdf = next(s for w, _, s, _ in rows if w.startswith("CLI") and "PDF" in w)
    emb_pdf = next(
        s for w, st, s, _ in rows if w == "service (docx + PDF)" and st.startswith("embedded")
    )
    one = next(s for w, st, s, _ in rows if w.startswith("2 productions") and "1 worker" in st)
    two = next(s for w, st, s, _ in rows if w.startswith("2 productions") and "2 workers" in st)
    lines += [
        "",
        f"Service over CLI (docx + PDF, embedded): {100 * (emb_pdf / cli_pdf - 1):+.1f} % (goal ≤ 10 %).",
        f"Two workers against one (PDF): {one / two:.2f}× (goal ≥ 1.7×).",
    ]
    text = "\n".join(lines) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
