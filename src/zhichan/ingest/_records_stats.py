"""Record builders for statistics tables, in long (region × year × metric per row) and wide
yearbook layouts (metrics or years as columns)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from zhichan.ingest._issues import register
from zhichan.ingest._metrics import find_metric_in, match_metric, metrics
from zhichan.ingest._parsers import parse_amount
from zhichan.ingest._records import Problem, Sink
from zhichan.ingest._resolver import resolve_address

register("unresolvable-region", "error", "地区无法识别",
         "地区 “{value}” 无法对应到行政区划 (region not recognised)：{reason}",
         "使用规范地区名称（如 重庆市、大足区）或 6 位行政区划代码")
register("unknown-metric", "error", "指标无法识别",
         "指标 “{value}” 不在指标表中 (unknown metric)", "使用已知指标名称（见 zhichan/ingest/metrics.yaml），如 专利申请量、年末常住人口")
register("period-not-found", "error", "无法确定年份",
         "该行没有年份，表名/文件名中也找不到年份 (no year for this row)", "增加“年份”列，或在工作表名中写明年份，如 2023年")
register("bad-value", "warning", "数值无法解析", "列 “{column}” 的值 “{value}” 不是数值，该值未导入",
         "只填数字；空值或“-”表示无数据")

_NATIONAL = ("全国", "中国", "全国合计", "全国总计")
_YEAR = re.compile(r"(19[5-9]\d|20\d\d)")
_YEAR_HEADER = re.compile(r"^(19[5-9]\d|20\d\d)年?度?$")
_EMPTY = ("", "-", "—", "…", "...", "/", "x", "X")


@lru_cache(maxsize=8192)
def region_code(text: str) -> tuple[str | None, str]:
    """A region code for a stat table's region cell (a name, short name or code)."""
    t = text.strip().replace(" ", "").replace("\u3000", "")
    if t in _NATIONAL:
        return "000000", ""
    if len(t) == 6 and t.isdigit():
        return t, ""
    r = resolve_address(t)
    if r.code and r.confidence >= 0.5:
        return r.code, ""
    return None, r.reason


def _source(v: dict[str, Any]) -> str:
    ctx = v.get("_context") or {}
    return v.get("source") or ctx.get("file_name") or "导入表格"


def build_stat_long(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    code, why = region_code(v["region"])
    if code is None:
        return [("unresolvable-region", "region", {"reason": why})]
    mid, unit = match_metric(v["metric"])
    if mid is None:
        return [("unknown-metric", "metric", {})]
    sink.stat({"row_no": row_no, "region_code": code, "period": v["period"], "metric": mid, "value": v["value"],
               "unit": v.get("unit") or unit or metrics()[mid].unit, "source": _source(v)})
    return []


def build_stat_wide(v: dict[str, Any], row_no: int, sink: Sink) -> list[Problem]:
    code, why = region_code(v["region"])
    if code is None:
        return [("unresolvable-region", "region", {"reason": why})]
    title = v.get("_title") or ""  # title rows, sheet and file name
    problems: list[Problem] = []
    staged = []
    unplaced = 0
    for header, cell in v.get("_extra") or ():
        if (cell or "").strip() in _EMPTY:
            continue
        year_col = _YEAR_HEADER.match(header.strip())
        if year_col:  # years as columns: the metric comes from the sheet or file title
            period, mid, unit = int(year_col.group(1)), find_metric_in(title), None
        else:
            mid, unit = match_metric(header)
            period = v.get("period") or _title_year(title)
        if mid is None or period is None:
            unplaced += 1
            continue
        value, bad = parse_amount(cell)
        if bad or value is None:
            problems.append(("bad-value", None, {"_value": cell, "column": header}))
            continue
        staged.append({"row_no": row_no, "region_code": code, "period": period, "metric": mid, "value": value,
                       "unit": unit or metrics()[mid].unit, "source": _source(v)})
    if not staged and (unplaced or not v.get("_extra")):
        # the row has values but no column says which year and metric they are
        return [("period-not-found", "period", {"_value": v.get("region")})]
    for s in staged:
        sink.stat(s)
    return problems


def wide_columns(headers: list[str], mapped: set[int], period_present: bool, title: str) -> tuple[list[int], list[str]]:
    """(indices of value columns, headers that name no metric/year) for a wide table."""
    use, unknown = [], []
    title_metric, title_year = find_metric_in(title), _title_year(title)
    for i, h in enumerate(headers):
        if i in mapped or not (h or "").strip():
            continue
        if _YEAR_HEADER.match(h.strip()):
            (use if title_metric else unknown).append(i if title_metric else h)
        elif match_metric(h)[0] and (period_present or title_year):
            use.append(i)
        else:
            unknown.append(h)
    return use, unknown


@lru_cache(maxsize=256)
def _title_year(title: str) -> int | None:
    m = _YEAR.search(title or "")
    return int(m.group(1)) if m else None
