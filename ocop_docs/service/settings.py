"""Settings of the dossier-check service: command-line options over environment variables.

Every setting has an ``OCOP_*`` environment variable (documented in the README) and a
default that runs on a laptop with nothing else installed (architecture §4): SQLite and a
local folder under the data directory, a job queue in a SQLite file beside it. Growing is a
matter of configuration only (issue 13): ``OCOP_DATABASE_URL=postgresql+psycopg://…``,
``OCOP_QUEUE_URL=redis://…``, ``OCOP_STORAGE_URL=s3://bucket/prefix?endpoint=…`` and
``ocop-docs serve --role web|worker``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


def parse_size(text: str) -> int:
    """ "200MB", "512K", "1048576" → bytes (binary units, as ``validate --max-size``)."""
    units = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": MIB, "MB": MIB, "G": 1024 * MIB}
    units["GB"] = units["G"]
    raw = text.strip().upper().replace(" ", "")
    number = raw.rstrip("KMGB")
    value = int(float(number) * units[raw[len(number) :]])
    if value <= 0:
        raise ValueError(text)
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    """What one service process runs with; the field names are the environment's, lower case."""

    data_dir: Path = Path("ocop-data")
    max_upload: int = 200 * MIB  # whole request body (OCOP_MAX_UPLOAD)
    max_attachment: int = 50 * MIB  # one attachment, as validate's --max-size default
    max_files: int = 500  # files in one upload or entries in one zip
    max_unpacked: int = 500 * MIB  # a zip's total uncompressed size
    max_ratio: int = 200  # uncompressed/compressed, per zip entry and for the whole zip
    retention_days: int = 7  # OCOP_RETENTION_DAYS: an anonymous check is kept at most this long
    workers: int = 4  # threads validating and rendering off the event loop
    queue: int = 64  # requests waiting for a worker before "busy" (503)
    pdf_workers: int = 1  # LibreOffice processes at once (each a start of its own)
    soffice: str | None = None  # LibreOffice executable (default: found on PATH)
    database_url: str | None = None  # default: SQLite (WAL) in data_dir
    purge_interval: float = 3600.0  # seconds between retention sweeps
    # --- officials (issue 13) ----------------------------------------------------------
    queue_url: str | None = None  # default: huey's SQLite storage in data_dir; redis://…
    storage_url: str | None = None  # default: data_dir/files; s3://bucket/prefix?endpoint=…
    role: str = "all"  # web | worker | all (web and one worker process)
    session_hours: float = 12.0  # a session ends this long after its last use
    session_max_hours: float = 24.0 * 7  # … and at the latest this long after sign-in
    login_failures: int = 5  # failed sign-ins per account (and per address) …
    login_window: float = 900.0  # … within this many seconds before further tries wait
    secure_cookies: bool | None = None  # None: Secure when the request came over TLS
    batch_jobs: int | None = None  # render processes and LibreOffice workers of one job
    worker_threads: int = 1  # jobs one worker process runs at once
    job_poll: float = 0.5  # seconds between reads of a job's stored state (events, cancel)
    job_stale: float = 60.0  # a running job whose worker was silent this long is retried

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'ocop.sqlite3').resolve()}"

    @property
    def queue_location(self) -> str:
        return self.queue_url or f"sqlite:///{(self.data_dir / 'queue.sqlite3').resolve()}"

    @property
    def jobs_dir(self) -> Path:
        """Where a worker makes a job's documents before they go to the store."""
        return self.data_dir / "jobs"

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "files"

    @property
    def work_dir(self) -> Path:
        """Fresh temporary folders for uploads are made here, beside the store (same disk)."""
        return self.data_dir / "tmp"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``OCOP_*`` variables, then explicit ``overrides`` (CLI options)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"OCOP_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, raw)
        settings = cls(**values)
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given)


def _convert(name: str, raw: str) -> Any:
    if name == "data_dir":
        return Path(raw)
    if name in ("max_upload", "max_attachment", "max_unpacked"):
        return parse_size(raw)
    if name in _INTS:
        value = int(raw)
        if value < (0 if name == "retention_days" else 1):
            raise ValueError(f"OCOP_{name.upper()}={raw}")
        return value
    if name in _FLOATS:
        number = float(raw)
        if number <= 0:
            raise ValueError(f"OCOP_{name.upper()}={raw}")
        return number
    if name == "secure_cookies":
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if name == "role" and raw not in ROLES:
        raise ValueError(f"OCOP_ROLE={raw}")
    return raw


ROLES = ("web", "worker", "all")
_INTS = frozenset(
    {
        "max_files",
        "max_ratio",
        "retention_days",
        "workers",
        "queue",
        "pdf_workers",
        "login_failures",
        "batch_jobs",
        "worker_threads",
    }
)
_FLOATS = frozenset(
    {
        "purge_interval",
        "session_hours",
        "session_max_hours",
        "login_window",
        "job_poll",
        "job_stale",
    }
)


def to_env(settings: Settings) -> dict[str, str]:
    """The settings as ``OCOP_*`` variables, for a worker process started by ``serve``."""
    out: dict[str, str] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        if isinstance(value, bool):
            value = "1" if value else "0"
        out[f"OCOP_{f.name.upper()}"] = str(value)
    return out
