"""Packaged provincial statistics equal the source rows (shared/data/statistics)."""

from zhichan.reference import province_statistic, statistics_rows


def test_national_and_chongqing_values_match_source():
    assert province_statistic("000000", 2023, "patent_applications") == 5_383_449
    assert province_statistic("全国", 2023, "invention_grants") == 819_234
    assert province_statistic("500000", 2023, "patent_applications") == 92_060
    assert province_statistic("500000", 2023, "invention_applications") == 30_517
    assert province_statistic("500000", 2023, "valid_invention_patents") == 64_200
    assert province_statistic("500000", 2023, "rd_expenditure") == 7_466_710  # 万元
    assert province_statistic("500000", 2023, "population") == 3191
    assert province_statistic("500111", 2023, "patent_grants") == 54_136  # a county gives its province


def test_ocr_typos_mapped_and_aggregates_dropped():
    assert province_statistic("330000", 2014, "valid_patents") == 597_051  # 浙汀
    assert province_statistic("540000", 2014, "valid_patents") == 588  # 四藏
    assert province_statistic("360000", 2015, "valid_patents") == 51_824  # 江四
    assert {r.province_code for r in statistics_rows()} <= {"000000"} | {r.province_code for r in
                                                                        statistics_rows("population")}
    assert province_statistic("500000", 2030, "patent_applications") is None


def test_units():
    units = {(r.metric, r.unit) for r in statistics_rows()}
    assert ("rd_expenditure", "万元") in units and ("population", "万人") in units
    assert all(u == "件" for m, u in units if m.endswith(("applications", "grants", "patents")))
