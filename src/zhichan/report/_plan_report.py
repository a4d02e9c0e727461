"""Plan briefings (规划实施情况简报): where each target and task of a plan stands, as a report
section or a whole report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zhichan.plans import PlanProgress, default_plans, plan_actuals
from zhichan.report import _findings as F
from zhichan.report._charts import bar_chart
from zhichan.report._model import Figure, Report, Section, Table
from zhichan.report._sources import definitions_section
from zhichan.report._templates import template_yaml

STATUS_ZH = {"achieved": "已完成", "on_track": "进度正常", "at_risk": "存在风险", "off_track": "难以完成",
             "no_data": "暂无数据"}
TARGET_COLUMNS = {"indicator_title": "指标", "target_value": "目标值", "unit": "单位", "deadline_year": "目标年",
                  "latest_value": "最新实际", "latest_year": "年份", "ratio_to_target": "完成比例(%)",
                  "forecast": "目标年预测", "status_zh": "状态"}


def plan_section(s: Section, db, plan, *, as_of: dt.date, owner_rule: str | None = None,
                 figdir: Path | None = None) -> PlanProgress:
    """Fill ``s`` with the plan's targets (and tasks) and return the fitted progress."""
    prog = PlanProgress(plan, as_of=as_of).fit(plan_actuals(db, plan, as_of=as_of, owner_rule=owner_rule))
    t = prog.targets_.copy()
    if len(t):
        t["status_zh"] = t["status"].map(STATUS_ZH)
        t["ratio_to_target"] = 100 * t["ratio_to_target"]
        counts = t["status_zh"].value_counts()
        s.add(f"截至{as_of.isoformat()}，《{plan.title_zh}》共{len(t)}项目标："
              + "，".join(f"{k}{v}项" for k, v in counts.items()) + "。")
        s.add(Table(f"《{plan.title_zh}》目标进展", t, TARGET_COLUMNS,
                    {"target_value": "auto", "latest_value": "auto", "latest_year": ".0f",
                     "ratio_to_target": ".1f", "forecast": "auto"}))
        for r in t.itertuples():
            s.add(f"{r.indicator_title}：{r.explanation}")
        if figdir is not None:
            shown = t.dropna(subset=["ratio_to_target"])
            if len(shown):
                path = bar_chart(shown["indicator_title"].tolist(), shown["ratio_to_target"].tolist(),
                                 figdir / f"plan-{plan.id}.png", title="目标完成比例", unit="%", reference=100.0,
                                 reference_label="目标")
                s.add(Figure(f"《{plan.title_zh}》各目标完成比例", path))
    tasks = prog.tasks_
    if len(tasks):
        s.add(f"共{len(tasks)}项任务，逾期{len(prog.overdue_)}项。")
        tk = tasks.copy()
        tk["lead"] = tk["lead_units"].map(lambda v: "、".join(v))
        s.add(Table("任务进展", tk, {"task_id": "编号", "title": "任务", "lead": "牵头单位", "due": "时限",
                                   "status_zh": "状态"}))
    return prog


def build_plan_report(db, plan_id: str, workdir: Path, *, as_of: dt.date | None = None, templates: Path | None = None,
                      note: str = "", owner_rule: str | None = None) -> Report:
    """A briefing on one plan."""
    plan = default_plans().get(plan_id)
    day = as_of or dt.date.today()
    words = template_yaml("findings.yaml", templates)
    rep = Report("plan", f"《{plan.title_zh}》实施情况简报", f"（截至{day.isoformat()}）", plan.issuer,
                 dt.date.today().isoformat(), note=note)
    s = rep.section("目标与任务进展")
    prog = plan_section(s, db, plan, as_of=day, owner_rule=owner_rule, figdir=Path(workdir))
    rep.findings.extend(F.plan_sentences(words, plan.title_zh, prog.targets_, day.year - 1)
                        if len(prog.targets_) else [])
    if len(prog.overdue_):
        rep.findings.append(f"逾期任务{len(prog.overdue_)}项：" + "、".join(prog.overdue_["title"].str.slice(0, 20)) + "。")
    src = rep.section("规划来源")
    src.add(f"{plan.source.title}。" + (plan.source.note or ""))
    rep.facts = {"plan": plan.id, "targets": prog.targets_, "tasks": prog.tasks_}
    ids = [t.indicator for t in plan.targets]
    if ids:
        from zhichan.measures import default_indicators

        reg = default_indicators()
        rep.appendix.append(definitions_section(list(dict.fromkeys(reg.get(i).id for i in ids if i in reg)), db))
    return rep
