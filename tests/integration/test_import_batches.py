"""Batches: all or nothing, idempotent re-import, newer exports update with dated owner and
address intervals, and a SIGKILL mid-import leaves the workspace consistent."""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest

from zhichan.ids import application_check_char
from zhichan.ingest import import_file
from zhichan.store import integrity_problems, open_database

pytestmark = pytest.mark.integration

HEADER = ["申请号", "申请日", "授权公告日", "专利名称", "申请人", "申请人地址", "当前权利人", "当前著录项联系人通讯地址",
          "主分类号", "法律状态", "国省代码"]


def app_no(serial: int, year: int = 2020, kind: int = 1) -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"{digits}.{application_check_char(digits)}"


def write(path, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def row(serial, owner="重庆大足石刻科技有限公司", owner_address="重庆市大足区龙岗街道五星大道1号", status="有权-审定授权"):
    return [app_no(serial), "2020-03-01", "2021-05-04", f"一种石刻保护装置{serial}", "重庆大足石刻科技有限公司",
            "402360 重庆市大足区龙岗街道五星大道1号", owner, owner_address, "E04G 23/02", status, "重庆(50)"]


def counts(db):
    return {t: db.scalar(f"SELECT count(*) FROM {t}") for t in
            ("ip_right", "party", "right_party", "right_class", "party_address", "import_batch", "import_issue")}


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "ws.duckdb")
    yield database
    database.close()


def test_reimport_same_file_changes_nothing(db, tmp_path):
    f = write(tmp_path / "a.csv", [row(i) for i in range(1, 6)])
    first = import_file(db, f)
    assert (first.status, first.rows_stored) == ("committed", 5)
    before = counts(db)
    again = import_file(db, f)
    assert again.status == "unchanged" and again.batch_id == first.batch_id
    assert [i.code for i in again.issues] == ["already-imported"]
    assert counts(db) == before
    # the same records in a different file (another export of the same day) change nothing either
    g = write(tmp_path / "b.csv", [row(i) for i in range(1, 6)] + [])
    with open(g, "a", encoding="utf-8") as fh:
        fh.write("\n")  # a different hash, the same content
    second = import_file(db, g, as_of=dt.date.today())
    assert second.status == "committed"
    after = counts(db)
    assert {k: v for k, v in after.items() if k not in ("import_batch", "import_issue")} == \
        {k: v for k, v in before.items() if k not in ("import_batch", "import_issue")}


def test_newer_export_moves_owner_and_address_with_dated_intervals(db, tmp_path):
    import_file(db, write(tmp_path / "2022.csv", [row(1), row(2)]), as_of=dt.date(2022, 12, 31))
    newer = [row(1, owner="四川成都锦城科技有限公司", owner_address="四川省成都市锦江区红星路二段1号"), row(2)]
    rep = import_file(db, write(tmp_path / "2024.csv", newer), as_of=dt.date(2024, 6, 30))
    assert rep.status == "committed" and rep.rows_stored == 2
    rid = f"CN-{app_no(1)}"
    owners = db.query("SELECT p.name, p.region_code, r.valid_from, r.valid_to FROM right_party r "
                      "JOIN party p USING (party_id) WHERE r.right_id = ? AND r.role = 'owner' ORDER BY r.valid_from",
                      [rid])
    assert owners == [
        ("重庆大足石刻科技有限公司", "500111", dt.date(2021, 5, 4), dt.date(2024, 6, 30)),
        ("四川成都锦城科技有限公司", "510104", dt.date(2024, 6, 30), None),
    ]
    # the untouched patent keeps its single open interval
    assert db.scalar("SELECT count(*) FROM right_party WHERE right_id = ? AND role = 'owner'",
                     [f"CN-{app_no(2)}"]) == 1
    # an older export imported afterwards does not undo the newer state
    import_file(db, write(tmp_path / "2023.csv", [row(1)]), as_of=dt.date(2023, 6, 30))
    assert db.scalar("SELECT count(*) FROM right_party WHERE right_id = ? AND role = 'owner' AND valid_to IS NULL",
                     [rid]) == 1
    assert db.scalar("SELECT p.name FROM right_party r JOIN party p USING (party_id) WHERE r.right_id = ? "
                     "AND r.role = 'owner' AND r.valid_to IS NULL", [rid]) == "四川成都锦城科技有限公司"
    assert integrity_problems(db) == {}


