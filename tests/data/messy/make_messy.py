"""Build the messy-input corpus deterministically: one small file per pathology.

Run from anywhere: ``python tests/data/messy/make_messy.py``. XLSX files are re-zipped with fixed
timestamps so rebuilding gives the same bytes (for a given zlib). See README.md for the list.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
STAMP = (2024, 5, 1, 0, 0, 0)
FIXED = dt.datetime(2024, 5, 1)

PATENT_HEADER = ["申请号", "申请日", "公开(公告)号", "名称", "申请(专利权)人", "申请人地址",
                 "主分类号", "法律状态"]


def appno(base: str) -> str:
    """A Chinese application number with its check character (201220687633 → 201220687633.0)."""
    total = sum(int(d) * w for d, w in zip(base, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)))
    check = total % 11
    return f"{base}.{'X' if check == 10 else check}"


PATENTS = [
    [appno("201220687633"), "2012-12-13", "CN203046123U", "一种汽车变速箱换挡装置",
     "重庆渝新汽车零部件有限公司", "重庆市江北区建新东路260号", "F16H59/02", "专利权终止"],
    [appno("202110345678"), "2021-03-15", "CN113062345A", "一种基于深度学习的道路裂缝检测方法",
     "重庆大学", "重庆市沙坪坝区沙正街174号", "G06T7/00", "授权"],
    [appno("202320567890"), "2023-03-20", "CN219876543U", "一种火锅底料炒制设备",
     "重庆山城食品有限公司", "重庆市南岸区南坪东路8号", "A23L27/00", "有权"],
]


def csv_text(rows: list[list[str]], sep: str = ",", eol: str = "\n") -> str:
    """CSV as Excel writes it: minimal quoting (fields with the delimiter, quotes or newlines)."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator=eol).writerows(rows)
    return buf.getvalue()


def write(name: str, data: bytes | str, encoding: str = "utf-8") -> None:
    (HERE / name).write_bytes(data if isinstance(data, bytes) else data.encode(encoding))


# -- xlsx helpers ---------------------------------------------------------------------------------
def normalise_zip(data: bytes) -> bytes:
    """Re-zip with fixed timestamps and fixed docProps dates so the bytes are reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-05-01T00:00:00Z", body)
            zi = zipfile.ZipInfo(info.filename, date_time=STAMP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body, compresslevel=9)
    return out.getvalue()


def save_wb(wb: Workbook, name: str) -> bytes:
    wb.properties.created = wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    data = normalise_zip(buf.getvalue())
    write(name, data)
    return data


NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def raw_xlsx(sheet_xml: str, padding: int = 0) -> bytes:
    """A minimal hand-written XLSX (one sheet) for cells openpyxl cannot write: cached formula
    values, error cells. ``padding`` spaces are appended inside <worksheet> (bomb)."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
            "</Relationships>"),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<styleSheet xmlns="{NS}"><fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
            "</styleSheet>"),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<worksheet xmlns="{NS}">{sheet_xml}' + " " * padding + "</worksheet>"),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in parts.items():
            zi = zipfile.ZipInfo(name, date_time=STAMP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, text.encode("utf-8"), compresslevel=9)
    return out.getvalue()


