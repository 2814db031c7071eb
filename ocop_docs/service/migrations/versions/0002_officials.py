"""Officials: accounts, sessions, tokens, audit, dossiers, rounds, council, jobs (issue 13).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True)


def _fk(name: str, target: str) -> sa.Column[str]:
    kind: sa.types.TypeEngine[object] = sa.Integer() if target == "users.id" else sa.String(64)
    return sa.Column(name, kind, sa.ForeignKey(target, ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "users",
        _id(),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("province", sa.Integer(), nullable=True),
        sa.Column("commune", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_users_province", "users", ["province"])
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        _fk("user_id", "users.id"),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    op.create_index("ix_sessions_expires_at", "sessions", ["expires_at"])
    op.create_table(
        "api_tokens",
        _id(),
        sa.Column("digest", sa.String(64), nullable=False, unique=True),
        _fk("user_id", "users.id"),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "login_failures",
        _id(),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_login_failures_key", "login_failures", ["key"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])
    op.create_table(
        "audit_log",
        sa.Column("id", BIG, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("target", sa.String(32), nullable=False),
        sa.Column("target_id", sa.String(64), nullable=False),
        sa.Column("province", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_province", "audit_log", ["province"])
    op.create_table(
        "dossiers",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("province", sa.Integer(), nullable=False),
        sa.Column("commune", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("product", sa.String(255), nullable=False),
        sa.Column("producer", sa.String(255), nullable=False),
        sa.Column("product_set", sa.Integer(), nullable=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("report", sa.String(64), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    for column in ("province", "commune", "name"):
        op.create_index(f"ix_dossiers_{column}", "dossiers", [column])
    op.create_table(
        "dossier_files",
        _id(),
        _fk("dossier_id", "dossiers.id"),
        sa.Column("path", sa.String(1024), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_dossier_files_dossier_id", "dossier_files", ["dossier_id"])
    op.create_index("ix_dossier_files_sha256", "dossier_files", ["sha256"])
    op.create_table(
        "rounds",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("province", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("input_kind", sa.String(16), nullable=False),
        sa.Column("source", sa.String(1024), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_rounds_province", "rounds", ["province"])
    op.create_table(
        "round_files",
        _id(),
        _fk("round_id", "rounds.id"),
        sa.Column("path", sa.String(1024), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_round_files_round_id", "round_files", ["round_id"])
    op.create_index("ix_round_files_sha256", "round_files", ["sha256"])
    op.create_table(
        "council_seats",
        _id(),
        _fk("round_id", "rounds.id"),
        sa.Column("member", sa.String(32), nullable=False),
        _fk("user_id", "users.id"),
        sa.UniqueConstraint("round_id", "member"),
    )
    op.create_index("ix_council_seats_round_id", "council_seats", ["round_id"])
    op.create_index("ix_council_seats_user_id", "council_seats", ["user_id"])
    op.create_table(
        "scorecards",
        _id(),
        _fk("round_id", "rounds.id"),
        sa.Column("product", sa.Integer(), nullable=False),
        sa.Column("member", sa.String(32), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=True),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("round_id", "product", "member"),
    )
    op.create_index("ix_scorecards_round_id", "scorecards", ["round_id"])
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(64), primary_key=True),
        _fk("round_id", "rounds.id"),
        sa.Column("province", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("error", sa.JSON(), nullable=True),
        sa.Column("manifest", sa.String(64), nullable=True),
        sa.Column("bundle", sa.String(1024), nullable=True),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("worker", sa.String(200), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
    )
    for column in ("round_id", "province", "state"):
        op.create_index(f"ix_jobs_{column}", "jobs", [column])
    op.create_table(
        "job_files",
        _id(),
        _fk("job_id", "jobs.id"),
        sa.Column("path", sa.String(1024), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.UniqueConstraint("job_id", "path"),
    )
    op.create_index("ix_job_files_job_id", "job_files", ["job_id"])
    op.create_index("ix_job_files_sha256", "job_files", ["sha256"])


def downgrade() -> None:
    for table in (
        "job_files",
        "jobs",
        "scorecards",
        "council_seats",
        "round_files",
        "rounds",
        "dossier_files",
        "dossiers",
        "audit_log",
        "login_failures",
        "api_tokens",
        "sessions",
        "users",
    ):
        op.drop_table(table)
