"""Temp staging tables: the ingest layer streams rows into CSV files in these column orders and
the store loads them set-wise, then merges them into the canonical tables."""

from __future__ import annotations

from pathlib import Path

from zhichan.store._database import Database, csv_source
from zhichan.store._writes_right import EVENT_COLUMNS, RIGHT_COLUMNS

# name → ordered (column, SQL type)
STAGING: dict[str, tuple[tuple[str, str], ...]] = {
    "stg_right": (
        ("row_no", "BIGINT"), ("right_id", "VARCHAR"), ("kind", "VARCHAR"), ("office", "VARCHAR"),
        ("application_no", "VARCHAR"), ("application_date", "DATE"), ("publication_no", "VARCHAR"),
        ("grant_no", "VARCHAR"), ("grant_date", "DATE"), ("title", "VARCHAR"), ("abstract", "VARCHAR"),
        ("ipc_main", "VARCHAR"), ("claims_count", "INTEGER"), ("family_id", "VARCHAR"), ("pct", "BOOLEAN"),
        ("madrid", "BOOLEAN"), ("status", "VARCHAR"), ("expiry_date", "DATE"),
        ("international_filing_date", "DATE"), ("national_phase_date", "DATE"),
    ),
    "stg_class": (("right_id", "VARCHAR"), ("scheme", "VARCHAR"), ("code", "VARCHAR"), ("is_main", "BOOLEAN")),
    "stg_family": (("right_id", "VARCHAR"), ("member", "VARCHAR")),
    "stg_mention": (
        ("right_id", "VARCHAR"), ("row_no", "BIGINT"), ("role", "VARCHAR"), ("seq", "INTEGER"),
        ("raw_name", "VARCHAR"), ("address", "VARCHAR"), ("postcode", "VARCHAR"), ("hint", "VARCHAR"),
        ("filed_on", "DATE"), ("uscc", "VARCHAR"),
    ),
    "stg_entity": (
        ("row_no", "BIGINT"), ("uscc", "VARCHAR"), ("entity_type", "VARCHAR"), ("category", "VARCHAR"),
        ("status", "VARCHAR"), ("is_active", "BOOLEAN"), ("established", "DATE"), ("industry_code", "VARCHAR"),
        ("registered_capital", "DOUBLE"), ("authority", "VARCHAR"),
    ),
    "stg_stat": (
        ("row_no", "BIGINT"), ("region_code", "VARCHAR"), ("period", "INTEGER"), ("metric", "VARCHAR"),
        ("value", "DOUBLE"), ("unit", "VARCHAR"), ("source", "VARCHAR"),
    ),
    "stg_recognition": (
        ("row_no", "BIGINT"), ("list_id", "VARCHAR"), ("subject_kind", "VARCHAR"), ("subject_id", "VARCHAR"),
        ("year", "INTEGER"), ("grade", "VARCHAR"),
    ),
    "stg_name": (("raw_name", "VARCHAR"), ("display", "VARCHAR"), ("name_norm", "VARCHAR"), ("kind", "VARCHAR")),
    # rkey: address, postcode, hint and USCC joined by chr(31) (see REGION_KEY)
    "stg_region": (
        ("rkey", "VARCHAR"), ("region_code", "VARCHAR"), ("confidence", "DOUBLE"), ("domestic", "BOOLEAN"),
    ),
    "stg_event": (
        ("row_no", "BIGINT"), ("event_id", "VARCHAR"), ("right_id", "VARCHAR"), ("code", "VARCHAR"),
        ("kind", "VARCHAR"), ("announced_on", "DATE"), ("effective_on", "DATE"), ("amount_cny", "DECIMAL(18,2)"),
        ("counterparty", "VARCHAR"), ("detail", "VARCHAR"),
    ),
}

assert [c for c, _ in STAGING["stg_right"][1:]] == list(RIGHT_COLUMNS)
assert [c for c, _ in STAGING["stg_event"][1:]] == list(EVENT_COLUMNS)


REGION_KEY = ("concat_ws(chr(31), coalesce({t}.address, ''), coalesce({t}.postcode, ''), coalesce({t}.hint, ''), "
              "coalesce({t}.uscc, ''))")


def region_key(address: str | None, postcode: str | None, hint: str | None, uscc: str | None) -> str:
    """The Python side of REGION_KEY."""
    return "\x1f".join(x or "" for x in (address, postcode, hint, uscc))


def staging_columns(name: str) -> list[str]:
    return [c for c, _ in STAGING[name]]


def load_staging(db: Database, name: str, csv_path: str | Path | None) -> int:
    """(Re)create a staging temp table and fill it from a CSV written in its column order."""
    cols = STAGING[name]
    drop_temp(db, name)
    db.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({', '.join(f'{c} {t}' for c, t in cols)})")
    if csv_path is None:
        return 0
    casts = ", ".join(f"CAST(nullif({c}, '') AS {t})" for c, t in cols)
    db.execute(f"INSERT INTO {name} SELECT {casts} FROM {csv_source([c for c, _ in cols])}", [str(csv_path)])
    return db.scalar(f"SELECT count(*) FROM {name}")


def distinct_values(db: Database, name: str, columns: list[str]) -> list[tuple]:
    """Distinct value combinations of some staging columns (e.g. addresses to resolve)."""
    cols = ", ".join(columns)
    return db.query(f"SELECT DISTINCT {cols} FROM {name}")


def drop_staging(db: Database) -> None:
    for name in (*STAGING, "stg_mention_party", "stg_right_u", "stg_ok", "stg_parsed", "stg_raw"):
        drop_temp(db, name)
    for name in ("stg_src", "stg_parsed_t", "stg_key", "stg_key_party", "stg_owner_known"):
        db.execute(f"DROP TABLE IF EXISTS {name}")


def drop_temp(db: Database, name: str) -> None:
    """Drop a temp table or view of this name, whichever it is (stg_raw can be either)."""
    if db.query("SELECT 1 FROM duckdb_views() WHERE temporary AND view_name = ?", [name]):
        db.execute(f"DROP VIEW {name}")
    db.execute(f"DROP TABLE IF EXISTS {name}")
