"""interviews

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None


def upgrade() -> None:
    op.create_table(
        "interviews",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("asked", sa.JSON(), nullable=False),
        sa.Column("pending", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("kb_version", sa.String(length=32), nullable=False),
        sa.Column("kb_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("language IN ('uk', 'ru', 'en')", name=op.f("ck_interviews_language")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    op.create_index("ix_interviews_updated_at", "interviews", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_interviews_updated_at", table_name="interviews")
    op.drop_table("interviews")
