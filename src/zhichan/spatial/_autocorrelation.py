"""Global spatial autocorrelation: Moran's I with analytical and permutation inference (esda)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from zhichan.spatial._prepare import Prepared, prepare, seeded

__all__ = ["Moran", "SpatialStatistic", "moran"]


class SpatialStatistic:
    """Shared parameters of the spatial statistics (estimator contract: parameters here, no logic).

    Parameters
    ----------
    weights : {"queen", "rook", "knn"} or SpatialWeights or libpysal W
        How regions neighbour each other; a given object is used as is.
    k : int
        Neighbours for ``knn``.
    islands : {"nearest", "keep", "drop"}
        What contiguity weights do with regions without neighbours.
    permutations : int
        Conditional/global permutations for pseudo p-values (0 = none).
    seed : int or None
        Random seed: same seed, same p-values as esda.
    level, region, boundaries, code_column, indicator, period
        Which regions and which values (see ``choropleth``).
    """

    def __init__(self, *, weights: Any = "queen", k: int = 4, islands: str = "nearest", permutations: int = 999,
                 seed: int | None = None, level: str | None = None, region: str | None = None,
                 boundaries: Any = None, code_column: str = "code", indicator: str | None = None,
                 period: int | None = None) -> None:
        self.weights = weights
        self.k = k
        self.islands = islands
        self.permutations = permutations
        self.seed = seed
        self.level = level
        self.region = region
        self.boundaries = boundaries
        self.code_column = code_column
        self.indicator = indicator
        self.period = period

    def _prepare(self, values: Any) -> Prepared:
        p = prepare(values, weights=self.weights, k=self.k, islands=self.islands, level=self.level,
                    region=self.region, boundaries=self.boundaries, code_column=self.code_column,
                    indicator=self.indicator, period=self.period)
        self.prepared_ = p
        self.codes_ = list(p.codes)
        self.weights_ = p.weights
        self.dropped_ = list(p.dropped)
        self.n_ = len(p.codes)
        return p


class Moran(SpatialStatistic):
    """Global Moran's I (esda.Moran, row-standardised weights).

    Attributes
    ----------
    I_ : float
        Moran's I.
    expected_ : float
        E[I] = -1/(n-1) under the null.
    z_norm_, p_norm_ : float
        z-score and two-sided p-value under the normality assumption.
    z_sim_, p_sim_ : float
        z-score and one-sided pseudo p-value from ``permutations`` random permutations.
    esda_ : esda.Moran
        The underlying esda object.
    codes_, weights_, dropped_, n_
        Regions used, the weights, regions dropped for want of a value, their number.

    Examples
    --------
    >>> import libpysal, numpy as np
    >>> w = libpysal.weights.lat2W(3, 3)
    >>> round(Moran(weights=w, seed=1).fit(np.arange(9.0)).I_, 4)
    0.5556
    """

    def fit(self, values: Any) -> Moran:
        """Compute the statistic for ``values``; returns self."""
        import esda

        p = self._prepare(values)
        with seeded(self.seed):
            m = esda.Moran(p.y, p.weights.w, transformation="r", permutations=self.permutations, two_tailed=True)
        self.esda_ = m
        self.I_ = float(m.I)
        self.expected_ = float(m.EI)
        self.z_norm_ = float(m.z_norm)
        self.p_norm_ = float(m.p_norm)
        self.z_sim_ = float(m.z_sim) if self.permutations else float("nan")
        self.p_sim_ = float(m.p_sim) if self.permutations else float("nan")
        return self

    def to_frame(self) -> pd.DataFrame:
        """One row: statistic, inference, regions and weights."""
        return pd.DataFrame([{
            "statistic": "moran_i", "I": self.I_, "expected": self.expected_, "z_norm": self.z_norm_,
            "p_norm": self.p_norm_, "z_sim": self.z_sim_, "p_sim": self.p_sim_, "permutations": self.permutations,
            "seed": self.seed, "n": self.n_, "weights": self.weights_.describe(), "dropped": ",".join(self.dropped_),
        }])

    def summary_zh(self) -> str:
        """The result in one Chinese sentence."""
        sig = self.p_sim_ if np.isfinite(self.p_sim_) else self.p_norm_
        kind = "正的空间自相关（集聚）" if self.I_ > self.expected_ else "负的空间自相关（分散）"
        verdict = f"存在显著{kind}" if sig <= 0.05 else "空间自相关不显著"
        return (f"全局 Moran's I = {self.I_:.4f}（期望 {self.expected_:.4f}），z = {self.z_sim_ if np.isfinite(self.z_sim_) else self.z_norm_:.2f}，"
                f"p = {sig:.3f}（{self.permutations} 次置换）：{verdict}。")


def moran(values: Any, **params: Any) -> Moran:
    """``Moran(**params).fit(values)``."""
    return Moran(**params).fit(values)
