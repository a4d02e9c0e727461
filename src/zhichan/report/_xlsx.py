"""Writing DataFrames as readable XLSX sheets: Chinese headers, frozen header row, filters,
number formats and column widths that fit the content."""

from __future__ import annotations

import math

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

_HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
_INJECTION = ("=", "+", "-", "@")


def _cell(v):
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    # Text that Excel would run as a formula (CSV/XLSX injection) is written as text.
    if isinstance(v, str) and v.startswith(_INJECTION) and not _is_number(v):
        return "'" + v
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


def write_table_sheet(wb: Workbook, title: str, frame: pd.DataFrame, headers: dict[str, str],
                      formats: dict[str, str] | None = None) -> None:
    """Add sheet ``title`` with the columns of ``headers`` (column → Chinese header), in order."""
    ws = wb.create_sheet(title[:31])
    cols = [c for c in headers if c in frame.columns]
    ws.append([headers[c] for c in cols])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row in frame[cols].itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    formats = formats or {}
    for i, c in enumerate(cols, start=1):
        letter = get_column_letter(i)
        if c in formats:
            for cell in ws[letter][1:]:
                cell.number_format = formats[c]
        longest = max([len(str(headers[c]))] + [len(str(v)) for v in frame[c].head(500).tolist()])
        ws.column_dimensions[letter].width = min(60, max(8, longest * 1.6 if _cjk(frame, c) else longest + 2))
    ws.freeze_panes = "A2"
    if len(frame):
        ws.auto_filter.ref = ws.dimensions


def _cjk(frame: pd.DataFrame, col: str) -> bool:
    sample = " ".join(str(v) for v in frame[col].head(50).tolist())
    return any("\u4e00" <= ch <= "\u9fff" for ch in sample)
