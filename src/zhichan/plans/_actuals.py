"""Actual values for a plan's targets, computed from a workspace's records and statistics."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from zhichan.measures import compute_indicators, default_indicators, latest_period
from zhichan.plans._plan_model import Plan
from zhichan.reference import code_prefix

# Years before the plan (or its earliest baseline) that feed the trend and the forecast.
_LEAD_YEARS = 5


def plan_actuals(db, plan: Plan, *, as_of: dt.date | None = None, owner_rule: str | None = None) -> pd.DataFrame:
    """``indicator, region, period, value`` for every target of ``plan``: yearly values (flows
    for cumulative targets) from a few years before the plan up to the last year with data."""
    registry = default_indicators()
    last = latest_period(db)
    if last is None:
        return pd.DataFrame(columns=["indicator", "region", "period", "value"])
    if as_of is not None:
        last = min(last, as_of.year - 1 if as_of < dt.date(as_of.year, 12, 31) else as_of.year)
    baselines = [t.baseline_year for t in plan.targets if t.baseline_year]
    first = min([plan.period.start - _LEAD_YEARS, *baselines])
    if first > last:
        return pd.DataFrame(columns=["indicator", "region", "period", "value"])
    frames = []
    by_region: dict[str, list[str]] = {}
    for t in plan.targets:
        if t.indicator in registry:
            by_region.setdefault(plan.target_region(t), []).append(registry.get(t.indicator).id)
    for region, ids in by_region.items():
        if not _holds(db, region):
            continue  # a workspace without the region's records: no data, not zeros
        df = compute_indicators(db, list(dict.fromkeys(ids)), periods=range(first, last + 1), regions=[region],
                                owner_rule=owner_rule)
        frames.append(df[["indicator", "region", "period", "value"]].dropna(subset=["value"]))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["indicator", "region", "period", "value"])


def _holds(db, region: str) -> bool:
    """Whether any party of the workspace is placed in ``region`` (or below it)."""
    return bool(db.scalar("SELECT count(*) > 0 FROM party WHERE starts_with(region_code, ?)", [code_prefix(region)]))
