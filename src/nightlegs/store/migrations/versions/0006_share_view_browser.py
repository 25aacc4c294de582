"""diary_share_views: the browser and system of each opening instead of its User-Agent

Each row's User-Agent becomes its summary (nightlegs.diary.user_agents: ``chrome`` on
``android``), and the User-Agent column goes: the owner reads "Chrome on Android", and
nothing more of the doctor's browser is kept. Going down, the column comes back holding
the summary ("Chrome/Android"); the strings it held before are gone for good.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nightlegs.diary import user_agents

revision: str = "0006"
down_revision: str | None = "0005"

_VIEWS = sa.table(
    "diary_share_views",
    sa.column("user_agent", sa.String),
    sa.column("browser", sa.String),
    sa.column("system", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("diary_share_views") as batch:
        batch.add_column(sa.Column("browser", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("system", sa.String(length=16), nullable=True))
    connection = op.get_bind()
    agents = connection.execute(sa.select(_VIEWS.c.user_agent).distinct()).scalars().all()
    for agent in agents:
        browser, system = _summary(agent)
        matches = _VIEWS.c.user_agent.is_(None) if agent is None else _VIEWS.c.user_agent == agent
        connection.execute(sa.update(_VIEWS).where(matches).values(browser=browser, system=system))
    with op.batch_alter_table("diary_share_views") as batch:
        batch.alter_column("browser", existing_type=sa.String(length=16), nullable=False)
        batch.alter_column("system", existing_type=sa.String(length=16), nullable=False)
        batch.drop_column("user_agent")


def _summary(agent: str | None) -> tuple[str, str]:
    """The browser and system of a User-Agent, or of what :func:`downgrade` left ("Safari/iOS")."""
    browsers = {name: key for key, name in user_agents.BROWSER_NAMES.items()}
    systems = {name: key for key, name in user_agents.SYSTEM_NAMES.items()}
    browser, _, system = (agent or "").partition("/")
    if (browser in browsers or browser == user_agents.UNKNOWN) and (
        system in systems or system == user_agents.UNKNOWN
    ):
        return browsers.get(browser, browser), systems.get(system, system)
    return user_agents.summarise(agent)


def downgrade() -> None:
    with op.batch_alter_table("diary_share_views") as batch:
        batch.add_column(sa.Column("user_agent", sa.String(length=200), nullable=True))
    connection = op.get_bind()
    pairs = connection.execute(sa.select(_VIEWS.c.browser, _VIEWS.c.system).distinct()).all()
    for browser, system in pairs:
        summary = "/".join(
            (
                user_agents.BROWSER_NAMES.get(browser, browser),
                user_agents.SYSTEM_NAMES.get(system, system),
            )
        )
        connection.execute(
            sa.update(_VIEWS)
            .where(_VIEWS.c.browser == browser, _VIEWS.c.system == system)
            .values(user_agent=summary)
        )
    with op.batch_alter_table("diary_share_views") as batch:
        batch.drop_column("browser")
        batch.drop_column("system")
