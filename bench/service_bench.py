"""Benchmark: the dossier-check service under load, side by side with the library call.

Starts ``ocop-docs serve`` on 127.0.0.1 (a free port, a fresh data folder), then, in the
same run:

  * the library: ``render_json(validate([folder]))`` on the Tài Hoan dossier and its 13
    attachments (what ``ocop-docs validate --format json`` does, start-up excluded), one
    call after another for ``--seconds``;
  * the service: ``POST /api/v1/validate`` with the same dossier as one .zip, from a fixed
    number of simulated users (1, 8 and 32 by default), each sending its next request when
    the previous answer arrived, for ``--seconds`` each.

Loopback only, bounded in users and time, stops by itself. Reports requests/s, p50 and p95
latency and errors (any answer but 200 with the CLI's report counts as an error), writes a
Markdown table to stdout and to bench/results/service.md.

Run:  python bench/service_bench.py [--seconds 15] [--users 1 8 32]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import httpx

from ocop_docs.validation.pipeline import validate
from ocop_docs.validation.reporters import render_json

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
HOST = "127.0.0.1"  # loopback only


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return buffer.getvalue()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def library(seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        render_json(validate([SAMPLE]))
        latencies.append(time.perf_counter() - start)
    return summary(latencies, seconds, 0)


def library_from_zip(body: bytes, seconds: float, work: Path) -> dict[str, float]:
    """The library on the same zip, unpacked to a fresh folder first and removed after:
    the part of the service's work that any upload needs before validation can start."""
    latencies: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        folder = Path(tempfile.mkdtemp(dir=work))
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            archive.extractall(folder)  # trusted input here: the bench's own zip
        render_json(validate([folder / SAMPLE.name]))
        shutil.rmtree(folder)
        latencies.append(time.perf_counter() - start)
    return summary(latencies, seconds, 0)


def summary(latencies: list[float], seconds: float, errors: int) -> dict[str, float]:
    return {
        "requests": len(latencies),
        "rate": len(latencies) / seconds,
        "p50": pct(latencies, 0.50) * 1000,
        "p95": pct(latencies, 0.95) * 1000,
        "mean": statistics.fmean(latencies) * 1000,
        "errors": errors,
    }


async def load(url: str, body: bytes, users: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        end = time.perf_counter() + seconds

        async def user() -> None:
            nonlocal errors
            while time.perf_counter() < end:
                start = time.perf_counter()
                files = {"files": ("mien-dong-tai-hoan.zip", body, "application/zip")}
                try:
                    answer = await client.post("/api/v1/validate", files=files)
                    ok = answer.status_code == 200 and answer.json()["dossiers"][0]["valid"]
                except (httpx.HTTPError, ValueError, KeyError):
                    ok = False
                latencies.append(time.perf_counter() - start)
                errors += 0 if ok else 1

        started = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(users)))
        elapsed = time.perf_counter() - started
    return summary(latencies, elapsed, errors)


def start_server(port: int, data: Path, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "OCOP_WORKERS": str(workers)}
    cmd = [
        sys.executable,
        "-m",
        "ocop_docs",
        "serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--data-dir",
        str(data),
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the service did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--users", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--workers", type=int, default=4, help="service worker threads")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "service.md")
    args = parser.parse_args()
    body = zipped(SAMPLE)
    # The API must answer exactly the library's report (the CLI's JSON) on these files.
    expected = json.loads(render_json(validate([SAMPLE])))
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        server = start_server(port, Path(tmp), args.workers)
        url = f"http://{HOST}:{port}"
        try:
            check = httpx.post(f"{url}/api/v1/validate", files={"files": ("x.zip", body)}).json()
            check["dossiers"][0]["source"] = expected["dossiers"][0]["source"]
            check["dossiers"][0]["file"] = expected["dossiers"][0]["file"]
            assert check == expected, "the service's report differs from the library's"
            asyncio.run(load(url, body, 4, 2.0))  # warm-up: imports, caches, connections
            lib = library(args.seconds)
            unzip = library_from_zip(body, args.seconds, Path(tmp))
            rows = [
                ("library call (in process)", 1, lib),
                ("library call after unzipping to a fresh folder", 1, unzip),
            ]
            for users in args.users:
                rows.append(
                    (
                        "POST /api/v1/validate",
                        users,
                        asyncio.run(load(url, body, users, args.seconds)),
                    )
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    cpu = platform.processor() or platform.machine()
    lines = [
        f"Machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{args.seconds:g} s per row; dossier: {SAMPLE.name} (ho-so.yaml + 13 attachments, "
        f"{len(body) // 1024} KB zipped); service: {args.workers} worker threads, one process.",
        "",
        "| what | users | requests | requests/s | p50 ms | p95 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, users, r in rows:
        lines.append(
            f"| {name} | {users} | {r['requests']:.0f} | {r['rate']:.0f} | {r['p50']:.1f} | "
            f"{r['p95']:.1f} | {r['errors']:.0f} |"
        )
    one = rows[2][2]
    lines += [
        "",
        f"Service at 1 user vs the library call: p50 {one['p50']:.1f} ms vs {lib['p50']:.1f} ms "
        f"(+{(one['p50'] / lib['p50'] - 1) * 100:.0f} %); vs unzip + library "
        f"{unzip['p50']:.1f} ms (+{(one['p50'] / unzip['p50'] - 1) * 100:.0f} %).",
    ]
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
