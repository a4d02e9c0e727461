"""check(): kind detection, the result shape, never raising; the public API list."""

from __future__ import annotations

import json

import pytest

import zhichan.ids as ids
from zhichan.errors import InvalidIdentifierError
from zhichan.ids import KINDS, CheckResult, check, detect_kind


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("ZL 2012 2 0687633.0", "application_number"),
        ("CN201220687633.0", "application_number"),
        ("２０１２２０６８７６３３．０", "application_number"),
        ("2012206876330", "application_number"),
        ("201220687633", "application_number"),
        ("202121635235x", "application_number"),
        ("97101765.4", "application_number"),
        ("971017654", "application_number"),
        ("97101765", "application_number"),
        ("ZL garbage", "application_number"),
        ("CN102345678A", "publication_number"),
        ("CN 102345678 B", "publication_number"),
        ("CN1234567A", "publication_number"),
        ("102345678A", "publication_number"),
        ("US2019123456A1", "publication_number"),
        ("91310110666007217T", "uscc"),
        ("9131011066600721OT", "uscc"),
        ("310110", "region_code"),
        ("500111000000", "region_code"),
        ("110101001", "region_code"),
        ("12345678", "trademark_number"),
        ("G1234567", "trademark_number"),
        ("第12345678号", "trademark_number"),
        ("hello world", "unknown"),
        ("", "unknown"),
    ],
)
def test_detect_kind(value: str, kind: str) -> None:
    assert detect_kind(value) == kind
    assert check(value).kind == kind


def test_valid_result_shape() -> None:
    r = check("ZL 2012 2 0687633.0")
    assert r == CheckResult(
        input="ZL 2012 2 0687633.0",
        kind="application_number",
        normalised="201220687633.0",
        valid=True,
        details=r.details,
    )
    d = r.to_dict()
    fixed = ["input", "kind", "normalised", "valid", "reason", "reason_code", "warnings"]
    assert list(d)[:7] == fixed
    assert d["patent_type"] == "utility_model" and d["pct"] is False and d["year"] == 2012
    assert d["check_char"] == "0"
    json.dumps(d, ensure_ascii=False)


def test_invalid_result_has_reason() -> None:
    r = check("201220687633.5")
    assert not r.valid and r.normalised is None
    assert r.reason == "校验位错误 check character mismatch: expected 0, found 5"
    assert r.reason_code == "check-mismatch"


def test_warnings_carried() -> None:
    r = check("201220687633")
    assert r.valid and r.warnings[0].startswith("check-missing")
    u = check("91310110666007217X")
    assert u.valid and u.details["check_ok"] is False and u.details["region_code"] == "310110"


def test_forced_kind_and_aliases() -> None:
    assert check("12345678", kind="trademark_number").valid
    assert check("97101765", kind="tm").kind == "trademark_number"
    assert check("310110", kind="region").details["level"] == "county"
    r = check("310110", kind="application_number")
    assert r.kind == "application_number" and not r.valid and r.reason_code == "wrong-length"


def test_unknown_kind_name_raises() -> None:
    with pytest.raises(InvalidIdentifierError):
        check("1", kind="isbn")


@pytest.mark.parametrize("value", [None, 12345, 3.5, "\x00", "ZL", "CN", "." * 50, "X" * 18])
def test_never_raises(value: object) -> None:
    for kind in (None, *KINDS):
        r = check(value, kind)  # type: ignore[arg-type]
        assert isinstance(r, CheckResult)


def test_all_is_consistent() -> None:
    for name in ids.__all__:
        assert hasattr(ids, name), name
    assert len(set(ids.__all__)) == len(ids.__all__)
    public = {n for n in dir(ids) if not n.startswith("_") and n != "annotations"}
    assert public == set(ids.__all__)


def test_result_is_hashable() -> None:
    assert hash(check("310110")) == hash(check("310110"))
