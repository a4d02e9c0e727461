"""The guidance catalogue as XLSX: the catalogue with its evidence, the units, the RTA matrix and
the rules that produced the labels."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from zhichan.report._xlsx import write_table_sheet

CATALOGUE_HEADERS = {"unit": "地区代码", "unit_name": "地区", "field": "领域代码", "field_name": "技术领域",
                     "label": "导向", "reason": "依据", "count": "近期申请量", "previous": "前期申请量",
                     "share_in_unit": "占本地区比重", "share_of_field": "占上级同领域比重", "rta": "RTA",
                     "growth": "增长率", "evidence": "证据"}


def write_catalogue_workbook(path: str | Path, layout, *, include_thin: bool = False) -> Path:
    """Write a fitted ``LayoutAnalysis`` (thin cells, labelled 数据不足, only when asked)."""
    cat = layout.catalogue_
    if not include_thin:
        cat = cat[cat["label"] != "数据不足"]
    order = {lab: i for i, lab in enumerate(["重点发展", "巩固提升", "培育提升", "引导调整", "数据不足"])}
    cat = cat.assign(_o=cat["label"].map(order).fillna(9)).sort_values(["unit", "_o", "rta"], ascending=[True, True, False])
    wb = Workbook()
    wb.remove(wb.active)
    write_table_sheet(wb, "导向目录", cat, CATALOGUE_HEADERS,
                      {"count": "0.0", "previous": "0.0", "share_in_unit": "0.0%", "share_of_field": "0.0%",
                       "rta": "0.00", "growth": "0%"})
    units = layout.units_.reset_index()
    write_table_sheet(wb, "地区概况", units, {"unit": "地区代码", "name": "地区", "filings": "近期申请量",
                                          "growth": "增长率", "top_fields": "优势领域（RTA前三）"},
                      {"filings": "0.0", "growth": "0%"})
    rta = layout.rta_.round(3).reset_index()
    write_table_sheet(wb, "RTA矩阵", rta, {c: str(c) for c in rta.columns})
    notes = pd.DataFrame({"item": ["口径 convention"], "value": [layout.convention_]})
    write_table_sheet(wb, "说明", notes, {"item": "项目", "value": "内容"})
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out
