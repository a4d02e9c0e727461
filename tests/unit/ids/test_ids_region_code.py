"""GB/T 2260 region codes: structure only."""

from __future__ import annotations

import pytest

from zhichan.errors import InvalidIdentifierError
from zhichan.ids import (
    PROVINCE_PREFIXES,
    normalise_region_code,
    parse_region_code,
    region_code_level,
)


def test_the_34_province_prefixes() -> None:
    expected = (
        [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
         *range(61, 66), 71, 81, 82]
    )
    assert sorted(int(p) for p in PROVINCE_PREFIXES) == expected
    assert len(PROVINCE_PREFIXES) == 34


@pytest.mark.parametrize(
    ("code", "level"),
    [("110000", "province"), ("310100", "prefecture"), ("310110", "county"),
     ("652300", "prefecture"), ("110101001", "township"), ("110101001001", "village"),
     ("500111000000", "county"), ("500000000", "province")],
)
def test_levels(code: str, level: str) -> None:
    assert region_code_level(code) == level


def test_reduces_long_forms() -> None:
    assert normalise_region_code("500111000000") == "500111"
    assert normalise_region_code("500111000") == "500111"
    assert normalise_region_code("110101001000") == "110101001"
    assert normalise_region_code(" ３１０１１０ ") == "310110"


def test_parts_and_kinds() -> None:
    r = parse_region_code("330782")  # 义乌市, a county-level city
    assert (r.province_code, r.prefecture_code, r.county_code) == ("330000", "330700", "330782")
    assert (r.prefecture_kind, r.county_kind) == ("city", "county_city")
    assert r.province_name == "浙江省"
    assert parse_region_code("652323").prefecture_kind == "area"  # 昌吉回族自治州
    assert parse_region_code("652323").county_kind == "county"
    assert parse_region_code("429004").prefecture_kind == "direct_county_group"  # 仙桃
    assert parse_region_code("110105").prefecture_kind == "municipality_part"
    assert parse_region_code("110105").county_kind == "district"
    assert parse_region_code("440300").county_kind is None


def test_township_directly_under_prefecture() -> None:
    # 东莞 (441900) has no counties: its townships sit directly under the prefecture.
    r = parse_region_code("441900003000")
    assert r.level == "township" and r.normalised == "441900003"


@pytest.mark.parametrize(
    ("value", "code"),
    [("990000", "unknown-province"), ("200111", "unknown-province"), ("31011", "wrong-length"),
     ("3101100", "wrong-length"), ("31011A", "bad-characters"), ("110001", "bad-structure"),
     ("110101000001", "bad-structure"), ("", "empty")],
)
def test_invalid(value: str, code: str) -> None:
    with pytest.raises(InvalidIdentifierError) as info:
        parse_region_code(value)
    assert info.value.reason_code == code  # type: ignore[attr-defined]
    assert normalise_region_code(value) is None
