"""Tasks at a date: each task's status, which are overdue, and counts by lead unit and status."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from zhichan.plans._plan_model import CLOSED_STATUSES, TASK_STATUSES, Plan

TASK_STATUS_ZH = {"not_started": "未启动", "in_progress": "推进中", "done": "已完成", "delayed": "滞后",
                  "cancelled": "已取消"}
TASK_COLUMNS = ["plan_id", "task_id", "title", "category", "lead_units", "co_units", "due", "status",
                "status_zh", "status_date", "evidence", "overdue", "days_overdue", "note"]


def task_table(plan: Plan, as_of: dt.date) -> pd.DataFrame:
    """One row per task: its status as of ``as_of`` (the latest update on or before it, else
    ``not_started``) and whether it is overdue (due before ``as_of`` and neither done nor cancelled)."""
    rows = []
    for task in plan.tasks:
        known = sorted((u for u in task.updates if u.date <= as_of), key=lambda u: u.date)
        last = known[-1] if known else None
        status = last.status if last else "not_started"
        overdue = task.due is not None and task.due < as_of and status not in CLOSED_STATUSES
        rows.append({
            "plan_id": plan.id, "task_id": task.id, "title": task.title, "category": task.category,
            "lead_units": list(task.lead_units), "co_units": list(task.co_units), "due": task.due,
            "status": status, "status_zh": TASK_STATUS_ZH[status], "status_date": last.date if last else None,
            "evidence": last.evidence if last else None, "overdue": overdue,
            "days_overdue": (as_of - task.due).days if overdue else 0, "note": task.note,
        })
    return pd.DataFrame(rows, columns=TASK_COLUMNS)


def unit_counts(tasks: pd.DataFrame) -> pd.DataFrame:
    """Tasks per lead unit and status (a task with two lead units counts for both), plus totals
    and overdue counts; one row per lead unit, most tasks first."""
    columns = ["lead_unit", *TASK_STATUSES, "total", "overdue"]
    if tasks.empty:
        return pd.DataFrame(columns=columns)
    long = tasks[["lead_units", "status", "overdue"]].explode("lead_units").rename(columns={"lead_units": "lead_unit"})
    long = long.dropna(subset=["lead_unit"])
    table = pd.crosstab(long["lead_unit"], long["status"]).reindex(columns=list(TASK_STATUSES), fill_value=0)
    table["total"] = table.sum(axis=1)
    table["overdue"] = long.groupby("lead_unit")["overdue"].sum().astype(int)
    table = table.reset_index().sort_values(["total", "lead_unit"], ascending=[False, True], kind="stable")
    table.columns.name = None
    return table[columns].reset_index(drop=True)
