"""Trend fits and growth arithmetic for plan monitoring.

Method (documented in ``PlanProgress``): an ordinary least-squares line through the recent yearly
values — of ``ln(value)`` (log-linear: constant growth; the default when every value is positive) or
of the value itself (linear: constant increments). The forecast for a year is the fitted value
(for log-linear, ``exp`` of it: the median); its prediction interval is the classical one,
``ŷ ± t(df=n−2) · s · √(1 + 1/n + (x₀ − x̄)²/Sxx)``, taken back through ``exp`` for log-linear.
For cumulative targets the future yearly flows are summed; the interval of the sum is the quantile
range of posterior-predictive draws (flat prior: σ² = s²·df/χ²(df), β ~ N(β̂, σ²(XᵀX)⁻¹), plus
noise; fixed seed), which for one year reproduces the classical interval. An interval needs at
least ``MIN_INTERVAL_POINTS`` values: with three, t(df=1) makes it too wide to say anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

DRAWS = 20_000
MIN_INTERVAL_POINTS = 4
SEED = 20_210_101


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """Student's t distribution function."""
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """Student's t quantile (bisection on ``t_cdf``; no SciPy needed)."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must be in (0, 1), got {p}")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        lo, hi = hi, hi * 2.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if t_cdf(mid, df) < p else (lo, mid)
        if hi - lo < 1e-12 * max(1.0, hi):
            break
    return 0.5 * (lo + hi)


def cagr(first: float, last: float, years: int) -> float | None:
    """Compound annual growth from ``first`` to ``last`` over ``years`` years (None if undefined)."""
    if years <= 0 or first is None or last is None or first <= 0 or last <= 0:
        return None
    return (last / first) ** (1.0 / years) - 1.0


def required_growth(current: float, target: float, years: int) -> float | None:
    """Annual growth that takes ``current`` to ``target`` in ``years`` years."""
    return cagr(current, target, years)


def required_flow_growth(last_flow: float, remaining: float, years: int) -> float | None:
    """Constant growth ``g`` of a yearly flow such that the next ``years`` flows,
    ``last_flow·(1+g)^i`` for i = 1…years, sum to ``remaining``."""
    if years <= 0 or last_flow is None or last_flow <= 0 or remaining <= 0:
        return None

    def total(g: float) -> float:
        return sum(last_flow * (1.0 + g) ** i for i in range(1, years + 1))

    lo, hi = -0.999999, 1.0
    while total(hi) < remaining:
        hi *= 2.0
        if hi > 1e6:
            return None
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if total(mid) < remaining else (lo, mid)
    return 0.5 * (lo + hi)


@dataclass(frozen=True)
class TrendFit:
    """A least-squares trend through yearly values (``method``: log_linear or linear)."""

    method: str
    years: tuple[int, ...]
    intercept: float
    slope: float
    s: float           # residual standard error (nan when n < 3)
    n: int
    x_mean: float
    sxx: float

    @property
    def df(self) -> int:
        return self.n - 2

    def _back(self, y):
        if self.method != "log_linear":
            return y
        with np.errstate(over="ignore"):
            return np.exp(y)

    def predict(self, year: int) -> float:
        """Point forecast (log-linear: the median)."""
        return float(self._back(self.intercept + self.slope * (year - self.x_mean)))

    def interval(self, year: int, level: float) -> tuple[float, float] | None:
        """Prediction interval for one future year's value (None with too few points)."""
        if self.n < MIN_INTERVAL_POINTS or not math.isfinite(self.s):
            return None
        se = self.s * math.sqrt(1.0 + 1.0 / self.n + (year - self.x_mean) ** 2 / self.sxx)
        q = t_quantile(0.5 + level / 2.0, self.df)
        y = self.intercept + self.slope * (year - self.x_mean)
        return float(self._back(y - q * se)), float(self._back(y + q * se))

    def predict_sum(self, years: list[int], level: float) -> tuple[float, tuple[float, float] | None]:
        """Forecast of the sum of the values of ``years``, with its interval (by simulation)."""
        point = sum(self.predict(y) for y in years)
        if self.n < MIN_INTERVAL_POINTS or not math.isfinite(self.s) or not years:
            return point, None
        rng = np.random.default_rng(SEED)
        sigma = self.s * np.sqrt(self.df / rng.chisquare(self.df, DRAWS))
        x = np.asarray(years, dtype=float) - self.x_mean
        # β̂ is uncorrelated in the centred parametrisation: Var(a) = σ²/n, Var(b) = σ²/Sxx.
        a = self.intercept + sigma * rng.standard_normal(DRAWS) / math.sqrt(self.n)
        b = self.slope + sigma * rng.standard_normal(DRAWS) / math.sqrt(self.sxx)
        y = a[:, None] + b[:, None] * x[None, :] + sigma[:, None] * rng.standard_normal((DRAWS, len(years)))
        sums = self._back(y).sum(axis=1)
        lo, hi = np.quantile(sums, [0.5 - level / 2.0, 0.5 + level / 2.0])
        return point, (float(lo), float(hi))


def fit_trend(years, values, method: str = "auto") -> TrendFit | None:
    """Fit a trend to yearly values; None with fewer than two points. ``method``: auto
    (log-linear when every value is positive, else linear), log_linear or linear."""
    x = np.asarray(years, dtype=float)
    v = np.asarray(values, dtype=float)
    if len(x) < 2:
        return None
    if method == "auto":
        method = "log_linear" if (v > 0).all() else "linear"
    if method == "log_linear":
        if not (v > 0).all():
            return None
        y = np.log(v)
    elif method == "linear":
        y = v
    else:
        raise ValueError(f"method must be auto, log_linear or linear, got {method!r}")
    x_mean = float(x.mean())
    xc = x - x_mean
    sxx = float((xc ** 2).sum())
    slope = float((xc * (y - y.mean())).sum() / sxx)
    intercept = float(y.mean())
    n = len(x)
    resid = y - (intercept + slope * xc)
    s = math.sqrt(float((resid ** 2).sum()) / (n - 2)) if n > 2 else math.nan
    return TrendFit(method, tuple(int(i) for i in x), intercept, slope, s, n, x_mean, sxx)
