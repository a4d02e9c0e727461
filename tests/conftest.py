"""Shared fixtures: an empty migrated database and a workspace in a temporary folder."""

from __future__ import annotations

import pytest
from hypothesis import settings

from zhichan.store import Database, migrate

# Property tests check behaviour, not speed: a loaded CI machine must not fail them on time.
settings.register_profile("zhichan", deadline=None)
settings.load_profile("zhichan")


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


@pytest.fixture(scope="module")
def import_once(tmp_path_factory):
    """``get(path, as_of) → (db, report)``: each file imported once, into its own fresh database.

    A failure is kept and raised again for every test that asks for that file."""
    from zhichan.ingest import import_file
    from zhichan.store import open_database

    cache: dict = {}

    def get(path, as_of):
        if path not in cache:
            db = open_database(tmp_path_factory.mktemp(path.name.replace(".", "_")) / "t.duckdb")
            try:
                cache[path] = (db, import_file(db, path, as_of=as_of), None)
            except Exception as exc:  # noqa: BLE001 - kept for every test of this file
                cache[path] = (db, None, exc)
        db, report, exc = cache[path]
        if exc is not None:
            raise exc
        return db, report

    yield get
    for db, _, _ in cache.values():
        db.close()
