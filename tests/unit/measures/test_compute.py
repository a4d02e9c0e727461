"""Indicator rules on hand-built records: every count below is worked out by hand from DOMAIN.md
§1–2 (terms, grace-period lapses, restorations, transfers, designs either side of 2021-06-01,
domestic owners, the high-value union, attribution rules)."""

from __future__ import annotations

from datetime import date

import pytest

from zhichan.errors import UserError
from zhichan.measures import compute_indicators, drill_down
from zhichan.store import open_database

DAZU, YUZHONG, CQ = "500111", "500103", "500000"
_seq = iter(range(1, 10**9))


def _right(db, rid, kind="invention", *, filed, granted=None, pct=False, intl=None):
    db.execute("INSERT INTO ip_right (right_id, kind, office, application_no, application_date, grant_date, pct,"
               " international_filing_date) VALUES (?, ?, 'CN', ?, ?, ?, ?, ?)",
               [rid, kind, rid, filed, granted, pct, intl])


def _party(db, pid, region, *, domestic=None, kind="enterprise"):
    db.execute("INSERT INTO party (party_id, name, name_norm, kind, region_code, is_domestic) VALUES (?, ?, ?, ?, ?, ?)",
               [pid, pid, pid, kind, region, domestic])


def _role(db, rid, pid, role="owner", since=date(1900, 1, 1), until=None, seq=1):
    db.execute("INSERT INTO right_party (right_id, party_id, role, seq, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)",
               [rid, pid, role, seq, since, until])


def _event(db, rid, code, kind, *, announced=None, effective=None, amount=None):
    db.execute("INSERT INTO legal_event (event_id, right_id, code, kind, announced_on, effective_on, amount_cny)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)", [f"e{next(_seq)}", rid, code, kind, announced, effective, amount])


def _owned(db, rid, pid, **kw):
    _right(db, rid, **kw)
    _role(db, rid, pid, "applicant")
    _role(db, rid, pid, "owner")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("ind") / "t.duckdb")
    _party(db, "dazu_co", DAZU)
    _party(db, "yuzhong_co", YUZHONG)
    _party(db, "hk_co", "810000", domestic=False)
    _party(db, "us_co", None, domestic=False)
    _party(db, "unknown_co", None)  # no address the resolver could place
    _party(db, "domestic_noaddr", None, domestic=True)
    # 1 in force throughout
    _owned(db, "plain", "dazu_co", filed=date(2012, 1, 10), granted=date(2014, 3, 1))
    # 2 fee due 2016-10-01 unpaid; the lapse (retroactive to the due date) announced 2017-05-10
    _owned(db, "grace", "dazu_co", filed=date(2012, 10, 1), granted=date(2014, 6, 1))
    _event(db, "grace", "CF01", "lapse", announced=date(2017, 5, 10))
    # 3 lapsed 2017-06-01 and restored 2017-09-01: valid at the end of 2017 under both rules
    _owned(db, "restored", "dazu_co", filed=date(2011, 5, 20), granted=date(2013, 1, 1))
    _event(db, "restored", "CF01", "lapse", announced=date(2017, 6, 1))
    _event(db, "restored", "RR01", "restoration", announced=date(2017, 9, 1))
    # 4 utility model filed 2013-12-31: its 10-year term ends on 2023-12-31 (not valid that day)
    _owned(db, "um_expiring", "dazu_co", kind="utility_model", filed=date(2013, 12, 31), granted=date(2014, 8, 1))
    # 5 transferred from Dazu to Yuzhong on 2020-06-01
    _right(db, "moved", filed=date(2015, 2, 2), granted=date(2017, 2, 2))
    _role(db, "moved", "dazu_co", "applicant")
    _role(db, "moved", "dazu_co", "owner", until=date(2020, 6, 1))
    _role(db, "moved", "yuzhong_co", "owner", since=date(2020, 6, 1))
    # 6 designs filed either side of 2021-06-01 (10 vs 15 years)
    _owned(db, "design_old", "dazu_co", kind="design", filed=date(2021, 5, 31), granted=date(2021, 9, 1))
    _owned(db, "design_new", "dazu_co", kind="design", filed=date(2021, 6, 1), granted=date(2021, 9, 1))
    # 7 owners outside the mainland, of unknown origin, and domestic without an address
    _owned(db, "hk", "hk_co", filed=date(2012, 1, 1), granted=date(2014, 1, 1))
    _owned(db, "us", "us_co", filed=date(2012, 1, 1), granted=date(2014, 1, 1))
    _owned(db, "unknown", "unknown_co", filed=date(2012, 1, 1), granted=date(2014, 1, 1))
    _owned(db, "noaddr", "domestic_noaddr", filed=date(2012, 1, 1), granted=date(2014, 1, 1))
    # 8 high value by three criteria at once (SEI class, granted family member abroad, award)
    _owned(db, "hv3", "yuzhong_co", filed=date(2019, 3, 3), granted=date(2021, 3, 3))
    db.execute("INSERT INTO right_class (right_id, scheme, code, is_main) "
               "SELECT 'hv3', 'ipc', from_code, true FROM concordance WHERE from_scheme = 'ipc' AND to_scheme = 'sei' LIMIT 1")
    db.execute("INSERT INTO right_family (right_id, member, office, kind_code, granted) VALUES ('hv3', 'US11111111B2', 'US', 'B2', true)")
    db.execute("INSERT INTO recognition (list_id, subject_id, subject_kind, year) VALUES ('china_patent_award', 'hv3', 'right', 2022)")
    # 9 high value only by age: filed 2005, in its 11th patent year from 2015-06-01
    _owned(db, "old", "yuzhong_co", filed=date(2005, 6, 1), granted=date(2008, 1, 1))
    # 10 a pledge of 12 million yuan registered 2022-04-01 (high value from then; 1,200万 in 2022)
    _owned(db, "pledged", "yuzhong_co", filed=date(2018, 1, 1), granted=date(2020, 1, 1))
    _event(db, "pledged", "PE01", "pledge", announced=date(2022, 4, 1), amount=12_000_000)
    # 11 PCT application filed 2021 by a Dazu applicant, owned (after grant) by a Yuzhong firm
    _right(db, "pct", filed=date(2021, 3, 1), pct=True)
    _role(db, "pct", "dazu_co", "applicant")
    # 12 for the attribution rules: applicant in Dazu, owner in Yuzhong from the start
    for rid, granted in (("split_early", date(2019, 5, 5)), ("split_late", date(2022, 5, 5))):
        _right(db, rid, filed=date(2017, 1, 1), granted=granted)
        _role(db, rid, "dazu_co", "applicant")
        _role(db, rid, "yuzhong_co", "owner")
    for code, pop in ((DAZU, 83.0), (YUZHONG, 59.0), (CQ, 3191.0)):
        db.execute("INSERT INTO stat VALUES (?, 2023, 'population', ?, '万人', 'test', NULL)", [code, pop])
    yield db
    db.close()


