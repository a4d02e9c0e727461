"""The plan registry: YAML plans (packaged seeds plus a user folder) read into ``Plan`` models and
checked by small rules that report file and line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zhichan._registry import lookup, read_documents, registry_files
from zhichan.measures import IndicatorRegistry, default_indicators
from zhichan.plans._plan_model import Plan
from zhichan.reference import code_prefix, regions


@dataclass(frozen=True)
class PlanProblem:
    """A rule broken by a plan document, with where it is."""

    file: str
    line: int
    plan: str | None
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.rule}] {self.plan or ''} {self.message}"


class PlanRegistry:
    """Plans by id, plus the problems found while loading them."""

    def __init__(self, plans: dict[str, Plan], problems: list[PlanProblem],
                 files: dict[str, str] | None = None) -> None:
        self.plans = plans
        self.problems = problems
        self.files = files or {}

    def __iter__(self):
        return iter(self.plans.values())

    def __len__(self) -> int:
        return len(self.plans)

    def __contains__(self, plan_id: str) -> bool:
        return plan_id in self.plans

    def get(self, plan_id: str) -> Plan:
        return lookup(self.plans, plan_id, "未知的规划 unknown plan",
                      "用 zhichan plan list 查看已载入的规划 (list the loaded plans)")


@dataclass
class _Context:
    """What the rules may look at besides the plan itself."""

    seen: dict[str, Plan]
    indicators: IndicatorRegistry


def load_plans(folder: Path | None = None, *, packaged: bool = True,
               indicators: IndicatorRegistry | None = None) -> PlanRegistry:
    """Read the packaged seed plans and every ``*.yaml`` plan in ``folder``, and check them."""
    files = list(registry_files("zhichan.plans", "seeds")) if packaged else []
    if folder is not None:
        files += registry_files("zhichan.plans", "seeds", Path(folder))
    ctx = _Context({}, indicators or default_indicators())
    where: dict[str, str] = {}
    problems: list[PlanProblem] = []
    for name, lines, plan in read_documents(files, Plan, PlanProblem, problems):
        for rule in DEFAULT_RULES:
            problems.extend(rule(plan, name, lines, ctx))
        if plan.id not in ctx.seen:
            ctx.seen[plan.id] = plan
            where[plan.id] = name
    return PlanRegistry(ctx.seen, problems, where)


@lru_cache(maxsize=1)
def default_plans() -> PlanRegistry:
    """The packaged seed plans (loaded once)."""
    return load_plans()


def plans_within(region: str) -> list[Plan]:
    """The packaged plans of ``region`` itself or of a region inside it."""
    prefix = code_prefix(region)
    return [p for p in default_plans() if p.region_code.startswith(prefix)]


# -- rules: each yields the problems it finds ----------------------------------------------------

def _at(lines, *path) -> int:
    """Line of a key path, else of its nearest parent, else of ``id``."""
    for i in range(len(path), 0, -1):
        if path[:i] in lines:
            return lines[path[:i]]
    return lines.get(("id",), 1)


def _targets(plan):
    return ((str(i), t) for i, t in enumerate(plan.targets))


def _tasks(plan):
    return ((str(i), t) for i, t in enumerate(plan.tasks))


def rule_unique_ids(plan, name, lines, ctx):
    if plan.id in ctx.seen:
        yield PlanProblem(name, _at(lines, "id"), plan.id, "unique-id", "plan id used twice")
    for part, items in (("targets", plan.targets), ("tasks", plan.tasks)):
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                yield PlanProblem(name, _at(lines, part, str(i), "id"), plan.id, "unique-id",
                                  f"{part[:-1]} id {item.id!r} used twice in this plan")
            seen.add(item.id)


def rule_region_known(plan, name, lines, ctx):
    if plan.region_code not in regions:
        yield PlanProblem(name, _at(lines, "region_code"), plan.id, "region-known",
                          f"region_code {plan.region_code} is not a GB/T 2260 code")
    for i, t in _targets(plan):
        if t.region_code and t.region_code not in regions:
            yield PlanProblem(name, _at(lines, "targets", i, "region_code"), plan.id, "region-known",
                              f"target {t.id}: region_code {t.region_code} is not a GB/T 2260 code")


def rule_period_ordered(plan, name, lines, ctx):
    if plan.period.start > plan.period.end:
        yield PlanProblem(name, _at(lines, "period", "end"), plan.id, "period-ordered",
                          f"period ends ({plan.period.end}) before it starts ({plan.period.start})")


def rule_indicator_known(plan, name, lines, ctx):
    for i, t in _targets(plan):
        if t.indicator not in ctx.indicators:
            yield PlanProblem(name, _at(lines, "targets", i, "indicator"), plan.id, "indicator-known",
                              f"target {t.id}: indicator {t.indicator!r} is not in the indicator registry")


def rule_deadline_after_baseline(plan, name, lines, ctx):
    for i, t in _targets(plan):
        if t.baseline_year is not None and t.deadline_year <= t.baseline_year:
            yield PlanProblem(name, _at(lines, "targets", i, "deadline_year"), plan.id, "deadline-after-baseline",
                              f"target {t.id}: deadline {t.deadline_year} is not after baseline {t.baseline_year}")
        start = plan.cumulative_start(t)
        if t.kind == "cumulative" and start > t.deadline_year:
            yield PlanProblem(name, _at(lines, "targets", i, "cumulative_from"), plan.id, "deadline-after-baseline",
                              f"target {t.id}: sums from {start}, after its deadline {t.deadline_year}")


def rule_deadline_in_period(plan, name, lines, ctx):
    for i, t in _targets(plan):
        if not plan.period.start <= t.deadline_year <= plan.period.end:
            yield PlanProblem(name, _at(lines, "targets", i, "deadline_year"), plan.id, "deadline-in-period",
                              f"target {t.id}: deadline {t.deadline_year} is outside the plan period "
                              f"{plan.period.start}–{plan.period.end}")


def rule_baseline_complete(plan, name, lines, ctx):
    for i, t in _targets(plan):
        if t.baseline_value is not None and t.baseline_year is None:
            yield PlanProblem(name, _at(lines, "targets", i, "baseline_value"), plan.id, "baseline-complete",
                              f"target {t.id}: baseline_value needs its baseline_year")


def rule_kind_fits_indicator(plan, name, lines, ctx):
    for i, t in _targets(plan):
        if t.indicator not in ctx.indicators:
            continue
        term = ctx.indicators.get(t.indicator).numerator
        if term.valid_at == "in_period" and t.kind == "stock":
            yield PlanProblem(name, _at(lines, "targets", i, "kind"), plan.id, "kind-fits-indicator",
                              f"target {t.id}: {t.indicator} is a yearly flow: kind must be annual or cumulative")
        if term.valid_at == "period_end" and t.kind != "stock":
            yield PlanProblem(name, _at(lines, "targets", i, "kind"), plan.id, "kind-fits-indicator",
                              f"target {t.id}: {t.indicator} is a year-end stock: kind must be stock")


def rule_unit_matches(plan, name, lines, ctx):
    for i, t in _targets(plan):
        if t.indicator in ctx.indicators:
            unit = ctx.indicators.get(t.indicator).unit
            if t.unit != unit:
                yield PlanProblem(name, _at(lines, "targets", i, "unit"), plan.id, "unit-matches",
                                  f"target {t.id}: unit {t.unit!r} differs from the indicator's {unit!r}; "
                                  "convert the target value to the indicator's unit")


def rule_task_has_lead_unit(plan, name, lines, ctx):
    for i, task in _tasks(plan):
        if not [u for u in task.lead_units if u.strip()]:
            yield PlanProblem(name, _at(lines, "tasks", i, "lead_units"), plan.id, "task-lead-unit",
                              f"task {task.id}: names no lead unit (牵头单位)")


def rule_status_dates_ordered(plan, name, lines, ctx):
    for i, task in _tasks(plan):
        for j in range(1, len(task.updates)):
            if task.updates[j].date < task.updates[j - 1].date:
                yield PlanProblem(name, _at(lines, "tasks", i, "updates", str(j), "date"), plan.id,
                                  "status-dates-ordered",
                                  f"task {task.id}: update {task.updates[j].date} is earlier than the one "
                                  f"before it ({task.updates[j - 1].date}); list updates oldest first")


DEFAULT_RULES = (rule_unique_ids, rule_region_known, rule_period_ordered, rule_indicator_known,
                 rule_deadline_after_baseline, rule_deadline_in_period, rule_baseline_complete,
                 rule_kind_fits_indicator, rule_unit_matches, rule_task_has_lead_unit,
                 rule_status_dates_ordered)
