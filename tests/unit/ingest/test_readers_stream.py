"""Readers stream: bounded memory on big inputs, lazy rows, issues growing while iterating."""

from __future__ import annotations

import tracemalloc

from openpyxl import Workbook

from zhichan.ingest._readers import read_tables

HEADER = ["申请号", "申请日", "公开(公告)号", "名称", "申请(专利权)人", "申请人地址", "主分类号", "法律状态",
          "发明人", "代理机构", "摘要", "页数"]


def _row(i: int) -> list[str]:
    return [f"2021{i:08d}.3", "2021-03-15", f"CN{113000000 + i}A", "一种道路裂缝检测方法", "重庆大学",
            "重庆市沙坪坝区沙正街174号", "G06T7/00", "授权", "张三;李四", "重庆市前沿专利事务所",
            "本发明公开了一种基于深度学习的道路裂缝检测方法", str(i % 30)]


def test_200k_row_csv_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="gbk", newline="") as f:
        f.write(",".join(HEADER) + "\r\n")
        for i in range(200_000):
            f.write(",".join(_row(i)) + "\r\n")
    assert path.stat().st_size > 30_000_000
    tracemalloc.start()
    try:
        (t,) = read_tables(path)
        count = 0
        last = None
        for r in t.rows:
            count += 1
            last = r
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000
    assert count == 200_000 and t.rows_seen == 200_000
    assert last is not None and last.row == 200_001 and last.cells[0] == "202100199999.3"
    assert [i.code for i in t.issues] == ["encoding-guessed"]


def test_rows_are_lazy_and_issues_grow_while_iterating(tmp_path):
    path = tmp_path / "lazy.csv"
    lines = [",".join(HEADER[:3])] + [",".join(_row(i)[:3]) for i in range(5000)]
    lines[4000] = "=cmd,2021-03-15,x"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (t,) = read_tables(path)
    assert t.issues == [] and t.rows_seen == 0
    first = next(t.rows)
    assert (first.row, t.rows_seen, t.issues) == (2, 1, [])
    rest = list(t.rows)
    assert len(rest) == 4999 and t.rows_seen == 5000
    assert [(i.code, i.row) for i in t.issues] == [("csv-injection", 4001)]


def test_close_releases_the_file_early(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("申请号,名称\n1,a\n2,b\n", encoding="utf-8")
    (t,) = read_tables(path)
    next(t.rows)
    t.close()
    assert list(t.rows) == []


def test_big_xlsx_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("专利")
    ws.append(HEADER)
    for i in range(20_000):
        ws.append(_row(i))
    wb.save(path)
    tracemalloc.start()
    try:
        (t,) = read_tables(path)
        count = sum(1 for _ in t.rows)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000 and t.issues == []
    assert peak < 30_000_000
