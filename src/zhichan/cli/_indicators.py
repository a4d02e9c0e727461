"""``zhichan indicators``: indicator values at (region, period), drill-down and XLSX export."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhichan.cli._common import JsonOption, WorkspaceOption, console, print_json_line
from zhichan.measures import (
    compute_indicators,
    default_indicators,
    drill_down,
    latest_period,
    parse_periods,
)
from zhichan.report import write_indicator_workbook
from zhichan.workspace import open_workspace

app = typer.Typer(help="指标 indicators: values at region and period, drill-down, export")

_LEVEL_ZH = {"country": "全国", "province": "省级", "prefecture": "地级", "county": "县级", "group": "分组"}
_RULE_ZH = {"first_owner_address": "owner", "applicant_address": "applicant", "cnipa_2021_split": "split"}
_JSON_KEYS = ["indicator", "title_zh", "unit", "region", "region_name", "level", "period", "value", "numerator",
              "denominator", "attribution", "snapshot", "source", "parent", "parent_value", "national_value",
              "yoy_change", "yoy_pct", "rank", "peers", "unattributed", "excluded", "note"]

IndicatorOpt = Annotated[list[str] | None, typer.Option("--indicator", "-i", help="指标代码，可重复 (indicator id; repeatable)")]
RegionOpt = Annotated[str | None, typer.Option("--region", "-r", help="地区代码或分组 (region code or group; default: the workspace's)")]
PeriodOpt = Annotated[str | None, typer.Option("--period", "-p", help="年份：2023、2019-2023 或 2019,2021 (default: latest year with data)")]
LevelOpt = Annotated[str | None, typer.Option("--level", "-l", help="下级层级 province|prefecture|county|group: list the subdivisions")]
AttributionOpt = Annotated[str | None, typer.Option("--attribution", help="地区归属规则 first_owner_address|applicant_address|cnipa_2021_split")]
SnapshotOpt = Annotated[str | None, typer.Option("--snapshot", help="有效性口径 legal|known")]


def _clean(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        v = v.item()
        if isinstance(v, float) and math.isnan(v):
            return None
    return v


def _fmt(v, digits: int = 2) -> str:
    v = _clean(v)
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() and abs(v) >= 1 else f"{v:,.{digits}f}"
    return str(v)


@app.callback(invoke_without_command=True)
def indicators(
    ctx: typer.Context,
    indicator: IndicatorOpt = None,
    region: RegionOpt = None,
    period: PeriodOpt = None,
    level: LevelOpt = None,
    attribution: AttributionOpt = None,
    snapshot: SnapshotOpt = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="导出 XLSX 文件 (write an XLSX workbook)")] = None,
    json: JsonOption = False,
    workspace: WorkspaceOption = None,
) -> None:
    """计算指标 compute indicators (value, numerator, denominator, comparisons)."""
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace(workspace, read_only=False) as ws:
        years = parse_periods(period) if period else [latest_period(ws.db) or 2023]
        code = region or ws.config.region or "000000"
        df = compute_indicators(ws.db, indicator or None, periods=years, regions=[code], level=level,
                                attribution=attribution or None, snapshot=snapshot,
                                owner_rule=ws.config.attribution_rule)
    if xlsx is not None:
        out = write_indicator_workbook(xlsx, df)
        if not json:
            console.print(f"已导出 written: {out}")
    if json:
        for row in df[_JSON_KEYS].to_dict("records"):
            print_json_line({k: _clean(v) for k, v in row.items()})
        return
    table = Table(title=f"指标 indicators · {code} · {', '.join(map(str, years))}",
                  caption="口径：归属 owner=第一权利人地址 applicant=第一申请人地址 split=2021年分段；有效性 legal=法律效力 known=公告所知")
    for head in ("指标", "地区", "年份", "数值", "分子/分母", "上级", "同比%", "排名", "口径"):
        table.add_column(head, overflow="fold")
    for r in df.to_dict("records"):
        rank = f"{_fmt(r['rank'], 0)}/{_fmt(r['peers'], 0)}" if _clean(r["rank"]) is not None else "—"
        rule = " ".join(_RULE_ZH.get(x, x) for x in (r["attribution"], r["snapshot"]) if x) or r["source"]
        frac = _fmt(r["numerator"]) + ("" if _clean(r["denominator"]) is None else "/" + _fmt(r["denominator"]))
        table.add_row(r["title_zh"], f"{r['region_name'] or r['region']}", str(r["period"]),
                      f"{_fmt(r['value'])} {r['unit']}", frac, _fmt(r["parent_value"]), _fmt(r["yoy_pct"], 1), rank,
                      rule + (f"；{r['note']}" if r["note"] else ""))
    console.print(table)


@app.command("drill")
def drill(
    indicator: Annotated[str, typer.Argument(help="指标代码 indicator id")],
    region: RegionOpt = None,
    period: PeriodOpt = None,
    attribution: AttributionOpt = None,
    snapshot: SnapshotOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="最多显示行数 rows to show (all go to --xlsx)")] = 50,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="导出 XLSX 文件 (write an XLSX workbook)")] = None,
    json: JsonOption = False,
    workspace: WorkspaceOption = None,
) -> None:
    """下钻：列出计入某个数值的记录 list the records behind one figure."""
    with open_workspace(workspace, read_only=False) as ws:
        year = parse_periods(period)[-1] if period else (latest_period(ws.db) or 2023)
        code = region or ws.config.region or "000000"
        rows = drill_down(ws.db, indicator, code, year, attribution=attribution, snapshot=snapshot)
        if xlsx is not None:
            res = compute_indicators(ws.db, [indicator], periods=[year], regions=[code],
                                     attribution=attribution, snapshot=snapshot)
            write_indicator_workbook(xlsx, res, drill=rows)
    if json:
        for row in rows.head(limit).to_dict("records"):
            print_json_line({k: _clean(v) for k, v in row.items()})
        return
    ind = default_indicators().get(indicator)
    table = Table(title=f"{ind.title_zh} · {code} · {year}：共 {len(rows):,} 条 records (显示 {min(limit, len(rows))})")
    for head in ("申请号/注册号", "名称", "权利人", "地区", "计入日期", "计数/金额"):
        table.add_column(head, overflow="fold")
    for r in rows.head(limit).to_dict("records"):
        table.add_row(str(r["application_no"]), str(r["title"] or ""), str(r["holder"] or "—"),
                      str(r["region_name"] or r["region_code"] or "—"), str(r["day"])[:10], _fmt(r["value"]))
    console.print(table)


@app.command("report")
def report(
    indicator: Annotated[str, typer.Argument(help="人工填报类指标代码 indicator id, e.g. ip_protection_satisfaction")],
    value: Annotated[float, typer.Option("--value", help="数值 value")],
    source: Annotated[str, typer.Option("--source", help="来源（文件、调查、部门） source")],
    region: RegionOpt = None,
    period: Annotated[int, typer.Option("--period", "-p", help="年份 year")] = 0,
    note: Annotated[str | None, typer.Option("--note", help="说明 note")] = None,
    workspace: WorkspaceOption = None,
) -> None:
    """填报指标值（满意度等调查得分） record a value reported by hand, with its source."""
    from zhichan.measures import report_value

    with open_workspace(workspace) as ws:
        code = region or ws.config.region or "000000"
        ind = report_value(ws.db, indicator, code, period or latest_period(ws.db) or 0, value, source, note=note)
    console.print(f"已记录 recorded: {ind} {code} {period or '最新年份'} = {value:g}（{source}）", highlight=False)
