"""Streaming one source table through its profile: parse every mapped cell, check the row,
build staged records, and account for every row (stored, rejected or skipped)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from zhichan.ingest._issues import ISSUE_TYPES, Issue, make_issue, register
from zhichan.ingest._parsers import PARSERS
from zhichan.ingest._profile_registry import ProfileMatch
from zhichan.ingest._builders import BUILDERS, RECORD_KEYS
from zhichan.ingest._records import Problem
from zhichan.ingest._records_stats import wide_columns
from zhichan.ingest._sink import CsvSink

register("missing-required-value", "error", "必填值为空", "必填列 “{column}” 为空 (required value missing)",
         "补全该值后重新导入")
register("wide-columns-unknown", "warning", "无法识别的统计列",
         "这些列既不是已知指标也不是年份（或缺少年份/指标），未导入：{columns} (columns not imported)",
         "列名使用已知指标名称；按年份分列时在工作表名中写明指标，如“专利申请量”")
register("duplicate-in-file", "error", "文件内重复", "与第 {first_row} 行重复：{key} (duplicate of an earlier row)",
         "删除重复行；如两行内容不同，请核对哪一行正确")

_AMOUNT_SCALE = (("亿元", 1e8), ("万元", 1e4))


@dataclass
class StageCounts:
    """Row accounting for one table."""

    read: int = 0
    stored: int = 0
    rejected: int = 0
    warned: int = 0
    issues: list[Issue] = field(default_factory=list)


def stage_table(table, match: ProfileMatch, sink: CsvSink, *, progress: Callable[[int], None] | None = None) -> StageCounts:
    """Stream ``table`` rows into ``sink``; returns the accounting and the row issues."""
    profile = match.profile
    kind = profile.record_kind
    build = BUILDERS[kind]
    key_field = RECORD_KEYS.get(kind)
    specs = []
    for idx, fname in sorted(match.columns.items()):
        spec = profile.fields[fname]
        header = table.headers[idx]
        parse = PARSERS[spec.parser]
        scale = next((s for unit, s in _AMOUNT_SCALE if unit in header), None) if spec.parser == "amount" else None
        specs.append((idx, fname, header, parse, spec.required, scale))
    absent: dict[str, Any] = {f: None for f in profile.fields if f not in match.columns.values()}
    absent.update(profile.constants)
    file_name = Path(table.file).name
    absent["_context"] = {"file_name": file_name, "sheet": table.sheet}
    absent["_list_hint"] = f"{table.sheet or ''} {Path(table.file).stem}"
    extra_idx: list[int] = []
    counts = StageCounts()
    if kind == "stat_wide":
        extra_idx, unknown = wide_columns(table.headers, set(match.columns), "period" in match.columns.values(),
                                          f"{table.sheet or ''} {file_name}")
        if unknown:
            counts.issues.append(make_issue("wide-columns-unknown", file=table.file, sheet=table.sheet,
                                            row=table.header_row, columns="、".join(unknown[:30])))
    col_of = {f: h for _, f, h, *_ in specs}
    seen: dict[Any, int] = {}
    file, sheet = table.file, table.sheet
    for row in table.rows:
        counts.read += 1
        cells = row.cells
        values = dict(absent)
        if extra_idx:
            values["_extra"] = [(table.headers[i], cells[i] if i < len(cells) else None) for i in extra_idx]
        problems: list[Problem] = []
        for idx, fname, header, parse, required, scale in specs:
            cell = cells[idx] if idx < len(cells) else None
            value, problem = parse(cell)
            if problem is not None:
                problems.append((problem[0], fname, {**problem[1], "_value": cell}))
            elif required and value is None:
                problems.append(("missing-required-value", fname, {"_value": cell}))
            if scale is not None and value is not None:
                value *= scale
            values[fname] = value
        if not _has_error(problems) and key_field and values.get(key_field) is not None:
            key = values[key_field]
            first = seen.get(key)
            if first is not None:
                problems.append(("duplicate-in-file", key_field, {"first_row": first, "key": key, "_value": key}))
            else:
                seen[key] = row.row
        if not _has_error(problems):
            problems.extend(build(values, row.row, sink))
        for code, fname, fields in problems:
            value = fields.pop("_value", values.get(fname) if fname else None)
            counts.issues.append(make_issue(code, file=file, sheet=sheet, row=row.row,
                                            column=col_of.get(fname, fname), value=value, **fields))
        if _has_error(problems):
            counts.rejected += 1
        else:
            counts.stored += 1
            if problems:
                counts.warned += 1
        if progress is not None and counts.read % 10000 == 0:
            progress(10000)
    return counts


def _has_error(problems: list[Problem]) -> bool:
    return any(ISSUE_TYPES[code].severity == "error" for code, _, _ in problems)
