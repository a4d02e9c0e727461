"""Packaged classifications: Nice, WIPO technology fields, SEI 2021 and the IPC normaliser."""

from __future__ import annotations

import random
import time
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhichan.errors import InvalidIdentifierError, ReferenceDataError
from zhichan.reference import _classifications as c
from zhichan.reference._ipc import normalise_ipc


@pytest.mark.parametrize("text", [
    "G06F 17/30", "G06F17/30", "G06F  17/30", "g06f 17/30", "Ｇ０６Ｆ　１７／３０",
    "G06F0017300000", "G06F 17/30 (2006.01)", "G06F17/30(2006.01)", " G06F-17/30 ",
])
def test_ipc_spellings_normalise_to_one_symbol(text):
    code = normalise_ipc(text)
    assert code is not None
    assert (code.symbol, code.subclass, code.main_group) == ("G06F 17/30", "G06F", "G06F 17/00")


def test_ipc_other_forms():
    assert normalise_ipc("A61K0031000000").symbol == "A61K 31/00"
    assert normalise_ipc("H01L0021027000").symbol == "H01L 21/027"
    assert normalise_ipc("A01B0001100000").symbol == "A01B 1/10"
    sub = normalise_ipc("G06F")
    assert (sub.symbol, sub.subclass, sub.main_group) == ("G06F", "G06F", "")
    assert normalise_ipc("H04L 29/06").ipc_class == "H04"
    for bad in ("", "X06F 17/30", "G06F17", "G06F 17/", "G06F 17/30A", "G06F 0/00", "C08", None):
        assert normalise_ipc(bad) is None, bad
    with pytest.raises(InvalidIdentifierError):
        normalise_ipc("not an ipc", strict=True)


@given(st.sampled_from("ABCDEFGH"), st.integers(1, 99), st.sampled_from("ABCDEFGHJKLMNPQ"),
       st.integers(1, 9999), st.integers(0, 999999))
def test_fixed_width_and_free_forms_agree(section, cls, letter, group, sub):
    subclass = f"{section}{cls:02d}{letter}"
    fixed = normalise_ipc(f"{subclass}{group:04d}{sub:06d}")
    digits = f"{sub:06d}".rstrip("0").ljust(2, "0")
    free = normalise_ipc(f"{subclass} {group}/{digits}")
    assert fixed == free
    assert normalise_ipc(fixed.symbol) == fixed


def test_nice_classes():
    classes = c.nice_classes()
    assert len(classes) == 45
    assert Counter(n.kind for n in classes) == {"goods": 34, "services": 11}
    nine = c.nice_class(9)
    assert nine.short_zh == "科学仪器" and "计算机软件" in nine.title_zh and nine.kind == "goods"
    assert nine.title_en == "Electrical and scientific apparatus"
    assert c.nice_class("35").title_zh == "广告；商业经营；商业管理；办公事务。"
    assert c.nice_class("第35类").kind == "services"
    with pytest.raises(ReferenceDataError):
        c.nice_class(46)


def test_tech_fields():
    fields = c.tech_fields()
    assert [f.number for f in fields] == list(range(1, 36))
    assert len({f.sector for f in fields}) == 5
    # H04L is listed whole under field 4 Digital communication (field 3 is Telecommunications)
    f = c.tech_field("H04L 29/06")
    assert (f.number, f.name_en, f.sector) == (4, "Digital communication", "Electrical engineering")
    assert c.tech_field("H04B 7/02").number == 3
    assert c.tech_field("A61K 31/00").name_en == "Pharmaceuticals"
    assert c.tech_field("A61K 8/02").number == 14  # cosmetics go to organic fine chemistry
    assert c.tech_field("G01N 33/53").number == 11  # analysis of biological materials
    assert c.tech_field("G01N 21/00").number == 10
    assert c.tech_field("G06Q0010000000").number == 7
    assert c.tech_field("H10K 50/00") is None  # IPC 2023 subclass, not in the 2008 table
    assert c.tech_field("garbage") is None


