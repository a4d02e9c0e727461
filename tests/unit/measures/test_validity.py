"""Validity timeline: each rule of DOMAIN.md §2 pinned on hand-built rows."""

from __future__ import annotations

from datetime import date

import pytest

from zhichan.errors import UserError
from zhichan.measures import SEMANTICS, is_valid, validity_table

_seq = iter(range(1, 10**9))


def right(db, right_id, kind="invention", *, filed=None, granted=None, intl=None, expiry=None, ext=0):
    db.execute(
        "INSERT INTO ip_right (right_id, kind, office, application_no, application_date, grant_date,"
        " international_filing_date, expiry_date, term_extension_days) VALUES (?, ?, 'CN', ?, ?, ?, ?, ?, ?)",
        [right_id, kind, right_id, filed, granted, intl, expiry, ext],
    )


def event(db, right_id, code, kind, *, announced=None, effective=None):
    db.execute(
        "INSERT INTO legal_event (event_id, right_id, code, kind, announced_on, effective_on)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [f"e{next(_seq)}", right_id, code, kind, announced, effective],
    )


def row(db, right_id, at, semantics="legal"):
    name = validity_table(db, at, semantics=semantics)
    return db.query(f"SELECT valid, reason, term_end FROM {name} WHERE right_id = ?", [right_id])[0]


@pytest.fixture
def inv(db):
    """The invention of the brief: filed 2005-03-01, grant announced 2008-06-10."""
    right(db, "inv", filed=date(2005, 3, 1), granted=date(2008, 6, 10))
    return db


# -- term and start ------------------------------------------------------------------------------

def test_invention_in_force_after_grant(inv):
    assert row(inv, "inv", date(2010, 1, 1)) == (True, "in_force", date(2025, 3, 1))


def test_not_valid_before_grant_announced(inv):
    assert row(inv, "inv", date(2008, 6, 9))[:2] == (False, "not_granted")
    assert is_valid(inv, "inv", date(2008, 6, 10))


def test_invention_expires_on_the_20th_anniversary(inv):
    # CNIPA guidelines: the patent terminates on the anniversary of the filing date
    assert is_valid(inv, "inv", date(2025, 2, 28))
    assert row(inv, "inv", date(2025, 3, 1)) == (False, "expired", date(2025, 3, 1))
    assert not is_valid(inv, "inv", date(2030, 1, 1), semantics="known")


def test_term_extension_days_extend_an_invention(db):
    right(db, "ext", filed=date(2005, 3, 1), granted=date(2008, 6, 10), ext=100)
    assert row(db, "ext", date(2025, 3, 1)) == (True, "in_force", date(2025, 6, 9))
    assert not is_valid(db, "ext", date(2025, 6, 9))


def test_utility_model_runs_ten_years(db):
    right(db, "um", "utility_model", filed=date(2010, 1, 5), granted=date(2010, 9, 1))
    assert row(db, "um", date(2019, 12, 31))[2] == date(2020, 1, 5)
    assert not is_valid(db, "um", date(2020, 1, 5))


def test_design_term_depends_on_filing_before_or_from_2021_06_01(db):
    right(db, "d10", "design", filed=date(2021, 5, 31), granted=date(2021, 12, 1))
    right(db, "d15", "design", filed=date(2021, 6, 1), granted=date(2021, 12, 1))
    assert row(db, "d10", date(2030, 1, 1))[2] == date(2031, 5, 31)
    assert row(db, "d15", date(2030, 1, 1))[2] == date(2036, 6, 1)
    assert not is_valid(db, "d10", date(2032, 1, 1))
    assert is_valid(db, "d15", date(2032, 1, 1))


def test_pct_national_phase_term_runs_from_international_filing_date(db):
    right(db, "pct", filed=date(2012, 9, 1), intl=date(2011, 3, 15), granted=date(2015, 5, 6))
    assert row(db, "pct", date(2020, 1, 1))[2] == date(2031, 3, 15)
    assert is_valid(db, "pct", date(2031, 3, 14))
    assert not is_valid(db, "pct", date(2031, 3, 15))


