"""``zhichan regions``: region lookup and address resolution."""

import typer

app = typer.Typer(help="行政区划 regions: lookup and address resolution", no_args_is_help=True)
