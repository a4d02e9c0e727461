"""What every spatial statistic starts from: values aligned with weights over the same regions.

Regions without a value are dropped (and reported in ``dropped_``); the weights are then built
over the regions that remain, so that no missing value is silently read as zero.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from zhichan.errors import UserError
from zhichan.spatial._basemap import Basemap, load_basemap
from zhichan.spatial._choropleth import infer_extent
from zhichan.spatial._values import as_map_values
from zhichan.spatial._weights import SpatialWeights, spatial_weights

__all__ = ["Prepared", "prepare", "seeded"]


@dataclass
class Prepared:
    codes: list[str]
    y: np.ndarray
    weights: SpatialWeights
    basemap: Basemap | None
    names: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    title: str = ""
    unit: str = ""
    period: int | None = None


def _from_w(w: Any) -> SpatialWeights:
    if isinstance(w, SpatialWeights):
        return w
    ids = list(w.id_order)
    return SpatialWeights(w, [str(i) for i in ids], "given", None, "keep", list(getattr(w, "islands", [])))


def prepare(values: Any, *, weights: Any = "queen", k: int = 4, islands: str = "nearest", level: str | None = None,
            region: str | None = None, boundaries: Any = None, code_column: str = "code",
            indicator: str | None = None, period: int | None = None) -> Prepared:
    """Align ``values`` (a value table, or an array in the order of a given ``weights``) with weights."""
    if isinstance(values, (np.ndarray, list, tuple)):
        if isinstance(weights, str):
            raise UserError("数组形式的数值需要同时给出权重 an array of values needs explicit weights",
                            fix="传入 SpatialWeights 或 libpysal W，或用 {代码: 数值} pass weights or a code → value table")
        sw = _from_w(weights)
        y = np.asarray(values, dtype=float)
        if len(y) != len(sw.codes):
            raise UserError("数值个数与权重不符 values and weights differ in length", found=f"{len(y)} ≠ {len(sw.codes)}")
        return Prepared(sw.codes, y, sw, None)
    mv = as_map_values(values, indicator=indicator, period=period)
    has = {c for c, v in mv.values.items() if np.isfinite(v)}
    if not isinstance(weights, str):
        sw = _from_w(weights)
        keep = [c for c in sw.codes if c in has]
        dropped = [c for c in sw.codes if c not in has]
        if dropped:
            from libpysal.weights import w_subset

            sw = SpatialWeights(w_subset(sw.w, keep, silence_warnings=True), keep, sw.method, sw.k, sw.island_policy)
        return Prepared(keep, mv.values.reindex(keep).to_numpy(float), sw, None, dict(mv.names or {}), dropped,
                        mv.title, mv.unit, mv.period)
    lvl, reg = infer_extent(list(mv.values.index), level, region)
    base = load_basemap(lvl, reg, boundaries=boundaries, code_column=code_column).without_overlaps(has)
    if mv.names and boundaries is None:
        base.names.update({c: n for c, n in mv.names.items() if c in base.names})
    keep = [c for c in base.codes if c in has]
    dropped = [c for c in base.codes if c not in has]
    sw = spatial_weights(base.subset(keep), method=weights, k=k, islands=islands)
    keep = sw.codes  # the island policy 'drop' may remove some
    dropped += sw.dropped
    return Prepared(keep, mv.values.reindex(keep).to_numpy(float), sw, base, dict(base.names), dropped,
                    mv.title, mv.unit, mv.period)


@contextmanager
def seeded(seed: int | None):
    """Seed numpy's global generator (esda's global Moran draws from it), then restore it."""
    if seed is None:
        yield
        return
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        yield
    finally:
        np.random.set_state(state)