def _value(db, ind, region, year, **kw):
    df = compute_indicators(db, [ind], periods=[year], regions=[region], **kw)
    assert len(df) == 1
    return df.iloc[0]


def _numer(db, ind, region, year, **kw):
    return _value(db, ind, region, year, **kw)["numerator"]


def test_grace_period_lapse_legal_vs_known(world):
    # Dazu patents at the end of 2016: plain, grace (lapsed retroactively from its 2016-10-01 fee
    # date in hindsight, not yet announced), restored and the utility model ('moved' is granted
    # in 2017): 4 as known then, 3 in hindsight.
    assert _numer(world, "valid_patents", DAZU, 2016, snapshot="known") == 4
    assert _numer(world, "valid_patents", DAZU, 2016, snapshot="legal") == 3
    # 2017: the lapse is announced; 'moved' is granted
    assert _numer(world, "valid_patents", DAZU, 2017, snapshot="known") == 4
    assert "grace" not in set(drill_down(world, "valid_patents", DAZU, 2017, snapshot="known")["right_id"])


def test_restored_patent_counts(world):
    ids = set(drill_down(world, "valid_patents", DAZU, 2017)["right_id"])
    assert "restored" in ids and "grace" not in ids


def test_expired_on_the_day(world):
    assert "um_expiring" in set(drill_down(world, "valid_patents", DAZU, 2022)["right_id"])
    assert "um_expiring" not in set(drill_down(world, "valid_patents", DAZU, 2023)["right_id"])


def test_transfer_moves_between_regions(world):
    assert "moved" in set(drill_down(world, "valid_patents", DAZU, 2019)["right_id"])
    assert "moved" not in set(drill_down(world, "valid_patents", DAZU, 2020)["right_id"])
    assert "moved" in set(drill_down(world, "valid_patents", YUZHONG, 2020)["right_id"])
    for year in (2019, 2020):  # the province keeps it either way
        assert "moved" in set(drill_down(world, "valid_patents", CQ, year)["right_id"])


def test_designs_either_side_of_june_2021(world):
    ids = set(drill_down(world, "valid_patents", DAZU, 2032)["right_id"])
    assert "design_new" in ids and "design_old" not in ids  # 2031-05-31 vs 2036-06-01
    assert {"design_old", "design_new"} <= set(drill_down(world, "valid_patents", DAZU, 2030)["right_id"])


def test_foreign_and_hk_owners_excluded(world):
    row = _value(world, "valid_patents", "000000", 2016)
    ids = set(drill_down(world, "valid_patents", "000000", 2016)["right_id"])
    assert "hk" not in ids and "us" not in ids
    assert "noaddr" in ids  # domestic without an address: counted nationally, in no region
    assert row["excluded"] == 2  # hk, us
    assert row["unattributed"] == 2  # unknown origin + domestic without an address
    assert "noaddr" not in set(drill_down(world, "valid_patents", CQ, 2016)["right_id"])


