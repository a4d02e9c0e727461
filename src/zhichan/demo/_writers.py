"""Streaming writers for the demo files: CSV (UTF-8, UTF-8 with BOM or GBK) row by row, and XLSX
through openpyxl's write-only mode with a first title row saying the records are synthetic.

Column names are exactly those of the import profiles (tests check that every file is
auto-detected as its intended profile)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["SYNTHETIC_NOTE", "CsvOut", "XlsxOut"]

SYNTHETIC_NOTE = ("演示数据：微观记录为合成数据（synthetic micro-records），"
                  "公司、人员、编号均为虚构；统计总量按公开统计数据校准。")
FIXED_TIME = dt.datetime(2024, 6, 30, 9, 0, 0)  # fixed workbook times keep XLSX output stable


class CsvOut:
    """A CSV file written row by row; ``encoding`` 'gbk' writes unencodable characters as '?'."""

    def __init__(self, path: Path, header: Sequence[str], *, encoding: str = "utf-8", bom: bool = False) -> None:
        self.path = path
        self.rows = 0
        self._fh = open(path, "w", encoding=encoding, errors="replace", newline="")  # noqa: SIM115 (streamed)
        if bom:
            self._fh.write("\ufeff")
        self._w = csv.writer(self._fh, lineterminator="\r\n")
        # every file says what it is; importers skip title rows above the header
        self._w.writerow([SYNTHETIC_NOTE])
        self._w.writerow(header)
        self.header = list(header)

    def write(self, row: Sequence[Any]) -> None:
        self._w.writerow(["" if v is None else v for v in row])
        self.rows += 1

    @property
    def last_row(self) -> int:
        """The row number, as a spreadsheet shows it, of the row written last (title + header first)."""
        return self.rows + 2

    def close(self) -> None:
        self._fh.close()


class XlsxOut:
    """An XLSX workbook in write-only mode; each sheet starts with the synthetic-data title row."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook

        self.path = path
        self.rows = 0
        self._wb = Workbook(write_only=True)
        self._wb.properties.created = FIXED_TIME
        self._wb.properties.modified = FIXED_TIME
        self._wb.properties.creator = "zhichan demo"
        self._ws = None

    def sheet(self, title: str, header: Sequence[str], note: str = SYNTHETIC_NOTE) -> None:
        self._ws = self._wb.create_sheet(title)
        self._ws.append([note])
        self._ws.append(list(header))

    def write(self, row: Sequence[Any]) -> None:
        self._ws.append([None if v == "" else v for v in row])
        self.rows += 1

    def close(self) -> None:
        self._wb.properties.modified = FIXED_TIME
        self._wb.save(self.path)
        _fix_zip_times(self.path)


def _fix_zip_times(path: Path) -> None:
    """Rewrite the XLSX with fixed member timestamps, so a seed gives byte-identical files (zipfile
    stamps members with the time of writing; openpyxl also rewrites docProps' modified time)."""
    import re
    import zipfile

    tmp = path.with_suffix(".tmp")
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, data)
    tmp.replace(path)
