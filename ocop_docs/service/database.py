"""What the service keeps: anonymous checks and the files they refer to (SQLAlchemy 2).

The schema is made and changed only by the Alembic migrations in ``migrations/`` (run at
start-up by :func:`migrate`), so the same migrations will serve PostgreSQL when a
deployment grows (issue 13). SQLite runs in WAL mode: readers never wait for the writer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


class Base(DeclarativeBase):
    pass


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Check(Base):
    """One anonymous check, reached only through its unguessable ``id`` (the link)."""

    __tablename__ = "checks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    origin: Mapped[str] = mapped_column(String(16))  # "form" or "upload"
    source: Mapped[str] = mapped_column(String(255))  # the dossier's name in the report
    lang: Mapped[str] = mapped_column(String(2), default="vi")
    product_set: Mapped[int | None] = mapped_column(Integer, nullable=True)
    case: Mapped[str | None] = mapped_column(String(16), nullable=True)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    data_file: Mapped[str] = mapped_column(String(32), default="ho-so.yaml")
    report_vi: Mapped[str] = mapped_column(String(64))  # blob digests of the JSON reports
    report_en: Mapped[str] = mapped_column(String(64))
    bundle: Mapped[str | None] = mapped_column(String(64), nullable=True)  # completed zip
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field → issue codes
    files: Mapped[list[CheckFile]] = relationship(
        back_populates="check", cascade="all, delete-orphan", order_by="CheckFile.path"
    )


class CheckFile(Base):
    """A file of a check's dossier: its path inside the dossier folder and its blob."""

    __tablename__ = "check_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    check_id: Mapped[str] = mapped_column(ForeignKey("checks.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(String(1024))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    check: Mapped[Check] = relationship(back_populates="files")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the newest migration (a no-op when it is there already)."""
    config = alembic_config(str(engine.url.render_as_string(hide_password=False)))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Web replicas and workers start together: one migrates, the others wait here
            # and then find the database at head (the lock ends with the transaction).
            connection.execute(text("SELECT pg_advisory_xact_lock(4713013)"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def session_factory(engine: Engine) -> sessionmaker[Any]:
    return sessionmaker(engine, expire_on_commit=False)
