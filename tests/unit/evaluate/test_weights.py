"""Weights pinned to published worked examples, plus hand-checked cases and properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from zhichan.errors import UserError
from zhichan.evaluate import (
    RI_CN,
    RI_SAATY,
    ahp_weights,
    critic_weights,
    entropy_weights,
    equal_weights,
    manual_weights,
    pca_weights,
)

# Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services Sciences
# 1(1): 83-98 — relative consumption of drinks in the US (order: coffee, wine, tea, beer, sodas,
# milk, water).
DRINKS = np.array([
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
])


def test_ahp_saaty_2008_drinks():
    """Saaty (2008), drinks example: derived priorities .177 .019 .042 .116 .190 .129 .327 and
    C.R. = 0.022 with Saaty's RI (the same values are pinned in the AHPy test suite)."""
    a = ahp_weights(DRINKS, labels=["coffee", "wine", "tea", "beer", "sodas", "milk", "water"])
    np.testing.assert_allclose(a.weights_.round(3), [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327])
    assert round(a.cr_, 3) == 0.022
    assert a.ri_ == 1.32 and a.consistent_
    assert "saaty" in a.convention_


def test_ahp_chinese_ri_table_changes_only_cr():
    """Same matrix with the Chinese textbook RI (n = 7 → 1.36); hand-computed CR = CI / 1.36."""
    s = ahp_weights(DRINKS)
    c = ahp_weights(DRINKS, random_index="cn")
    np.testing.assert_allclose(c.weights_, s.weights_)
    assert c.ri_ == 1.36
    assert c.cr_ == pytest.approx(s.ci_ / 1.36)


