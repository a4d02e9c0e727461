"""``zhichan ids``: identifier checks (application/publication numbers, USCC, region codes …)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from zhichan.cli._common import JsonOption, console, print_json_line, values_or_stdin
from zhichan.ids import KIND_LABELS, KINDS, CheckResult, check

__all__ = ["app"]

app = typer.Typer(
    help="标识符校验 identifiers: application numbers, USCC, region codes", no_args_is_help=True
)

_LEVEL_LABELS = {
    "province": "省级",
    "prefecture": "地级",
    "county": "县级",
    "township": "乡级",
    "village": "村级",
}


def _summary(r: CheckResult) -> str:
    """One Chinese line of the kind-specific details for the table."""
    d: dict[str, Any] = r.details
    parts: list[str] = []
    if r.kind == "application_number":
        parts.append(d["patent_type_label"] + ("(PCT进入国家阶段)" if d["pct"] else ""))
        parts.append(f"{d['year']}年")
        parts.append(f"校验位 {d['check_char']}")
    elif r.kind == "publication_number":
        if d.get("patent_type_label"):
            parts.append(d["patent_type_label"])
        if d.get("kind_meaning"):
            parts.append(d["kind_meaning"].split(" ")[0])
    elif r.kind == "uscc":
        parts.append(f"{d['authority'] or '?'}/{d['org_type'] or '?'}")
        parts.append(f"登记地 {d['region_code']}")
        inner = "" if d["org_code_check_ok"] else "(校验不符)"
        parts.append(f"组织机构代码 {d['org_code']}{inner}")
    elif r.kind == "region_code":
        parts.append(f"{d['province_name']} {_LEVEL_LABELS[d['level']]}")
    elif r.kind == "trademark_number" and d.get("international"):
        parts.append("马德里国际注册")
    return escape(" · ".join(parts))


def _render_table(results: list[CheckResult]) -> None:
    table = Table(show_lines=False)
    table.add_column("输入")
    table.add_column("类型")
    table.add_column("规范化")
    table.add_column("有效", justify="center")
    table.add_column("说明")
    for r in results:
        if r.valid:
            note = _summary(r)
            for w in r.warnings:
                note += f"\n[yellow]⚠ {escape(w)}[/]"
        else:
            note = f"[red]{escape(r.reason or '')}[/]"
        table.add_row(
            escape(r.input),
            KIND_LABELS[r.kind],
            r.normalised or "",
            "[green]✓[/]" if r.valid else "[red]✗[/]",
            note,
        )
    console.print(table)


@app.callback()
def _ids() -> None:
    """标识符校验 identifiers: application numbers, USCC, region codes."""


@app.command("check")
def check_command(
    values: Annotated[
        list[str] | None,
        typer.Argument(help="要校验的值；省略时从标准输入每行读一个 values, or one per stdin line"),
    ] = None,
    as_json: JsonOption = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="指定类型，不自动识别 force the kind instead of detecting it: " + ", ".join(KINDS),
            show_default=False,
        ),
    ] = None,
) -> None:
    """校验并规范化标识符 check and normalise identifiers; exit 1 when any is invalid."""
    if kind is not None:
        check("", kind)  # an unknown kind raises InvalidIdentifierError (a UserError) here
    all_valid = True
    if as_json:
        # Streamed: stdin may carry millions of lines.
        for value in values_or_stdin(values):
            r = check(value, kind)
            all_valid &= r.valid
            print_json_line(r.to_dict())
    else:
        results = [check(value, kind) for value in values_or_stdin(values)]
        all_valid = all(r.valid for r in results)
        _render_table(results)
    if not all_valid:
        # SystemExit, not typer.Exit: in non-standalone mode typer.Exit becomes a return
        # value and the code is lost; SystemExit keeps exit 1 however the root app is run.
        raise SystemExit(1)
