"""Normalisation methods (hand-computed)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from zhichan.errors import UserError
from zhichan.evaluate import (
    distance_to_target,
    min_max,
    normalise,
    rank_score,
    vector_norm,
    z_score,
)

X = pd.DataFrame({"a": [0.0, 5, 10], "b": [4.0, 2, 0]})


def test_min_max_benefit_cost_range_and_shift():
    out = min_max(X, {"a": "benefit", "b": "cost"}, low=0, high=100)
    np.testing.assert_allclose(out, [[0, 0], [50, 50], [100, 100]])
    eps = min_max(X, ["正向", "负向"], shift=1e-4)
    np.testing.assert_allclose(eps.to_numpy().min(), 1e-4)
    assert "+ 0.0001" in eps.attrs["convention"]
    np.testing.assert_allclose(min_max([[3], [3]]).to_numpy(), [[0.5], [0.5]])  # constant → mid-range


def test_z_rank_target_vector_hand():
    np.testing.assert_allclose(z_score(X["a"]).to_numpy().ravel(), [-1, 0, 1])  # sample sd 5
    np.testing.assert_allclose(rank_score(X, ["benefit", "cost"]), [[1, 1], [2, 2], [3, 3]])
    d = distance_to_target(X, {"a": 5, "b": 1}, ["benefit", "cost"])
    np.testing.assert_allclose(d, [[0, 0], [1, 2 / 3], [1, 1]])
    np.testing.assert_allclose(vector_norm([[3], [4]]).to_numpy().ravel(), [0.6, 0.8])


def test_errors():
    with pytest.raises(UserError, match="direction"):
        min_max(X, ["up", "down"])
    with pytest.raises(UserError, match="normalisation"):
        normalise(X, "softmax")
