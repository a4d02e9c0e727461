"""Applicant/party names: cleaning, grouping keys, legal forms, kinds, list splitting."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhichan.ingest._names import (
    EMPTY,
    KIND_LABELS_ZH,
    KINDS,
    LEGAL_FORMS,
    NormalisedName,
    name_key,
    normalise_name,
    party_kind,
    split_applicants,
)

# name, kind, legal_form
REAL = [
    ("重庆长安汽车股份有限公司", "enterprise", "joint_stock"),
    ("华为技术有限公司", "enterprise", "ltd"),
    ("中冶赛迪工程技术股份有限公司", "enterprise", "joint_stock"),
    ("国家电网公司", "enterprise", "company"),
    ("华为技术有限公司重庆分公司", "enterprise", "branch"),
    ("中国石油化工股份有限公司北京燕山分公司", "enterprise", "branch"),
    ("宁波梅山保税港区某某投资合伙企业（有限合伙）", "enterprise", "partnership"),
    ("重庆某某农业专业合作社", "enterprise", "cooperative"),
    ("重庆市江北区某某五金店", "enterprise", None),
    ("重庆理工大学科技园发展有限公司", "enterprise", "ltd"),  # head-final: a company
    ("重庆大学", "university", None),
    ("西南大学", "university", None),
    ("重庆邮电大学", "university", None),
    ("重庆工程职业技术学院", "university", None),
    ("中国人民解放军陆军军医大学", "university", None),
    ("中国科学院大学", "university", None),
    ("北京大学深圳研究生院", "university", None),
    ("國立臺灣大學", "university", None),
    ("中国科学院重庆绿色智能技术研究院", "institute", None),
    ("中国科学院", "institute", None),
    ("重庆市农业科学院", "institute", None),
    ("中国农业科学院茶叶研究所", "institute", None),
    ("中国电子科技集团公司第二十四研究所", "institute", None),
    ("財團法人工業技術研究院", "institute", None),
    ("重庆市大足区市场监督管理局", "government", None),
    ("重庆市渝北区人民政府", "government", None),
    ("中华人民共和国重庆海关", "government", None),
    ("重庆市科学技术协会", "government", None),
    ("重庆市疾病预防控制中心", "government", None),
    ("中国人民解放军63963部队", "government", None),
    ("重庆医科大学附属第一医院", "government", None),  # hospitals count as 机关团体
    ("张三", "individual", None),
    ("欧阳娜娜", "individual", None),
    ("阿卜杜·热合曼", "individual", None),
    ("约翰·史密斯", "individual", None),
    ("李学会", "individual", None),  # a person, though 学会 is a marker
    ("Robert Bosch GmbH", "enterprise", "ltd"),
    ("SONY GROUP CORPORATION", "enterprise", "corporation"),
    ("株式会社村田製作所", "enterprise", "joint_stock"),
    ("三星电子株式会社", "enterprise", "joint_stock"),
    ("LG Electronics Inc.", "enterprise", "corporation"),
    ("Samsung Electronics Co., Ltd.", "enterprise", "ltd"),
    ("Siemens Aktiengesellschaft", "enterprise", "joint_stock"),
    ("KONINKLIJKE PHILIPS N.V.", "enterprise", "joint_stock"),
    ("3M INNOVATIVE PROPERTIES COMPANY", "enterprise", "company"),
    ("Müller GmbH & Co. KG", "enterprise", "partnership"),
    ("Massachusetts Institute of Technology", "university", None),
    ("The Regents of the University of California", "university", None),
    ("Industrial Technology Research Institute", "institute", None),
    ("Centre National de la Recherche Scientifique", "institute", None),
    ("Seoul National University Hospital", "government", None),
    ("John Smith", "individual", None),
    ("SMITH, JOHN", "individual", None),
]


@pytest.mark.parametrize(("name", "kind", "form"), REAL)
def test_real_names(name: str, kind: str, form: str | None) -> None:
    r = normalise_name(name)
    assert (r.kind, r.legal_form) == (kind, form), r
    assert party_kind(name) == kind
    assert r.kind_reason
    assert r.name_norm == name_key(name)
    assert r.stem in r.name_norm


SAME = [
    ("重庆长安汽车股份有限公司", "重庆长安汽车股份有限公司 "),
    ("重庆长安汽车股份有限公司", "重庆长安汽车股份有限公司（CN）"),
    ("重庆长安汽车股份有限公司", "重庆长安汽车股份有限公司[CN]"),
    ("重庆长安汽车股份有限公司", "重庆长安汽车股份公司"),
    ("华为技术有限公司", "华为技术有限责任公司"),
    ("华为技术有限公司", "华为技术有限公司（深圳）"),  # annotation after the legal form
    ("华为技术有限公司", "华为 技术 有限公司。"),
    ("华为技术有限公司重庆分公司", "华为技术有限责任公司重庆分公司"),
    ("中铁二局集团（成都）有限公司", "中铁二局集团(成都)有限公司"),
    ("中铁二局集团（成都）有限公司", "中铁二局集团【成都】有限责任公司"),
    ("重庆西南铝业（集团）有限责任公司", "重庆西南铝业集团有限公司"),
    ("某某投资中心（有限合伙）", "某某投资中心(有限合伙)"),
    ("某某投资中心（有限合伙）", "某某投资中心有限合伙"),
    ("ＡＢＣ科技有限公司", "ABC 科技有限公司"),
    ("阿卜杜·热合曼", "阿卜杜．热合曼"),
    ("阿卜杜·热合曼", "阿卜杜•热合曼"),
    ("Robert Bosch GmbH", "ROBERT BOSCH GMBH"),
    ("SONY GROUP CORPORATION", "Sony Group Corp."),
    ("Samsung Electronics Co., Ltd.", "SAMSUNG ELECTRONICS CO LTD"),
    ("Samsung Electronics Co., Ltd.", "Samsung Electronics Company Limited"),
    ("Samsung Electronics Co., Ltd.", "Samsung Electronics Co.,Ltd"),
    ("LG Electronics Inc.", "LG ELECTRONICS INC (KR)"),
    ("QUALCOMM INCORPORATED", "Qualcomm Inc."),
    ("Siemens Aktiengesellschaft", "SIEMENS AG"),
    ("TOYOTA JIDOSHA KABUSHIKI KAISHA", "Toyota Jidosha K.K."),
    ("株式会社村田製作所", "㈱村田製作所"),
    ("The Regents of the University of California", "Regents of the University of California"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_variants_share_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b) != ""


DIFFERENT = [
    ("华为技术有限公司", "华为技术有限公司重庆分公司"),  # a branch is not its parent
    ("中国石油化工股份有限公司", "中国石油化工股份有限公司北京燕山分公司"),
    ("华为技术有限公司", "华为终端有限公司"),
    ("重庆长安汽车股份有限公司", "重庆长安汽车有限公司"),  # joint-stock vs limited
    ("中国石油天然气集团公司", "中国石油天然气集团有限公司"),  # 公司 kept apart from 有限公司
    ("索尼（中国）有限公司", "索尼有限公司"),  # a qualifier inside the name is part of it
    ("重庆大学", "重庆医科大学"),
    ("株式会社村田製作所", "村田製作所株式会社"),
    ("Samsung Electronics Co., Ltd.", "Samsung Electronics America, Inc."),
    ("Sony Corporation", "Sony Group Corporation"),
    ("Acme Co., Ltd.", "Acme Ltd."),
    ("张三", "张山"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_distinct_parties_keep_distinct_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_key_shape() -> None:
    r = normalise_name("  重庆长安汽车股份有限公司（CN） ")
    assert r.name_norm == "重庆长安汽车股份有限公司"
    assert r.stem == "重庆长安汽车"
    assert r.display == "重庆长安汽车股份有限公司（CN）"
    r = normalise_name("Samsung Electronics Co., Ltd.")
    assert (r.name_norm, r.stem, r.display) == (
        "SAMSUNGELECTRONICSCOLTD",
        "SAMSUNGELECTRONICS",
        "Samsung Electronics Co., Ltd.",
    )
    assert normalise_name("中国重汽集团有限公司").stem == "中国重汽集团"  # 集团 stays in the stem
    assert normalise_name("株式会社村田製作所").stem == "村田製作所"


@pytest.mark.parametrize(
    ("raw", "display"),
    [
        ("中铁二局集团(成都)有限公司", "中铁二局集团（成都）有限公司"),
        ("中铁二局集团〔成都〕有限公司", "中铁二局集团（成都）有限公司"),
        ("ＬＧ　Ｅｌｅｃｔｒｏｎｉｃｓ　Ｉｎｃ．", "LG Electronics Inc."),
        ("  Robert   Bosch  GmbH ;", "Robert Bosch GmbH"),
        ("华为 技术 有限公司", "华为技术有限公司"),
        ("“华为”技术有限公司", "“华为”技术有限公司"),
        ("、张三。", "张三"),
        ("阿卜杜 ． 热合曼", "阿卜杜·热合曼"),
        ("某某—科技有限公司", "某某-科技有限公司"),
        ("某某科技有限公司(", "某某科技有限公司"),
        ("某某科技有限公司（CN", "某某科技有限公司（CN）"),
        ("某某科技（ ）有限公司", "某某科技有限公司"),
        ("Foo (US)", "Foo (US)"),
    ],
)
def test_display(raw: str, display: str) -> None:
    assert normalise_name(raw).display == display


@pytest.mark.parametrize("blank", ["", "   ", "\u3000", ";；、", "（）", None, math.nan])
def test_empty_gives_empty_result(blank: object) -> None:
    r = normalise_name(blank)
    assert r.name_norm == "" and r.kind == "other" and r.legal_form is None
    assert name_key(blank) == ""


def test_odd_input_never_raises() -> None:
    for odd in ["\x00\x01", "(((", ")))", "（）（）", "·", "Ltd.", "有限公司", "\ufeff张三", 12345]:
        assert isinstance(normalise_name(odd), NormalisedName)
    assert EMPTY.kind_reason == "empty"


def test_vocabularies() -> None:
    assert set(KINDS) == set(KIND_LABELS_ZH)
    assert KIND_LABELS_ZH["university"] == "大专院校"
    for name, kind, form in REAL:
        assert kind in KINDS and (form is None or form in LEGAL_FORMS)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("北京大学;清华大学", ["北京大学", "清华大学"]),
        ("北京大学；清华大学", ["北京大学", "清华大学"]),
        ("张三、李四、王五", ["张三", "李四", "王五"]),
        ("重庆大学|西南大学", ["重庆大学", "西南大学"]),
        ("重庆大学\n西南大学", ["重庆大学", "西南大学"]),
        ("北京大学,清华大学，复旦大学", ["北京大学", "清华大学", "复旦大学"]),
        ("某某投资中心（有限合伙；测试）|重庆大学", ["某某投资中心（有限合伙；测试）", "重庆大学"]),
        ("Samsung Electronics Co., Ltd.", ["Samsung Electronics Co., Ltd."]),
        ("Hitachi, Ltd.", ["Hitachi, Ltd."]),
        ("SMITH, JOHN", ["SMITH, JOHN"]),
        (
            "Samsung Electronics Co., Ltd.; LG Electronics Inc.",
            ["Samsung Electronics Co., Ltd.", "LG Electronics Inc."],
        ),
        (
            "Samsung Electronics Co., Ltd., LG Electronics Inc., Hitachi, Ltd.",
            ["Samsung Electronics Co., Ltd.", "LG Electronics Inc.", "Hitachi, Ltd."],
        ),
        ("重庆大学;;  ; 西南大学;", ["重庆大学", "西南大学"]),
        ("  重庆大学  ", ["重庆大学"]),
        ("", []),
        (None, []),
    ],
)
def test_split_applicants(text: str | None, parts: list[str]) -> None:
    assert split_applicants(text) == parts


_PIECES = [
    "重庆", "长安", "汽车", "华为", "技术", "有限公司", "有限责任公司", "股份公司", "股份有限公司",
    "分公司", "集团", "大学", "研究院", "有限合伙", "株式会社", "张三", "（", "）", "(", ")", "【",
    "】", " ", "\u3000", "Co.,", "Ltd.", "LIMITED", "Company", " Inc", "GmbH", "A/S", "S.A.", "The ",
    "·", "．", ".", "-", "—", "CN", "(CN)", "（中国）", "ＡＢＣ", "abc", "(株)", "、", ";", ",",
    "'", "《", "》", "_", "ß", "ﬁ", "ǅ",
]  # fmt: skip
_NAMES = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=8).map("".join),
    st.text(max_size=24),
)


@settings(max_examples=500)
@given(_NAMES)
def test_key_is_idempotent(text: str) -> None:
    r = normalise_name(text)
    assert name_key(r.name_norm) == r.name_norm
    again = normalise_name(r.display)
    assert (again.display, again.name_norm, again.kind) == (r.display, r.name_norm, r.kind)


@settings(max_examples=300)
@given(_NAMES)
def test_key_shape_property(text: str) -> None:
    key = name_key(text)
    assert key == key.upper() and " " not in key and "(" not in key and "（" not in key
    assert name_key(text) == key  # deterministic (and cached)