def test_grant_event_stands_in_for_a_missing_grant_date(db):
    right(db, "ge", "design", filed=date(2015, 1, 1))
    event(db, "ge", "GR01", "grant", announced=date(2015, 8, 1))
    assert not is_valid(db, "ge", date(2015, 7, 31))
    assert is_valid(db, "ge", date(2015, 8, 1))


# -- lapse and restoration -----------------------------------------------------------------------

def test_lapse_counts_from_effective_date_legal_but_from_announcement_known(inv):
    event(inv, "inv", "CF01", "lapse", announced=date(2015, 11, 20), effective=date(2015, 3, 1))
    assert row(inv, "inv", date(2015, 6, 1), "known")[:2] == (True, "in_force")
    assert row(inv, "inv", date(2015, 6, 1), "legal")[:2] == (False, "lapsed")
    assert row(inv, "inv", date(2015, 11, 20), "known")[:2] == (False, "lapsed")
    assert is_valid(inv, "inv", date(2015, 2, 28), semantics="legal")


def test_lapse_without_effective_date_dates_back_to_the_fee_due_date(inv):
    # due date = last filing anniversary on or before the announcement: 2015-03-01
    event(inv, "inv", "CF01", "lapse", announced=date(2015, 11, 20))
    assert is_valid(inv, "inv", date(2015, 2, 28))
    assert not is_valid(inv, "inv", date(2015, 3, 1))


def test_lapse_due_date_when_announced_before_the_anniversary_in_its_year(inv):
    event(inv, "inv", "CF01", "lapse", announced=date(2016, 1, 15))
    assert is_valid(inv, "inv", date(2015, 2, 28))
    assert not is_valid(inv, "inv", date(2015, 3, 1))


def test_restoration_undoes_the_preceding_lapse(inv):
    event(inv, "inv", "CF01", "lapse", announced=date(2015, 11, 20), effective=date(2015, 3, 1))
    event(inv, "inv", "RR01", "restoration", announced=date(2016, 2, 5))
    for semantics in SEMANTICS:
        assert row(inv, "inv", date(2016, 3, 1), semantics)[:2] == (True, "restored")
    # as known then: lapsed between the two announcements; in hindsight never lapsed
    assert row(inv, "inv", date(2016, 1, 1), "known")[:2] == (False, "lapsed")
    assert row(inv, "inv", date(2015, 6, 1), "legal")[:2] == (True, "restored")


def test_a_second_lapse_after_restoration_counts(inv):
    event(inv, "inv", "CF01", "lapse", announced=date(2015, 11, 20), effective=date(2015, 3, 1))
    event(inv, "inv", "RR01", "restoration", announced=date(2016, 2, 5))
    event(inv, "inv", "CF01", "lapse", announced=date(2018, 10, 1), effective=date(2018, 3, 1))
    for semantics in SEMANTICS:
        assert row(inv, "inv", date(2019, 1, 1), semantics)[:2] == (False, "lapsed")
    assert is_valid(inv, "inv", date(2018, 6, 1), semantics="known")
    assert not is_valid(inv, "inv", date(2018, 6, 1), semantics="legal")


# -- invalidation, abandonment, expiry events ----------------------------------------------------

def test_full_invalidation_voids_from_the_start_in_hindsight(inv):
    event(inv, "inv", "IW01", "invalidation", announced=date(2018, 4, 20))
    for at in (date(2009, 1, 1), date(2012, 1, 1), date(2019, 1, 1)):
        assert row(inv, "inv", at, "legal")[:2] == (False, "invalidated")
    assert row(inv, "inv", date(2012, 1, 1), "known")[:2] == (True, "in_force")
    assert is_valid(inv, "inv", date(2018, 4, 19), semantics="known")
    assert row(inv, "inv", date(2018, 4, 20), "known")[:2] == (False, "invalidated")


