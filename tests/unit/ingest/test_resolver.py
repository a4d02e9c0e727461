"""Address → region resolver: one test per pathology of the issue."""

from __future__ import annotations

import pytest

from zhichan.errors import UserError
from zhichan.ingest._resolver import ResolvedBatch, ResolvedRegion, resolve_address, resolve_many
from zhichan.reference import regions


def code(text: str, **kw) -> str | None:
    return resolve_address(text, **kw).code


# -- chains, omissions, short forms ---------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("江苏省南京市鼓楼区汉口路22号", "320106"),
    ("深圳市南山区科技园", "440305"),            # province omitted
    ("南京市玄武区四牌楼2号", "320102"),
    ("内蒙古包头市昆都仑区钢铁大街", "150203"),  # 内蒙古
    ("广西南宁市青秀区民族大道", "450103"),      # 广西
    ("深圳南山", "440305"),                      # both short
    ("恩施州", "422800"),
    ("湖北省恩施州恩施市", "422801"),
    ("石柱县", "500240"),
    ("石柱", "500240"),
    ("黔东南州", "522600"),
    ("宁夏回族银川市兴庆区", "640104"),
    ("北京东城区东长安街1号", "110101"),
])
def test_chains_and_short_forms(text: str, expected: str) -> None:
    assert code(text) == expected


def test_result_fields() -> None:
    r = resolve_address("江苏省南京市鼓楼区汉口路22号")
    assert isinstance(r, ResolvedRegion)
    assert (r.code, r.name, r.level, r.domestic) == ("320106", "鼓楼区", "county", True)
    assert (r.province_code, r.prefecture_code, r.county_code) == ("320000", "320100", "320106")
    assert r.confidence >= 0.9
    assert "鼓楼区" in r.reason
    with pytest.raises(AttributeError):
        r.code = "x"  # type: ignore[misc]  # frozen


# -- same-name counties ---------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("江苏省南京市鼓楼区", "320106"), ("江苏省徐州市鼓楼区", "320302"),
    ("福建省福州市鼓楼区", "350102"), ("河南省开封市鼓楼区", "410204"),
    ("北京市朝阳区", "110105"), ("吉林省长春市朝阳区", "220104"), ("北京朝阳", "110105"),
    ("甘肃省兰州市城关区", "620102"), ("西藏拉萨市城关区", "540102"),
    ("浙江省杭州市西湖区", "330106"), ("江西省南昌市西湖区", "360103"),
    ("辽宁省沈阳市铁西区", "210106"), ("辽宁省鞍山市铁西区", "210303"),
    ("天津市和平区", "120101"), ("沈阳市和平区", "210102"),
    ("上海市普陀区", "310107"), ("浙江省舟山市普陀区", "330903"),
    ("浙江省江北区", "330205"), ("陕西省西安市长安区", "610116"),
    ("河北省石家庄市长安区", "130102"), ("河北省沧州市新华区", "130902"),
])
def test_same_name_counties_with_context(text: str, expected: str) -> None:
    r = resolve_address(text)
    assert r.code == expected
    assert r.confidence >= 0.8


@pytest.mark.parametrize("text, parent", [
    ("江苏省鼓楼区中山路", "320000"),
    ("辽宁省铁西区", "210000"),
    ("河北省新华区", "130000"),
])
def test_ambiguous_with_partial_context_falls_back_to_parent(text: str, parent: str) -> None:
    r = resolve_address(text)
    assert r.code == parent and r.level == "province"
    assert "ambiguous" in r.reason


@pytest.mark.parametrize("text", [
    "鼓楼区中山路1号", "朝阳区建国路", "城关区", "西湖区", "江北区", "普陀区", "新华区", "和平区",
    "长安区", "南山区", "桥西区", "铁西区", "通州区", "市中区", "中山",
])
def test_never_confidently_wrong(text: str) -> None:
    r = resolve_address(text)
    assert r.confidence < 0.5 or r.level in (None, "province", "prefecture")
    if r.code is None:
        assert "ambiguous" in r.reason and "|" in r.reason  # candidates listed


