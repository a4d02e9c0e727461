"""Tasks at a date: status from the latest update, overdue logic, counts by lead unit."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from zhichan.plans import Plan, PlanProgress, default_plans, plan_status

TASKS = [
    {"id": "a", "title": "任务甲", "lead_units": ["市场监管局"], "due": "2021-06-30",
     "updates": [{"date": "2021-02-01", "status": "in_progress"}, {"date": "2021-06-15", "status": "done",
                                                                   "evidence": "验收报告"}]},
    {"id": "b", "title": "任务乙", "lead_units": ["市场监管局", "科技局"], "co_units": ["财政局"],
     "due": "2021-09-30", "updates": [{"date": "2021-03-01", "status": "in_progress"},
                                      {"date": "2021-10-10", "status": "delayed"}]},
    {"id": "c", "title": "任务丙", "lead_units": ["科技局"], "due": "2021-12-31"},
    {"id": "d", "title": "任务丁", "lead_units": ["司法局"], "due": "2021-03-31",
     "updates": [{"date": "2021-03-15", "status": "cancelled"}]},
    {"id": "e", "title": "任务戊", "lead_units": ["科技局"]},
]


def make_plan() -> Plan:
    return Plan.model_validate({
        "id": "w", "title_zh": "工作要点", "title_en": "Work points", "region_code": "510000",
        "region_name": "四川省", "issuer": "测试", "period": {"start": 2021, "end": 2021},
        "source": {"title": "测试"}, "tasks": TASKS,
    })


def tasks_at(day: str) -> pd.DataFrame:
    return PlanProgress(make_plan(), as_of=day).fit().tasks_.set_index("task_id")


def test_status_is_the_latest_update_on_or_before_the_date():
    t = tasks_at("2021-01-31")
    assert list(t.status) == ["not_started"] * 5
    t = tasks_at("2021-06-15")
    assert t.loc["a", "status"] == "done" and t.loc["a", "evidence"] == "验收报告"
    assert t.loc["a", "status_date"] == dt.date(2021, 6, 15)
    assert t.loc["b", "status"] == "in_progress" and t.loc["b", "status_zh"] == "推进中"
    assert tasks_at("2021-10-10").loc["b", "status"] == "delayed"


def test_overdue_means_due_before_the_date_and_still_open():
    t = tasks_at("2021-07-01")
    assert list(t.index[t.overdue]) == []            # a done in time, d cancelled
    t = tasks_at("2021-10-01")
    assert list(t.index[t.overdue]) == ["b"] and t.loc["b", "days_overdue"] == 1
    t = tasks_at("2022-01-01")
    assert list(t.index[t.overdue]) == ["b", "c"]    # e has no due date
    assert t.loc["c", "days_overdue"] == 1
    assert not tasks_at("2021-09-30").loc["b", "overdue"]  # due that very day


def test_overdue_frame_and_summary():
    p = PlanProgress(make_plan(), as_of="2022-01-01").fit()
    assert list(p.overdue_.task_id) == ["b", "c"]
    assert p.summary_["tasks"] == {"not_started": 2, "in_progress": 0, "done": 1, "delayed": 1, "cancelled": 1}
    assert p.summary_["overdue"] == 2
    assert p.targets_.empty


def test_counts_by_lead_unit_and_status():
    counts = PlanProgress(make_plan(), as_of="2022-01-01").fit().unit_counts_.set_index("lead_unit")
    assert list(counts.index) == ["科技局", "市场监管局", "司法局"]   # most tasks first
    assert counts.loc["科技局"].to_dict() == {"not_started": 2, "in_progress": 0, "done": 0, "delayed": 1,
                                            "cancelled": 0, "total": 3, "overdue": 2}
    assert counts.loc["市场监管局", "done"] == 1 and counts.loc["市场监管局", "delayed"] == 1
    assert counts.loc["市场监管局", "overdue"] == 1
    assert counts.loc["司法局", "cancelled"] == 1 and counts.loc["司法局", "overdue"] == 0
    assert "财政局" not in counts.index                                 # co-units are not lead units


def test_sichuan_seed_tasks_over_time():
    plan = default_plans().get("sichuan_ip_work_points_2021")
    t = PlanProgress(plan, as_of="2021-12-31").fit().tasks_.set_index("task_id")
    assert t.loc["task_01", "status"] == "in_progress" and not t.loc["task_01", "overdue"]
    t = PlanProgress(plan, as_of="2022-06-30").fit().tasks_.set_index("task_id")
    assert list(t.index[t.overdue]) == ["task_01", "task_02"]
    t = PlanProgress(plan, as_of="2023-01-01").fit().tasks_.set_index("task_id")
    assert t.loc["task_01", "status"] == "done" and list(t.index[t.overdue]) == ["task_02"]


def test_plan_status_is_json_serialisable():
    actuals = pd.DataFrame({"indicator": ["geographical_indications"] * 3 + ["madrid_applications"] * 4,
                            "region": ["500111"] * 7, "period": [2021, 2022, 2023, 2021, 2022, 2023, 2024],
                            "value": [5, 6, 7, 1, 2, 2, 3]})
    d = plan_status("dazu_ip_plan_2021_2025", actuals, as_of="2024-12-31")
    back = json.loads(json.dumps(d, ensure_ascii=False))
    assert back["as_of"] == "2024-12-31" and back["plan"]["id"] == "dazu_ip_plan_2021_2025"
    targets = {t["target_id"]: t for t in back["targets"]}
    assert targets["geographical_indications"]["status"] == "achieved"
    assert targets["madrid_applications"]["latest_value"] == 8
    assert targets["overseas_invention_grants"]["status"] == "no_data"
    assert targets["overseas_invention_grants"]["forecast"] is None
    assert back["summary"]["targets"]["no_data"] == 4   # 6 targets, data for 2
    assert back["settings"]["trend_years"] == 3


def test_plan_status_lists_overdue_tasks():
    d = plan_status(make_plan(), as_of="2022-01-01")
    assert d["overdue"] == ["b", "c"]
    assert json.loads(json.dumps(d))["tasks"][0]["due"] == "2021-06-30"
    assert {u["lead_unit"] for u in d["units"]} == {"科技局", "市场监管局", "司法局"}


def test_plan_status_passes_parameters():
    with pytest.raises(Exception, match="trend_years"):
        plan_status(make_plan(), trend_years=-1)
