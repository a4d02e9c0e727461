"""Derive the demo generator's real-text inputs from ../shared/data/corpora/.

Writes src/zhichan/demo/data/titles.csv.gz (9,740 real Chinese patents: publication number, title,
IPC subclasses) and gi.csv.gz (216 real geographical-indication registrations). Deterministic:
rerunning gives identical bytes (gzip mtime=0, rows sorted).

    .venv/bin/python scripts/demo/build_demo_data.py [--shared PATH]
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reference"))
from _common import REPO, csv_bytes, gzip_bytes, parse_args

OUT = REPO / "src" / "zhichan" / "demo" / "data"


def write(name: str, data: bytes) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    payload = gzip_bytes(data)
    (OUT / name).write_bytes(payload)
    print(f"wrote {name} {len(payload):,} bytes sha256:{hashlib.sha256(payload).hexdigest()[:12]}")


def main() -> None:
    shared = parse_args(__doc__.splitlines()[0])
    with open(shared / "corpora" / "cn_patent_titles_ipc.csv", encoding="utf-8-sig", newline="") as fh:
        titles = sorted({(r["publication_numbers"].strip(), " ".join(r["patent_title"].split()),
                          r["true_subclasses_all"].strip()) for r in csv.DictReader(fh)
                         if r["patent_title"].strip()})
    write("titles.csv.gz", csv_bytes(["publication_no", "title", "ipc_subclasses"], titles))
    print(f"  {len(titles):,} titles")
    cols = ["name", "province", "city", "district", "cert_no", "year", "holder", "gi_type", "source_url"]
    with open(shared / "corpora" / "gi_examples.csv", encoding="utf-8-sig", newline="") as fh:
        gis = sorted(tuple((r.get(c if c != "year" else "year_from_cert") or "").strip() for c in cols)
                     for r in csv.DictReader(fh) if r["name"].strip())
    write("gi.csv.gz", csv_bytes(cols, gis))
    print(f"  {len(gis):,} GIs")


if __name__ == "__main__":
    main()
