"""The medicine table, built once for the folder's tests."""

from __future__ import annotations

import pytest

from nightlegs.medicines import Table, load_table


@pytest.fixture(scope="session")
def table() -> Table:
    return load_table()
