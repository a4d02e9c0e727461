"""Rights, their classes and their provenance from staged tables:

- ``stg_right``: the ``ip_right`` columns plus ``row_no``
- ``stg_class(right_id, scheme, code, is_main)``
- ``stg_event``: the ``legal_event`` columns plus ``row_no``
"""

from __future__ import annotations

from zhichan.store._database import Database

RIGHT_COLUMNS = (
    "right_id", "kind", "office", "application_no", "application_date", "publication_no", "grant_no",
    "grant_date", "title", "abstract", "ipc_main", "claims_count", "family_id", "pct", "madrid", "status",
    "expiry_date", "international_filing_date", "national_phase_date",
)

# A newer export updates what it states and keeps what it leaves blank. Existing rights are
# updated and new ones inserted in two set-wise statements: an ON CONFLICT upsert probes the key
# index row by row and is several times slower on a first import of millions.
_UPDATE_RIGHT = (
    "UPDATE ip_right SET "
    + ", ".join(f"{c} = coalesce(s.{c}, ip_right.{c})"
                for c in RIGHT_COLUMNS if c not in ("right_id", "kind", "office", "application_no"))
    + ", batch_id = $batch FROM stg_right_u s WHERE ip_right.right_id = s.right_id"
)
_INSERT_RIGHT = (
    f"INSERT INTO ip_right ({', '.join(RIGHT_COLUMNS)}, batch_id) "
    f"SELECT {', '.join('s.' + c for c in RIGHT_COLUMNS)}, $batch FROM stg_right_u s "
    "ANTI JOIN ip_right r ON r.right_id = s.right_id"
)


def write_rights(db: Database, batch_id: str, *, unique: bool = False) -> int:
    """Upsert the staged rights; returns how many rows were staged. ``unique``: the staging
    already holds one row per right (duplicates were rejected), so no deduplication pass."""
    if unique:
        db.execute("CREATE OR REPLACE TEMP VIEW stg_right_u AS SELECT * FROM stg_right")
    else:
        # one row per right (an events file stages its patent once per event): the last row wins
        db.execute("CREATE OR REPLACE TEMP VIEW stg_right_u AS "
                   "SELECT DISTINCT ON (right_id) * FROM stg_right ORDER BY right_id, row_no DESC")
    if db.scalar("SELECT count(*) FROM ip_right"):
        db.execute(_UPDATE_RIGHT, {"batch": batch_id})
    db.execute(_INSERT_RIGHT, {"batch": batch_id})
    db.execute(
        "INSERT INTO record_source (table_name, record_id, batch_id, row_no) "
        f"SELECT {'' if unique else 'DISTINCT'} 'ip_right', right_id, $batch, row_no FROM stg_right",
        {"batch": batch_id},
    )
    return db.scalar("SELECT count(*) FROM stg_right")


def write_classes(db: Database, *, unique: bool = False) -> None:
    """Replace the classes of the staged rights (a classification is restated whole). ``unique``:
    ``stg_class`` already holds each (right, scheme, code) once."""
    if db.scalar("SELECT count(*) FROM (SELECT 1 FROM right_class LIMIT 1)"):
        db.execute("DELETE FROM right_class WHERE (right_id, scheme) IN (SELECT DISTINCT right_id, scheme FROM stg_class)")
    db.execute(
        "INSERT INTO right_class (right_id, scheme, code, is_main) "
        + ("SELECT right_id, scheme, code, is_main FROM stg_class" if unique else
           "SELECT right_id, scheme, code, bool_or(is_main) FROM stg_class GROUP BY ALL")
    )


EVENT_COLUMNS = ("event_id", "right_id", "code", "kind", "announced_on", "effective_on", "amount_cny",
                 "counterparty", "detail")


def write_events(db: Database, batch_id: str) -> int:
    """Insert staged legal events; an event already stored (same id) is updated in place."""
    db.execute(
        f"INSERT INTO legal_event ({', '.join(EVENT_COLUMNS)}, batch_id) "
        f"SELECT {', '.join(EVENT_COLUMNS)}, $batch FROM stg_event "
        "ON CONFLICT (event_id) DO UPDATE SET "
        + ", ".join(f"{c} = coalesce(excluded.{c}, legal_event.{c})" for c in EVENT_COLUMNS[2:]),
        {"batch": batch_id},
    )
    db.execute(
        "INSERT INTO record_source (table_name, record_id, batch_id, row_no) "
        "SELECT DISTINCT 'legal_event', event_id, $batch, row_no FROM stg_event",
        {"batch": batch_id},
    )
    return db.scalar("SELECT count(*) FROM stg_event")


# A document is a grant by its kind code: B… (US, EP, JP, KR …), C (CN inventions before 2010,
# RU/DE patents), and CN utility models and designs (U, Y, S) which are granted on publication.
_FAMILY = """
INSERT INTO right_family (right_id, member, office, kind_code, granted, batch_id)
SELECT right_id, member, nullif(regexp_extract(member, '^([A-Z]{2})', 1), ''),
       nullif(regexp_extract(member, '[0-9]([A-Z][0-9]?)$', 1), '') AS kind,
       regexp_matches(member, '[0-9](B[0-9]?|C[0-9]?)$')
       OR (left(member, 2) = 'CN' AND regexp_matches(member, '[0-9][UYS]$')),
       $batch
FROM (SELECT DISTINCT right_id, member FROM stg_family)
"""


def write_family(db: Database, batch_id: str) -> int:
    """Replace the family members of the staged rights (a family is restated whole)."""
    if not db.scalar("SELECT count(*) FROM stg_family"):
        return 0
    db.execute("DELETE FROM right_family WHERE right_id IN (SELECT DISTINCT right_id FROM stg_family)")
    db.execute(_FAMILY, {"batch": batch_id})
    return db.scalar("SELECT count(*) FROM stg_family")
