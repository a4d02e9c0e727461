"""Opening a database applies pending migrations once and refuses a newer schema."""

from __future__ import annotations

import datetime as dt

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


def test_rights_survive_the_rebuild_without_key_indexes(tmp_path, monkeypatch):
    # a workspace of schema 4 (ip_right with its key indexes) upgrades to 5 with its rights intact
    import zhichan.store._migrations as m
    shipped = m.available_migrations()
    path = tmp_path / "v4.duckdb"
    db = Database(path)
    monkeypatch.setattr(m, "available_migrations", lambda: shipped[:4])
    m.migrate(db)
    db.execute("INSERT INTO ip_right (right_id, kind, office, application_no, application_date, "
               "international_filing_date) VALUES ('CN-1', 'invention', 'CN', '201510000001.2', DATE '2015-01-02', "
               "DATE '2014-06-30')")
    monkeypatch.setattr(m, "available_migrations", lambda: shipped)
    assert [x.version for x in m.migrate(db)] == [5]
    assert db.query("SELECT right_id, application_date, international_filing_date FROM ip_right") == [
        ("CN-1", dt.date(2015, 1, 2), dt.date(2014, 6, 30))]
    assert db.scalar("SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'ip_right'") == 0
    assert db.scalar("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'ip_right' "
                     "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')") == 0
    assert integrity_problems(db) == {}
    db.close()
