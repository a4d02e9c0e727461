"""Regional layout on hand-built filings: counts by county × WIPO field, RTA, growth, and the
guidance catalogue's labels by the packaged rules — every number worked out by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from zhichan.errors import UserError
from zhichan.evaluate import LayoutAnalysis, load_catalogue_rules
from zhichan.store import open_database

DAZU, YUZHONG = "500111", "500103"
# (county, main IPC, filing year, how many): G06F → field 6 computer technology, A01B → 29
# other special machines, H01M → 1 electrical machinery (WIPO concordance)
FILINGS = [
    (DAZU, "G06F 3/01", 2022, 6), (DAZU, "G06F 3/01", 2019, 3), (DAZU, "A01B 1/02", 2023, 2),
    (YUZHONG, "A01B 1/02", 2022, 6), (YUZHONG, "A01B 1/02", 2019, 6), (YUZHONG, "H01M 4/13", 2021, 4),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = open_database(tmp_path_factory.mktemp("layout") / "t.duckdb")
    for code in (DAZU, YUZHONG):
        d.execute("INSERT INTO party (party_id, name, name_norm, kind, region_code) VALUES (?, ?, ?, 'enterprise', ?)",
                  [f"p{code}", code, code, code])
    n = 0
    for county, ipc, year, k in FILINGS:
        for _ in range(k):
            n += 1
            rid = f"r{n}"
            d.execute("INSERT INTO ip_right (right_id, kind, office, application_no, application_date) "
                      "VALUES (?, 'invention', 'CN', ?, ?)", [rid, rid, date(year, 3, 1)])
            d.execute("INSERT INTO right_class VALUES (?, 'ipc', ?, true)", [rid, ipc])
            d.execute("INSERT INTO right_party (right_id, party_id, role, seq) VALUES (?, ?, 'applicant', 1)",
                      [rid, f"p{county}"])
    yield d
    d.close()


@pytest.fixture(scope="module")
def layout(db):
    return LayoutAnalysis("500000", level="county", year=2023, window=3).fit(db)


def test_counts_by_window(layout):
    # current window 2021–2023, previous 2018–2020
    assert layout.counts_.loc[DAZU, "6"] == 6 and layout.previous_.loc[DAZU, "6"] == 3
    assert layout.counts_.loc[DAZU, "29"] == 2 and layout.counts_.loc[YUZHONG, "29"] == 6
    assert layout.counts_.loc[YUZHONG, "1"] == 4 and layout.previous_.loc[YUZHONG, "29"] == 6


def test_rta_and_growth(layout):
    # total 18: Dazu 8 (6 in field 6), Yuzhong 10; field 6 total 6 → RTA = (6/8)/(6/18) = 2.25
    assert layout.rta_.loc[DAZU, "6"] == pytest.approx(2.25)
    # field 29: Dazu 2 of 8, field total 8 of 18 → (2/8)/(8/18) = 0.5625
    assert layout.rta_.loc[DAZU, "29"] == pytest.approx(0.5625)
    assert layout.growth_.loc[DAZU, "6"] == pytest.approx(1.0)  # 3 → 6
    assert layout.growth_.loc[YUZHONG, "29"] == pytest.approx(0.0)  # 6 → 6


def test_catalogue_labels_by_rules(layout):
    cat = layout.catalogue_.set_index(["unit", "field"])
    assert cat.loc[(DAZU, "6"), "label"] == "重点发展"  # RTA 2.25, +100%
    # Yuzhong 29: RTA (6/10)/(8/18) = 1.35 ≥ 1.2, growth 0 ≥ 0 → 重点发展
    assert cat.loc[(YUZHONG, "29"), "rta"] == pytest.approx(1.35)
    assert cat.loc[(YUZHONG, "29"), "label"] == "重点发展"
    assert cat.loc[(DAZU, "29"), "label"] == "数据不足"  # 2 filings < min_count 3
    # Yuzhong 1 (electrical): RTA (4/10)/(4/18) = 1.8, no earlier filings → growth unknown → 巩固提升
    assert cat.loc[(YUZHONG, "1"), "label"] == "巩固提升"
    assert "RTA 2.25" in cat.loc[(DAZU, "6"), "evidence"] and "+100%" in cat.loc[(DAZU, "6"), "evidence"]


def test_user_rules_replace_the_defaults(db, tmp_path):
    f = tmp_path / "rules.yaml"
    f.write_text("id: strict\nmin_count: 1\nrules:\n  - {label: 优先, when: {rta_min: 2.0}}\n  - {label: 其他}\n", "utf-8")
    rules = load_catalogue_rules(f)
    cat = LayoutAnalysis("500000", level="county", year=2023, rules=rules).fit(db).catalogue_.set_index(["unit", "field"])
    assert cat.loc[(DAZU, "6"), "label"] == "优先" and cat.loc[(DAZU, "29"), "label"] == "其他"
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nrules: []\n", "utf-8")
    with pytest.raises(UserError, match="导向目录规则"):
        load_catalogue_rules(bad)


def test_ip_intensive_industries_hand_checked():
    from zhichan.evaluate import ip_intensive_industries

    patents = pd.Series({"A": 300.0, "B": 50.0, "C": 150.0, "D": 20.0})
    employment = pd.Series({"A": 100_000.0, "B": 10_000.0, "C": 300_000.0, "D": 400_000.0})
    out = ip_intensive_industries(patents, employment)
    # reference: 520 per 810,000 employees = 6.4198 per 10k; mean patents 130
    assert out.loc["A", "density"] == pytest.approx(30.0) and out.loc["B", "density"] == pytest.approx(50.0)
    assert out.loc["A", "density_index"] == pytest.approx(30.0 / (10_000 * 520 / 810_000))
    # B is dense but small (50 < 130); C is large but not dense (5 < 6.42); D neither
    assert out["intensive"].to_dict() == {"B": False, "A": True, "C": False, "D": False}
    relaxed = ip_intensive_industries(patents, employment, scale_ratio=0.3)
    assert relaxed.loc["B", "intensive"] and not relaxed.loc["D", "intensive"]
    with pytest.raises(UserError, match="就业"):
        ip_intensive_industries(patents, employment.drop("D"))
