"""Location quotient, Herfindahl and Ellison–Glaeser γ pinned to published package examples.

- R package REAT (Thomas Wieland; CRAN, https://github.com/cran/REAT), help pages ``ellison.a``
  and ``locq``: examples from Farhauer, O. & Kröll, A. (2013/2014), *Standorttheorien: Regional-
  und Stadtökonomik in Theorie und Praxis*, Springer, with the result stated in the example.
- R package mathmodels (https://github.com/zhjx19/mathmodels), reference page "Regional
  Economics Functions" (docs/reference/regional_economics.md): ``LQ``, ``HHI`` and ``EG``
  example output.
"""

from __future__ import annotations

import pandas as pd
import pytest

from zhichan.evaluate import ellison_glaeser, herfindahl, location_quotient


def test_ellison_glaeser_reat_farhauer_kroell():
    """REAT ``ellison.a`` example (Farhauer/Kröll 2014): ten plants of one industry in Wien,
    Linz and Graz; regional employment 500000, 400000, 100000 (listed in the order the regions
    first appear): γ = 0.05990628."""
    plants = pd.DataFrame({"region": ["Wien"] * 5 + ["Linz"] * 4 + ["Graz"],
                           "industry": "i",
                           "employment": [200, 650, 12000, 100, 50, 16000, 13000, 1500, 1500, 25000]})
    eg = ellison_glaeser(plants, region_totals={"Wien": 500000, "Linz": 400000, "Graz": 100000})
    assert eg.loc["i", "gamma"] == pytest.approx(0.05990628, abs=5e-9)
    assert eg.loc["i", "plants"] == 10


def test_ellison_glaeser_mathmodels_example():
    """mathmodels ``EG`` example: regional shares x from all plants given; γ_A = 0.131,
    γ_B = 0.918 (printed to 3 significant digits)."""
    d = pd.DataFrame({"region": ["R1", "R1", "R1", "R1", "R2", "R2", "R3", "R3", "R1", "R2", "R2", "R3"],
                      "industry": list("AAAAAAAABBBB"),
                      "employment": [250, 200, 150, 100, 20, 15, 10, 5, 50, 200, 150, 50]})
    gamma = ellison_glaeser(d)["gamma"]
    assert gamma["A"] == pytest.approx(0.131, abs=5e-4)
    assert gamma["B"] == pytest.approx(0.918, abs=5e-4)


def test_location_quotient_reat_farhauer_kroell():
    """REAT ``locq(1714, 79006, 879213, 15593224)`` = 0.3847623 (industry in region 1714,
    region 79006, industry nationally 879213, all 15593224). The 2 × 2 table below has exactly
    these totals."""
    counts = pd.DataFrame({"i": [1714, 879213 - 1714],
                           "rest": [79006 - 1714, 15593224 - 79006 - 879213 + 1714]},
                          index=["j", "others"])
    assert location_quotient(counts).loc["j", "i"] == pytest.approx(0.3847623, abs=5e-8)


def test_location_quotient_mathmodels_example():
    """mathmodels ``LQ`` example: national 10000 (industry1 2000, industry2 6000), Region_A 4000
    (1000, 2000), Region_B 6000 (1000, 4000); the remaining employment is column ``other``.
    Printed: A 1.2500000 0.8333333, B 0.8333333 1.1111111."""
    counts = pd.DataFrame({"industry1": [1000, 1000], "industry2": [2000, 4000], "other": [1000, 1000]},
                          index=["Region_A", "Region_B"])
    lq = location_quotient(counts)[["industry1", "industry2"]]
    pd.testing.assert_frame_equal(lq.round(7), pd.DataFrame(
        {"industry1": [1.25, 0.8333333], "industry2": [0.8333333, 1.1111111]}, index=counts.index))


def test_herfindahl_mathmodels_example():
    """mathmodels ``HHI(c(50, 30, 20))`` = 0.38; ``scaled = TRUE`` = 0.07."""
    h = herfindahl([50, 30, 20])
    assert h.value == pytest.approx(0.38)
    assert h.details["normalised"] == pytest.approx(0.07)
