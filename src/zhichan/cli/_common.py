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
