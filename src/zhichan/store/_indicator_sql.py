"""SQL counting rights (or events on them) per region and year for an indicator term.

Stocks ("valid at the end of the year") are counted without a row per right and year: each right
contributes the years whose 31 December falls inside the intersection of its validity span, its
holder's region span and — for high-value patents or listed marks — the span since it qualified.
Those year ranges become +1/−1 deltas per (region, year), and a running sum turns them into
year-end counts. Flows are grouped by the year of their date, placed by the holder on that day.

Parameters of every statement: ``$p0`` and ``$p1``, the first and last year.
"""

from __future__ import annotations

from typing import Any, Mapping

from zhichan.errors import InternalError

_DATE_OF = {"application_date": "r.application_date", "grant_date": "r.grant_date"}


def _quote_list(values) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def high_value_sql(hv: Mapping[str, Any]) -> str:
    """One SELECT ``right_id, hv_from``: since when each invention meets any high-value criterion
    (DOMAIN.md §1; a union, so the earliest day any one is met)."""
    parts = []
    crit = set(hv["criteria"])
    if "sei" in crit:
        # exact IPC codes, and patterns at class, subclass and main-group level
        parts.append("""SELECT c.right_id, DATE '-infinity' AS t FROM right_class c
        JOIN concordance k ON k.from_scheme = 'ipc' AND k.to_scheme = 'sei' AND k.from_code = c.code
        WHERE c.scheme = 'ipc'""")
        for key in ("left(c.code, 3) || '%'", "left(c.code, 4) || '%'", "split_part(c.code, '/', 1) || '/%'"):
            parts.append(f"""SELECT c.right_id, DATE '-infinity' FROM right_class c
        JOIN concordance k ON k.from_scheme = 'ipc_pattern' AND k.to_scheme = 'sei' AND k.from_code = {key}
        WHERE c.scheme = 'ipc'""")
    if "foreign_family_grant" in crit:
        parts.append("SELECT right_id, DATE '-infinity' FROM right_family WHERE granted AND office <> 'CN'")
    if "maintained_over_10_years" in crit:
        years = int(hv["min_patent_year"]) - 1
        parts.append(f"""SELECT right_id,
               CAST(coalesce(international_filing_date, application_date) + to_years({years}) AS DATE)
        FROM ip_right WHERE kind = 'invention' AND application_date IS NOT NULL""")
    if "high_pledge" in crit:
        parts.append(f"""SELECT right_id, coalesce(effective_on, announced_on) FROM legal_event
        WHERE (kind = 'pledge' OR code = 'PE01') AND amount_cny >= {float(hv["pledge_threshold_cny"])}""")
    if "award" in crit:
        lists = _quote_list(hv["award_lists"])
        parts.append(f"""SELECT subject_id, make_date(year, 1, 1) FROM recognition
        WHERE subject_kind = 'right' AND list_id IN ({lists})""")
        parts.append("SELECT right_id, coalesce(effective_on, announced_on) FROM legal_event WHERE kind = 'award'")
    if not parts:
        raise InternalError("a high-value rule needs at least one criterion")
    union = "\n        UNION ALL ".join(parts)
    return f"SELECT right_id, min(t) AS hv_from FROM (\n        {union}\n    ) GROUP BY right_id"


def _right_filters(term: Mapping[str, Any], r: str = "r") -> list[str]:
    """Conditions on a right's kind, office and flags; ``r`` is the alias of a relation having
    them (``ip_right`` or the validity spans)."""
    f = term.get("filters") or {}
    where = []
    if term.get("kinds"):
        where.append(f"{r}.kind IN ({_quote_list(term['kinds'])})")
    for flag in ("pct", "madrid"):
        if f.get(flag) is not None:
            where.append(f"{r}.{flag} = {'true' if f[flag] else 'false'}")
    if f.get("foreign_office") is not None:
        where.append(f"{r}.office <> 'CN'" if f["foreign_office"] else f"{r}.office = 'CN'")
    return where


