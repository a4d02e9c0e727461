"""Every canonical table accepts a good row and refuses a bad one."""

from __future__ import annotations

import pytest

from zhichan.errors import ConstraintViolation
from zhichan.store import LATEST_VERSION, available_migrations, schema_version


def insert(db, table, row):
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))


H64 = "a" * 64

# table, a good row, a bad variant (overrides), what makes it bad
CASES = [
    ("region", {"code": "500111", "name": "大足区", "level": "county", "parent_code": "500000"},
     {"code": "5001"}, "code is not 6 digits"),
    ("region", {"code": "500111", "name": "大足区", "level": "county"}, {"level": "district"}, "unknown level"),
    ("region", {"code": "500111", "name": "大足区", "level": "county", "valid_from": 2011, "valid_to": 2020},
     {"valid_to": 2000}, "valid_to before valid_from"),
    ("region", {"code": "500111001", "name": "龙岗街道", "level": "township", "parent_code": "500111"},
     {"level": "county"}, "9-digit code must be a township"),
    ("region_change", {"seq": 1, "year": 2011, "type": "撤县设区", "old_code": "500225", "new_code": "500111"},
     {"year": 1800}, "year out of range"),
    ("region_group", {"group_id": "main_city", "group_name": "主城都市区", "code": "500111"},
     {"group_id": "Main City"}, "group id not snake_case"),
    ("classification", {"scheme": "nice", "code": "9", "title_zh": "科学仪器"}, {"scheme": "foo"}, "unknown scheme"),
    ("concordance", {"from_scheme": "ipc", "from_code": "G06F", "to_scheme": "tech_field", "to_code": "6",
                     "weight": 1.0}, {"weight": 1.5}, "weight above 1"),
    ("party", {"party_id": "p1", "name": "重庆大学", "name_norm": "重庆大学", "kind": "university",
               "uscc": "91310110666007217T", "region_code": "500106", "region_confidence": 0.9},
     {"uscc": "91310110666007217I"}, "USCC with a letter outside the set"),
    ("party", {"party_id": "p1", "name": "重庆大学", "name_norm": "重庆大学", "kind": "university"},
     {"kind": "company"}, "unknown party kind"),
    ("party", {"party_id": "p1", "name": "重庆大学", "name_norm": "重庆大学", "kind": "university"},
     {"region_confidence": 1.2}, "confidence above 1"),
    ("ip_right", {"right_id": "CN:invention:201220687633.0", "kind": "invention", "office": "CN",
                  "application_no": "201220687633.0", "application_date": "2012-12-10",
                  "grant_date": "2013-05-15"},
     {"grant_date": "2011-01-01"}, "grant before filing"),
    ("ip_right", {"right_id": "r1", "kind": "invention", "office": "CN", "application_no": "x"},
     {"kind": "patent"}, "unknown right kind"),
    ("ip_right", {"right_id": "r1", "kind": "invention", "office": "CN", "application_no": "x"},
     {"claims_count": -1}, "negative claims"),
    ("right_class", {"right_id": "r1", "scheme": "ipc", "code": "G06F 17/30", "is_main": True},
     {"code": ""}, "empty code"),
    ("right_party", {"right_id": "r1", "party_id": "p1", "role": "owner", "seq": 1, "valid_from": "2015-01-01",
                     "valid_to": "2020-01-01"}, {"valid_to": "2014-01-01"}, "interval ends before it starts"),
    ("right_party", {"right_id": "r1", "party_id": "p1", "role": "owner", "seq": 1}, {"seq": 0}, "seq below 1"),
    ("legal_event", {"event_id": "e1", "right_id": "r1", "code": "PE01", "kind": "pledge",
                     "announced_on": "2020-03-01", "amount_cny": 1000000},
     {"amount_cny": -5}, "negative amount"),
    ("legal_event", {"event_id": "e1", "right_id": "r1", "kind": "lapse", "effective_on": "2020-03-01"},
     {"effective_on": None}, "no date at all"),
    ("recognition", {"list_id": "well_known_marks", "subject_id": "r1", "subject_kind": "right", "year": 2010},
     {"year": 1900}, "year out of range"),
    ("stat", {"region_code": "500111", "period": 2023, "metric": "population", "value": 83.1,
              "unit": "万人", "source": "统计年鉴"}, {"value": float("nan")}, "NaN value"),
    ("reported", {"indicator_id": "ip_protection_satisfaction", "region_code": "500111", "period": 2023,
                  "value": 82.5, "source": "问卷调查"}, {"source": ""}, "empty source"),
    ("import_batch", {"batch_id": "b1", "file_name": "a.csv", "file_hash": H64, "status": "committed",
                      "rows_read": 10, "rows_stored": 8, "rows_rejected": 2},
     {"rows_stored": 9}, "more rows stored and rejected than read"),
    ("import_issue", {"batch_id": "b1", "issue_no": 1, "code": "bad-check-digit", "severity": "error",
                      "row_no": 3, "message": "校验位错误"}, {"severity": "fatal"}, "unknown severity"),
    ("meta", {"key": "k", "value": "v"}, {"value": None}, "missing value"),
    ("party_address", {"party_id": "p1", "address": "重庆市大足区", "region_code": "500111",
                       "valid_from": "2020-01-01"}, {"address": " "}, "blank address"),
    ("market_entity", {"party_id": "p1", "category": "enterprise", "is_active": True},
     {"category": "company"}, "unknown category"),
    ("record_source", {"table_name": "ip_right", "record_id": "r1", "batch_id": "b1", "row_no": 2},
     {"row_no": 0}, "row number below 1"),
    ("right_family", {"right_id": "r1", "member": "US10123456B2", "office": "US", "kind_code": "B2",
                      "granted": True}, {"office": "usa"}, "office not a 2-letter code"),
]


