"""Alembic environment of the service: runs on the connection :func:`migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from ocop_docs.registry import tables as registry_tables  # noqa: F401  (issue 14)
from ocop_docs.service import tables  # noqa: F401  (the officials' tables on the metadata)
from ocop_docs.service.database import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


run()
