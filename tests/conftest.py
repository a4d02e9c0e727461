"""Shared fixtures: an empty migrated database and a workspace in a temporary folder."""

from __future__ import annotations

import pytest

from zhichan.store import Database, migrate


@pytest.fixture
def db():
    """A migrated in-memory database without reference data (fast)."""
    database = Database(":memory:")
    migrate(database)
    yield database
    database.close()


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory):
    """A migrated database with the packaged reference data loaded (built once per session)."""
    from zhichan.store import open_database

    path = tmp_path_factory.mktemp("refdb") / "ref.duckdb"
    database = open_database(path)
    yield database
    database.close()
