"""Validity spans agree with the validity table at every date: stocks counted from spans (one row
per right, not per right and year) must give exactly what ``validity_table`` gives day by day."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from zhichan.store import Database, migrate, validity_spans_sql, validity_sql

DAYS = st.integers(min_value=0, max_value=9000).map(lambda n: date(2000, 1, 1) + timedelta(days=n))
EVENTS = st.sampled_from([("CF01", "lapse"), ("RR01", "restoration"), ("AV01", "abandonment"),
                          ("IW01", "invalidation"), ("CX01", "expiry"), ("GR01", "grant")])


@st.composite
def a_right(draw):
    kind = draw(st.sampled_from(["invention", "utility_model", "design", "trademark", "copyright"]))
    filed = draw(DAYS)
    granted = draw(st.one_of(st.none(), st.integers(0, 2000).map(lambda n: filed + timedelta(days=n))))
    events = draw(st.lists(st.tuples(EVENTS, st.one_of(st.none(), DAYS), st.one_of(st.none(), DAYS))
                           .filter(lambda e: e[1] is not None or e[2] is not None), max_size=4))
    return kind, filed, granted, events


def _load(db, rights):
    n = 0
    for i, (kind, filed, granted, events) in enumerate(rights):
        expiry = filed + timedelta(days=3650) if kind == "trademark" else None
        db.execute("INSERT INTO ip_right (right_id, kind, office, application_no, application_date, grant_date,"
                   " expiry_date) VALUES (?, ?, 'CN', ?, ?, ?, ?)", [f"r{i}", kind, f"r{i}", filed, granted, expiry])
        for (code, k), announced, effective in events:
            n += 1
            db.execute("INSERT INTO legal_event (event_id, right_id, code, kind, announced_on, effective_on)"
                       " VALUES (?, ?, ?, ?, ?, ?)", [f"e{n}", f"r{i}", code, k, announced, effective])


def _edges(db, rights) -> set:
    """Days where validity may change: span ends and the day before, event days, and the filing
    anniversaries in event years (a lapse takes effect from one, retroactively)."""
    out = set()
    for a, b in db.query("SELECT valid_from, valid_to FROM sp"):
        for d in (a, b):
            if d is not None and date.min < d < date.max:
                out |= {d, d - timedelta(days=1)}
    for _, filed, _, events in rights:
        for _, announced, effective in events:
            for d in (announced, effective):
                if d is not None:
                    out |= {d, d - timedelta(days=1)}
                    for y in (d.year - 1, d.year):
                        try:
                            out.add(filed.replace(year=y))
                        except ValueError:  # 29 February
                            out.add(date(y, 3, 1))
    return out


@settings(max_examples=15)
@given(rights=st.lists(a_right(), min_size=1, max_size=8), days=st.lists(DAYS, min_size=1, max_size=4))
def test_spans_match_validity_table(rights, days):
    db = Database(":memory:")
    try:
        migrate(db)
        _load(db, rights)
        for semantics in ("legal", "known"):
            db.execute(f"CREATE OR REPLACE TEMP TABLE sp AS {validity_spans_sql(semantics)}")
            # spans of one right never overlap (so a stock counts each right once)
            assert db.scalar("""SELECT count(*) FROM sp a JOIN sp b USING (right_id)
                                WHERE a.valid_from < b.valid_from
                                  AND (a.valid_to IS NULL OR b.valid_from < a.valid_to)""") == 0
            for day in sorted(set(days) | _edges(db, rights)):
                db.execute(f"CREATE OR REPLACE TEMP TABLE v AS {validity_sql(semantics)}", {"at": day})
                diff = db.query("""
                    SELECT v.right_id, v.valid, v.reason FROM v
                    LEFT JOIN (SELECT DISTINCT right_id FROM sp
                               WHERE valid_from <= $at AND (valid_to IS NULL OR $at < valid_to)) s USING (right_id)
                    WHERE v.valid <> (s.right_id IS NOT NULL)""", {"at": day})
                assert diff == [], (semantics, day, diff)
    finally:
        db.close()
