"""Reader building blocks and edge cases outside the corpus: sniffing, header choice, cell text."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import Workbook

from zhichan.ingest import _read_xlsx_parts
from zhichan.ingest._read_common import FIELD_LIMIT, clean_header, is_injection, is_totals
from zhichan.ingest._read_xlsx_parts import cell_text
from zhichan.ingest._readers import read_tables
from zhichan.ingest._sniff import SAMPLE_BYTES, detect_encoding, sniff_delimiter


def rows_of(t):
    return [(r.row, r.cells) for r in t.rows]


def codes(t):
    return [(i.code, i.row, i.column) for i in t.issues]


# -- sniffing -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sample, expected", [
    ("申请号\t名称\t地址\n1\t一种装置\t重庆市,渝北区\n2\t方法\t重庆市,江北区,观音桥\n", "\t"),
    ("申请号|名称\n1|a\n2|b\n", "|"),
    ('申请号,名称\n1,"a;b;c"\n2,"d;e"\n', ","),
    ("申请号\n1\n2\n", ","),
    ("重庆市专利数据导出\n\n申请号;名称;申请日\n1;a;2021\n2;b;2022\n", ";"),
])
def test_sniff_delimiter(sample, expected):
    assert sniff_delimiter(sample, truncated=False) == expected


def test_sample_boundary_inside_a_multibyte_char_stays_utf8(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_bytes(b"a" * (SAMPLE_BYTES - 1) + "中文\n".encode("utf-8"))
    guess = detect_encoding(path)
    assert (guess.encoding, guess.guessed) == ("utf-8", False)


def test_gbk_after_a_long_ascii_head_is_still_detected(tmp_path):
    path = tmp_path / "late.csv"
    head = "申请号,名称\n".encode("gbk") + b"".join(b"%012d.0,x\n" % i for i in range(120_000))
    path.write_bytes(head + "201220687633.0,重庆大学\n".encode("gbk"))
    (t,) = read_tables(path)
    rows = rows_of(t)
    assert t.encoding == "gb18030"
    assert rows[-1] == (120_002, ["201220687633.0", "重庆大学"])


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("申请号\t名称\r\nAB1\t装置\r\n".encode("utf-16-le"))
    (t,) = read_tables(path)
    assert (t.encoding, t.delimiter, t.headers) == ("utf-16-le", "\t", ["申请号", "名称"])
    assert rows_of(t) == [(2, ["AB1", "装置"])]
    assert codes(t) == [("encoding-guessed", None, None)]


def test_binary_junk_is_unreadable(tmp_path):
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 40)
    (t,) = read_tables(path)
    assert codes(t) == [("file-unreadable", None, None)]


def test_missing_file_and_json_array(tmp_path):
    (t,) = read_tables(tmp_path / "nope.csv")
    assert codes(t) == [("file-unreadable", None, None)]
    path = tmp_path / "a.json"
    path.write_text('[{"申请号": "1"}]', encoding="utf-8")
    (t,) = read_tables(path)
    assert codes(t) == [("file-unreadable", None, None)] and "JSON Lines" in t.issues[0].message


# -- headers --------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, clean", [
    ("\ufeff申请号", "申请号"), (" 申请日\u3000", "申请日"), ("申请\n日期", "申请日期"),
    ("申 请 号", "申请号"), ("Application  No.", "Application No."), ("公开（公告） 号", "公开（公告）号"),
    (None, ""), (2019, "2019"),
])
def test_clean_header(raw, clean):
    assert clean_header(raw) == clean


def test_header_score_picks_the_best_row_and_none_means_not_found(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("说明,本表由系统导出,共2条\n序号,申请号,名称\n1,201220687633.0,装置\n", encoding="utf-8")
    known = {"申请号", "名称"}
    (t,) = read_tables(path, header_score=lambda cells: sum(c in known for c in cells))
    assert (t.header_row, t.headers) == (2, ["序号", "申请号", "名称"])
    assert rows_of(t) == [(3, ["1", "201220687633.0", "装置"])]
    (t,) = read_tables(path, header_score=lambda cells: 0.0)
    assert (t.headers, rows_of(t), codes(t)) == ([], [], [("header-not-found", None, None)])


def test_max_header_scan_limits_the_search(tmp_path):
    path = tmp_path / "deep.csv"
    path.write_text("x\n" * 5 + "申请号,名称\n1,a\n", encoding="utf-8")
    score = lambda cells: float("申请号" in cells)  # noqa: E731
    (t,) = read_tables(path, header_score=score, max_header_scan=5)
    assert codes(t) == [("header-not-found", None, None)]
    (t,) = read_tables(path, header_score=score, max_header_scan=6)
    assert t.header_row == 6


def test_yearbook_header_of_years_is_found_by_default(tmp_path):
    path = tmp_path / "yb.csv"
    path.write_text("表1 各区县专利授权量\n地区,2019,2020,2021\n渝中区,630,702,815\n", encoding="utf-8")
    (t,) = read_tables(path)
    assert (t.header_row, t.headers) == (2, ["地区", "2019", "2020", "2021"])


def test_trailing_empty_header_cells_and_trailing_delimiters(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("申请号,名称,,\n1,a,,\n2,b,,x\n", encoding="utf-8")
    (t,) = read_tables(path)
    assert t.headers == ["申请号", "名称"]
    assert rows_of(t) == [(2, ["1", "a"]), (3, ["2", "b"])]
    assert codes(t) == [("ragged-row", 3, None)] and t.issues[0].value == ",x"


# -- row checks -----------------------------------------------------------------------------------
@pytest.mark.parametrize("cell, expected", [
    ("=1+2", True), ("+cmd|' /C calc'!A0", True), ("@SUM(A1)", True), ("-2+3", True),
    ("-12.5", False), ("+3", False), ("-1,234.50", False), ("-", False), ("--", False), ("-1e5", False),
    ("+86 23 6888 8888", True),
])
def test_is_injection(cell, expected):
    assert is_injection(cell) is expected


@pytest.mark.parametrize("cells, expected", [
    (["合计", "1"], True), (["", "总计：", "9"], True), (["小计(渝中区)", "3"], True), (["Total", "3"], True),
    (["合 计", "1"], True), (["总计算平台", "1"], False), (["渝中区", "合计"], False), ([], False),
])
def test_is_totals(cells, expected):
    assert is_totals(cells) is expected


def test_runaway_quote_does_not_crash(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('申请号,名称\n1,"未闭合的引号\n2,b\n', encoding="utf-8")
    (t,) = read_tables(path)
    assert rows_of(t) == [(2, ["1", "未闭合的引号\n2,b\n"])]


def test_field_limit_constant():
    assert FIELD_LIMIT == 32_767


def test_legit_replacement_char_in_source_is_not_reported(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("申请号,名称\n1,已有\ufffd字符\n", encoding="utf-8")
    (t,) = read_tables(path)
    assert rows_of(t) == [(2, ["1", "已有\ufffd字符"])] and t.issues == []


# -- XLSX cell text and edge cases ----------------------------------------------------------------
@pytest.mark.parametrize("value, text", [
    (12, "12"), (12.0, "12"), (1.5, "1.5"), (0.1 + 0.2, "0.3"), (-0.0, "0"), (201220687633.0, "201220687633"),
    (True, "TRUE"), (False, "FALSE"), (None, None), ("0012", "0012"),
    (dt.datetime(2021, 3, 15), "2021-03-15"), (dt.datetime(2021, 3, 15, 9, 5, 7), "2021-03-15 09:05:07"),
    (dt.datetime(2021, 3, 15, 23, 59, 59, 999_999), "2021-03-16"), (dt.date(2021, 3, 15), "2021-03-15"),
    (dt.time(14, 30), "14:30:00"), (dt.timedelta(hours=26, minutes=3), "26:03:00"),
])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_xlsx_gap_rows_horizontal_merge_and_header_merge(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["申请号", "名称", "申请人"])
    ws.append(["201220687633.0", "装置", "重庆大学"])
    ws.cell(row=5, column=1, value="202110345678.3")
    ws.cell(row=5, column=2, value="同上")
    ws.merge_cells("B5:C5")
    ws.merge_cells("A1:A1")
    path = tmp_path / "g.xlsx"
    wb.save(path)
    (t,) = read_tables(path)
    assert rows_of(t) == [(2, ["201220687633.0", "装置", "重庆大学"]), (5, ["202110345678.3", "同上", "同上"])]
    assert codes(t) == [("blank-row", 3, None), ("blank-row", 4, None)]


def test_xlsx_extra_cells_beyond_the_header_are_reported(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["申请号", "名称"])
    ws.append(["201220687633.0", "装置", None, "遗漏的备注"])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    (t,) = read_tables(path)
    assert rows_of(t) == [(2, ["201220687633.0", "装置"])]
    assert codes(t) == [("ragged-row", 2, None)] and t.issues[0].value == " | 遗漏的备注"


def test_xlsx_broken_sheet_xml_reports_where_it_stopped(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["申请号", "名称"])
    for i in range(50):
        ws.append([f"2021{i:08d}.3", "装置"])
    good = tmp_path / "good.xlsx"
    wb.save(good)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body[: body.index(b'<row r="40"') + 20]
            dst.writestr(info, body)
    (t,) = read_tables(bad)
    rows = rows_of(t)
    assert len(rows) == 38 and rows[-1][0] == 39
    assert codes(t) == [("file-unreadable", 40, None)]


def test_xlsx_total_size_limit(tmp_path, monkeypatch):
    wb = Workbook()
    wb.active.append(["申请号"])
    path = tmp_path / "s.xlsx"
    wb.save(path)
    monkeypatch.setattr(_read_xlsx_parts, "MAX_UNCOMPRESSED", 1000)
    (t,) = read_tables(path)
    assert codes(t) == [("file-too-large-uncompressed", None, None)]


def test_ods_zip_is_unreadable_with_hint(tmp_path):
    path = tmp_path / "a.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    (t,) = read_tables(path)
    assert codes(t) == [("file-unreadable", None, None)] and ".ods" in t.issues[0].message


def test_empty_workbook_is_file_empty(tmp_path):
    path = tmp_path / "e.xlsx"
    Workbook().save(path)
    (t,) = read_tables(path)
    assert codes(t) == [("file-empty", None, None)]


def test_jsonl_key_first_seen_after_the_scan_is_reported(tmp_path, monkeypatch):
    from zhichan.ingest import _read_jsonl

    monkeypatch.setattr(_read_jsonl, "JSONL_KEY_SCAN", 2)
    path = tmp_path / "k.ndjson"
    path.write_text('{"申请号": "1"}\n{"申请号": "2"}\n{"申请号": "3", "备注": {"a": 1.0}}\n[1]\n',
                    encoding="utf-8")
    (t,) = read_tables(path)
    assert t.headers == ["申请号"]
    assert rows_of(t) == [(1, ["1"]), (2, ["2"]), (3, ["3"])]
    assert codes(t) == [("jsonl-new-key", 3, "备注"), ("jsonl-bad-line", 4, None)]
    assert t.issues[0].value == '{"a": 1.0}'