def test_ambiguity_resolved_by_hint_uscc_postcode() -> None:
    assert code("朝阳区建国路", hint="110000") == "110105"
    assert code("朝阳区建国路", hint="220100") == "220104"
    assert code("鼓楼区中山路1号", uscc="91320106MA1XXXXX0X") == "320106"
    assert code("朝阳区建国路", postcode="100020") == "110105"
    assert code("鼓楼区", postcode="350001") == "350102"


def test_uscc_alone_and_refinement() -> None:
    r = resolve_address("科技园路1号", uscc="91440305MA5XXXXX1X")
    assert r.code == "440305" and r.confidence < 0.9 and "USCC" in r.reason
    r = resolve_address("深圳市科技园", uscc="91440305MA5XXXXX1X")
    assert r.code == "440305" and "USCC" in r.reason
    # The address wins over a registering authority elsewhere (the firm moved).
    assert code("上海市徐汇区华山路1954号", uscc="91440305MA5XXXXX1X") == "310104"


# -- false matches inside streets and names -------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("重庆市渝北区黄山大道", "500157"),       # not 黄山市
    ("广州市越秀区北京路", "440104"),
    ("上海市黄浦区南京东路", "310101"),
    ("上海市静安区南京西路", "310106"),
    ("安徽省合肥市蜀山区黄山路", "340104"),
    ("山东省青岛市市南区香港中路", "370202"),  # not Hong Kong
    ("甘肃省兰州市城关区天水南路222号", "620102"),
    ("湖北省武汉市武昌区中山路", "420106"),
    ("上海市长宁区延安西路", "310105"),
    ("东方电气集团四川省德阳市旌阳区", "510603"),
    ("山东青岛市南区", "370202"),             # 青岛 + 市南区, not 青岛市 + 南区
    ("甘肃庆阳镇原县", "621027"),             # 庆阳 + 镇原县, not the township 庆阳镇
])
def test_street_and_company_names_do_not_mislead(text: str, expected: str) -> None:
    assert code(text) == expected


def test_street_name_only_is_unresolved() -> None:
    assert resolve_address("中山路88号").code is None
    assert resolve_address("北京路100号").code is None


# -- special units ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected, level", [
    ("广东省东莞市松山湖", "441900", "prefecture"),
    ("广东省中山市石岐区", "442000", "prefecture"),
    ("海南省儋州市那大镇", "460400", "prefecture"),
    ("甘肃省嘉峪关市", "620200", "prefecture"),
    ("湖北省仙桃市", "429004", "county"),
    ("河南省济源市", "419001", "county"),
    ("新疆石河子市北四路", "659001", "county"),
    ("海南省琼海市", "469002", "county"),
])
def test_cities_without_counties_and_province_administered(text: str, expected: str, level: str) -> None:
    r = resolve_address(text)
    assert (r.code, r.level) == (expected, level)


# -- history ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("山东省莱芜市", "370116"), ("山东省莱芜市莱城区", "370116"),
    ("上海市卢湾区淮海中路", "310101"), ("上海市闸北区", "310106"),
    ("北京市崇文区", "110101"), ("北京市宣武区", "110102"),
    ("湖北省襄樊市", "420600"), ("浙江省临安市", "330112"), ("广州市从化市", "440117"),
    ("重庆市荣昌县", "500153"), ("浙江省宁波市江东区", "330212"), ("安徽省巢湖市", "340181"),
    ("四川省涪陵市", "500102"),  # old province still accepted as context
    ("广东省顺德市", "440606"),  # code 449001 was 潮州市 before: follow the vintage, not the code
])
def test_historical_names_map_to_today(text: str, expected: str) -> None:
    assert code(text) == expected


def test_aliases_follow_current_code() -> None:
    # The aliases come from the vintages, so they agree with regions.current_code.
    for old in ("310103", "330204", "500226", "440184", "330185", "371200", "420600"):
        reg = regions.get(old)
        parent = reg.parent_code if reg.parent_code in regions else old[:2] + "0000"
        assert code(regions.get(parent).name + reg.name) == regions.current_code(old)


