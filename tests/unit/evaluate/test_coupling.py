"""Coupling coordination, grade bands and obstacle degree (hand-computed)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from zhichan.errors import UserError
from zhichan.evaluate import GRADE_BANDS, coupling_coordination, grade, obstacle_degree


def test_standard_two_systems_hand():
    """Hand-computed: U = (0.2, 0.8): C = 2·sqrt(0.16)/1.0 = 0.8, T = 0.5, D = sqrt(0.4) = 0.6325
    (初级协调)."""
    cc = coupling_coordination([[0.2, 0.8]])
    assert cc.coupling_.iloc[0] == pytest.approx(0.8)
    assert cc.coordination_.iloc[0] == pytest.approx(0.5)
    assert cc.degree_.iloc[0] == pytest.approx(np.sqrt(0.4))
    assert cc.grade_.iloc[0] == "初级协调"


def test_wang2021_two_systems_hand():
    """Hand-computed with 王淑佳等 (2021) for n = 2: C = sqrt[(1 − |U1 − U2|)·U_min/U_max]
    = sqrt(0.4 · 0.25) = 0.3162; D = sqrt(0.3162 · 0.5) = 0.3976 (轻度失调)."""
    cc = coupling_coordination([[0.2, 0.8]], model="wang2021")
    assert cc.coupling_.iloc[0] == pytest.approx(np.sqrt(0.1))
    assert cc.degree_.iloc[0] == pytest.approx(np.sqrt(np.sqrt(0.1) * 0.5))
    assert cc.grade_.iloc[0] == "轻度失调"
    assert "wang2021" in cc.convention_


def test_three_systems_hand():
    """Hand-computed, U = (0.3, 0.6, 0.9): standard C = 3·(0.162)^(1/3)/1.8 = 0.90856;
    corrected: spread (0.3 + 0.6 + 0.3)/3 = 0.4, Π(U/max)^(1/2) = (2/9)^(1/2) → C = sqrt(0.6·0.4714)."""
    u = [[0.3, 0.6, 0.9]]
    assert coupling_coordination(u).coupling_.iloc[0] == pytest.approx(3 * 0.162 ** (1 / 3) / 1.8)
    assert coupling_coordination(u, model="wang2021").coupling_.iloc[0] == pytest.approx(
        np.sqrt(0.6 * np.sqrt(2 / 9)))
    t = coupling_coordination(u, alpha=[0.5, 0.3, 0.2]).coordination_.iloc[0]
    assert t == pytest.approx(0.15 + 0.18 + 0.18)


def test_equal_scores_couple_fully():
    cc = coupling_coordination([[0.5, 0.5, 0.5], [1, 1, 1]])
    np.testing.assert_allclose(cc.coupling_, 1.0)
    assert coupling_coordination([[0.5, 0.5]], model="wang2021").coupling_.iloc[0] == pytest.approx(1.0)
    assert cc.grade_.tolist() == ["中级协调", "优质协调"]  # D = sqrt(0.5) = 0.707, D = 1


def test_grade_bands_are_data():
    """The common ten bands (e.g. 田深圳等, 地理学报 2021, 76(4) 表 1): 极度失调 0–0.1 … 优质协调
    0.9–1.0, upper bounds inclusive."""
    assert GRADE_BANDS["grade"].iloc[0] == "极度失调" and GRADE_BANDS["grade"].iloc[-1] == "优质协调"
    assert grade([0.0, 0.1, 0.1001, 0.95]).tolist() == ["极度失调", "极度失调", "严重失调", "优质协调"]
    three = pd.DataFrame({"lower": [0, 0.4, 0.7], "upper": [0.4, 0.7, 1.0], "grade": ["失调", "过渡", "协调"]})
    assert coupling_coordination([[0.9, 0.9]], bands=three).grade_.iloc[0] == "协调"


def test_scores_outside_unit_interval_rejected():
    with pytest.raises(UserError, match="0, 1"):
        coupling_coordination([[0.2, 1.5]])


def test_obstacle_degree_hand():
    """Hand-computed: x' = [[1, 0], [.5, .5]], w = (.6, .4): O = [[0, .4], [.3, .2]];
    as shares [[0, 1], [.6, .4]]."""
    x = pd.DataFrame([[1.0, 0.0], [0.5, 0.5]], columns=["a", "b"])
    raw = obstacle_degree(x, [0.6, 0.4], shares=False)
    np.testing.assert_allclose(raw.obstacles_, [[0, 0.4], [0.3, 0.2]])
    sh = obstacle_degree(x, [0.6, 0.4])
    np.testing.assert_allclose(sh.obstacles_, [[0, 1], [0.6, 0.4]])
    assert sh.top_["indicator_1"].tolist() == ["b", "a"]
