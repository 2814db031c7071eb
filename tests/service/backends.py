"""The two deployments the service tests run on (issue 13): the embedded default (SQLite,
a local folder, huey on SQLite) and the scaled-out one (PostgreSQL, huey on Redis, S3
through moto's server on 127.0.0.1).

PostgreSQL and Redis run on loopback on the development machines and in CI (``.ci/run``
starts them). The tests make what they need and remove it: a role and a database of their
own (through ``su postgres`` when run as root, or ``OCOP_TEST_DATABASE_URL``), a Redis
queue name of their own, a bucket prefix of their own. Without PostgreSQL or Redis the
scaled run is skipped, unless ``OCOP_REQUIRE_SCALED=1`` (CI) makes that a failure.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text

PG_ROLE = "ocop_test"
PG_PASSWORD = "ocop-test-password"  # a throw-away role on a loopback-only server
REDIS = os.environ.get("OCOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@dataclass(frozen=True, slots=True)
class Scaled:
    database_url: str
    redis_url: str
    s3_endpoint: str


def _missing(what: str) -> None:
    if os.environ.get("OCOP_REQUIRE_SCALED") == "1":
        pytest.fail(f"{what} is not available (OCOP_REQUIRE_SCALED=1)")
    pytest.skip(f"{what} is not available on loopback")


def _psql(sql: str) -> None:
    subprocess.run(
        ["su", "postgres", "-c", f'psql -v ON_ERROR_STOP=1 -Atqc "{sql}"'],
        check=True,
        capture_output=True,
        cwd="/",
    )


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    given = os.environ.get("OCOP_TEST_DATABASE_URL")
    if given:
        yield given
        return
    if (
        shutil.which("pg_isready") is None
        or subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"], check=False).returncode
    ):
        _missing("PostgreSQL")
    if os.geteuid() != 0:
        _missing("PostgreSQL (set OCOP_TEST_DATABASE_URL when not root)")
    name = f"ocop_test_{secrets.token_hex(4)}"
    _psql(
        f"DO \\$\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PG_ROLE}') "
        f"THEN CREATE ROLE {PG_ROLE} LOGIN PASSWORD '{PG_PASSWORD}'; END IF; END\\$\\$;"
    )
    _psql(f"CREATE DATABASE {name} OWNER {PG_ROLE}")
    try:
        yield f"postgresql+psycopg://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:5432/{name}"
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            _psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def redis_ok() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def moto_server() -> Iterator[str]:
    """moto's S3 stand-in as a server on 127.0.0.1 (a process of its own)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            break
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            _missing("moto's S3 server")
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def truncate(database_url: str) -> None:
    """Empty every table of the service (the migrations stay): each test starts clean.

    A connection left open by an earlier test (a worker process that has not exited yet, a
    pool not disposed) would make TRUNCATE wait for its lock for ever: such sessions of this
    test database are ended first, and the lock is waited for 30 s at most, so a leak fails
    the test that meets it instead of stalling the run."""
    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL lock_timeout = '30s'"))
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            names = connection.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version'"
                )
            ).scalars()
            tables = ", ".join(f'"{n}"' for n in names)
            if tables:
                connection.execute(text(f"TRUNCATE {tables} CASCADE"))
    finally:
        engine.dispose()


def s3_environment() -> dict[str, str]:
    return {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
