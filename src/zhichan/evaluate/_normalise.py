"""Normalisation of indicators (JRC/OECD handbook §5): min-max, z-score, rank, distance to target,
and the vector normalisation of TOPSIS. Each returns a DataFrame whose ``attrs["convention"]``
says exactly what was done."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.evaluate._base import as_frame, direction_signs

METHODS = ("minmax", "zscore", "rank", "target", "vector")


def _minmax_array(x: np.ndarray, signs: np.ndarray, low: float, high: float, shift: float,
                  lo: np.ndarray | None = None, hi: np.ndarray | None = None, cap: bool = False) -> np.ndarray:
    obs_lo, obs_hi = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
    lo = obs_lo if lo is None else np.where(np.isnan(lo), obs_lo, lo)
    hi = obs_hi if hi is None else np.where(np.isnan(hi), obs_hi, hi)
    span = hi - lo
    safe = np.where(span > 0, span, 1.0)
    z = np.where(signs > 0, (x - lo) / safe, (hi - x) / safe)
    z = np.where(span > 0, z, 0.5)  # a constant indicator carries no information: mid-range
    if cap:
        z = np.clip(z, 0.0, 1.0)
    z = np.where(np.isnan(x), np.nan, z)
    return low + (high - low) * z + shift


def goalpost_arrays(goalposts: Any, columns: Any) -> tuple[np.ndarray, np.ndarray]:
    """``{indicator: (min, max)}`` → arrays aligned with ``columns`` (NaN where the data decide)."""
    cols = list(columns)
    unknown = [c for c in (goalposts or {}) if c not in cols]
    if unknown:
        raise UserError("目标值（门槛）对应的指标不存在 goalposts given for unknown indicators",
                        expected="indicator codes of the data", found="、".join(map(str, unknown)))
    lo, hi = np.full(len(cols), np.nan), np.full(len(cols), np.nan)
    for j, c in enumerate(cols):
        if goalposts and c in goalposts:
            pair = np.asarray(goalposts[c], dtype=float)
            if pair.shape != (2,):
                raise UserError("门槛格式错误 goalposts must be (min, max) pairs", where=str(c),
                                found=repr(goalposts[c]))
            lo[j], hi[j] = pair
            if not hi[j] > lo[j]:
                raise UserError("门槛无效 goalpost max must exceed min", where=str(c), found=repr(pair))
    return lo, hi


def min_max(data: Any, directions: Any = None, *, low: float = 0.0, high: float = 1.0,
            shift: float = 0.0, goalposts: dict | None = None, cap: bool = False) -> pd.DataFrame:
    """Min-max normalisation into ``[low, high]``, then ``+ shift``.

    Benefit: ``(x − min)/(max − min)``; cost: ``(max − x)/(max − min)``. ``min``/``max`` are the
    observed extremes, or fixed ``goalposts`` ``{indicator: (min, max)}`` as in the UNDP indices
    (HDI, TAI); ``cap`` clips to the goalposts (a value beyond the maximum scores full marks, as
    UNDP does for telephones and electricity in the TAI). A constant indicator maps to the middle
    of the range. ``shift`` is the epsilon translation used in Chinese entropy-weight practice
    (e.g. ``shift=1e-4`` so that no value is 0); ``low=0.01, high=1`` is the other common margin.
    """
    frame = as_frame(data)
    if not high > low:
        raise UserError("目标区间无效 invalid target range", expected="high > low", found=f"low={low}, high={high}")
    signs = direction_signs(directions, frame.columns)
    lo, hi = goalpost_arrays(goalposts, frame.columns)
    out = pd.DataFrame(_minmax_array(frame.to_numpy(), signs, low, high, shift, lo, hi, cap), index=frame.index,
                       columns=frame.columns)
    fixed = [c for c in frame.columns if goalposts and c in goalposts]
    out.attrs["convention"] = f"min-max to [{low:g}, {high:g}]" + (f" + {shift:g}" if shift else "") + \
        "; cost indicators reversed; constant indicators at mid-range" + \
        (f"; fixed goalposts for {', '.join(map(str, fixed))}" if fixed else "") + \
        ("; capped at the goalposts" if cap else "")
    return out


def z_score(data: Any, directions: Any = None, *, ddof: int = 1) -> pd.DataFrame:
    """Standardisation ``(x − mean)/sd`` (cost indicators negated); sample sd by default."""
    frame = as_frame(data)
    signs = direction_signs(directions, frame.columns)
    x = frame.to_numpy()
    sd = np.nanstd(x, axis=0, ddof=ddof)
    z = (x - np.nanmean(x, axis=0)) / np.where(sd > 0, sd, 1.0) * signs
    out = pd.DataFrame(z, index=frame.index, columns=frame.columns)
    out.attrs["convention"] = f"z-score, sd with ddof={ddof}; cost indicators negated"
    return out


def rank_score(data: Any, directions: Any = None) -> pd.DataFrame:
    """Ranks with 1 for the worst unit and n for the best (ties get the average rank)."""
    frame = as_frame(data)
    signs = direction_signs(directions, frame.columns)
    out = (frame * signs).rank(method="average", na_option="keep")
    out.attrs["convention"] = "rank, 1 = worst, ties averaged"
    return out


def distance_to_target(data: Any, targets: Any, directions: Any = None, *, cap: bool = True,
                       high: float = 1.0) -> pd.DataFrame:
    """Progress from the worst observed value to a target, as in COINr ``n_dist2targ``.

    Benefit: ``(x − min)/(target − min)``; cost: ``(max − x)/(max − target)``; capped at 1 when
    ``cap`` (a unit beyond the target scores full marks), then scaled by ``high``.
    """
    frame = as_frame(data)
    signs = direction_signs(directions, frame.columns)
    t = pd.Series(targets, index=frame.columns) if not isinstance(targets, (dict, pd.Series)) \
        else pd.Series(targets).reindex(frame.columns)
    if t.isna().any():
        raise UserError("缺少目标值 targets missing", found="、".join(map(str, t[t.isna()].index)),
                        fix="give a target for every indicator")
    x, tv = frame.to_numpy(), t.to_numpy(dtype=float)
    lo, hi = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
    den = np.where(signs > 0, tv - lo, hi - tv)
    if np.any(den <= 0):
        bad = [c for c, d in zip(frame.columns, den) if d <= 0]
        raise UserError("目标值不优于最差值 target not better than the worst value", found="、".join(map(str, bad)),
                        fix="a benefit target must exceed the minimum, a cost target be below the maximum")
    z = np.where(signs > 0, x - lo, hi - x) / den
    if cap:
        z = np.minimum(z, 1.0)
    out = pd.DataFrame(z * high, index=frame.index, columns=frame.columns)
    out.attrs["convention"] = f"distance to target from the worst value, {'capped at 1, ' if cap else ''}× {high:g}"
    return out


def vector_norm(data: Any) -> pd.DataFrame:
    """TOPSIS vector normalisation ``x / sqrt(Σ x²)`` per indicator (direction kept for the ideal)."""
    frame = as_frame(data)
    x = frame.to_numpy()
    norm = np.sqrt(np.nansum(x ** 2, axis=0))
    out = pd.DataFrame(x / np.where(norm > 0, norm, 1.0), index=frame.index, columns=frame.columns)
    out.attrs["convention"] = "vector normalisation x / sqrt(sum x^2)"
    return out


def normalise(data: Any, method: str = "minmax", directions: Any = None, **options: Any) -> pd.DataFrame:
    """Dispatch to one normalisation by name: ``minmax``, ``zscore``, ``rank``, ``target``, ``vector``."""
    if method == "minmax":
        return min_max(data, directions, **options)
    if method == "zscore":
        return z_score(data, directions, **options)
    if method == "rank":
        return rank_score(data, directions, **options)
    if method == "target":
        return distance_to_target(data, directions=directions, **options)
    if method == "vector":
        return vector_norm(data)
    raise UserError("未知的标准化方法 unknown normalisation method", expected=", ".join(METHODS), found=repr(method))
