"""Raw cells of a CSV file read by DuckDB itself (the fast path of the import).

``stg_src`` holds every column of every record after the header (``c0`` … as text, NULL for
empty) and ``_slow``: whether the reader's full row checks must see the row (blank or totals
row, injection character, over-long cell; the ingest layer decides those in Python). The view
``stg_raw`` numbers the rows as the user sees them, from the table's row ids, which follow the
file order because the table is created in one scan-and-project statement with insertion order
preserved (a join or aggregate in that statement would lose it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from zhichan.store._database import Database
from zhichan.store._staging import drop_temp


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def load_raw_csv(db: Database, path: str, ncols: int, delimiter: str, skip: int, *,
                 slow_first: str, cell_first: str, limit: int) -> int | None:
    """Read the records after ``skip`` lines into ``stg_src``; None when DuckDB refuses the file
    (ragged rows, quotes it reads otherwise than Python, bad UTF-8, a line over DuckDB's default
    2 MB, whose larger buffers would read every file more slowly …).

    Run it outside a transaction: a failed read would abort the one it is in."""
    cols = [f"c{i}" for i in range(ncols)]
    spec = ", ".join(f"'{c}': 'VARCHAR'" for c in cols)
    # a cell starting with one of cell_first: byte ranges compare fastest (a few extra rows, e.g.
    # cells starting with ',' in the '+'…'-' range, only cost a look in Python)
    starts = " OR ".join(f"({c} >= '{ch}' AND {c} < '{chr(ord(ch) + 1)}')" for ch in cell_first for c in cols[1:])
    # no IN (…) list: DuckDB turns a long one into a join, and a join does not keep the file order
    slow = " OR ".join(
        ["c0 IS NULL", f"strpos({_lit(slow_first)}, substr(c0, 1, 1)) > 0", starts]
        + [f"strlen({c}) > {limit}" for c in cols])
    try:
        db.execute(
            f"CREATE OR REPLACE TEMP TABLE stg_src AS SELECT {', '.join(cols)}, ({slow}) AS _slow "
            f"FROM read_csv(?, header = false, skip = {int(skip)}, columns = {{{spec}}}, delim = ?, quote = '\"', "
            "escape = '\"', strict_mode = true, auto_detect = false)",
            [path, delimiter])
    except Exception:  # noqa: BLE001 - any refusal means: let Python read the file
        db.execute("DROP TABLE IF EXISTS stg_src")
        return None
    return db.scalar("SELECT count(*) FROM stg_src")


def raw_csv_view(db: Database, first_row: int, ncols: int) -> None:
    """``stg_raw`` over ``stg_src``: row_no (the record number) and the cells."""
    cols = ", ".join(f"c{i}" for i in range(ncols))
    drop_temp(db, "stg_raw")
    db.execute(f"CREATE OR REPLACE TEMP VIEW stg_raw AS SELECT rowid + {int(first_row)} AS row_no, {cols} FROM stg_src")


def raw_slow_rows(db: Database, size: int = 10000) -> Iterator[tuple]:
    """(rowid, cells …) of the rows flagged for the full checks, in file order, fetched ``size``
    at a time (a file may flag many rows, e.g. a "-" placeholder in every row)."""
    cur = db.con.execute("SELECT rowid, * EXCLUDE (_slow) FROM stg_src WHERE _slow ORDER BY rowid")
    while batch := cur.fetchmany(size):
        yield from batch


def fix_raw_rows(db: Database, dropped: Sequence[int], changed: Sequence[tuple[int, list]]) -> None:
    """Drop skipped rows and rewrite rows whose cells the checks changed (truncated, unmarked)."""
    if dropped:
        db.execute("DELETE FROM stg_src WHERE rowid IN (SELECT unnest(?))", [list(dropped)])
    for rowid, cells in changed:
        sets = ", ".join(f"c{i} = ?" for i in range(len(cells)))
        db.execute(f"UPDATE stg_src SET {sets} WHERE rowid = ?", [*(c or None for c in cells), rowid])


def raw_newlines_in_cells(db: Database, ncols: int) -> int:
    """Line feeds inside the cells of ``stg_src`` (multi-line quoted cells)."""
    per_row = " + ".join(f"coalesce(strlen(c{i}) - strlen(replace(c{i}, chr(10), '')), 0)" for i in range(ncols))
    return db.scalar(f"SELECT coalesce(sum({per_row}), 0) FROM stg_src")


def drop_raw_csv(db: Database) -> None:
    db.execute("DROP TABLE IF EXISTS stg_src")
