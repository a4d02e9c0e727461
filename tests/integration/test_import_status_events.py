"""A bibliographic export's 失效日 with an ending status becomes a dated legal event, so validity
stops there even when no legal-event file is imported."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from zhichan.ingest import import_file
from zhichan.measures import is_valid
from zhichan.store import open_database

pytestmark = pytest.mark.integration
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "cnipa_patent_sample.csv"


def test_lapse_date_becomes_an_event(tmp_path):
    with SAMPLE.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    granted = [r for r in rows if r["法律状态"].startswith("有权")][:2]
    granted[0]["法律状态"], granted[0]["失效日期"] = "无权-未缴年费专利权终止", "20230815"
    granted[1]["失效日期"] = "20230815"  # still in force: a stray date does not end it
    out = tmp_path / "lapsed.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(granted)
    db = open_database(tmp_path / "t.duckdb")
    try:
        rep = import_file(db, out)
        assert rep.rows_stored == 2
        lapsed = "CN-" + granted[0]["申请号"].removeprefix("CN")
        events = db.query("SELECT right_id, kind, effective_on FROM legal_event")
        assert events == [(lapsed, "lapse", date(2023, 8, 15))]
        assert is_valid(db, lapsed, date(2023, 8, 1)) and not is_valid(db, lapsed, date(2023, 9, 1))
        assert import_file(db, out).status == "unchanged"  # idempotent
        assert db.scalar("SELECT count(*) FROM legal_event") == 1
    finally:
        db.close()