def _domestic(term: Mapping[str, Any]) -> str:
    # Without the domestic filter every holder counts; with it mainland holders do (true), others
    # do not (false), and holders of unknown origin are reported apart (NULL).
    return "h.domestic" if (term.get("filters") or {}).get("domestic_owner") else "true"


def stock_facts_sql(term: Mapping[str, Any], *, spans: str, holders: str) -> str:
    """One SELECT ``right_id, party_id, region_code, counted, f_from, f_to``: the periods in which
    each right counts toward a stock in a region. ``counted``: true passes the domestic filter,
    false fails it (foreign, HK/Macao/Taiwan), NULL unknown — the last two are reported apart."""
    f = term.get("filters") or {}
    joins, starts = [], ["v.valid_from", "coalesce(h.span_from, DATE '-infinity')"]
    if f.get("high_value"):
        joins.append(f"JOIN ({high_value_sql(f['high_value'])}) hv ON hv.right_id = v.right_id")
        starts.append("hv.hv_from")
    if f.get("recognition"):
        joins.append(f"""JOIN (SELECT subject_id AS right_id, make_date(min(year), 1, 1) AS rec_from FROM recognition
              WHERE subject_kind = 'right' AND list_id = '{f["recognition"]}' GROUP BY ALL) rec
              ON rec.right_id = v.right_id""")
        starts.append("rec.rec_from")
    where = _right_filters(term, "v")  # the spans carry kind, office and flags
    return f"""
SELECT * FROM (
    SELECT v.right_id, h.party_id, h.region_code, {_domestic(term)} AS counted,
           greatest({", ".join(starts)}) AS f_from,
           least(coalesce(v.valid_to, DATE 'infinity'), coalesce(h.span_to, DATE 'infinity')) AS f_to
    FROM {spans} v
    LEFT JOIN {holders} h ON h.right_id = v.right_id
    {" ".join(joins)}
    {"WHERE " + " AND ".join(where) if where else ""}
) WHERE f_from < f_to
"""


def stock_deltas_sql(facts: str) -> str:
    """One SELECT ``region_code, counted, y, d``: +1/−1 deltas of year-end stocks from
    ``stock_facts_sql``; the sum of ``d`` over years ≤ Y is the stock on 31 December of Y."""
    return f"""
WITH years AS (
    SELECT region_code, counted,
           CASE WHEN isfinite(f_from) THEN greatest(year(f_from), $p0) ELSE $p0 END AS y0,
           CASE WHEN isfinite(f_to) THEN least(year(f_to) - 1, $p1) ELSE $p1 END AS y1
    FROM ({facts})
)
SELECT region_code, counted, y0 AS y, count(*) AS d FROM years WHERE y0 <= y1 GROUP BY ALL
UNION ALL
SELECT region_code, counted, y1 + 1, -count(*) FROM years WHERE y0 <= y1 AND y1 < $p1 GROUP BY ALL
"""


def party_recognition_deltas_sql(list_id: str) -> str:
    """One SELECT like ``stock_deltas_sql`` for parties on an official list (e.g. well-known marks
    recorded by owner): each listed party counts from its first year on, in its region."""
    return f"""
SELECT p.region_code, coalesce(p.is_domestic, CASE WHEN p.region_code IS NOT NULL THEN true END) AS counted,
       greatest(min(c.year), $p0) AS y, 1 AS d
FROM recognition c JOIN party p ON p.party_id = c.subject_id
WHERE c.subject_kind = 'party' AND c.list_id = '{list_id}'
GROUP BY p.party_id, p.region_code, p.is_domestic
HAVING min(c.year) <= $p1
"""


