"""Plan progress: targets against actual values and tasks against their status updates, at a date.
Pure functions over data: no database."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict

import numpy as np
import pandas as pd

from zhichan.errors import UserError
from zhichan.measures import IndicatorRegistry, default_indicators
from zhichan.plans._plan_model import Plan
from zhichan.plans._target_progress import STATUSES, Settings, evaluate_target
from zhichan.plans._task_progress import TASK_STATUSES, task_table, unit_counts

ACTUAL_COLUMNS = ("indicator", "region", "period", "value")

# Declared parameter constraints (name → (check, what is expected)), checked by ``fit``.
_PARAMETER_CONSTRAINTS = {
    "trend_years": (lambda v: isinstance(v, int) and v >= 1, "an integer ≥ 1"),
    "fit_years": (lambda v: isinstance(v, int) and v >= 2, "an integer ≥ 2"),
    "method": (lambda v: v in ("auto", "log_linear", "linear"), "auto, log_linear or linear"),
    "interval": (lambda v: isinstance(v, float | int) and 0 < v < 1, "a level between 0 and 1, e.g. 0.9"),
    "on_track_ratio": (lambda v: isinstance(v, float | int) and v > 0, "a ratio > 0, e.g. 1.0"),
    "at_risk_ratio": (lambda v: isinstance(v, float | int) and v > 0, "a ratio > 0, e.g. 0.9"),
}


def _as_date(v) -> dt.date:
    if v is None:
        return dt.date.today()
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise UserError("as_of 不是日期 (as_of is not a date)", expected="YYYY-MM-DD, e.g. 2024-12-31",
                        found=repr(v), fix="pass a datetime.date or an ISO date string") from None


def last_complete_year(as_of: dt.date) -> int:
    """The last year whose figures are complete at ``as_of`` (a year counts once it has ended)."""
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


class PlanProgress:
    """Progress of a plan at a date: its targets against actual values, its tasks against updates.

    Parameters
    ----------
    plan : Plan
    as_of : date or ISO string, default today
        A year's figures count once the year has ended by this date.
    trend_years : int, default 3
        k of the recent trend: CAGR from the value k years before the latest one.
    fit_years : int, default 5
        How many recent years the forecast's trend line is fitted on.
    method : {"auto", "log_linear", "linear"}, default "auto"
        Trend line of ln(value) (constant growth) or of the value; auto = log-linear when all
        values are positive. See ``zhichan.plans._forecast`` for the interval.
    interval : float, default 0.9
        Level of the forecast's prediction interval.
    on_track_ratio, at_risk_ratio : float, default 1.0 and 0.9
        Status thresholds on forecast ÷ target (at_most: target ÷ forecast): ≥ on_track_ratio is
        on_track; ≥ at_risk_ratio, or the interval reaching the target, is at_risk; else off_track.
        A target already met is achieved; one past its deadline and not met is off_track; with no
        value, no_data. With one value and no trend, the share done is compared with the share of
        time elapsed, times the same ratios.
    use_baseline : bool, default True
        Add the plan's stated baseline to a stock or annual series when that year has no value.
    indicators : IndicatorRegistry, optional
        Resolves indicator aliases (default: the packaged registry).

    Attributes
    ----------
    as_of_ : date
    targets_ : DataFrame
        One row per target: latest_year, latest_value (cumulative: the sum so far), latest_flow,
        ratio_to_target (actual ÷ target), progress ((actual − baseline) ÷ (target − baseline);
        cumulative: the sum ÷ target), trend_cagr, required_growth, required_mean_flow
        (cumulative), forecast, forecast_low, forecast_high, forecast_method, status, explanation.
    tasks_ : DataFrame
        One row per task: status as of the date, status_date, evidence, overdue, days_overdue.
    overdue_ : DataFrame
        The overdue rows of ``tasks_``.
    unit_counts_ : DataFrame
        Tasks per lead unit and status, with totals and overdue counts.
    summary_ : dict
        Counts of target statuses and task statuses, and the number of overdue tasks.

    Examples
    --------
    >>> from zhichan.plans import PlanProgress, default_plans
    >>> import pandas as pd
    >>> plan = default_plans().get("dazu_ip_plan_2021_2025")
    >>> actuals = pd.DataFrame({"indicator": ["geographical_indications"] * 3, "region": ["500111"] * 3,
    ...                         "period": [2021, 2022, 2023], "value": [5, 6, 7]})
    >>> p = PlanProgress(plan, as_of="2024-06-30").fit(actuals)
    >>> p.targets_.set_index("target_id").loc["geographical_indications", "status"]
    'achieved'
    """

    def __init__(self, plan: Plan, *, as_of=None, trend_years: int = 3, fit_years: int = 5,
                 method: str = "auto", interval: float = 0.9, on_track_ratio: float = 1.0,
                 at_risk_ratio: float = 0.9, use_baseline: bool = True,
                 indicators: IndicatorRegistry | None = None) -> None:
        self.plan = plan
        self.as_of = as_of
        self.trend_years = trend_years
        self.fit_years = fit_years
        self.method = method
        self.interval = interval
        self.on_track_ratio = on_track_ratio
        self.at_risk_ratio = at_risk_ratio
        self.use_baseline = use_baseline
        self.indicators = indicators

    def _check_parameters(self) -> None:
        for name, (ok, expected) in _PARAMETER_CONSTRAINTS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not ok(value):
                raise UserError(f"参数 {name} 无效 (invalid parameter {name})", where="PlanProgress",
                                expected=expected, found=repr(value), fix=f"pass {name}= {expected}")
        if self.at_risk_ratio > self.on_track_ratio:
            raise UserError("at_risk_ratio 不能大于 on_track_ratio", where="PlanProgress",
                            expected=f"at_risk_ratio ≤ on_track_ratio ({self.on_track_ratio})",
                            found=repr(self.at_risk_ratio), fix="lower at_risk_ratio")

    def fit(self, actuals: pd.DataFrame | None = None) -> PlanProgress:
        """Evaluate the plan on ``actuals`` (columns indicator, region, period, value; one value per
        indicator, region and year; for cumulative targets the yearly flows)."""
        self._check_parameters()
        registry = self.indicators or default_indicators()
        self.as_of_ = _as_date(self.as_of)
        settings = Settings(self.trend_years, self.fit_years, self.method, float(self.interval),
                            float(self.on_track_ratio), float(self.at_risk_ratio), bool(self.use_baseline))
        table = _prepare(actuals, registry, last_complete_year(self.as_of_))
        records = []
        for target in self.plan.targets:
            key = registry.aliases.get(target.indicator, target.indicator)
            rows = table[(table["indicator"] == key) & (table["region"] == self.plan.target_region(target))]
            series = pd.Series(rows["value"].to_numpy(dtype=float), index=rows["year"].to_numpy(dtype=int))
            title = registry.get(target.indicator).title_zh if target.indicator in registry else ""
            records.append(evaluate_target(self.plan, target, series, settings, title))
        self.settings_ = settings
        self.targets_ = pd.DataFrame(records)
        self.tasks_ = task_table(self.plan, self.as_of_)
        self.overdue_ = self.tasks_[self.tasks_["overdue"]].reset_index(drop=True)
        self.unit_counts_ = unit_counts(self.tasks_)
        target_counts = self.targets_["status"].value_counts() if records else pd.Series(dtype=int)
        task_counts = self.tasks_["status"].value_counts()
        self.summary_ = {
            "targets": {s: int(target_counts.get(s, 0)) for s in STATUSES},
            "tasks": {s: int(task_counts.get(s, 0)) for s in TASK_STATUSES},
            "overdue": len(self.overdue_),
        }
        return self

    def to_frame(self) -> pd.DataFrame:
        """The targets table (``targets_``)."""
        if not hasattr(self, "targets_"):
            raise UserError("PlanProgress 尚未计算 (not fitted yet)", fix="call .fit(actuals) first")
        return self.targets_


def _prepare(actuals: pd.DataFrame | None, registry: IndicatorRegistry, last_year: int) -> pd.DataFrame:
    """Actual values with canonical indicator ids and integer years, complete years only."""
    if actuals is None:
        return pd.DataFrame({"indicator": [], "region": [], "year": [], "value": []})
    missing = [c for c in ACTUAL_COLUMNS if c not in actuals.columns]
    if missing:
        raise UserError("实际值表缺少列 (actual values miss columns)", where="actuals",
                        expected=", ".join(ACTUAL_COLUMNS), found=", ".join(map(str, actuals.columns)),
                        fix=f"add the columns {', '.join(missing)}")
    df = pd.DataFrame({
        "indicator": actuals["indicator"].astype(str).map(lambda i: registry.aliases.get(i, i)),
        "region": actuals["region"].astype(str),
        "year": pd.to_numeric(actuals["period"].astype(str).str.extract(r"^(\d{4})")[0], errors="coerce"),
        "value": pd.to_numeric(actuals["value"], errors="coerce"),
    })
    bad = df["year"].isna()
    if bad.any():
        raise UserError("实际值的期间无法识别为年份 (period is not a year)", where="actuals.period",
                        expected="a year such as 2024 or '2024'", found=repr(actuals["period"][bad].iloc[0]),
                        fix="give one row per indicator, region and year")
    df["year"] = df["year"].astype(int)
    dup = df.duplicated(["indicator", "region", "year"], keep=False)
    if dup.any():
        row = df[dup].iloc[0]
        raise UserError("同一指标、地区、年份有多个值 (several values for one indicator, region and year)",
                        where="actuals", expected="one row per indicator, region and year",
                        found=f"{row['indicator']} {row['region']} {row['year']}",
                        fix="aggregate to yearly values first (flows: the year's total)")
    return df[(df["year"] <= last_year) & df["value"].notna()]


def _plain(v):
    """A JSON-friendly scalar: NaN → None, numpy → Python, dates → ISO strings."""
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if v is pd.NaT or v is None:
        return None
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def plan_status(plan: Plan | str, actuals: pd.DataFrame | None = None, *, as_of=None, **params) -> dict:
    """A plan's progress as a JSON-serialisable dict (``plan``, ``as_of``, ``settings``,
    ``summary``, ``targets``, ``tasks``, ``overdue``, ``units``). ``plan`` may be a packaged plan id;
    ``params`` are those of ``PlanProgress``."""
    if isinstance(plan, str):
        from zhichan.plans._plan_registry import default_plans

        plan = default_plans().get(plan)
    p = PlanProgress(plan, as_of=as_of, **params).fit(actuals)
    head = plan.model_dump(mode="json", exclude={"targets", "tasks"})
    return {
        "plan": head,
        "as_of": p.as_of_.isoformat(),
        "settings": asdict(p.settings_),
        "summary": p.summary_,
        "targets": _records(p.targets_),
        "tasks": _records(p.tasks_),
        "overdue": [r["task_id"] for r in _records(p.overdue_)],
        "units": _records(p.unit_counts_),
    }
