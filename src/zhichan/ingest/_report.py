"""The import report: counts that account for every input row, and the issues found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhichan.ingest._issues import Issue


@dataclass
class ImportReport:
    """What one file's import did. ``rows_read = rows_stored + rows_rejected + rows_skipped``."""

    file: str
    file_hash: str
    batch_id: str | None = None
    profile: str | None = None
    profile_confidence: float | None = None
    record_kind: str | None = None
    status: str = "committed"  # committed, unchanged, rejected (reject-file), failed (nothing storable)
    rows_read: int = 0
    rows_stored: int = 0
    rows_rejected: int = 0
    rows_skipped: int = 0  # blank and totals rows, reported as info
    rows_warned: int = 0
    issues: list[Issue] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, max_issues: int | None = None) -> dict[str, Any]:
        issues = self.issues if max_issues is None else self.issues[:max_issues]
        return {
            "file": self.file, "file_hash": self.file_hash, "batch_id": self.batch_id,
            "profile": self.profile, "profile_confidence": self.profile_confidence,
            "record_kind": self.record_kind, "status": self.status,
            "rows_read": self.rows_read, "rows_stored": self.rows_stored,
            "rows_rejected": self.rows_rejected, "rows_skipped": self.rows_skipped,
            "rows_warned": self.rows_warned, "issues_total": len(self.issues),
            "issues": [i.to_dict() for i in issues], "tables": self.tables,
        }

    @property
    def accounted(self) -> bool:
        return self.rows_read == self.rows_stored + self.rows_rejected + self.rows_skipped


_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_STATUS_ZH = {"committed": "已入库", "unchanged": "未变化（此前已导入）", "rejected": "整文件拒绝",
              "failed": "未入库（无可导入的行）"}


def write_xlsx(reports: list[ImportReport], path: str | Path, *, note: str | None = None) -> Path:
    """An XLSX report: a summary sheet and every issue with file, sheet, row, column, value.
    ``note`` (e.g. that the data are synthetic) heads both sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "概要 summary"
    if note:
        ws.append([note])
    head = ["文件 file", "模板 profile", "置信度 confidence", "状态 status", "读取行 read", "入库行 stored",
            "拒绝行 rejected", "跳过行 skipped", "警告行 warned", "问题数 issues", "批次 batch"]
    ws.append(head)
    for r in reports:
        ws.append([r.file, r.profile, r.profile_confidence, _STATUS_ZH.get(r.status, r.status), r.rows_read,
                   r.rows_stored, r.rows_rejected, r.rows_skipped, r.rows_warned, len(r.issues), r.batch_id])
    issues = wb.create_sheet("问题 issues")
    if note:
        issues.append([note])
    issues.append(["文件 file", "工作表 sheet", "行 row", "列 column", "值 value", "代码 code", "级别 severity",
                   "说明 message", "处理建议 hint"])
    for r in reports:
        for i in r.issues:
            issues.append([i.file, i.sheet, i.row, i.column, _safe(i.value), i.code,
                           _SEVERITY_ZH.get(i.severity, i.severity), i.message, i.hint])
    head_row = 2 if note else 1
    for sheet in (ws, issues):
        for cell in sheet[head_row]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = f"A{head_row + 1}"
    path = Path(path)
    wb.save(path)
    return path


def _safe(value: str | None) -> str | None:
    """Cells starting with = + - @ are written as text, never as formulas (CSV/XLSX injection)."""
    if value and value[0] in "=+-@":
        return "'" + value
    return value
