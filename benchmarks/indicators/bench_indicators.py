"""Indicator benchmark: every indicator for every province, prefecture and county and for ten years,
on canonical tables the size of the ``large`` demo; and one indicator (valid patents) beside a
hand-written DuckDB query for the same figures, in the same run.

    .venv/bin/python benchmarks/indicators/bench_indicators.py [--db /tmp/bi_large.duckdb]
        [--patents 10000000] [--trademarks 20000000]

Generates the database first when it does not exist (benchmarks/indicators/gen_canonical.py).
Writes benchmarks/results/indicators.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_canonical import generate  # noqa: E402

from zhichan.measures import compute_indicators  # noqa: E402
from zhichan.store import open_database, validity_sql  # noqa: E402

YEARS = list(range(2014, 2024))
LEVELS = ["province", "prefecture", "county"]

# The obvious hand-written way: for each year end, validity at that day, the first owner on that
# day, the owner's address on that day, counted by county and rolled up by parent codes.
HAND = """
WITH v AS ({validity}),
own AS (
    SELECT right_id, party_id FROM right_party
    WHERE role = 'owner' AND seq = 1 AND valid_from <= $at AND (valid_to IS NULL OR $at < valid_to)
),
addr AS (
    SELECT party_id, coalesce(arg_max(region_code, valid_from) FILTER (WHERE valid_from <= $at),
                              arg_min(region_code, valid_from)) AS region_code
    FROM party_address GROUP BY party_id
),
placed AS (
    SELECT coalesce(a.region_code, CASE WHEN a.party_id IS NULL THEN p.region_code END) AS region_code, p.is_domestic
    FROM v JOIN ip_right r USING (right_id) JOIN own o USING (right_id) JOIN party p ON p.party_id = o.party_id
    LEFT JOIN addr a ON a.party_id = o.party_id
    WHERE v.valid AND r.kind IN ('invention', 'utility_model', 'design')
),
counted AS (
    SELECT region_code, count(*) AS n FROM placed
    WHERE region_code IS NOT NULL AND left(region_code, 2) NOT IN ('71', '81', '82') AND coalesce(is_domestic, true)
    GROUP BY region_code
),
up AS (
    SELECT code, parent_code FROM region WHERE length(code) = 6
    QUALIFY row_number() OVER (PARTITION BY code ORDER BY vintage DESC) = 1
)
SELECT c.region_code AS region, c.n FROM counted c
UNION ALL SELECT u.parent_code, sum(c.n) FROM counted c JOIN up u ON u.code = c.region_code
    WHERE u.parent_code IS NOT NULL GROUP BY ALL
UNION ALL SELECT g.parent_code, sum(c.n) FROM counted c JOIN up u ON u.code = c.region_code
    JOIN up g ON g.code = u.parent_code WHERE g.parent_code IS NOT NULL GROUP BY ALL
"""


def hand_written(db) -> dict:
    out = {}
    sql = HAND.format(validity=validity_sql("legal"))
    for y in YEARS:
        for region, n in db.query(sql, {"at": dt.date(y, 12, 31)}):
            out[(region, y)] = out.get((region, y), 0) + n
    return out


def timed(fn):
    t = time.perf_counter()
    res = fn()
    return res, time.perf_counter() - t


def cpu() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/bi_large.duckdb")
    ap.add_argument("--patents", type=int, default=10_000_000)
    ap.add_argument("--trademarks", type=int, default=20_000_000)
    a = ap.parse_args()
    gen = None
    if not Path(a.db).exists():
        gen = generate(a.db, a.patents, a.trademarks)
    db = open_database(a.db)
    counts = {t: db.scalar(f"SELECT count(*) FROM {t}") for t in ("ip_right", "right_party", "legal_event", "party")}
    by_kind = dict(db.query("SELECT kind, count(*) FROM ip_right GROUP BY 1"))
    full, t_full = timed(lambda: compute_indicators(db, periods=YEARS, regions=["000000"], level=LEVELS))
    db.close()
    db = open_database(a.db)
    one, t_one = timed(lambda: compute_indicators(db, ["valid_patents"], periods=YEARS, regions=["000000"],
                                                  level=LEVELS))
    db.close()
    db = open_database(a.db)
    hand, t_hand = timed(lambda: hand_written(db))
    db.close()
    mism = [(r.region, r.period, r.numerator, hand.get((r.region, r.period), 0))
            for r in one.itertuples() if r.numerator != hand.get((r.region, r.period), 0)]
    ratio = t_one / t_hand
    lines = [
        "# Indicator benchmark: all indicators × all regions × ten years",
        "",
        f"- date: {dt.date.today().isoformat()}",
        f"- machine: {cpu()}, {os.cpu_count()} cores; python {platform.python_version()}",
        "- command: `ZHICHAN_MEMORY_LIMIT=10GB .venv/bin/python benchmarks/indicators/bench_indicators.py` "
        f"(memory limit this run: {os.environ.get('ZHICHAN_MEMORY_LIMIT', '1GB')}; at 30M rights the key "
        "indexes of ip_right alone outgrow 1 GB, and DuckDB cannot spill them)",
        f"- data: canonical tables generated by `benchmarks/indicators/gen_canonical.py` at the `large` demo size: "
        f"{counts['ip_right']:,} rights ({', '.join(f'{k} {v:,}' for k, v in sorted(by_kind.items()))}), "
        f"{counts['right_party']:,} party links, {counts['legal_event']:,} legal events, {counts['party']:,} parties",
        "",
        "| run | seconds | result rows |",
        "|---|---|---|",
        f"| all {full['indicator'].nunique()} indicators, {len(LEVELS)} levels ({full['region'].nunique():,} regions), "
        f"{len(YEARS)} years | {t_full:.1f} | {len(full):,} |",
        f"| valid_patents alone (zhichan) | {t_one:.1f} | {len(one):,} |",
        f"| valid_patents, hand-written DuckDB query (validity per year end) | {t_hand:.1f} | {len(hand):,} |",
        "",
        f"Ratio zhichan / hand-written for the same figures: **{ratio:.2f}** (bar: ≤ 1.5). "
        f"Figures that differ: {len(mism)}.",
        f"Bar of issue 5: all indicators < 60 s — {'met' if t_full < 60 else 'NOT met'} ({t_full:.1f} s).",
    ]
    if gen:
        lines += ["", "Generation: " + ", ".join(f"{k} {v:.0f}s" for k, v in gen["seconds"].items())]
    if mism:
        lines += ["", "First differences (region, year, zhichan, hand): " + str(mism[:10])]
    out = HERE.parent / "results" / "indicators.md"
    out.write_text("\n".join(lines) + "\n", "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
