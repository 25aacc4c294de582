"""Database migrations (Alembic), run against the database in :class:`Settings`.

``upgrade(settings)`` brings a database, empty or not, to the newest schema;
the application never creates tables any other way.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from nightlegs.settings import Settings
from nightlegs.store.engine import make_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def upgrade(settings: Settings, revision: str = "head") -> None:
    """Migrate up to ``revision`` (default: the newest)."""
    _run(settings, "upgrade", revision)


def downgrade(settings: Settings, revision: str) -> None:
    """Migrate down to ``revision`` (e.g. ``"-1"`` for one step, ``"base"`` for none)."""
    _run(settings, "downgrade", revision)


def current(settings: Settings) -> str | None:
    """The database's revision, or None for a database never migrated."""
    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head() -> str | None:
    """The newest revision the package ships."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _run(settings: Settings, action: str, revision: str) -> None:
    config = alembic_config()
    engine = make_engine(settings)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            if action == "upgrade":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
    finally:
        engine.dispose()
