"""Staging one source table through its profile, column-wise.

Python touches each row once, to copy its mapped cells (with the row number the user sees) into
a staging CSV. Everything else is set-based: row-unique fields parse in SQL, every other field
is parsed once per distinct value, problems are found with queries, and high-volume kinds are
built in SQL. Low-volume kinds run their Python builders over the parsed rows.
"""

from __future__ import annotations

import csv
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from zhichan import store
from zhichan.ingest._builders import BUILDERS, RECORD_KEYS, SQL_KINDS
from zhichan.ingest._direct import take_loaded
from zhichan.ingest._issues import ISSUE_TYPES, Issue, make_issue, register
from zhichan.ingest._parsers import PARSERS, parse_amount
from zhichan.ingest._profile_registry import ProfileMatch, default_registry
from zhichan.ingest._records_stats import wide_columns
from zhichan.ingest._sink import CsvSink

register("missing-required-value", "error", "必填值为空", "必填列 “{column}” 为空 (required value missing)",
         "补全该值后重新导入")
register("duplicate-in-file", "error", "文件内重复", "与第 {first_row} 行重复：{key} (duplicate of an earlier row)",
         "删除重复行；如两行内容不同，请核对哪一行正确")
register("wide-columns-unknown", "warning", "无法识别的统计列",
         "这些列既不是已知指标也不是年份（或缺少年份/指标），未导入：{columns} (columns not imported)",
         "列名使用已知指标名称；按年份分列时在工作表名中写明指标，如“专利申请量”")

_AMOUNT_SCALE = (("亿元", 1e8), ("万元", 1e4))
_LIST_SEP = "\x1f"
# warnings whose value is dropped; on a required field they reject the row
_VALUE_LOST = frozenset(("unparseable-date", "date-out-of-range", "bad-number", "bad-uscc", "unknown-ipc",
                         "unknown-patent-type", "bad-bool"))


@dataclass
class StageCounts:
    """Row accounting for one table."""

    read: int = 0
    stored: int = 0
    rejected: int = 0
    warned_rows: set[int] = field(default_factory=set)
    rejected_rows: set[int] = field(default_factory=set)
    issues: list[Issue] = field(default_factory=list)


def _write_raw(table, idxs: list[int], progress) -> tuple[Path, int, tempfile.TemporaryDirectory]:
    tmp = tempfile.TemporaryDirectory(prefix="zhichan-raw-")
    path = Path(tmp.name) / "raw.csv"
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["row_no", *(f"c{i}" for i in idxs)])
        for row in table.rows:
            cells = row.cells
            w.writerow([row.row, *(cells[i] if i < len(cells) else None for i in idxs)])
            n += 1
            if progress is not None and n % 50000 == 0:
                progress(50000)
    if progress is not None:
        progress(n % 50000)
    return path, n, tmp


def _map_value(value: Any) -> Any:
    """A parsed value as the map table stores it (lists as chr(31)-joined text)."""
    if isinstance(value, tuple):
        return _LIST_SEP.join(str(v) for v in value)
    return value


def _load_maps(db, specs) -> None:
    for fname, col, parser, _, scale in specs:
        if parser in store.SQL_PARSERS or parser == "application_number":
            continue
        parse = (lambda raw, _s=scale: parse_amount(raw, _s)) if parser == "amount" else PARSERS[parser]
        split = parser == "ipc_list"
        rows = []
        for raw in store.distinct_raw(db, col, split=split):
            value, problem = (PARSERS["ipc"] if split else parse)(raw)
            code, detail = (problem[0], json.dumps(problem[1], ensure_ascii=False, default=str)) if problem else (None, None)
            rows.append((raw, _map_value(value), code, detail))
        store.load_map(db, fname, parser, rows)


