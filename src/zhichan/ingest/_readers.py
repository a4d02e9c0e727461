"""Entry point of the file readers: ``read_tables`` dispatches on content, not on the file name.

PK zip → XLSX; OLE2 → legacy .xls (refused with a hint); ``.jsonl``/``.ndjson`` or a first
non-blank ``{`` → JSON Lines; anything else → delimited text. Whole-file failures come back as
issues on an empty table, never as exceptions.
"""

from __future__ import annotations

import os
from pathlib import Path

from ._issues import make_issue
from ._read_common import FIELD_LIMIT, HeaderScore, SourceRow, SourceTable, empty_table
from ._read_csv import read_csv
from ._read_jsonl import read_jsonl
from ._read_xlsx import read_xlsx
from ._sniff import sniff_kind

__all__ = ["FIELD_LIMIT", "SourceRow", "SourceTable", "read_tables"]

_KIND_REASONS = {
    "xls": "旧版 Excel 97-2003 (.xls) 二进制格式或加密的工作簿不受支持，请在 Excel 中另存为 .xlsx "
           "(legacy .xls or encrypted workbook: save as .xlsx)",
    "html": "文件是网页 (HTML/XML) 表格而非真正的 Excel 文件，请用 Excel 打开后另存为 .xlsx 或 CSV "
            "(an HTML/XML table disguised as a spreadsheet: save as .xlsx or CSV)",
    "json": "JSON 数组格式不受支持，请转换为每行一个对象的 JSON Lines "
            "(a JSON array: convert to JSON Lines, one object per line)",
}


def read_tables(path: str | os.PathLike[str], *, header_score: HeaderScore | None = None,
                max_header_scan: int = 30) -> list[SourceTable]:
    """Open a CSV/TSV, XLSX or JSON Lines file as tables of text rows (one per sheet).

    ``header_score`` rates candidate header rows (cleaned cell texts); without it a heuristic
    picks the first wide, mostly-text row among the first ``max_header_scan`` non-blank rows.
    """
    file = os.fspath(path)
    p = Path(file)
    try:
        if not p.is_file():
            raise FileNotFoundError(f"文件不存在或不是普通文件 no such file: {file}")
        kind = sniff_kind(p)
    except OSError as exc:
        return [_unreadable(file, str(exc))]
    if kind == "empty":
        return [empty_table(file, None, [make_issue("file-empty", file=file)])]
    if kind in _KIND_REASONS:
        return [_unreadable(file, _KIND_REASONS[kind])]
    try:
        if kind == "xlsx":
            return read_xlsx(p, file, header_score=header_score, max_header_scan=max_header_scan)
        if kind == "jsonl":
            return read_jsonl(p, file)
        return read_csv(p, file, header_score=header_score, max_header_scan=max_header_scan)
    except OSError as exc:
        return [_unreadable(file, str(exc))]


def _unreadable(file: str, reason: str) -> SourceTable:
    return empty_table(file, None, [make_issue("file-unreadable", file=file, reason=reason)])
