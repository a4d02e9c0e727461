"""Flows of rights between regions from a workspace (transfers and licences), rolled up to a level
— the input of ``flow_map``."""

from __future__ import annotations

import pandas as pd

from zhichan.measures._regions import RegionScope
from zhichan.measures._terms import TermContext
from zhichan.store import flows_sql


def rights_flows(db, *, years: tuple[int, int], level: str = "province", region: str | None = None,
                 kinds: tuple[str, ...] = ("transfer", "licence")) -> pd.DataFrame:
    """``origin, destination, value`` (counts of ``kinds``) between units of ``level``; with
    ``region``, only flows with at least one end inside it."""
    p0, p1 = years
    with TermContext(db, p0, p1) as ctx:
        scope = RegionScope(ctx.levels(), list(range(p0, p1 + 1)), ctx.rollup())
        raw = db.frame(flows_sql(), ctx.params)
        rollup = ctx.rollup()
    raw = raw[raw["kind"].isin(kinds)]
    at_level = set(scope.info.index[(scope.info["level"] == level).to_numpy()])
    up = rollup[rollup["ancestor"].isin(at_level)].drop_duplicates("code").set_index("code")["ancestor"]
    df = pd.DataFrame({"origin": raw["origin"].map(up), "destination": raw["destination"].map(up), "value": raw["n"]})
    df = df.dropna()
    if region is not None and region != "000000":
        inside = set(rollup.loc[rollup["ancestor"] == region, "code"])
        df = df[df["origin"].isin(inside) | df["destination"].isin(inside)]
    return df.groupby(["origin", "destination"], as_index=False)["value"].sum()
