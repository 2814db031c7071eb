"""Anonymous checks and their files (issue 10).

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checks",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("product_set", sa.Integer(), nullable=True),
        sa.Column("case", sa.String(16), nullable=True),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("data_file", sa.String(32), nullable=False),
        sa.Column("report_vi", sa.String(64), nullable=False),
        sa.Column("report_en", sa.String(64), nullable=False),
        sa.Column("bundle", sa.String(64), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
    )
    op.create_index("ix_checks_expires_at", "checks", ["expires_at"])
    op.create_table(
        "check_files",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "check_id",
            sa.String(64),
            sa.ForeignKey("checks.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("path", sa.String(1024), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
    )
    op.create_index("ix_check_files_check_id", "check_files", ["check_id"])
    op.create_index("ix_check_files_sha256", "check_files", ["sha256"])


def downgrade() -> None:
    op.drop_table("check_files")
    op.drop_table("checks")