def test_sei_tables():
    inds = c.sei_industries()
    assert sum(i.level == 1 for i in inds) == 9 and sum(i.level == 2 for i in inds) == 40
    names = {i.code: i.name_zh for i in inds}
    assert names["1.5"] == "人工智能" and names["5.4"] == "新能源汽车相关服务"
    assert names["1"] == "新一代信息技术产业"
    assert len(c.sei_rules()) == 321


def test_sei_of_matches_the_source_rows():
    # source: G06F -> rule 2 (1.1); G06F17/00 -> rule 22 (1.4); no row for G06F17/30
    assert c.sei_of("G06F 17/30") == ["1.1", "1.4"]
    assert c.sei_of("G06F 17/30", most_specific=True) == ["1.4"]
    # H04B -> 2, H04B7/02 -> 3: both rules are code 1.1
    assert c.sei_rules_of("H04B 7/02") == [2, 3]
    assert c.sei_of("H04B 7/02") == ["1.1"]
    # A61L -> 193 (4.2); A61L27/02 -> 175 (3.6), 193, 194 (4.2)
    assert c.sei_rules_of("A61L27/02") == [175, 193, 194]
    assert c.sei_of("A61L27/02") == ["3.6", "4.2"]
    # G06N -> 24 (1.4); G06N3/00 -> 29; G06N3/08 -> 30 (1.5); unlisted subgroup -> main group
    assert c.sei_rules_of("G06N 3/08") == [24, 29, 30]
    assert c.sei_rules_of("G06N 3/99") == [24, 29]
    # class-level rows: C08 -> 182, G16 -> 17
    assert 182 in c.sei_rules_of("C08L 1/00")
    assert c.sei_rules_of("G16H 10/00") == [17, 31]
    assert c.sei_of("A01B 1/022") == ["2.1"]
    assert c.sei_of("A63B 21/00") == [] and c.sei_of("???") == []  # A63B not listed


def test_classification_rows():
    rows = list(c.classification_rows())
    assert Counter(r["scheme"] for r in rows) == {"nice": 45, "tech_field": 40, "sei": 49}
    assert all(set(r) == {"scheme", "code", "title_zh", "title_en", "parent"} for r in rows)
    by = {(r["scheme"], r["code"]): r for r in rows}
    assert by[("tech_field", "4")]["parent"] == "S1"
    assert by[("tech_field", "S1")]["title_en"] == "Electrical engineering"
    assert by[("sei", "1.5")]["parent"] == "1"
    codes = {(r["scheme"], r["code"]) for r in rows}
    assert len(codes) == len(rows)
    assert all(r["parent"] is None or ((r["scheme"], r["parent"]) in codes) for r in rows)


def test_concordance_rows():
    rows = list(c.concordance_rows())
    kinds = Counter((r["from_scheme"], r["to_scheme"]) for r in rows)
    assert kinds[("ipc_pattern", "tech_field")] == 764
    got = {(r["from_scheme"], r["from_code"], r["to_code"]) for r in rows}
    assert ("ipc_pattern", "H04L%", "4") in got
    assert ("ipc_pattern", "A61K 31/%", "16") in got
    assert ("ipc_pattern", "G06F%", "1.1") in got
    assert ("ipc_pattern", "G06F 17/%", "1.4") in got
    assert ("ipc_pattern", "C08%", "3.6") in got
    assert ("ipc", "A61L 27/02", "3.6") in got
    assert all(r["weight"] == 1.0 for r in rows)
    assert len(got) == len(rows)


def test_mapping_a_million_codes_is_fast():
    pool = [r["ipc"] for r in c._rows("ipc_sei_2021.csv.gz") if " " in r["ipc"]]
    rng = random.Random(7)
    codes = [rng.choice(pool).replace(" ", "") for _ in range(200_000)]
    start = time.perf_counter()
    for code in codes:
        c.tech_field(code)
        c.sei_of(code)
    assert time.perf_counter() - start < 5  # 200k in < 5 s, i.e. 1M in well under 30 s
