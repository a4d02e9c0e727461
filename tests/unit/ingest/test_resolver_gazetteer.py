"""The name index: short forms, history, and the scanner."""

from __future__ import annotations

import pytest

from zhichan.ingest._resolver_gazetteer import (
    COUNTY,
    FOREIGN,
    PREF,
    PROV,
    REGION,
    TOWNSHIP,
    gazetteer,
    short_forms,
)
from zhichan.ingest._resolver_postcode import province_of_postcode, strip_postcode


@pytest.mark.parametrize("name, forms", [
    ("恩施土家族苗族自治州", {"恩施州", "恩施"}),
    ("石柱土家族自治县", {"石柱县", "石柱"}),
    ("内蒙古自治区", {"内蒙古"}),
    ("广西壮族自治区", {"广西", "广西壮族"}),
    ("伊犁哈萨克自治州", {"伊犁州", "伊犁"}),
    ("深圳市", {"深圳"}),
    ("郊区", set()),
])
def test_short_forms(name: str, forms: set[str]) -> None:
    assert forms <= {a for a, _ in short_forms(name)}
    assert all(len(a) >= 2 for a, _ in short_forms(name))


def test_entries() -> None:
    g = gazetteer()
    assert g is gazetteer()  # cached
    kind, short, cands, _ = g.entries["鼓楼区"]
    assert kind == REGION and not short
    assert {"320106", "320302", "350102", "410204"} <= {c[0] for c in cands}
    assert g.entries["卢湾区"][2][0][0] == "310101"
    assert g.entries["襄樊"][2][0][:2] == ("420600", PREF)
    assert g.entries["内蒙古"][2][0][:2] == ("150000", PROV)
    assert g.entries["石柱县"][2][0][:2] == ("500240", COUNTY)
    assert g.entries["日本"][0] == FOREIGN
    assert g.entries["狮山镇"][0] == TOWNSHIP
    # An old vintage must not steal a current name: 512724 石柱县 (1982) is not today's 石柱.
    assert [c[0] for c in g.entries["石柱"][2]] == ["500240"]


def test_old_province_is_accepted_context() -> None:
    (code, _bit, _w, parents), = gazetteer().entries["涪陵市"][2]
    assert code == "500102" and {"500000", "510000"} <= parents


def test_scan_leftmost_longest() -> None:
    g = gazetteer()
    got = [(s, e, entry[3]) for s, e, entry in g.scan("江苏省南京市鼓楼区汉口路")]
    assert got == [(0, 3, "江苏省"), (3, 6, "南京市"), (6, 9, "鼓楼区")]
    assert g.scan("石柱")[0][:2] == (0, 2)


def test_postcodes() -> None:
    assert province_of_postcode("400020") == "500000"
    assert province_of_postcode("518057") == "440000"
    assert province_of_postcode("999077") == "810000"
    assert province_of_postcode("12345") is None
    assert strip_postcode("[400020]重庆市") == ("重庆市", "400020")
    assert strip_postcode("重庆市邮编:400020") == ("重庆市", "400020")
    assert strip_postcode("重庆市") == ("重庆市", None)
