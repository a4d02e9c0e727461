"""XLSX building blocks: zip safety checks, a streaming sheet parser, merged ranges, cell text."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import IO, Any, Iterator

from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import (
    FORMULA_TAG,
    ROW_TAG,
    VALUE_TAG,
    WorkSheetParser,
    _cast_number,
)
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from ._issues import Issue, make_issue

MAX_UNCOMPRESSED = 2 << 30          # total uncompressed bytes an XLSX may expand to
MAX_RATIO = 200                     # compression ratio above which a big entry is a suspected bomb
RATIO_MIN_ENTRY = 16 << 20          # entries smaller than this are not judged by their ratio
MERGE_SCAN_CHUNK = 1 << 20

DATA_TAG = f"{{{SHEET_MAIN_NS}}}sheetData"
_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"\$?([A-Z]{1,3})\$?(\d+)"
                        rb"(?::\$?([A-Z]{1,3})\$?(\d+))?\"")


def inspect_zip(path: Path, file: str) -> Issue | None:
    """Refuse corrupt archives, non-XLSX zips and decompression bombs before parsing anything."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return make_issue("file-unreadable", file=file,
                          reason=f"压缩包损坏或不完整（文件可能被截断）corrupt or truncated zip: {exc}")
    names = {i.filename for i in infos}
    if "xl/workbook.bin" in names:
        return make_issue("file-unreadable", file=file,
                          reason="二进制工作簿 (.xlsb) 不受支持，请另存为 .xlsx (xlsb: save as .xlsx)")
    if "content.xml" in names and "mimetype" in names:
        return make_issue("file-unreadable", file=file,
                          reason="OpenDocument 表格 (.ods) 不受支持，请另存为 .xlsx (ods: save as .xlsx)")
    total = sum(i.file_size for i in infos)
    ratio = max((i.file_size / max(i.compress_size, 1) for i in infos
                 if i.file_size >= RATIO_MIN_ENTRY), default=0.0)
    if total > MAX_UNCOMPRESSED or ratio > MAX_RATIO:
        return make_issue("file-too-large-uncompressed", file=file, size=total,
                          ratio=f"{ratio:.0f}")
    return None


