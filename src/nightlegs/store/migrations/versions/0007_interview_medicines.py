"""interviews.medicines, diary_interviews.medicines: the medicines confirmed by name

The names the person typed are never stored: only the table's INN and ATC code of each
medicine they confirmed on the medicines question (and the diary's copy of them, for the
FHIR export). Null for interviews without any.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"


_TABLES = ("interviews", "diary_interviews")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("medicines", sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    for table in reversed(_TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("medicines")
