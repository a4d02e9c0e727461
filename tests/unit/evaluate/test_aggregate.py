"""Aggregation and TOPSIS pinned to published examples and hand-checked cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from zhichan.evaluate import topsis, weighted_arithmetic, weighted_geometric


def test_topsis_papathanasiou_ploskas_2018():
    """Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid, Springer, ch. "TOPSIS":
    closeness 0.387 0.327 0.391 0.615 0.868 0.493 (as pinned in the pyrepo-mcda test suite)."""
    x = [[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]]
    t = topsis(x, [0.4, 0.3, 0.1, 0.2])
    np.testing.assert_allclose(t.closeness_.round(3), [0.387, 0.327, 0.391, 0.615, 0.868, 0.493])
    assert t.ranks_.tolist() == [5, 6, 4, 2, 1, 3]


def test_topsis_jmcdm_example():
    """JMcDM.jl test suite (TOPSIS testset): scores 0.3876870 0.6503238 0.0834767 for weights
    (4, 2, 6, 8), all benefit."""
    x = np.array([[9, 7, 6, 7], [8, 7, 9, 6], [7, 8, 6, 6]])
    np.testing.assert_allclose(topsis(x, [4, 2, 6, 8]).closeness_, [0.3876870, 0.6503238, 0.0834767], atol=1e-6)


def test_topsis_hand_cost():
    """Hand-computed: one cost criterion (1, 3): the first unit is the ideal (closeness 1)."""
    t = topsis([[1.0], [3.0]], directions=["cost"])
    np.testing.assert_allclose(t.closeness_, [1.0, 0.0])
    assert "vector normalisation" in t.convention_


@given(arrays(float, (5, 3), elements=st.floats(0.1, 100)), st.floats(0.1, 50))
@settings(max_examples=40, deadline=None)
def test_topsis_properties(x, k):
    c = topsis(x).closeness_
    assert ((c >= -1e-12) & (c <= 1 + 1e-12)).all()
    np.testing.assert_allclose(topsis(x * k).closeness_, c, atol=1e-9)


def test_weighted_means_hand():
    """Hand-computed: (20, 80) with weights (3, 1): arithmetic 35, geometric 20^.75·80^.25 = 28.284."""
    assert weighted_arithmetic([[20, 80]], [3, 1]).iloc[0] == pytest.approx(35.0)
    assert weighted_geometric([[20, 80]], [3, 1]).iloc[0] == pytest.approx(20 ** 0.75 * 80 ** 0.25)
    # a missing value is skipped and the remaining weights rescaled
    assert weighted_arithmetic([[np.nan, 80]], [3, 1]).iloc[0] == pytest.approx(80.0)
