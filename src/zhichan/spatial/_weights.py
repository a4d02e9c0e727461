"""Spatial weights from region boundaries (libpysal): queen or rook contiguity, k nearest
neighbours; islands (regions without a contiguous neighbour, such as 海南 or 台湾 among the
provinces) are linked to their nearest region, kept alone, or dropped — and always reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from zhichan.errors import UserError
from zhichan.spatial._basemap import Basemap
from zhichan.spatial._projection import albers_for

__all__ = ["ISLAND_POLICIES", "WEIGHT_METHODS", "SpatialWeights", "spatial_weights"]

WEIGHT_METHODS = {"queen": "后相邻（共点即相邻） queen contiguity", "rook": "车相邻（共边才相邻） rook contiguity",
                  "knn": "k近邻 k nearest neighbours"}
ISLAND_POLICIES = ("nearest", "keep", "drop")


@dataclass
class SpatialWeights:
    """A libpysal ``W`` (``w``) whose ids are region codes, with how it was built.

    ``islands``: codes that had no contiguous neighbour; ``linked``: island → the region it was
    linked to (policy ``nearest``); ``dropped``: codes removed (policy ``drop``).
    """

    w: Any
    codes: list[str]
    method: str
    k: int | None = None
    island_policy: str = "nearest"
    islands: list[str] = field(default_factory=list)
    linked: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)

    def neighbours(self, code: str) -> list[str]:
        """The neighbours of one region."""
        return list(self.w.neighbors[code])

    def describe(self) -> str:
        """One line in Chinese: method, size, islands and what was done with them."""
        text = f"{WEIGHT_METHODS[self.method].split(' ')[0]}" + (f"（k={self.k}）" if self.method == "knn" else "")
        text += f"，{len(self.codes)} 个区域，平均邻居 {self.w.mean_neighbors:.2f} 个"
        if self.islands:
            what = {"nearest": "已连接最近区域", "keep": "保留为孤立区域", "drop": "已剔除"}[self.island_policy]
            text += f"；孤岛 {len(self.islands)} 个（{what}）"
        return text


def _check(method: str, k: int, islands: str) -> None:
    if method not in WEIGHT_METHODS:
        raise UserError("未知的空间权重 unknown spatial weights", expected=" | ".join(WEIGHT_METHODS),
                        found=repr(method), fix="--weights queen")
    if islands not in ISLAND_POLICIES:
        raise UserError("未知的孤岛处理方式 unknown island policy", expected=" | ".join(ISLAND_POLICIES),
                        found=repr(islands), fix="islands='nearest'")
    if method == "knn" and not 1 <= k:
        raise UserError("近邻数必须为正 k must be positive", found=str(k), fix="--k 4")


def spatial_weights(basemap: Basemap, *, method: str = "queen", k: int = 4, islands: str = "nearest") -> SpatialWeights:
    """Weights over the regions of ``basemap`` (see ``load_basemap``), ids = region codes."""
    from libpysal.weights import KNN, W

    _check(method, k, islands)
    codes = list(basemap.codes)
    if len(codes) < 3:
        raise UserError("区域太少，无法计算空间统计 too few regions for spatial statistics", found=str(len(codes)),
                        expected="至少 3 个 at least 3", fix="选更大的地区或更低的层级 choose a larger region or lower level")
    bounds = shapely.union_all([shapely.envelope(basemap.geoms[c]) for c in codes]).bounds
    proj = albers_for(bounds, national=basemap.national)
    geoms = [proj.geometry(basemap.geoms[c]) for c in codes]
    if method == "knn":
        if k >= len(codes):
            raise UserError("近邻数不小于区域数 k is not below the number of regions", found=f"k={k}, n={len(codes)}",
                            fix=f"--k {max(1, len(codes) - 1)}")
        pts = np.array([[p.x, p.y] for p in (shapely.centroid(g) for g in geoms)])
        return SpatialWeights(KNN.from_array(pts, k=k, ids=codes), codes, method, k, islands)
    neigh = _contiguity(codes, geoms, rook=(method == "rook"))
    lonely = [c for c in codes if not neigh[c]]
    linked: dict[str, str] = {}
    dropped: list[str] = []
    if lonely and islands == "nearest":
        tree = shapely.STRtree(geoms)
        for c in lonely:
            i = codes.index(c)
            hits = [j for j in tree.query_nearest(geoms[i], exclusive=True, all_matches=False)]
            j = int(hits[0])
            other = codes[j]
            neigh[c].add(other)
            neigh[other].add(c)
            linked[c] = other
    elif lonely and islands == "drop":
        dropped = lonely
        codes = [c for c in codes if c not in set(lonely)]
        neigh = {c: {n for n in neigh[c] if n in set(codes)} for c in codes}
    w = W({c: sorted(neigh[c], key=codes.index) for c in codes}, id_order=codes, silence_warnings=True)
    return SpatialWeights(w, codes, method, None, islands, lonely, linked, dropped)


def _contiguity(codes: list[str], geoms: list[shapely.Geometry], rook: bool) -> dict[str, set[str]]:
    """Neighbour sets by shared vertices (queen) or shared edges (rook), as libpysal defines them.

    Built with libpysal's own contiguity on the projected polygons, so results match PySAL's."""
    import geopandas as gpd
    from libpysal.weights import Queen, Rook

    frame = gpd.GeoDataFrame({"code": codes}, geometry=geoms, index=codes)
    cls = Rook if rook else Queen
    w = cls.from_dataframe(frame, use_index=True, silence_warnings=True)
    return {c: set(w.neighbors.get(c, [])) for c in codes}
