"""Property tests: messy round trips and single-error detection."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from zhichan.ids import (
    USCC_CHARSET,
    application_check_char,
    check,
    normalise_application_number,
    normalise_region_code,
    normalise_uscc,
    parse_uscc,
    uscc_check_char,
)
from zhichan.ids._region_code import PROVINCE_PREFIXES

_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.-"}
_THIS_YEAR = datetime.date.today().year


def _fullwidth(s: str) -> str:
    return "".join(_FULLWIDTH.get(c, c) for c in s)


@st.composite
def new_digits(draw: st.DrawFn) -> str:
    year = draw(st.integers(2003, _THIS_YEAR))
    type_digit = draw(st.sampled_from("12389"))
    serial = draw(st.text("0123456789", min_size=7, max_size=7))
    return f"{year}{type_digit}{serial}"


@st.composite
def old_digits(draw: st.DrawFn) -> str:
    yy = draw(st.sampled_from([f"{y:02d}" for y in [*range(85, 100), *range(0, 4)]]))
    type_digit = draw(st.sampled_from("12389"))
    serial = draw(st.text("0123456789", min_size=5, max_size=5))
    return f"{yy}{type_digit}{serial}"


@st.composite
def messy_application(draw: st.DrawFn, digits: str) -> str:
    check_char = application_check_char(digits)
    cut = 4 if len(digits) == 12 else 2
    sep = draw(st.sampled_from(["", " ", "  "]))
    body = digits[:cut] + sep + digits[cut] + sep + digits[cut + 1 :]
    dot = draw(st.sampled_from([".", "．", "。", "", " "]))
    if draw(st.booleans()):
        check_char = check_char.lower()
    prefix = draw(st.sampled_from(["", "CN", "ZL", "CN ", "ZL ", "cn", "zl", "ＺＬ"]))
    s = prefix + body + dot + check_char
    if draw(st.booleans()):
        s = _fullwidth(s)
    pad = draw(st.sampled_from(["", " ", "\t", "\u3000"]))
    return pad + s + pad


@given(st.data(), st.one_of(new_digits(), old_digits()))
def test_application_round_trip(data: st.DataObject, digits: str) -> None:
    messy = data.draw(messy_application(digits))
    expected = f"{digits}.{application_check_char(digits)}"
    assert normalise_application_number(messy) == expected
    r = check(messy)
    assert r.kind == "application_number" and r.valid and r.normalised == expected


@given(st.data(), st.one_of(new_digits(), old_digits()))
def test_missing_check_round_trip(data: st.DataObject, digits: str) -> None:
    r = check(digits, "application_number")
    assert r.valid and r.normalised == f"{digits}.{application_check_char(digits)}"
    assert r.warnings[0].startswith("check-missing")


# Every weight (2..9) is non-zero mod 11 and 11 is prime, so changing one digit by d (1..9)
# changes the weighted sum by w*d, never 0 mod 11: every single substitution is caught.
@given(st.one_of(new_digits(), old_digits()), st.data())
def test_single_digit_change_detected(digits: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(digits) - 1))
    new = data.draw(st.sampled_from([c for c in "0123456789" if c != digits[i]]))
    tampered = digits[:i] + new + digits[i + 1 :]
    assert normalise_application_number(f"{tampered}.{application_check_char(digits)}") is None


# Adjacent weights differ by 1 (or 7 between the 9 and the following 2), never 0 mod 11,
# so swapping two different neighbouring digits is caught too.
@given(st.one_of(new_digits(), old_digits()), st.data())
def test_adjacent_transposition_detected(digits: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(digits) - 2))
    if digits[i] == digits[i + 1]:
        return
    swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
    assert normalise_application_number(f"{swapped}.{application_check_char(digits)}") is None


_uscc_body = st.text(USCC_CHARSET, min_size=17, max_size=17)


@given(_uscc_body, st.data())
def test_uscc_round_trip(body: str, data: st.DataObject) -> None:
    code = body + uscc_check_char(body)
    messy = code
    if data.draw(st.booleans()):
        messy = messy.lower()
    if data.draw(st.booleans()):
        messy = " ".join([messy[:2], messy[2:8], messy[8:17], messy[17]])
    if data.draw(st.booleans()):
        messy = messy.replace(" ", "-")
    if data.draw(st.booleans()):
        messy = _fullwidth(messy.upper())
    assert normalise_uscc(messy) == code
    assert parse_uscc(messy).check_ok


# Weights 3^k mod 31 are non-zero and 31 is prime: any one-character change is caught
# (as a warning, since pilot codes may fail the check legally).
@given(_uscc_body, st.data())
def test_uscc_single_change_detected(body: str, data: st.DataObject) -> None:
    code = body + uscc_check_char(body)
    i = data.draw(st.integers(0, 16))
    new = data.draw(st.sampled_from([c for c in USCC_CHARSET if c != code[i]]))
    tampered = code[:i] + new + code[i + 1 :]
    u = parse_uscc(tampered)
    assert not u.check_ok and u.warnings[0].startswith("uscc-check-mismatch")


@given(
    st.sampled_from(sorted(PROVINCE_PREFIXES)),
    st.integers(1, 99),
    st.integers(1, 99),
    st.sampled_from(["", "000", "000000"]),
)
def test_region_round_trip(province: str, prefecture: int, county: int, pad: str) -> None:
    code = f"{province}{prefecture:02d}{county:02d}"
    assert normalise_region_code(code + pad) == code
    assert check(code + pad).kind == "region_code"


@given(st.text(max_size=40), st.sampled_from([None, "application_number", "publication_number",
                                              "uscc", "region_code", "trademark_number"]))
def test_check_never_raises(value: str, kind: str | None) -> None:
    r = check(value, kind)
    assert r.valid == (r.reason is None)
    assert (r.normalised is None) == (not r.valid)