def test_address_change_of_a_party_is_an_interval(db, tmp_path):
    import_file(db, write(tmp_path / "a.csv", [row(1)]), as_of=dt.date(2022, 1, 1))
    moved = row(3, owner_address="重庆市大足区棠香街道二环南路8号")
    moved[5] = "重庆市大足区棠香街道二环南路8号"
    import_file(db, write(tmp_path / "b.csv", [moved]), as_of=dt.date(2023, 1, 1))
    hist = db.query("SELECT a.address, a.valid_from, a.valid_to FROM party_address a JOIN party p USING (party_id) "
                    "WHERE p.name = '重庆大足石刻科技有限公司' ORDER BY valid_from")
    # the first address is the latest-dated form seen (the owner's contact address at grant)
    assert hist == [("重庆市大足区龙岗街道五星大道1号", dt.date(2020, 3, 1), dt.date(2023, 1, 1)),
                    ("重庆市大足区棠香街道二环南路8号", dt.date(2023, 1, 1), None)]


def test_reject_file_mode_stores_nothing(db, tmp_path):
    bad = row(2)
    bad[0] = bad[0][:-1] + ("0" if bad[0][-1] != "0" else "1")  # wrong check character
    f = write(tmp_path / "a.csv", [row(1), bad, row(3)])
    rep = import_file(db, f, on_error="reject-file")
    assert rep.status == "rejected" and rep.rows_stored == 0 and rep.rows_rejected == 3
    assert {i.code for i in rep.issues} >= {"bad-check-digit", "file-rejected"}
    assert db.scalar("SELECT count(*) FROM ip_right") == 0
    assert db.scalar("SELECT count(*) FROM import_batch") == 0
    rep = import_file(db, f)  # reject-row: the good rows go in, the bad one is reported
    assert (rep.rows_stored, rep.rows_rejected) == (2, 1)
    bad_issue = next(i for i in rep.issues if i.code == "bad-check-digit")
    assert (bad_issue.row, bad_issue.column) == (3, "申请号")
    stored = db.query_dicts("SELECT rows_read, rows_stored, rows_rejected FROM import_batch")
    assert stored == [{"rows_read": 3, "rows_stored": 2, "rows_rejected": 1}]


def test_sigkill_mid_import_leaves_workspace_consistent(tmp_path):
    """Kill -9 a real `zhichan import` while it writes; reopen, find nothing half-done, import again."""
    from zhichan.workspace import init_workspace

    ws = tmp_path / "ws"
    init_workspace(ws).close()
    # big enough that the import is still running after 3 s (the importer does ~100k rows/s)
    big = write(tmp_path / "big.csv", [row(i) for i in range(1, 500_001)])
    proc = subprocess.Popen([sys.executable, "-m", "zhichan.cli", "import", "--workspace", str(ws), str(big)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3.0)  # well inside the import: staging, resolving or writing
    assert proc.poll() is None, "import finished before it could be killed; make the file bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db = open_database(ws / "zhichan.duckdb")
    try:
        assert db.scalar("SELECT count(*) FROM ip_right") == 0
        assert db.scalar("SELECT count(*) FROM import_batch") == 0
        assert integrity_problems(db) == {}
        rep = import_file(db, big)
        assert rep.status == "committed" and rep.rows_stored == 500_000
        assert db.scalar("SELECT count(*) FROM ip_right") == 500_000
    finally:
        db.close()
