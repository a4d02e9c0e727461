"""``zhichan init`` and ``zhichan status``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhichan.cli._common import JsonOption, WorkspaceOption, console
from zhichan.workspace import init_workspace, open_workspace


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("status")(status)


def init(
    directory: Annotated[Path, typer.Argument(help="新工作区目录 folder for the new workspace")],
    name: Annotated[str | None, typer.Option(help="工作区名称 display name")] = None,
    region: Annotated[str | None, typer.Option(help="本地区代码 home region code, e.g. 500111")] = None,
) -> None:
    """创建工作区 Create a workspace (zhichan.toml + DuckDB database with reference data)."""
    with console.status("正在创建工作区并载入参考数据 creating workspace, loading reference data…"):
        ws = init_workspace(directory, name=name, region=region)
    st = ws.status()
    ws.close()
    console.print(f"[green]已创建工作区[/] workspace created: {st['workspace']}")
    console.print(f"  数据库 database: {st['database']} (结构版本 schema v{st['schema_version']})")
    console.print(f"  行政区划 regions: {st['tables']['region']:,} 行 rows")


def status(workspace: WorkspaceOption = None, as_json: JsonOption = False) -> None:
    """工作区状态 Show schema version and table row counts."""
    with open_workspace(workspace) as ws:
        st = ws.status()
    if as_json:
        print(json.dumps(st, ensure_ascii=False))
        return
    console.print(f"工作区 workspace: [bold]{st['name']}[/] ({st['workspace']})")
    console.print(f"结构版本 schema version: {st['schema_version']} / {st['latest_schema_version']}")
    table = Table("表 table", "行数 rows", title="规范表 canonical tables")
    for t, n in st["tables"].items():
        table.add_row(t, f"{n:,}")
    console.print(table)
