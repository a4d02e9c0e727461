"""The 31-province example on real yearbook data: inputs pinned to published figures, the index
and its uncertainty consistent, the dynamic matching computed as documented."""

from __future__ import annotations

import pytest

from zhichan.evaluate import province_example, province_matrix
from zhichan.evaluate._province_example import growth_matching
from zhichan.reference import province_statistic


def test_matrix_inputs_match_published_figures():
    m = province_matrix(2023)
    assert len(m) == 31 and m["name"].loc["500000"] == "重庆市"
    # Beijing 2023: 574,323 valid invention patents / 2,186万 people = 262.7 (published 262.9, DOMAIN.md §1)
    assert m.loc["110000", "valid_invention_per_10k"] == pytest.approx(262.73, abs=0.01)
    # Guangdong's R&D intensity 2023 as published in the yearbook: 3.54%
    assert m.loc["440000", "rd_intensity"] == pytest.approx(3.54)
    share = 100 * province_statistic("320000", 2023, "invention_grants") / province_statistic("320000", 2023, "patent_grants")
    assert m.loc["320000", "invention_share_of_grants"] == pytest.approx(share)


def test_index_uncertainty_and_coupling():
    ex = province_example(2023, n_runs=200)
    t = ex.table
    assert t.iloc[0]["name"] == "北京市" and t["rank"].tolist() == sorted(t["rank"].tolist())
    assert ((t["rank_p05"] <= t["median_rank"]) & (t["median_rank"] <= t["rank_p95"])).all()
    assert t["score"].between(0, 100).all() and t["D"].between(0, 1).all()
    assert set(t["grade"]) <= {"极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调", "勉强协调", "初级协调",
                               "中级协调", "良好协调", "优质协调"}


def test_growth_matching_by_hand():
    g = growth_matching(2018, 2023)
    v0, v1 = province_statistic("500000", 2018, "valid_invention_patents"), province_statistic("500000", 2023,
                                                                                                 "valid_invention_patents")
    r0, r1 = province_statistic("500000", 2018, "rd_expenditure"), province_statistic("500000", 2023, "rd_expenditure")
    ip, rd = (v1 / v0) ** 0.2 - 1, (r1 / r0) ** 0.2 - 1
    assert g.loc["500000", "ip_cagr"] == pytest.approx(ip) and g.loc["500000", "ratio"] == pytest.approx(ip / rd)
