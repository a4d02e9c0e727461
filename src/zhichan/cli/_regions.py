"""``zhichan regions``: region lookup and address resolution."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.table import Table

from zhichan.cli._common import (
    JsonOption,
    WorkspaceOption,
    console,
    print_json_line,
    values_or_stdin,
)
from zhichan.errors import InvalidIdentifierError
from zhichan.ingest._resolver import resolve_many
from zhichan.reference import regions

app = typer.Typer(help="行政区划 regions: lookup and address resolution", no_args_is_help=True)

_LEVEL_ZH = {"province": "省级", "prefecture": "地级", "county": "县级", None: "—"}


def _code_arg(code: str) -> str:
    c = code.strip()
    if not (c.isdigit() and len(c) in (6, 9, 12)):
        raise InvalidIdentifierError(
            f"区划代码格式不对 malformed region code: {code}",
            expected="六位数字 GB/T 2260 代码，如 310101 (six digits)",
            found=code,
        )
    return c[:6]


@app.command("resolve")
def resolve(
    addresses: Annotated[list[str] | None, typer.Argument(help="地址；不给则从标准输入每行读一个 (addresses, or stdin)")] = None,
    json: JsonOption = False,
    hint: Annotated[str | None, typer.Option("--hint", help="提示区划代码，用于消歧 (region code that disambiguates)")] = None,
) -> None:
    """地址解析到行政区划 resolve addresses to region codes."""
    if hint is not None:
        hint = _code_arg(hint)
    values = list(values_or_stdin(addresses))
    batch = resolve_many(values, hint=hint)
    if json:
        for r in batch:
            print_json_line({
                "input": r.input, "code": r.code, "name": r.name, "level": r.level,
                "confidence": r.confidence, "domestic": r.domestic, "reason": r.reason,
                "province_code": r.province_code, "prefecture_code": r.prefecture_code,
                "county_code": r.county_code,
            })
        return
    table = Table(title="地址解析 address resolution")
    for head in ("地址 address", "代码 code", "名称 name", "层级 level", "置信度 conf.", "境内 domestic", "依据 reason"):
        table.add_column(head)
    for r in batch:
        table.add_row(
            r.input, r.code or "—", r.name or "—", _LEVEL_ZH.get(r.level, r.level or "—"),
            f"{r.confidence:.2f}", "是" if r.domestic else "否", r.reason,
        )
    console.print(table)


@app.command("show")
def show(
    code: Annotated[str, typer.Argument(help="区划代码 region code")],
    json: JsonOption = False,
) -> None:
    """查看区划：路径、历次名称、下级数、现行代码 show a region: path, vintages, children."""
    c = _code_arg(code)
    reg = regions.get(c)
    path = regions.path(c)
    vintages = regions.vintages(c)
    current = c if regions.is_current(c) else regions.current_code(c)
    children = len(regions.children(c)) if regions.is_current(c) else 0
    if json:
        print_json_line({
            "code": c, "name": reg.name, "level": reg.level, "is_current": regions.is_current(c),
            "path": [{"code": r.code, "name": r.name} for r in path],
            "vintages": [{"name": v.name, "valid_from": v.valid_from, "valid_to": v.valid_to}
                         for v in vintages],
            "children": children, "current_code": current,
        })
        return
    table = Table(title=f"{c} {reg.name}", show_header=False)
    table.add_column("项 field")
    table.add_column("值 value")
    table.add_row("层级 level", f"{_LEVEL_ZH.get(reg.level, reg.level)} ({reg.level})")
    table.add_row("路径 path", " > ".join(f"{r.name}({r.code})" for r in path))
    table.add_row("现行 current", "是 yes" if regions.is_current(c) else "否 no (已撤销或更名 historical)")
    for v in vintages:
        span = f"{v.valid_from or '…'}–{v.valid_to or '今 now'}"
        table.add_row("名称 name", f"{v.name}  [{span}]")
    table.add_row("下级数 children", str(children))
    if current != c:
        cur_name = regions.get(current).name if current else "—"
        table.add_row("现行代码 current code", f"{current or '无 none'} {cur_name}")
    console.print(table)


@app.command("current-code")
def current_code(
    code: Annotated[str, typer.Argument(help="区划代码（可为历史代码）region code, possibly historical")],
    at: Annotated[str | None, typer.Option("--at", help="日期 YYYY-MM-DD，默认今天 (date, default today)")] = None,
    json: JsonOption = False,
) -> None:
    """历史代码映射到现行代码 map a (historical) code to the code in force at a date."""
    c = _code_arg(code)
    when: dt.date | None = None
    if at is not None:
        try:
            when = dt.date.fromisoformat(at)
        except ValueError:
            raise InvalidIdentifierError(
                f"日期格式不对 malformed date: {at}", expected="YYYY-MM-DD", found=at
            ) from None
    new = regions.current_code(c, at=when)
    name = regions.get(new, at=when).name if new else None
    if json:
        print_json_line({"input": c, "code": new, "name": name, "at": at})
        return
    console.print(f"{c} → {new or '无 none'} {name or ''}")


@app.command("group")
def group(
    group_id: Annotated[str, typer.Argument(help="分组代码 group id, e.g. liangjiang_zone")],
    codes: Annotated[list[str], typer.Argument(help="成员区划代码 member region codes")],
    name: Annotated[str, typer.Option("--name", help="分组名称 group name")],
    workspace: WorkspaceOption = None,
) -> None:
    """定义自定义分组（功能区、经济圈） define a custom group of regions in the workspace."""
    from zhichan.store import set_region_group
    from zhichan.workspace import open_workspace

    with open_workspace(workspace) as ws:
        n = set_region_group(ws.db, group_id, name, [_code_arg(c) for c in codes])
    console.print(f"分组 {group_id}（{name}）：{n} 个成员 members")


@app.command("groups")
def groups(json: JsonOption = False, workspace: WorkspaceOption = None) -> None:
    """列出自定义分组 list the workspace's custom groups."""
    from zhichan.store import region_groups
    from zhichan.workspace import open_workspace

    with open_workspace(workspace) as ws:
        rows = region_groups(ws.db)
    if json:
        for r in rows:
            print_json_line(r)
        return
    table = Table(title="自定义分组 custom groups")
    for head in ("代码 id", "名称 name", "成员 members"):
        table.add_column(head, overflow="fold")
    for r in rows:
        table.add_row(r["group_id"], r["name"], "、".join(r["codes"]))
    console.print(table)
