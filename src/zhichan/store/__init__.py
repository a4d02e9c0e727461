"""The store: DuckDB connection, schema migrations, transactions, reference tables.

Only this package imports duckdb. Public API:
- ``Database``: an open database with ``execute``, ``query``, ``transaction``, bulk loading
- ``open_database(path)``: open (or create) a database and bring its schema up to date
- ``migrate``, ``schema_version``, ``LATEST_VERSION``, ``available_migrations``
- ``sync_reference``: load the packaged reference data into the database
- ``integrity_problems``: referential checks the schema leaves to code
- SQL for measures: ``validity_sql``/``validity_spans_sql`` (validity at a date / as spans),
  ``holder_spans_sql`` (regions of holders over time), ``region_rollup_sql``, and the indicator
  term statements ``stock_facts_sql``, ``flow_facts_sql``, ``rollup_sql`` …
- staging and writes used by ingest: ``load_staging``, ``write_rights``, ``write_parties`` …,
  and batch bookkeeping ``record_batch``, ``find_committed_batch``
"""

from __future__ import annotations

from pathlib import Path

from zhichan.store._attribution_sql import (
    ATTRIBUTION_RULES,
    holder_spans_sql,
    region_levels_sql,
    region_rollup_sql,
)
from zhichan.store._batches import find_committed_batch, record_batch
from zhichan.store._build_sql import build_staged, run_checks
from zhichan.store._columnar import (
    SQL_PARSERS,
    add_duplicate_problems,
    build_parsed,
    create_raw,
    distinct_raw,
    install_parse_macros,
    load_map,
    problem_rows,
    release_raw,
    set_rejected,
)
from zhichan.store._database import Database
from zhichan.store._flows_sql import flows_sql
from zhichan.store._groups import region_groups, set_region_group
from zhichan.store._indicator_sql import (
    EXCLUDED,
    UNATTRIBUTED,
    flow_facts_sql,
    flow_rights_sql,
    flow_sql,
    party_recognition_deltas_sql,
    rollup_sql,
    stock_deltas_sql,
    stock_facts_sql,
)
from zhichan.store._integrity import integrity_problems
from zhichan.store._layout_sql import SCHEMES, field_counts_sql
from zhichan.store._migrations import LATEST_VERSION, available_migrations, migrate, schema_version
from zhichan.store._raw_csv import (
    drop_raw_csv,
    fix_raw_rows,
    load_raw_csv,
    raw_csv_view,
    raw_newlines_in_cells,
    raw_slow_rows,
)
from zhichan.store._reference_sync import reference_digest, sync_reference
from zhichan.store._reported import set_reported
from zhichan.store._staging import (
    STAGING,
    distinct_values,
    drop_staging,
    load_staging,
    region_key,
    staging_columns,
)
from zhichan.store._validity_sql import SEMANTICS, validity_spans_sql, validity_sql
from zhichan.store._writes_other import write_recognitions, write_stats
from zhichan.store._writes_party import (
    merge_into_uscc_parties,
    stage_mention_keys,
    write_entities,
    write_owners,
    write_parties,
    write_roles,
)
from zhichan.store._writes_right import write_classes, write_events, write_family, write_rights

__all__ = [
    "ATTRIBUTION_RULES",
    "EXCLUDED",
    "UNATTRIBUTED",
    "SCHEMES",
    "field_counts_sql",
    "flow_facts_sql",
    "flows_sql",
    "flow_rights_sql",
    "flow_sql",
    "holder_spans_sql",
    "party_recognition_deltas_sql",
    "region_groups",
    "region_levels_sql",
    "region_rollup_sql",
    "rollup_sql",
    "set_region_group",
    "set_reported",
    "stock_deltas_sql",
    "stock_facts_sql",
    "SEMANTICS",
    "SQL_PARSERS",
    "STAGING",
    "add_duplicate_problems",
    "build_parsed",
    "build_staged",
    "create_raw",
    "distinct_raw",
    "install_parse_macros",
    "drop_raw_csv",
    "fix_raw_rows",
    "load_raw_csv",
    "raw_csv_view",
    "raw_newlines_in_cells",
    "raw_slow_rows",
    "load_map",
    "problem_rows",
    "release_raw",
    "run_checks",
    "set_rejected",
    "distinct_values",
    "drop_staging",
    "find_committed_batch",
    "load_staging",
    "merge_into_uscc_parties",
    "record_batch",
    "region_key",
    "stage_mention_keys",
    "staging_columns",
    "write_classes",
    "write_entities",
    "write_events",
    "write_family",
    "write_owners",
    "write_parties",
    "write_recognitions",
    "write_stats",
    "write_rights",
    "write_roles",
    "Database",
    "LATEST_VERSION",
    "available_migrations",
    "integrity_problems",
    "migrate",
    "open_database",
    "reference_digest",
    "schema_version",
    "sync_reference",
    "validity_spans_sql",
    "validity_sql",
]


def open_database(path: str | Path = ":memory:", *, read_only: bool = False, reference: bool = True) -> Database:
    """Open a database, apply pending migrations and refresh reference tables when needed."""
    db = Database(path, read_only=read_only)
    if not read_only:
        migrate(db)
        if reference:
            sync_reference(db)
    return db
