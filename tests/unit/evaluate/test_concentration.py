"""Specialisation and concentration measures against published and hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from zhichan.evaluate import (
    ellison_glaeser,
    gini,
    herfindahl,
    location_quotient,
    revealed_technological_advantage,
    theil,
)

V = [8, 5, 1, 3, 5, 6, 7, 6, 3]
W = np.arange(1, 10) / 10


def test_gini_inequality_jl_docs():
    """Inequality.jl documentation: gini([8,5,1,3,5,6,7,6,3]) = 0.2373737373737374 and with
    weights 0.1:0.1:0.9 = 0.20652395514780775."""
    assert gini(V).value == pytest.approx(0.2373737373737374, abs=1e-12)
    assert gini(V, W).value == pytest.approx(0.20652395514780775, abs=1e-12)


def test_gini_known_distributions():
    """Closed forms: values 1..n have G = (n − 1)/(3n); all-in-one-unit has G = (n − 1)/n."""
    for n in (2, 5, 50):
        assert gini(np.arange(1, n + 1)).value == pytest.approx((n - 1) / (3 * n))
        assert gini([0] * (n - 1) + [7]).value == pytest.approx((n - 1) / n)
    assert gini([3, 3, 3]).value == 0
    assert gini([0, 0, 0, 1], unbiased=True).value == pytest.approx(1.0)


def test_gini_grouped_equals_expanded():
    """Hand-checked: grouped data (means 10, 20, 40 with sizes 3, 2, 1) equals the individual Gini
    of the expanded list."""
    g = gini([20, 10, 40], [2, 3, 1])
    assert g.value == pytest.approx(gini([10, 10, 10, 20, 20, 40]).value)
    assert "grouped" in g.convention


def test_theil_inequality_jl_docs():
    """Inequality.jl documentation: theil([8,5,1,3,5,6,7,6,3]) = 0.10494562214323544 and with
    weights 0.1:0.1:0.9 = 0.08120013911680612."""
    assert theil(V).value == pytest.approx(0.10494562214323544, abs=1e-12)
    assert theil(V, weights=W).value == pytest.approx(0.08120013911680612, abs=1e-12)


def test_theil_decomposition_hand():
    """Hand-computed: groups {1, 3} and {4, 4}: total T over (1,3,4,4) (mean 3);
    between = S ln(S/P) with S = (1/3, 2/3), P = (1/2, 1/2); within = Σ S_g T_g with
    T_1 = (1/4)ln(1/2) + (3/4)ln(3/2), T_2 = 0."""
    t = theil([1, 3, 4, 4], groups=["a", "a", "b", "b"])
    x = np.array([1, 3, 4, 4]) / 3
    assert t.value == pytest.approx(np.mean(x * np.log(x)))
    between = 1 / 3 * np.log(2 / 3) + 2 / 3 * np.log(4 / 3)
    within = 1 / 3 * (0.25 * np.log(0.5) + 0.75 * np.log(1.5))
    assert t.details["between"] == pytest.approx(between)
    assert t.details["within"] == pytest.approx(within)
    assert t.value == pytest.approx(between + within)


@pytest.mark.parametrize("kind", ["T", "L"])
def test_theil_decomposition_adds_up(kind):
    rng = np.random.default_rng(3)
    v = rng.lognormal(size=200)
    w = rng.integers(1, 9, size=200)
    g = rng.integers(0, 6, size=200)
    t = theil(v, groups=g, weights=w, kind=kind)
    assert t.value == pytest.approx(t.details["between"] + t.details["within"])


def test_herfindahl_hand():
    """Hand-computed: shares (.5, .3, .2) → H = .38, H* = (.38 − 1/3)/(2/3) = .07."""
    h = herfindahl([50, 30, 20])
    assert h.value == pytest.approx(0.38)
    assert h.details["normalised"] == pytest.approx(0.07)
    assert herfindahl([1, 1, 1, 1]).details["normalised"] == pytest.approx(0.0)


def test_location_quotient_hand():
    """Hand-computed: region A has 30 of its 40 in sector s (75 %) vs 50 of 100 overall (50 %):
    LQ = 1.5; region B: 20/60 vs 50/100 → 2/3."""
    lq = location_quotient(pd.DataFrame({"s": [30, 20], "t": [10, 40]}, index=["A", "B"]))
    assert lq.loc["A", "s"] == pytest.approx(1.5)
    assert lq.loc["B", "s"] == pytest.approx(2 / 3)
    assert lq.loc["A", "t"] == pytest.approx(0.5)
    rta = revealed_technological_advantage(pd.DataFrame({"H01": [30, 20], "G06": [10, 40]}))
    np.testing.assert_allclose(rta.to_numpy(), lq.to_numpy())
    assert "RTA" in rta.attrs["convention"]


def test_ellison_glaeser_hand():
    """Hand-computed: two equal regions; industry i has two equal plants both in A:
    G = .25 + .25 = .5, H = .5, Σx² = .5 → γ = (.5 − .5·.5)/(.5·.5) = 1.
    Industry j has one plant in each region: G = 0 → γ = −.5·.5/(.5·.5) = −1."""
    plants = pd.DataFrame({"region": ["A", "A", "A", "B"], "industry": ["i", "i", "j", "j"],
                           "employment": [10, 10, 5, 5]})
    eg = ellison_glaeser(plants, region_totals={"A": 100, "B": 100})
    assert eg.loc["i", "gamma"] == pytest.approx(1.0)
    assert eg.loc["j", "gamma"] == pytest.approx(-1.0)
    assert eg.loc["i", "H"] == pytest.approx(0.5)
