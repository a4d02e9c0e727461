"""Trademark numbers: a light normaliser."""

from __future__ import annotations

import pytest

from zhichan.errors import InvalidIdentifierError
from zhichan.ids import normalise_trademark_number, parse_trademark_number


@pytest.mark.parametrize(
    ("value", "normalised"),
    [("12345678", "12345678"), (" 1234 5678 ", "12345678"), ("１２３４５６７８", "12345678"),
     ("第12345678号", "12345678"), ("注册号：12345678", "12345678"), ("1234567a", "1234567A"),
     ("G1234567", "G1234567"), ("123", "123"), ("012345678", "12345678"), ("76543210", "76543210")],
)
def test_normalise(value: str, normalised: str) -> None:
    assert normalise_trademark_number(value) == normalised


def test_parts() -> None:
    t = parse_trademark_number("G1234567")
    assert t.international and t.digits == "1234567" and t.suffix is None
    assert parse_trademark_number("1234567A").suffix == "A"


@pytest.mark.parametrize("value", ["", "ABC", "1234567890", "12.34", "0"])
def test_invalid(value: str) -> None:
    with pytest.raises(InvalidIdentifierError):
        parse_trademark_number(value)
    assert normalise_trademark_number(value) is None