@pytest.mark.parametrize("table,good,bad,why", CASES, ids=[f"{c[0]}:{c[3]}" for c in CASES])
def test_good_row_accepted_bad_row_refused(db, table, good, bad, why):
    insert(db, table, good)
    db.execute(f"DELETE FROM {table}")
    with pytest.raises(ConstraintViolation) as info:
        insert(db, table, {**good, **bad})
    assert info.value.where == f"表 table {table}"
    assert db.scalar(f"SELECT count(*) FROM {table}") == 0


PRIMARY_KEYS = [
    ("region", {"code": "500111", "vintage": 1, "name": "大足区", "level": "county"}),
    ("party", {"party_id": "p1", "name": "甲", "name_norm": "甲", "kind": "individual"}),
    ("stat", {"region_code": "500111", "period": 2023, "metric": "gdp", "value": 1.0, "unit": "亿元",
              "source": "s"}),
]


@pytest.mark.parametrize("table,row", PRIMARY_KEYS, ids=[t for t, _ in PRIMARY_KEYS])
def test_duplicate_key_refused(db, table, row):
    insert(db, table, row)
    with pytest.raises(ConstraintViolation):
        insert(db, table, row)
    assert db.scalar(f"SELECT count(*) FROM {table}") == 1


def test_duplicate_right_reported_by_integrity_check(db):
    # ip_right keeps no key index (migration 5): its writer keeps rights unique and the integrity
    # check finds any duplicate
    from zhichan.store import integrity_problems
    insert(db, "ip_right", {"right_id": "r1", "kind": "design", "office": "CN", "application_no": "x"})
    assert integrity_problems(db) == {}
    insert(db, "ip_right", {"right_id": "r1", "kind": "design", "office": "CN", "application_no": "y"})
    insert(db, "ip_right", {"right_id": "r2", "kind": "design", "office": "CN", "application_no": "x"})
    assert integrity_problems(db) == {"ip_right unique right_id": 1,
                                      "ip_right unique (office, kind, application_no)": 1}


def test_every_design_table_exists(db):
    design_tables = {
        "region", "region_change", "region_group", "classification", "concordance", "party", "ip_right",
        "right_class", "right_party", "legal_event", "recognition", "stat", "reported", "import_batch",
        "import_issue",
    }
    assert design_tables <= set(db.tables())
    assert {c[0] for c in CASES} >= design_tables


def test_schema_version_recorded(db):
    assert schema_version(db) == LATEST_VERSION == len(available_migrations())
    rows = db.query_dicts("SELECT version, name, checksum FROM schema_version ORDER BY version")
    assert [(r["version"], r["name"]) for r in rows] == [(1, "canonical"), (2, "history_and_registers"),
                                                        (3, "international_filing"), (4, "family"),
                                                        (5, "right_unindexed")]
    assert all(len(r["checksum"]) == 64 for r in rows)


def test_transaction_rolls_back_whole_block(db):
    with pytest.raises(ConstraintViolation):
        with db.transaction():
            insert(db, "meta", {"key": "a", "value": "1"})
            insert(db, "meta", {"key": "a", "value": "2"})
    assert db.scalar("SELECT count(*) FROM meta") == 0
