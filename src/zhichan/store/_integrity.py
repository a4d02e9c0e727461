"""Referential checks that the schema leaves to code (DuckDB foreign keys would block upserts)."""

from __future__ import annotations

from zhichan.store._database import Database

# (description, query counting orphans)
_CHECKS = (
    ("right_class → ip_right", "SELECT count(*) FROM right_class c ANTI JOIN ip_right r USING (right_id)"),
    ("right_party → ip_right", "SELECT count(*) FROM right_party p ANTI JOIN ip_right r USING (right_id)"),
    ("right_party → party", "SELECT count(*) FROM right_party p ANTI JOIN party q USING (party_id)"),
    ("legal_event → ip_right", "SELECT count(*) FROM legal_event e ANTI JOIN ip_right r USING (right_id)"),
    ("party.region_code → region",
     "SELECT count(*) FROM party p WHERE region_code IS NOT NULL"
     " AND region_code NOT IN (SELECT code FROM region)"),
    ("stat.region_code → region",
     "SELECT count(*) FROM stat s WHERE region_code NOT IN (SELECT code FROM region)"),
    ("import_issue → import_batch", "SELECT count(*) FROM import_issue i ANTI JOIN import_batch b USING (batch_id)"),
    ("ip_right unique right_id", "SELECT count(*) - count(DISTINCT right_id) FROM ip_right"),
    ("ip_right unique (office, kind, application_no)",
     "SELECT count(*) - count(DISTINCT (office, kind, application_no)) FROM ip_right"),
    ("right_party unique", "SELECT count(*) - count(DISTINCT (right_id, party_id, role, valid_from)) FROM right_party"),
    ("right_family → ip_right", "SELECT count(*) FROM right_family f ANTI JOIN ip_right r USING (right_id)"),
    ("right_family unique", "SELECT count(*) - count(DISTINCT (right_id, member)) FROM right_family"),
    ("right_class unique", "SELECT count(*) - count(DISTINCT (right_id, scheme, code)) FROM right_class"),
    ("record_source unique",
     "SELECT count(*) - count(DISTINCT (table_name, record_id, batch_id)) FROM record_source"),
)


def integrity_problems(db: Database) -> dict[str, int]:
    """Orphan counts per relationship; empty when the database is consistent."""
    out = {}
    for name, sql in _CHECKS:
        n = db.scalar(sql)
        if n:
            out[name] = n
    return out
