"""Reading data files shipped inside the package (CSV, optionally gzip)."""

from __future__ import annotations

import csv
import gzip
import io
from importlib import resources
from typing import Iterator

from zhichan.errors import InternalError


def read_csv_rows(name: str, package: str = "zhichan.reference") -> Iterator[dict[str, str]]:
    """Yield the rows of ``package``'s ``data/<name>`` as dicts of strings."""
    path = resources.files(package).joinpath("data").joinpath(name)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:  # the package was built without its data
        raise InternalError(f"packaged data file missing: {package} data/{name}; rebuild it with scripts/") from exc
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    yield from csv.DictReader(io.StringIO(raw.decode("utf-8")))
