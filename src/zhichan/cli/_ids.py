"""``zhichan ids``: identifier checks (filled in by the ids work)."""

import typer

app = typer.Typer(help="标识符校验 identifiers: application numbers, USCC, region codes", no_args_is_help=True)
