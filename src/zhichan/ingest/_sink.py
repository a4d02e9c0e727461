"""Staging sink: builders write staged rows into CSV files, one per staging table, streamed to
disk so that a file of millions of rows never sits in memory."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from zhichan.store import staging_columns

_TABLES = ("stg_right", "stg_class", "stg_family", "stg_mention", "stg_event", "stg_entity", "stg_stat",
           "stg_recognition")


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


class CsvSink:
    """Writes staged rows; ``paths`` gives each table's CSV (None when nothing was written)."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="zhichan-stage-")
        self._files: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}
        self._cols = {t: staging_columns(t) for t in _TABLES}
        self.counts = dict.fromkeys(_TABLES, 0)

    def _writer(self, table: str):
        w = self._writers.get(table)
        if w is None:
            fh = open(Path(self._dir.name) / f"{table}.csv", "w", newline="", encoding="utf-8")
            self._files[table] = fh
            w = csv.writer(fh)
            w.writerow(self._cols[table])
            self._writers[table] = w
        return w

    def _write(self, table: str, values: list[Any]) -> None:
        self._writer(table).writerow([_cell(v) for v in values])
        self.counts[table] += 1

    def right(self, row: dict[str, Any]) -> None:
        self._write("stg_right", [row.get(c) for c in self._cols["stg_right"]])

    def cls(self, right_id: str, scheme: str, code: str, is_main: bool) -> None:
        self._write("stg_class", [right_id, scheme, code, is_main])

    def mention(self, right_id, row_no, role, seq, name, address=None, postcode=None, hint=None,
                filed_on=None, uscc=None) -> None:
        self._write("stg_mention", [right_id, row_no, role, seq, name, address, postcode, hint, filed_on, uscc])

    def event(self, row: dict[str, Any]) -> None:
        self._write("stg_event", [row.get(c) for c in self._cols["stg_event"]])

    def entity(self, row: dict[str, Any]) -> None:
        self._write("stg_entity", [row.get(c) for c in self._cols["stg_entity"]])

    def stat(self, row: dict[str, Any]) -> None:
        self._write("stg_stat", [row.get(c) for c in self._cols["stg_stat"]])

    def recognition(self, row: dict[str, Any]) -> None:
        self._write("stg_recognition", [row.get(c) for c in self._cols["stg_recognition"]])

    def paths(self) -> dict[str, Path | None]:
        for fh in self._files.values():
            fh.flush()
        return {t: (Path(self._dir.name) / f"{t}.csv" if t in self._files else None) for t in _TABLES}

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._dir.cleanup()

    def __enter__(self) -> "CsvSink":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
