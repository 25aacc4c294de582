import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from nightlegs.store import make_engine, migrate
from nightlegs.store.models import Base
from tests.fixtures.databases import table_names

pytestmark = pytest.mark.every_database


def differences(settings):
    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def test_the_package_has_one_head():
    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert heads == [migrate.head()]


def test_upgrade_downgrade_upgrade(settings):
    assert migrate.current(settings) is None
    assert table_names(settings) == set()

    migrate.upgrade(settings)
    assert migrate.current(settings) == migrate.head()
    assert {"interviews", "alembic_version"} <= table_names(settings)

    migrate.downgrade(settings, "0001")
    assert migrate.current(settings) == "0001"
    assert "interviews" in table_names(settings)

    migrate.downgrade(settings, "base")
    assert migrate.current(settings) is None
    assert "interviews" not in table_names(settings)

    migrate.upgrade(settings)
    assert migrate.current(settings) == migrate.head()
    assert "interviews" in table_names(settings)


def test_upgrade_twice_is_harmless(settings):
    migrate.upgrade(settings)
    migrate.upgrade(settings)
    assert migrate.current(settings) == migrate.head()


def test_the_migrated_schema_matches_the_models(settings):
    migrate.upgrade(settings)
    assert differences(settings) == []
