"""The registry's rows in the service's database (SQLAlchemy 2, issue 14).

One row per certificate (a recognition: first, upgrade or re-evaluation), so a product
recognised in 2018 and upgraded in 2021 has two rows joined by ``product_key``; the older
one is ``superseded`` by the newer. Every row carries its ``province`` (today's code, QĐ
19/2025/QĐ-TTg), as the officials' tables do, and queries filter on it. The schema is made
only by the Alembic migration ``0004_registry`` (SQLite and PostgreSQL alike).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_docs.service.database import Base, utcnow


class RegistryEntry(Base):
    """One certificate of one product: what the registry book has on a line."""

    __tablename__ = "registry_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    province: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    product_key: Mapped[str] = mapped_column(String(255), index=True)  # folded product|producer
    product: Mapped[str] = mapped_column(String(500))
    producer: Mapped[str] = mapped_column(String(500))
    address: Mapped[str] = mapped_column(String(1000), default="")  # as written
    address_status: Mapped[str] = mapped_column(String(16), default="unknown")
    commune_code: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    commune: Mapped[str] = mapped_column(String(200), default="")  # today's unit
    province_name: Mapped[str] = mapped_column(String(200), default="")
    former_unit: Mapped[str] = mapped_column(String(500), default="")
    product_set: Mapped[int | None] = mapped_column(Integer, nullable=True)
    group: Mapped[str] = mapped_column(String(8), default="")  # I … VI
    stars: Mapped[int] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    year: Mapped[int] = mapped_column(Integer, index=True)  # the programme year of the round
    case: Mapped[str] = mapped_column(String(16), default="lan_dau")
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[dt.date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(300), default="")
    level: Mapped[str] = mapped_column(String(16), default="tinh")  # huyen|tinh|trung_uong
    certificate_no: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # The number as compared (model.key_text: "01/GCN-UBND" and "01 / gcn-ubnd" are one):
    # the public look-up reads it through its index.
    certificate_key: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date] = mapped_column(Date, index=True)
    regime: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="active")  # active|superseded|revoked
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(500), default="")  # the import it came from
    source_row: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reminder: Mapped[str] = mapped_column(String(16), default="")  # last mark of the daily job
    reminder_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    events: Mapped[list[RegistryEvent]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="RegistryEvent.id"
    )


class RegistryEvent(Base):
    """A line of a certificate's history: recognised, upgraded, re-evaluated, revoked,
    superseded, reminded."""

    __tablename__ = "registry_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("registry_entries.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    on: Mapped[dt.date] = mapped_column(Date)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    entry: Mapped[RegistryEntry] = relationship(back_populates="events")


__all__ = ["RegistryEntry", "RegistryEvent"]
