"""diary_entries.medicines: the medicines noted on a night, confirmed by name

Only the medicine table's INN and ATC code of each medicine the person confirmed on the
night's form (or sent through the API); never the names they typed. Null for a night
without any, as for every night written before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"


def upgrade() -> None:
    with op.batch_alter_table("diary_entries") as batch:
        batch.add_column(sa.Column("medicines", sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("diary_entries") as batch:
        batch.drop_column("medicines")
