"""Target progress: achievement, required growth, trend, forecast and status, checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from zhichan.errors import UserError
from zhichan.plans import Plan, PlanProgress

REGION = "500111"


def make_plan(*targets: dict, start: int = 2021, end: int = 2025) -> Plan:
    base = {"deadline_year": end, "unit": "件"}
    return Plan.model_validate({
        "id": "p", "title_zh": "测试规划", "title_en": "Test", "region_code": REGION, "region_name": "大足区",
        "issuer": "测试", "period": {"start": start, "end": end}, "source": {"title": "测试"},
        "targets": [{**base, **t} for t in targets],
    })


def actuals(indicator: str, values: dict[int, float], region: str = REGION) -> pd.DataFrame:
    return pd.DataFrame({"indicator": indicator, "region": region, "period": list(values),
                         "value": list(values.values())})


def row(progress: PlanProgress, target_id: str = "t") -> pd.Series:
    return progress.targets_.set_index("target_id").loc[target_id]


def stock(**kw) -> dict:
    return {"id": "t", "indicator": "valid_trademarks_per_10k_entities", "kind": "stock", "unit": "件/万户",
            "target_value": 1500, **kw}


SERIES = {2021: 1100, 2022: 1180, 2023: 1250, 2024: 1320}


def test_stock_at_risk_hand_checked():
    plan = make_plan(stock(baseline_year=2020, baseline_value=1000))
    r = row(PlanProgress(plan, as_of="2024-12-31").fit(actuals("valid_trademarks_per_10k_entities", SERIES)))
    assert (r.latest_year, r.latest_value) == (2024, 1320)
    assert r.ratio_to_target == pytest.approx(0.88)
    assert r.progress == pytest.approx((1320 - 1000) / (1500 - 1000))        # 0.64
    assert r.trend_cagr == pytest.approx((1320 / 1100) ** (1 / 3) - 1)       # last 3 years
    assert r.required_growth == pytest.approx(1500 / 1320 - 1)               # one year left
    # Forecast: log-linear fit on 2020 (baseline) … 2024.
    years = [2020, 2021, 2022, 2023, 2024]
    b, a = np.polyfit(years, np.log([1000, 1100, 1180, 1250, 1320]), 1)
    assert r.forecast == pytest.approx(math.exp(a + b * 2025))
    assert r.forecast_low < r.forecast < r.forecast_high
    assert 0.9 <= r.forecast / 1500 < 1
    assert r.status == "at_risk"
    assert r.forecast_method == "log_linear"


def test_explanation_contains_the_numbers():
    plan = make_plan(stock(baseline_year=2020, baseline_value=1000))
    r = row(PlanProgress(plan, as_of="2024-12-31").fit(actuals("valid_trademarks_per_10k_entities", SERIES)))
    text = r.explanation
    assert text.startswith("2024年为1,320件/万户，完成目标的88.0%（较2020年基期进度64.0%）；")
    assert f"按近三年年均增长{r.trend_cagr * 100:.1f}%推算" in text and "6.3%" in text
    assert f"2025年预计{r.forecast:,.0f}件/万户" in text
    assert f"（区间{r.forecast_low:,.0f}–{r.forecast_high:,.0f}）" in text
    assert "需年均增长13.6%" in text
    assert text.endswith("存在风险")


def test_on_track_and_off_track():
    grow = {2021: 1000, 2022: 1100, 2023: 1210, 2024: 1331}
    r = row(PlanProgress(make_plan(stock()), as_of="2024-12-31").fit(
        actuals("valid_trademarks_per_10k_entities", grow)))
    assert r.forecast == pytest.approx(1464.1)
    assert r.status == "at_risk"  # 1464.1 / 1500 = 0.976
    r = row(PlanProgress(make_plan(stock(target_value=1450)), as_of="2024-12-31").fit(
        actuals("valid_trademarks_per_10k_entities", grow)))
    assert r.status == "on_track" and r.explanation.endswith("进度正常")
    flat = {2021: 1000, 2022: 1010, 2023: 1020, 2024: 1030}
    r = row(PlanProgress(make_plan(stock()), as_of="2024-12-31").fit(
        actuals("valid_trademarks_per_10k_entities", flat)))
    assert r.forecast == pytest.approx(1000 * (1030 / 1000) ** (4 / 3), rel=1e-3) and r.forecast_high < 1500 * 0.9
    assert r.status == "off_track" and r.explanation.endswith("难以按期完成")


def test_thresholds_are_parameters():
    noisy = actuals("valid_trademarks_per_10k_entities", {2021: 1000, 2022: 1130, 2023: 1190, 2024: 1331})
    r = row(PlanProgress(make_plan(stock()), as_of="2024-12-31").fit(noisy))
    assert 0.96 < r.forecast / 1500 < 0.97 and r.forecast_high > 1500 and r.status == "at_risk"
    assert row(PlanProgress(make_plan(stock()), as_of="2024-12-31", on_track_ratio=0.96).fit(noisy)).status \
        == "on_track"
    # Below at_risk_ratio, but the interval still reaches the target: at risk.
    assert row(PlanProgress(make_plan(stock()), as_of="2024-12-31", at_risk_ratio=0.99).fit(noisy)).status \
        == "at_risk"
    # Exact growth leaves no interval to reach the target: off track.
    exact = actuals("valid_trademarks_per_10k_entities", {2021: 1000, 2022: 1100, 2023: 1210, 2024: 1331})
    assert row(PlanProgress(make_plan(stock()), as_of="2024-12-31", at_risk_ratio=0.99).fit(exact)).status \
        == "off_track"


def test_achieved_and_missed():
    r = row(PlanProgress(make_plan(stock()), as_of="2024-12-31").fit(
        actuals("valid_trademarks_per_10k_entities", {2023: 1400, 2024: 1520})))
    assert r.status == "achieved" and r.ratio_to_target == pytest.approx(1520 / 1500)
    assert r.explanation == "2024年为1,520件/万户，完成目标的101.3%，已达到目标（1,500件/万户）"
    # Past the deadline: the deadline year's value decides; later years are ignored.
    data = actuals("valid_trademarks_per_10k_entities", {2024: 1320, 2025: 1400, 2026: 1600})
    r = row(PlanProgress(make_plan(stock()), as_of="2027-01-01").fit(data))
    assert (r.latest_year, r.latest_value, r.status) == (2025, 1400, "off_track")
    assert r.explanation == "2025年为1,400件/万户，完成目标的93.3%，未完成2025年目标（1,500件/万户）"


def test_no_data():
    plan = make_plan(stock(baseline_year=2020, baseline_value=1000))
    r = row(PlanProgress(plan, as_of="2024-12-31").fit(actuals("geographical_indications", {2024: 5})))
    assert r.status == "no_data" and r.latest_value is None
    assert r.explanation == "暂无每万户市场主体平均有效商标拥有量的数据，无法评估"
    r = row(PlanProgress(plan, as_of="2024-12-31").fit(None))
    assert r.status == "no_data"


def test_incomplete_year_is_not_used():
    data = actuals("valid_trademarks_per_10k_entities", {**SERIES, 2025: 900})
    r = row(PlanProgress(make_plan(stock()), as_of="2025-06-30").fit(data))
    assert r.latest_year == 2024
    r = row(PlanProgress(make_plan(stock()), as_of="2025-12-31").fit(data))
    assert r.latest_year == 2025 and r.status == "off_track"


def test_single_value_uses_pace():
    # 2022 is 2 of the 5 years (2021–2025): 40% of the time; progress 50% → on track.
    plan = make_plan(stock(baseline_year=2020, baseline_value=1000))
    r = row(PlanProgress(plan, as_of="2022-12-31", use_baseline=False).fit(
        actuals("valid_trademarks_per_10k_entities", {2022: 1250})))
    assert r.progress == pytest.approx(0.5) and r.forecast is None and r.status == "on_track"
    r = row(PlanProgress(plan, as_of="2022-12-31", use_baseline=False).fit(
        actuals("valid_trademarks_per_10k_entities", {2022: 1150})))
    assert r.progress == pytest.approx(0.3) and r.status == "off_track"  # 0.3 < 0.4 × 0.9


def test_baseline_joins_a_short_series():
    plan = make_plan(stock(baseline_year=2020, baseline_value=1000))
    r = row(PlanProgress(plan, as_of="2021-12-31").fit(actuals("valid_trademarks_per_10k_entities", {2021: 1100})))
    assert r.trend_cagr == pytest.approx(0.1) and r.forecast == pytest.approx(1100 * 1.1 ** 4)
    assert r.status == "on_track"  # 1610.51 ≥ 1500


def cumulative(**kw) -> dict:
    return {"id": "t", "indicator": "madrid_applications", "kind": "cumulative", "target_value": 20, **kw}


def test_cumulative_sums_flows_from_the_start_year():
    data = actuals("madrid_registrations", {2019: 100, 2021: 1, 2022: 2, 2023: 3, 2024: 4})
    r = row(PlanProgress(make_plan(cumulative()), as_of="2024-12-31", method="linear", fit_years=4).fit(data))
    assert (r.latest_value, r.latest_flow) == (10, 4)           # 2019 is before the plan
    assert r.ratio_to_target == pytest.approx(0.5) and r.progress == pytest.approx(0.5)
    assert r.required_mean_flow == pytest.approx(10)            # 20 − 10 in one year
    assert r.required_growth == pytest.approx(1.5)              # 4 → 10
    assert r.forecast == pytest.approx(15)                      # 10 + next flow 5
    assert r.forecast_low == pytest.approx(15) and r.forecast_high == pytest.approx(15)
    assert r.status == "off_track"
    assert r.explanation == ("2021—2024年累计10件，完成目标的50.0%；按近三年年均增长58.7%推算，至2025年累计预计15件"
                             "（区间15–15），剩余1年需年均10件（年均增长150.0%），难以按期完成")


def test_cumulative_vs_annual_vs_stock_on_the_same_flows():
    flows = {2021: 2, 2022: 2, 2023: 2, 2024: 2}
    data = actuals("madrid_registrations", flows)
    as_of = "2024-12-31"
    cum = row(PlanProgress(make_plan(cumulative(target_value=10)), as_of=as_of).fit(data))
    assert cum.latest_value == 8 and cum.forecast == pytest.approx(10) and cum.status == "on_track"
    assert cum.required_growth == pytest.approx(0.0, abs=1e-9)
    annual = row(PlanProgress(make_plan(cumulative(kind="annual", target_value=10)), as_of=as_of).fit(data))
    assert annual.latest_value == 2 and annual.forecast == pytest.approx(2) and annual.status == "off_track"
    assert annual.required_growth == pytest.approx(4.0)
    annual_met = row(PlanProgress(make_plan(cumulative(kind="annual", target_value=2)), as_of=as_of).fit(data))
    assert annual_met.status == "achieved"


def test_at_most_direction():
    target = {"id": "t", "indicator": "patent_intensive_industry_share", "unit": "%", "kind": "stock",
              "direction": "at_most", "target_value": 5, "baseline_year": 2020, "baseline_value": 9}
    data = actuals("patent_intensive_industry_share", {2021: 8, 2022: 7.2, 2023: 6.5, 2024: 5.9})
    r = row(PlanProgress(make_plan(target), as_of="2024-12-31", use_baseline=False).fit(data))
    assert r.progress == pytest.approx((5.9 - 9) / (5 - 9))      # 0.775
    assert r.ratio_to_target == pytest.approx(5.9 / 5)
    assert r.required_growth == pytest.approx(5 / 5.9 - 1)       # −15.3%
    assert 5 < r.forecast < 5 / 0.9 and r.status == "at_risk"
    assert "目标为不高于5%" in r.explanation and "需年均下降15.3%" in r.explanation
    assert "年均下降" in r.explanation.split("；")[1]
    done = actuals("patent_intensive_industry_share", {2023: 5.5, 2024: 4.8})
    assert row(PlanProgress(make_plan(target), as_of="2024-12-31").fit(done)).status == "achieved"


def test_aliases_resolve_on_both_sides():
    data = actuals("madrid_applications", {2021: 5, 2022: 6})
    r = row(PlanProgress(make_plan(cumulative(indicator="madrid_registrations")), as_of="2022-12-31").fit(data))
    assert r.latest_value == 11


def test_region_must_match():
    data = actuals("valid_trademarks_per_10k_entities", SERIES, region="500000")
    assert row(PlanProgress(make_plan(stock()), as_of="2024-12-31").fit(data)).status == "no_data"
    plan = make_plan(stock(region_code="500000"))
    assert row(PlanProgress(plan, as_of="2024-12-31").fit(data)).status == "at_risk"


def test_period_strings_are_read_as_years():
    data = actuals("valid_trademarks_per_10k_entities", SERIES)
    data["period"] = [f"{y}-12-31" for y in SERIES]
    assert row(PlanProgress(make_plan(stock()), as_of="2024-12-31").fit(data)).latest_year == 2024


def test_bad_actuals_and_parameters_raise_user_errors():
    plan = make_plan(stock())
    with pytest.raises(UserError, match="miss columns"):
        PlanProgress(plan, as_of="2024-12-31").fit(pd.DataFrame({"indicator": [], "value": []}))
    dup = pd.concat([actuals("valid_trademarks_per_10k_entities", SERIES)] * 2)
    with pytest.raises(UserError, match="several values"):
        PlanProgress(plan, as_of="2024-12-31").fit(dup)
    with pytest.raises(UserError, match="trend_years"):
        PlanProgress(plan, trend_years=0).fit(None)
    with pytest.raises(UserError, match="interval"):
        PlanProgress(plan, interval=95).fit(None)
    with pytest.raises(UserError, match="at_risk_ratio"):
        PlanProgress(plan, at_risk_ratio=1.2).fit(None)
    with pytest.raises(UserError, match="as_of"):
        PlanProgress(plan, as_of="end of 2024").fit(None)
    with pytest.raises(UserError, match="not fitted"):
        PlanProgress(plan).to_frame()


def test_to_frame_is_the_targets_table():
    p = PlanProgress(make_plan(stock()), as_of="2024-12-31").fit(actuals("valid_trademarks_per_10k_entities", SERIES))
    assert p.to_frame() is p.targets_
    assert p.summary_["targets"] == {"achieved": 0, "on_track": 0, "at_risk": 1, "off_track": 0, "no_data": 0}
