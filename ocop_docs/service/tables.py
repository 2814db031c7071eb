"""The officials' side of the service's database (issue 13): accounts, sessions, API tokens,
the audit log, dossiers filed with a commune, rounds, council seats and scorecards, and the
batch jobs with their stored progress.

Every row that holds a province's data carries its ``province`` (the code of today's 34
provinces, QĐ 19/2025/QĐ-TTg, as :mod:`ocop_docs.rules.units` has them) and, where it
belongs to one, its ``commune``: queries always filter on them, so one deployment serves
every province and nobody reads another's rows. Ids that reach a URL are 32 random bytes.
The schema is made only by the Alembic migrations (``0002_officials``), on SQLite and
PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_docs.service.database import Base, utcnow

ROLES = ("xa", "tinh", "hoi_dong", "quan_tri")
JOB_STATES = ("queued", "running", "done", "failed", "cancelled")
FINAL_STATES = frozenset({"done", "failed", "cancelled"})


class User(Base):
    """An official's account; cooperatives never have one (they stay anonymous)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    province: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    commune: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    password_changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Session(Base):
    """A signed-in browser: the cookie holds a random token, the row only its SHA-256."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the token
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class ApiToken(Base):
    """A machine client's bearer token, stored hashed, with its owner's role and province."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class LoginFailure(Base):
    """One failed sign-in, by account name and by client address (throttling)."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200), index=True)  # "user:…" or "addr:…"
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)


class AuditEntry(Base):
    """Who produced, downloaded, deleted or changed what, and when."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(32))  # "round", "job", "dossier", "user", …
    target_id: Mapped[str] = mapped_column(String(64), default="")
    province: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CaseFile(Base):
    """A dossier filed with a commune: uploaded by its officer, or submitted by a
    cooperative from an anonymous check. Its files are blobs, as a check's are."""

    __tablename__ = "dossiers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    province: Mapped[int] = mapped_column(Integer, index=True)
    commune: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(255), index=True)  # its folder's name
    product: Mapped[str] = mapped_column(String(255), default="")
    producer: Mapped[str] = mapped_column(String(255), default="")
    product_set: Mapped[int | None] = mapped_column(Integer, nullable=True)
    origin: Mapped[str] = mapped_column(String(16))  # "upload" or "check"
    # The anonymous check it was submitted from (one submission per check).
    source_check: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    # The commune's Mẫu 03 assessment (QĐ 26/2026 Điều 7.2.a), a JSON blob, once written.
    assessment: Mapped[str | None] = mapped_column(String(64), nullable=True)
    assessed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[str] = mapped_column(String(64))  # blob of the report JSON (vi)
    created_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    files: Mapped[list[CaseFileBlob]] = relationship(
        cascade="all, delete-orphan", order_by="CaseFileBlob.path"
    )


class CaseFileBlob(Base):
    __tablename__ = "dossier_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_id: Mapped[str] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(1024))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)


class RoundRow(Base):
    """An evaluation round of a province: its input file, as uploaded, and the folder it
    needs (the dossiers its products name), both as blobs; ``summary`` is what the
    library made of it (products, council, results) for the pages."""

    __tablename__ = "rounds"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    province: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(255))
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    input_kind: Mapped[str] = mapped_column(String(16))  # "round" or "sheet"
    source: Mapped[str] = mapped_column(String(1024))  # the input's path in the folder
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    files: Mapped[list[RoundBlob]] = relationship(
        cascade="all, delete-orphan", order_by="RoundBlob.path"
    )


class RoundBlob(Base):
    __tablename__ = "round_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(String(1024))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)


class Seat(Base):
    """A council member of a round (``ma`` of the round file) and the account that sits."""

    __tablename__ = "council_seats"
    __table_args__ = (UniqueConstraint("round_id", "member"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    member: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class Card(Base):
    """One member's scoring sheet for one product: choices per criterion, or a total."""

    __tablename__ = "scorecards"
    __table_args__ = (UniqueConstraint("round_id", "product", "member"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    product: Mapped[int] = mapped_column(Integer)  # 1-based, as --product N
    member: Mapped[str] = mapped_column(String(32))
    choices: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    total: Mapped[float | None] = mapped_column(Float, nullable=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the library's JSON
    entered_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Job(Base):
    """One production of a round's documents: its options, its stored progress (read by
    any web process: nothing lives in one process's memory) and, when done, its files."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    province: Mapped[int] = mapped_column(Integer, index=True)
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    phase: Mapped[str] = mapped_column(String(16), default="")  # render | pdf | bundle
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    manifest: Mapped[str | None] = mapped_column(String(64), nullable=True)  # blob
    bundle: Mapped[str | None] = mapped_column(String(1024), nullable=True)  # path in files
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str] = mapped_column(String(200), default="")  # host:pid of the runner
    created_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    files: Mapped[list[JobBlob]] = relationship(
        cascade="all, delete-orphan", order_by="JobBlob.path"
    )


class JobBlob(Base):
    """A file a job made (its path under the output folder), stored as it was finished."""

    __tablename__ = "job_files"
    __table_args__ = (UniqueConstraint("job_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(String(1024))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
