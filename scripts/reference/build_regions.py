"""Derive the packaged region tables from ../shared/data/regions/.

Writes src/zhichan/reference/data/regions.csv (every vintage: current and historical codes with
name intervals), region_changes.csv (the recorded changes) and townships.csv.gz. Deterministic:
rerunning gives identical bytes.

    .venv/bin/python scripts/reference/build_regions.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "src" / "zhichan" / "reference" / "data"
DEFAULT_SHARED = REPO.parent / "shared" / "data"


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def six(code: str | None) -> str:
    return (code or "")[:6]


def current_units(divisions: dict) -> list[dict]:
    rows = []
    for pname, prov in divisions["provinces"].items():
        pcode = six(prov["code"])
        rows.append({"code": pcode, "name": pname, "level": "province", "parent_code": ""})
        for cname, city in prov["cities"].items():
            parent = pcode
            if cname:
                ccode = six(city["code"])
                rows.append({"code": ccode, "name": cname, "level": "prefecture", "parent_code": pcode})
                parent = ccode
            for kname, kcode in city["counties"].items():
                rows.append({"code": six(kcode), "name": kname, "level": "county", "parent_code": parent})
    return rows


def name_intervals(events: list[dict], current: dict[str, dict]) -> list[dict]:
    """One row per (code, name) vintage, with the years it was valid from and to."""
    starts: dict[str, list[tuple[int, str, str]]] = {}
    ends: dict[str, list[tuple[int, str, str]]] = {}
    for ev in events:
        old, new = ev.get("old") or {}, ev.get("new") or {}
        if old.get("code") and old.get("name"):
            ends.setdefault(six(old["code"]), []).append((ev["year"], old["name"], six(old.get("parent_code"))))
        if new.get("code") and new.get("name"):
            starts.setdefault(six(new["code"]), []).append((ev["year"], new["name"], six(new.get("parent_code"))))

    def start_year(code: str, name: str, before: int | None) -> int | None:
        years = [y for y, n, _ in starts.get(code, []) if n == name and (before is None or y <= before)]
        return max(years) if years else None

    rows: dict[tuple[str, str, int | None], dict] = {}
    for code, marks in ends.items():
        for year, name, parent in marks:
            cur = current.get(code)
            if cur and cur["name"] == name:
                continue  # a code-only change that the unit survived under the same code and name
            frm = start_year(code, name, year)
            key = (code, name, year)
            rows[key] = {
                "code": code, "name": name, "level": level_of(code), "parent_code": parent,
                "valid_from": frm if frm is not None else "", "valid_to": year,
            }
    for code, cur in current.items():
        frm = start_year(code, cur["name"], None)
        rows[(code, cur["name"], None)] = {**cur, "valid_from": frm if frm is not None else "", "valid_to": ""}
    # Drop historical vintages that are fully shadowed (same code, name and end year twice).
    return sorted(rows.values(), key=lambda r: (r["code"], r["valid_to"] == "", str(r["valid_to"]), r["name"]))


def write_csv(path: Path, header: list[str], rows: list[dict], compress: bool = False) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, "") for k in header})
    data = buf.getvalue().encode("utf-8")
    if compress:
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(REPO)}: {len(rows)} rows, {len(data):,} bytes")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args()
    src = args.shared / "regions"
    divisions = json.loads((src / "divisions_v1.json").read_text("utf-8"))
    events = json.loads((src / "historical_changes_v1.json").read_text("utf-8"))["events"]
    townships = json.loads((src / "townships_v1.json").read_text("utf-8"))

    cur_rows = current_units(divisions)
    current = {r["code"]: r for r in cur_rows}
    assert len(current) == len(cur_rows), "duplicate current code"
    OUT.mkdir(parents=True, exist_ok=True)
    write_csv(OUT / "regions.csv", ["code", "name", "level", "parent_code", "valid_from", "valid_to"],
              name_intervals(events, current))

    change_rows = []
    for seq, ev in enumerate(events, start=1):
        old, new = ev.get("old") or {}, ev.get("new") or {}
        change_rows.append({
            "seq": seq, "year": ev["year"], "type": ev["type"], "level": ev["level"],
            "old_code": six(old.get("code")), "old_name": old.get("name") or "",
            "old_parent": six(old.get("parent_code")),
            "new_code": six(new.get("code")), "new_name": new.get("name") or "",
            "new_parent": six(new.get("parent_code")), "doc_no": ev.get("doc_no") or "",
            "detail": (ev.get("detail") or "").strip(),
        })
    write_csv(OUT / "region_changes.csv",
              ["seq", "year", "type", "level", "old_code", "old_name", "old_parent",
               "new_code", "new_name", "new_parent", "doc_no", "detail"], change_rows)

    town_rows = [
        {"code": code[:9], "name": name, "county_code": six(county)}
        for county, entry in sorted(townships.items())
        for name, code in sorted(entry["townships"].items(), key=lambda kv: kv[1])
    ]
    write_csv(OUT / "townships.csv.gz", ["code", "name", "county_code"], town_rows, compress=True)


if __name__ == "__main__":
    main()
