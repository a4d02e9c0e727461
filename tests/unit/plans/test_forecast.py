"""Trend fits, intervals and growth arithmetic, against hand-computed and tabulated values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from zhichan.plans._forecast import (
    cagr,
    fit_trend,
    required_flow_growth,
    required_growth,
    t_cdf,
    t_quantile,
)

YEARS = [2019, 2020, 2021, 2022, 2023]


@pytest.mark.parametrize("p, df, expected", [
    (0.975, 1, 12.7062), (0.975, 2, 4.3027), (0.975, 10, 2.2281), (0.975, 30, 2.0423),
    (0.95, 3, 2.3534), (0.9, 5, 1.4759), (0.995, 4, 4.6041), (0.025, 10, -2.2281),
])
def test_t_quantile_matches_tables(p, df, expected):
    assert t_quantile(p, df) == pytest.approx(expected, abs=1e-4)
    assert t_cdf(t_quantile(p, df), df) == pytest.approx(p, abs=1e-10)


def test_growth_arithmetic():
    assert cagr(1100, 1320, 3) == pytest.approx((1320 / 1100) ** (1 / 3) - 1)
    assert cagr(0, 5, 2) is None and cagr(5, 6, 0) is None
    assert required_growth(1320, 1500, 1) == pytest.approx(0.136364, abs=1e-6)
    # 10·1.05 + 10·1.05² + 10·1.05³ = 33.10125
    assert required_flow_growth(10, 33.10125, 3) == pytest.approx(0.05, abs=1e-9)
    assert required_flow_growth(2, 4, 2) == pytest.approx(0.0, abs=1e-9)
    assert required_flow_growth(0, 4, 2) is None


def test_log_linear_fit_is_exact_on_constant_growth():
    fit = fit_trend(YEARS[:4], [100, 110, 121, 133.1])
    assert fit.method == "log_linear"
    assert fit.predict(2025) == pytest.approx(100 * 1.1 ** 6)
    lo, hi = fit.interval(2025, 0.9)
    assert lo == pytest.approx(hi) == pytest.approx(177.1561)


def test_interval_matches_the_classical_formula():
    values = [100, 112, 119, 134, 141]
    fit = fit_trend(YEARS, values, "linear")
    slope, intercept = np.polyfit(YEARS, values, 1)
    resid = np.asarray(values) - (intercept + slope * np.asarray(YEARS))
    s = math.sqrt((resid ** 2).sum() / 3)
    se = s * math.sqrt(1 + 1 / 5 + (2025 - 2021) ** 2 / 10)
    point = intercept + slope * 2025
    assert fit.predict(2025) == pytest.approx(point)
    assert fit.interval(2025, 0.95) == pytest.approx((point - 3.1824 * se, point + 3.1824 * se), abs=1e-3)


def test_interval_contains_the_forecast_and_widens_with_noise():
    trend = np.array([100, 110, 121, 133.1, 146.41])
    wiggle = np.array([1, -1, 1, -1, 1])
    widths = []
    for scale in (0.01, 0.03, 0.08):
        fit = fit_trend(YEARS, trend * (1 + scale * wiggle))
        lo, hi = fit.interval(2025, 0.9)
        assert lo < fit.predict(2025) < hi
        widths.append(hi - lo)
    assert widths[0] < widths[1] < widths[2]


def test_wider_level_gives_wider_interval():
    fit = fit_trend(YEARS, [100, 112, 119, 134, 141])
    lo80, hi80 = fit.interval(2025, 0.8)
    lo95, hi95 = fit.interval(2025, 0.95)
    assert lo95 < lo80 < hi80 < hi95


def test_no_interval_from_too_few_points():
    assert fit_trend([2023], [5]) is None
    fit = fit_trend([2022, 2023], [4, 5])
    assert fit.predict(2025) == pytest.approx(5 * 1.25 ** 2)  # two points: CAGR extrapolation
    assert fit.interval(2025, 0.9) is None
    assert fit_trend([2021, 2022, 2023], [4, 5, 7]).interval(2025, 0.9) is None


def test_linear_when_values_are_not_positive():
    fit = fit_trend([2021, 2022, 2023, 2024], [0, 1, 2, 3])
    assert fit.method == "linear" and fit.predict(2025) == pytest.approx(4)
    assert fit_trend([2021, 2022], [0, 1], "log_linear") is None
    with pytest.raises(ValueError):
        fit_trend([2021, 2022], [1, 2], "cubic")


def test_sum_forecast_and_its_interval():
    values = [100, 112, 119, 134, 141]
    fit = fit_trend(YEARS, values, "linear")
    point, (lo, hi) = fit.predict_sum([2024, 2025], 0.9)
    assert point == pytest.approx(fit.predict(2024) + fit.predict(2025))
    assert lo < point < hi
    # One year by simulation ≈ the classical interval.
    _, (slo, shi) = fit.predict_sum([2025], 0.9)
    clo, chi = fit.interval(2025, 0.9)
    assert slo == pytest.approx(clo, rel=0.02) and shi == pytest.approx(chi, rel=0.02)
    # Deterministic: a fixed seed.
    assert fit.predict_sum([2024, 2025], 0.9) == fit.predict_sum([2024, 2025], 0.9)
