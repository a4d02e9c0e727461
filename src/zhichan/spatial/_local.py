"""Local statistics: local Moran (LISA) clusters and Getis-Ord Gi* hot spots (esda)."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.spatial._autocorrelation import SpatialStatistic

__all__ = ["CLUSTER_LABELS", "HOTSPOT_LABELS", "HotSpots", "LocalMoran", "hotspots", "lisa"]

# esda quadrants: 1 HH, 2 LH, 3 LL, 4 HL
CLUSTER_LABELS = {"HH": "高-高集聚", "LL": "低-低集聚", "HL": "高-低异常", "LH": "低-高异常", "ns": "不显著"}
_QUADRANT = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}
HOTSPOT_LABELS = {"hot_99": "热点（99% 置信）", "hot_95": "热点（95% 置信）", "hot_90": "热点（90% 置信）",
                  "ns": "不显著", "cold_90": "冷点（90% 置信）", "cold_95": "冷点（95% 置信）",
                  "cold_99": "冷点（99% 置信）"}


def _check_alpha(alpha: float) -> None:
    if not 0 < alpha < 1:
        raise UserError("显著性水平超出范围 significance level out of range", expected="0 < alpha < 1",
                        found=str(alpha), fix="alpha=0.05")


class LocalMoran(SpatialStatistic):
    """Local Moran's I (esda.Moran_Local) with conditional permutation inference.

    Parameters
    ----------
    alpha : float
        Significance level for the cluster map (pseudo p-value ``p_sim_`` ≤ alpha).
    **params
        See ``SpatialStatistic``.

    Attributes
    ----------
    Is_ : ndarray
        Local Moran's I per region, in the order of ``codes_``.
    quadrant_ : ndarray
        Moran scatterplot quadrant per region: 1 HH, 2 LH, 3 LL, 4 HL.
    p_sim_, z_sim_ : ndarray
        Pseudo p-values and z-scores from the permutations.
    cluster_ : pandas.Series
        HH, LL, HL, LH or ns per region code.
    esda_ : esda.Moran_Local
        The underlying esda object.
    """

    def __init__(self, *, alpha: float = 0.05, **params: Any) -> None:
        super().__init__(**params)
        self.alpha = alpha

    def fit(self, values: Any) -> LocalMoran:
        """Compute local Moran for ``values``; returns self."""
        import esda

        _check_alpha(self.alpha)
        p = self._prepare(values)
        with warnings.catch_warnings():
            # esda announces a future change of its default alternative; we keep today's (directed),
            # the one its published values use
            warnings.simplefilter("ignore", DeprecationWarning)
            m = esda.Moran_Local(p.y, p.weights.w, transformation="r", permutations=max(self.permutations, 1),
                                 seed=self.seed, n_jobs=1, keep_simulations=True)
        self.esda_ = m
        self.y_ = p.y
        self.Is_ = np.asarray(m.Is, dtype=float)
        self.quadrant_ = np.asarray(m.q, dtype=int)
        self.p_sim_ = np.asarray(m.p_sim, dtype=float)
        self.z_sim_ = np.asarray(m.z_sim, dtype=float)
        labels = [_QUADRANT.get(int(q), "ns") if ps <= self.alpha else "ns" for q, ps in zip(self.quadrant_, self.p_sim_)]
        self.cluster_ = pd.Series(labels, index=self.codes_, name="cluster")
        return self

    def to_frame(self) -> pd.DataFrame:
        """One row per region: value, local I, quadrant, pseudo p-value, cluster (code and Chinese)."""
        names = self.prepared_.names
        return pd.DataFrame({
            "region": self.codes_, "region_name": [names.get(c, "") for c in self.codes_], "value": self.y_,
            "local_i": self.Is_, "quadrant": self.quadrant_, "z_sim": self.z_sim_, "p_sim": self.p_sim_,
            "cluster": self.cluster_.to_numpy(), "cluster_zh": [CLUSTER_LABELS[c] for c in self.cluster_],
        })


class HotSpots(SpatialStatistic):
    """Getis-Ord Gi* hot and cold spots (esda.G_Local with ``star=True``).

    Parameters
    ----------
    transform : {"B", "R"}
        Binary (the usual Gi*) or row-standardised weights.
    star : bool
        Gi* (the region counts itself) when true, Gi otherwise.
    **params
        See ``SpatialStatistic``.

    Attributes
    ----------
    Gs_, Zs_ : ndarray
        Gi* statistics and their z-scores (normality), in the order of ``codes_``.
    p_sim_ : ndarray
        Pseudo p-values from the permutations.
    p_norm_ : ndarray
        One-sided p-values under normality.
    class_ : pandas.Series
        hot_99 / hot_95 / hot_90 / ns / cold_90 / cold_95 / cold_99 per region code, from ``p_sim_``
        and the sign of ``Zs_``.
    esda_ : esda.G_Local
        The underlying esda object.
    """

    def __init__(self, *, transform: str = "B", star: bool = True, **params: Any) -> None:
        super().__init__(**params)
        self.transform = transform
        self.star = star

    def fit(self, values: Any) -> HotSpots:
        """Compute Gi* for ``values``; returns self."""
        import esda

        if self.transform not in ("B", "R"):
            raise UserError("未知的权重变换 unknown weights transform", expected="B 或 R", found=repr(self.transform))
        p = self._prepare(values)
        if (p.y < 0).any():
            raise UserError("Getis-Ord 统计量要求数值非负 Gi* needs non-negative values",
                            found=f"最小值 min {p.y.min():g}", fix="改用 LISA (spatial lisa) 或平移数值")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Gi* with row-standardised weights; the alternative notice
            g = esda.G_Local(p.y, p.weights.w, transform=self.transform, permutations=max(self.permutations, 1),
                             star=self.star, seed=self.seed, n_jobs=1, keep_simulations=True)
        self.esda_ = g
        self.y_ = p.y
        self.Gs_ = np.asarray(g.Gs, dtype=float)
        self.Zs_ = np.asarray(g.Zs, dtype=float)
        self.p_sim_ = np.asarray(g.p_sim, dtype=float)
        self.p_norm_ = np.asarray(g.p_norm, dtype=float)
        self.class_ = pd.Series([_hotspot_class(z, ps) for z, ps in zip(self.Zs_, self.p_sim_)], index=self.codes_,
                                name="hotspot")
        return self

    def to_frame(self) -> pd.DataFrame:
        """One row per region: value, Gi*, z, p-values, class (code and Chinese)."""
        names = self.prepared_.names
        return pd.DataFrame({
            "region": self.codes_, "region_name": [names.get(c, "") for c in self.codes_], "value": self.y_,
            "g": self.Gs_, "z": self.Zs_, "p_sim": self.p_sim_, "p_norm": self.p_norm_,
            "hotspot": self.class_.to_numpy(), "hotspot_zh": [HOTSPOT_LABELS[c] for c in self.class_],
        })


def _hotspot_class(z: float, p: float) -> str:
    side = "hot" if z > 0 else "cold"
    for level, cut in (("99", 0.01), ("95", 0.05), ("90", 0.10)):
        if p <= cut:
            return f"{side}_{level}"
    return "ns"


def lisa(values: Any, **params: Any) -> LocalMoran:
    """``LocalMoran(**params).fit(values)``."""
    return LocalMoran(**params).fit(values)


def hotspots(values: Any, **params: Any) -> HotSpots:
    """``HotSpots(**params).fit(values)``."""
    return HotSpots(**params).fit(values)
