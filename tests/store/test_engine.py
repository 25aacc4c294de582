import sqlite3

import pytest
from sqlalchemy import text

from nightlegs.settings import Settings
from nightlegs.store import make_engine


def test_sqlite_gets_its_directory_and_pragmas(tmp_path):
    path = tmp_path / "deep" / "er" / "nightlegs.db"
    engine = make_engine(Settings(database_url=f"sqlite:///{path}"))
    try:
        with engine.connect() as connection:
            pragma = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
            }
    finally:
        engine.dispose()
    assert path.parent.is_dir()
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "synchronous": 1,
    }


def test_sqlite_transactions_take_the_write_lock_at_once(tmp_path):
    # BEGIN IMMEDIATE: a transaction that reads and then writes cannot find the
    # database locked half-way; other writers wait (busy_timeout) instead.
    path = tmp_path / "x.db"
    engine = make_engine(Settings(database_url=f"sqlite:///{path}"))
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (n INTEGER)"))
        with engine.begin() as connection:
            assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 0
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_goes_through_psycopg(postgres_url):
    engine = make_engine(Settings(database_url=postgres_url))
    try:
        assert engine.dialect.driver == "psycopg"
        with engine.connect() as connection:
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()
