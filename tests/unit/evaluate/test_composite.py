"""Composite index engine and uncertainty analysis: hand-checked cases and reproducibility."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import zhichan.evaluate as ev
from zhichan.errors import UserError
from zhichan.evaluate import (
    CompositeIndex,
    UncertaintyAnalysis,
    load_framework,
    performance_groups,
    treat_outliers,
)

FRAME = pd.DataFrame({"code": ["idx", "A", "B", "a1", "a2", "b1"],
                      "parent": [None, "idx", "idx", "A", "A", "B"],
                      "weight": [None, 0.6, 0.4, None, None, None],
                      "direction": [None, None, None, "benefit", "benefit", "cost"]})
DATA = pd.DataFrame({"a1": [0.0, 5, 10], "a2": [1.0, 3, 2], "b1": [4.0, 2, 0]}, index=["u1", "u2", "u3"])


def test_all_is_consistent():
    assert len(set(ev.__all__)) == len(ev.__all__)
    for name in ev.__all__:
        assert hasattr(ev, name) and not name.startswith("_")


def test_arithmetic_index_hand():
    """Hand-computed: min-max 0–100 gives a1 (0, 50, 100), a2 (0, 100, 50), b1 cost (0, 50, 100);
    A = (0, 75, 75), B = (0, 50, 100); index = .6A + .4B = (0, 65, 85)."""
    ci = CompositeIndex(FRAME, groups=3).fit(DATA)
    np.testing.assert_allclose(ci.scores_["A"], [0, 75, 75])
    np.testing.assert_allclose(ci.scores_["idx"], [0, 65, 85])
    assert ci.ranks_["idx"].tolist() == [3, 2, 1]
    assert ci.groups_.tolist() == ["第三梯队", "第二梯队", "第一梯队"]
    assert ci.to_frame().index.tolist() == ["u3", "u2", "u1"]
    np.testing.assert_allclose(ci.effective_weights_, [0.3, 0.3, 0.4])
    assert ci.convention_["handbook"] == "JRC/OECD 2008"


def test_geometric_index_hand():
    """Hand-computed with min-max 1–100: a1 (1, 50.5, 100), a2 (1, 100, 50.5), b1 (1, 50.5, 100);
    A = sqrt(a1·a2); index = A^.6 · B^.4."""
    ci = CompositeIndex(FRAME, normalise_options={"low": 1, "high": 100}, aggregate="geometric").fit(DATA)
    a = np.sqrt(np.array([1, 50.5, 100]) * np.array([1, 100, 50.5]))
    b = np.array([1, 50.5, 100])
    np.testing.assert_allclose(ci.scores_["idx"], a ** 0.6 * b ** 0.4)
    with pytest.raises(UserError, match="geometric"):
        CompositeIndex(FRAME, normalise="zscore", aggregate="geometric").fit(DATA)


def test_missing_values_reweighted_and_imputed():
    data = DATA.assign(a2=[1.0, np.nan, 2])
    ci = CompositeIndex(FRAME).fit(data)
    assert ci.scores_.loc["u2", "A"] == pytest.approx(ci.scores_.loc["u2", "a1"])  # a2 skipped
    assert CompositeIndex(FRAME, impute="mean").fit(data).treated_.loc["u2", "a2"] == pytest.approx(1.5)


def test_missing_indicator_column():
    with pytest.raises(UserError, match="b1"):
        CompositeIndex(FRAME).fit(DATA.drop(columns="b1"))


def test_denomination():
    data = DATA.assign(pop=[1.0, 2, 4])
    ci = CompositeIndex(FRAME, denominators={"a1": "pop"}, denominator_scale=10).fit(data)
    np.testing.assert_allclose(ci.treated_["a1"], [0, 25, 25])


def test_outlier_rule_winsorises_one_point():
    """Hand-checked: 1..19 plus 100 is skewed (skew ≈ 4.3, kurtosis ≈ 18.6 > 3.5); replacing 100 by
    19 removes the outlier: one point winsorised."""
    x = pd.DataFrame({"x": list(range(1, 20)) + [100.0], "y": np.arange(20.0)})
    out, report = treat_outliers(x)
    assert report.loc["x", "action"] == "winsorise" and report.loc["x", "winsorised"] == 1
    assert out["x"].max() == 19 and report.loc["y", "action"] == "none"
    assert report.loc["x", "skew"] > 2 and report.loc["x", "kurtosis"] > 3.5
    logged, rep = treat_outliers(x, "log")
    assert rep.loc["x", "action"] == "log" and logged["x"].iloc[-1] == pytest.approx(np.log(99 + 0.99))


def test_data_driven_weights_sum_within_siblings():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(rng.random((30, 3)), columns=["a1", "a2", "b1"])
    for w in ("equal", "entropy", "critic"):
        ci = CompositeIndex(FRAME, weighting=w).fit(data)
        assert ci.weights_[["A", "B"]].sum() == pytest.approx(1.0)
        assert ci.weights_[["a1", "a2"]].sum() == pytest.approx(1.0)


def test_performance_groups_thresholds():
    s = pd.Series([10, 55, 80, 95])
    assert performance_groups(s, [50, 90], labels=["高", "中", "低"]).tolist() == ["低", "中", "中", "高"]


def _big(seed=1, units=200):
    rows = [{"code": "idx"}]
    for d in range(3):
        rows.append({"code": f"d{d}", "parent": "idx"})
        for i in range(4):
            rows.append({"code": f"x{d}{i}", "parent": f"d{d}", "direction": "cost" if i == 3 else "benefit"})
    rng = np.random.default_rng(seed)
    fw = load_framework(pd.DataFrame(rows))
    return fw, pd.DataFrame(rng.lognormal(size=(units, 12)), columns=fw.leaves)


def test_uncertainty_reproducible_and_consistent():
    fw, data = _big()
    ci = CompositeIndex(fw, normalise_options={"low": 1, "high": 100}).fit(data)
    kw = {"n_runs": 120, "normalise": ["rank"], "aggregate": ["geometric"], "seed": 7, "batch_size": 16}
    a = UncertaintyAnalysis(ci, **kw).fit(data)
    b = UncertaintyAnalysis(ci, **kw).fit(data)
    np.testing.assert_array_equal(a.ranks_, b.ranks_)
    s = a.summary_
    assert (s["rank_p05"] <= s["median_rank"]).all() and (s["median_rank"] <= s["rank_p95"]).all()
    assert set(a.runs_["aggregate"]) == {"arithmetic", "geometric"}
    assert set(a.sensitivity_.index) == {"weights", "normalise", "aggregate"}
    assert ((a.sensitivity_["first_order"] >= 0) & (a.sensitivity_["first_order"] <= 1)).all()
    # each run's ranks are a permutation of 1..n
    assert (np.sort(a.ranks_, axis=1) == np.arange(1, len(data) + 1)).all()


def test_uncertainty_without_uncertainty_reproduces_nominal():
    fw, data = _big(units=50)
    ci = CompositeIndex(fw).fit(data)
    ua = UncertaintyAnalysis(ci, n_runs=10, weights=None).fit(data)
    np.testing.assert_array_equal(ua.ranks_, np.repeat(ci.ranks_["idx"].to_numpy()[None, :], 10, axis=0))
    assert (ua.summary_["interval"] == 0).all()


def test_uncertainty_batched_runs_match_single_fits():
    """A run with fixed nominal weights and the geometric alternative equals a separate fit."""
    fw, data = _big(units=40)
    ci = CompositeIndex(fw, normalise_options={"low": 1, "high": 100}).fit(data)
    ua = UncertaintyAnalysis(ci, n_runs=30, weights=None, aggregate=["geometric"], seed=3).fit(data)
    geo = CompositeIndex(fw, normalise_options={"low": 1, "high": 100}, aggregate="geometric").fit(data)
    run = int(np.where(ua.runs_["aggregate"] == "geometric")[0][0])
    np.testing.assert_allclose(ua.scores_[run], geo.scores_["idx"], rtol=1e-5)


def test_dirichlet_weights_renormalised():
    fw, data = _big(units=30)
    ci = CompositeIndex(fw).fit(data)
    ua = UncertaintyAnalysis(ci, n_runs=20, weights="dirichlet", seed=1).fit(data)
    assert ua.summary_["interval"].max() >= 0
    w = ci.plan_.renormalise(np.random.default_rng(0).random((5, len(ci.plan_.order))))
    parent = ci.plan_.parent
    for p in set(parent[parent >= 0].tolist()):
        np.testing.assert_allclose(w[:, parent == p].sum(axis=1), 1.0)