def test_partial_invalidation_keeps_the_patent_valid(inv):
    event(inv, "inv", "IP01", "partial_invalidation", announced=date(2018, 4, 20))
    for semantics in SEMANTICS:
        assert row(inv, "inv", date(2019, 1, 1), semantics)[:2] == (True, "in_force")


def test_abandonment_ends_the_right_when_effective(inv):
    event(inv, "inv", "AV01", "abandonment", announced=date(2019, 7, 12), effective=date(2019, 7, 1))
    assert is_valid(inv, "inv", date(2019, 6, 30))
    assert row(inv, "inv", date(2019, 7, 1), "legal")[:2] == (False, "abandoned")
    assert row(inv, "inv", date(2019, 7, 1), "known")[:2] == (True, "in_force")
    assert row(inv, "inv", date(2019, 7, 12), "known")[:2] == (False, "abandoned")


def test_abandonment_without_effective_date_ends_at_announcement(inv):
    event(inv, "inv", "AV01", "abandonment", announced=date(2019, 7, 12))
    assert is_valid(inv, "inv", date(2019, 7, 11))
    assert not is_valid(inv, "inv", date(2019, 7, 12))


def test_expiry_event_ends_the_right(inv):
    event(inv, "inv", "CX01", "expiry", announced=date(2020, 5, 1), effective=date(2020, 3, 1))
    assert row(inv, "inv", date(2020, 4, 1))[:2] == (False, "expired")


# -- trademarks and other kinds ------------------------------------------------------------------

def test_trademark_valid_from_registration_through_expiry_date(db):
    right(db, "tm", "trademark", filed=date(2012, 1, 1), granted=date(2014, 6, 14), expiry=date(2024, 6, 13))
    assert not is_valid(db, "tm", date(2014, 6, 13))
    assert row(db, "tm", date(2020, 1, 1)) == (True, "in_force", date(2024, 6, 14))
    assert is_valid(db, "tm", date(2024, 6, 13))
    assert not is_valid(db, "tm", date(2024, 6, 14))
    assert row(db, "tm", date(2025, 1, 1))[:2] == (False, "expired")


def test_trademark_cancellation_and_invalidation(db):
    right(db, "tmc", "trademark", granted=date(2014, 6, 14), expiry=date(2024, 6, 13))
    right(db, "tmi", "trademark", granted=date(2014, 6, 14), expiry=date(2024, 6, 13))
    event(db, "tmc", None, "cancellation", announced=date(2019, 3, 1))
    event(db, "tmi", None, "invalidation", announced=date(2019, 3, 1))
    assert row(db, "tmc", date(2020, 1, 1))[:2] == (False, "cancelled")
    assert is_valid(db, "tmc", date(2018, 1, 1))
    assert row(db, "tmi", date(2018, 1, 1))[:2] == (False, "invalidated")
    assert is_valid(db, "tmi", date(2018, 1, 1), semantics="known")


def test_other_kinds_have_no_term(db):
    right(db, "sw", "software_copyright", filed=date(2001, 1, 1))
    right(db, "gi", "gi_product", filed=date(2000, 1, 1), granted=date(2003, 5, 1))
    assert row(db, "sw", date(2090, 1, 1)) == (True, "in_force", None)
    assert not is_valid(db, "gi", date(2003, 4, 30))
    assert is_valid(db, "gi", date(2090, 1, 1))
    event(db, "gi", None, "cancellation", announced=date(2020, 1, 1))
    assert not is_valid(db, "gi", date(2020, 1, 1))


def test_patent_without_grant_is_not_granted(db):
    right(db, "app", filed=date(2019, 1, 1))
    assert row(db, "app", date(2022, 1, 1)) == (False, "not_granted", date(2039, 1, 1))


# -- API -----------------------------------------------------------------------------------------

