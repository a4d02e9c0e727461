"""Streaming XLSX reader: one table per sheet with a header, merged ranges filled into data rows."""

from __future__ import annotations

import warnings
import zipfile
from itertools import chain
from pathlib import Path
from typing import Any, Iterator

from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter

from ._issues import Issue, make_issue, register
from ._read_common import (
    HEADER_SCAN_RECORD_CAP,
    HeaderScore,
    RowGate,
    SourceRow,
    SourceTable,
    choose_header,
    clean_header,
    duplicate_header_issues,
    empty_table,
    finish_headers,
    is_blank,
    title_text,
)
from ._read_xlsx_parts import Cell, cell_text, inspect_zip, open_sheet, scan_merges

register("formula-no-value", "warning", "公式无缓存值",
         "公式单元格没有缓存的计算结果，按空值读取 (formula without a cached value: read as empty)",
         "在 Excel 中打开、重新计算并保存后再导入 (open in Excel, recalculate and save)")
register("sheet-skipped", "info", "跳过工作表",
         "工作表 “{sheet}” 中未找到表头，已跳过 (sheet without a recognisable header skipped)",
         "如该工作表含需导入的数据，请确认其列名行 (check its column-name row)")

Raw = tuple[int, list[Cell]]


def read_xlsx(path: Path, file: str, *, header_score: HeaderScore | None,
              max_header_scan: int) -> list[SourceTable]:
    """One table per non-empty sheet with a header; whole-file problems as issues."""
    bad = inspect_zip(path, file)
    if bad is not None:
        return [empty_table(file, None, [bad])]
    wb = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # openpyxl warns about styles/extensions it skips
            wb = load_workbook(path, read_only=True, data_only=True)
            sheets = [(ws.title, ws._worksheet_path) for ws in wb.worksheets]
    except Exception as exc:  # openpyxl raises KeyError, ParseError, ValueError … on broken parts
        return [empty_table(file, None, [make_issue(
            "file-unreadable", file=file,
            reason=f"工作簿结构损坏 broken workbook: {type(exc).__name__}: {exc}")])]
    finally:
        if wb is not None:
            wb.close()
    tables: list[SourceTable] = []
    notes: list[Issue] = []
    for title, member in sheets:
        got = _open_sheet(path, file, wb, title, member, header_score, max_header_scan)
        if isinstance(got, SourceTable):
            tables.append(got)
        elif got is not None:
            notes.append(got)
    if not tables:
        if any(i.code == "file-unreadable" for i in notes):
            return [empty_table(file, None, [i for i in notes if i.code == "file-unreadable"])]
        if notes:
            return [empty_table(file, None, [make_issue("header-not-found", file=file,
                                                        scanned=max_header_scan), *notes])]
        return [empty_table(file, None, [make_issue("file-empty", file=file)])]
    tables[0].issues[:0] = notes      # skipped sheets are reported with the first table
    return tables


def _raw_texts(raw: list[Cell]) -> list[str | None]:
    """Cell texts of a parsed row at their column positions (error cells empty)."""
    if not raw:
        return []
    out: list[str | None] = [None] * max(c[0] for c in raw)
    for col, value, data_type, _ in raw:
        if data_type != "e":
            out[col - 1] = cell_text(value)
    return out


def _open_sheet(path: Path, file: str, wb: Any, title: str, member: str,
                header_score: HeaderScore | None,
                max_header_scan: int) -> SourceTable | Issue | None:
    zf = zipfile.ZipFile(path)
    src, parser = open_sheet(zf, member, wb)
    rows = parser.iter_rows()
    buffered: list[Raw] = []
    scanned: list[list[str]] = []
    scanned_at: list[int] = []
    exhausted = True

    def close() -> None:
        src.close()
        zf.close()

    try:
        for item in rows:
            buffered.append(item)
            texts = _raw_texts(item[1])
            if not is_blank(texts):
                scanned.append([clean_header(t) for t in texts])
                scanned_at.append(len(buffered) - 1)
            if len(scanned) >= max_header_scan or len(buffered) >= HEADER_SCAN_RECORD_CAP:
                exhausted = False
                break
    except Exception as exc:
        close()
        return make_issue("file-unreadable", file=file, sheet=title,
                          reason=f"工作表 “{title}” 读取失败 sheet unreadable: "
                                 f"{type(exc).__name__}: {exc}")
    if not scanned:
        close()
        return None
    pick = choose_header(scanned, header_score)
    if pick is None:
        close()
        return make_issue("sheet-skipped", file=file, sheet=title)
    at = scanned_at[pick]
    header_row = buffered[at][0]
    headers = finish_headers(scanned[pick])
    issues = duplicate_header_issues(headers, file=file, sheet=title, row=header_row)
    rest = buffered[at + 1:]
    if exhausted and all(is_blank(_raw_texts(r)) for _, r in rest):
        issues.append(make_issue("file-empty", file=file, sheet=title))
    table = SourceTable(file, title, header_row, headers, None, None, iter(()), issues,
                        title=title_text(scanned[:pick]), _closer=close)
    labels = [h or get_column_letter(i + 1) for i, h in enumerate(headers)]
    gate = RowGate(table, labels, short_is_ragged=False, extra_sep=" | ")
    table.rows = _rows(table, gate, chain(rest, rows), zf, member, header_row, close)
    return table


