"""``write_demo_maps``: the maps the demo workspace ships (indicator choropleths and a LISA map)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from zhichan.spatial._basemap import default_level
from zhichan.spatial._choropleth import choropleth
from zhichan.spatial._local import LocalMoran
from zhichan.spatial._save import save_map
from zhichan.spatial._stat_maps import lisa_map

__all__ = ["DEMO_MAPS", "write_demo_maps"]

# (indicator, classification scheme, colour scheme)
DEMO_MAPS = (
    ("invention_patents_per_10k_pop", "quantiles", "YlOrRd"),
    ("valid_trademarks", "natural_breaks", "YlGnBu"),
)
LISA_INDICATOR = "invention_patents_per_10k_pop"


def _frame(db_or_frame: Any, region: str, level: str, period: int | None) -> pd.DataFrame:
    if isinstance(db_or_frame, pd.DataFrame):
        df = db_or_frame
        if period is not None and "period" in df.columns:
            df = df[df["period"] == period]
        elif "period" in df.columns and len(df):
            df = df[df["period"] == df["period"].max()]
        return df
    from zhichan.measures import compute_indicators, latest_period

    year = period or latest_period(db_or_frame) or 2023
    return compute_indicators(db_or_frame, [i for i, _, _ in DEMO_MAPS], periods=[year], regions=[region], level=level)


def write_demo_maps(db_or_frame: Any, out_dir: str | Path, *, region: str = "500000", level: str | None = None,
                    period: int | None = None, note: str | None = None, source: str | None = None,
                    seed: int = 7, html: bool = True) -> list[Path]:
    """Write the demo maps to ``out_dir`` and return their paths.

    ``db_or_frame``: a store ``Database`` or the frame of ``compute_indicators`` (subdivisions of
    ``region`` at ``level``). Per indicator of ``DEMO_MAPS``: a PNG (and an HTML page unless
    ``html=False``); then a LISA cluster map of ``LISA_INDICATOR``. ``note`` goes under every
    map (the demo passes its synthetic-data note). Indicators without values are skipped.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lvl = level or default_level(region)
    df = _frame(db_or_frame, region, lvl, period)
    written: list[Path] = []
    for ind, scheme, cmap in DEMO_MAPS:
        rows = df[df["indicator"] == ind]
        if rows.empty or not rows["value"].notna().any():
            continue
        fig = choropleth(rows, level=lvl, region=region, scheme=scheme, cmap=cmap, note=note, source=source)
        written.append(save_map(fig, out / f"map-{ind}-{region}.png"))
        if html:
            written.append(save_map(fig, out / f"map-{ind}-{region}.html"))
    rows = df[df["indicator"] == LISA_INDICATOR]
    if rows["value"].notna().sum() >= 5:
        res = LocalMoran(seed=seed, level=lvl, region=region).fit(rows)
        written.append(save_map(lisa_map(res, note=note, source=source), out / f"map-lisa-{LISA_INDICATOR}-{region}.png"))
    return written
