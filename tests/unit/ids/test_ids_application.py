"""CN application numbers: real values, messy inputs, rejections."""

from __future__ import annotations

import pytest

from zhichan.errors import InvalidIdentifierError
from zhichan.ids import (
    application_check_char,
    normalise_application_number,
    parse_application_number,
    verify_application_number,
)
from zhichan.ids._problem import MAX_YEAR

# From a CNIPA-style export (10 real records of one applicant, DOMAIN's published example first).
REAL = [
    ("201220687633.0", "utility_model", 2012),
    ("202223220665.2", "utility_model", 2022),
    ("202122975192.6", "utility_model", 2021),
    ("202121635235.X", "utility_model", 2021),
    ("202121635426.6", "utility_model", 2021),
    ("202121741650.3", "utility_model", 2021),
    ("202121762003.0", "utility_model", 2021),
    ("202121751980.0", "utility_model", 2021),
    ("202211740332.4", "invention", 2022),
    ("202310605823.6", "invention", 2023),
    ("202211359874.7", "invention", 2022),
]


@pytest.mark.parametrize(("number", "patent_type", "year"), REAL)
def test_real_numbers_are_valid(number: str, patent_type: str, year: int) -> None:
    a = parse_application_number("CN" + number)
    assert a.normalised == number
    assert a.patent_type == patent_type
    assert a.year == year
    assert a.pct is False
    assert a.check_supplied and a.warnings == ()
    assert verify_application_number(number)


# Checks computed by hand with weights 2,3,4,5,6,7,8,9,2,3,4,5:
#   200810012345: 4+0+0+40+6+0+0+9+4+9+16+25 = 113, 113 mod 11 = 3
#   202121635235: 4+0+8+5+12+7+48+27+10+6+12+25 = 164, 164 mod 11 = 10 -> X
#   97101765 (old, first 8 weights): 18+21+4+0+6+49+48+45 = 191, 191 mod 11 = 4
#   201080012345: 4+0+4+0+48+0+0+9+4+9+16+25 = 119, 119 mod 11 = 9 (PCT invention)
@pytest.mark.parametrize(
    ("digits", "check"),
    [("201220687633", "0"), ("200810012345", "3"), ("202121635235", "X"),
     ("97101765", "4"), ("201080012345", "9")],
)
def test_check_char_by_hand(digits: str, check: str) -> None:
    assert application_check_char(digits) == check
    assert parse_application_number(f"{digits}.{check}").check_char == check


@pytest.mark.parametrize(
    "messy",
    [
        "ZL 2012 2 0687633.0",
        "ZL201220687633.0",
        "zl 201220687633.0",
        "CN201220687633.0",
        "CN 201220687633.0",
        "２０１２２０６８７６３３．０",
        "ＺＬ２０１２２０６８７６３３．０",
        "2012206876330",
        "2012 2 0687633 0",
        " 201220687633.0 ",
        "201220687633。0",
        "申请号：201220687633.0",
        "专利号: ZL 201220687633.0",
    ],
)
def test_messy_forms_normalise(messy: str) -> None:
    assert normalise_application_number(messy) == "201220687633.0"


def test_lower_case_x() -> None:
    assert normalise_application_number("202121635235.x") == "202121635235.X"
    assert normalise_application_number("cn 2021 2 1635235 x") == "202121635235.X"


def test_missing_check_char_is_computed_with_warning() -> None:
    a = parse_application_number("201220687633")
    assert a.normalised == "201220687633.0"
    assert not a.check_supplied
    assert a.warnings[0].startswith("check-missing")
    assert not verify_application_number("201220687633")
    old = parse_application_number("97101765")
    assert old.normalised == "97101765.4" and old.warnings[0].startswith("check-missing")


def test_old_format() -> None:
    a = parse_application_number("97101765.4")
    assert a.old_format and a.year == 1997 and a.patent_type == "invention"
    assert parse_application_number("971017654").normalised == "97101765.4"
    b = parse_application_number("02" + "2" + "12345" + "." + application_check_char("02212345"))
    assert b.year == 2002 and b.patent_type == "utility_model"


@pytest.mark.parametrize(
    ("type_digit", "patent_type", "pct"),
    [("1", "invention", False), ("2", "utility_model", False), ("3", "design", False),
     ("8", "invention", True), ("9", "utility_model", True)],
)
def test_type_digits(type_digit: str, patent_type: str, pct: bool) -> None:
    digits = f"2015{type_digit}0001234"
    a = parse_application_number(digits + application_check_char(digits))
    assert (a.patent_type, a.pct, a.type_digit) == (patent_type, pct, type_digit)


def test_prefix_and_patent_number() -> None:
    a = parse_application_number("ZL 2012 2 0687633.0")
    assert a.prefix == "ZL" and a.patent_number == "ZL201220687633.0"
    assert parse_application_number("201220687633.0").prefix is None


def _reason(value: str) -> tuple[str, str]:
    with pytest.raises(InvalidIdentifierError) as info:
        parse_application_number(value)
    return info.value.reason_code, info.value.what  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("value", "code", "text"),
    [
        (
            "201220687633.5",
            "check-mismatch",
            "校验位错误 check character mismatch: expected 0, found 5",
        ),
        ("200810012345.x", "check-mismatch", "expected 3, found X"),
        ("201240687633.0", "unknown-type", "unknown patent type digit: 4"),
        ("198420687633", "impossible-year", "impossible filing year: 1984"),
        (f"{MAX_YEAR + 1}10000001", "impossible-year", "impossible filing year"),
        ("50101765", "impossible-year", "8-digit"),
        ("2012206876", "wrong-length", "wrong number of digits: 10"),
        ("20122068763301", "wrong-length", "wrong number of digits"),
        ("2012A0687633.0", "bad-characters", "'A'"),
        ("", "empty", "空值"),
        ("   ", "empty", "空值"),
    ],
)
def test_invalid_with_reason(value: str, code: str, text: str) -> None:
    got_code, what = _reason(value)
    assert got_code == code
    assert text in what
    assert normalise_application_number(value) is None


def test_error_is_a_value_error_with_template() -> None:
    with pytest.raises(ValueError) as info:
        parse_application_number("201220687633.5")
    err = info.value
    assert isinstance(err, InvalidIdentifierError)
    assert err.expected == "201220687633.0"
    assert "201220687633.5" in (err.found or "")


def test_twelve_digit_before_2003_warns() -> None:
    digits = "199910012345"
    a = parse_application_number(digits + application_check_char(digits))
    assert a.year == 1999 and a.warnings[0].startswith("format-year-mismatch")


def test_check_char_rejects_bad_input() -> None:
    with pytest.raises(InvalidIdentifierError):
        application_check_char("12345")
    with pytest.raises(InvalidIdentifierError):
        application_check_char("20122068763A")
    assert application_check_char("2012 2 0687633") == "0"


def test_non_text_is_rejected() -> None:
    assert normalise_application_number(None) is None  # type: ignore[arg-type]
    assert normalise_application_number(201220687633) is None  # type: ignore[arg-type]
