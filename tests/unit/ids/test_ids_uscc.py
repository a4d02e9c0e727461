"""Unified social credit codes (GB 32100-2015)."""

from __future__ import annotations

import pytest

from zhichan.errors import InvalidIdentifierError
from zhichan.ids import (
    USCC_CHARSET,
    normalise_uscc,
    org_code_check_char,
    parse_uscc,
    uscc_check_char,
)

# DOMAIN's published example, then codes published on companies' licences and public registers.
REAL = [
    "91310110666007217T",
    "914403001922038216",  # 华为技术有限公司
    "9144030071526726XG",  # 深圳市腾讯计算机系统有限公司
    "91330100716105852F",
    "12100000400000624D",  # a central public institution: region 100000
]


@pytest.mark.parametrize("code", REAL)
def test_real_codes(code: str) -> None:
    u = parse_uscc(code)
    assert u.check_ok and u.org_code_check_ok and u.warnings == ()
    assert uscc_check_char(code[:17]) == code[17]
    assert org_code_check_char(code[8:16]) == code[16]


def test_published_example_decoded() -> None:
    u = parse_uscc("91310110666007217T")
    assert u.normalised == "91310110666007217T"
    assert u.region_code == "310110"
    assert (u.authority_code, u.authority) == ("9", "工商(市场监管)")
    assert (u.org_type_code, u.org_type) == ("1", "企业")
    assert u.org_code == "666007217"
    assert u.check_char == "T"


def test_charset() -> None:
    assert len(USCC_CHARSET) == 31
    assert not set("IOZSV") & set(USCC_CHARSET)


def test_check_by_hand() -> None:
    # weights 3^(i-1) mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    # 9 1 3 1 0 1 1 0 6 6 6 0 0 7 2 1 7 ->
    # 9+3+27+27+0+26+16+0+120+174+150+0+0+168+20+30+196 = 966; 966 mod 31 = 5; 31 - 5 = 26
    # and index 26 of 0-9 A-H J-N P Q R T … is T.
    weights = [pow(3, i, 31) for i in range(17)]
    assert weights == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    assert USCC_CHARSET[26] == "T"
    assert uscc_check_char("91310110666007217") == "T"


def test_check_31_maps_to_0() -> None:
    # Find a body whose weighted sum is 0 mod 31: its check must be "0", not out of range.
    body = "0" * 17
    assert uscc_check_char(body) == "0"


@pytest.mark.parametrize(
    "messy",
    ["91310110666007217t", " 9131 0110 6660 0721 7T ", "91-310110-666007217-T",
     "９１３１０１１０６６６００７２１７Ｔ", "９１３１０１１０６６６００７２１７ｔ"],
)
def test_messy_forms(messy: str) -> None:
    assert normalise_uscc(messy) == "91310110666007217T"


def test_check_mismatch_warns_not_rejects() -> None:
    u = parse_uscc("91310110666007217X")
    assert u.check_ok is False
    assert u.expected_check_char == "T"
    assert u.warnings[0].startswith("uscc-check-mismatch")
    assert "早期试点" in u.warnings[0] and "pilot" in u.warnings[0]
    assert normalise_uscc("91310110666007217X") == "91310110666007217X"


def test_inner_organisation_code_check_reported() -> None:
    # Same outer code with a changed organisation-code digit, outer check recomputed.
    body = "9131011066600721" + "8"
    code = body + uscc_check_char(body)
    u = parse_uscc(code)
    assert u.check_ok and not u.org_code_check_ok


def test_org_code_check_char() -> None:
    # 3*6+7*6+9*6+10*0+5*0+8*7+4*2+2*1 = 180, 180 mod 11 = 4, 11 - 4 = 7
    assert org_code_check_char("66600721") == "7"
    with pytest.raises(InvalidIdentifierError):
        org_code_check_char("6660072")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("91310110666007217", "wrong-length"),
        ("91310110666007217TT", "wrong-length"),
        ("9131011066600721OT", "bad-characters"),  # letter O
        ("9131011066600721IT", "bad-characters"),
        ("91310110666007217Z", "bad-characters"),
        ("91310110666007217S", "bad-characters"),
        ("", "empty"),
    ],
)
def test_invalid(value: str, code: str) -> None:
    with pytest.raises(InvalidIdentifierError) as info:
        parse_uscc(value)
    assert info.value.reason_code == code  # type: ignore[attr-defined]
    assert normalise_uscc(value) is None


def test_unknown_authority_and_region_warn() -> None:
    body = "B1990000MA0000000"[:17]
    code = body + uscc_check_char(body)
    u = parse_uscc(code)
    codes = [w.split(":")[0] for w in u.warnings]
    assert "uscc-unknown-authority" in codes and "uscc-region-unknown" in codes
    assert u.authority is None


@pytest.mark.parametrize(
    ("prefix", "authority", "org_type"),
    [("11", "机构编制", "机关"), ("51", "民政", "社会团体"), ("52", "民政", "民办非企业单位"),
     ("53", "民政", "基金会"), ("92", "工商(市场监管)", "个体工商户"),
     ("93", "工商(市场监管)", "农民专业合作社"), ("Y1", "其他", "其他"),
     ("N2", "农业", "村级集体经济组织")],
)
def test_authority_and_type(prefix: str, authority: str, org_type: str) -> None:
    body = prefix + "310110" + "MA1FL0000"
    u = parse_uscc(body + uscc_check_char(body))
    assert (u.authority, u.org_type) == (authority, org_type)
