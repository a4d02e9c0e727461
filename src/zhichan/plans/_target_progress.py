"""One target against its yearly series: achievement, required growth, trend, forecast, status and a
one-line Chinese explanation built from the numbers."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from zhichan.plans._forecast import cagr, fit_trend, required_flow_growth, required_growth
from zhichan.plans._plan_model import Plan, Target

STATUSES = ("achieved", "on_track", "at_risk", "off_track", "no_data")
STATUS_ZH = {"achieved": "已达到目标", "on_track": "进度正常", "at_risk": "存在风险",
             "off_track": "难以按期完成", "no_data": "暂无数据"}
_NUMERALS = "零一两三四五六七八九十"


@dataclass(frozen=True)
class Settings:
    """The parameters of ``PlanProgress`` that the per-target evaluation uses."""

    trend_years: int = 3
    fit_years: int = 5
    method: str = "auto"
    interval: float = 0.9
    on_track_ratio: float = 1.0
    at_risk_ratio: float = 0.9
    use_baseline: bool = True


def fmt_num(v: float) -> str:
    """1320 → '1,320'; 3.456 → '3.46'; 6.0 → '6'."""
    if abs(v) >= 100 or float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def fmt_pct(v: float) -> str:
    return f"{v * 100:.1f}%"


def _change(g: float) -> str:
    """0.062 → '增长6.2%'; -0.05 → '下降5.0%'."""
    return f"{'增长' if g >= 0 else '下降'}{fmt_pct(abs(g))}"


def _years_zh(k: int) -> str:
    return _NUMERALS[k] if 0 <= k <= 10 else str(k)


def meets(value: float, target: Target) -> bool:
    return value >= target.target_value if target.direction == "at_least" else value <= target.target_value


def closeness(value: float, target: Target) -> float:
    """How far toward the target a value is, as a ratio (1 = exactly the target)."""
    if target.direction == "at_least":
        return value / target.target_value if target.target_value else math.inf
    if value <= 0:
        return math.inf
    return target.target_value / value


def _trend(series: pd.Series, k: int) -> tuple[float | None, int]:
    """CAGR over the last ``k`` years of a series (from the earliest year in that window)."""
    last = int(series.index[-1])
    window = series[series.index >= last - k]
    first = int(window.index[0])
    return cagr(float(window.iloc[0]), float(series.iloc[-1]), last - first), last - first


def evaluate_target(plan: Plan, target: Target, series: pd.Series, settings: Settings,
                    title: str = "") -> dict:
    """Evaluate a target on a yearly series (index: year; for cumulative targets: yearly flows)."""
    s = settings
    rec: dict = {
        "plan_id": plan.id, "target_id": target.id, "indicator": target.indicator, "indicator_title": title,
        "region_code": plan.target_region(target), "kind": target.kind, "direction": target.direction,
        "unit": target.unit, "baseline_year": target.baseline_year, "baseline_value": target.baseline_value,
        "target_value": target.target_value, "deadline_year": target.deadline_year,
        "latest_year": None, "latest_value": None, "latest_flow": None, "years_observed": 0,
        "ratio_to_target": None, "progress": None, "trend_cagr": None, "trend_years": None,
        "required_growth": None, "required_mean_flow": None, "forecast": None, "forecast_low": None,
        "forecast_high": None, "forecast_method": None, "status": "no_data", "explanation": "",
    }
    series = series.dropna().sort_index()
    series = series[series.index <= target.deadline_year]
    start = plan.cumulative_start(target) if target.kind == "cumulative" else None
    in_plan = series[series.index >= start] if start is not None else series
    if in_plan.empty:
        rec["explanation"] = f"暂无{title or target.indicator}的数据，无法评估"
        return rec
    observed = len(in_plan)
    if (start is None and s.use_baseline and target.baseline_value is not None
            and target.baseline_year not in series.index):
        # The plan's stated baseline joins the series (it lengthens a short trend).
        series = pd.concat([series, pd.Series({target.baseline_year: target.baseline_value})]).sort_index()
        in_plan = series

    latest_year = int(in_plan.index[-1])
    remaining_years = target.deadline_year - latest_year
    if target.kind == "cumulative":
        actual = float(in_plan.sum())
        rec["latest_flow"] = float(in_plan.iloc[-1])
    else:
        actual = float(in_plan.iloc[-1])
    rec.update(latest_year=latest_year, latest_value=actual, years_observed=observed,
               ratio_to_target=actual / target.target_value if target.target_value else None)
    if target.kind == "cumulative":
        rec["progress"] = rec["ratio_to_target"]
    elif target.baseline_value is not None and target.target_value != target.baseline_value:
        rec["progress"] = (actual - target.baseline_value) / (target.target_value - target.baseline_value)

    if len(series) >= 2:
        rec["trend_cagr"], rec["trend_years"] = _trend(series, s.trend_years)

    if remaining_years > 0:
        if target.kind == "cumulative":
            remaining = target.target_value - actual
            rec["required_mean_flow"] = remaining / remaining_years
            rec["required_growth"] = required_flow_growth(rec["latest_flow"], remaining, remaining_years)
        else:
            rec["required_growth"] = required_growth(actual, target.target_value, remaining_years)
        window = series[series.index > int(series.index[-1]) - s.fit_years]
        fit = fit_trend(list(window.index), list(window.values), s.method)
        if fit is not None:
            rec["forecast_method"] = fit.method
            if target.kind == "cumulative":
                point, band = fit.predict_sum(list(range(latest_year + 1, target.deadline_year + 1)), s.interval)
                point, band = actual + point, band and (actual + band[0], actual + band[1])
            else:
                point, band = fit.predict(target.deadline_year), fit.interval(target.deadline_year, s.interval)
            rec["forecast"] = point
            if band:
                rec["forecast_low"], rec["forecast_high"] = band

    rec["status"] = _status(plan, target, rec, s)
    rec["explanation"] = explain(target, rec, start)
    return rec


def _status(plan: Plan, target: Target, rec: dict, s: Settings) -> str:
    if meets(rec["latest_value"], target):
        return "achieved"
    if rec["latest_year"] >= target.deadline_year:
        return "off_track"
    if rec["forecast"] is not None:
        ratio = closeness(rec["forecast"], target)
        if ratio >= s.on_track_ratio:
            return "on_track"
        best = rec["forecast_high"] if target.direction == "at_least" else rec["forecast_low"]
        if ratio >= s.at_risk_ratio or (best is not None and meets(best, target)):
            return "at_risk"
        return "off_track"
    # One observation, no trend: compare the share done with the share of time elapsed.
    first = (plan.cumulative_start(target) if target.kind == "cumulative"
             else (target.baseline_year + 1 if target.baseline_year is not None else plan.period.start))
    elapsed = (rec["latest_year"] - first + 1) / max(target.deadline_year - first + 1, 1)
    done = rec["progress"] if rec["progress"] is not None else closeness(rec["latest_value"], target)
    if done >= elapsed * s.on_track_ratio:
        return "on_track"
    return "at_risk" if done >= elapsed * s.at_risk_ratio else "off_track"


def explain(target: Target, rec: dict, start: int | None) -> str:
    """The one-line Chinese explanation of a target's evaluation."""
    u, y, d = target.unit, rec["latest_year"], target.deadline_year
    status = rec["status"]
    t = fmt_num(target.target_value)
    if target.kind == "cumulative":
        span = f"{start}年" if start == y else f"{start}—{y}年"
        head = f"{span}累计{fmt_num(rec['latest_value'])}{u}"
    else:
        head = f"{y}年为{fmt_num(rec['latest_value'])}{u}"
    if target.direction == "at_least":
        head += f"，完成目标的{fmt_pct(rec['ratio_to_target'])}" if rec["ratio_to_target"] is not None else ""
    else:
        head += f"，目标为不高于{t}{u}"
    if rec["progress"] is not None and target.kind != "cumulative":
        head += f"（较{target.baseline_year}年基期进度{fmt_pct(rec['progress'])}）"
    if status == "achieved":
        return f"{head}，已达到目标（{t}{u}）"
    if y >= d:
        return f"{head}，未完成{d}年目标（{t}{u}）"
    parts = [head]
    if rec["forecast"] is not None:
        g = rec["trend_cagr"]
        basis = (f"按近{_years_zh(rec['trend_years'])}年年均{_change(g)}推算"
                 if g is not None else "按近年趋势推算")
        when = f"至{d}年累计预计" if target.kind == "cumulative" else f"{d}年预计"
        band = (f"（区间{fmt_num(rec['forecast_low'])}–{fmt_num(rec['forecast_high'])}）"
                if rec["forecast_low"] is not None else "")
        parts.append(f"{basis}，{when}{fmt_num(rec['forecast'])}{u}{band}")
    if target.kind == "cumulative" and rec["required_mean_flow"] is not None:
        need = f"剩余{d - y}年需年均{fmt_num(rec['required_mean_flow'])}{u}"
        if rec["required_growth"] is not None:
            need += f"（年均{_change(rec['required_growth'])}）"
        parts.append(need)
    elif rec["required_growth"] is not None:
        parts.append(f"需年均{_change(rec['required_growth'])}")
    return "；".join(parts[:2]) + ("，" + "，".join(parts[2:]) if parts[2:] else "") + f"，{STATUS_ZH[status]}"