def s(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def rows_xml(rows: list[list[str]]) -> str:
    return "<sheetData>" + "".join(
        f'<row r="{i}">{"".join(cells)}</row>' for i, cells in enumerate(rows, 1)) + "</sheetData>"


# -- the corpus -----------------------------------------------------------------------------------
def build() -> None:
    full = [PATENT_HEADER, *PATENTS]
    write("gbk.csv", csv_text(full, eol="\r\n"), "gbk")
    write("gb18030_rare.csv", csv_text([
        ["申请号", "名称", "申请(专利权)人", "发明人"],
        [appno("202110012345"), "一种䶮字形码编码方法", "重庆𠮷祥电子有限公司", "刘䶮;王㛃"],
        [appno("202210067890"), "基于𬭚同位素的检测装置", "西南大学", "赵𬭚"],
    ]), "gb18030")
    write("utf8_bom.csv", "\ufeff" + csv_text(full), "utf-8")
    write("utf16_le_bom.csv", "\ufeff" + csv_text(full, sep="\t", eol="\r\n"), "utf-16-le")
    write("semicolon.csv", csv_text([
        ["申请号", "名称", "申请人地址"],
        [appno("201220687633"), "一种汽车变速箱换挡装置", "重庆市江北区,建新东路260号"],
        [appno("202110345678"), "道路裂缝检测方法", "重庆市沙坪坝区,沙正街174号"],
    ], sep=";"))
    write("tab_delimited.tsv", csv_text(full, sep="\t"))
    write("blank_rows.csv", csv_text([
        PATENT_HEADER[:4], PATENTS[0][:4], [], ["", "", "", ""], [" ", "\u3000", "", ""],
        PATENTS[1][:4], [], [],
    ]))
    write("totals_row.csv", csv_text([
        ["地区", "发明专利申请量", "发明专利授权量"],
        ["渝中区", "1520", "630"], ["江北区", "2210", "915"], ["沙坪坝区", "4830", "2104"],
        ["合计", "8560", "3649"],
    ]))
    write("title_rows.csv", csv_text([
        ["重庆市专利数据导出"], ["导出日期：2024-05-01"], [], PATENT_HEADER[:4],
        PATENTS[0][:4], PATENTS[1][:4],
    ]))
    write("dates_five_formats.csv", csv_text([
        ["申请号", "申请日"],
        [appno("202110345678"), "20210315"], [appno("202110345679"), "2021-03-15"],
        [appno("202110345680"), "2021/3/15"], [appno("202110345681"), "2021年3月15日"],
        [appno("202110345682"), "2021.03.15"],
    ]))
    write("fullwidth_digits.csv", csv_text([
        ["申请号", "申请日", "名称"],
        ["２０１２２０６８７６３３．０", "２０１２－１２－１３", "一种汽车变速箱换挡装置"],
    ]))
    write("duplicate_headers.csv", csv_text([
        ["申请号", "名称", "申请人", "申请人"],
        [appno("201220687633"), "一种汽车变速箱换挡装置", "重庆渝新汽车零部件有限公司", "重庆大学"],
    ]))
    write("missing_required_column.csv", csv_text([
        ["名称", "申请(专利权)人", "申请日"],
        ["一种汽车变速箱换挡装置", "重庆渝新汽车零部件有限公司", "2012-12-13"],
        ["一种火锅底料炒制设备", "重庆山城食品有限公司", "2023-03-20"],
    ]))
    write("extra_columns.csv", csv_text([
        PATENT_HEADER + ["代理机构", "联系电话", "备注"],
        PATENTS[0] + ["重庆市前沿专利事务所", "023-67888888", "无"],
    ]))
    write("empty.csv", b"")
    write("header_only.csv", csv_text([PATENT_HEADER], eol="\r\n"))
    write("csv_injection.csv", csv_text([
        ["申请号", "名称", "备注", "金额"],
        [appno("201220687633"), '=HYPERLINK("http://evil.example","点击")', "-", "-12.5"],
        [appno("202110345678"), "+cmd|' /C calc'!A0", "2021-03-15", "+3"],
        [appno("202320567890"), "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "1,234.5"],
    ]))
    write("huge_field.csv", csv_text([
        ["申请号", "名称", "摘要"],
        [appno("202110345678"), "道路裂缝检测方法", "abcdefghij" * 4_000],
        [appno("202320567890"), "火锅底料炒制设备", "本实用新型公开了一种火锅底料炒制设备"],
    ]))
    write("mixed_record_kinds.csv", csv_text([
        ["类型", "申请号/注册号", "名称", "申请人", "申请日", "国际分类"],
        ["发明专利", appno("202110345678"), "道路裂缝检测方法", "重庆大学", "2021-03-15", "G06T7/00"],
        ["商标", "45678912", "山城火锅", "重庆山城食品有限公司", "2020-06-01", "43"],
        ["实用新型", appno("202320567890"), "火锅底料炒制设备", "重庆山城食品有限公司", "2023-03-20",
         "A23L27/00"],
        ["商标", "51234567", "渝新", "重庆渝新汽车零部件有限公司", "2021-01-08", "12"],
    ]))
    write("ragged_rows.csv", csv_text([
        ["申请号", "申请日", "名称", "申请人", "法律状态"],
        [appno("201220687633"), "2012-12-13", "一种汽车变速箱换挡装置", "重庆渝新汽车零部件有限公司"],
        [appno("202110345678"), "2021-03-15", "道路裂缝检测方法", "重庆大学", "授权", "沙坪坝区",
         "G06T7/00"],
        [appno("202320567890"), "2023-03-20", "火锅底料炒制设备", "重庆山城食品有限公司", "有权", ""],
    ]))
    write("embedded_newlines.csv",
          "申请号,名称,摘要\r\n"
          f'{appno("202110345678")},道路裂缝检测方法,"本发明公开了一种方法，\r\n包括：采集图像;\r\n'
          '识别裂缝,输出""结果""。"\r\n'
          f'{appno("202320567890")},火锅底料炒制设备,简短摘要\r\n')
    write("crlf_trailing_ws.csv", csv_text([
        [" 申请号 ", "申请日\u3000", "名称  "],
        [appno("201220687633") + " ", "2012-12-13", "一种汽车变速箱换挡装置  "],
    ], eol="\r\n"))
    text = csv_text([["申请号", "名称"], [appno("201220687633"), "一种汽车变速箱换挡装置"],
                     [appno("202110345678"), "道路裂缝检测方法"], [appno("202320567890"), "火锅底料"]])
    raw = bytearray(text.encode("utf-8"))
    k = raw.index("道路".encode("utf-8"))
    raw[k + 1] = 0xFF                  # one corrupt byte inside 道 in record 3
    write("invalid_utf8.csv", bytes(raw))
    write("bad_line.jsonl", "\n".join([
        '{"申请号": "201220687633.0", "申请日": "2012-12-13", "权利要求数": 10}',
        '{"申请号": "202110345678.3", "名称": "道路裂缝检测方法", "权利要求数": 1.50,'
        ' "发明人": ["张三", "李四"], "有效": true}',
        '{"申请号": "202320567890.1", "名称": "火锅底料',
        "",
        '{"申请号": "202320567890.9", "名称": "火锅底料炒制设备", "代理机构": "前沿专利事务所"}',
    ]) + "\n")
    write("legacy.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    write("html_as_xls.xls", "<html><head><meta charset=\"utf-8\"></head><body><table>"
          "<tr><td>申请号</td><td>名称</td></tr><tr><td>201220687633.0</td><td>装置</td></tr>"
          "</table></body></html>")
    build_xlsx(full)


def build_xlsx(full: list[list[str]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "专利"
    ws.append(["重庆市专利数据导出"])
    ws.append(["导出日期：2024-05-01"])
    for r in full:
        ws.append(r)
    ws.merge_cells("A1:H1")
    ws.merge_cells("A2:H2")
    good = save_wb(wb, "merged_title_rows.xlsx")
    write("truncated.xlsx", good[: len(good) // 2])

    wb = Workbook()
    ws = wb.active
    ws.append(["申请号", "申请(专利权)人", "名称", "法律状态"])
    ws.append([appno("202110345678"), "重庆大学", "道路裂缝检测方法", "授权"])
    ws.append([appno("202110345679"), None, "桥梁健康监测系统", "实质审查"])
    ws.append([appno("202110345680"), None, "隧道渗水预警装置", None])
    ws.append([appno("202320567890"), "重庆山城食品有限公司", "火锅底料炒制设备", "有权"])
    ws.merge_cells("B2:B4")
    ws.merge_cells("D3:D4")
    save_wb(wb, "merged_cells_vertical.xlsx")

    wb = Workbook()
    ws = wb.active
    ws.append(["申请号", "申请日", "公告日", "备注日期"])
    ws.append([appno("202110345678"), dt.datetime(2021, 3, 15), dt.date(2022, 1, 4), "2021年3月15日"])
    ws.append([appno("202320567890"), dt.datetime(2023, 3, 20, 14, 30), dt.date(2023, 8, 1), "2023.03.20"])
    save_wb(wb, "dates.xlsx")

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "申请号", "邮政编码", "权利要求数", "费用", "申请号(数值)", "比例", "有效"])
    ws.append([1, appno("201220687633"), "030006", 12.0, 1.5, 201220687633, 0.1 + 0.2, True])
    ws.append([2, "202110345678", "400044", 3, 900.0, 202110345678, 0.25, False])
    save_wb(wb, "numbers_as_text.xlsx")

    wb = Workbook()
    ws = wb.active
    ws.title = "专利"
    ws.append(PATENT_HEADER[:4])
    ws.append(PATENTS[0][:4])
    ws.append(PATENTS[1][:4])
    ws = wb.create_sheet("商标")
    ws.append(["商标注册信息"])
    ws.append(["注册号", "商标名称", "国际分类", "申请人"])
    ws.append(["45678912", "山城火锅", 43, "重庆山城食品有限公司"])
    wb.create_sheet("空表")
    ws = wb.create_sheet("统计")
    ws.append([2019, 2020, 2021])
    ws.append([1520, 1633, 1780])
    save_wb(wb, "multi_sheet.xlsx")

    wb = Workbook()
    ws = wb.active
    ws.append(["申请号", "申请\n日期", "申请(专利权)人\n", "公开（公告）号"])
    for c in ws[1]:
        c.alignment = Alignment(wrap_text=True)
    ws.append([appno("202110345678"), "2021-03-15", "重庆大学", "CN113062345A"])
    save_wb(wb, "header_newline.xlsx")

    write("formulas.xlsx", raw_xlsx(rows_xml([
        [s("A1", "申请号"), s("B1", "权利要求数"), s("C1", "附加费"), s("D1", "摘要")],
        [s("A2", appno("202110345678")), '<c r="B2"><v>12</v></c>',
         '<c r="C2"><f>MAX(0,B2-10)*150</f><v>300</v></c>',
         '<c r="D2" t="str"><f>CONCATENATE("共",B2,"项")</f><v>共12项</v></c>'],
        [s("A3", appno("202320567890")), '<c r="B3"><v>8</v></c>',
         '<c r="C3"><f>MAX(0,B3-10)*150</f><v>0</v></c>',
         '<c r="D3" t="str"><f>CONCATENATE("共",B3,"项")</f></c>'],
    ])))
    errors = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]
    cells = [[s("A1", "申请号"), s("B1", "权利要求数"), s("C1", "备注")]]
    for i, err in enumerate(errors, 2):
        cells.append([s(f"A{i}", appno(f"2021103456{70 + i}")), f'<c r="B{i}" t="e"><v>{err}</v></c>',
                      s(f"C{i}", "#N/A" if i == 2 else "正常")])
    write("excel_errors.xlsx", raw_xlsx(rows_xml(cells)))
    # 80 MB of spaces deflate to ~80 KB: a ~1000:1 ratio, refused before parsing
    write("bomb.xlsx", raw_xlsx(rows_xml([[s("A1", "申请号")]]), padding=80 << 20))


if __name__ == "__main__":
    build()
