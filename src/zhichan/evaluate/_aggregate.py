"""Aggregation of normalised indicators: weighted arithmetic and geometric means, and TOPSIS."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.evaluate._base import Analysis, as_frame, direction_signs, weight_vector

AGGREGATIONS = ("arithmetic", "geometric")


def aggregate_array(x: np.ndarray, w: np.ndarray, method: str) -> np.ndarray:
    """Weighted mean over the last axis, skipping NaN (the weights of what is present are rescaled).

    ``x``: (..., m) values; ``w``: (m,) or broadcastable weights. Geometric needs positive values;
    zeros give 0.
    """
    present = ~np.isnan(x)
    wp = np.where(present, w, 0.0)
    total = wp.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "arithmetic":
            out = (np.where(present, x, 0.0) * wp).sum(axis=-1) / total
        elif method == "geometric":
            logx = np.log(np.where(present & (x > 0), x, 1.0))
            zero = (present & (x <= 0) & (wp > 0)).any(axis=-1)
            out = np.exp((logx * wp).sum(axis=-1) / total)
            out = np.where(zero, 0.0, out)
        else:
            raise UserError("未知的合成方法 unknown aggregation", expected=", ".join(AGGREGATIONS), found=repr(method))
    return np.where(total > 0, out, np.nan)


def _aggregate(data: Any, weights: Any, method: str) -> pd.Series:
    frame = as_frame(data)
    w = weight_vector(weights, frame.columns)
    if method == "geometric" and (frame.to_numpy() < 0).any():
        raise UserError("几何合成要求非负值 geometric aggregation needs non-negative values",
                        fix="normalise to a positive range first, e.g. min-max to [1, 100]")
    out = pd.Series(aggregate_array(frame.to_numpy(), w, method), index=frame.index, name="score")
    out.attrs["convention"] = f"weighted {method} mean; missing values skipped and weights rescaled"
    return out


def weighted_arithmetic(data: Any, weights: Any = None) -> pd.Series:
    """``Σ w_j x_j`` per unit (weights scaled to sum 1; missing values skipped)."""
    return _aggregate(data, weights, "arithmetic")


def weighted_geometric(data: Any, weights: Any = None) -> pd.Series:
    """``Π x_j^w_j`` per unit (weights scaled to sum 1; needs non-negative values)."""
    return _aggregate(data, weights, "geometric")


class Topsis(Analysis):
    """TOPSIS (Hwang & Yoon 1981).

    Vector normalisation ``r_ij = x_ij / sqrt(Σ_i x_ij²)``; ``v_ij = w_j r_ij``; ideal best ``A⁺``
    (max for benefit, min for cost) and worst ``A⁻``; Euclidean distances ``S⁺``, ``S⁻``; closeness
    ``S⁻ / (S⁺ + S⁻)``.

    Attributes
    ----------
    closeness_, s_plus_, s_minus_ : Series
    ideal_, anti_ideal_ : Series
    ranks_ : Series
        1 = closest to the ideal.
    convention_ : str
    """

    def __init__(self, *, weights: Any = None, directions: Any = None) -> None:
        self.weights = weights
        self.directions = directions

    def fit(self, data: Any) -> Topsis:
        frame = as_frame(data)
        if frame.isna().any().any():
            raise UserError("TOPSIS 不接受缺失值 TOPSIS needs complete data", fix="impute missing values first")
        w = weight_vector(self.weights, frame.columns)
        signs = direction_signs(self.directions, frame.columns)
        x = frame.to_numpy()
        norm = np.sqrt((x ** 2).sum(axis=0))
        v = x / np.where(norm > 0, norm, 1.0) * w
        best = np.where(signs > 0, v.max(axis=0), v.min(axis=0))
        worst = np.where(signs > 0, v.min(axis=0), v.max(axis=0))
        sp = np.sqrt(((v - best) ** 2).sum(axis=1))
        sm = np.sqrt(((v - worst) ** 2).sum(axis=1))
        total = sp + sm
        c = np.divide(sm, total, out=np.full_like(sm, 0.5), where=total > 0)
        idx, cols = frame.index, frame.columns
        self.s_plus_ = pd.Series(sp, index=idx, name="s_plus")
        self.s_minus_ = pd.Series(sm, index=idx, name="s_minus")
        self.closeness_ = pd.Series(c, index=idx, name="closeness")
        self.ranks_ = self.closeness_.rank(ascending=False, method="min").astype(int).rename("rank")
        self.ideal_ = pd.Series(best, index=cols, name="ideal")
        self.anti_ideal_ = pd.Series(worst, index=cols, name="anti_ideal")
        self.convention_ = "TOPSIS; vector normalisation, weighted, Euclidean distances, closeness S-/(S+ + S-)"
        return self

    def to_frame(self) -> pd.DataFrame:
        self._check_fitted()
        return pd.concat([self.s_plus_, self.s_minus_, self.closeness_, self.ranks_], axis=1)


def topsis(data: Any, weights: Any = None, directions: Any = None) -> Topsis:
    """Fit :class:`Topsis`; the scores are ``.closeness_``."""
    return Topsis(weights=weights, directions=directions).fit(data)
