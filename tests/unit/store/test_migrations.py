"""Opening a database applies pending migrations once and refuses a newer schema."""

from __future__ import annotations

import pytest

from zhichan.errors import SchemaError
from zhichan.store import (
    LATEST_VERSION,
    Database,
    integrity_problems,
    migrate,
    open_database,
    schema_version,
)


def test_migrate_is_idempotent(db):
    assert migrate(db) == []
    assert db.scalar("SELECT count(*) FROM schema_version") == LATEST_VERSION


def test_newer_schema_refused(tmp_path):
    path = tmp_path / "x.duckdb"
    db = Database(path)
    migrate(db)
    db.execute("INSERT INTO schema_version (version, name, checksum) VALUES (99, 'future', 'x')")
    db.close()
    with pytest.raises(SchemaError) as info:
        open_database(path)
    assert "99" in info.value.found


def test_reopen_keeps_data_and_version(tmp_path):
    path = tmp_path / "x.duckdb"
    db = open_database(path, reference=False)
    db.execute("INSERT INTO meta VALUES ('k', 'v')")
    db.close()
    db = open_database(path, reference=False)
    assert schema_version(db) == LATEST_VERSION
    assert db.scalar("SELECT value FROM meta WHERE key = 'k'") == "v"
    db.close()


def test_integrity_problems_reports_orphans(db):
    assert integrity_problems(db) == {}
    db.execute("INSERT INTO legal_event (event_id, right_id, kind, effective_on) VALUES ('e', 'nope', 'lapse', DATE '2020-01-01')")
    assert integrity_problems(db) == {"legal_event → ip_right": 1}