def test_ri_tables():
    """Saaty's RI (n = 3..10: .58 .90 1.12 1.24 1.32 1.41 1.45 1.49) and the Chinese textbook table
    (.52 .89 1.12 1.26 1.36 1.41 1.46 1.49 …)."""
    assert RI_SAATY[2:10] == (0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
    assert RI_CN[2:10] == (0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49)


def test_ahp_pairs_and_hand_case():
    """Hand-checked: a consistent 3×3 matrix from weights (4, 2, 1)/7 gives λmax = 3, CR = 0."""
    a = ahp_weights({("a", "b"): 2, ("a", "c"): 4, ("b", "c"): 2})
    np.testing.assert_allclose(a.weights_, [4 / 7, 2 / 7, 1 / 7])
    assert a.lambda_max_ == pytest.approx(3.0)
    assert a.cr_ == pytest.approx(0.0, abs=1e-12)


def test_ahp_inconsistent_and_invalid():
    """Hand-checked: a ≻ b ≻ c ≻ a (all 9) is far from consistent."""
    a = ahp_weights([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    assert not a.consistent_ and a.cr_ > 1
    with pytest.raises(UserError, match="reciprocal"):
        ahp_weights([[1, 2], [2, 1]])


@given(st.lists(st.floats(0.05, 10), min_size=3, max_size=9))
@settings(max_examples=30, deadline=None)
def test_ahp_recovers_consistent_weights(w):
    w = np.asarray(w) / np.sum(w)
    a = ahp_weights(w[:, None] / w[None, :])
    np.testing.assert_allclose(a.weights_, w, atol=1e-8)
    assert a.cr_ == pytest.approx(0.0, abs=1e-8)


def test_entropy_xu_2004():
    """Xu (2004), EJOR 156(2): 530-532 — entropy weights on the raw values: 0.4630 0.3992 0.1378
    0.0000 (as pinned in the pyrepo-mcda test suite)."""
    x = [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]
    e = entropy_weights(x, normalise="share")
    np.testing.assert_allclose(e.weights_.round(4), [0.4630, 0.3992, 0.1378, 0.0000])
    assert "raw values" in e.convention_


def test_entropy_zavadskas_podvezko_2016():
    """Zavadskas & Podvezko (2016), IJITDM 15(2): 267-283 — entropy weights 0.1146 0.1981 0.4185
    0.2689 (raw shares; as pinned in the pyrepo-mcda test suite)."""
    x = [[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]]
    np.testing.assert_allclose(entropy_weights(x, normalise="share").weights_.round(4),
                               [0.1146, 0.1981, 0.4185, 0.2689])


def test_entropy_minmax_hand():
    """Hand-computed: min-max column (0, 1/2, 1) → p = (0, 1/3, 2/3), e = −(1/ln3)(⅓ln⅓ + ⅔ln⅔);
    a column (0, 0, 1) → p = (0, 0, 1), e = 0 (0·ln0 = 0)."""
    e = entropy_weights([[0, 0], [1, 0], [2, 5]])
    e1 = -(1 / 3 * np.log(1 / 3) + 2 / 3 * np.log(2 / 3)) / np.log(3)
    np.testing.assert_allclose(e.entropy_, [e1, 0.0])
    np.testing.assert_allclose(e.weights_, [(1 - e1) / (2 - e1), 1 / (2 - e1)])


def test_entropy_conventions_differ_and_are_recorded():
    x = [[1, 10], [2, 30], [4, 20], [8, 25]]
    plain = entropy_weights(x)
    shifted = entropy_weights(x, normalise="minmax_shift", epsilon=0.01)
    assert not np.allclose(plain.weights_, shifted.weights_)
    assert "+ 0.01" in shifted.convention_ and "0·ln0" in plain.convention_


@given(arrays(float, (6, 3), elements=st.floats(0, 1000)), st.floats(0.1, 100))
@settings(max_examples=40, deadline=None)
def test_entropy_properties(x, k):
    x = x + np.arange(6)[:, None]  # no constant column
    e = entropy_weights(x)
    assert e.weights_.sum() == pytest.approx(1.0)
    assert (e.weights_ >= -1e-12).all()
    np.testing.assert_allclose(entropy_weights(x * k).weights_, e.weights_, atol=1e-9)


def test_critic_tus_adali_2019():
    """Tuş & Aytaç Adalı (2019), Opsearch 56(2): 528-538 — CRITIC weights 0.157 0.249 0.168 0.121
    0.154 0.151 as reproduced in the pyrepo-mcda test suite, which min-max normalises every
    criterion as a benefit (so all directions are benefit here)."""
    x = [[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2],
         [800, 2, 4, 3, 3, 4]]
    c = critic_weights(x)
    np.testing.assert_allclose(c.weights_.round(3), [0.157, 0.249, 0.168, 0.121, 0.154, 0.151])


def test_critic_hand_two_columns():
    """Hand-computed: two perfectly anti-correlated columns (r = −1) with equal spread get
    C_j = σ·2 each, so equal weights; a cost direction flips r to +1 → conflict 0 → error."""
    x = [[0, 2], [1, 1], [2, 0]]
    c = critic_weights(x)
    np.testing.assert_allclose(c.conflict_, [2.0, 2.0])
    np.testing.assert_allclose(c.std_, [0.5, 0.5])  # sample sd of (0, .5, 1)
    np.testing.assert_allclose(c.weights_, [0.5, 0.5])
    with pytest.raises(UserError):
        critic_weights(x, directions=["benefit", "cost"])


@given(arrays(float, (7, 3), elements=st.floats(-50, 50)), st.floats(0.5, 20), st.floats(-10, 10))
@settings(max_examples=40, deadline=None)
def test_critic_affine_invariance(x, a, b):
    x = x + np.array([[0, 1, 3], [1, 0, 2], [2, 5, 0], [3, 1, 1], [4, 2, 2], [5, 0, 7], [6, 3, 1]])
    np.testing.assert_allclose(critic_weights(x * a + b).weights_, critic_weights(x).weights_, atol=1e-7)
    assert critic_weights(x).weights_.sum() == pytest.approx(1.0)


def test_equal_and_manual():
    assert equal_weights(["a", "b", "c", "d"]).tolist() == [0.25] * 4
    np.testing.assert_allclose(manual_weights({"a": 2, "b": 6}), [0.25, 0.75])
    with pytest.raises(UserError):
        manual_weights([1, -1])


def test_pca_weights_hand():
    """Hand-checked: two blocks of perfectly correlated indicators (a1 = 2·a0, b1 = −b0 + 3)
    uncorrelated with each other → two components of variance 2 each, every indicator loads on
    one only: weights 1/4 each."""
    t = np.array([1.0, 2, 3, 4, 5, 6, 7, 8])
    u = np.array([1.0, -1, 1, -1, -1, 1, -1, 1])  # orthogonal to t − mean
    x = pd.DataFrame({"a0": t, "a1": 2 * t, "b0": u, "b1": -u + 3})
    p = pca_weights(x)
    np.testing.assert_allclose(p.weights_, [0.25] * 4, atol=1e-9)
    assert p.loadings_.shape == (4, 2)
