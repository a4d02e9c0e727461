"""Options and helpers shared by every command."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Iterable, Iterator

import typer
from rich.console import Console

console = Console()
console_err = Console(stderr=True)

WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        help="工作区目录 workspace folder (default: $ZHICHAN_WORKSPACE, then the current folder)",
        show_default=False,
    ),
]

JsonOption = Annotated[
    bool, typer.Option("--json", help="每个结果输出一行 JSON (one JSON object per line)")
]


def print_json_line(obj: dict[str, Any]) -> None:
    """Print one JSON object on one line, Chinese kept readable."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def values_or_stdin(values: Iterable[str] | None) -> Iterator[str]:
    """Yield the given values, or the non-empty lines of stdin when none were given."""
    vals = list(values or [])
    if vals:
        yield from vals
        return
    if sys.stdin.isatty():
        raise typer.BadParameter("请给出参数或从标准输入提供，每行一个 (give values or pipe them, one per line)")
    for line in sys.stdin:
        line = line.rstrip("\r\n")
        if line.strip():
            yield line


def parse_date_option(text: str | None, option: str = "--as-of"):
    """A YYYY-MM-DD option as a date (today when not given); a clear error otherwise."""
    import datetime as dt

    from zhichan.errors import UserError

    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError("日期格式不对 invalid date", where=option, expected="YYYY-MM-DD", found=text,
                        fix=f"{option} 2025-12-31") from None


def region_and_year(ws, region: str | None, year: int | None) -> tuple[str, int]:
    """The region (default: the workspace's, else the nation) and the year (default: the latest
    with data) a command reports on."""
    from zhichan.errors import UserError
    from zhichan.measures import latest_period

    y = year or latest_period(ws.db)
    if y is None:
        raise UserError("工作区没有数据 the workspace holds no data", where=str(ws.root), fix="先用 zhichan import 导入数据")
    return region or ws.config.region or "000000", int(y)
