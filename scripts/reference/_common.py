"""Shared helpers for the reference-data build scripts (not part of the package).

The scripts read the raw data in ``shared/data`` beside the repository and write compact,
deterministic files into ``src/zhichan/reference/data``: rerunning a script must give
byte-identical output, so gzip members carry ``mtime=0`` and no file name.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
DATA_DIR = REPO / "src" / "zhichan" / "reference" / "data"


def parse_args(description: str) -> Path:
    """Parse ``--shared`` and return the folder holding the raw data."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help=f"folder with the raw shared data (default: {DEFAULT_SHARED})",
    )
    args = parser.parse_args()
    shared: Path = args.shared.resolve()
    if not shared.is_dir():
        raise SystemExit(f"共享数据目录不存在 shared data folder not found: {shared}")
    return shared


def gzip_bytes(data: bytes) -> bytes:
    """Gzip without time stamp or file name so reruns give identical bytes."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as fh:
        fh.write(data)
    return buf.getvalue()


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """Render rows as UTF-8 CSV with ``\\n`` line ends (stable across platforms)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue().encode("utf-8")


def write_output(name: str, data: bytes, *, compress: bool = False) -> Path:
    """Write one packaged file and print its name, size and digest."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    payload = gzip_bytes(data) if compress else data
    path = DATA_DIR / name
    path.write_bytes(payload)
    digest = hashlib.sha256(payload).hexdigest()[:12]
    print(f"wrote {path.relative_to(REPO)}  {len(payload):>10,} bytes  sha256:{digest}")
    return path
