"""The plan-progress workbook: targets with actuals, forecasts and statuses; tasks by lead unit;
overdue tasks."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from zhichan.report._xlsx import write_table_sheet

TARGET_HEADERS = {
    "target_id": "目标代码", "indicator_title": "指标", "region_code": "地区代码", "kind": "类型", "unit": "单位",
    "baseline_year": "基期年", "baseline_value": "基期值", "target_value": "目标值", "deadline_year": "目标年",
    "latest_year": "最新年份", "latest_value": "最新实际值", "ratio_to_target": "完成比例", "progress": "较基期进度",
    "trend_cagr": "近年年均增长", "required_growth": "所需年均增长", "forecast": "目标年预测",
    "forecast_low": "预测下限", "forecast_high": "预测上限", "forecast_method": "预测方法", "status": "状态",
    "explanation": "说明",
}
TASK_HEADERS = {
    "task_id": "任务编号", "title": "任务", "category": "类别", "lead_units": "牵头单位", "co_units": "配合单位",
    "due": "完成时限", "status_zh": "状态", "status_date": "状态日期", "evidence": "佐证", "overdue": "是否逾期",
    "days_overdue": "逾期天数", "note": "说明",
}
UNIT_HEADERS = {"lead_unit": "牵头单位", "not_started": "未开始", "in_progress": "推进中", "done": "已完成",
                "delayed": "滞后", "cancelled": "取消", "total": "合计", "overdue": "逾期"}
_PCT = {"ratio_to_target": "0.0%", "progress": "0.0%", "trend_cagr": "0.0%", "required_growth": "0.0%"}


def write_plan_workbook(path: str | Path, progress) -> Path:
    """Write a fitted ``PlanProgress`` as XLSX and return the path."""
    wb = Workbook()
    wb.remove(wb.active)
    targets = progress.targets_
    write_table_sheet(wb, "目标进度", targets, TARGET_HEADERS, _PCT)
    tasks = progress.tasks_.copy()
    for col in ("lead_units", "co_units"):
        if col in tasks:
            tasks[col] = tasks[col].map(lambda v: "、".join(v) if isinstance(v, (list, tuple)) else v)
    write_table_sheet(wb, "任务进展", tasks, TASK_HEADERS)
    write_table_sheet(wb, "牵头单位汇总", progress.unit_counts_, UNIT_HEADERS)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out
