"""Plan registry: the seed plans load clean with the right facts, and each rule reports file and line."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import zhichan.plans as plans_pkg
from zhichan.errors import UserError
from zhichan.plans import Plan, PlanRegistry, default_plans, load_plans

GOOD = """\
id: test_plan
title_zh: 测试规划
title_en: Test plan
region_code: "500111"
region_name: 重庆市大足区
issuer: 测试
period: {start: 2021, end: 2025}
source: {title: 测试文件}
targets:
  - id: gi
    indicator: geographical_indications
    baseline_year: 2020
    baseline_value: 4
    target_value: 7
    deadline_year: 2025
    kind: stock
    unit: 件
  - id: madrid
    indicator: madrid_applications
    target_value: 10
    deadline_year: 2025
    kind: cumulative
    unit: 件
tasks:
  - id: t1
    title: 任务一
    lead_units: [区市场监管局]
    due: 2021-12-31
    updates:
      - {date: 2021-03-01, status: in_progress}
      - {date: 2021-11-30, status: done}
  - id: t2
    title: 任务二
    lead_units: [区科技局]
"""


def write(folder: Path, text: str, name: str = "plan.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, snippet: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing ``snippet``."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if snippet in line]
    return hits[occurrence - 1]


def load_bad(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[PlanRegistry, str]:
    assert old in GOOD
    text = GOOD.replace(old, new, count)
    write(tmp_path, text)
    return load_plans(tmp_path, packaged=False), text


def only(reg: PlanRegistry, rule: str):
    found = [p for p in reg.problems if p.rule == rule]
    assert len(found) == 1, reg.problems
    assert found[0].file == "plan.yaml"
    return found[0]


# -- the seed plans --------------------------------------------------------------------------------

def test_seed_plans_load_clean():
    reg = default_plans()
    assert reg.problems == [], "\n".join(map(str, reg.problems))
    assert sorted(reg.plans) == ["chongqing_ip_strategy_2014_2020", "dazu_ip_plan_2021_2025",
                                 "shandong_ip_plan_2021_2025", "sichuan_ip_work_points_2021"]
    assert all(isinstance(p, Plan) for p in reg)
    assert default_plans() is reg
    assert reg.files["dazu_ip_plan_2021_2025"] == "dazu_ip_plan_2021_2025.yaml"


def test_dazu_targets():
    plan = default_plans().get("dazu_ip_plan_2021_2025")
    assert plan.region_code == "500111" and (plan.period.start, plan.period.end) == (2021, 2025)
    got = {t.id: (t.indicator, t.target_value, t.kind, t.unit, t.direction) for t in plan.targets}
    assert got == {
        "overseas_invention_grants": ("overseas_invention_grants", 3, "annual", "件", "at_least"),
        "valid_trademarks_per_10k_entities": ("valid_trademarks_per_10k_entities", 1500, "stock", "件/万户", "at_least"),
        "geographical_indications": ("geographical_indications", 7, "stock", "件", "at_least"),
        "madrid_applications": ("madrid_applications", 10, "cumulative", "件", "at_least"),
        "ip_pledge_amount": ("ip_pledge_amount", 5, "cumulative", "亿元", "at_least"),  # 500 million yuan
        "ip_protection_satisfaction": ("ip_protection_satisfaction", 80, "stock", "分", "at_least"),
    }
    assert all(t.deadline_year == 2025 for t in plan.targets)
    assert plan.cumulative_start(plan.target("madrid_applications")) == 2021


def test_chongqing_targets():
    plan = default_plans().get("chongqing_ip_strategy_2014_2020")
    got = {t.indicator: (t.target_value, t.kind) for t in plan.targets}
    assert got == {
        "valid_patents": (120_000, "stock"), "patent_applications_abroad": (2_500, "cumulative"),
        "invention_patents_per_10k_pop": (6, "stock"), "valid_trademarks": (180_000, "stock"),
        "well_known_marks": (120, "stock"), "madrid_applications": (200, "cumulative"),
        "geographical_indications": (200, "stock"), "copyright_registrations": (30_000, "annual"),
        "software_copyright_registrations": (1_000, "annual"), "plant_variety_applications": (200, "cumulative"),
        "plant_variety_grants": (150, "cumulative"),
    }
    assert {t.deadline_year for t in plan.targets} == {2020}


def test_dazu_and_chongqing_sources_are_recorded():
    dazu = default_plans().get("dazu_ip_plan_2021_2025")
    assert dazu.issuer == "重庆市大足区人民政府办公室"
    assert dazu.source.url == "https://smecq.cn/home/index/articles_info/id/13728.html"
    assert dazu.doc_no is None and dazu.doc_date is None          # not shown by the reprint
    assert all(t.source_quote for t in dazu.targets), "every Dazu target quotes the document"
    cq = default_plans().get("chongqing_ip_strategy_2014_2020")
    assert (cq.doc_no, cq.doc_date.isoformat()) == ("渝府办发〔2014〕83号", "2014-08-12")
    assert cq.source.url.startswith("http://district.ce.cn/")
    quoted = {t.id for t in cq.targets if t.source_quote}
    assert quoted == {"valid_patents", "patent_applications_abroad"}  # the rest are still unverified
    assert all(t.note for t in cq.targets if t.id not in quoted)


def test_shandong_targets_carry_sources():
    plan = default_plans().get("shandong_ip_plan_2021_2025")
    hv = plan.target("high_value_invention_patents_per_10k_pop")
    assert (hv.target_value, hv.deadline_year, hv.baseline_value) == (10, 2025, None)
    assert plan.target("ip_pledge_amount").target_value == 400
    assert plan.target("patent_intensive_industry_share").target_value == 12
    assert "山东法制报" in plan.source.note
    assert all(t.note for t in plan.targets), "every Shandong target says how it was verified"


def test_sichuan_tasks_are_only_verified_ones():
    plan = default_plans().get("sichuan_ip_work_points_2021")
    assert plan.doc_no == "川市监发〔2021〕21号"
    assert [t.id for t in plan.tasks] == ["task_01", "task_02"]
    assert all(t.lead_units == ["省市场监管局", "省知识产权中心"] for t in plan.tasks)
    assert "未能核实" in plan.source.note


def test_registry_get_and_contains():
    reg = default_plans()
    assert "dazu_ip_plan_2021_2025" in reg and len(reg) == 4
    with pytest.raises(UserError) as exc:
        reg.get("nowhere")
    assert "dazu_ip_plan_2021_2025" in exc.value.expected


def test_user_folder_adds_to_packaged(tmp_path):
    write(tmp_path, GOOD)
    reg = load_plans(tmp_path)
    assert reg.problems == []
    assert len(reg) == 5 and reg.files["test_plan"] == "plan.yaml"


def test_public_api_is_consistent():
    mod = importlib.import_module("zhichan.plans")
    assert len(set(mod.__all__)) == len(mod.__all__)
    for name in mod.__all__:
        assert hasattr(plans_pkg, name) and not name.startswith("_")


# -- each rule fires with file and line -------------------------------------------------------------

def test_good_plan_has_no_problems(tmp_path):
    write(tmp_path, GOOD)
    assert load_plans(tmp_path, packaged=False).problems == []


def test_unknown_indicator(tmp_path):
    reg, text = load_bad(tmp_path, "indicator: geographical_indications", "indicator: gi_count")
    p = only(reg, "indicator-known")
    assert p.line == line_of(text, "indicator: gi_count") and p.plan == "test_plan"
    assert "gi_count" in p.message


def test_alias_is_a_known_indicator(tmp_path):
    write(tmp_path, GOOD)
    assert "indicator-known" not in [p.rule for p in load_plans(tmp_path, packaged=False).problems]


def test_deadline_before_baseline(tmp_path):
    reg, text = load_bad(tmp_path, "baseline_year: 2020", "baseline_year: 2026")
    p = only(reg, "deadline-after-baseline")
    assert p.line == line_of(text, "deadline_year: 2025")


def test_cumulative_start_after_deadline(tmp_path):
    reg, text = load_bad(tmp_path, "    kind: cumulative\n", "    kind: cumulative\n    cumulative_from: 2026\n")
    p = only(reg, "deadline-after-baseline")
    assert p.line == line_of(text, "cumulative_from: 2026")


def test_deadline_outside_period(tmp_path):
    reg, text = load_bad(tmp_path, "deadline_year: 2025", "deadline_year: 2030")
    p = only(reg, "deadline-in-period")
    assert p.line == line_of(text, "deadline_year: 2030")


def test_duplicate_target_id(tmp_path):
    reg, text = load_bad(tmp_path, "  - id: madrid", "  - id: gi")
    p = only(reg, "unique-id")
    assert p.line == line_of(text, "- id: gi", 2) and "gi" in p.message


def test_duplicate_task_id(tmp_path):
    reg, text = load_bad(tmp_path, "  - id: t2", "  - id: t1")
    p = only(reg, "unique-id")
    assert p.line == line_of(text, "- id: t1", 2)


def test_duplicate_plan_id_across_files(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    reg = load_plans(tmp_path, packaged=False)
    [p] = reg.problems
    assert (p.file, p.line, p.rule) == ("b.yaml", 1, "unique-id")
    assert reg.files["test_plan"] == "a.yaml"


def test_task_without_lead_unit(tmp_path):
    reg, text = load_bad(tmp_path, "lead_units: [区科技局]", "lead_units: []")
    p = only(reg, "task-lead-unit")
    assert p.line == line_of(text, "lead_units: []") and "t2" in p.message


def test_task_with_lead_units_key_missing(tmp_path):
    reg, text = load_bad(tmp_path, "    lead_units: [区科技局]\n", "")
    p = only(reg, "task-lead-unit")
    assert p.line == line_of(text, "- id: t2")


def test_status_dates_out_of_order(tmp_path):
    reg, text = load_bad(tmp_path, "date: 2021-11-30", "date: 2021-01-15")
    p = only(reg, "status-dates-ordered")
    assert p.line == line_of(text, "date: 2021-01-15") and "t1" in p.message


def test_unknown_region(tmp_path):
    reg, text = load_bad(tmp_path, 'region_code: "500111"', 'region_code: "509999"')
    p = only(reg, "region-known")
    assert p.line == line_of(text, "509999")


def test_period_out_of_order(tmp_path):
    reg, text = load_bad(tmp_path, "period: {start: 2021, end: 2025}", "period: {start: 2021, end: 2020}")
    p = next(p for p in reg.problems if p.rule == "period-ordered")
    assert p.line == line_of(text, "period:")


def test_baseline_value_without_year(tmp_path):
    reg, text = load_bad(tmp_path, "    baseline_year: 2020\n", "")
    p = only(reg, "baseline-complete")
    assert p.line == line_of(text, "baseline_value: 4")


def test_kind_must_fit_indicator(tmp_path):
    reg, text = load_bad(tmp_path, "kind: cumulative", "kind: stock")
    p = only(reg, "kind-fits-indicator")
    assert p.line == line_of(text, "kind: stock", 2) and "flow" in p.message
    reg, text = load_bad(tmp_path, "kind: stock", "kind: annual")
    p = only(reg, "kind-fits-indicator")
    assert p.line == line_of(text, "kind: annual")


def test_unit_must_match_indicator(tmp_path):
    reg, text = load_bad(tmp_path, "    unit: 件\n", "    unit: 个\n")
    p = only(reg, "unit-matches")
    assert p.line == line_of(text, "unit: 个")


def test_schema_problem_has_line(tmp_path):
    reg, text = load_bad(tmp_path, "status: done", "status: finished")
    p = only(reg, "schema")
    assert p.line == line_of(text, "status: finished") and "status" in p.message


def test_yaml_syntax_problem(tmp_path):
    write(tmp_path, "id: [unclosed\n")
    [p] = load_plans(tmp_path, packaged=False).problems
    assert p.rule == "yaml-syntax" and p.file == "plan.yaml"


def test_problem_renders_file_line_rule(tmp_path):
    reg, _ = load_bad(tmp_path, "indicator: geographical_indications", "indicator: gi_count")
    assert str(reg.problems[0]).startswith("plan.yaml:11: [indicator-known] test_plan")
