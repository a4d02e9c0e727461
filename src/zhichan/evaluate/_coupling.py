"""Coupling coordination of n subsystems and the obstacle degree of indicators."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.evaluate._base import Analysis, as_frame, weight_vector

# The common ten grade bands of the coupling-coordination degree D (upper bounds inclusive),
# e.g. 田深圳等, 地理学报 2021, 76(4), 表 1.
GRADE_BANDS = pd.DataFrame({
    "lower": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    "upper": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "grade": ["极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调",
              "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调"],
})
MODELS = ("standard", "wang2021")


def grade(values: Any, bands: pd.DataFrame = GRADE_BANDS) -> pd.Series:
    """Grade label of each value: the band with ``lower < v ≤ upper`` (the first band includes 0)."""
    v = pd.Series(values, dtype=float)
    b = bands.sort_values("lower").reset_index(drop=True)
    edges = [float(b["lower"].iloc[0])] + [float(u) for u in b["upper"]]
    if np.any(np.diff(edges) <= 0) or not np.allclose(b["lower"].to_numpy()[1:], b["upper"].to_numpy()[:-1]):
        raise UserError("等级区间不连续 grade bands must be contiguous and increasing",
                        fix="each band's lower bound must equal the previous band's upper bound")
    cut = pd.cut(v, bins=edges, labels=list(b["grade"]), include_lowest=True, right=True)
    return cut.astype(object).rename("grade")


class CouplingCoordination(Analysis):
    """Coupling degree C, coordination index T and coupling-coordination degree D = √(C·T).

    Standard model: ``C = n (Π U_i)^(1/n) / Σ U_i``. Corrected model of 王淑佳等 (国内耦合协调度模型
    的误区及修正, 自然资源学报 2021, 36(3): 793–810, doi:10.31497/zrzyxb.20210319):
    ``C = sqrt{[1 − Σ_{i>j} |U_i − U_j| / Σ_{m=1}^{n−1} m] · (Π_i U_i / max U)^(1/(n−1))}``
    (``Σ m = n(n−1)/2``, the number of pairs; for two systems ``√[(1 − |U₁ − U₂|) U_min/U_max]``),
    as restated by the R packages coupling (``method = "wang"``) and mathmodels
    (``type = "adjusted"``), whose printed outputs the tests reproduce. ``T = Σ α_i U_i``.

    Parameters
    ----------
    model : {"standard", "wang2021"}
    alpha : sequence, optional
        Subsystem weights of T (default equal).
    bands : DataFrame
        Grade bands of D (columns lower, upper, grade); default the common ten bands.

    Attributes
    ----------
    coupling_, coordination_, degree_ : Series
        C, T and D per unit.
    grade_ : Series
    convention_ : str
    """

    def __init__(self, *, model: str = "standard", alpha: Any = None, bands: pd.DataFrame = GRADE_BANDS) -> None:
        self.model = model
        self.alpha = alpha
        self.bands = bands

    def fit(self, data: Any) -> CouplingCoordination:
        frame = as_frame(data, "subsystem scores")
        u = frame.to_numpy()
        n = u.shape[1]
        if n < 2:
            raise UserError("耦合协调至少需要两个子系统 coupling needs at least two subsystems", found=str(n))
        if np.any(np.isnan(u)) or np.any(u < 0) or np.any(u > 1):
            raise UserError("子系统得分须在 [0, 1] 内 subsystem scores must lie in [0, 1]",
                            found=f"min {np.nanmin(u):.4g}, max {np.nanmax(u):.4g}",
                            fix="normalise each subsystem score to [0, 1] first")
        if self.model not in MODELS:
            raise UserError("未知的耦合模型 unknown coupling model", expected=", ".join(MODELS), found=repr(self.model))
        alpha = weight_vector(self.alpha, frame.columns, what="subsystem weights")
        total = u.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            if self.model == "standard":
                geo = np.exp(np.log(np.where(u > 0, u, 1.0)).mean(axis=1)) * (u > 0).all(axis=1)
                c = np.where(total > 0, n * geo / total, 0.0)
            else:
                i, j = np.triu_indices(n, k=1)
                spread = np.abs(u[:, i] - u[:, j]).sum(axis=1) / (n * (n - 1) / 2)
                umax = u.max(axis=1, keepdims=True)
                ratio = np.where(umax > 0, u / np.where(umax > 0, umax, 1.0), 0.0)
                prod = np.prod(ratio, axis=1) ** (1.0 / (n - 1))
                c = np.sqrt(np.clip((1.0 - spread) * prod, 0.0, None))
        t = u @ alpha
        d = np.sqrt(c * t)
        idx = frame.index
        self.coupling_ = pd.Series(c, index=idx, name="C")
        self.coordination_ = pd.Series(t, index=idx, name="T")
        self.degree_ = pd.Series(d, index=idx, name="D")
        self.grade_ = grade(d, self.bands).set_axis(idx)
        self.convention_ = (f"coupling coordination, {n} subsystems, model={self.model}; "
                            f"T = Σ α U with α = {np.round(alpha, 4).tolist()}; D = sqrt(C·T)")
        return self

    def to_frame(self) -> pd.DataFrame:
        self._check_fitted()
        return pd.concat([self.coupling_, self.coordination_, self.degree_, self.grade_], axis=1)


def coupling_coordination(data: Any, *, model: str = "standard", alpha: Any = None,
                          bands: pd.DataFrame = GRADE_BANDS) -> CouplingCoordination:
    """Fit :class:`CouplingCoordination` on units × subsystem scores in [0, 1]."""
    return CouplingCoordination(model=model, alpha=alpha, bands=bands).fit(data)


class ObstacleDegree(Analysis):
    """Obstacle degree ``O_ij = (1 − x'_ij) · w_j`` (x' normalised to [0, 1]).

    With ``shares=True`` each unit's obstacles are divided by their sum
    (``O_ij / Σ_j O_ij``), the form most Chinese studies report as a percentage share.

    Attributes
    ----------
    obstacles_ : DataFrame
    top_ : DataFrame
        The ``top`` largest obstacles of each unit (indicator and value).
    convention_ : str
    """

    def __init__(self, *, weights: Any = None, shares: bool = True, top: int = 3) -> None:
        self.weights = weights
        self.shares = shares
        self.top = top

    def fit(self, data: Any) -> ObstacleDegree:
        frame = as_frame(data, "normalised indicators")
        x = frame.to_numpy()
        if np.nanmin(x) < 0 or np.nanmax(x) > 1:
            raise UserError("障碍度需要 [0, 1] 的标准化值 obstacle degree needs values normalised to [0, 1]",
                            fix="min-max normalise to [0, 1] first")
        w = weight_vector(self.weights, frame.columns)
        o = (1.0 - x) * w
        if self.shares:
            s = np.nansum(o, axis=1, keepdims=True)
            o = np.divide(o, s, out=np.zeros_like(o), where=s > 0)
        self.obstacles_ = pd.DataFrame(o, index=frame.index, columns=frame.columns)
        k = min(self.top, frame.shape[1])
        order = np.argsort(-np.nan_to_num(o, nan=-np.inf), axis=1)[:, :k]
        cols = np.asarray(frame.columns)
        parts = {}
        for r in range(k):
            parts[f"indicator_{r + 1}"] = cols[order[:, r]]
            parts[f"obstacle_{r + 1}"] = o[np.arange(len(o)), order[:, r]]
        self.top_ = pd.DataFrame(parts, index=frame.index)
        self.convention_ = "obstacle O = (1 - x') w" + ("; as shares of the unit's total" if self.shares else "")
        return self

    def to_frame(self) -> pd.DataFrame:
        self._check_fitted()
        return self.obstacles_


def obstacle_degree(data: Any, weights: Any = None, *, shares: bool = True, top: int = 3) -> ObstacleDegree:
    """Fit :class:`ObstacleDegree`; the obstacles are ``.obstacles_``."""
    return ObstacleDegree(weights=weights, shares=shares, top=top).fit(data)
