"""The fast path for clean CSV files (DuckDB reads the rows) lands exactly what the Python reader
lands: same report (counts, issues with their rows and columns) and same canonical tables, for
every CSV of the test corpora and for files made to hit each difference between the two readers.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from zhichan.ids import application_check_char
from zhichan.ingest import _stage, import_file
from zhichan.store import open_database

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS = sorted(p for d in ("messy", "samples") for p in (DATA / d).iterdir() if p.suffix in (".csv", ".tsv"))
AS_OF = dt.date(2024, 5, 1)
TABLES = ("ip_right", "right_class", "party", "right_party", "party_address", "legal_event", "market_entity", "stat",
          "recognition", "record_source", "right_family", "import_issue")

HEADER = ["序号", "申请号", "申请日", "专利名称", "申请摘要", "申请人", "发明人", "申请人地址", "主分类号", "分类号", "法律状态",
          "国省代码"]


def app_no(serial: int) -> str:
    digits = f"2020{1}{serial:07d}"
    return f"{digits}.{application_check_char(digits)}"


def row(i: int, **cells) -> list[str]:
    base = {"序号": str(i), "申请号": app_no(i), "申请日": "2020-03-01", "专利名称": f"一种装置{i}",
            "申请摘要": f"本发明公开了一种装置{i}", "申请人": "重庆大足石刻科技有限公司;李四", "发明人": "张三;王五",
            "申请人地址": "402360 重庆市大足区龙岗街道五星大道1号", "主分类号": "E04G 23/02", "分类号": "E04G 23/02;B25J 9/16",
            "法律状态": "有权-审定授权", "国省代码": "重庆(50)"}
    base.update(cells)
    return [base[h] for h in HEADER]


def write(path: Path, rows: list[list[str]], *, header=HEADER, text: str | None = None, encoding="utf-8") -> Path:
    if text is not None:
        path.write_bytes(text.encode(encoding))
        return path
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def _csv_text(rows: list[list[str]], header=HEADER) -> str:
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def land(path: Path, tmp: Path, monkeypatch, direct: bool) -> tuple[dict, bool]:
    """Import ``path`` twice into a fresh database; what landed, and whether the fast path ran."""
    monkeypatch.setenv("ZHICHAN_DIRECT_CSV", "1" if direct else "0")
    took = []
    real = _stage.take_loaded

    def spy(*a, **k):
        n = real(*a, **k)
        took.append(n is not None)
        return n

    monkeypatch.setattr(_stage, "take_loaded", spy)
    db = open_database(tmp / f"{path.stem}-{direct}.duckdb")
    try:
        out = {}
        for k in range(2):
            r = import_file(db, path, as_of=AS_OF)
            out[f"report{k}"] = (r.status, r.profile, r.rows_read, r.rows_stored, r.rows_rejected, r.rows_skipped,
                                 r.rows_warned, [(i.code, i.severity, i.row, i.column, i.value,
                                                  re.sub(r"\d{20}-[0-9a-f]{12}", "B", i.message)) for i in r.issues])
        for t in TABLES:
            cols = [c[0] for c in db.query(f"DESCRIBE {t}") if c[0] not in ("batch_id", "message")]
            out[t] = db.query(f"SELECT {', '.join(cols)} FROM {t} ORDER BY ALL")
    finally:
        db.close()
    return out, any(took)


def assert_same(path: Path, tmp: Path, monkeypatch, *, fast: bool | None) -> dict:
    slow_out, _ = land(path, tmp, monkeypatch, direct=False)
    fast_out, took = land(path, tmp, monkeypatch, direct=True)
    if fast is not None:
        assert took == fast, f"fast path {'not ' if fast else ''}taken for {path.name}"
    for key in slow_out:
        assert fast_out[key] == slow_out[key], f"{path.name}: {key} differs"
    return fast_out


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_csv_lands_the_same(path, tmp_path, monkeypatch):
    assert_same(path, tmp_path, monkeypatch, fast=None)


def test_clean_sample_takes_the_fast_path(tmp_path, monkeypatch):
    assert_same(DATA / "samples" / "cnipa_patent_sample.csv", tmp_path, monkeypatch, fast=True)


CASES = {
    # rows the reader's full checks must see: blank, totals, injection, dash placeholders, long cells
    "checked_rows": (lambda: [row(1), ["", "", "", "", "", "", "", "", "", "", "", ""], row(2, 申请摘要="=SUM(A1)"),
                              row(3, 法律状态="-"), row(4, 申请人="@某公司"), ["合计", "", "", "", "", "", "", "", "", "", "", ""],
                              row(5, 申请摘要="长" * 40000), row(6, 序号="-5"), row(7, 序号=""), row(8),
                              ["", "", "", "", "", "", "", "", "", "", "", ""]], True),
    # a blank row as the last row is dropped silently, one in the middle is reported
    "trailing_blank_cells": (lambda: [row(1), row(2), [""] * 12, [""] * 12], True),
    "multiline_cells": (lambda: [row(1, 申请摘要="第一段\n第二段"), row(2, 专利名称="一种\r\n装置"), row(3)], True),
    "bad_values": (lambda: [row(1, 申请日="2020-13-45"), row(2, 申请号="CN2020100000"), row(1), row(3, 申请人=""),
                            row(4, 分类号="XYZ;E04G 23/02"), row(5, 申请号="")], True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_made_files_land_the_same(name, tmp_path, monkeypatch):
    rows, fast = CASES[name]
    assert_same(write(tmp_path / f"{name}.csv", rows()), tmp_path, monkeypatch, fast=fast)


TEXT_CASES = {
    "blank_line_middle": (_csv_text([row(1), row(2)]).replace("\n", "\n\n", 2), False),
    "trailing_empty_lines": (_csv_text([row(1), row(2)]) + "\n\n\n", True),
    "no_final_newline": (_csv_text([row(1), row(2)]).rstrip("\n"), True),
    "crlf": (_csv_text([row(1), row(2)]).replace("\n", "\r\n"), True),
    "bom": ("\ufeff" + _csv_text([row(1), row(2)]), True),
    "space_before_quote": (_csv_text([row(1), row(2)]).replace(",重庆大足", ', "重庆大足', 1).replace(
        "有限公司;李四,", '有限公司;李四",', 1), False),
    "ragged": (_csv_text([row(1), row(2)]) + "9,x\n", False),
    "extra_empty_cell": (_csv_text([row(1)]) + ",".join(row(2)) + ",\n", True),
    "header_trailing_empty": (_csv_text([row(1), row(2)]).replace("国省代码\n", "国省代码,\n", 1), False),
    "stray_quote": (_csv_text([row(1), row(2)]) + ",".join(row(3)).replace("一种装置3", 'a"b') + "\n", None),
    "quoted_then_text": (_csv_text([row(1)]) + ",".join(row(2)).replace("一种装置2", '"一种"装置') + "\n", False),
    "title_rows": ("2020年专利清单\n\n" + _csv_text([row(1), row(2)]), True),
    "title_row": ("2020年专利清单,,,\n" + _csv_text([row(1), row(2)]), True),
    "blank_line_in_cell": (_csv_text([row(1, 申请摘要="第一段\n\n第二段"), row(2)]), True),
    "multiline_and_blank_line": (_csv_text([row(1, 申请摘要="第一段\n第二段"), row(2)]) + "\n" + ",".join(row(3)) + "\n",
                                 False),
    "lone_cr": (_csv_text([row(1), row(2)]).replace("一种装置1", "一种\r装置1"), False),
}


@pytest.mark.parametrize("name", sorted(TEXT_CASES))
def test_made_texts_land_the_same(name, tmp_path, monkeypatch):
    text, fast = TEXT_CASES[name]
    assert_same(write(tmp_path / f"{name}.csv", [], text=text), tmp_path, monkeypatch, fast=fast)


def test_row_numbers_follow_the_file(tmp_path, monkeypatch):
    rows = [row(i) for i in range(1, 3001)]
    rows[1500] = row(1501, 申请日="not a date")
    out = assert_same(write(tmp_path / "many.csv", rows), tmp_path, monkeypatch, fast=True)
    sources = {rid: n for table, rid, n in out["record_source"] if table == "ip_right"}
    assert all(sources[f"CN-{app_no(i)}"] == i + 1 for i in (1, 777, 1500, 3000))
    assert [(c, r) for c, s, r, *_ in out["report0"][7] if s == "error"] == [("unparseable-date", 1502)]


def test_many_checked_rows_land_the_same(tmp_path, monkeypatch):
    # every row goes through the reader's full checks (a "-" placeholder), more than one fetch
    rows = [row(i, 法律状态="-", 申请摘要="=1+1" if i % 5000 == 0 else "摘要") for i in range(1, 12_001)]
    out = assert_same(write(tmp_path / "dashes.csv", rows), tmp_path, monkeypatch, fast=True)
    assert [r for c, _, r, *_ in out["report0"][7] if c == "csv-injection"] == [5001, 10001]


def test_mention_key_hash_collision_falls_back_to_the_column_join(tmp_path, monkeypatch):
    # mentions find their party by a hash of the key columns; were two keys to share a hash the
    # writer joins on the columns instead, and lands the same parties and roles
    from zhichan.store import _writes_party

    path = DATA / "samples" / "cnipa_patent_sample.csv"
    (tmp_path / "h").mkdir()
    (tmp_path / "j").mkdir()
    hashed, _ = land(path, tmp_path / "h", monkeypatch, direct=True)
    monkeypatch.setattr(_writes_party, "_MKEY", "0::UBIGINT")        # every key collides
    joined, _ = land(path, tmp_path / "j", monkeypatch, direct=True)
    assert hashed["right_party"] and joined["right_party"] == hashed["right_party"]
    assert joined["party"] == hashed["party"] and joined["party_address"] == hashed["party_address"]
