"""The messy corpus (tests/data/messy): each pathology's exact outcome — headers, rows, issues."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhichan.ingest._readers import read_tables

MESSY = Path(__file__).resolve().parents[2] / "data" / "messy"

HEADER8 = ["申请号", "申请日", "公开(公告)号", "名称", "申请(专利权)人", "申请人地址", "主分类号", "法律状态"]
P1 = ["201220687633.0", "2012-12-13", "CN203046123U", "一种汽车变速箱换挡装置", "重庆渝新汽车零部件有限公司",
      "重庆市江北区建新东路260号", "F16H59/02", "专利权终止"]
P2 = ["202110345678.3", "2021-03-15", "CN113062345A", "一种基于深度学习的道路裂缝检测方法", "重庆大学",
      "重庆市沙坪坝区沙正街174号", "G06T7/00", "授权"]
P3 = ["202320567890.9", "2023-03-20", "CN219876543U", "一种火锅底料炒制设备", "重庆山城食品有限公司",
      "重庆市南岸区南坪东路8号", "A23L27/00", "有权"]


def read_one(name: str, **kw):
    """The single table of a corpus file, its rows as (row, cells) and its issues as tuples."""
    tables = read_tables(MESSY / name, **kw)
    assert len(tables) == 1
    return drain(tables[0])


def drain(t):
    rows = [(r.row, r.cells) for r in t.rows]
    issues = [(i.code, i.row, i.column) for i in t.issues]
    return t, rows, issues


def test_corpus_is_complete_and_small():
    files = [p for p in MESSY.iterdir() if p.suffix not in (".py", ".md")]
    assert len(files) >= 25
    assert all(p.stat().st_size < 130_000 for p in files)
    readme = (MESSY / "README.md").read_text(encoding="utf-8")
    for p in files:
        assert f"`{p.name}`" in readme, f"{p.name} is not described in README.md"


# -- encodings ------------------------------------------------------------------------------------
def test_gbk_csv_is_read_as_gb18030_and_reported():
    t, rows, issues = read_one("gbk.csv")
    assert (t.encoding, t.delimiter, t.header_row, t.headers) == ("gb18030", ",", 1, HEADER8)
    assert rows == [(2, P1), (3, P2), (4, P3)]
    assert issues == [("encoding-guessed", None, None)]
    assert t.rows_seen == 3


def test_gb18030_rare_characters_survive():
    t, rows, issues = read_one("gb18030_rare.csv")
    assert t.encoding == "gb18030"
    assert rows == [
        (2, ["202110012345.9", "一种䶮字形码编码方法", "重庆𠮷祥电子有限公司", "刘䶮;王㛃"]),
        (3, ["202210067890.2", "基于𬭚同位素的检测装置", "西南大学", "赵𬭚"]),
    ]
    assert issues == [("encoding-guessed", None, None)]


def test_utf8_bom_is_stripped_from_the_first_header():
    t, rows, issues = read_one("utf8_bom.csv")
    assert (t.encoding, t.headers[0]) == ("utf-8-sig", "申请号")
    assert rows == [(2, P1), (3, P2), (4, P3)]
    assert issues == []


def test_utf16_le_bom_tab_export():
    t, rows, issues = read_one("utf16_le_bom.csv")
    assert (t.encoding, t.delimiter, t.headers) == ("utf-16", "\t", HEADER8)
    assert rows == [(2, P1), (3, P2), (4, P3)]
    assert issues == []


def test_invalid_utf8_byte_is_replaced_and_reported_on_its_row():
    t, rows, issues = read_one("invalid_utf8.csv")
    assert t.encoding == "utf-8"
    assert rows[1] == (3, ["202110345678.3", "\ufffd\ufffd\ufffd路裂缝检测方法"])
    assert [r for r, _ in rows] == [2, 3, 4]
    assert issues == [("encoding-replaced", 3, "名称")]
    assert "utf-8" in t.issues[0].message


# -- delimiters, layout ---------------------------------------------------------------------------
def test_semicolon_delimited_with_commas_in_values():
    t, rows, issues = read_one("semicolon.csv")
    assert t.delimiter == ";"
    assert rows == [(2, ["201220687633.0", "一种汽车变速箱换挡装置", "重庆市江北区,建新东路260号"]),
                    (3, ["202110345678.3", "道路裂缝检测方法", "重庆市沙坪坝区,沙正街174号"])]
    assert issues == []


def test_tab_delimited():
    t, rows, issues = read_one("tab_delimited.tsv")
    assert (t.delimiter, t.headers) == ("\t", HEADER8)
    assert rows == [(2, P1), (3, P2), (4, P3)]
    assert issues == []


def test_title_rows_above_the_csv_header_are_skipped_silently():
    t, rows, issues = read_one("title_rows.csv")
    assert (t.header_row, t.headers) == (4, HEADER8[:4])
    assert rows == [(5, P1[:4]), (6, P2[:4])]
    assert issues == []


def test_blank_rows_are_skipped_and_reported_but_trailing_ones_ignored():
    t, rows, issues = read_one("blank_rows.csv")
    assert rows == [(2, P1[:4]), (6, P2[:4])]
    assert issues == [("blank-row", 3, None), ("blank-row", 4, None), ("blank-row", 5, None)]
    assert t.rows_seen == 5


def test_totals_row_is_skipped():
    t, rows, issues = read_one("totals_row.csv")
    assert [r for r, _ in rows] == [2, 3, 4]
    assert rows[-1] == (4, ["沙坪坝区", "4830", "2104"])
    assert issues == [("totals-row", 5, None)]
    assert t.issues[0].value == "合计"
    assert t.rows_seen == 4


def test_ragged_rows_are_padded_truncated_and_extra_text_kept_in_the_issue():
    t, rows, issues = read_one("ragged_rows.csv")
    assert rows[0] == (2, ["201220687633.0", "2012-12-13", "一种汽车变速箱换挡装置", "重庆渝新汽车零部件有限公司",
                           None])
    assert rows[1] == (3, ["202110345678.3", "2021-03-15", "道路裂缝检测方法", "重庆大学", "授权"])
    assert rows[2] == (4, ["202320567890.9", "2023-03-20", "火锅底料炒制设备", "重庆山城食品有限公司", "有权"])
    assert issues == [("ragged-row", 2, None), ("ragged-row", 3, None)]
    assert t.issues[1].value == "沙坪坝区,G06T7/00"
    assert "7 列" in t.issues[1].message and "5 列" in t.issues[1].message


def test_embedded_newlines_quoted_cells_and_record_numbers():
    t, rows, issues = read_one("embedded_newlines.csv")
    assert rows == [
        (2, ["202110345678.3", "道路裂缝检测方法", '本发明公开了一种方法，\r\n包括：采集图像;\r\n识别裂缝,输出"结果"。']),
        (3, ["202320567890.9", "火锅底料炒制设备", "简短摘要"]),
    ]
    assert issues == []


def test_crlf_and_whitespace_in_headers_are_cleaned_but_cells_kept():
    t, rows, issues = read_one("crlf_trailing_ws.csv")
    assert t.headers == ["申请号", "申请日", "名称"]
    assert rows == [(2, ["201220687633.0 ", "2012-12-13", "一种汽车变速箱换挡装置  "])]
    assert issues == []


# -- values passed through as text ----------------------------------------------------------------
def test_five_date_formats_stay_text():
    _, rows, issues = read_one("dates_five_formats.csv")
    assert [c[1] for _, c in rows] == ["20210315", "2021-03-15", "2021/3/15", "2021年3月15日", "2021.03.15"]
    assert issues == []


def test_fullwidth_digits_stay_as_written():
    _, rows, issues = read_one("fullwidth_digits.csv")
    assert rows == [(2, ["２０１２２０６８７６３３．０", "２０１２－１２－１３", "一种汽车变速箱换挡装置"])]
    assert issues == []


def test_csv_injection_is_kept_and_reported_but_not_for_numbers_dates_dashes():
    t, rows, issues = read_one("csv_injection.csv")
    assert rows[0] == (2, ["201220687633.0", '=HYPERLINK("http://evil.example","点击")', "-", "-12.5"])
    assert rows[2][1][2] == "@SUM(A1:A9)"
    assert issues == [("csv-injection", 2, "名称"), ("csv-injection", 3, "名称"),
                      ("csv-injection", 4, "名称"), ("csv-injection", 4, "备注")]


def test_huge_field_is_truncated_to_the_excel_limit():
    t, rows, issues = read_one("huge_field.csv")
    assert len(rows[0][1][2]) == 32_767 and rows[0][1][2].startswith("abcdefghij")
    assert rows[1] == (3, ["202320567890.9", "火锅底料炒制设备", "本实用新型公开了一种火锅底料炒制设备"])
    assert issues == [("field-too-long", 2, "摘要")]
    assert "40000" in t.issues[0].message and "32767" in t.issues[0].message


# -- column sets the profile layer judges ---------------------------------------------------------
def test_duplicate_headers_kept_in_place_and_flagged():
    t, rows, issues = read_one("duplicate_headers.csv")
    assert t.headers == ["申请号", "名称", "申请人", "申请人"]
    assert rows == [(2, ["201220687633.0", "一种汽车变速箱换挡装置", "重庆渝新汽车零部件有限公司", "重庆大学"])]
    assert issues == [("duplicate-header", 1, "申请人")]


def test_missing_required_column_is_read_as_is():
    t, rows, issues = read_one("missing_required_column.csv")
    assert t.headers == ["名称", "申请(专利权)人", "申请日"]
    assert len(rows) == 2 and issues == []


def test_extra_columns_are_read():
    t, rows, issues = read_one("extra_columns.csv")
    assert t.headers == HEADER8 + ["代理机构", "联系电话", "备注"]
    assert rows == [(2, P1 + ["重庆市前沿专利事务所", "023-67888888", "无"])]
    assert issues == []


def test_mixed_record_kinds_are_read_as_one_table():
    t, rows, issues = read_one("mixed_record_kinds.csv")
    assert t.headers == ["类型", "申请号/注册号", "名称", "申请人", "申请日", "国际分类"]
    assert [c[0] for _, c in rows] == ["发明专利", "商标", "实用新型", "商标"]
    assert rows[1] == (3, ["商标", "45678912", "山城火锅", "重庆山城食品有限公司", "2020-06-01", "43"])
    assert issues == []


# -- empty and unreadable files -------------------------------------------------------------------
def test_empty_file():
    t, rows, issues = read_one("empty.csv")
    assert (rows, issues, t.headers) == ([], [("file-empty", None, None)], [])


def test_header_only_file():
    t, rows, issues = read_one("header_only.csv")
    assert (t.headers, rows, issues) == (HEADER8, [], [("file-empty", None, None)])


@pytest.mark.parametrize("name, words", [
    ("truncated.xlsx", "截断"),
    ("legacy.xls", ".xls"),
    ("html_as_xls.xls", "HTML"),
])
def test_unreadable_files_are_reported_not_raised(name, words):
    t, rows, issues = read_one(name)
    assert (rows, issues) == ([], [("file-unreadable", None, None)])
    assert words in t.issues[0].message


def test_zip_bomb_is_refused_before_parsing():
    assert (MESSY / "bomb.xlsx").stat().st_size < 100_000
    t, rows, issues = read_one("bomb.xlsx")
    assert (rows, issues) == ([], [("file-too-large-uncompressed", None, None)])
    assert "83888" in t.issues[0].message


# -- XLSX -----------------------------------------------------------------------------------------
def test_merged_title_rows_above_the_header():
    t, rows, issues = read_one("merged_title_rows.xlsx")
    assert (t.sheet, t.header_row, t.headers, t.encoding) == ("专利", 3, HEADER8, None)
    assert rows == [(4, P1), (5, P2), (6, P3)]
    assert issues == []


def test_vertically_merged_cells_are_filled_into_every_row():
    t, rows, issues = read_one("merged_cells_vertical.xlsx")
    assert rows == [
        (2, ["202110345678.3", "重庆大学", "道路裂缝检测方法", "授权"]),
        (3, ["202110345679.8", "重庆大学", "桥梁健康监测系统", "实质审查"]),
        (4, ["202110345680.0", "重庆大学", "隧道渗水预警装置", "实质审查"]),
        (5, ["202320567890.9", "重庆山城食品有限公司", "火锅底料炒制设备", "有权"]),
    ]
    assert issues == []


def test_formulas_use_cached_values_once_per_column_and_missing_values_are_reported():
    t, rows, issues = read_one("formulas.xlsx")
    assert rows == [(2, ["202110345678.3", "12", "300", "共12项"]),
                    (3, ["202320567890.9", "8", "0", None])]
    assert issues == [("formula-cell", 2, "附加费"), ("formula-cell", 2, "摘要"),
                      ("formula-no-value", 3, "摘要")]
    assert [i.severity for i in t.issues] == ["info", "info", "warning"]


def test_excel_error_cells_become_empty_but_error_text_stays_text():
    t, rows, issues = read_one("excel_errors.xlsx")
    assert [c[1] for _, c in rows] == [None] * 7
    assert rows[0][1][2] == "#N/A"      # a text cell that happens to read #N/A
    assert issues == [("excel-error-cell", r, "权利要求数") for r in range(2, 9)]
    assert [i.value for i in t.issues] == ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
                                           "#NULL!"]


def test_real_date_cells_become_iso_and_text_dates_stay_text():
    _, rows, issues = read_one("dates.xlsx")
    assert rows == [(2, ["202110345678.3", "2021-03-15", "2022-01-04", "2021年3月15日"]),
                    (3, ["202320567890.9", "2023-03-20 14:30:00", "2023-08-01", "2023.03.20"])]
    assert issues == []


def test_numbers_stored_as_text_stay_text_and_numbers_lose_no_digits():
    _, rows, issues = read_one("numbers_as_text.xlsx")
    assert rows == [
        (2, ["1", "201220687633.0", "030006", "12", "1.5", "201220687633", "0.3", "TRUE"]),
        (3, ["2", "202110345678", "400044", "3", "900", "202110345678", "0.25", "FALSE"]),
    ]
    assert issues == []


def test_header_with_line_break_inside_the_cell():
    t, rows, issues = read_one("header_newline.xlsx")
    assert t.headers == ["申请号", "申请日期", "申请(专利权)人", "公开（公告）号"]
    assert rows == [(2, ["202110345678.3", "2021-03-15", "重庆大学", "CN113062345A"])]
    assert issues == []


def test_multi_sheet_gives_one_table_per_sheet_with_a_header():
    tables = read_tables(MESSY / "multi_sheet.xlsx")
    assert [(t.sheet, t.header_row, t.headers) for t in tables] == [
        ("专利", 1, HEADER8[:4]),
        ("商标", 2, ["注册号", "商标名称", "国际分类", "申请人"]),
    ]
    _, rows, issues = drain(tables[0])
    assert rows == [(2, P1[:4]), (3, P2[:4])]
    assert issues == [("sheet-skipped", None, None)]      # 统计: numbers only; 空表: empty
    assert tables[0].issues[0].sheet == "统计"
    _, rows, issues = drain(tables[1])
    assert (rows, issues) == ([(3, ["45678912", "山城火锅", "43", "重庆山城食品有限公司"])], [])


# -- JSON Lines -----------------------------------------------------------------------------------
def test_jsonl_bad_line_new_key_nested_values_and_number_text():
    t, rows, issues = read_one("bad_line.jsonl")
    assert (t.header_row, t.delimiter) == (0, None)
    assert t.headers == ["申请号", "申请日", "权利要求数", "名称", "发明人", "有效", "代理机构"]
    assert rows == [
        (1, ["201220687633.0", "2012-12-13", "10", None, None, None, None]),
        (2, ["202110345678.3", None, "1.50", "道路裂缝检测方法", '["张三", "李四"]', "TRUE", None]),
        (5, ["202320567890.9", None, None, "火锅底料炒制设备", None, None, "前沿专利事务所"]),
    ]
    assert issues == [("jsonl-bad-line", 3, None), ("blank-row", 4, None)]
    assert t.issues[0].severity == "error"
    assert t.rows_seen == 5
