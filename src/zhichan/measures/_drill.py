"""Drill-down: the rights (or events) behind one indicator figure, so that every number can be
traced to records and from there to the import rows (``record_source``)."""

from __future__ import annotations

import pandas as pd

from zhichan.errors import UserError
from zhichan.measures._indicator_registry import IndicatorRegistry, default_indicators
from zhichan.measures._terms import LEVELS, ROLLUP, TermContext

NATION = "000000"


def drill_down(
    db,
    indicator: str,
    region: str,
    period: int,
    *,
    attribution: str | None = None,
    snapshot: str | None = None,
    registry: IndicatorRegistry | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The records counted in the numerator of ``indicator`` for ``region`` and ``period``: one row
    per right (stocks) or per right and day (flows) with its number, title, holder and region."""
    ind = (registry or default_indicators()).get(indicator)
    term = ind.numerator
    if term.source != "rights":
        raise UserError(
            f"指标 {ind.id} 的分子不来自权利记录，无法下钻 this indicator is not counted from records",
            where=f"indicator {ind.id}",
            expected="由权利记录计算的指标 an indicator counted from rights",
            found=f"numerator.source = {term.source}",
            fix="查看 stat / reported 表中的原始数据 (see the stat or reported tables)",
        )
    with TermContext(db, int(period), int(period)) as ctx:
        return _records(db, ctx, ind, term, region, attribution, snapshot, limit)


def _records(db, ctx, ind, term, region, attribution, snapshot, limit) -> pd.DataFrame:
    facts, stock = ctx.facts_sql(ind, term, attribution or ind.attribution, snapshot or ind.snapshot)
    when = ("f.f_from <= make_date($p1, 12, 31) AND make_date($p1, 12, 31) < f.f_to" if stock
            else "year(f.day) = $p1")
    if region == NATION:
        where_region = "true"
    else:
        where_region = f"f.region_code IN (SELECT code FROM {ROLLUP} WHERE ancestor = $region)"
    day = "make_date($p1, 12, 31)" if stock else "f.day"
    value = "1" if stock else "f.v"
    cap = f"LIMIT {int(limit)}" if limit else ""
    sql = f"""
        SELECT f.right_id, r.kind, r.application_no, r.title, r.application_date, r.grant_date,
               p.name AS holder, f.region_code, g.name AS region_name, {day} AS day, {value} AS value
        FROM ({facts}) f
        JOIN ip_right r ON r.right_id = f.right_id
        LEFT JOIN party p ON p.party_id = f.party_id
        LEFT JOIN {LEVELS} g ON g.region = f.region_code
        WHERE f.counted AND {when} AND {where_region}
        ORDER BY f.region_code, r.application_no
        {cap}
        """
    params = {**ctx.params, **({"region": region} if region != NATION else {})}
    return db.frame(sql, {k: v for k, v in params.items() if f"${k}" in sql})
