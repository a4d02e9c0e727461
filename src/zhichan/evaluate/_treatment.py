"""Data treatment before normalisation (JRC/OECD handbook §3–5): denomination, fixed transforms of
chosen indicators, imputation and outliers (winsorisation, or a log transform for skewed
indicators)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import kurtosis, skew

from zhichan.errors import UserError

IMPUTATIONS = ("none", "mean", "median")
OUTLIER_TREATMENTS = ("winsorise", "log", "none")
TRANSFORMS = {"log10": np.log10, "ln": np.log}


def denominate(data: pd.DataFrame, denominators: dict[str, Any], scale: Any = 1.0) -> pd.DataFrame:
    """Divide indicators by a denominator: ``{indicator: column of data or Series}``, times ``scale``
    (a number or ``{indicator: number}``, e.g. 10000 for "per 10,000 people")."""
    out = data.copy()
    for ind, den in denominators.items():
        if ind not in out.columns:
            raise UserError("分母对应的指标不存在 denominator given for an unknown indicator", found=str(ind))
        d = out[den] if isinstance(den, str) and den in data.columns else pd.Series(den, index=data.index) \
            if not isinstance(den, str) else None
        if d is None:
            raise UserError("找不到分母列 denominator column not found", found=str(den),
                            expected="a column of the data or a Series by unit")
        d = d.reindex(data.index).astype(float)
        k = scale.get(ind, 1.0) if isinstance(scale, dict) else float(scale)
        out[ind] = out[ind] / d.where(d != 0) * k
    return out


def transform_function(name: str):
    """The function of a named transform (``log10`` or ``ln``)."""
    if name not in TRANSFORMS:
        raise UserError("未知的变换 unknown transform", expected=", ".join(TRANSFORMS), found=repr(name))
    return TRANSFORMS[name]


def transform(data: pd.DataFrame, transforms: dict[str, str]) -> pd.DataFrame:
    """Apply a fixed transform to chosen indicators, e.g. ``{"electricity": "log10"}``.

    The scale transformation of the handbook §5.1, decided by the framework rather than by the
    data (the UNDP TAI takes logs of telephones and electricity). Values must be positive.
    """
    out = data.copy()
    for ind, name in transforms.items():
        if ind not in out.columns:
            raise UserError("变换对应的指标不存在 transform given for an unknown indicator", found=str(ind))
        fn = transform_function(name)
        x = out[ind].astype(float)
        if (x <= 0).any():
            raise UserError("对数变换要求正值 a log transform needs positive values", where=str(ind),
                            found=f"min {x.min():.4g}", fix="shift the indicator or drop the transform")
        out[ind] = fn(x)
    return out


def impute(data: pd.DataFrame, method: str = "none") -> pd.DataFrame:
    """Fill missing values with the indicator's mean or median (``none`` leaves them; aggregation
    then uses the indicators present)."""
    if method not in IMPUTATIONS:
        raise UserError("未知的插补方法 unknown imputation", expected=", ".join(IMPUTATIONS), found=repr(method))
    if method == "none":
        return data.copy()
    fill = data.mean() if method == "mean" else data.median()
    return data.fillna(fill)


def _shape(x: np.ndarray) -> tuple[float, float]:
    """Sample skewness and excess kurtosis, bias-corrected (as Excel SKEW/KURT and COINr)."""
    x = x[~np.isnan(x)]
    if x.size < 4 or np.ptp(x) == 0:
        return 0.0, 0.0
    return float(skew(x, bias=False)), float(kurtosis(x, fisher=True, bias=False))


def _skewed(s: float, k: float, skew_threshold: float, kurt_threshold: float) -> bool:
    return abs(s) > skew_threshold and k > kurt_threshold


def _log_transform(x: np.ndarray, positive_skew: bool) -> np.ndarray:
    lo, hi = np.nanmin(x), np.nanmax(x)
    a = 0.01 * (hi - lo) if hi > lo else 1.0
    return np.log(x - lo + a) if positive_skew else -np.log(hi - x + a)


def treat_outliers(data: pd.DataFrame, method: str = "winsorise", *, skew_threshold: float = 2.0,
                   kurt_threshold: float = 3.5, max_winsorised: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Treat indicators with ``|skewness| > 2`` and ``kurtosis > 3.5`` (the handbook/COINr rule).

    ``winsorise``: replace the most extreme value (on the side of the skew) by the next one, one
    point at a time, until the rule no longer fires, at most ``max_winsorised`` points; if that
    does not suffice, undo and log-transform instead. ``log``: log-transform at once. The log is
    ``log(x − min + a)`` with ``a = (max − min)/100`` (mirrored for negative skew). Returns the
    treated data and a report per indicator.
    """
    if method not in OUTLIER_TREATMENTS:
        raise UserError("未知的异常值处理 unknown outlier treatment", expected=", ".join(OUTLIER_TREATMENTS),
                        found=repr(method))
    out = data.copy()
    rows = []
    for col in data.columns:
        x = data[col].to_numpy(dtype=float)
        s0, k0 = _shape(x)
        action, n_wins = "none", 0
        if method != "none" and _skewed(s0, k0, skew_threshold, kurt_threshold):
            y = x.copy()
            if method == "winsorise":
                while _skewed(*_shape(y), skew_threshold, kurt_threshold) and n_wins < max_winsorised:
                    finite = np.where(~np.isnan(y))[0]
                    vals = y[finite]
                    order = np.argsort(vals)
                    if s0 > 0:
                        y[finite[order[-1]]] = vals[order[-2]]
                    else:
                        y[finite[order[0]]] = vals[order[1]]
                    n_wins += 1
                action = "winsorise"
            if method == "log" or _skewed(*_shape(y), skew_threshold, kurt_threshold):
                y, n_wins, action = _log_transform(x, s0 > 0), 0, "log"
            out[col] = y
        s1, k1 = _shape(out[col].to_numpy(dtype=float))
        rows.append({"indicator": col, "skew": s0, "kurtosis": k0, "action": action, "winsorised": n_wins,
                     "skew_after": s1, "kurtosis_after": k1})
    report = pd.DataFrame(rows).set_index("indicator")
    report.attrs["convention"] = (f"rule |skew| > {skew_threshold:g} and excess kurtosis > {kurt_threshold:g} "
                                  f"(bias-corrected); {method}, at most {max_winsorised} points")
    return out, report