# -- noise ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "400020 重庆市沙坪坝区沙正街174号", "[400044] 重庆市沙坪坝区沙正街174号",
    "(400044)重庆市沙坪坝区", "【400044】重庆市沙坪坝区", "邮编：400044 重庆市沙坪坝区",
    "重庆市沙坪坝区（邮编 400044）", "４０００４４　重庆市沙坪坝区", "重庆市 沙坪坝区",
    "中国重庆市沙坪坝区", "中华人民共和国重庆市沙坪坝区", "　重庆市沙坪坝区　",
])
def test_postcodes_fullwidth_and_spaces(text: str) -> None:
    assert code(text) == "500106"


def test_postcode_only() -> None:
    r = resolve_address("400020")
    assert r.code == "500000" and r.confidence < 0.5


def test_township_as_weak_evidence() -> None:
    r = resolve_address("广东省佛山市狮山镇")
    assert r.code == "440605" and r.confidence < 0.9


def test_empty_and_regionless_text() -> None:
    for text in ("", "   ", "某某科技有限公司"):
        r = resolve_address(text)
        assert r.code is None and r.confidence == 0.0


# -- outside the mainland -----------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("香港九龙尖沙咀弥敦道", "810000"), ("香港特别行政区中环", "810000"),
    ("澳门特别行政区氹仔", "820000"), ("台湾省台北市信义区", "710000"),
    ("中国台湾新竹科学工业园区", "710000"), ("Hong Kong, Central", "810000"),
])
def test_hk_macao_taiwan(text: str, expected: str) -> None:
    r = resolve_address(text)
    assert r.code == expected and r.domestic is False and r.level == "province"


@pytest.mark.parametrize("text", [
    "日本东京都千代田区", "美国加利福尼亚州山景城", "韩国首尔特别市江南区", "德国慕尼黑",
    "1600 Amphitheatre Parkway, Mountain View, CA, USA", "瑞士巴塞尔", "英属维尔京群岛",
])
def test_foreign(text: str) -> None:
    r = resolve_address(text)
    assert r.code is None and r.domestic is False and r.confidence >= 0.5


# -- batch ------------------------------------------------------------------------------------


def test_resolve_many_matches_single_and_dedupes() -> None:
    texts = ["江苏省南京市鼓楼区", "日本东京都", "江苏省南京市鼓楼区", "朝阳区", "", "深圳南山"]
    batch = resolve_many(texts)
    assert isinstance(batch, ResolvedBatch)
    assert len(batch) == len(texts) and batch.distinct == 5
    assert batch.input == texts
    for i, t in enumerate(texts):
        assert batch[i] == resolve_address(t)
    cols = batch.columns()
    assert set(cols) >= {"input", "code", "name", "level", "confidence", "domestic", "reason"}
    assert all(len(v) == len(texts) for v in cols.values())


def test_resolve_many_columns_of_evidence() -> None:
    batch = resolve_many(["朝阳区", "朝阳区"], hint=["110000", "220100"])
    assert batch.code == ["110105", "220104"]
    batch = resolve_many(["鼓楼区", "鼓楼区"], uscc=["91320106MA1XXXXX0X", None], postcode=[None, None])
    assert batch.code[0] == "320106" and batch.code[1] is None
    assert resolve_many([]).code == []
    with pytest.raises(UserError):
        resolve_many(["a", "b"], uscc=["x"])


def test_bad_hint_raises() -> None:
    with pytest.raises(UserError):
        resolve_address("朝阳区", hint="999999")


# -- robustness -------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "江苏省", "南京市", "鼓楼区", "朝阳", "北京路", "400020 ", "[", "】", "邮编：", "　", "市", "区",
    "镇", "香港", "日本", "USA", "１２", "中国", "黄山", "大道", "路", "号", "",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=4), max_size=8).map("".join))
def test_any_text_gives_a_well_formed_answer(text: str) -> None:
    r = resolve_address(text)
    assert 0.0 <= r.confidence <= 1.0
    if r.code is not None:
        reg = regions.get(r.code)
        assert regions.is_current(r.code) and reg.level == r.level and reg.name == r.name
    else:
        assert r.level is None and r.name is None
    assert r == resolve_many([text])[0]
