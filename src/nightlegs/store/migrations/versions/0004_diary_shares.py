"""diary sharing: read-only links for a doctor and the log of their views"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"


def upgrade() -> None:
    op.create_table(
        "diary_shares",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column(
            "diary_id",
            sa.String(length=32),
            sa.ForeignKey("diaries.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_shares")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_diary_shares_token_digest")),
    )
    op.create_index("ix_diary_shares_diary_id", "diary_shares", ["diary_id"])
    op.create_table(
        "diary_share_views",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "share_id",
            sa.String(length=32),
            sa.ForeignKey("diary_shares.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("viewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_agent", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_share_views")),
    )
    op.create_index("ix_diary_share_views_share_id", "diary_share_views", ["share_id"])


def downgrade() -> None:
    op.drop_index("ix_diary_share_views_share_id", table_name="diary_share_views")
    op.drop_table("diary_share_views")
    op.drop_index("ix_diary_shares_diary_id", table_name="diary_shares")
    op.drop_table("diary_shares")
