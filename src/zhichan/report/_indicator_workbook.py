"""The indicator workbook: results (value, numerator, denominator, comparisons, the rule used),
the definitions of the indicators in it, and optionally the records behind one figure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from zhichan.measures import IndicatorRegistry, default_indicators
from zhichan.report._xlsx import write_table_sheet

RESULT_HEADERS = {
    "indicator": "指标代码", "title_zh": "指标名称", "unit": "单位", "region": "地区代码", "region_name": "地区",
    "level": "层级", "period": "年份", "value": "数值", "numerator": "分子", "denominator": "分母",
    "parent_value": "上级地区数值", "national_value": "全国数值", "yoy_change": "同比增减", "yoy_pct": "同比增长(%)",
    "rank": "同级排名", "peers": "同级地区数", "attribution": "地区归属规则", "snapshot": "有效性口径",
    "source": "数据来源", "unattributed": "未能归属地区的记录数", "excluded": "按口径排除的记录数", "note": "说明",
}
DEFINITION_HEADERS = {
    "id": "指标代码", "title_zh": "指标名称", "title_en": "英文名称", "unit": "单位", "definition_zh": "定义",
    "numerator": "分子", "denominator": "分母", "attribution": "默认地区归属规则", "snapshot": "默认有效性口径",
    "source_zh": "来源",
}
DRILL_HEADERS = {
    "right_id": "记录编号", "kind": "类型", "application_no": "申请号/注册号", "title": "名称",
    "application_date": "申请日", "grant_date": "授权/登记日", "holder": "权利人", "region_code": "地区代码",
    "region_name": "地区", "day": "计入日期", "value": "计数/金额",
}
_FORMATS = {"value": "#,##0.00", "numerator": "#,##0.##", "denominator": "#,##0.##", "parent_value": "#,##0.00",
            "national_value": "#,##0.00", "yoy_change": "#,##0.00", "yoy_pct": "0.0"}


def _term_text(term) -> str:
    if term is None:
        return ""
    if term.source == "stat":
        return f"统计 {term.metric}"
    if term.source == "reported":
        return "人工填报"
    what = "、".join(term.kinds)
    when = "期末有效" if term.valid_at == "period_end" else f"期内（按 {term.count_by}）"
    return f"权利记录 {what}；{when}"


def write_indicator_workbook(path: str | Path, results: pd.DataFrame, *,
                             registry: IndicatorRegistry | None = None,
                             drill: pd.DataFrame | None = None) -> Path:
    """Write the workbook and return its path."""
    reg = registry or default_indicators()
    wb = Workbook()
    wb.remove(wb.active)
    write_table_sheet(wb, "指标结果", results, RESULT_HEADERS, _FORMATS)
    defs = []
    for ind_id in dict.fromkeys(results["indicator"].tolist()):
        ind = reg.get(ind_id)
        defs.append({"id": ind.id, "title_zh": ind.title_zh, "title_en": ind.title_en, "unit": ind.unit,
                     "definition_zh": ind.definition_zh, "numerator": _term_text(ind.numerator),
                     "denominator": _term_text(ind.denominator), "attribution": ind.attribution,
                     "snapshot": ind.snapshot, "source_zh": ind.source_zh})
    write_table_sheet(wb, "指标口径", pd.DataFrame(defs, columns=list(DEFINITION_HEADERS)), DEFINITION_HEADERS)
    if drill is not None:
        write_table_sheet(wb, "明细记录", drill, DRILL_HEADERS)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out
