"""``zhichan report``: reports from the workspace in DOCX, HTML and PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zhichan.cli._common import WorkspaceOption, console, parse_date_option, region_and_year

app = typer.Typer(help="报告 reports: annual report, plan briefings (DOCX, HTML, PDF)", no_args_is_help=True)

OutOpt = Annotated[Path | None, typer.Option("--out", help="输出目录 output folder (default: <workspace>/outputs/reports)")]
FormatsOpt = Annotated[str, typer.Option("--formats", help="格式 formats, comma-separated: docx,html,pdf")]
TemplatesOpt = Annotated[Path | None, typer.Option("--templates", help="自定义模板目录 folder of template overrides")]


def _formats(text: str) -> tuple[str, ...]:
    return tuple(f.strip().lower() for f in text.split(",") if f.strip())


def _note(ws) -> str:
    demo = (ws.root / "sources" / "DEMO_README.md").is_file()
    return "本报告所用微观记录为演示用合成数据，数值不代表真实情况。" if demo else ""


def _build_and_write(ws, out: Path | None, formats: str, templates: Path | None, build) -> None:
    """``build(target folder, note)`` → (report, file name); written in every format asked for."""
    from zhichan.report import write_report

    target = out or ws.outputs / "reports"
    with console.status("生成报告 building the report…"):
        rep, name = build(target, _note(ws))
        paths = write_report(rep, target, name, formats=_formats(formats), templates=templates)
    for fmt, path in paths.items():
        console.print(f"{fmt.upper():5s} {path}", highlight=False)


@app.command("annual")
def annual(
    region: Annotated[str | None, typer.Option("--region", "-r", help="地区代码 region code (default: the workspace's)")] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="年度 year (default: latest with data)")] = None,
    out: OutOpt = None,
    formats: FormatsOpt = "docx,html,pdf",
    templates: TemplatesOpt = None,
    workspace: WorkspaceOption = None,
) -> None:
    """年度知识产权发展状况报告 the annual IP development report of a region."""
    from zhichan.report import build_annual_report
    from zhichan.workspace import open_workspace

    with open_workspace(workspace) as ws:
        code, y = region_and_year(ws, region, year)
        _build_and_write(ws, out, formats, templates, lambda target, note: (
            build_annual_report(ws.db, code, y, target / "figures", templates=templates, note=note,
                                owner_rule=ws.config.attribution_rule, home=ws.config.region), f"annual-{code}-{y}"))


@app.command("plan")
def plan(
    plan_id: Annotated[str, typer.Argument(help="规划代码 plan id (see `zhichan plan list`)")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="评估日期 YYYY-MM-DD (default: today)")] = None,
    out: OutOpt = None,
    formats: FormatsOpt = "docx,html,pdf",
    templates: TemplatesOpt = None,
    workspace: WorkspaceOption = None,
) -> None:
    """规划实施情况简报 a briefing on a plan's targets and tasks."""
    from zhichan.report import build_plan_report
    from zhichan.workspace import open_workspace

    day = parse_date_option(as_of)
    with open_workspace(workspace) as ws:
        _build_and_write(ws, out, formats, templates, lambda target, note: (
            build_plan_report(ws.db, plan_id, target / "figures", as_of=day, templates=templates, note=note,
                              owner_rule=ws.config.attribution_rule), f"plan-{plan_id}"))


@app.command("layout")
def layout(
    region: Annotated[str | None, typer.Option("--region", "-r", help="地区代码 region code (default: the workspace's)")] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="窗口末年 last year (default: latest with data)")] = None,
    level: Annotated[str, typer.Option("--level", "-l", help="下级层级 prefecture|county")] = "county",
    fields: Annotated[str, typer.Option("--fields", help="领域 tech_field | sei")] = "tech_field",
    out: OutOpt = None,
    formats: FormatsOpt = "docx,html,pdf",
    templates: TemplatesOpt = None,
    workspace: WorkspaceOption = None,
) -> None:
    """区域知识产权布局分析报告 the layout report: fields, specialisation, guidance catalogue, coupling."""
    from zhichan.report import build_layout_report
    from zhichan.workspace import open_workspace

    with open_workspace(workspace) as ws:
        code, y = region_and_year(ws, region, year)
        _build_and_write(ws, out, formats, templates, lambda target, note: (
            build_layout_report(ws.db, code, y, target / "figures", level=level, fields=fields, note=note,
                                owner_rule=ws.config.attribution_rule), f"layout-{code}-{y}"))
