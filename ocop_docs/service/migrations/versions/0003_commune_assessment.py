"""Dossiers submitted from an anonymous check, and the commune's Mẫu 03 (issue 13).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as table:
        table.add_column(sa.Column("source_check", sa.String(64), nullable=True))
        table.add_column(sa.Column("assessment", sa.String(64), nullable=True))
        table.add_column(sa.Column("assessed_at", sa.DateTime(), nullable=True))
        table.create_index("ix_dossiers_source_check", ["source_check"])


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as table:
        table.drop_index("ix_dossiers_source_check")
        table.drop_column("assessed_at")
        table.drop_column("assessment")
        table.drop_column("source_check")
