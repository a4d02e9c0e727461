"""Accuracy on the held-out address set (written before tuning; tuning used dev.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from zhichan.ingest._resolver import resolve_many
from zhichan.reference import regions

DATA = Path(__file__).resolve().parents[2] / "data" / "addresses"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", ["heldout.csv", "dev.csv"])
def test_expected_codes_are_valid(name: str) -> None:
    rows = _rows(name)
    for r in rows:
        if r["expected_code"]:
            reg = regions.get(r["expected_code"])
            assert regions.is_current(reg.code), r
            assert reg.level == r["expected_level"], r
        else:
            assert r["expected_level"] == "", r


def test_heldout_covers_every_province_and_the_outside() -> None:
    rows = _rows("heldout.csv")
    assert len(rows) >= 150
    provinces = {r["expected_code"][:2] for r in rows if r["expected_code"]}
    mainland = {r.code[:2] for r in regions.all("province")} - {"71", "81", "82"}
    assert mainland <= provinces and {"71", "81", "82"} <= provinces
    assert any("foreign" in r["note"] for r in rows)
    assert any("ambiguous" in r["note"] for r in rows)


@pytest.mark.parametrize("name", ["heldout.csv", "dev.csv"])
def test_accuracy_at_county_level(name: str) -> None:
    rows = _rows(name)
    batch = resolve_many([r["address"] for r in rows])
    wrong = [(r["address"], r["expected_code"], got)
             for r, got in zip(rows, batch.code) if got != (r["expected_code"] or None)]
    assert 1 - len(wrong) / len(rows) >= 0.98, wrong


def test_ambiguous_rows_never_confidently_wrong() -> None:
    rows = [r for r in _rows("heldout.csv") if "ambiguous" in r["note"]]
    assert len(rows) >= 10
    batch = resolve_many([r["address"] for r in rows])
    for r, res in zip(rows, batch):
        assert res.confidence < 0.5 or res.level in (None, "province", "prefecture"), (r, res)
