"""The composite index engine pinned to the published Technology Achievement Index (TAI).

Data: OECD/JRC Handbook on Constructing Composite Indicators (2008), Table A.2, 23 countries;
goalposts: Saisana, Saltelli & Tarantola (2005), JRSS A 168(2), Table 1. Provenance in
``tests/data/evaluate/README.md``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from zhichan.errors import UserError
from zhichan.evaluate import CompositeIndex, load_framework, min_max, z_score

DATA = Path(__file__).resolve().parents[2] / "data" / "evaluate"
TAI = pd.read_csv(DATA / "tai_handbook_2008.csv", comment="#", index_col="country")
GOALPOSTS = pd.read_csv(DATA / "tai_goalposts_saisana2005.csv", comment="#", index_col="indicator")
LOGGED = ("telephones_log", "electricity_log")  # Table A.2 prints these two as log10 values

DIMENSIONS = {"creation": ["patents", "royalties"], "recent": ["internet", "exports"],
              "old": list(LOGGED), "skills": ["schooling", "university"]}

# Handbook Table 23, column EW (equal weighting): the countries in rank order 1 … 23.
TABLE23_EW_ORDER = ["Finland", "United States", "Sweden", "Japan", "Korea, Rep. of", "Netherlands",
                    "United Kingdom", "Singapore", "Canada", "Australia", "Germany", "Norway", "Ireland",
                    "Belgium", "New Zealand", "Austria", "France", "Israel", "Spain", "Italy",
                    "Czech Republic", "Hungary", "Slovenia"]


def tai_framework():
    rows = [{"code": "tai"}]
    for dim, leaves in DIMENSIONS.items():
        rows.append({"code": dim, "parent": "tai"})
        rows += [{"code": leaf, "parent": dim, "direction": "benefit"} for leaf in leaves]
    return load_framework(pd.DataFrame(rows))


def tai_goalposts(logged: bool = True) -> dict:
    """Saisana et al. Table 1; the two log indicators' goalposts in log10 like the data."""
    g = {k: (float(r["min"]), float(r["max"])) for k, r in GOALPOSTS.iterrows()}
    if logged:
        g.update({k: (np.log10(g[k][0]), np.log10(g[k][1])) for k in LOGGED})
    return g


def tai(cap: bool = True, **kw) -> CompositeIndex:
    opts = {"low": 0, "high": 100, "goalposts": tai_goalposts(), "cap": cap}
    return CompositeIndex(tai_framework(), outliers="none", normalise_options=opts, **kw).fit(TAI)


def test_tai_ranks_handbook_table23_equal_weights():
    """Handbook Table 23, EW column: all 23 ranks (UNDP goalposts, capped, equal weights)."""
    ci = tai()
    assert ci.to_frame().index.tolist() == TABLE23_EW_ORDER
    assert ci.ranks_.loc["Singapore", "tai"] == 8


def test_tai_scores_saisana_2005():
    """Saisana et al. (2005) §4.1: original TAI of Finland 74.4 and of the United States 73.3.
    Tolerance: the published one-decimal rounding (±0.05) plus the inputs' printed rounding
    (schooling ±0.05 years alone moves a score by ±0.06)."""
    score = tai().scores_["tai"]
    assert score["Finland"] == pytest.approx(74.4, abs=0.15)
    assert score["United States"] == pytest.approx(73.3, abs=0.15)
    uncapped = tai(cap=False).scores_["tai"]
    assert uncapped["Finland"] > 76  # the published values need the cap at the goalposts


def test_tai_dimension_is_mean_of_its_indicators():
    ci = tai()
    np.testing.assert_allclose(ci.scores_["old"], ci.scores_[list(LOGGED)].mean(axis=1))
    assert (ci.normalised_.max() <= 100).all() and "capped" in ci.convention_["normalise"]


