"""The packaged division catalogue: counts, paths, vintages, and old → current codes."""

from __future__ import annotations

import datetime as dt

import pytest

from zhichan.errors import ReferenceDataError
from zhichan.reference import regions


def test_counts_match_the_national_place_name_database():
    assert len(regions.all("province")) == 34
    assert len(regions.all("prefecture")) == 333
    assert len(regions.all("county")) == 2847


def test_get_and_path():
    dazu = regions.get("500111")
    assert (dazu.name, dazu.level, dazu.parent_code, dazu.is_current) == ("大足区", "county", "500000", True)
    assert [r.code for r in regions.path("500111")] == ["500000", "500111"]
    assert [r.name for r in regions.path("510104")] == ["四川省", "成都市", "锦江区"]
    assert regions.get("500111000000").code == "500111"  # 12-digit form


def test_children_and_special_units():
    # Chongqing since 2025: 江北区 and 渝北区 merged into the new 两江新区 (渝府发〔2025〕15号)
    names = {r.name for r in regions.children("500000")}
    assert len(names) == 37
    assert {"大足区", "荣昌区", "两江新区", "石柱土家族自治县"} <= names
    assert not {"江北区", "渝北区"} & names
    assert regions.get("429004").parent_code == "420000"  # 仙桃: province-administered
    assert regions.get("441900").level == "prefecture" and regions.children("441900") == []  # 东莞
    assert [r.name for r in regions.path("419001")] == ["河南省", "济源市"]


def test_vintages_of_a_renamed_code():
    names = [(r.name, r.valid_from, r.valid_to) for r in regions.vintages("500111")]
    assert names == [("双桥区", 1997, 2011), ("大足区", 2011, None)]
    assert regions.get("500111", at=dt.date(2005, 6, 1)).name == "双桥区"
    assert regions.get("420600", at=2009).name == "襄樊市"
    assert regions.get("420600").name == "襄阳市"


@pytest.mark.parametrize(
    "old,current",
    [
        ("310103", "310101"),  # 卢湾区 → 黄浦区 (2011)
        ("310108", "310106"),  # 闸北区 → 静安区 (2015)
        ("110103", "110101"),  # 崇文区 → 东城区 (2010)
        ("110104", "110102"),  # 宣武区 → 西城区 (2010)
        ("371200", "370116"),  # 莱芜市 → 济南市莱芜区 (2019)
        ("330204", "330212"),  # 宁波江东区 → 鄞州区 (2016)
        ("330185", "330112"),  # 临安市 → 临安区 (2017)
        ("440184", "440117"),  # 从化市 → 从化区 (2014)
        ("500226", "500153"),  # 荣昌县 → 荣昌区 (2015)
        ("420600", "420600"),  # 襄樊 → 襄阳: renamed, same code
        ("500105", "500157"),  # 重庆江北区 → 两江新区 (2025)
        ("500111", "500111"),  # current code maps to itself
    ],
)
def test_current_code(old, current):
    assert regions.current_code(old) == current


def test_current_code_as_of_a_date():
    assert regions.current_code("500226", at=dt.date(2014, 12, 31)) == "500226"
    assert regions.current_code("500226", at=dt.date(2015, 7, 1)) == "500153"
    assert regions.current_code("371200", at="2012-01-01") == "371200"
    # a 1980s county-level 莱芜市 follows its re-creation as a prefecture in 1992, then the 2019 merger
    assert regions.current_code("372602", at=2000) == "371200"
    assert regions.current_code("372602") == "370116"


def test_unknown_code_raises_with_fix():
    with pytest.raises(ReferenceDataError) as info:
        regions.get("999999")
    assert info.value.fix and "999999" in info.value.found


def test_townships_of_dazu():
    towns = dict((n, c) for c, n in regions.townships("500111"))
    assert len(towns) == 27
    assert all(c.startswith("500111") and len(c) == 9 for c in towns.values())


def test_store_holds_every_vintage(reference_db):
    db = reference_db
    assert db.query("SELECT name FROM region WHERE code = '500111' ORDER BY vintage") == [("双桥区",), ("大足区",)]
    assert db.scalar("SELECT count(*) FROM region WHERE level = 'township'") == 38749
    assert db.scalar("SELECT count(*) FROM region_change") == len(regions.changes)
