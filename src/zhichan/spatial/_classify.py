"""Class breaks (mapclassify) and colour schemes for choropleths.

Schemes: ``quantiles``, ``natural_breaks`` (Fisher-Jenks, optimal and deterministic),
``equal_interval`` and ``manual`` (user breaks, upper bounds). Colour schemes are sequential
ColorBrewer and viridis-family maps that print in grey and read for colour-blind readers.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from zhichan.errors import UserError

__all__ = ["CMAPS", "SCHEMES", "Classes", "class_colours", "classify", "format_number"]

SCHEMES = {
    "quantiles": "分位数",
    "natural_breaks": "自然断点（Fisher-Jenks）",
    "equal_interval": "等间距",
    "manual": "自定义分级",
}
JENKS_EXACT_MAX = 1000
# colour-blind-safe sequential schemes (ColorBrewer marks these safe; viridis family by design)
CMAPS = ("YlOrRd", "OrRd", "Reds", "YlGnBu", "Blues", "GnBu", "PuBu", "Greens", "YlGn", "Purples",
         "viridis", "cividis", "magma", "plasma")


@dataclass(frozen=True)
class Classes:
    """Upper bounds ``bins`` of the classes, class index ``yb`` per value (-1 = no data), labels."""

    scheme: str
    bins: tuple[float, ...]
    yb: np.ndarray
    lower: float
    labels: tuple[str, ...]

    @property
    def k(self) -> int:
        return len(self.bins)

    @property
    def counts(self) -> list[int]:
        return [int((self.yb == i).sum()) for i in range(self.k)]


def format_number(x: float, digits: int | None = None) -> str:
    """Compact legend numbers: thousands separators, decimals only where the range needs them."""
    if digits is None:
        ax = abs(x)
        digits = 0 if ax >= 100 or float(x).is_integer() else (1 if ax >= 10 else (2 if ax >= 0.1 else 3))
    return f"{x:,.{digits}f}"


def _digits(edges: list[float]) -> int:
    spans = [b - a for a, b in pairwise(edges) if b > a]
    step = min(spans) if spans else 1.0
    whole = all(float(e).is_integer() for e in edges)
    if whole:
        return 0
    return int(min(4, max(0, -np.floor(np.log10(step)) + 1))) if step > 0 else 2


def classify(y: np.ndarray, scheme: str = "quantiles", k: int = 5, breaks: list[float] | None = None) -> Classes:
    """Classify ``y`` (NaN = no data) with a mapclassify scheme."""
    import mapclassify

    if scheme not in SCHEMES:
        raise UserError("未知的分级方法 unknown classification scheme", expected=" | ".join(SCHEMES),
                        found=repr(scheme), fix="--scheme quantiles")
    y = np.asarray(y, dtype=float)
    ok = np.isfinite(y)
    vals = y[ok]
    yb = np.full(len(y), -1, dtype=int)
    if vals.size == 0:
        return Classes(scheme, (), yb, np.nan, ())
    if scheme == "manual":
        if not breaks:
            raise UserError("自定义分级需要给出断点 manual classes need breaks", expected="升序断点 ascending upper bounds",
                            found="无 none", fix="--scheme manual --breaks 10,20,40")
        b = sorted(float(x) for x in breaks)
        cls = mapclassify.UserDefined(vals, b, lowest=min(vals.min(), b[0]))
    else:
        if not 2 <= k <= 9:
            raise UserError("分级数超出范围 number of classes out of range", expected="2–9", found=str(k), fix="--k 5")
        kk = min(k, len(np.unique(vals)))
        if kk < 2:
            cls = mapclassify.UserDefined(vals, [float(vals.max())])
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if scheme == "natural_breaks" and len(vals) > JENKS_EXACT_MAX:
                    # Fisher-Jenks is O(k n²) without numba: above 1,000 values, break an evenly
                    # spaced quantile sample (deterministic, unlike FisherJenksSampled)
                    sample = np.quantile(vals, np.linspace(0, 1, JENKS_EXACT_MAX))
                    cuts = [float(b) for b in mapclassify.FisherJenks(sample, k=kk).bins]
                    cuts[-1] = float(vals.max())
                    cls = mapclassify.UserDefined(vals, cuts)
                else:
                    cls = {"quantiles": mapclassify.Quantiles, "natural_breaks": mapclassify.FisherJenks,
                           "equal_interval": mapclassify.EqualInterval}[scheme](vals, k=kk)
    bins = tuple(float(b) for b in cls.bins)
    yb[ok] = np.asarray(cls.yb, dtype=int)
    lower = float(min(vals.min(), bins[0]))
    edges = [lower, *bins]
    d = _digits(edges)
    labels = tuple(f"{format_number(a, d)} – {format_number(b, d)}" for a, b in pairwise(edges))
    return Classes(scheme, bins, yb, lower, labels)


def class_colours(cmap: str, k: int) -> list[tuple[float, float, float, float]]:
    """``k`` colours from a sequential map, skipping its near-white end."""
    from matplotlib import colormaps

    if cmap not in colormaps:
        raise UserError("未知的配色方案 unknown colour scheme", expected="、".join(CMAPS), found=repr(cmap),
                        fix="--cmap YlOrRd")
    cm = colormaps[cmap]
    if k <= 1:
        return [cm(0.6)]
    lo, hi = (0.0, 0.92) if cmap in ("viridis", "cividis", "magma", "plasma") else (0.15, 0.95)
    return [cm(lo + (hi - lo) * i / (k - 1)) for i in range(k)]
