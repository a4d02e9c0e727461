"""The ``zhichan`` command line: thin Typer shells over the public API.

Public API: ``app`` (the Typer application) and ``main`` (the console entry point).
"""

from __future__ import annotations

import sys

import typer

from zhichan.cli import (
    _demo,
    _evaluate,
    _ids,
    _import,
    _indicators,
    _plan,
    _regions,
    _report,
    _spatial,
    _workspace,
)
from zhichan.cli._common import console_err
from zhichan.errors import InternalError, UserError

__all__ = ["app", "main"]

app = typer.Typer(
    name="zhichan",
    help="知产 zhichan — 区域知识产权数据库与分析平台 (regional IP database and analyses)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_workspace.register(app)
_import.register(app)
_demo.register(app)
app.add_typer(_ids.app, name="ids")
app.add_typer(_regions.app, name="regions")
app.add_typer(_indicators.app, name="indicators")
app.add_typer(_plan.app, name="plan")
app.add_typer(_report.app, name="report")
app.add_typer(_evaluate.app, name="evaluate")
_spatial.register(app)  # zhichan map, zhichan spatial


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user errors print a Chinese message and exit 2, bugs exit 70."""
    try:
        app(args=argv)
    except UserError as exc:
        console_err.print(f"[bold red]错误 error[/]: {exc.render()}", highlight=False)
        sys.exit(2)
    except InternalError as exc:
        console_err.print(f"[bold red]内部错误 internal error[/] (请报告 please report): {exc}", highlight=False)
        sys.exit(70)
