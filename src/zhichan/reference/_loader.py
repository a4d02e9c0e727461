"""Reading packaged data files (CSV, optionally gzip) from reference/data/."""

from __future__ import annotations

import csv
import gzip
import io
from importlib import resources
from typing import Iterator

from zhichan.errors import InternalError


def data_path(name: str):
    """A traversable for a packaged data file."""
    return resources.files("zhichan.reference").joinpath("data").joinpath(name)


def read_csv_rows(name: str) -> Iterator[dict[str, str]]:
    """Yield the rows of a packaged CSV file as dicts of strings."""
    path = data_path(name)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:  # the package was built without its data
        raise InternalError(f"packaged reference file missing: {name}; rebuild with scripts/reference/") from exc
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    yield from csv.DictReader(io.StringIO(raw.decode("utf-8")))
