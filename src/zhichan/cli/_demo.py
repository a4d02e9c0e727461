"""``zhichan demo``: generate a demo region, import it into a new workspace, run every stage."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhichan.cli._common import console

_STATUS = {"committed": "[green]已入库[/]", "unchanged": "未变化", "rejected": "[red]整文件拒绝[/]",
           "failed": "[red]未入库[/]"}


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)


def demo_command(
    region: Annotated[str, typer.Option("--region", help="地区代码 region code (GB/T 2260), e.g. 500000 重庆, 510000 四川")] = "500000",
    scale: Annotated[str, typer.Option("--scale", help="规模 small（数千件）| medium（约百万件）| large（约千万件）")] = "small",
    seed: Annotated[int, typer.Option("--seed", help="随机种子 random seed (same seed → same files)")] = 7,
    out: Annotated[Path | None, typer.Option("--out", help="演示工作区目录 demo workspace folder (default workspace-demo)")] = None,
    workspace: Annotated[Path | None, typer.Option("--workspace", "-w", help="同 --out (alias)", show_default=False)] = None,
) -> None:
    """生成并导入演示地区数据 Generate a demo region (synthetic records, real formats) and import it."""
    from zhichan.demo import run_demo

    target = out or workspace or Path("workspace-demo")
    with console.status("生成并导入演示数据 generating and importing…"):
        run = run_demo(region, scale, seed, target)
    m = run.manifest
    console.print(f"[bold]演示地区 demo region[/]: {m.region_name} ({m.region})  规模 {m.scale}  种子 {m.seed}  "
                  f"缩放系数 {m.factor:.4g}")
    table = Table("文件 file", "模板 profile", "读取 read", "入库 stored", "拒绝 rejected", "警告 warned", "状态 status",
                  title="演示数据导入结果 demo import summary")
    for r in run.reports:
        table.add_row(Path(r.file).name, r.profile or "—", f"{r.rows_read:,}", f"{r.rows_stored:,}",
                      f"{r.rows_rejected:,}", f"{r.rows_warned:,}", _STATUS.get(r.status, r.status))
    console.print(table)
    console.print(f"写出文件 files written: {len(m.files)} 个，位于 {run.workspace / 'sources'}（说明见 DEMO_README.md）")
    console.print(f"导入报告 import report: {run.report_path}")
    console.print(f"工作区 workspace: {run.workspace}")
    console.print(f"用时 seconds: 生成 {run.seconds['generate']:.1f}s，导入 {run.seconds['import']:.1f}s")
    for stage, summary in run.stages.items():
        console.print(f"{stage}: {summary}", highlight=False, soft_wrap=True)
    console.print("[yellow]注意：微观记录为合成数据，仅供演示 synthetic micro-records, for demonstration only[/]")
