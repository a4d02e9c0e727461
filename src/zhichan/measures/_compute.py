"""Indicators at (region, period): values with numerator and denominator, comparisons with the
parent region, peers and the nation, year-on-year change, and the rule used beside every figure.

All regions are counted in one pass per indicator (set-based, in DuckDB); the result is a small
frame (regions × years) that pandas finishes.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.measures._indicator_model import Indicator
from zhichan.measures._indicator_registry import IndicatorRegistry, default_indicators
from zhichan.measures._regions import RegionScope
from zhichan.measures._terms import TermContext
from zhichan.store import ATTRIBUTION_RULES, EXCLUDED, SEMANTICS, UNATTRIBUTED, Database

COLUMNS = [
    "indicator", "title_zh", "unit", "region", "region_name", "level", "period", "value", "numerator",
    "denominator", "attribution", "snapshot", "source", "parent", "parent_value", "national_value",
    "yoy_change", "yoy_pct", "rank", "peers", "peers_with_data", "unattributed", "excluded", "note",
]
NATION = "000000"


def compute_indicators(
    db: Database,
    indicators: Iterable[str] | None = None,
    *,
    periods: Iterable[int],
    regions: Iterable[str] | None = None,
    level: str | list[str] | None = None,
    attribution: str | None = None,
    snapshot: str | None = None,
    registry: IndicatorRegistry | None = None,
    owner_rule: str | None = None,
) -> pd.DataFrame:
    """One row per (indicator, region, period) with the columns of ``COLUMNS``.

    ``regions``: codes or custom group ids (default the nation); with ``level`` (province,
    prefecture, county, group, or a list of them) their subdivisions at those levels instead. ``attribution`` and
    ``snapshot`` override the indicators' own rules; ``owner_rule`` (a workspace setting) replaces
    only the default rule, first_owner_address, where an indicator uses it.
    """
    reg = registry or default_indicators()
    inds = [reg.get(i) for i in indicators] if indicators is not None else list(reg)
    years = sorted({_year(p) for p in periods})
    if not years:
        raise UserError("没有给出统计期 no period given", expected="年份，例如 2023", fix="--period 2023")
    _check_rules(attribution, snapshot)
    _check_rules(owner_rule, None)
    with TermContext(db, years[0] - 1, years[-1]) as ctx:
        scope = RegionScope(ctx.levels(), years, ctx.rollup())
        targets = scope.targets(list(regions) if regions else [NATION], level)
        universe = scope.universe(targets)

        def rule(ind: Indicator) -> str:
            if attribution:
                return attribution
            return owner_rule if owner_rule and ind.attribution == "first_owner_address" else ind.attribution

        ctx.prepare([(term, rule(ind), snapshot or ind.snapshot) for ind in inds
                     for term in (ind.numerator, ind.denominator) if term is not None])
        frames = [_one(ctx, ind, universe, rule(ind), snapshot or ind.snapshot) for ind in inds]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    if level and len(out):
        out = out[~out["region"].isin(_empty_abolished(out, scope, years))]
    out = _compare(out, scope, {i.id: i.direction for i in inds})
    out = out[out["region"].isin(targets) & out["period"].isin(years)]
    order = {code: i for i, code in enumerate(targets)}
    out = out.assign(_o=out["region"].map(order)).sort_values(["indicator", "_o", "period"], kind="stable")
    return out[COLUMNS].reset_index(drop=True)


def _one(ctx: TermContext, ind: Indicator, universe: list[str], rule: str, snap: str) -> pd.DataFrame:
    grid = pd.MultiIndex.from_product([universe, range(ctx.p0, ctx.p1 + 1)], names=["region", "period"])
    num = ctx.term(ind, ind.numerator, rule, snap)
    side = num[num["region"].isin([UNATTRIBUTED, EXCLUDED])].pivot_table(
        index="period", columns="region", values="value", aggfunc="sum")
    numer = num.set_index(["region", "period"])["value"].groupby(level=[0, 1]).sum().reindex(grid)
    if ind.numerator.source == "rights":
        numer = numer.fillna(0.0)
    df = pd.DataFrame({"numerator": numer}).reset_index()
    df["source"] = ind.numerator.source
    df["note"] = ""
    if ind.numerator.source == "reported":
        rep = num.set_index(["region", "period"])
        df = df.join(rep[["source", "note"]].rename(columns={"source": "src", "note": "rnote"}), on=["region", "period"])
        df["source"] = np.where(df["src"].notna(), "reported: " + df["src"].fillna(""), "reported")
        df["note"] = df["rnote"].fillna("")
        df = df.drop(columns=["src", "rnote"])
    if ind.denominator is not None:
        den = ctx.term(ind, ind.denominator, rule, snap).set_index(["region", "period"])["value"]
        df["denominator"] = den.groupby(level=[0, 1]).sum().reindex(pd.MultiIndex.from_frame(df[["region", "period"]])).to_numpy()
        ok = df["denominator"].notna() & (df["denominator"] > 0) & df["numerator"].notna()
        df["value"] = np.where(ok, ind.scale * df["numerator"] / (df["denominator"].where(ok, 1.0) * ind.denominator.scale),
                               np.nan)
        missing = df["denominator"].isna() & df["numerator"].notna()
        df.loc[missing, "note"] = f"缺少分母统计 no {ind.denominator.metric or ind.denominator.source} figure"
    else:
        df["denominator"] = np.nan
        df["value"] = ind.scale * df["numerator"]
    for col, key in (("unattributed", UNATTRIBUTED), ("excluded", EXCLUDED)):
        df[col] = df["period"].map(side[key]) if key in side else 0.0
        df[col] = df[col].fillna(0.0)
    df["indicator"], df["title_zh"], df["unit"] = ind.id, ind.title_zh, ind.unit
    df["attribution"] = rule if ind.numerator.source == "rights" else ""
    df["snapshot"] = snap if ind.numerator.source == "rights" else ""
    return df


def _compare(df: pd.DataFrame, scope: RegionScope, directions: dict[str, str]) -> pd.DataFrame:
    if df.empty:
        return df.assign(**{c: pd.Series(dtype=object) for c in COLUMNS if c not in df})
    info = scope.info
    df = df.join(info[["name", "level", "parent"]].rename(columns={"name": "region_name"}), on="region")
    vals = df.set_index(["indicator", "region", "period"])["value"]
    df["parent_value"] = vals.reindex(pd.MultiIndex.from_arrays([df["indicator"], df["parent"], df["period"]])).to_numpy()
    df["national_value"] = vals.reindex(pd.MultiIndex.from_arrays(
        [df["indicator"], pd.Series(NATION, index=df.index), df["period"]])).to_numpy()
    prev = vals.reindex(pd.MultiIndex.from_arrays([df["indicator"], df["region"], df["period"] - 1])).to_numpy()
    df["yoy_change"] = df["value"] - prev
    with np.errstate(divide="ignore", invalid="ignore"):
        df["yoy_pct"] = np.where((prev > 0) & np.isfinite(prev), 100.0 * (df["value"] - prev) / prev, np.nan)
    # peers: regions of the same level under the same parent
    asc = df["indicator"].map(lambda i: directions.get(i) == "lower_better")
    key = [df["indicator"], df["level"], df["parent"].fillna("-"), df["period"]]
    desc_rank = df.groupby(key)["value"].rank(method="min", ascending=False)
    asc_rank = df.groupby(key)["value"].rank(method="min", ascending=True)
    df["rank"] = np.where(asc, asc_rank, desc_rank)
    df["peers"] = df.groupby(key)["value"].transform("count")
    df["peers_with_data"] = (df["value"] > 0).groupby(key).transform("sum")
    return df


def _empty_abolished(out: pd.DataFrame, scope: RegionScope, years: list[int]) -> set[str]:
    """Abolished codes no record is attributed to in the years: records carry current codes, so
    such a code would only show zeros in a list of subdivisions (and count as a peer)."""
    abolished = set(scope.info.index[scope.info["valid_to"].notna().to_numpy()])
    rows = out[out["period"].isin(years) & out["region"].isin(abolished)]
    held = set(rows.loc[rows["numerator"].fillna(0).to_numpy() != 0, "region"])
    return set(rows["region"]) - held


def _check_rules(attribution: str | None, snapshot: str | None) -> None:
    if attribution is not None and attribution not in ATTRIBUTION_RULES:
        raise UserError("未知的地区归属规则 unknown attribution rule", expected="、".join(ATTRIBUTION_RULES),
                        found=attribution, fix="--attribution first_owner_address")
    if snapshot is not None and snapshot not in SEMANTICS:
        raise UserError("未知的有效性口径 unknown snapshot rule", expected="legal 或 known", found=snapshot,
                        fix="--snapshot legal")


def _year(p: object) -> int:
    try:
        y = int(p)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise UserError("统计期无效 invalid period", expected="四位年份 a year, e.g. 2023", found=repr(p),
                        fix="--period 2023 或 2019-2023") from None
    if not 1949 <= y <= 2100:
        raise UserError("统计期超出范围 period out of range", expected="1949–2100", found=str(y), fix="--period 2023")
    return y


def latest_period(db: Database) -> int | None:
    """The latest year with records or statistics: the default period to report."""
    return db.scalar("""SELECT max(y) FROM (SELECT max(year(application_date)) AS y FROM ip_right
                        UNION ALL SELECT max(period) FROM stat)""")


def parse_periods(text: str) -> list[int]:
    """'2023', '2019-2023' or '2019,2021,2023' → years."""
    out: list[int] = []
    for part in str(text).replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part[1:]:
            a, b = part.split("-", 1)
            lo, hi = _year(a.strip()), _year(b.strip())
            if lo > hi:
                raise UserError("统计期起止颠倒 period range reversed", found=part, fix=f"--period {hi}-{lo}")
            out.extend(range(lo, hi + 1))
        else:
            out.append(_year(part))
    if not out:
        raise UserError("没有给出统计期 no period given", expected="2023、2019-2023 或 2019,2021", found=repr(text),
                        fix="--period 2023")
    return sorted(set(out))