def test_unknown_semantics_is_a_user_error(inv):
    with pytest.raises(UserError) as err:
        validity_table(inv, date(2020, 1, 1), semantics="hindsight")
    assert err.value.found == "'hindsight'" and err.value.fix
    with pytest.raises(UserError):
        is_valid(inv, "inv", date(2020, 1, 1), semantics="Legal")


def test_bad_date_name_and_unknown_right_are_user_errors(inv):
    with pytest.raises(UserError):
        validity_table(inv, "2020-01-01")
    with pytest.raises(UserError):
        validity_table(inv, date(2020, 1, 1), name="x; DROP TABLE ip_right")
    with pytest.raises(UserError):
        is_valid(inv, "nope", date(2020, 1, 1))


def test_table_name_is_returned_and_replaced(inv):
    assert validity_table(inv, date(2010, 1, 1), name="v2010") == "v2010"
    assert validity_table(inv, date(2030, 1, 1), name="v2010") == "v2010"
    assert inv.query("SELECT valid, reason FROM v2010") == [(False, "expired")]


# -- scale: one set-based statement --------------------------------------------------------------

def test_twenty_thousand_rights_in_one_call(db):
    n = 24_000
    # generated in SQL so the test checks the statement, not Python inserts
    db.execute(f"""
        INSERT INTO ip_right (right_id, kind, office, application_no, application_date, grant_date)
        SELECT 'r' || i, CASE i % 3 WHEN 0 THEN 'invention' WHEN 1 THEN 'utility_model' ELSE 'design' END,
               'CN', 'a' || i, DATE '2000-01-01' + CAST(i % 7000 AS INTEGER),
               CASE WHEN i % 10 = 0 THEN NULL ELSE DATE '2000-01-01' + CAST(i % 7000 AS INTEGER) + 700 END
        FROM range({n}) t(i)""")
    db.execute("""
        INSERT INTO legal_event (event_id, right_id, code, kind, announced_on, effective_on)
        SELECT 'l' || i, 'r' || i, 'CF01', 'lapse', DATE '2014-11-01', DATE '2014-03-01'
        FROM range(24000) t(i) WHERE i % 10 = 1""")
    db.execute("""
        INSERT INTO legal_event (event_id, right_id, code, kind, announced_on)
        SELECT 'x' || i, 'r' || i, 'RR01', 'restoration', DATE '2015-01-10'
        FROM range(24000) t(i) WHERE i % 20 = 1""")
    at = date(2014, 6, 1)
    name = validity_table(db, at)
    assert db.scalar(f"SELECT count(*) FROM {name}") == n
    expected = db.scalar("""
        SELECT count(*) FROM range(24000) t(i)
        WHERE i % 10 <> 0
          AND DATE '2000-01-01' + CAST(i % 7000 AS INTEGER) + 700 <= DATE '2014-06-01'
          AND CAST(DATE '2000-01-01' + CAST(i % 7000 AS INTEGER) + to_years(CASE i % 3 WHEN 0 THEN 20 ELSE 10 END)
                   AS DATE) > DATE '2014-06-01'
          AND NOT (i % 10 = 1 AND i % 20 <> 1)""")
    assert db.scalar(f"SELECT count(*) FROM {name} WHERE valid") == expected > 1000
    reasons = dict(db.query(f"SELECT reason, count(*) FROM {name} GROUP BY reason"))
    assert reasons["not_granted"] >= n // 10
    assert reasons["restored"] > 0 and reasons["lapsed"] > 0 and reasons["expired"] > 0
    # as known on that day the lapses were not yet announced: those still in term count as valid
    known = validity_table(db, at, semantics="known", name="known")
    unannounced = db.scalar(f"SELECT count(*) FROM {name} WHERE reason = 'lapsed' AND term_end > ?", [at])
    assert 0 < unannounced <= reasons["lapsed"]
    assert db.scalar(f"SELECT count(*) FROM {known} WHERE valid") == expected + unannounced
