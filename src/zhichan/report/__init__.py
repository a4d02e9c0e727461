"""Outputs in the formats offices use.

Public API:
- ``write_table_sheet(wb, title, frame, headers)``: a DataFrame as a formatted sheet
- ``write_indicator_workbook(path, results, registry=None, drill=None)``: indicator results with
  their definitions (and optionally the records behind a figure) as XLSX
- ``write_plan_workbook(path, progress)``: a fitted ``PlanProgress`` (targets, tasks, lead units)
"""

from __future__ import annotations

from zhichan.report._indicator_workbook import write_indicator_workbook
from zhichan.report._plan_workbook import write_plan_workbook
from zhichan.report._xlsx import write_table_sheet

__all__ = ["write_indicator_workbook", "write_plan_workbook", "write_table_sheet"]