def _rows(table: SourceTable, gate: RowGate, raw_rows: Iterator[Raw], zf: zipfile.ZipFile,
          member: str, header_row: int, close: Any) -> Iterator[SourceRow]:
    n = gate.n
    labels = gate.labels
    issues = table.issues
    file, sheet = table.file, table.sheet
    formula_cols: set[int] = set()
    prev = header_row

    def label(i: int) -> str:
        return labels[i] if i < n else get_column_letter(i + 1)

    try:
        # merges reaching into the header or above are titles / two-level headers: not filled
        merges = [m for m in scan_merges(zf, member) if m[0] > header_row]
        fill = _MergeFill(merges) if merges else None
        for rownum, raw in raw_rows:
            if rownum > prev + 1:
                gate.pending.extend(range(prev + 1, rownum))   # rows absent from the XML
            prev = rownum
            cells: list[str | None] = [None] * max(n, max(c[0] for c in raw) if raw else 0)
            for col, value, data_type, formula in raw:
                i = col - 1
                if data_type == "e":
                    issues.append(make_issue("excel-error-cell", file=file, sheet=sheet, row=rownum,
                                             column=label(i), value=value))
                    continue
                if formula:
                    if value is None:
                        issues.append(make_issue("formula-no-value", file=file, sheet=sheet,
                                                 row=rownum, column=label(i)))
                        continue
                    if i not in formula_cols:    # once per column: the first formula row
                        formula_cols.add(i)
                        issues.append(make_issue("formula-cell", file=file, sheet=sheet, row=rownum,
                                                 column=label(i), value=cell_text(value)))
                cells[i] = value if type(value) is str else cell_text(value)
            if fill is not None:
                cells = fill.apply(rownum, cells)
            checked = gate.check(rownum, cells)
            if checked is not None:
                yield SourceRow(rownum, checked)
    except Exception as exc:  # truncated entry, CRC error, malformed XML mid-sheet
        issues.append(make_issue("file-unreadable", file=file, sheet=sheet, row=prev + 1,
                                 reason=f"第 {prev + 1} 行附近读取中断 stopped near row {prev + 1}: "
                                        f"{type(exc).__name__}: {exc}"))
    finally:
        close()
    gate.finish()


class _MergeFill:
    """Copies each merged range's top-left value into every cell it covers, row by row."""

    def __init__(self, merges: list[tuple[int, int, int, int]]) -> None:
        self.merges = merges          # sorted by first row
        self.next = 0
        self.active: list[tuple[int, int, int, str | None]] = []   # (last row, c1, c2, value)

    def apply(self, rownum: int, cells: list[str | None]) -> list[str | None]:
        merges = self.merges
        while self.next < len(merges) and merges[self.next][0] <= rownum:
            r1, c1, r2, c2 = merges[self.next]
            self.next += 1
            if r2 >= rownum:
                anchor = cells[c1 - 1] if r1 == rownum and c1 <= len(cells) else None
                self.active.append((r2, c1, c2, anchor))
        if not self.active:
            return cells
        self.active = [a for a in self.active if a[0] >= rownum]
        for _, c1, c2, value in self.active:
            if value is None:
                continue
            if c2 > len(cells):
                cells.extend([None] * (c2 - len(cells)))
            for i in range(c1 - 1, c2):
                cells[i] = value
        return cells
