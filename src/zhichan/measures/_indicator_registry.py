"""The indicator registry: YAML files read into ``Indicator`` models, checked by small rules that
report file and line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zhichan._registry import lookup, read_documents, registry_files
from zhichan.ingest._metrics import metrics
from zhichan.measures._indicator_model import Indicator

# Examples whose numerator and denominator are given must agree with the value to this share
# (official figures round their inputs, e.g. Beijing 2023: 262.7 computed vs 262.9 published).
EXAMPLE_TOLERANCE = 0.01


@dataclass(frozen=True)
class IndicatorProblem:
    """A rule broken by an indicator definition, with where it is."""

    file: str
    line: int
    indicator: str | None
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.rule}] {self.indicator or ''} {self.message}"


class IndicatorRegistry:
    """Indicators by id (aliases resolve too), plus the problems found while loading them."""

    def __init__(self, indicators: dict[str, Indicator], problems: list[IndicatorProblem],
                 files: dict[str, str] | None = None) -> None:
        self.indicators = indicators
        self.problems = problems
        self.files = files or {}
        self.aliases = {a: ind.id for ind in indicators.values() for a in ind.aliases}

    def __iter__(self):
        return iter(self.indicators.values())

    def __len__(self) -> int:
        return len(self.indicators)

    def __contains__(self, indicator_id: str) -> bool:
        return indicator_id in self.indicators or indicator_id in self.aliases

    def get(self, indicator_id: str) -> Indicator:
        return lookup(self.indicators, self.aliases.get(indicator_id, indicator_id), "未知的指标 unknown indicator",
                      "可用指标见 docs/indicators.md (see the indicator catalogue)")


def load_indicators(folder: Path | None = None) -> IndicatorRegistry:
    """Read every ``*.yaml`` indicator in a folder (default: the packaged ones) and check it."""
    files = registry_files("zhichan.measures", "indicators", folder)
    indicators: dict[str, Indicator] = {}
    where: dict[str, str] = {}
    problems: list[IndicatorProblem] = []
    for name, lines, ind in read_documents(files, Indicator, IndicatorProblem, problems):
        for rule in DEFAULT_RULES:
            problems.extend(rule(ind, name, lines, indicators))
        if ind.id not in indicators:
            indicators[ind.id] = ind
            where[ind.id] = name
    return IndicatorRegistry(indicators, problems, where)


# -- rules: each yields the problems it finds ----------------------------------------------------

def _at(lines, *path) -> int:
    """Line of a key path, else of its nearest parent, else of ``id``."""
    for i in range(len(path), 0, -1):
        if path[:i] in lines:
            return lines[path[:i]]
    return lines.get(("id",), 1)


def rule_unique_id(ind, name, lines, seen):
    if ind.id in seen:
        yield IndicatorProblem(name, _at(lines, "id"), ind.id, "unique-id", "indicator id used twice")
    for i, a in enumerate(ind.aliases):
        clash = a in seen or a == ind.id or any(a in other.aliases for other in seen.values())
        if clash:
            yield IndicatorProblem(name, _at(lines, "aliases", str(i)), ind.id, "unique-id",
                                   f"alias {a!r} is already an indicator id or alias")


def rule_definition_present(ind, name, lines, seen):
    if not (ind.definition_zh or "").strip():
        yield IndicatorProblem(name, _at(lines, "definition_zh"), ind.id, "definition-present",
                               "definition_zh is missing or empty: say exactly what is counted")


def rule_example_present(ind, name, lines, seen):
    if ind.example is None:
        yield IndicatorProblem(name, _at(lines, "example"), ind.id, "example-present",
                               "example is missing: give a reference value with region, period and source")


def rule_terms_complete(ind, name, lines, seen):
    for part in ("numerator", "denominator"):
        term = getattr(ind, part)
        if term is None:
            continue
        if term.source == "rights" and not term.kinds:
            yield IndicatorProblem(name, _at(lines, part, "source"), ind.id, "terms-complete",
                                   f"{part} counts rights but names no kinds")
        if term.source == "rights" and term.valid_at is None:
            yield IndicatorProblem(name, _at(lines, part, "source"), ind.id, "terms-complete",
                                   f"{part} counts rights: say valid_at period_end (stock) or in_period (flow)")
        if term.valid_at == "in_period" and term.count_by is None:
            yield IndicatorProblem(name, _at(lines, part, "valid_at"), ind.id, "terms-complete",
                                   f"{part} is a flow: say which date counts (count_by)")
        if term.measure == "sum_amount" and not term.filters.event_kinds:
            yield IndicatorProblem(name, _at(lines, part, "measure"), ind.id, "terms-complete",
                                   f"{part} sums amounts, which only events carry: name event_kinds")
        if term.source == "stat" and not term.metric:
            yield IndicatorProblem(name, _at(lines, part, "source"), ind.id, "terms-complete",
                                   f"{part} reads a statistic but names no metric")


def rule_stat_metric_known(ind, name, lines, seen):
    known = metrics()
    for part in ("numerator", "denominator"):
        term = getattr(ind, part)
        if term is not None and term.source == "stat" and term.metric and term.metric not in known:
            yield IndicatorProblem(name, _at(lines, part, "metric"), ind.id, "stat-metric-known",
                                   f"{part} metric {term.metric!r} is not in ingest/metrics.yaml")


def rule_scale_positive(ind, name, lines, seen):
    if not ind.scale > 0:
        yield IndicatorProblem(name, _at(lines, "scale"), ind.id, "scale-positive", f"scale must be > 0, got {ind.scale}")
    for part in ("numerator", "denominator"):
        term = getattr(ind, part)
        if term is not None and not term.scale > 0:
            yield IndicatorProblem(name, _at(lines, part, "scale"), ind.id, "scale-positive",
                                   f"{part}.scale must be > 0, got {term.scale}")


def rule_units_consistent(ind, name, lines, seen):
    per = "万人" in ind.unit or "万户" in ind.unit or "每万" in ind.title_zh or ind.unit == "%"
    if per and ind.denominator is None:
        yield IndicatorProblem(name, _at(lines, "unit"), ind.id, "units-consistent",
                               f"unit {ind.unit!r} is a ratio but the indicator has no denominator")
    if ind.denominator is not None and not per and "/" not in ind.unit:
        yield IndicatorProblem(name, _at(lines, "unit"), ind.id, "units-consistent",
                               f"the indicator has a denominator but unit {ind.unit!r} is not a ratio")
    if ind.unit == "%" and ind.scale != 100:
        yield IndicatorProblem(name, _at(lines, "scale"), ind.id, "units-consistent", "a percentage needs scale 100")
    if ("每万" in ind.title_zh or "/万" in ind.unit) and ind.scale != 10_000:
        yield IndicatorProblem(name, _at(lines, "scale"), ind.id, "units-consistent", "a per-10k indicator needs scale 10000")


def rule_reported_is_plan_only(ind, name, lines, seen):
    if (ind.numerator.source == "reported") != ind.plan_only:
        yield IndicatorProblem(name, _at(lines, "plan_only"), ind.id, "reported-is-plan-only",
                               "plan_only is true exactly when the numerator is reported by hand")


def rule_example_consistent(ind, name, lines, seen):
    ex = ind.example
    if ex is None or ex.numerator is None or (ind.denominator is not None and not ex.denominator):
        return
    got = ind.compute(ex.numerator, ex.denominator)
    if abs(got - ex.value) > EXAMPLE_TOLERANCE * max(abs(ex.value), 1e-9):
        yield IndicatorProblem(name, _at(lines, "example", "value"), ind.id, "example-consistent",
                               f"example numerator/denominator give {got:.4g}, not {ex.value}")


DEFAULT_RULES = (rule_unique_id, rule_definition_present, rule_example_present, rule_terms_complete,
                 rule_stat_metric_known, rule_scale_positive, rule_units_consistent, rule_reported_is_plan_only,
                 rule_example_consistent)


@lru_cache(maxsize=1)
def default_indicators() -> IndicatorRegistry:
    """The packaged indicators (loaded once)."""
    return load_indicators()
