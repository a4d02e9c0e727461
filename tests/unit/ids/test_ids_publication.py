"""Publication / grant numbers and kind codes."""

from __future__ import annotations

import pytest

from zhichan.errors import InvalidIdentifierError
from zhichan.ids import normalise_publication_number, parse_publication_number

# Real publication numbers from a CNIPA-style export.
REAL = [
    ("CN218751475U", "utility_model"),
    ("CN216774847U", "utility_model"),
    ("CN217546176U", "utility_model"),
    ("CN116245100A", "invention"),
    ("CN116595400A", "invention"),
    ("CN115883397A", "invention"),
    ("CN115883397B", "invention"),
]


@pytest.mark.parametrize(("number", "patent_type"), REAL)
def test_real_numbers(number: str, patent_type: str) -> None:
    p = parse_publication_number(number)
    assert p.normalised == number
    assert p.patent_type == patent_type
    assert p.country == "CN" and p.warnings == ()


@pytest.mark.parametrize(
    ("value", "normalised", "kind", "patent_type"),
    [
        ("CN102345678A", "CN102345678A", "A", "invention"),
        ("CN 102345678 B", "CN102345678B", "B", "invention"),
        ("cn102345678b", "CN102345678B", "B", "invention"),
        ("ＣＮ１０２３４５６７８Ａ", "CN102345678A", "A", "invention"),
        ("CN1234567A", "CN1234567A", "A", "invention"),
        ("CN1234567C", "CN1234567C", "C", "invention"),
        ("CN100345678C", "CN100345678C", "C", "invention"),
        ("CN102345678C1", "CN102345678C1", "C1", "invention"),
        ("CN203456789U", "CN203456789U", "U", "utility_model"),
        ("CN2345678Y", "CN2345678Y", "Y", "utility_model"),
        ("CN305678901S", "CN305678901S", "S", "design"),
        ("CN3345678D", "CN3345678D", "D", "design"),
        ("CN85100001A", "CN85100001A", "A", "invention"),
        ("CN102345678A8", "CN102345678A8", "A8", "invention"),
    ],
)
def test_parse(value: str, normalised: str, kind: str, patent_type: str) -> None:
    p = parse_publication_number(value)
    assert (p.normalised, p.kind_code, p.patent_type) == (normalised, kind, patent_type)
    assert p.kind_meaning


@pytest.mark.parametrize(
    ("number", "word"),
    [("CN1234567C", "授权"), ("CN102345678C1", "部分无效"), ("CN102345678B9", "更正"),
     ("CN1034567B", "审定"), ("CN102345678B", "授权")],
)
def test_kind_meanings_by_era(number: str, word: str) -> None:
    assert word in (parse_publication_number(number).kind_meaning or "")


def test_missing_parts_warn() -> None:
    p = parse_publication_number("CN102345678")
    assert p.kind_code is None and p.warnings[0].startswith("kind-missing")
    q = parse_publication_number("102345678A")
    assert q.normalised == "CN102345678A" and q.warnings[0].startswith("country-missing")


def test_other_countries_shape_only() -> None:
    p = parse_publication_number("US 2019123456 A1")
    assert p.country == "US" and p.patent_type is None
    assert p.warnings[0].startswith("not-cn")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("CN203456789A", "kind-mismatch"),  # utility-model number, invention kind code
        ("CN102345678U", "kind-mismatch"),
        ("CN102345678S", "kind-mismatch"),
        ("CN305678901B", "kind-mismatch"),
        ("CN502345678A", "unknown-type"),
        ("CN102345678Q", "unknown-kind"),
        ("CN12345678901A", "wrong-length"),
        ("CN80100001A", "impossible-year"),
        ("CN-10234-ABC", "bad-format"),
        ("", "empty"),
    ],
)
def test_invalid(value: str, code: str) -> None:
    with pytest.raises(InvalidIdentifierError) as info:
        parse_publication_number(value)
    assert info.value.reason_code == code  # type: ignore[attr-defined]
    assert normalise_publication_number(value) is None