def test_high_value_union_counted_once(world):
    hv = set(drill_down(world, "high_value_invention_patents_per_10k_pop", YUZHONG, 2023)["right_id"])
    assert hv == {"hv3", "old", "pledged"}
    row = _value(world, "high_value_invention_patents_per_10k_pop", YUZHONG, 2023)
    assert row["numerator"] == 3
    assert row["value"] == pytest.approx(3 / 59.0)  # per 10,000 people, population in 万人
    # 'old' reaches its 11th patent year on 2015-06-01; 'pledged' qualifies from its 2022 pledge
    assert set(drill_down(world, "high_value_invention_patents_per_10k_pop", YUZHONG, 2014)["right_id"]) == set()
    assert set(drill_down(world, "high_value_invention_patents_per_10k_pop", YUZHONG, 2021)["right_id"]) == {"hv3", "old"}


def test_per_10k_population(world):
    row = _value(world, "invention_patents_per_10k_pop", DAZU, 2023)
    # plain, restored (grace lapsed, moved left); inventions only
    assert row["numerator"] == 2 and row["denominator"] == 83.0
    assert row["value"] == pytest.approx(2 / 83.0)
    assert row["parent_value"] == pytest.approx(_value(world, "invention_patents_per_10k_pop", CQ, 2023)["value"])


def test_flows_and_amounts(world):
    assert _numer(world, "pct_applications", DAZU, 2021) == 1  # by the applicant's address
    assert _numer(world, "pct_applications", YUZHONG, 2021) == 0
    assert _value(world, "ip_pledge_amount", YUZHONG, 2022)["value"] == pytest.approx(0.12)  # 亿元


def test_attribution_rules(world):
    owner = set(drill_down(world, "valid_patents", YUZHONG, 2023)["right_id"])
    assert {"split_early", "split_late"} <= owner
    split = set(drill_down(world, "valid_patents", YUZHONG, 2023, attribution="cnipa_2021_split")["right_id"])
    assert "split_early" in split and "split_late" not in split  # granted 2022: the applicant's region
    assert "split_late" in set(drill_down(world, "valid_patents", DAZU, 2023, attribution="cnipa_2021_split")["right_id"])
    row = _value(world, "valid_patents", YUZHONG, 2023, attribution="cnipa_2021_split")
    assert row["attribution"] == "cnipa_2021_split"


def test_year_on_year_and_levels(world):
    df = compute_indicators(world, ["valid_patents"], periods=[2020], regions=[CQ], level="county")
    dazu = df.set_index("region").loc[DAZU]
    prev = _numer(world, "valid_patents", DAZU, 2019)
    assert dazu["yoy_change"] == dazu["value"] - prev
    # the 37 current districts and counties; 江北区 and 渝北区 (merged into 两江新区 in 2025) hold no
    # records here, so they are left out of the list
    assert len(df) == 37 and set(df["level"]) == {"county"} and "500157" in set(df["region"])
    assert dazu["rank"] >= 1 and dazu["peers"] == len(df)


def test_bad_input(world):
    with pytest.raises(UserError, match="未知的地区"):
        compute_indicators(world, ["valid_patents"], periods=[2020], regions=["999999"])
    with pytest.raises(UserError, match="未知的指标"):
        compute_indicators(world, ["no_such"], periods=[2020])
    with pytest.raises(UserError, match="统计期"):
        compute_indicators(world, ["valid_patents"], periods=["20x0"])
    with pytest.raises(UserError, match="归属规则"):
        compute_indicators(world, ["valid_patents"], periods=[2020], attribution="by_mood")
    with pytest.raises(UserError, match="下钻"):
        drill_down(world, "ip_protection_satisfaction", CQ, 2020)


def test_custom_group_sums_members(world):
    from zhichan.store import region_groups, set_region_group

    set_region_group(world, "zone", "测试功能区", [DAZU, YUZHONG])
    assert region_groups(world) == [{"group_id": "zone", "name": "测试功能区", "codes": [YUZHONG, DAZU]}]
    zone = _value(world, "invention_patents_per_10k_pop", "zone", 2023)
    dazu = _value(world, "invention_patents_per_10k_pop", DAZU, 2023)
    yuz = _value(world, "invention_patents_per_10k_pop", YUZHONG, 2023)
    assert zone["level"] == "group"
    assert zone["numerator"] == dazu["numerator"] + yuz["numerator"]
    assert zone["denominator"] == 83.0 + 59.0  # statistics of a group: the sum of its members
    with pytest.raises(UserError, match="未知的区划代码"):
        set_region_group(world, "bad", "坏", ["500111", "123456"])
