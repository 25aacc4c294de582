"""night diary: diaries, their sign-in tokens, nightly entries and saved interviews"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"


def _diary_id(primary_key: bool = False) -> sa.Column[str]:
    return sa.Column(
        "diary_id",
        sa.String(length=32),
        sa.ForeignKey("diaries.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "diaries",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("lookup_key", sa.String(length=64), nullable=False),
        sa.Column("code_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diaries")),
        sa.UniqueConstraint("lookup_key", name=op.f("uq_diaries_lookup_key")),
    )
    op.create_table(
        "diary_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _diary_id(),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_diary_tokens")),
    )
    op.create_index("ix_diary_tokens_diary_id", "diary_tokens", ["diary_id"])
    op.create_index("ix_diary_tokens_expires_at", "diary_tokens", ["expires_at"])
    op.create_table(
        "diary_entries",
        _diary_id(primary_key=True),
        sa.Column("night", sa.Date(), nullable=False, primary_key=True),
        sa.Column("symptoms", sa.JSON(), nullable=False),
        sa.Column("episodes", sa.Integer(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("minutes_awake", sa.Integer(), nullable=False),
        sa.Column("triggers", sa.JSON(), nullable=False),
        sa.Column("tried", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("episodes BETWEEN 0 AND 50", name=op.f("ck_diary_entries_episodes")),
        sa.CheckConstraint("severity BETWEEN 0 AND 10", name=op.f("ck_diary_entries_severity")),
        sa.CheckConstraint(
            "minutes_awake BETWEEN 0 AND 720", name=op.f("ck_diary_entries_minutes_awake")
        ),
        sa.PrimaryKeyConstraint("diary_id", "night", name=op.f("pk_diary_entries")),
    )
    op.create_table(
        "diary_interviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _diary_id(),
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("kb_version", sa.String(length=32), nullable=False),
        sa.Column("interview_created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "language IN ('uk', 'ru', 'en')", name=op.f("ck_diary_interviews_language")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_interviews")),
        sa.UniqueConstraint(
            "diary_id", "interview_id", name=op.f("uq_diary_interviews_diary_interview")
        ),
    )
    op.create_index("ix_diary_interviews_interview_id", "diary_interviews", ["interview_id"])


def downgrade() -> None:
    op.drop_index("ix_diary_interviews_interview_id", table_name="diary_interviews")
    op.drop_table("diary_interviews")
    op.drop_table("diary_entries")
    op.drop_index("ix_diary_tokens_expires_at", table_name="diary_tokens")
    op.drop_index("ix_diary_tokens_diary_id", table_name="diary_tokens")
    op.drop_table("diary_tokens")
    op.drop_table("diaries")
