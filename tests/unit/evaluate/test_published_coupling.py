"""Coupling coordination and obstacle degree pinned to published outputs.

- R package coupling (Wenbo Lyu, https://github.com/stscl/coupling), vignette "Coupling
  Coordination Degree Model and Metacoupling Analysis" (articles/ccd.md): ``ccd(dt)`` and
  ``ccd(dt, method = "wang")`` printed for the first six units of the ``gzma`` data.
- R package mathmodels (https://github.com/zhjx19/mathmodels), reference page
  "System Evaluation Functions" (docs/reference/system_evaluation.md): ``coupling_degree()`` and
  ``obstacle_degree()`` example output.
- 王淑佳等 (2021) 自然资源学报 36(3): 793–810, 表8 (``tests/data/evaluate/``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from zhichan.evaluate import coupling_coordination, obstacle_degree

DATA = Path(__file__).resolve().parents[2] / "data" / "evaluate"

# coupling vignette: min-max normalised PS, EL, OH, IL scores of units 1–6, then C and D.
GZMA = [[0.8179733, 0.3246648, 0.6590316, 0.1308531], [0.3020233, 0.1318888, 0.4046987, 0.5173794],
        [0.9209903, 0.3353516, 0.6921477, 0.3141320], [0.9604095, 0.3914758, 0.7099999, 0.4316421],
        [0.9061589, 0.3473603, 0.7297774, 0.6909494], [0.9456379, 0.4391423, 0.7304117, 0.4792905]]
GZMA_STANDARD = [[0.8051958, 0.6237105], [0.8914577, 0.5497290], [0.8999423, 0.7134825],
                 [0.9346128, 0.7632959], [0.9440912, 0.7944703], [0.9519923, 0.7858001]]
GZMA_WANG = [[0.4722274, 0.4776480], [0.6211236, 0.4588675], [0.5375842, 0.5514412],
             [0.5861986, 0.6045044], [0.6640321, 0.6662930], [0.6319211, 0.6402164]]

# mathmodels example data and printed output (3 significant digits).
MM = pd.DataFrame({"s1": [0.0162, 0.1782, 0.5490, 0.6730, 0.0207, 0.9875],
                   "s2": [0.2720, 0.6824, 0.0593, 0.4812, 0.8891, 0.5573],
                   "s3": [0.2655, 0.3721, 0.5729, 0.9082, 0.2017, 0.8984]}, index=list("ABCDEF"))
MM_STANDARD = [[0.571, 0.185, 0.325], [0.867, 0.411, 0.597], [0.674, 0.394, 0.515],
               [0.967, 0.687, 0.815], [0.418, 0.370, 0.393], [0.971, 0.814, 0.889]]
MM_ADJUSTED_433 = [[0.447, 0.168, 0.274], [0.501, 0.388, 0.440], [0.455, 0.409, 0.432],
                   [0.669, 0.686, 0.678], [0.175, 0.336, 0.242], [0.715, 0.832, 0.771]]
MM_OBSTACLE_EQUAL = [[0.328, 0.243, 0.245], [0.274, 0.106, 0.209], [0.150, 0.314, 0.142],
                     [0.109, 0.173, 0.0306], [0.326, 0.0370, 0.266], [0.00417, 0.148, 0.0339]]
MM_OBSTACLE_433 = [[0.394, 0.218, 0.220], [0.329, 0.0953, 0.188], [0.180, 0.282, 0.128],
                   [0.131, 0.156, 0.0275], [0.392, 0.0333, 0.239], [0.00500, 0.133, 0.0305]]


def signif(x, digits: int = 3) -> np.ndarray:
    """Round to significant digits, as R's tibble prints."""
    x = np.asarray(x, dtype=float)
    return np.vectorize(lambda v: float(f"{v:.{digits}g}"))(x)


def test_coupling_package_vignette_standard_and_wang():
    """coupling vignette, 4 subsystems, equal weights: C and D to the printed 7 decimals."""
    std = coupling_coordination(GZMA)
    np.testing.assert_allclose(np.c_[std.coupling_, std.degree_], GZMA_STANDARD, atol=1e-6)
    wang = coupling_coordination(GZMA, model="wang2021")
    np.testing.assert_allclose(np.c_[wang.coupling_, wang.degree_], GZMA_WANG, atol=1e-6)


@pytest.mark.parametrize(("model", "alpha", "printed"), [
    ("standard", None, MM_STANDARD), ("wang2021", [0.4, 0.3, 0.3], MM_ADJUSTED_433)])
def test_mathmodels_coupling_degree(model, alpha, printed):
    """mathmodels ``coupling_degree()`` example (type "adjusted" = 王淑佳等 2021): C, T, D."""
    cc = coupling_coordination(MM, model=model, alpha=alpha)
    got = np.c_[cc.coupling_, cc.coordination_, cc.degree_]
    np.testing.assert_array_equal(signif(got), printed)


def test_wang2021_table8_pairs_are_attainable():
    """王淑佳等 (2021) 表8 prints, for 13 cities × 7 years, C of the original and of the modified
    model for the same two subsystem scores (U values not printed). The original C fixes
    r = U_min/U_max; the modified model then moves from sqrt(r) (U_max → 0) down to r
    (U_max = 1). Every printed modified C must lie in that range (±rounding)."""
    t8 = pd.read_csv(DATA / "wang2021_table8_coupling.csv", comment="#")
    orig = t8[t8.model == "original"].iloc[:, 2:].to_numpy(dtype=float).ravel()
    mod = t8[t8.model == "modified"].iloc[:, 2:].to_numpy(dtype=float).ravel()
    keep = orig < 0.99995  # C = 1.0000 (石家庄 2012) leaves r undetermined
    orig, mod = orig[keep], mod[keep]
    assert len(orig) == 90
    r = ((1 - np.sqrt(1 - orig ** 2)) / orig) ** 2  # inverse of C = 2 sqrt(r) / (1 + r)
    np.testing.assert_allclose(coupling_coordination(np.c_[r, np.ones_like(r)]).coupling_, orig)
    tiny = 1e-9
    upper = coupling_coordination(np.c_[r * tiny, np.full_like(r, tiny)], model="wang2021").coupling_
    lower = coupling_coordination(np.c_[r, np.ones_like(r)], model="wang2021").coupling_
    assert (mod <= upper.to_numpy() + 5e-5).all() and (mod >= lower.to_numpy() - 5e-5).all()


@pytest.mark.parametrize(("weights", "printed"), [(None, MM_OBSTACLE_EQUAL),
                                                  ([0.4, 0.3, 0.3], MM_OBSTACLE_433)])
def test_mathmodels_obstacle_degree(weights, printed):
    """mathmodels ``obstacle_degree()`` example: O = (1 − x) w (not as shares)."""
    od = obstacle_degree(MM, weights, shares=False)
    np.testing.assert_array_equal(signif(od.obstacles_), printed)
    shares = obstacle_degree(MM, weights).obstacles_
    np.testing.assert_allclose(shares, od.obstacles_.div(od.obstacles_.sum(axis=1), axis=0))