def scan_merges(zf: zipfile.ZipFile, member: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges (min_row, min_col, max_row, max_col) from the sheet XML.

    Read-only openpyxl does not expose them and <mergeCells> follows <sheetData>, so the entry is
    decompressed once more and only the tail after the first "mergeCells" is kept and matched;
    inflating is cheap next to parsing the cells.
    """
    tail: list[bytes] = []
    carry = b""
    with zf.open(member) as src:
        while chunk := src.read(MERGE_SCAN_CHUNK):
            if tail:
                tail.append(chunk)
                continue
            data = carry + chunk
            k = data.find(b"mergeCells")
            if k >= 0:
                tail.append(data[max(k - 16, 0):])
            else:
                carry = data[-32:]
    out = []
    for m in _MERGE_REF.finditer(b"".join(tail)):
        c1, r1 = column_index_from_string(m[1].decode()), int(m[2])
        c2, r2 = (column_index_from_string(m[3].decode()), int(m[4])) if m[3] else (c1, r1)
        out.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    out.sort()
    return out


_T = f"{{{SHEET_MAIN_NS}}}t"
_R = f"{{{SHEET_MAIN_NS}}}r"
_IS = f"{{{SHEET_MAIN_NS}}}is"
_COLUMNS: dict[str, int] = {}

# A parsed cell: (1-based column, value, data type 'n' 's' 'b' 'd' 'e', has a formula)
Cell = tuple[int, Any, str, bool]


def _column(letters: str) -> int:
    col = _COLUMNS.get(letters)
    if col is None:
        col = _COLUMNS[letters] = column_index_from_string(letters)
    return col


def _inline_text(element: Any) -> str | None:
    """Text of an inline string, phonetic runs left out (as openpyxl's Text.content)."""
    node = element.find(_IS)
    if node is None:
        return None
    parts = []
    for child in node:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            t = child.find(_T)
            if t is not None:
                parts.append(t.text or "")
    return "".join(parts)


class SheetParser(WorkSheetParser):
    """openpyxl's sheet parser with a leaner cell step: tuples instead of dicts, a formula flag
    (data_only drops formulas) and no per-row bookkeeping that grows with the sheet."""

    def parse_cell(self, element: Any) -> Cell:  # type: ignore[override]
        get = element.get
        data_type = get("t", "n")
        coordinate = get("r")
        if coordinate:
            col = self.col_counter = _column(coordinate.rstrip("0123456789"))
        else:
            col = self.col_counter = self.col_counter + 1
        formula = element.find(FORMULA_TAG) is not None
        if data_type == "inlineStr":
            return col, _inline_text(element), "s", formula
        value: Any = element.findtext(VALUE_TAG, None) or None
        if value is None:
            return col, None, data_type, formula
        if data_type == "n":
            value = _cast_number(value)
            style = get("s")
            if style and int(style) in self.date_formats:
                try:
                    value = from_excel(value, self.epoch,
                                       timedelta=int(style) in self.timedelta_formats)
                    data_type = "d"
                except (OverflowError, ValueError):
                    value, data_type = "#VALUE!", "e"     # a date serial outside Excel's range
        elif data_type == "s":
            value = self.shared_strings[int(value)]
        elif data_type == "b":
            value = bool(int(value))
        elif data_type == "str":
            data_type = "s"
        elif data_type == "d":
            value = from_ISO8601(value)
        return col, value, data_type, formula

    def parse_row(self, row: Any) -> tuple[int, list[Cell]]:  # type: ignore[override]
        r = row.get("r")
        self.row_counter = int(float(r)) if r else self.row_counter + 1
        self.col_counter = 0
        return self.row_counter, [self.parse_cell(el) for el in row]

    def iter_rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(Excel row number, cell dicts) per <row>; parsed rows are dropped from the tree."""
        sheet_data = None
        for event, el in iterparse(self.source, events=("start", "end")):
            if event == "start":
                if el.tag == DATA_TAG:
                    sheet_data = el
                continue
            if el.tag == ROW_TAG:
                yield self.parse_row(el)
                if sheet_data is not None:
                    sheet_data.clear()
            elif el.tag == DATA_TAG:
                return


def open_sheet(zf: zipfile.ZipFile, member: str, wb: Any) -> tuple[IO[bytes], SheetParser]:
    src = zf.open(member)
    parser = SheetParser(src, wb.shared_strings, data_only=True, epoch=wb.epoch,
                         date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
    return src, parser


# -- cell text ------------------------------------------------------------------------------------
def _float_text(v: float) -> str:
    if v.is_integer():
        return str(int(v))
    s = repr(v)
    # Excel shows at most 15 significant digits: 0.30000000000000004 is 0.3 to the user
    if len(s.replace("-", "").replace(".", "").lstrip("0")) > 15 and "e" not in s:
        s = f"{v:.15g}"
    return s


def _datetime_text(v: dt.datetime) -> str:
    if v.microsecond:
        # round to the second Excel shows (serials carry float noise)
        v = (v + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    day = f"{v.year:04d}-{v.month:02d}-{v.day:02d}"
    if v.hour or v.minute or v.second:
        return f"{day} {v.hour:02d}:{v.minute:02d}:{v.second:02d}"
    return day


def cell_text(value: Any) -> str | None:
    """Text of a cell value as the user sees it (12 → '12', dates → ISO, booleans → TRUE/FALSE)."""
    t = type(value)
    if t is str or value is None:
        return value
    if t is bool:
        return "TRUE" if value else "FALSE"
    if t is int:
        return str(value)
    if t is float:
        return _float_text(value)
    if t is dt.datetime:
        return _datetime_text(value)
    if t is dt.date:
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if t is dt.time:
        return f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    if t is dt.timedelta:
        secs = round(value.total_seconds())
        sign, secs = ("-", -secs) if secs < 0 else ("", secs)
        return f"{sign}{secs // 3600}:{secs % 3600 // 60:02d}:{secs % 60:02d}"
    return str(value)
