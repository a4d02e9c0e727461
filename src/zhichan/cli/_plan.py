"""``zhichan plan``: plans as data — list, check, and where each target and task stands."""

from __future__ import annotations

import json as _json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhichan.cli._common import JsonOption, WorkspaceOption, console, parse_date_option
from zhichan.errors import UserError
from zhichan.plans import PlanProgress, load_plans, plan_actuals, plan_status
from zhichan.report import write_plan_workbook
from zhichan.workspace import open_workspace, resolve_workspace_dir

app = typer.Typer(help="规划监测 plans: targets, tasks, progress and alerts", no_args_is_help=True)

_STATUS_ZH = {"achieved": "[green]已完成[/]", "on_track": "[green]进度正常[/]", "at_risk": "[yellow]存在风险[/]",
              "off_track": "[red]难以完成[/]", "no_data": "[dim]暂无数据[/]"}
_UNIT_HEAD = {"lead_unit": "牵头单位", "not_started": "未开始", "in_progress": "推进中", "done": "已完成",
              "delayed": "滞后", "cancelled": "取消", "total": "合计", "overdue": "逾期"}
PlansOpt = Annotated[Path | None, typer.Option("--plans", help="自定义规划 YAML 目录 (folder of plan YAML files; default: <workspace>/plans)")]


def _registry(plans: Path | None, workspace: Path | None):
    folder = plans
    if folder is None:
        try:
            candidate = resolve_workspace_dir(workspace) / "plans"
        except UserError:
            candidate = None
        folder = candidate if candidate is not None and candidate.is_dir() else None
    return load_plans(folder)


def _num(v, digits: int = 1) -> str:
    if v is None or v != v:
        return "—"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.{digits}f}"


@app.command("list")
def list_plans(plans: PlansOpt = None, json: JsonOption = False, workspace: WorkspaceOption = None) -> None:
    """列出规划 list the plans (packaged seeds and the workspace's own)."""
    reg = _registry(plans, workspace)
    if json:
        for p in reg.plans.values():
            sys.stdout.write(_json.dumps({"id": p.id, "title_zh": p.title_zh, "region_code": p.region_code,
                                          "period": [p.period.start, p.period.end], "targets": len(p.targets),
                                          "tasks": len(p.tasks)}, ensure_ascii=False) + "\n")
        return
    table = Table(title="规划 plans")
    for head in ("代码 id", "名称", "地区", "期间", "目标", "任务"):
        table.add_column(head, overflow="fold")
    for p in reg.plans.values():
        table.add_row(p.id, p.title_zh, p.region_name, f"{p.period.start}–{p.period.end}", str(len(p.targets)),
                      str(len(p.tasks)))
    console.print(table)


@app.command("check")
def check(plans: PlansOpt = None, workspace: WorkspaceOption = None) -> None:
    """检查规划文件 check plan files against the rules (file and line for each problem)."""
    reg = _registry(plans, workspace)
    for prob in reg.problems:
        console.print(str(prob), highlight=False)
    console.print(f"{len(reg.plans)} 个规划 plans, {len(reg.problems)} 个问题 problems")
    if reg.problems:
        raise typer.Exit(1)


@app.command("status")
def status(
    plan: Annotated[str, typer.Argument(help="规划代码 plan id (see `zhichan plan list`)")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD (default: today)")] = None,
    plans: PlansOpt = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="导出 XLSX 文件 (write an XLSX workbook)")] = None,
    json: JsonOption = False,
    workspace: WorkspaceOption = None,
) -> None:
    """规划进度 where each target and task stands, with forecasts and alerts."""
    day = parse_date_option(as_of)
    doc = _registry(plans, workspace).get(plan)
    with open_workspace(workspace) as ws:
        actuals = plan_actuals(ws.db, doc, as_of=day, owner_rule=ws.config.attribution_rule)
    prog = PlanProgress(doc, as_of=day).fit(actuals)
    if xlsx is not None:
        out = write_plan_workbook(xlsx, prog)
        if not json:
            console.print(f"已导出 written: {out}")
    if json:
        sys.stdout.write(_json.dumps(plan_status(doc, actuals, as_of=day), ensure_ascii=False, default=str) + "\n")
        return
    t = Table(title=f"{doc.title_zh} · 截至 {day.isoformat()}")
    for head in ("目标", "目标值", "最新实际", "完成", "预测", "状态"):
        t.add_column(head, overflow="fold")
    rows = prog.targets_.to_dict("records")
    for r in rows:
        latest = "—" if r["latest_value"] != r["latest_value"] else f"{_num(r['latest_value'])}（{int(r['latest_year'])}）"
        share = "—" if r["ratio_to_target"] != r["ratio_to_target"] else f"{100 * r['ratio_to_target']:.0f}%"
        t.add_row(r["indicator_title"] or r["indicator"], f"{_num(r['target_value'])} {r['unit']}（{r['deadline_year']}）",
                  latest, share, _num(r["forecast"]), _STATUS_ZH.get(r["status"], r["status"]))
    if rows:
        console.print(t)
        for r in rows:
            console.print(f"• {r['indicator_title'] or r['indicator']}：{r['explanation']}", highlight=False, soft_wrap=True)
    if len(prog.tasks_):
        u = Table(title="任务进展（按牵头单位） tasks by lead unit")
        for head in prog.unit_counts_.columns:
            u.add_column(_UNIT_HEAD.get(str(head), str(head)), overflow="fold")
        for row in prog.unit_counts_.itertuples(index=False):
            u.add_row(*(str(x) for x in row))
        console.print(u)
        if len(prog.overdue_):
            console.print(f"[red]逾期任务 overdue: {len(prog.overdue_)}[/]")
            for r in prog.overdue_.to_dict("records"):
                console.print(f"  {r['task_id']} {r['title']}（牵头：{'、'.join(r['lead_units'])}；"
                              f"应于 {r['due']} 完成，逾期 {r['days_overdue']} 天）", highlight=False, soft_wrap=True)
