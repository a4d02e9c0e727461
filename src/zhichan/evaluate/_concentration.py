"""Specialisation and concentration: location quotient, revealed technological advantage,
Herfindahl, Gini, Theil (with group decomposition) and the Ellison–Glaeser index."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.evaluate._base import as_frame


@dataclass(frozen=True)
class Measure:
    """A scalar statistic with the convention it was computed under (``float(m)`` gives the value)."""

    name: str
    value: float
    convention: str
    details: dict = field(default_factory=dict)

    def __float__(self) -> float:
        return float(self.value)


def _values(x: Any, what: str) -> np.ndarray:
    v = np.asarray(x, dtype=float).ravel()
    if v.size == 0 or np.any(~np.isfinite(v)):
        raise UserError(f"{what} 必须是有限数值 must be finite numbers", found=f"{v.size} values")
    if np.any(v < 0):
        raise UserError(f"{what} 不能为负 must not be negative", found=f"min {v.min():.4g}")
    return v


def location_quotient(counts: Any) -> pd.DataFrame:
    """``LQ_rj = (e_rj / e_r) / (E_j / E)`` for a regions × sectors table of counts or amounts."""
    frame = as_frame(counts, "counts")
    e = frame.to_numpy()
    if np.any(e < 0):
        raise UserError("区位商需要非负数据 location quotients need non-negative counts")
    row = e.sum(axis=1, keepdims=True)
    col = e.sum(axis=0, keepdims=True)
    total = e.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        lq = (e / row) / (col / total)
    out = pd.DataFrame(lq, index=frame.index, columns=frame.columns)
    out.attrs["convention"] = "LQ = (e_rj/e_r)/(E_j/E); totals over the rows and columns given"
    return out


def revealed_technological_advantage(counts: Any) -> pd.DataFrame:
    """RTA: the location-quotient construction on a regions × technology-fields table of patents
    (Soete 1987): ``RTA_rf = (P_rf / P_r) / (P_f / P)``."""
    out = location_quotient(counts)
    out.attrs["convention"] = "RTA = (P_rf/P_r)/(P_f/P) on patent counts; totals over the table given"
    return out


def herfindahl(values: Any) -> Measure:
    """Herfindahl–Hirschman index ``H = Σ s_i²`` of shares, and the normalised
    ``H* = (H − 1/n)/(1 − 1/n)`` (in ``details``)."""
    v = _values(values, "values")
    s = v / v.sum()
    h = float((s ** 2).sum())
    n = v.size
    h_star = (h - 1.0 / n) / (1.0 - 1.0 / n) if n > 1 else 1.0
    return Measure("herfindahl", h, "H = Σ s_i^2 on shares of the values given; normalised (H-1/n)/(1-1/n)",
                   {"normalised": h_star, "n": n})


def gini(values: Any, weights: Any = None, *, unbiased: bool = False) -> Measure:
    """Gini coefficient.

    Individual data (no ``weights``): ``G = Σ_i Σ_j |x_i − x_j| / (2 n² μ)``; ``unbiased`` multiplies by
    ``n/(n − 1)``. Grouped data (``weights`` = group sizes, ``values`` = group means): the Lorenz
    trapezoid ``G = 1 − Σ_k (P_k − P_{k−1})(L_k + L_{k−1})`` over groups sorted by mean, which equals
    the individual Gini when everyone in a group has the group mean.
    """
    v = _values(values, "values")
    if v.sum() <= 0:
        raise UserError("数值全为 0 all values are zero", fix="the Gini coefficient is undefined")
    if weights is None:
        xs = np.sort(v)
        n = xs.size
        g = 2.0 * np.sum(np.arange(1, n + 1) * xs) / (n * xs.sum()) - (n + 1.0) / n
        if unbiased and n > 1:
            g *= n / (n - 1.0)
        return Measure("gini", float(g), "individual; mean absolute difference / (2 n^2 mean)"
                       + ("; × n/(n-1)" if unbiased else ""), {"n": n})
    w = _values(weights, "weights")
    if w.size != v.size:
        raise UserError("权重与数值个数不符 weights and values differ in length", found=f"{w.size} vs {v.size}")
    order = np.argsort(v, kind="stable")
    p = np.concatenate([[0.0], np.cumsum(w[order]) / w.sum()])
    amount = w[order] * v[order]
    lor = np.concatenate([[0.0], np.cumsum(amount) / amount.sum()])
    g = 1.0 - np.sum(np.diff(p) * (lor[1:] + lor[:-1]))
    return Measure("gini", float(g), "grouped; Lorenz trapezoid over groups sorted by mean", {"groups": v.size})


def theil(values: Any, groups: Any = None, weights: Any = None, *, kind: str = "T") -> Measure:
    """Theil index and its between/within-group decomposition.

    ``kind="T"`` (GE(1)): ``T = Σ_i s_i ln(s_i / p_i)`` with value shares ``s`` and population shares
    ``p`` (``p_i = 1/n`` without ``weights``); ``T = Σ_g S_g ln(S_g/P_g) + Σ_g S_g T_g``.
    ``kind="L"`` (GE(0), mean log deviation): ``L = Σ_i p_i ln(p_i / s_i)``;
    ``L = Σ_g P_g ln(P_g/S_g) + Σ_g P_g L_g``. ``values`` are per-person amounts (or group means when
    ``weights`` are the population sizes).
    """
    v = _values(values, "values")
    w = np.ones_like(v) if weights is None else _values(weights, "weights")
    if w.size != v.size:
        raise UserError("权重与数值个数不符 weights and values differ in length", found=f"{w.size} vs {v.size}")
    if kind not in ("T", "L"):
        raise UserError("未知的泰尔指数类型 unknown Theil kind", expected="T or L", found=repr(kind))
    if kind == "L" and np.any(v <= 0):
        raise UserError("泰尔 L 需要正值 Theil L needs positive values")

    def index(vv: np.ndarray, ww: np.ndarray) -> float:
        amount = vv * ww
        s, p = amount / amount.sum(), ww / ww.sum()
        if kind == "T":
            return float(np.sum(np.where(s > 0, s * np.log(np.where(s > 0, s, 1.0) / p), 0.0)))
        return float(np.sum(p * np.log(p / s)))

    total = index(v, w)
    details: dict[str, Any] = {}
    if groups is not None:
        g = np.asarray(groups).ravel()
        if g.size != v.size:
            raise UserError("分组与数值个数不符 groups and values differ in length", found=f"{g.size} vs {v.size}")
        frame = pd.DataFrame({"g": g, "amount": v * w, "pop": w, "v": v, "w": w})
        rows = []
        for key, part in frame.groupby("g", sort=True):
            rows.append({"group": key, "value_share": part["amount"].sum() / frame["amount"].sum(),
                         "population_share": part["pop"].sum() / frame["pop"].sum(),
                         "theil": index(part["v"].to_numpy(), part["w"].to_numpy())})
        by = pd.DataFrame(rows).set_index("group")
        S, P = by["value_share"].to_numpy(), by["population_share"].to_numpy()
        if kind == "T":
            between = float(np.sum(np.where(S > 0, S * np.log(np.where(S > 0, S, 1.0) / P), 0.0)))
            by["contribution"] = S * by["theil"].to_numpy()
        else:
            between = float(np.sum(P * np.log(P / S)))
            by["contribution"] = P * by["theil"].to_numpy()
        within = float(by["contribution"].sum())
        details = {"between": between, "within": within, "by_group": by}
    return Measure(f"theil_{kind}", total, f"Theil {kind} (GE({1 if kind == 'T' else 0})), natural log"
                   + ("; population-weighted" if weights is not None else ""), details)


def ellison_glaeser(plants: Any, *, region: str = "region", industry: str = "industry",
                    size: str = "employment", region_totals: Any = None) -> pd.DataFrame:
    """Ellison–Glaeser (1997, J. Political Economy 105(5): 889–927) agglomeration index γ per industry.

    ``G = Σ_r (s_r − x_r)²`` (industry's regional shares ``s`` vs. the regions' shares ``x`` of all
    employment), ``H = Σ_k z_k²`` (plant Herfindahl) and
    ``γ = (G − (1 − Σ x_r²) H) / ((1 − Σ x_r²)(1 − H))``. ``plants`` has one row per plant;
    ``x`` comes from ``region_totals`` (a Series by region) or, if absent, from all the plants given.
    """
    df = plants if isinstance(plants, pd.DataFrame) else pd.DataFrame(plants)
    missing = [c for c in (region, industry, size) if c not in df.columns]
    if missing:
        raise UserError("企业表缺少列 plant table lacks columns", expected=f"{region}, {industry}, {size}",
                        found="、".join(missing))
    if (df[size] < 0).any():
        raise UserError("企业规模不能为负 plant sizes must not be negative")
    x = (pd.Series(region_totals, dtype=float) if region_totals is not None
         else df.groupby(region)[size].sum())
    x = x / x.sum()
    sum_x2 = float((x ** 2).sum())
    rows = []
    for key, part in df.groupby(industry, sort=True):
        tot = part[size].sum()
        s = part.groupby(region)[size].sum().reindex(x.index, fill_value=0.0) / tot
        g_raw = float(((s - x) ** 2).sum())
        h = float(((part[size] / tot) ** 2).sum())
        gamma = (g_raw - (1 - sum_x2) * h) / ((1 - sum_x2) * (1 - h)) if h < 1 else np.nan
        rows.append({"industry": key, "gamma": gamma, "G": g_raw, "H": h, "plants": len(part)})
    out = pd.DataFrame(rows).set_index("industry")
    out.attrs["convention"] = "Ellison-Glaeser 1997 gamma; G = Σ(s-x)^2, H plant Herfindahl"
    return out
