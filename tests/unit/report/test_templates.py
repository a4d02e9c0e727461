"""Report building blocks: official numbering, figure formatting, sentence templates."""

from __future__ import annotations

import pandas as pd
import pytest

from zhichan.report import _findings as F
from zhichan.report._model import Table
from zhichan.report._templates import heading_number, template_yaml


@pytest.mark.parametrize(("level", "index", "text"), [
    (1, 1, "一、"), (1, 10, "十、"), (1, 12, "十二、"), (1, 21, "二十一、"), (2, 3, "（三）"), (3, 4, "4."), (4, 2, "（2）"),
])
def test_official_heading_numbers(level, index, text):
    assert heading_number(level, index) == text


def test_number_formats():
    assert F.num(1212.0) == "1,212" and F.num(0.0) == "0" and F.num(26.2325) == "26.23"
    t = Table("t", pd.DataFrame({"a": [1212.0, 0.5, float("nan")]}), {"a": "A"}, {"a": "auto"})
    assert t.cells() == [["1,212"], ["0.50"], ["—"]]


def _frame(values: dict[int, float], parent: float | None = None, denominator: float | None = 1.0):
    return pd.DataFrame([{"indicator": "x", "region": "500111", "period": y, "value": v, "title_zh": "每万人口发明专利拥有量",
                          "unit": "件/万人", "parent_value": parent, "denominator": denominator, "rank": None, "peers": 0,
                          "peers_with_data": 0, "level": "county"} for y, v in values.items()])


def test_change_sentences_from_templates():
    t = template_yaml("findings.yaml")
    assert F.change_sentence(t, _frame({2022: 20.0, 2023: 23.0}), "x", "500111", "大足区", 2023) == \
        "2023年，大足区每万人口发明专利拥有量为23件/万人，比上年增长15.0%。"
    assert "下降10.0%" in F.change_sentence(t, _frame({2022: 20.0, 2023: 18.0}), "x", "500111", "大足区", 2023)
    assert "与上年持平" in F.change_sentence(t, _frame({2022: 20.0, 2023: 20.0}), "x", "500111", "大足区", 2023)
    assert F.change_sentence(t, _frame({2023: 5.0}), "x", "500111", "大足区", 2023) == \
        "2023年，大足区每万人口发明专利拥有量为5件/万人。"
    assert F.change_sentence(t, _frame({2022: 5.0}), "x", "500111", "大足区", 2023) is None


def test_parent_sentence_only_for_rates():
    t = template_yaml("findings.yaml")
    rate = _frame({2023: 23.0}, parent=26.23)
    assert F.parent_sentence(t, rate, "x", "500111", "大足区", 2023, "重庆市") == \
        "大足区每万人口发明专利拥有量低于重庆市平均水平（26.23件/万人）。"
    count = _frame({2023: 30.0}, parent=1212.0, denominator=None)
    assert F.parent_sentence(t, count, "x", "500111", "大足区", 2023, "重庆市") is None


def test_plan_sentences_tell_missed_from_at_risk():
    t = template_yaml("findings.yaml")
    targets = pd.DataFrame({"status": ["off_track", "at_risk", "achieved", "no_data"],
                            "deadline_year": [2020, 2025, 2025, 2025],
                            "indicator_title": ["有效专利量", "地理标志拥有量", "马德里", "满意度"],
                            "indicator": ["a", "b", "c", "d"]})
    out = F.plan_sentences(t, "某规划", targets, 2023)
    assert out == ["《某规划》中1项目标到期未完成：有效专利量。", "《某规划》中1项目标存在风险或难以按期完成：地理标志拥有量。",
                   "《某规划》有1项目标暂无数据，需补充填报：满意度。"]


def test_office_templates_override(tmp_path):
    (tmp_path / "findings.yaml").write_text('level: "{region}：{value}{unit}"\n', "utf-8")
    assert template_yaml("findings.yaml", tmp_path) == {"level": "{region}：{value}{unit}"}
    (tmp_path / "annual.yaml").write_text("title: [unclosed\n", "utf-8")
    from zhichan.errors import UserError

    with pytest.raises(UserError, match="annual.yaml"):
        template_yaml("annual.yaml", tmp_path)
