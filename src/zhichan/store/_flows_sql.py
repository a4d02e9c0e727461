"""SQL for flows of rights between regions: transfers (the first owner before and after a change of
owner) and licences (the owner's region to the licensee's), by year."""

from __future__ import annotations

from zhichan.store._attribution_sql import holder_spans_sql


def flows_sql() -> str:
    """One SELECT ``kind, origin, destination, y, n``: region codes as recorded (6 digits) — roll
    them up to a level with the region roll-up. Parameters ``$p0``, ``$p1`` (years)."""
    return f"""
WITH holders AS ({holder_spans_sql("first_owner_address")}),
moves AS (
    -- a transfer: the holder span that ends on the day the next one starts, with another party
    SELECT 'transfer' AS kind, a.region_code AS origin, b.region_code AS destination, year(b.span_from) AS y
    FROM holders a JOIN holders b ON a.right_id = b.right_id AND a.span_to = b.span_from AND a.party_id <> b.party_id
    WHERE isfinite(b.span_from)
),
licences AS (
    SELECT 'licence' AS kind, h.region_code AS origin, p.region_code AS destination, year(l.valid_from) AS y
    FROM right_party l
    JOIN party p ON p.party_id = l.party_id
    JOIN holders h ON h.right_id = l.right_id AND h.span_from <= l.valid_from AND l.valid_from < h.span_to
    WHERE l.role = 'licensee'
)
SELECT kind, origin, destination, y, count(*) AS n
FROM (SELECT * FROM moves UNION ALL SELECT * FROM licences)
WHERE origin IS NOT NULL AND destination IS NOT NULL AND y BETWEEN $p0 AND $p1
GROUP BY ALL
"""
