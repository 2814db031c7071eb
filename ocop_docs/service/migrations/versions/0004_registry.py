"""The province's OCOP registry: certificates and their history (issue 14).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registry_entries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("province", sa.Integer(), nullable=True),
        sa.Column("product_key", sa.String(255), nullable=False),
        sa.Column("product", sa.String(500), nullable=False),
        sa.Column("producer", sa.String(500), nullable=False),
        sa.Column("address", sa.String(1000), nullable=False),
        sa.Column("address_status", sa.String(16), nullable=False),
        sa.Column("commune_code", sa.Integer(), nullable=True),
        sa.Column("commune", sa.String(200), nullable=False),
        sa.Column("province_name", sa.String(200), nullable=False),
        sa.Column("former_unit", sa.String(500), nullable=False),
        sa.Column("product_set", sa.Integer(), nullable=True),
        sa.Column("group", sa.String(8), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("case", sa.String(16), nullable=False),
        sa.Column("decision_no", sa.String(100), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(300), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("certificate_no", sa.String(100), nullable=True),
        sa.Column("certificate_key", sa.String(100), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("regime", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("phone", sa.String(100), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("reminder", sa.String(16), nullable=False),
        sa.Column("reminder_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    for column in (
        "province",
        "product_key",
        "commune_code",
        "year",
        "certificate_key",
        "valid_to",
    ):
        op.create_index(f"ix_registry_entries_{column}", "registry_entries", [column])
    op.create_table(
        "registry_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "entry_id",
            sa.Integer(),
            sa.ForeignKey("registry_entries.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
    )
    op.create_index("ix_registry_events_entry_id", "registry_events", ["entry_id"])


def downgrade() -> None:
    op.drop_table("registry_events")
    op.drop_table("registry_entries")
