"""Canonical tables at the size of the ``large`` demo (≈ 10M patents, 20M trademarks), generated
set-based inside DuckDB.

The demo's own generator writes export files that then go through the importer; at this size
that is a separate benchmark (benchmarks/importer). Here the rows go straight into the canonical
tables with the same shapes the importer produces (owners and applicants as first-named parties
with spans, address history, lapses with restorations, transfers, pledges, family members,
awards, IPC classes from the SEI concordance, population and market-entity statistics), so that
the indicator engine is measured on its own.

    .venv/bin/python benchmarks/indicators/gen_canonical.py OUT.duckdb [--patents 10000000] [--trademarks 20000000]
"""

from __future__ import annotations

import argparse
import time

from zhichan.store import open_database

STEPS = [
    ("counties", """
CREATE TEMP TABLE cty AS
SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM region
WHERE level = 'county' AND valid_to IS NULL AND length(code) = 6 AND left(code, 2) NOT IN ('71', '81', '82')
QUALIFY row_number() OVER (PARTITION BY code ORDER BY vintage DESC) = 1
"""),
    ("parties", """
INSERT INTO party (party_id, name, name_norm, kind, region_code, is_domestic)
SELECT 'B' || p, 'P' || p, 'P' || p, CASE WHEN p % 3 = 0 THEN 'individual' ELSE 'enterprise' END,
       CASE WHEN p % 50 = 0 THEN NULL ELSE c.code END,
       CASE WHEN p % 50 = 0 THEN (p % 100 = 0) END
FROM range($parties) t(p) JOIN cty c ON c.i = hash(p) % $ncty
"""),
    ("addresses", """
INSERT INTO party_address (party_id, address, region_code, valid_from, valid_to)
SELECT party_id, 'addr', region_code, DATE '2000-01-01', NULL FROM party WHERE region_code IS NOT NULL
"""),
    ("moves", """
-- one party in 20 moves to another county in 2018
INSERT INTO party_address (party_id, address, region_code, valid_from, valid_to)
SELECT p.party_id, 'moved', c.code, DATE '2018-07-01', NULL FROM party p
JOIN cty c ON c.i = hash(p.party_id || 'm') % $ncty
WHERE p.region_code IS NOT NULL AND hash(p.party_id) % 20 = 0
"""),
    ("patents", """
INSERT INTO ip_right (right_id, kind, office, application_no, application_date, grant_date, pct)
SELECT 'P' || i, k, 'CN', 'P' || i, d, CASE WHEN hash(i) % 10 < 7 THEN d + CAST(200 + hash(i) % 1200 AS INTEGER) END,
       k = 'invention' AND hash(i) % 50 = 0
FROM (SELECT i, CASE WHEN i % 10 < 3 THEN 'invention' WHEN i % 10 < 8 THEN 'utility_model' ELSE 'design' END AS k,
             DATE '2004-01-01' + CAST(hash(i * 7) % 7300 AS INTEGER) AS d FROM range($patents) t(i))
"""),
    ("trademarks", """
INSERT INTO ip_right (right_id, kind, office, application_no, application_date, grant_date, expiry_date, madrid)
SELECT 'T' || i, 'trademark', 'CN', 'T' || i, d, d + 400, d + 400 + 3652, hash(i) % 400 = 0
FROM (SELECT i, DATE '2004-01-01' + CAST(hash(i * 11) % 7300 AS INTEGER) AS d FROM range($trademarks) t(i))
"""),
    ("others", """
INSERT INTO ip_right (right_id, kind, office, application_no, application_date, grant_date)
SELECT 'O' || i, ['gi_product', 'copyright', 'software_copyright', 'plant_variety'][1 + i % 4], 'CN', 'O' || i,
       DATE '2004-01-01' + CAST(hash(i * 13) % 7300 AS INTEGER),
       DATE '2004-01-01' + CAST(hash(i * 13) % 7300 AS INTEGER) + 90
FROM range($others) t(i)
"""),
    ("applicants", """
INSERT INTO right_party (right_id, party_id, role, seq, valid_from)
SELECT right_id, 'B' || (hash(right_id) % $parties), 'applicant', 1, application_date FROM ip_right
"""),
    ("owners", """
-- one patent in 25 is transferred to another party 400 days after grant
INSERT INTO right_party (right_id, party_id, role, seq, valid_from, valid_to)
SELECT right_id, 'B' || (hash(right_id) % $parties), 'owner', 1, grant_date,
       CASE WHEN kind <> 'trademark' AND hash(right_id || 't') % 25 = 0 THEN grant_date + 400 END
FROM ip_right WHERE grant_date IS NOT NULL
UNION ALL
SELECT right_id, 'B' || (hash(right_id || 'n') % $parties), 'owner', 1, grant_date + 400, NULL
FROM ip_right WHERE grant_date IS NOT NULL AND kind <> 'trademark' AND hash(right_id || 't') % 25 = 0
"""),
    ("lapses", """
-- one granted patent in 4 lapses for an unpaid fee (announced ~8 months after a due date);
-- one lapse in 20 is restored
INSERT INTO legal_event (event_id, right_id, code, kind, announced_on)
SELECT 'L' || right_id, right_id, 'CF01', 'lapse',
       CAST(application_date + to_years(CAST(3 + hash(right_id) % 9 AS INTEGER)) AS DATE) + 240
FROM ip_right WHERE kind IN ('invention', 'utility_model', 'design') AND grant_date IS NOT NULL
  AND hash(right_id || 'l') % 4 = 0
"""),
    ("restorations", """
INSERT INTO legal_event (event_id, right_id, code, kind, announced_on)
SELECT 'R' || right_id, right_id, 'RR01', 'restoration', announced_on + 120 FROM legal_event
WHERE code = 'CF01' AND hash(right_id || 'r') % 20 = 0
"""),
    ("pledges", """
INSERT INTO legal_event (event_id, right_id, code, kind, announced_on, amount_cny)
SELECT 'G' || right_id, right_id, 'PE01', 'pledge', grant_date + 500, 1000000 * (1 + hash(right_id) % 30)
FROM ip_right WHERE grant_date IS NOT NULL AND hash(right_id || 'g') % 100 = 0
"""),
    ("classes", """
INSERT INTO right_class (right_id, scheme, code, is_main)
SELECT r.right_id, 'ipc', c.from_code, true FROM ip_right r
JOIN (SELECT row_number() OVER (ORDER BY from_code) - 1 AS i, from_code FROM concordance
      WHERE from_scheme = 'ipc' AND to_scheme = 'sei') c
  ON c.i = hash(r.right_id) % 60000  -- about one invention in three is in an SEI class
WHERE r.kind = 'invention'
"""),
    ("families", """
INSERT INTO right_family (right_id, member, office, granted)
SELECT right_id, 'US' || right_id, 'US', true FROM ip_right WHERE kind = 'invention' AND hash(right_id || 'f') % 30 = 0
"""),
    ("awards", """
INSERT INTO recognition (list_id, subject_id, subject_kind, year)
SELECT 'china_patent_award', right_id, 'right', year(grant_date) + 2 FROM ip_right
WHERE kind = 'invention' AND grant_date IS NOT NULL AND hash(right_id || 'a') % 5000 = 0
"""),
    ("well_known", """
INSERT INTO recognition (list_id, subject_id, subject_kind, year)
SELECT 'well_known_marks', right_id, 'right', year(grant_date) + 3 FROM ip_right
WHERE kind = 'trademark' AND hash(right_id || 'w') % 20000 = 0 AND year(grant_date) + 3 <= 2100
"""),
    ("statistics", """
-- population (万人) and market entities (户) for every current province, prefecture and county
INSERT INTO stat (region_code, period, metric, value, unit, source)
SELECT g.code, y.y, m.metric,
       CASE m.metric WHEN 'population' THEN w * 0.05 ELSE w * 500 * (1 + (y.y - 2010) * 0.08) END,
       CASE m.metric WHEN 'population' THEN '万人' ELSE '户' END, 'benchmark synthetic'
FROM (SELECT code, CASE level WHEN 'province' THEN 2000 WHEN 'prefecture' THEN 300 ELSE 40 END
             + hash(code) % 30 AS w FROM region
      WHERE level IN ('province', 'prefecture', 'county') AND valid_to IS NULL AND length(code) = 6
      QUALIFY row_number() OVER (PARTITION BY code ORDER BY vintage DESC) = 1) g,
     (SELECT range AS y FROM range(2010, 2024)) y,
     (VALUES ('population'), ('market_entities')) m(metric)
"""),
]


def generate(path: str, patents: int, trademarks: int, parties: int | None = None, say=print) -> dict:
    db = open_database(path)
    params = {"patents": patents, "trademarks": trademarks, "parties": parties or max(1000, (patents + trademarks) // 10),
              "others": max(100, patents // 50)}
    seconds = {}
    for name, sql in STEPS:
        if name == "parties":
            params["ncty"] = db.scalar("SELECT count(*) FROM cty")
        t = time.perf_counter()
        db.execute(sql, {k: v for k, v in params.items() if f"${k}" in sql})
        seconds[name] = time.perf_counter() - t
        say(f"{name:14s} {seconds[name]:7.1f}s")
    db.execute("CHECKPOINT")
    counts = {t: db.scalar(f"SELECT count(*) FROM {t}") for t in
              ("ip_right", "party", "right_party", "legal_event", "party_address", "stat")}
    db.close()
    return {"seconds": seconds, "counts": counts}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--patents", type=int, default=10_000_000)
    ap.add_argument("--trademarks", type=int, default=20_000_000)
    a = ap.parse_args()
    print(generate(a.out, a.patents, a.trademarks)["counts"])
