"""Alembic environment for nightlegs.

Normally run through :mod:`nightlegs.store.migrate`, which hands over an open
connection in ``config.attributes["connection"]``. Run by the ``alembic`` command
(``alembic -c src/nightlegs/store/alembic.ini ...``), it connects to the database
named by ``NIGHTLEGS_DATABASE_URL``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from nightlegs.settings import Settings
from nightlegs.store.engine import make_engine
from nightlegs.store.models import Base

target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    url = Settings().database_url
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if isinstance(connection, Connection):
        run(connection)
        return
    engine = make_engine(Settings())
    try:
        with engine.connect() as new_connection:
            run(new_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
