"""The set-wise application-number rule (store, SQL) agrees with ``zhichan.ids`` (Python)."""

from __future__ import annotations

import random

from zhichan.ids import application_check_char
from zhichan.ingest._parsers import parse_application
from zhichan.store import Database, install_parse_macros
from zhichan.store._columnar import application_numbers_over


def _cases() -> list[str]:
    rng = random.Random(3)
    out = ["", "  ", "abc", "CN201710002859.X", "ZL 2017 1 0002859.X", "201710002859", "2017100028591",
           "88100001.5", "03100001.X", "9010000", "２０１７１０００２８５９．Ｘ", "CN201710002859.1", "zl201710002859x",
           "198410000001.1", "204010000001.1", "201740000001.1", "CN 88100001", "00100001.2", "85200001"]
    for _ in range(400):
        year = rng.choice([rng.randint(1985, 2025), rng.randint(85, 99) % 100, rng.randint(0, 3)])
        digits = (f"{year}{rng.choice('123894')}{rng.randint(0, 9999999):07d}" if year > 100
                  else f"{year:02d}{rng.choice('123894')}{rng.randint(0, 99999):05d}")
        check = application_check_char(digits) if rng.random() < 0.7 else rng.choice("0123456789X")
        out.append(rng.choice(["", "CN", "ZL"]) + digits + rng.choice([".", ""]) + rng.choice([check, ""]))
    return out


def test_sql_application_numbers_match_python():
    db = Database(":memory:")
    install_parse_macros(db)
    cases = _cases()
    db.execute("CREATE TEMP TABLE stg_raw (row_no BIGINT, c VARCHAR)")
    db.insert_rows("stg_raw", ["row_no", "c"], list(enumerate(cases)))
    got = dict((r[0], (r[1], r[2])) for r in db.query(
        f"SELECT row_no, x_value, x_code FROM {application_numbers_over('c', 'stg_raw', 'x')}"))
    for i, raw in enumerate(cases):
        value, problem = parse_application(raw)
        assert got[i] == (value, problem[0] if problem else None), raw
