"""The store: DuckDB connection, schema migrations, transactions, reference tables.

Only this package imports duckdb. Public API:
- ``Database``: an open database with ``execute``, ``query``, ``transaction``, bulk loading
- ``open_database(path)``: open (or create) a database and bring its schema up to date
- ``migrate``, ``schema_version``, ``LATEST_VERSION``, ``available_migrations``
- ``sync_reference``: load the packaged reference data into the database
- ``integrity_problems``: referential checks the schema leaves to code
"""

from __future__ import annotations

from pathlib import Path

from zhichan.store._database import Database
from zhichan.store._integrity import integrity_problems
from zhichan.store._migrations import LATEST_VERSION, available_migrations, migrate, schema_version
from zhichan.store._reference_sync import reference_digest, sync_reference

__all__ = [
    "Database",
    "LATEST_VERSION",
    "available_migrations",
    "integrity_problems",
    "migrate",
    "open_database",
    "reference_digest",
    "schema_version",
    "sync_reference",
]


def open_database(path: str | Path = ":memory:", *, read_only: bool = False, reference: bool = True) -> Database:
    """Open a database, apply pending migrations and refresh reference tables when needed."""
    db = Database(path, read_only=read_only)
    if not read_only:
        migrate(db)
        if reference:
            sync_reference(db)
    return db
