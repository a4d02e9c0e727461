"""SQL for the regional layout: patent applications by region (the first applicant's, on the
filing day) × technology field (WIPO 35 fields or strategic emerging industries) × year, from the
main IPC and the concordances held as data (``concordance``; replaceable by the user)."""

from __future__ import annotations

from zhichan.errors import InternalError
from zhichan.store._attribution_sql import holder_spans_sql

SCHEMES = ("tech_field", "sei")


def field_counts_sql(scheme: str, *, rollup: str) -> str:
    """One SELECT ``unit, field, y, n``: fractional counts (a right in k fields counts 1/k in each)
    of invention and utility-model applications, rolled up to every ancestor in ``rollup``
    (code, ancestor). Parameters: ``$p0``, ``$p1`` (years)."""
    if scheme not in SCHEMES:
        raise InternalError(f"unknown field scheme {scheme!r}; callers validate it")
    keys = ["left(c.code, 4) || '%'", "split_part(c.code, '/', 1) || '/%'"]
    if scheme == "sei":
        keys.insert(0, "left(c.code, 3) || '%'")
    exact = ("" if scheme != "sei" else
             "SELECT c.right_id, k.to_code AS field FROM main c JOIN concordance k ON k.from_scheme = 'ipc'"
             " AND k.to_scheme = 'sei' AND k.from_code = c.code UNION ")
    patterns = " UNION ".join(
        f"SELECT c.right_id, k.to_code AS field FROM main c JOIN concordance k ON k.from_scheme = 'ipc_pattern' "
        f"AND k.to_scheme = '{scheme}' AND k.from_code = {key}" for key in keys)
    rights = ("SELECT right_id FROM ip_right WHERE kind IN ('invention', 'utility_model') "
              "AND application_date BETWEEN make_date($p0, 1, 1) AND make_date($p1, 12, 31)")
    return f"""
WITH main AS (
    SELECT c.right_id, c.code FROM right_class c
    WHERE c.scheme = 'ipc' AND c.is_main AND c.right_id IN ({rights})
),
fields AS ({exact}{patterns}),
weighted AS (SELECT right_id, field, 1.0 / count(*) OVER (PARTITION BY right_id) AS w FROM fields),
holders AS ({holder_spans_sql("applicant_address", only=rights)}),
placed AS (
    SELECT h.region_code, f.field, year(r.application_date) AS y, f.w
    FROM weighted f JOIN ip_right r USING (right_id)
    JOIN holders h ON h.right_id = f.right_id AND h.span_from <= r.application_date
         AND r.application_date < h.span_to
    WHERE h.domestic
)
SELECT u.ancestor AS unit, p.field, p.y, sum(p.w) AS n
FROM placed p JOIN {rollup} u ON u.code = p.region_code
GROUP BY ALL
"""
