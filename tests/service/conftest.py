"""Fixtures of the service tests: an app on a fresh data folder, uploads built in memory."""

from __future__ import annotations

import io
import os
import secrets
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ocop_docs.service.app import create_app
from ocop_docs.service.settings import Settings
from tests.service.backends import (
    REDIS,
    Scaled,
    moto_server,
    postgres_database,
    redis_ok,
    s3_environment,
    truncate,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "ho-so"
SAMPLE = SAMPLES / "mien-dong-tai-hoan"
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())


def zip_folder(folder: Path, prefix: str | None = None) -> bytes:
    """The folder as a zip, its entries under ``prefix/`` (the folder's name by default)."""
    prefix = folder.name if prefix is None else prefix
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                rel = path.relative_to(folder).as_posix()
                archive.write(path, f"{prefix}/{rel}" if prefix else rel)
    return buffer.getvalue()


def folder_files(folder: Path, prefix: str | None = None) -> list[tuple[str, tuple[str, bytes]]]:
    """The folder as a browser's folder upload sends it: one part per file, named by path."""
    prefix = folder.name if prefix is None else prefix
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            rel = path.relative_to(folder).as_posix()
            out.append(("files", (f"{prefix}/{rel}" if prefix else rel, path.read_bytes())))
    return out


def make_zip(entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def scaled() -> Iterator[Scaled]:
    """PostgreSQL, Redis and S3 (moto) on loopback, made for this test run."""
    if not redis_ok():
        from tests.service.backends import _missing

        _missing("Redis")
    for key, value in s3_environment().items():
        os.environ.setdefault(key, value)
    with postgres_database() as url, moto_server() as endpoint:
        yield Scaled(url, REDIS, endpoint)


@pytest.fixture(params=["embedded", "scaled"])
def backend(request: pytest.FixtureRequest) -> str:
    """Every service test runs on the embedded default and on PostgreSQL + Redis + S3."""
    return str(request.param)


def scaled_settings(base: Settings, scaled: Scaled) -> Settings:
    truncate(scaled.database_url)
    run = secrets.token_hex(4)
    sep = "&" if "?" in scaled.redis_url else "?"
    return replace(
        base,
        database_url=scaled.database_url,
        queue_url=f"{scaled.redis_url}{sep}queue=ocop-test-{run}",
        storage_url=f"s3://ocop-test/{run}?endpoint={scaled.s3_endpoint}",
    )


@pytest.fixture()
def settings(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Settings:
    base = Settings(
        data_dir=tmp_path / "data",
        max_upload=8 * 1024 * 1024,
        max_files=60,
        workers=2,
        batch_jobs=1,
        job_poll=0.05,
    )
    if backend == "embedded":
        return base
    return scaled_settings(base, request.getfixturevalue("scaled"))


@pytest.fixture()
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client
