"""Import batches and their issues in the store."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from zhichan.store._database import Database

_ISSUE_COLUMNS = ("batch_id", "issue_no", "code", "severity", "file_name", "sheet", "row_no", "column_name",
                  "value", "message", "hint")


def find_committed_batch(db: Database, file_hash: str, profile: str | None = None) -> dict[str, Any] | None:
    """The latest committed batch of a file with this content (and profile, when given)."""
    rows = db.query_dicts(
        "SELECT * FROM import_batch WHERE file_hash = ? AND status = 'committed' "
        "AND (? IS NULL OR profile = ?) ORDER BY started_at DESC LIMIT 1",
        [file_hash, profile, profile],
    )
    return rows[0] if rows else None


def record_batch(db: Database, batch: dict[str, Any], issues: Iterable[dict[str, Any]]) -> None:
    """Write the batch row and its issues (inside the caller's transaction)."""
    cols = ["batch_id", "file_name", "file_hash", "profile", "status", "started_at", "finished_at",
            "rows_read", "rows_stored", "rows_rejected", "rows_warned", "as_of", "record_kind"]
    row = {**batch, "finished_at": batch.get("finished_at") or dt.datetime.now()}
    db.execute(f"INSERT INTO import_batch ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
               [row.get(c) for c in cols])
    db.insert_rows("import_issue", list(_ISSUE_COLUMNS),
                   ([i.get(c) for c in _ISSUE_COLUMNS] for i in issues))