def flow_facts_sql(term: Mapping[str, Any], *, holders: str, snapshot: str) -> str:
    """One SELECT ``right_id, party_id, region_code, counted, day, v``: rights (or events on
    them) dated within $p0..$p1, placed by the holder on that day; ``v`` is 1 or an amount."""
    f = term.get("filters") or {}
    where = _right_filters(term)
    if f.get("event_kinds"):
        kinds = _quote_list(f["event_kinds"])
        # "known": an event is in the year it was announced; "legal": in the year it took effect
        day = ("coalesce(e.announced_on, e.effective_on)" if snapshot == "known"
               else "coalesce(e.effective_on, e.announced_on)")
        value = "e.amount_cny" if term.get("measure") == "sum_amount" else "1"
        source = f"""SELECT e.right_id, {day} AS day, {value} AS v FROM legal_event e
        JOIN ip_right r ON r.right_id = e.right_id
        WHERE e.kind IN ({kinds}) {"AND " + " AND ".join(where) if where else ""}"""
    else:
        col = _DATE_OF.get(term.get("count_by") or "")
        if col is None:
            raise InternalError(f"a flow of rights is counted by a date, not {term.get('count_by')!r}")
        source = f"""SELECT r.right_id, {col} AS day, 1 AS v FROM ip_right r
        WHERE {" AND ".join(where + [f"{col} IS NOT NULL"])}"""
    return f"""
SELECT x.right_id, h.party_id, h.region_code, {_domestic(term)} AS counted, x.day, x.v
FROM ({source}) x
LEFT JOIN {holders} h ON h.right_id = x.right_id AND h.span_from <= x.day AND x.day < h.span_to
WHERE x.day >= make_date($p0, 1, 1) AND x.day <= make_date($p1, 12, 31)
"""


def flow_sql(facts: str) -> str:
    """One SELECT ``region_code, counted, y, d``: the yearly sums of ``flow_facts_sql``."""
    return f"SELECT region_code, counted, year(day) AS y, sum(v) AS d FROM ({facts}) GROUP BY ALL"


# Pseudo-regions of the rolled-up result: counted rights whose region is not known, and rights
# the domestic filter left out — shown beside every figure so that nothing disappears unnoticed.
UNATTRIBUTED = "?unattributed"
EXCLUDED = "?excluded"


def rollup_sql(base: str, *, rollup: str, stock: bool) -> str:
    """One SELECT ``region, period, value`` from rows ``region_code, counted, y, d``: every code
    with its ancestors and groups (table ``rollup``), the nation ('000000') and the two
    pseudo-regions. Stocks sum deltas up to each year; flows sum the year itself."""
    match = "u.y <= p.period" if stock else "u.y = p.period"
    return f"""
WITH b AS (SELECT region_code, counted, y, sum(d) AS d FROM ({base}) GROUP BY ALL),
up AS (
    SELECT r.ancestor AS region, b.y, sum(b.d) AS d FROM b JOIN {rollup} r ON r.code = b.region_code
    WHERE b.counted GROUP BY ALL
    UNION ALL
    SELECT '000000', y, sum(d) FROM b WHERE counted GROUP BY ALL
    UNION ALL
    SELECT '{UNATTRIBUTED}', y, sum(d) FROM b
    WHERE counted IS NOT false AND (region_code IS NULL OR region_code NOT IN (SELECT code FROM {rollup}))
    GROUP BY ALL
    UNION ALL
    SELECT '{EXCLUDED}', y, sum(d) FROM b WHERE counted = false GROUP BY ALL
),
periods AS (SELECT range AS period FROM range($p0, $p1 + 1))
SELECT u.region, p.period, sum(u.d)::DOUBLE AS value FROM up u JOIN periods p ON {match} GROUP BY ALL
"""


def flow_rights_sql(term: Mapping[str, Any]) -> str:
    """One SELECT ``right_id``: the rights a flow term can count (to place only those)."""
    f = term.get("filters") or {}
    where = _right_filters(term)
    if f.get("event_kinds"):
        where.append(f"r.right_id IN (SELECT right_id FROM legal_event WHERE kind IN ({_quote_list(f['event_kinds'])}))")
    return f"SELECT r.right_id FROM ip_right r {'WHERE ' + ' AND '.join(where) if where else ''}"