# Handbook Table 15: mean years of schooling normalised, in the order of Table A.2.
TABLE15_ZSCORE = [0.26, 1.52, 1.14, -0.06, 0.76, -0.12, -0.12, 1.27, 0.83, -1.58, 0.38, 1.46, -0.12,
                  -0.19, 1.33, -0.76, -1.08, 0.00, -1.46, -1.52, -0.06, -0.31, -1.58]
TABLE15_MINMAX = [0.59, 1.00, 0.88, 0.49, 0.76, 0.47, 0.47, 0.92, 0.78, 0.00, 0.63, 0.98, 0.47, 0.45,
                  0.94, 0.27, 0.16, 0.51, 0.04, 0.02, 0.49, 0.41, 0.00]


def test_normalisation_handbook_table15_schooling():
    """Handbook Table 15 (z-score with the sample sd, min-max), printed to two decimals."""
    school = TAI[["schooling"]]
    np.testing.assert_allclose(z_score(school)["schooling"], TABLE15_ZSCORE, atol=0.005 + 1e-9)
    np.testing.assert_allclose(min_max(school)["schooling"], TABLE15_MINMAX, atol=0.005 + 1e-9)


# -- the engine options the TAI needs (hand-computed) ---------------------------------------------
X = pd.DataFrame({"a": [-5.0, 5, 25], "b": [0.0, 10, 20]})


def test_goalposts_and_cap_hand():
    """Hand-computed: goalposts (0, 20) on a → (−0.25, 0.25, 1.25), capped → (0, 0.25, 1);
    b has no goalposts → observed (0, 20); cost with goalposts → (20 − x)/20."""
    out = min_max(X, goalposts={"a": (0, 20)})
    np.testing.assert_allclose(out, [[-0.25, 0], [0.25, 0.5], [1.25, 1]])
    capped = min_max(X, goalposts={"a": (0, 20)}, cap=True)
    np.testing.assert_allclose(capped["a"], [0, 0.25, 1])
    cost = min_max(X[["a"]], "cost", goalposts={"a": (0, 20)}, cap=True, high=100)
    np.testing.assert_allclose(cost["a"], [100, 75, 0])
    assert "fixed goalposts for a" in capped.attrs["convention"] and "capped" in capped.attrs["convention"]


@pytest.mark.parametrize("goalposts", [{"a": (5, 5)}, {"a": (1, 2, 3)}, {"zz": (0, 1)}])
def test_goalposts_invalid(goalposts):
    with pytest.raises(UserError, match="goalpost"):
        min_max(X, goalposts=goalposts)


def test_transforms_log_data_and_goalposts():
    """A log10 transform of the raw data with raw goalposts equals the pre-logged data with logged
    goalposts (UNDP gives 901 telephones, 'log')."""
    fw = load_framework(pd.DataFrame({"code": ["i", "t", "s"], "parent": [None, "i", "i"],
                                      "direction": [None, "benefit", "benefit"]}))
    raw = pd.DataFrame({"t": [10.0, 100, 1000], "s": [1.0, 2, 3]})
    kw = {"outliers": "none"}
    a = CompositeIndex(fw, transforms={"t": "log10"}, normalise_options={
        "goalposts": {"t": (1, 901), "s": (0, 4)}, "cap": True}, **kw).fit(raw)
    logged = raw.assign(t=np.log10(raw["t"]))
    b = CompositeIndex(fw, normalise_options={
        "goalposts": {"t": (0, np.log10(901)), "s": (0, 4)}, "cap": True}, **kw).fit(logged)
    np.testing.assert_allclose(a.scores_, b.scores_)
    assert a.normalised_.loc[2, "t"] == 100  # log10(1000) > log10(901): capped
    assert a.convention_["transforms"] == {"t": "log10"}
    with pytest.raises(UserError, match="positive"):
        CompositeIndex(fw, transforms={"t": "ln"}).fit(raw.assign(t=[0.0, 1, 2]))
    with pytest.raises(UserError, match="transform"):
        CompositeIndex(fw, transforms={"t": "sqrt"}).fit(raw)