def stage_table(db, table, match: ProfileMatch, sink: CsvSink, *,
                progress: Callable[[int], None] | None = None, seen_issues: int = 0) -> StageCounts:
    """Stage ``table`` (all rows), returning the accounting and the issues found."""
    profile = match.profile
    kind = profile.record_kind
    counts = StageCounts()
    file_name = Path(table.file).name
    title = f"{table.title} {table.sheet or ''} {file_name}"
    extra_idx: list[int] = []
    if kind == "stat_wide":
        extra_idx, unknown = wide_columns(table.headers, set(match.columns), "period" in match.columns.values(), title)
        if unknown:
            counts.issues.append(make_issue("wide-columns-unknown", file=table.file, sheet=table.sheet,
                                            row=table.header_row, columns="、".join(unknown[:30])))
    mapped = sorted(match.columns.items())
    store.install_parse_macros(db)
    loaded = take_loaded(db, table, seen_issues)
    if loaded is not None:
        counts.read = loaded
        if progress is not None:
            progress(loaded)
    else:
        path, counts.read, tmp = _write_raw(table, [i for i, _ in mapped] + extra_idx, progress)
        try:
            store.create_raw(db, [f"c{i}" for i, _ in mapped] + [f"c{i}" for i in extra_idx], path)
        finally:
            tmp.cleanup()
    specs = []
    for idx, fname in mapped:
        spec = profile.fields[fname]
        header = table.headers[idx]
        scale = next((s for unit, s in _AMOUNT_SCALE if unit in header), None) if spec.parser == "amount" else None
        specs.append((fname, f"c{idx}", spec.parser, spec.required, scale))
    _load_maps(db, specs)
    absent = [(f, p) for f, p in _kind_fields(kind, profile).items() if f not in match.columns.values()]
    store.build_parsed(db, [sp[:4] for sp in specs], absent=absent, extra=[f"c{i}" for i in extra_idx])
    store.release_raw(db)
    store.run_checks(db, kind)
    header_of = {fname: table.headers[idx] for idx, fname in mapped}
    parser_of = {fname: parser for fname, _, parser, *_ in specs}
    strict = {fname for fname, *_ in specs if profile.fields[fname].required or profile.fields[fname].strict}
    bad_rows: set[int] = set()

    def judge(problems) -> None:
        for row_no, fname, raw, code, detail in problems:
            fields = json.loads(detail) if detail else _detail(parser_of.get(fname), raw, code)
            # a required (or strict) value that does not parse leaves the record without it
            severity = "error" if fname in strict and code in _VALUE_LOST else ISSUE_TYPES[code].severity
            counts.issues.append(make_issue(code, file=table.file, sheet=table.sheet, row=row_no, severity=severity,
                                            column=header_of.get(fname, fname), value=raw, **fields))
            (bad_rows if severity == "error" else counts.warned_rows).add(row_no)

    judge(store.problem_rows(db))
    store.set_rejected(db, bad_rows)
    key = RECORD_KEYS.get(kind)
    if key:
        judge(store.add_duplicate_problems(db, key))
        store.set_rejected(db, bad_rows)
    if kind in SQL_KINDS:
        store.build_staged(db, kind)
    else:
        bad_rows |= _python_build(db, table, kind, extra_idx, title, file_name, sink, counts, header_of)
        for name, p in sink.paths().items():
            store.load_staging(db, name, p)
    counts.rejected = len(bad_rows)
    counts.rejected_rows = bad_rows
    counts.stored = counts.read - counts.rejected
    counts.warned_rows -= bad_rows
    return counts


def _kind_fields(kind: str, profile) -> dict[str, str]:
    """Every field any profile of this record kind has (the builders may use any of them)."""
    out = {f: s.parser for f, s in profile.fields.items()}
    for other in default_registry().profiles.values():
        if other.record_kind == kind:
            for f, s in other.fields.items():
                out.setdefault(f, s.parser)
    return out


def _detail(parser: str | None, raw: str | None, code: str) -> dict[str, Any]:
    """Message details for a problem found in SQL: the Python parser explains the (few) bad values."""
    if parser in PARSERS and raw is not None:
        problem = PARSERS[parser](raw)[1]
        if problem and problem[0] == code:
            return dict(problem[1])
    return {}


def _python_build(db, table, kind, extra_idx, title, file_name, sink, counts: StageCounts,
                  header_of: dict[str, str]) -> set[int]:
    """Run a Python builder over the parsed rows that have no error yet."""
    build = BUILDERS[kind]
    rejected: set[int] = set()
    context = {"file_name": file_name, "sheet": table.sheet}
    extra_cols = [f"c{i}" for i in extra_idx]
    sql = "SELECT * FROM stg_parsed WHERE row_no NOT IN (SELECT row_no FROM stg_rejected) ORDER BY row_no"
    for v in db.stream(sql):
        v["_context"], v["_title"] = context, title
        if extra_cols:
            v["_extra"] = [(table.headers[i], v[c]) for i, c in zip(extra_idx, extra_cols)]
        for code, fname, fields in build(v, v["row_no"], sink):
            value = fields.pop("_value", v.get(fname) if fname else None)
            counts.issues.append(make_issue(code, file=table.file, sheet=table.sheet, row=v["row_no"],
                                            column=fields.pop("column", header_of.get(fname, fname)),
                                            value=value, **fields))
            if ISSUE_TYPES[code].severity == "error":
                rejected.add(v["row_no"])
            else:
                counts.warned_rows.add(v["row_no"])
    return rejected
