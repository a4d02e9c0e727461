"""``zhichan import``: files into the workspace, with a report that accounts for every row."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from zhichan.cli._common import JsonOption, WorkspaceOption, console
from zhichan.ingest import default_registry, import_file, write_import_report
from zhichan.workspace import open_workspace

_STATUS = {"committed": "[green]已入库[/]", "unchanged": "未变化", "rejected": "[red]整文件拒绝[/]",
           "failed": "[red]未入库[/]"}


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("profiles")(profiles_command)


def import_command(
    files: Annotated[list[Path], typer.Argument(help="要导入的文件 files (CSV/TSV, XLSX, JSON Lines)")],
    profile: Annotated[str | None, typer.Option(help="指定导入模板，不自动识别 force a profile (see zhichan profiles)")] = None,
    on_error: Annotated[str, typer.Option("--on-error", help="出错时：reject-row 只拒绝出错行；reject-file 整个文件不导入")] = "reject-row",
    as_of: Annotated[str | None, typer.Option("--as-of", help="导出日期 YYYY-MM-DD (dates owner/address changes; default today)")] = None,
    report: Annotated[Path | None, typer.Option(help="导入报告 XLSX 路径 (default: outputs/import-<time>.xlsx)")] = None,
    workspace: WorkspaceOption = None,
    as_json: JsonOption = False,
) -> None:
    """导入数据文件 Import export files; every row is stored or reported with its reason."""
    day = dt.date.fromisoformat(as_of) if as_of else None
    reports = []
    with open_workspace(workspace) as ws:
        for f in files:
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,} 行 rows"),
                          TimeElapsedColumn(), console=console, transient=True,
                          disable=as_json or not console.is_terminal) as bar:
                task = bar.add_task(f"导入 importing {f.name}", total=None)
                r = import_file(ws.db, f, profile=profile, on_error=on_error, as_of=day,
                                progress=lambda n: bar.advance(task, n))
            reports.append(r)
        out = report or ws.outputs / f"import-{dt.datetime.now():%Y%m%d-%H%M%S}.xlsx"
        write_import_report(reports, out)
    if as_json:
        for r in reports:
            print(json.dumps({**r.to_dict(), "report_xlsx": str(out)}, ensure_ascii=False, default=str))
    else:
        _summary(reports, out)
    if any(r.rows_rejected or r.status in ("rejected", "failed") for r in reports):
        raise SystemExit(1)


def _summary(reports, out: Path) -> None:
    table = Table("文件 file", "模板 profile", "状态 status", "读取 read", "入库 stored", "拒绝 rejected",
                  "跳过 skipped", "警告 warned", title="导入结果 import summary")
    for r in reports:
        table.add_row(Path(r.file).name, r.profile or "—", _STATUS.get(r.status, r.status), f"{r.rows_read:,}",
                      f"{r.rows_stored:,}", f"{r.rows_rejected:,}", f"{r.rows_skipped:,}", f"{r.rows_warned:,}")
    console.print(table)
    shown = 0
    for r in reports:
        for i in r.issues:
            if i.severity == "info" or shown >= 20:
                continue
            place = "".join(x for x in (f" 表 {i.sheet}" if i.sheet else "", f" 第{i.row}行" if i.row else "",
                                        f" 列「{i.column}」" if i.column else ""))
            colour = "red" if i.severity == "error" else "yellow"
            console.print(f"[{colour}]{i.code}[/] {Path(i.file or r.file).name}{place}: {i.message}", highlight=False)
            shown += 1
    total = sum(1 for r in reports for i in r.issues if i.severity != "info")
    if total > shown:
        console.print(f"… 另有 {total - shown} 条问题 more issues, see the report")
    console.print(f"导入报告 report: {out}")


def profiles_command(as_json: JsonOption = False) -> None:
    """导入模板列表 List the import profiles and their record kinds."""
    reg = default_registry()
    if as_json:
        for p in reg.profiles.values():
            print(json.dumps({"id": p.id, "title_zh": p.title_zh, "title_en": p.title_en,
                              "record_kind": p.record_kind, "fields": list(p.fields)}, ensure_ascii=False))
        return
    table = Table("模板 id", "名称 title", "记录类型 kind", "字段数 fields", title="导入模板 import profiles")
    for p in sorted(reg.profiles.values(), key=lambda p: p.id):
        table.add_row(p.id, p.title_zh, p.record_kind, str(len(p.fields)))
    console.print(table)
