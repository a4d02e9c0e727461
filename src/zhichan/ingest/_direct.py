"""The fast path for clean CSV files: DuckDB reads the rows, Python sees only the few it must.

Python's csv module and DuckDB's reader agree on a UTF-8 file except where DuckDB skips empty
lines (Python counts them as records, which shifts row numbers) or trims one space next to a
quote. ``scan_file`` counts line feeds and looks for spaced quotes while hashing the file; a file
with a spaced quote, or whose line feeds are not all accounted for by records and line breaks
inside cells, stays on the Python path, as does anything DuckDB refuses (ragged rows, bad UTF-8,
stray quotes, a lone CR). Rows that the reader's full checks must see (blank, totals, injection
characters, over-long cells) are flagged in SQL and go through the same ``RowGate`` in file order,
so issues, skipped rows and row numbers come out exactly as on the Python path.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from zhichan import store
from zhichan.ingest._read_common import FIELD_LIMIT, INJECTION_FIRST, SLOW_FIRST, SourceTable

_CHUNK = 8 << 20
_SPACED_QUOTE = (b' "', b'" ')


@dataclass(frozen=True, slots=True)
class FileShape:
    """The file's SHA-256 and what the fast path checks against DuckDB's reading of it: the
    line feeds in the file and in its trailing run of line breaks, and whether a space touches a
    quote anywhere."""

    digest: str
    newlines: int
    trailing_newlines: int
    spaced_quote: bool


def _tail_newlines(fh, size: int) -> int:
    """Line feeds in the run of line breaks the file ends with (its trailing empty lines)."""
    count, pos = 0, size
    while pos > 0:
        start = max(0, pos - 65536)
        fh.seek(start)
        block = fh.read(pos - start)
        kept = block.rstrip(b"\r\n")
        count += block.count(b"\n", len(kept))
        if kept:
            break
        pos = start
    return count


def scan_file(path: Path) -> FileShape:
    """Hash the file and count what the fast path checks, in one read."""
    h = hashlib.sha256()
    newlines = 0
    spaced = False
    with open(path, "rb") as fh:
        carry = b""
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            newlines += chunk.count(b"\n")
            if not spaced and (carry == b'"' or b'"' in chunk):
                buf = carry + chunk
                spaced = any(p in buf for p in _SPACED_QUOTE)
            carry = chunk[-1:]
        tail = _tail_newlines(fh, fh.tell())
    return FileShape(h.hexdigest(), newlines, tail, spaced)


def preload(db, table: SourceTable, shape: FileShape | None) -> None:
    """Read the table's rows into the store when the file allows it (outside the transaction:
    DuckDB aborts the transaction a refused read happens in)."""
    d = table.direct
    if (d is None or shape is None or shape.spaced_quote or db.in_transaction
            or os.environ.get("ZHICHAN_DIRECT_CSV") == "0"):
        return
    n = store.load_raw_csv(db, d.path, len(table.headers), d.delimiter, d.header_row,
                           slow_first="".join(sorted(SLOW_FIRST)), cell_first="".join(sorted(INJECTION_FIRST)),
                           limit=FIELD_LIMIT)
    if n is None:
        return
    # every record up to the last one ends in a line feed; what is left over are line feeds inside
    # cells or empty lines, which DuckDB skips and Python counts as rows
    extra = shape.newlines - shape.trailing_newlines - (d.header_row + n - 1)
    if extra and extra != store.raw_newlines_in_cells(db, len(table.headers)):
        store.drop_raw_csv(db)
        return
    d.loaded = n


def take_loaded(db, table: SourceTable, seen_issues: int) -> int | None:
    """Use the preloaded rows as ``stg_raw``: run the flagged rows through the reader's checks
    in file order, as the Python reader would have. Returns the rows staged, or None when the
    table was not preloaded."""
    d = table.direct
    if d is None or d.loaded is None:
        return None
    table.close()                      # the Python reader stops; its peek is replayed below
    del table.issues[seen_issues:]
    table.rows_seen = 0
    gate = d.gate
    first = d.header_row + 1
    prev = -1                          # rowid of the last row handled
    dropped, changed = [], []
    for rowid, *cells in store.raw_slow_rows(db):
        if rowid > prev + 1:           # plain rows in between: flush held blank rows as they do
            if gate.pending:
                gate.flush()
            table.rows_seen += rowid - prev - 1
        prev = rowid
        given = ["" if c is None else c for c in cells]
        out = gate.check(rowid + first, list(given))
        if out is None:
            dropped.append(rowid)
        elif out != given:
            changed.append((rowid, out))
    if d.loaded - 1 > prev:
        if gate.pending:
            gate.flush()
        table.rows_seen += d.loaded - 1 - prev
    gate.finish()
    store.fix_raw_rows(db, dropped, changed)
    store.raw_csv_view(db, first, len(table.headers))
    return d.loaded - len(dropped)
