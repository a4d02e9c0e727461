"""Outputs in the formats offices use: reports (DOCX first, HTML and PDF beside it) and workbooks.

Public API:
- ``build_annual_report(db, region, year, workdir)`` → ``Report``: the annual IP development report
- ``build_plan_report(db, plan_id, workdir, as_of=…)`` → ``Report``: a plan briefing
- ``build_layout_report(db, region, year, workdir, level=…)`` → ``Report``: the regional layout
  analysis (fields by subdivision, specialisation, guidance catalogue, coupling)
- ``write_report(report, out_dir, name, formats=("docx", "html", "pdf"))`` → {format: path}
- ``Report``, ``Section``, ``Table``, ``Figure``: the report model the writers lay out
- ``write_table_sheet(wb, title, frame, headers)``: a DataFrame as a formatted sheet
- ``write_indicator_workbook(path, results, registry=None, drill=None)``: indicator results with
  their definitions (and optionally the records behind a figure) as XLSX
- ``write_plan_workbook(path, progress)``: a fitted ``PlanProgress`` (targets, tasks, lead units)
- ``write_catalogue_workbook(path, layout)``: a fitted ``LayoutAnalysis`` (guidance catalogue)
"""

from __future__ import annotations

from zhichan.report._annual import build_annual_report
from zhichan.report._catalogue_workbook import write_catalogue_workbook
from zhichan.report._indicator_workbook import write_indicator_workbook
from zhichan.report._layout_report import build_layout_report
from zhichan.report._model import Figure, Report, Section, Table
from zhichan.report._plan_report import build_plan_report
from zhichan.report._plan_workbook import write_plan_workbook
from zhichan.report._write import FORMATS, write_report
from zhichan.report._xlsx import write_table_sheet

__all__ = ["FORMATS", "Figure", "Report", "Section", "Table", "build_annual_report", "build_layout_report", "build_plan_report", "write_catalogue_workbook",
           "write_indicator_workbook", "write_plan_workbook", "write_report", "write_table_sheet"]
