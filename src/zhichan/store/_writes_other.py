"""Statistics and official-list recognitions from staged tables (``stg_stat``, ``stg_recognition``)."""

from __future__ import annotations

from zhichan.store._database import Database


def write_stats(db: Database, batch_id: str) -> int:
    """Upsert statistical values; a later table restating a value replaces it."""
    db.execute(
        "INSERT OR REPLACE INTO stat (region_code, period, metric, value, unit, source, batch_id) "
        "SELECT region_code, period, metric, arg_max(value, row_no), arg_max(unit, row_no), "
        "arg_max(source, row_no), $batch FROM stg_stat GROUP BY region_code, period, metric",
        {"batch": batch_id},
    )
    db.execute(
        "INSERT INTO record_source (table_name, record_id, batch_id, row_no) "
        "SELECT 'stat', region_code || ':' || period || ':' || metric, $batch, min(row_no) FROM stg_stat "
        "GROUP BY ALL",
        {"batch": batch_id},
    )
    return db.scalar("SELECT count(*) FROM stg_stat")


def write_recognitions(db: Database, batch_id: str) -> int:
    """Recognitions of rights (by number) or parties (by the row's listed name)."""
    db.execute(
        "INSERT OR REPLACE INTO recognition (list_id, subject_id, subject_kind, year, grade, batch_id) "
        "SELECT r.list_id, coalesce(r.subject_id, p.party_id), CASE WHEN r.subject_id IS NULL THEN 'party' "
        "ELSE r.subject_kind END, r.year, r.grade, $batch "
        "FROM stg_recognition r LEFT JOIN stg_mention_party p ON p.row_no = r.row_no AND p.role = 'listed' "
        "WHERE coalesce(r.subject_id, p.party_id) IS NOT NULL",
        {"batch": batch_id},
    )
    return db.scalar("SELECT count(*) FROM stg_recognition")
