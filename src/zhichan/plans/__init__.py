"""Plans as data: targets and tasks read from YAML, checked by rules, and monitored at a date.

Public API:
- ``Plan``, ``Target``, ``Task``, ``StatusUpdate``: a plan document's typed model
- ``load_plans(folder=None, *, packaged=True, indicators=None)`` → ``PlanRegistry`` (plans by id and
  the ``problems`` the rules found, as ``PlanProblem(file, line, plan, rule, message)``);
  ``default_plans()``: the packaged seed plans, loaded once
- ``PlanProgress(plan, *, as_of=None, trend_years=3, fit_years=5, method="auto", interval=0.9,
  on_track_ratio=1.0, at_risk_ratio=0.9, use_baseline=True, indicators=None)``: ``fit(actuals)``
  (columns indicator, region, period, value) → ``targets_``, ``tasks_``, ``overdue_``,
  ``unit_counts_``, ``summary_``; ``to_frame()``
- ``plan_status(plan, actuals=None, *, as_of=None, **params)``: the same as a JSON-serialisable dict
- ``plan_actuals(db, plan, as_of=None)``: the yearly values of a plan's indicators computed from a
  workspace (``zhichan.measures``), ready for ``fit``
- ``TARGET_STATUSES``, ``TASK_STATUSES``: the status vocabularies
"""

from __future__ import annotations

from zhichan.plans._actuals import plan_actuals
from zhichan.plans._plan_model import TASK_STATUSES, Plan, StatusUpdate, Target, Task
from zhichan.plans._plan_registry import (
           PlanProblem,
           PlanRegistry,
           default_plans,
           load_plans,
           plans_within,
)
from zhichan.plans._progress import PlanProgress, plan_status
from zhichan.plans._target_progress import STATUSES as TARGET_STATUSES

__all__ = ["TARGET_STATUSES", "TASK_STATUSES", "Plan", "PlanProblem", "PlanProgress", "PlanRegistry",
           "StatusUpdate", "Target", "Task", "default_plans", "load_plans", "plan_actuals", "plan_status",
           "plans_within"]
