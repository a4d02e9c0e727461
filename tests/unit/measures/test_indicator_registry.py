"""Indicator registry: the packaged definitions load clean, and each rule reports file and line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from zhichan.errors import UserError
from zhichan.measures import Indicator, IndicatorRegistry, default_indicators, load_indicators

REPO = Path(__file__).resolve().parents[3]

# DOMAIN.md §1 and the seed plans' targets (issue 5).
DOMAIN_IDS = [
    "invention_patents_per_10k_pop", "high_value_invention_patents_per_10k_pop", "valid_trademarks_per_10k_entities",
    "pct_applications", "overseas_invention_grants", "madrid_registrations", "geographical_indications",
    "ip_pledge_amount", "patent_intensive_industry_share", "plant_variety_applications", "plant_variety_grants",
    "copyright_registrations", "software_copyright_registrations", "ip_protection_satisfaction",
]
PLAN_IDS = ["valid_patents", "patent_applications_abroad", "valid_trademarks", "well_known_marks",
            "madrid_applications"]

GOOD = """\
id: demo_indicator
title_zh: 示例指标
title_en: Demo indicator
unit: 件
definition_zh: 示例定义
numerator:
  source: rights
  kinds: [invention]
  valid_at: period_end
source_zh: 测试
example:
  value: 1
  region: 全国
  period: 2023
  source: 测试
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def rules(reg: IndicatorRegistry) -> list[str]:
    return [p.rule for p in reg.problems]


def test_packaged_registry_loads_clean():
    reg = default_indicators()
    assert reg.problems == [], "\n".join(map(str, reg.problems))
    assert all(isinstance(i, Indicator) for i in reg)
    assert default_indicators() is reg


@pytest.mark.parametrize("indicator_id", DOMAIN_IDS + PLAN_IDS)
def test_every_domain_and_plan_indicator_is_defined(indicator_id):
    reg = default_indicators()
    assert indicator_id in reg
    ind = reg.get(indicator_id)
    assert ind.definition_zh and ind.example is not None


def test_official_chinese_names_and_rules():
    reg = default_indicators()
    assert reg.get("invention_patents_per_10k_pop").title_zh == "每万人口发明专利拥有量"
    assert reg.get("high_value_invention_patents_per_10k_pop").title_zh == "每万人口高价值发明专利拥有量"
    assert reg.get("valid_trademarks_per_10k_entities").title_zh == "每万户市场主体平均有效商标拥有量"
    hv = reg.get("high_value_invention_patents_per_10k_pop").numerator.filters.high_value
    assert hv is not None and len(set(hv.criteria)) == 5 and hv.min_patent_year == 11
    assert reg.get("madrid_applications").id == "madrid_registrations"
    assert reg.get("ip_protection_satisfaction").plan_only
    with pytest.raises(UserError):
        reg.get("no_such_indicator")


def test_beijing_2023_cross_check():
    # 574,323 valid invention patents / 2,186万 people → 262.7 (262.9 published).
    ind = default_indicators().get("invention_patents_per_10k_pop")
    assert ind.compute(574_323, 2_186) == pytest.approx(262.73, abs=0.01)
    assert ind.example.value == 262.9


def test_good_file_has_no_problems(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    reg = load_indicators(tmp_path)
    assert reg.problems == [] and "demo_indicator" in reg


def test_missing_definition_reported_with_file_and_line(tmp_path):
    write(tmp_path, "nodef.yaml", GOOD.replace("definition_zh: 示例定义\n", ""))
    write(tmp_path, "emptydef.yaml", GOOD.replace("demo_indicator", "other").replace("示例定义", "''"))
    reg = load_indicators(tmp_path)
    got = sorted((p.file, p.line, p.rule) for p in reg.problems)
    # missing: the line of ``id``; present but empty: the line of the key itself
    assert got == [("emptydef.yaml", 5, "definition-present"), ("nodef.yaml", 1, "definition-present")]


def test_missing_example_reported_with_file_and_line(tmp_path):
    text = GOOD.split("example:")[0]
    write(tmp_path, "noex.yaml", "# a comment first\n" + text)
    reg = load_indicators(tmp_path)
    [p] = reg.problems
    assert (p.file, p.line, p.rule, p.indicator) == ("noex.yaml", 2, "example-present", "demo_indicator")


def test_duplicate_id_reported(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", "\n\n" + GOOD)
    reg = load_indicators(tmp_path)
    [p] = reg.problems
    assert (p.file, p.line, p.rule) == ("b.yaml", 3, "unique-id")
    assert len(reg) == 1


def test_unknown_denominator_metric_reported(tmp_path):
    text = GOOD.replace("unit: 件", "unit: 件/万人").replace(
        "source_zh:", "denominator:\n  source: stat\n  metric: no_such_metric\nscale: 10000\nsource_zh:")
    write(tmp_path, "d.yaml", text)
    reg = load_indicators(tmp_path)
    [p] = reg.problems
    assert p.rule == "stat-metric-known" and p.line == 12 and "no_such_metric" in p.message


def test_schema_and_other_rules(tmp_path):
    write(tmp_path, "s.yaml", GOOD.replace("kinds: [invention]", "kinds: [invention, nonsense]"))
    write(tmp_path, "r.yaml", GOOD.replace("demo_indicator", "ratio").replace("unit: 件", "unit: 件/万人"))
    write(tmp_path, "z.yaml", GOOD.replace("demo_indicator", "zero") + "scale: 0\n")
    reg = load_indicators(tmp_path)
    got = {(p.file, p.rule) for p in reg.problems}
    assert ("s.yaml", "schema") in got
    assert ("r.yaml", "units-consistent") in got
    assert ("z.yaml", "scale-positive") in got
    schema = next(p for p in reg.problems if p.rule == "schema")
    assert schema.line == 8  # the bad list item, not line 1


def test_catalogue_lists_every_indicator():
    spec = importlib.util.spec_from_file_location("build_docs", REPO / "scripts/docs/build_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    page = mod.indicator_catalogue()
    assert "docs/indicators.md" in mod.PAGES
    assert (REPO / "docs/indicators.md").read_text("utf-8") == page
    for ind in default_indicators():
        assert f"## {ind.id}" in page and ind.title_zh in page
