"""The DuckDB connection: the only place zhichan opens a database."""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import duckdb

from zhichan.errors import ConstraintViolation, SchemaError

# ZHICHAN_TIMING=1 logs every statement's wall and CPU time to stderr (to find where an import spends it);
# ZHICHAN_TIMING_WIDTH sets how much of each statement is shown (default 100 characters).
_TIMING = bool(os.environ.get("ZHICHAN_TIMING"))

# DuckDB reports broken keys and checks with these exception classes.
_CONSTRAINT_ERRORS = (duckdb.ConstraintException,)


class Database:
    """One open DuckDB database (a file, or ``:memory:``) with transactions and bulk loading."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise SchemaError(
                f"无法打开数据库 cannot open the database: {self.path}",
                found=str(exc).splitlines()[0],
                fix="检查文件是否被其他进程占用或已损坏 (is another process holding it, or is it damaged?)",
            ) from exc
        self._depth = 0
        if not read_only:
            # Bounded memory: DuckDB spills to disk beyond this (default 80% of RAM would let one
            # import take the machine); ZHICHAN_MEMORY_LIMIT overrides it.
            self.con.execute(f"SET memory_limit = '{os.environ.get('ZHICHAN_MEMORY_LIMIT', '1GB')}'")
        # DuckDB draws a progress bar on the terminal for long queries; it would mix with the
        # CLI's own output (and break --json).
        self.con.execute("SET enable_progress_bar = false")

    # -- statements ------------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> "Database":
        """Run one statement; key and check violations become ``ConstraintViolation``."""
        t = _clock() if _TIMING else None
        try:
            self.con.execute(sql, params or [])
        except _CONSTRAINT_ERRORS as exc:
            raise _violation(exc, sql) from exc
        if _TIMING:
            _log(t, sql)
        return self

    def execute_script(self, sql: str, params: dict[str, Any] | None = None) -> "Database":
        """Run statements in order, each ending with ';' at the end of a line (a ';' inside a
        line, e.g. in a regex class, does not split); each gets the ``$named`` parameters it uses."""
        for stmt in sql.split(";\n"):
            if stmt.strip():
                used = {k: v for k, v in (params or {}).items() if f"${k}" in stmt}
                self.execute(stmt, used or None)
        return self

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple]:
        t = _clock() if _TIMING else None
        rows = self.con.execute(sql, params or []).fetchall()
        if _TIMING:
            _log(t, sql)
        return rows

    def query_dicts(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def stream(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None, size: int = 10000):
        """Yield result rows as dicts, fetched ``size`` at a time (bounded memory)."""
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        while batch := cur.fetchmany(size):
            for row in batch:
                yield dict(zip(cols, row))

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return None if row is None else row[0]

    def frame(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None):
        """The result as a pandas DataFrame (for measures and analyses: small, aggregated results)."""
        t = _clock() if _TIMING else None
        df = self.con.execute(sql, params or []).df()
        if _TIMING:
            _log(t, sql)
        return df

    def tables(self) -> list[str]:
        return [r[0] for r in self.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1")]

    # -- transactions ----------------------------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """All-or-nothing block; nested blocks join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.con.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            try:
                t = _clock() if _TIMING else None
                self.con.execute("COMMIT")
                if _TIMING:
                    _log(t, "COMMIT")
            except _CONSTRAINT_ERRORS as exc:
                raise _violation(exc, "COMMIT") from exc
        finally:
            self._depth = 0

    # -- bulk ------------------------------------------------------------------------------------

    def load_csv(self, table: str, columns: Sequence[str], csv_path: str | Path, *, select: str | None = None) -> int:
        """Insert a CSV file set-wise (header row expected); ``select`` may transform its columns."""
        cols = ", ".join(columns)
        body = select or cols
        before = self.scalar(f"SELECT count(*) FROM {table}")
        self.execute(
            f"INSERT INTO {table} ({cols}) SELECT {body} FROM read_csv(?, header = true, all_varchar = true)",
            [str(csv_path)],
        )
        return self.scalar(f"SELECT count(*) FROM {table}") - before

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Insert many Python rows through a temporary CSV (far faster than executemany)."""
        with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", encoding="utf-8", delete=False) as fh:
            w = csv.writer(fh)
            w.writerow(columns)
            n = 0
            for row in rows:
                w.writerow(["" if v is None else v for v in row])
                n += 1
            tmp = fh.name
        try:
            if n:
                casts = ", ".join(f"nullif({c}, '') AS {c}" for c in columns)
                self.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {casts} FROM {csv_source(columns)}",
                             [tmp])
        finally:
            Path(tmp).unlink(missing_ok=True)
        return n

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _log(started: tuple[float, float], sql: str) -> None:
    wall, cpu = _clock()
    print(f"[zhichan] {wall:10.3f} {wall - started[0]:7.3f}s {cpu - started[1]:7.3f}cpu  {' '.join(sql.split())[:int(os.environ.get('ZHICHAN_TIMING_WIDTH', '100'))]}",
          file=sys.stderr)


def csv_source(columns: Sequence[str]) -> str:
    """A strict ``read_csv(?)`` over a CSV zhichan wrote itself: header row, every column as text."""
    spec = ", ".join(f"'{c}': 'VARCHAR'" for c in columns)
    return (f"read_csv(?, header = true, columns = {{{spec}}}, quote = '\"', escape = '\"', delim = ',', "
            "strict_mode = true, max_line_size = 8388608)")


def _violation(exc: Exception, sql: str) -> ConstraintViolation:
    msg = str(exc).splitlines()[0]
    table = _table_of(sql)
    return ConstraintViolation(
        f"数据不符合表约束，已拒绝 row refused by a key or check of the canonical schema: {msg}",
        where=f"表 table {table}" if table else None,
        fix="更正该行的取值后重试 (correct the value and retry); 约束定义见 docs/architecture.md",
    )


def _table_of(sql: str) -> str | None:
    words = sql.replace("(", " ").split()
    for i, w in enumerate(words[:-1]):
        if w.upper() in ("INTO", "UPDATE", "FROM"):
            return words[i + 1]
    return None
