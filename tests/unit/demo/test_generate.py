"""Demo generator: calibration, determinism, identifiers."""

from __future__ import annotations

import csv
import time

import pytest

from zhichan.demo import generate_demo
from zhichan.demo._calibrate import PATENT_TYPES, YEARS, allocate, calibrate, districts_of
from zhichan.ids import parse_uscc, verify_application_number
from zhichan.ingest import resolve_address
from zhichan.reference import province_statistic


@pytest.fixture(scope="module")
def cq(tmp_path_factory):
    out = tmp_path_factory.mktemp("cq")
    return out, generate_demo("500000", "small", 7, out)


def test_allocate_sums_exactly():
    assert allocate(10, [1, 1, 1]) == [4, 3, 3]
    assert sum(allocate(997, [5, 3, 17, 1])) == 997


def test_dazu_present_and_weights():
    ds = districts_of("500000")
    assert "500111" in {d.code for d in ds}
    assert all(d.weight >= 1 for d in ds)
    sc = districts_of("510000")
    assert all(d.prefecture_code for d in sc)  # Sichuan counties sit under prefectures


def test_calibration_matches_published_figures_times_factor():
    plan = calibrate("500000", "small")
    for year in YEARS:
        for ptype, _, metric, _ in PATENT_TYPES:
            want = province_statistic("500000", year, metric) * plan.factor
            assert abs(plan.targets[(year, ptype)] - want) <= 0.5 + 1e-9
            assert sum(n for _, n in plan.by_district[(year, ptype)]) == plan.targets[(year, ptype)]


def test_generated_yearly_totals_are_calibrated(cq):
    out, m = cq
    plan = calibrate("500000", "small")
    counts: dict = {}
    for name in ("synthetic_cnipa_patents.csv", "synthetic_patsnap_patents.csv"):
        enc = "gbk" if "patsnap" in name else "utf-8"
        with open(out / name, encoding=enc, newline="") as fh:
            assert "合成数据" in next(fh)  # the synthetic-data title line comes first
            for r in csv.DictReader(fh):
                no = r["申请号"][2:]
                counts[no] = (int(no[:4]), no[4])
    from openpyxl import load_workbook

    ws = load_workbook(out / "synthetic_incopat_patents.xlsx", read_only=True).active
    rows = ws.iter_rows(min_row=3, values_only=True)
    for r in rows:
        no = r[2][2:]
        counts[no] = (int(no[:4]), no[4])
    dirty = {d["row"] for d in m.dirty_rows}
    assert len(dirty) == 3
    by = {}
    for no, (year, digit) in counts.items():
        if no in set(m.app_numbers):
            key = (year, {"8": "1", "9": "2"}.get(digit, digit))  # PCT national phase counts with its kind
            by[key] = by.get(key, 0) + 1
    for year in YEARS:
        for ptype, digit, metric, _ in PATENT_TYPES:
            assert by.get((year, digit), 0) == plan.targets[(year, ptype)]
            assert abs(by.get((year, digit), 0) - province_statistic("500000", year, metric) * m.factor) <= 0.5 + 1e-9


def test_application_numbers_valid_and_unique(cq):
    _, m = cq
    assert len(m.app_numbers) == len(set(m.app_numbers)) > 1000
    assert all(verify_application_number(n) for n in m.app_numbers)


def test_uscc_region_matches_resolved_address(cq):
    out, _ = cq
    from openpyxl import load_workbook

    ws = load_workbook(out / "synthetic_market_entities.xlsx", read_only=True).active
    checked = 0
    for r in ws.iter_rows(min_row=3, values_only=True):
        parse_uscc(r[0])  # valid check character, or this raises
        assert resolve_address(r[6]).code == r[0][2:8]
        checked += 1
    assert checked > 100


def test_deterministic_bytes(tmp_path, cq):
    """Same seed, same bytes — CSV and XLSX alike (XLSX member timestamps are fixed)."""
    out, _ = cq
    time.sleep(2.1)  # a different zip timestamp second, were they not fixed
    again = generate_demo("500000", "small", 7, tmp_path)
    for name in again.files:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
    other = generate_demo("500000", "small", 8, tmp_path / "s8")
    assert (tmp_path / "s8" / "synthetic_trademarks.csv").read_bytes() != (out / "synthetic_trademarks.csv").read_bytes()
    del other


def test_files_say_synthetic(cq):
    out, m = cq
    assert all(name.startswith("synthetic_") for name in m.files)
    readme = (out / "DEMO_README.md").read_text("utf-8")
    assert "合成" in readme and "真实" in readme
    from openpyxl import load_workbook

    ws = load_workbook(out / "synthetic_copyrights.xlsx", read_only=True).active
    assert str(next(ws.iter_rows(max_row=1, values_only=True))[0]).startswith("演示数据：微观记录为合成数据")


def test_unknown_region_and_scale_are_user_errors(tmp_path):
    from zhichan.errors import UserError

    with pytest.raises(UserError):
        generate_demo("999999", "small", 1, tmp_path)
    with pytest.raises(UserError):
        generate_demo("500000", "huge", 1, tmp_path)
